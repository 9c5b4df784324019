/* _ESCAPE_STUB oparg: not a uop but the code of an escape, native code handing one uop to the
   runtime (stitch_stencil.h, section 3). It is the whole code of a uop the library has no
   template for, and the target of the _JIT_ESCAPE hole of a stencil whose slow path the
   runtime takes. OPARG is the value stitch_enter returns, -2 - (the uop's index); the stack
   pointer goes to the thread state, where the runtime finds it. */
#include "stitch_stencil.h"

STENCIL(_ESCAPE_STUB)
{
    UNUSED(frame);
    TS_WORD(STITCH_THREAD_STATE_JIT_SP) = (uint64_t)sp;
    TS_WORD(STITCH_THREAD_STATE_JIT_EXIT) = OPARG;
    return;
}

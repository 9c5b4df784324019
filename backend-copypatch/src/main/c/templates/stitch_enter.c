/* stitch_enter: the entry trampoline, an ordinary C-ABI function that jffi calls
   (NativeCalls.call(address, frame, sp, ts)). It calls the region's first stencil through
   its _JIT_CONTINUE hole with a normal call; the chain of tail jumps ends in an exit stub
   whose ret comes back here. The chain is preserve_none, so clang saves the C ABI's
   callee-saved registers here, around the call. Returns the exit index the stub stored in
   the thread state's JIT_EXIT word. */
#include "stitch_stencil.h"

uint64_t stitch_enter(uint64_t *frame, uint64_t *sp, uint64_t *ts)
{
    _JIT_CONTINUE(frame, sp, ts);
    return TS_WORD(STITCH_THREAD_STATE_JIT_EXIT);
}

/* _POP_FRAME: returns from an inlined call: pops the current frame off the frame stack, as
   the interpreter's return does, makes the caller current and pushes the return value (the
   top of stack) on the caller's stack at the depth its SP saved at the call. */
#include "stitch_stencil.h"

STENCIL(_POP_FRAME)
{
    uint64_t v = sp[-1];
    uint64_t *caller = (uint64_t *)(uintptr_t)stitch_word_to_raw(FRAME_WORD(STITCH_FRAME_PREVIOUS));
    TS_WORD(STITCH_THREAD_STATE_STACK_TOP) = (uint64_t)frame;
    TS_WORD(STITCH_THREAD_STATE_RECURSION_DEPTH) -= 1;
    TS_WORD(STITCH_THREAD_STATE_CURRENT_FRAME) = (uint64_t)caller;
    frame = caller;
    uint64_t *base =
        &LOCAL(stitch_small_value(OBJ_WORD(FRAME_WORD(STITCH_FRAME_CODE), STITCH_CODE_NLOCALSPLUS)));
    sp = base + stitch_small_value(FRAME_WORD(STITCH_FRAME_SP));
    *sp++ = v;
    CONTINUE();
}

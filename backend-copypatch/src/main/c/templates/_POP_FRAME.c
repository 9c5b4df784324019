/* _POP_FRAME: returns from an inlined call: pops the current frame off the frame stack, as
   the interpreter's return does, makes the caller current and pushes the return value (the
   top of stack) on the caller's stack at the depth its SP saved at the call. */
#include "stitch_stencil.h"

STENCIL(_POP_FRAME)
{
    uint64_t v = sp[-1];
    frame = stitch_pop_frame(frame, ts,
        (uint64_t *)(uintptr_t)stitch_word_to_raw(FRAME_WORD(STITCH_FRAME_PREVIOUS)));
    sp = STACK_BASE() + stitch_small_value(FRAME_WORD(STITCH_FRAME_SP));
    *sp++ = v;
    CONTINUE();
}

/* _RETURN_VALUE: returns from the frame that entered the region, then leaves (JIT_EXIT -1:
   the interpreter resumes the innermost frame, section 3). A plain frame returns here as the
   interpreter's RETURN_VALUE does: popped off the frame stack, its value pushed on the
   caller's stack at the depth the caller saved at its CALL, and the caller's IP moved past
   that CALL, so the interpreter goes straight on in the caller. An entry frame (its return
   leaves the interpreter loop), an __init__ frame (its return checks for None and yields the
   instance), a generator's frame and a frame without a caller leave the return itself to the
   interpreter: the stack
   depth is stored and the IP is the instruction's own (from _SET_IP). */
#include "stitch_stencil.h"

STENCIL(_RETURN_VALUE)
{
    uint64_t *caller = (uint64_t *)(uintptr_t)stitch_word_to_raw(FRAME_WORD(STITCH_FRAME_PREVIOUS));
    if (FRAME_WORD(STITCH_FRAME_FLAGS) != stitch_make_small(0)
        || FRAME_WORD(STITCH_FRAME_GENERATOR) != 0 || caller == 0) {
        FRAME_WORD(STITCH_FRAME_SP) = stitch_make_small(sp - STACK_BASE());
        TS_WORD(STITCH_THREAD_STATE_JIT_EXIT) = (uint64_t)-1;
        return;
    }
    uint64_t v = sp[-1];
    frame = stitch_pop_frame(frame, ts, caller);
    int64_t depth = stitch_small_value(FRAME_WORD(STITCH_FRAME_SP));
    STACK_BASE()[depth] = v;
    FRAME_WORD(STITCH_FRAME_SP) = stitch_make_small(depth + 1);
    FRAME_WORD(STITCH_FRAME_IP) =
        stitch_make_small(stitch_small_value(FRAME_WORD(STITCH_FRAME_IP)) + STITCH_FRAME_CALL_UNITS);
    TS_WORD(STITCH_THREAD_STATE_JIT_EXIT) = (uint64_t)-1;
    return;
}

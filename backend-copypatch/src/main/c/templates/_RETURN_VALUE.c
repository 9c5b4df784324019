/* _RETURN_VALUE: returns from the frame that entered the region. A plain frame returns here as
   the interpreter's RETURN_VALUE does: popped off the frame stack, its value pushed on the
   caller's stack at the depth the caller saved at its CALL, and the caller's IP moved past
   that CALL. Then, if the driver installed a region that runs the caller from there (the
   code's resume entry for the unit after the CALL, Layout.Code.resumeEntry), the code jumps
   straight into it, as a linked exit jumps into its bridge: a recursive program would
   otherwise pay a return to Java and a new entry per call. Not while a collection is wanted: a
   return is one of the interpreter's safepoints, so the code leaves for it then. Otherwise it
   leaves with JIT_EXIT -1 (section 3: the interpreter, or the driver, resumes the innermost
   frame).
   An entry frame (its return leaves the interpreter loop), an __init__ frame (its return
   checks for None and yields the instance), a generator's frame and a frame without a caller
   leave the return itself to the interpreter: the stack depth is stored and the IP is the
   instruction's own (from _SET_IP). */
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
    uint64_t *base = STACK_BASE();
    base[depth] = v;
    FRAME_WORD(STITCH_FRAME_SP) = stitch_make_small(depth + 1);
    int64_t call = stitch_small_value(FRAME_WORD(STITCH_FRAME_IP));
    FRAME_WORD(STITCH_FRAME_IP) = stitch_make_small(call + STITCH_FRAME_CALL_UNITS);
    uint64_t entry =
        stitch_resume_entry(FRAME_WORD(STITCH_FRAME_CODE), call + STITCH_FRAME_CALL_UNITS);
    if (entry != 0 && TS_WORD(STITCH_THREAD_STATE_GC_WANTED) == 0) {
        stitch_stencil_fn *site = (stitch_stencil_fn *)(uintptr_t)entry;
        __attribute__((musttail)) return site(frame, base + depth + 1, ts);
    }
    TS_WORD(STITCH_THREAD_STATE_JIT_EXIT) = (uint64_t)-1;
    return;
}

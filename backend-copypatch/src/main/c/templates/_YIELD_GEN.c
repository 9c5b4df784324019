/* _YIELD_GEN oparg: the YIELD_VALUE at index oparg of a generator frame _FOR_ITER_GEN linked
   (FLAG_GEN_LINKED), without Java, as the interpreter's yield and Generators.resume do it: the
   frame stops at the yield, the value popped, unlinked; the generator is suspended; the value
   goes onto the waiting caller's stack and the caller becomes current. The code then jumps
   into the region that runs the caller from there when the driver installed one (the caller's
   code's resume entry for that unit, Layout.Code.resumeEntry), as _FOR_ITER_GEN jumps into the
   generator; else (or while a collection is wanted) the region leaves (-1), and the driver
   goes on where the caller waits. In a frame Java resumed (an entry frame) it
   exits, changing nothing: the interpreter's yield returns to Java. */
#include "stitch_stencil.h"

STENCIL(_YIELD_GEN)
{
    if (FRAME_WORD(STITCH_FRAME_FLAGS) != stitch_make_small(STITCH_FRAME_FLAG_GEN_LINKED)) {
        EXIT();
    }
    uint64_t v = sp[-1];
    uint64_t gen = FRAME_WORD(STITCH_FRAME_GENERATOR);
    uint64_t *caller =
        (uint64_t *)(uintptr_t)stitch_word_to_raw(FRAME_WORD(STITCH_FRAME_PREVIOUS));
    FRAME_WORD(STITCH_FRAME_IP) = stitch_make_small((int64_t)OPAQUE(OPARG));
    FRAME_WORD(STITCH_FRAME_SP) = stitch_make_small(sp - 1 - STACK_BASE());
    FRAME_WORD(STITCH_FRAME_PREVIOUS) = stitch_raw_to_word(0);
    FRAME_WORD(STITCH_FRAME_FLAGS) = stitch_make_small(0);
    OBJ_WORD(gen, STITCH_GENERATOR_STATE) = stitch_make_small(STITCH_GENERATOR_SUSPENDED);
    TS_WORD(STITCH_THREAD_STATE_RECURSION_DEPTH) -= 1;
    TS_WORD(STITCH_THREAD_STATE_HANDLED_EXC) = 0;
    TS_WORD(STITCH_THREAD_STATE_CURRENT_FRAME) = (uint64_t)(uintptr_t)caller;
    frame = caller;
    uint64_t *base = STACK_BASE();
    int64_t depth = stitch_small_value(FRAME_WORD(STITCH_FRAME_SP));
    base[depth] = v;
    FRAME_WORD(STITCH_FRAME_SP) = stitch_make_small(depth + 1);
    uint64_t entry = stitch_resume_entry(FRAME_WORD(STITCH_FRAME_CODE),
                                         stitch_small_value(FRAME_WORD(STITCH_FRAME_IP)));
    if (entry != 0 && TS_WORD(STITCH_THREAD_STATE_GC_WANTED) == 0) {
        stitch_stencil_fn *site = (stitch_stencil_fn *)(uintptr_t)entry;
        __attribute__((musttail)) return site(frame, base + depth + 1, ts);
    }
    TS_WORD(STITCH_THREAD_STATE_JIT_EXIT) = (uint64_t)-1;
    return;
}

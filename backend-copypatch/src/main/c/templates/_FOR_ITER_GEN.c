/* _FOR_ITER_GEN oparg: FOR_ITER over a suspended generator, resumed without Java (decision 9,
   "Later (session 10)"), as Generators.resume does it: the caller waits at the instruction
   after its FOR_ITER (oparg) with the iterator on its stack; the generator's frame goes on
   after its yield with None sent, linked to the caller (FLAG_GEN_LINKED) and current. The
   code then jumps into the generator's resume-site region when the driver installed one (the
   code's resume entry for the unit after the yield, Layout.Code.resumeEntry), as _RETURN_VALUE
   jumps into a return site: a generator loop then runs without a return to Java per item. Else
   (or while a collection is wanted) the region leaves (-1) and the driver goes on. Anything
   else exits, changing nothing, for the interpreter's FOR_ITER: another iterator, a generator
   not suspended at a yield, a handled exception in flight (the generator would need its own),
   the recursion limit reached (RecursionError). */
#include "stitch_stencil.h"

STENCIL(_FOR_ITER_GEN)
{
    uint64_t gen = sp[-1];
    if (stitch_is_small(gen) || OBJ_WORD(gen, STITCH_HEADER_TYPE) != CONST_GENERATOR_TYPE
        || OBJ_WORD(gen, STITCH_GENERATOR_STATE) != stitch_make_small(STITCH_GENERATOR_SUSPENDED)
        || TS_WORD(STITCH_THREAD_STATE_HANDLED_EXC) != 0
        || TS_WORD(STITCH_THREAD_STATE_RECURSION_DEPTH)
               >= TS_WORD(STITCH_THREAD_STATE_RECURSION_LIMIT)) {
        EXIT();
    }
    FRAME_WORD(STITCH_FRAME_IP) = stitch_make_small((int64_t)OPAQUE(OPARG));
    FRAME_WORD(STITCH_FRAME_SP) = stitch_make_small(sp - STACK_BASE());
    uint64_t g = gen + STITCH_GENERATOR_FRAME;
    uint64_t *gbase = STACK_BASE_OF(g);
    int64_t depth = stitch_small_value(OBJ_WORD(g, STITCH_FRAME_SP));
    gbase[depth] = CONST_NONE;
    OBJ_WORD(g, STITCH_FRAME_SP) = stitch_make_small(depth + 1);
    int64_t resume = stitch_small_value(OBJ_WORD(g, STITCH_FRAME_IP)) + 1;
    OBJ_WORD(g, STITCH_FRAME_IP) = stitch_make_small(resume);
    OBJ_WORD(g, STITCH_FRAME_PREVIOUS) = stitch_raw_to_word((uint64_t)(uintptr_t)frame);
    OBJ_WORD(g, STITCH_FRAME_FLAGS) = stitch_make_small(STITCH_FRAME_FLAG_GEN_LINKED);
    OBJ_WORD(gen, STITCH_GENERATOR_STATE) = stitch_make_small(STITCH_GENERATOR_RUNNING);
    TS_WORD(STITCH_THREAD_STATE_RECURSION_DEPTH) += 1;
    TS_WORD(STITCH_THREAD_STATE_CURRENT_FRAME) = g;
    uint64_t entry = stitch_resume_entry(OBJ_WORD(g, STITCH_FRAME_CODE), resume);
    if (entry != 0 && TS_WORD(STITCH_THREAD_STATE_GC_WANTED) == 0) {
        stitch_stencil_fn *site = (stitch_stencil_fn *)(uintptr_t)entry;
        __attribute__((musttail)) return site((uint64_t *)(uintptr_t)g, gbase + depth + 1, ts);
    }
    TS_WORD(STITCH_THREAD_STATE_JIT_EXIT) = (uint64_t)-1;
    return;
}

/* _CALL_RANGE oparg operand: range(stop) or range(start, stop) (oparg 1 or 2), the stack
   being NULL, range, then the arguments. Natively for small ints, allocating the range inline
   as RangeType.newRange does (step 1; the length counted in 62-bit payloads, which cannot
   overflow); anything else, keyword names and an empty free list escape, and the runtime
   makes the generic call. */
#include "stitch_stencil.h"

STENCIL(_CALL_RANGE)
{
    uint64_t n = OPAQUE(OPARG);
    uint64_t *null_slot = sp - (n + 2);
    uint64_t start = n == 2 ? sp[-2] : stitch_make_small(0);
    uint64_t stop = sp[-1];
    uint64_t cell_bytes;
    uint64_t *cells = stitch_cells(STITCH_RANGE_NSLOTS, &cell_bytes);
    if (null_slot[0] != 0 || TS_WORD(STITCH_THREAD_STATE_JIT_KWNAMES) != 0
        || !stitch_both_small(start, stop) || *cells == 0) {
        ESCAPE();
    }
    int64_t a = stitch_small_value(start);
    int64_t b = stitch_small_value(stop);
    uint64_t r = stitch_take_cell(ts, cells, cell_bytes, CONST_RANGE_TYPE, STITCH_RANGE_NSLOTS);
    OBJ_WORD(r, STITCH_RANGE_START) = start;
    OBJ_WORD(r, STITCH_RANGE_STOP) = stop;
    OBJ_WORD(r, STITCH_RANGE_STEP) = stitch_make_small(1);
    OBJ_WORD(r, STITCH_RANGE_LENGTH) = stitch_make_small(a < b ? b - a : 0);
    null_slot[0] = r;
    sp = null_slot + 1;
    CONTINUE();
}

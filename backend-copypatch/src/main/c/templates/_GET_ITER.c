/* _GET_ITER: replaces the top of stack by an iterator over it. Natively for an exact range,
   list or tuple, allocating the iterator inline as their iter() does (RangeType.iterOf: the
   next value, the step and the count left, whatever ints they are; ListType and TupleType:
   the sequence and index 0); anything else, or an empty free list, escapes to the generic
   GET_ITER before anything changes. */
#include "stitch_stencil.h"

STENCIL(_GET_ITER)
{
    uint64_t v = sp[-1];
    uint64_t cell_bytes;
    uint64_t *cells = stitch_cells(STITCH_ITER_NSLOTS, &cell_bytes);
    if (stitch_is_small(v) || *cells == 0) {
        ESCAPE();
    }
    uint64_t type = OBJ_WORD(v, STITCH_HEADER_TYPE);
    uint64_t it;
    if (type == CONST_RANGE_TYPE) {
        it = stitch_take_cell(ts, cells, cell_bytes, CONST_RANGE_ITERATOR_TYPE,
                              STITCH_ITER_NSLOTS);
        OBJ_WORD(it, STITCH_ITER_INDEX) = OBJ_WORD(v, STITCH_RANGE_START);
        OBJ_WORD(it, STITCH_ITER_AUX) = OBJ_WORD(v, STITCH_RANGE_STEP);
        OBJ_WORD(it, STITCH_ITER_LIMIT) = OBJ_WORD(v, STITCH_RANGE_LENGTH);
    } else if (type == CONST_LIST_TYPE || type == CONST_TUPLE_TYPE) {
        it = stitch_take_cell(ts, cells, cell_bytes,
                              type == CONST_LIST_TYPE ? CONST_LIST_ITERATOR_TYPE
                                                      : CONST_TUPLE_ITERATOR_TYPE,
                              STITCH_ITER_NSLOTS);
        OBJ_WORD(it, STITCH_ITER_SEQ) = v;
        OBJ_WORD(it, STITCH_ITER_INDEX) = stitch_make_small(0);
    } else {
        ESCAPE();
    }
    sp[-1] = it;
    CONTINUE();
}

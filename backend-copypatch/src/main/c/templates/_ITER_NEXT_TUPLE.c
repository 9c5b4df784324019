/* _ITER_NEXT_TUPLE: pushes item INDEX of the tuple iterator's SEQ and advances INDEX (tagged);
   follows _GUARD_NOT_EXHAUSTED_TUPLE. */
#include "stitch_stencil.h"

STENCIL(_ITER_NEXT_TUPLE)
{
    uint64_t it = sp[-1];
    int64_t index = stitch_small_value(OBJ_WORD(it, STITCH_ITER_INDEX));
    uint64_t t = OBJ_WORD(it, STITCH_ITER_SEQ);
    OBJ_WORD(it, STITCH_ITER_INDEX) = stitch_make_small(index + 1);
    *sp++ = OBJ_WORD(t, STITCH_TUPLE_ITEMS + 8 * index);
    CONTINUE();
}

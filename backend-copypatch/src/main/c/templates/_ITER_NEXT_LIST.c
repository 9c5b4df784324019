/* _ITER_NEXT_LIST: pushes item INDEX of the list iterator's SEQ and advances INDEX (tagged);
   follows _GUARD_NOT_EXHAUSTED_LIST. */
#include "stitch_stencil.h"

STENCIL(_ITER_NEXT_LIST)
{
    uint64_t it = sp[-1];
    int64_t index = stitch_small_value(OBJ_WORD(it, STITCH_ITER_INDEX));
    uint64_t list = OBJ_WORD(it, STITCH_ITER_SEQ);
    OBJ_WORD(it, STITCH_ITER_INDEX) = stitch_make_small(index + 1);
    *sp++ = OBJ_WORD(OBJ_WORD(list, STITCH_LIST_ITEMS), STITCH_ARRAY_ITEMS + 8 * index);
    CONTINUE();
}

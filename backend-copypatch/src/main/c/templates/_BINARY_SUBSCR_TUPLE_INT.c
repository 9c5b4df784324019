/* _BINARY_SUBSCR_TUPLE_INT exit: replaces tuple (below) and a small int index (top) by
   tuple[index]; exits, changing nothing, unless 0 <= index < len(tuple) (its slot count). */
#include "stitch_stencil.h"

STENCIL(_BINARY_SUBSCR_TUPLE_INT)
{
    uint64_t t = sp[-2];
    int64_t index = stitch_small_value(sp[-1]);
    int64_t len = (int64_t)stitch_header_slots(OBJ_WORD(t, STITCH_HEADER_META));
    if (index < 0 || index >= len) {
        EXIT();
    }
    sp -= 1;
    sp[-1] = OBJ_WORD(t, STITCH_TUPLE_ITEMS + 8 * index);
    CONTINUE();
}

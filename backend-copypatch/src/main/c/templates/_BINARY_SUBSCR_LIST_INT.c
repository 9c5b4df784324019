/* _BINARY_SUBSCR_LIST_INT exit: replaces list (below) and a small int index (top) by
   list[index]; exits, changing nothing, unless 0 <= index < len(list). */
#include "stitch_stencil.h"

STENCIL(_BINARY_SUBSCR_LIST_INT)
{
    uint64_t list = sp[-2];
    int64_t index = stitch_small_value(sp[-1]);
    if (index < 0 || index >= stitch_small_value(OBJ_WORD(list, STITCH_LIST_SIZE))) {
        EXIT();
    }
    uint64_t items = OBJ_WORD(list, STITCH_LIST_ITEMS);
    sp -= 1;
    sp[-1] = OBJ_WORD(items, STITCH_ARRAY_ITEMS + 8 * index);
    CONTINUE();
}

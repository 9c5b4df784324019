/* _STORE_SUBSCR_LIST_INT exit: list[index] = value for value, list, index (top, a small int)
   and pops all three; exits, changing nothing, unless 0 <= index < len(list). */
#include "stitch_stencil.h"

STENCIL(_STORE_SUBSCR_LIST_INT)
{
    uint64_t list = sp[-2];
    int64_t index = stitch_small_value(sp[-1]);
    if (index < 0 || index >= stitch_small_value(OBJ_WORD(list, STITCH_LIST_SIZE))) {
        EXIT();
    }
    uint64_t items = OBJ_WORD(list, STITCH_LIST_ITEMS);
    OBJ_WORD(items, STITCH_ARRAY_ITEMS + 8 * index) = sp[-3];
    sp -= 3;
    CONTINUE();
}

/* _UNPACK_SEQUENCE_TWO_TUPLE exit: replaces a tuple (top) by its items, item 1 below item 0;
   exits, changing nothing, unless it has exactly two. */
#include "stitch_stencil.h"

STENCIL(_UNPACK_SEQUENCE_TWO_TUPLE)
{
    uint64_t t = sp[-1];
    if (stitch_header_slots(OBJ_WORD(t, STITCH_HEADER_META)) != 2) {
        EXIT();
    }
    sp[-1] = OBJ_WORD(t, STITCH_TUPLE_ITEMS + 8);
    *sp++ = OBJ_WORD(t, STITCH_TUPLE_ITEMS);
    CONTINUE();
}

/* _LIST_APPEND oparg: appends the top of stack to the list oparg slots below it (a
   comprehension's list), as VM.listAppend does. Fast path: the items array has room. When it
   is full (or not there yet) the uop escapes, unchanged, and the runtime grows it. */
#include "stitch_stencil.h"

STENCIL(_LIST_APPEND)
{
    uint64_t v = sp[-1];
    uint64_t list = sp[-1 - (int64_t)OPAQUE(OPARG)];
    uint64_t items = OBJ_WORD(list, STITCH_LIST_ITEMS);
    int64_t n = stitch_small_value(OBJ_WORD(list, STITCH_LIST_SIZE));
    if (items == 0 || (int64_t)stitch_header_slots(OBJ_WORD(items, STITCH_HEADER_META)) == n) {
        ESCAPE();
    }
    OBJ_WORD(items, STITCH_ARRAY_ITEMS + 8 * n) = v;
    OBJ_WORD(list, STITCH_LIST_SIZE) = stitch_make_small(n + 1);
    sp -= 1;
    CONTINUE();
}

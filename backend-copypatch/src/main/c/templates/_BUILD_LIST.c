/* _BUILD_LIST oparg: replaces the top oparg values by a new list of them, as
   VM.listFromWords does (an items array of exactly oparg slots, none when empty), allocating
   both inline. Objects too large for inline allocation, or too few cells on their free lists,
   escape, changing nothing. */
#include "stitch_stencil.h"

STENCIL(_BUILD_LIST)
{
    int64_t n = (int64_t)OPAQUE(OPARG);
    uint64_t list = stitch_new_list(ts, n);
    if (list == 0) {
        ESCAPE();
    }
    sp -= n;
    if (n > 0) {
        uint64_t items = OBJ_WORD(list, STITCH_LIST_ITEMS);
#pragma clang loop vectorize(disable) interleave(disable) unroll(disable)
        for (int64_t i = 0; i < n; i++) {
            OBJ_WORD(items, STITCH_ARRAY_ITEMS + 8 * i) = sp[i];
        }
        OBJ_WORD(list, STITCH_LIST_SIZE) = stitch_make_small(n);
    }
    sp[0] = list;
    sp += 1;
    CONTINUE();
}

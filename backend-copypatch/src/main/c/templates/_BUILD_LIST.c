/* _BUILD_LIST oparg: replaces the top oparg values by a new list of them, as
   VM.listFromWords does (an items array of exactly oparg slots, none when empty), allocating
   both inline. Objects too large for inline allocation, or too few cells on their free lists,
   escape, changing nothing. */
#include "stitch_stencil.h"

STENCIL(_BUILD_LIST)
{
    int64_t n = (int64_t)OPAQUE(OPARG);
    uint64_t list_bytes;
    uint64_t *list_cells = stitch_cells(STITCH_LIST_NSLOTS, &list_bytes);
    uint64_t items_bytes = 0;
    uint64_t *items_cells = n > 0 ? stitch_cells(n, &items_bytes) : 0;
    if (list_cells == 0 || *list_cells == 0
        || (n > 0 && (items_cells == 0 || *items_cells == 0))) {
        ESCAPE();
    }
    /* Both may come from one list, which then needs two cells. */
    if (items_cells == list_cells && OBJ_WORD(*list_cells, 0) == 0) {
        ESCAPE();
    }
    uint64_t list = stitch_take_cell(ts, list_cells, list_bytes, CONST_LIST_TYPE,
                                     STITCH_LIST_NSLOTS);
    OBJ_WORD(list, STITCH_LIST_SIZE) = stitch_make_small(0);
    sp -= n;
    if (n > 0) {
        uint64_t items = stitch_take_cell(ts, items_cells, items_bytes, CONST_ARRAY_TYPE, n);
#pragma clang loop vectorize(disable) interleave(disable) unroll(disable)
        for (int64_t i = 0; i < n; i++) {
            OBJ_WORD(items, STITCH_ARRAY_ITEMS + 8 * i) = sp[i];
        }
        OBJ_WORD(list, STITCH_LIST_ITEMS) = items;
        OBJ_WORD(list, STITCH_LIST_SIZE) = stitch_make_small(n);
    }
    sp[0] = list;
    sp += 1;
    CONTINUE();
}

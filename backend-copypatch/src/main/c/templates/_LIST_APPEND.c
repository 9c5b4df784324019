/* _LIST_APPEND oparg: appends the top of stack to the list oparg slots below it (a
   comprehension's list), as VM.listAppend does. A comprehension's list starts empty and grows
   a few times: when its items array is full (or not there yet) the stencil grows it as
   VM.listReserve does, to the same capacity, allocating the new array inline. An array too
   large for inline allocation, or an empty free list, escapes, unchanged, and the runtime
   grows the list. */
#include "stitch_stencil.h"

STENCIL(_LIST_APPEND)
{
    uint64_t v = sp[-1];
    uint64_t list = sp[-1 - (int64_t)OPAQUE(OPARG)];
    uint64_t items = OBJ_WORD(list, STITCH_LIST_ITEMS);
    int64_t n = stitch_small_value(OBJ_WORD(list, STITCH_LIST_SIZE));
    if (items == 0 || (int64_t)stitch_header_slots(OBJ_WORD(items, STITCH_HEADER_META)) == n) {
        int64_t need = n + 1;
        int64_t cap = need + (need >> 3) + (need < 9 ? 3 : 6);
        uint64_t cell_bytes;
        uint64_t *cells = stitch_cells(cap, &cell_bytes);
        if (cells == 0 || *cells == 0) {
            ESCAPE();
        }
        uint64_t fresh = stitch_take_cell(ts, cells, cell_bytes, CONST_ARRAY_TYPE, cap);
#pragma clang loop vectorize(disable) interleave(disable) unroll(disable)
        for (int64_t i = 0; i < n; i++) {
            uint64_t item = OBJ_WORD(items, STITCH_ARRAY_ITEMS + 8 * i);
            OBJ_WORD(fresh, STITCH_ARRAY_ITEMS + 8 * i) = item;
        }
        OBJ_WORD(list, STITCH_LIST_ITEMS) = fresh;
        items = fresh;
    }
    OBJ_WORD(items, STITCH_ARRAY_ITEMS + 8 * n) = v;
    OBJ_WORD(list, STITCH_LIST_SIZE) = stitch_make_small(n + 1);
    sp -= 1;
    CONTINUE();
}

/* _LIST_EXTEND oparg: extends the list oparg slots below the top of stack with the top, and
   pops it (a list display with a starred item, or the constant tuple of a display of
   constants). Natively when the top is another exact list or an exact tuple with items, as
   ListType.extend copies them: the list grows with stitch_list_reserve. Anything else (an
   iterator, an empty sequence, a growth it cannot allocate) escapes, unchanged, and the
   runtime extends the list. */
#include "stitch_stencil.h"

STENCIL(_LIST_EXTEND)
{
    uint64_t src = sp[-1];
    uint64_t list = sp[-1 - (int64_t)OPAQUE(OPARG)];
    if (stitch_is_small(src) || src == list) {
        ESCAPE();
    }
    uint64_t type = OBJ_WORD(src, STITCH_HEADER_TYPE);
    uint64_t words;
    int64_t m;
    if (type == CONST_TUPLE_TYPE) {
        m = (int64_t)stitch_header_slots(OBJ_WORD(src, STITCH_HEADER_META));
        words = src + STITCH_TUPLE_ITEMS;
    } else if (type == CONST_LIST_TYPE) {
        m = stitch_small_value(OBJ_WORD(src, STITCH_LIST_SIZE));
        words = OBJ_WORD(src, STITCH_LIST_ITEMS) + STITCH_ARRAY_ITEMS;
    } else {
        ESCAPE();
    }
    int64_t n = stitch_small_value(OBJ_WORD(list, STITCH_LIST_SIZE));
    if (m == 0) {
        ESCAPE();
    }
    uint64_t items = stitch_list_reserve(ts, list, n + m);
    if (items == 0) {
        ESCAPE();
    }
#pragma clang loop vectorize(disable) interleave(disable) unroll(disable)
    for (int64_t i = 0; i < m; i++) {
        OBJ_WORD(items, STITCH_ARRAY_ITEMS + 8 * (n + i)) = OBJ_WORD(words, 8 * i);
    }
    OBJ_WORD(list, STITCH_LIST_SIZE) = stitch_make_small(n + m);
    sp -= 1;
    CONTINUE();
}

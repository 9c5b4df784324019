/* _CALL_TUPLE oparg operand: tuple(x) for the call's one argument x (stack: NULL, tuple, x).
   Natively as Sequences.toTuple does for an exact tuple (x itself) and a non-empty exact list
   (a new tuple of its items, allocated inline); an empty list (whose tuple is the shared empty
   one), anything else, keyword names and a tuple too large for inline allocation or an empty
   free list escape, and the runtime makes the generic call. */
#include "stitch_stencil.h"

STENCIL(_CALL_TUPLE)
{
    uint64_t x = sp[-1];
    uint64_t r;
    if (sp[-3] != 0 || TS_WORD(STITCH_THREAD_STATE_JIT_KWNAMES) != 0 || stitch_is_small(x)) {
        ESCAPE();
    }
    uint64_t type = OBJ_WORD(x, STITCH_HEADER_TYPE);
    if (type == CONST_TUPLE_TYPE) {
        r = x;
    } else if (type == CONST_LIST_TYPE) {
        int64_t n = stitch_small_value(OBJ_WORD(x, STITCH_LIST_SIZE));
        r = stitch_new_tuple(ts, n);
        if (r == 0) {
            ESCAPE();
        }
        uint64_t items = OBJ_WORD(x, STITCH_LIST_ITEMS);
#pragma clang loop vectorize(disable) interleave(disable) unroll(disable)
        for (int64_t i = 0; i < n; i++) {
            OBJ_WORD(r, STITCH_TUPLE_ITEMS + 8 * i) = OBJ_WORD(items, STITCH_ARRAY_ITEMS + 8 * i);
        }
    } else {
        ESCAPE();
    }
    sp -= 2;
    sp[-1] = r;
    CONTINUE();
}

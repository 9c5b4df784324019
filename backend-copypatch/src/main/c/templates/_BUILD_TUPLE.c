/* _BUILD_TUPLE oparg: replaces the top oparg values by a new tuple of them, as
   VM.tupleFromWords does, allocating it inline. The empty tuple (a shared one), a tuple too
   large for inline allocation, or an empty free list escapes, unchanged. */
#include "stitch_stencil.h"

STENCIL(_BUILD_TUPLE)
{
    int64_t n = (int64_t)OPAQUE(OPARG);
    uint64_t t = stitch_new_tuple(ts, n);
    if (t == 0) {
        ESCAPE();
    }
    sp -= n;
#pragma clang loop vectorize(disable) interleave(disable) unroll(disable)
    for (int64_t i = 0; i < n; i++) {
        OBJ_WORD(t, STITCH_TUPLE_ITEMS + 8 * i) = sp[i];
    }
    sp[0] = t;
    sp += 1;
    CONTINUE();
}

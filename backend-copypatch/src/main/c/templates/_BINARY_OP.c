/* _BINARY_OP oparg: the generic binary operator oparg (api BinaryOp, STITCH_BINARY_OP_*, plus
   STITCH_BINARY_OP_INPLACE for the augmented forms). Fast path: two small ints and an operator
   whose small-int result needs no allocation and raises nothing, computed as IntOps.binarySmall
   does; and list * n for an exact list, when the new list and its items fit inline
   allocation. Everything else escapes, unchanged, to the runtime, which performs the whole uop
   (floats, strs, big ints, user classes, division by zero, negative shifts, overflow). */
#include "stitch_stencil.h"

STENCIL(_BINARY_OP)
{
    uint64_t a = sp[-2];
    uint64_t b = sp[-1];
    if (!stitch_both_small(a, b)) {
        if (stitch_is_small(b) && !stitch_is_small(a)
            && (int64_t)OPAQUE(OPARG) == STITCH_BINARY_OP_MULTIPLY
            && OBJ_WORD(a, STITCH_HEADER_TYPE) == CONST_LIST_TYPE) {
            /* list * n (not *=, which repeats in place), as ListType.repeat makes it: a new
               list of exactly len * n items. */
            int64_t n = stitch_small_value(OBJ_WORD(a, STITCH_LIST_SIZE));
            int64_t count = stitch_small_value(b);
            if (n > 0 && count > 0 && count <= STITCH_HEAP_CONTROL_SMALL_UP_TO) {
                uint64_t list = stitch_new_list(ts, n * count);
                if (list != 0) {
                    uint64_t from = OBJ_WORD(a, STITCH_LIST_ITEMS);
                    uint64_t to = OBJ_WORD(list, STITCH_LIST_ITEMS);
#pragma clang loop vectorize(disable) interleave(disable) unroll(disable)
                    for (int64_t k = 0; k < count; k++) {
#pragma clang loop vectorize(disable) interleave(disable) unroll(disable)
                        for (int64_t i = 0; i < n; i++) {
                            OBJ_WORD(to, STITCH_ARRAY_ITEMS + 8 * (k * n + i)) =
                                OBJ_WORD(from, STITCH_ARRAY_ITEMS + 8 * i);
                        }
                    }
                    OBJ_WORD(list, STITCH_LIST_SIZE) = stitch_make_small(n * count);
                    sp -= 1;
                    sp[-1] = list;
                    CONTINUE();
                }
            }
        }
        ESCAPE();
    }
    int64_t x = stitch_small_value(a);
    int64_t y = stitch_small_value(b);
    int64_t op = (int64_t)OPAQUE(OPARG);
    if (op >= STITCH_BINARY_OP_INPLACE) {
        op -= STITCH_BINARY_OP_INPLACE;
    }
    int64_t r;
    switch (op) {
    case STITCH_BINARY_OP_ADD:
        r = x + y; /* 63-bit values: cannot overflow 64 bits */
        break;
    case STITCH_BINARY_OP_SUBTRACT:
        r = x - y;
        break;
    case STITCH_BINARY_OP_MULTIPLY:
        if (__builtin_mul_overflow(x, y, &r)) {
            ESCAPE();
        }
        break;
    case STITCH_BINARY_OP_FLOOR_DIVIDE:
        if (y == 0) {
            ESCAPE();
        }
        r = x / y; /* no overflow: |x| < 2^62 */
        if (r * y != x && ((x < 0) != (y < 0))) {
            r -= 1;
        }
        break;
    case STITCH_BINARY_OP_REMAINDER:
        if (y == 0) {
            ESCAPE();
        }
        r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) {
            r += y;
        }
        break;
    case STITCH_BINARY_OP_AND:
        r = x & y;
        break;
    case STITCH_BINARY_OP_OR:
        r = x | y;
        break;
    case STITCH_BINARY_OP_XOR:
        r = x ^ y;
        break;
    case STITCH_BINARY_OP_RSHIFT:
        if (y < 0) {
            ESCAPE();
        }
        r = x >> (y < 63 ? y : 63);
        break;
    case STITCH_BINARY_OP_LSHIFT:
        if (y < 0 || y >= 62) {
            ESCAPE();
        }
        r = (int64_t)((uint64_t)x << y);
        if ((r >> y) != x) {
            ESCAPE();
        }
        break;
    default:
        ESCAPE();
    }
    if (!stitch_fits_small(r)) {
        ESCAPE();
    }
    sp -= 1;
    sp[-1] = stitch_make_small(r);
    CONTINUE();
}

/* _COMPARE_OP_FLOAT oparg: replaces two floats a (below) and b (top) by True or False, the
   IEEE result of comparison oparg (api CompareOp: LT 0, LE 1, EQ 2, NE 3, GT 4, GE 5): with a
   NaN only NE is true.

   No switch on OPARG (stitch_stencil.h section 2): a packed table gives, per op, four bits
   saying which of <, ==, >, unordered make the result true. */
#include "stitch_stencil.h"

#define OUTCOMES ((UINT64_C(1) << 0) | (UINT64_C(3) << 4) | (UINT64_C(2) << 8) \
                  | (UINT64_C(13) << 12) | (UINT64_C(4) << 16) | (UINT64_C(6) << 20))

STENCIL(_COMPARE_OP_FLOAT)
{
    double x = STITCH_FIELD_F64(sp[-2], STITCH_FLOAT_VALUE);
    double y = STITCH_FIELD_F64(sp[-1], STITCH_FLOAT_VALUE);
    uint64_t outcome = x < y ? 1 : x == y ? 2 : x > y ? 4 : 8;
    uint64_t truths = (OUTCOMES >> (4 * OPARG)) & 15;
    sp -= 1;
    sp[-1] = (truths & outcome) ? CONST_TRUE : CONST_FALSE;
    CONTINUE();
}

/* _COMPARE_OP_FLOAT oparg: replaces two floats a (below) and b (top) by True or False, the
   IEEE result of comparison oparg (api CompareOp, STITCH_COMPARE_OP_*): with a
   NaN only NE is true.

   No switch on OPARG (stitch_stencil.h section 2): a packed table gives, per op, four bits
   saying which of <, ==, >, unordered make the result true. */
#include "stitch_stencil.h"

#define LESS 1
#define EQUAL 2
#define GREATER 4
#define UNORDERED 8
#define OUTCOMES (((uint64_t)(LESS) << (4 * STITCH_COMPARE_OP_LT)) \
                  | ((uint64_t)(LESS | EQUAL) << (4 * STITCH_COMPARE_OP_LE)) \
                  | ((uint64_t)(EQUAL) << (4 * STITCH_COMPARE_OP_EQ)) \
                  | ((uint64_t)(LESS | GREATER | UNORDERED) << (4 * STITCH_COMPARE_OP_NE)) \
                  | ((uint64_t)(GREATER) << (4 * STITCH_COMPARE_OP_GT)) \
                  | ((uint64_t)(EQUAL | GREATER) << (4 * STITCH_COMPARE_OP_GE)))

STENCIL(_COMPARE_OP_FLOAT)
{
    double x = STITCH_FIELD_F64(sp[-2], STITCH_FLOAT_VALUE);
    double y = STITCH_FIELD_F64(sp[-1], STITCH_FLOAT_VALUE);
    uint64_t outcome = x < y ? LESS : x == y ? EQUAL : x > y ? GREATER : UNORDERED;
    uint64_t truths = (OUTCOMES >> (4 * OPARG)) & 15;
    sp -= 1;
    sp[-1] = (truths & outcome) ? CONST_TRUE : CONST_FALSE;
    CONTINUE();
}

/* _COMPARE_OP_INT oparg: replaces two small ints a (below) and b (top) by True or False, the
   result of comparison oparg (api CompareOp, STITCH_COMPARE_OP_*). Tagging
   keeps order, so the tagged words compare as the values do.

   No switch on OPARG (a zero test of a hole may be folded, stitch_stencil.h section 2): a
   packed table gives, per op, three bits saying which of <, ==, > make the result true. */
#include "stitch_stencil.h"

#define LESS 1
#define EQUAL 2
#define GREATER 4
#define OUTCOMES (((uint64_t)(LESS) << (3 * STITCH_COMPARE_OP_LT)) \
                  | ((uint64_t)(LESS | EQUAL) << (3 * STITCH_COMPARE_OP_LE)) \
                  | ((uint64_t)(EQUAL) << (3 * STITCH_COMPARE_OP_EQ)) \
                  | ((uint64_t)(LESS | GREATER) << (3 * STITCH_COMPARE_OP_NE)) \
                  | ((uint64_t)(GREATER) << (3 * STITCH_COMPARE_OP_GT)) \
                  | ((uint64_t)(EQUAL | GREATER) << (3 * STITCH_COMPARE_OP_GE)))

STENCIL(_COMPARE_OP_INT)
{
    int64_t a = (int64_t)sp[-2];
    int64_t b = (int64_t)sp[-1];
    uint64_t outcome = a < b ? LESS : a == b ? EQUAL : GREATER;
    uint64_t truths = (OUTCOMES >> (3 * OPARG)) & 7;
    sp -= 1;
    sp[-1] = (truths & outcome) ? CONST_TRUE : CONST_FALSE;
    CONTINUE();
}

/* _COMPARE_OP_INT oparg: replaces two small ints a (below) and b (top) by True or False, the
   result of comparison oparg (api CompareOp: LT 0, LE 1, EQ 2, NE 3, GT 4, GE 5). Tagging
   keeps order, so the tagged words compare as the values do.

   No switch on OPARG (a zero test of a hole may be folded, stitch_stencil.h section 2): a
   packed table gives, per op, three bits saying which of <, ==, > make the result true. */
#include "stitch_stencil.h"

#define OUTCOMES ((UINT64_C(1) << 0) | (UINT64_C(3) << 3) | (UINT64_C(2) << 6) \
                  | (UINT64_C(5) << 9) | (UINT64_C(4) << 12) | (UINT64_C(6) << 15))

STENCIL(_COMPARE_OP_INT)
{
    int64_t a = (int64_t)sp[-2];
    int64_t b = (int64_t)sp[-1];
    uint64_t outcome = a < b ? 1 : a == b ? 2 : 4;
    uint64_t truths = (OUTCOMES >> (3 * OPARG)) & 7;
    sp -= 1;
    sp[-1] = (truths & outcome) ? CONST_TRUE : CONST_FALSE;
    CONTINUE();
}

/* _COMPARE_OP_FLOAT oparg: replaces two floats a (below) and b (top) by True or False, the
   IEEE result of comparison oparg (api CompareOp, STITCH_COMPARE_OP_*): with a NaN only NE
   is true (stitch_compare_doubles). */
#include "stitch_stencil.h"

STENCIL(_COMPARE_OP_FLOAT)
{
    double x = STITCH_FIELD_F64(sp[-2], STITCH_FLOAT_VALUE);
    double y = STITCH_FIELD_F64(sp[-1], STITCH_FLOAT_VALUE);
    int truth = stitch_compare_doubles(OPARG, x, y);
    sp -= 1;
    sp[-1] = truth ? CONST_TRUE : CONST_FALSE;
    CONTINUE();
}

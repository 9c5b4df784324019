/* _COMPARE_OP_FLOAT_RAW oparg: _COMPARE_OP_FLOAT with unboxed operands (decision 7): OPARG is
   the comparison shifted left by STITCH_RAW_COMPARE_SHIFT, or'ed with the STITCH_RAW_NOS and
   STITCH_RAW_TOS bits of the operands that hold a double's bits. */
#include "stitch_stencil.h"

STENCIL(_COMPARE_OP_FLOAT_RAW)
{
    uint64_t raw = OPAQUE(OPARG);
    double x = stitch_float_operand(raw, STITCH_RAW_NOS, sp[-2]);
    double y = stitch_float_operand(raw, STITCH_RAW_TOS, sp[-1]);
    int truth = stitch_compare_doubles(raw >> STITCH_RAW_COMPARE_SHIFT, x, y);
    sp -= 1;
    sp[-1] = truth ? CONST_TRUE : CONST_FALSE;
    CONTINUE();
}

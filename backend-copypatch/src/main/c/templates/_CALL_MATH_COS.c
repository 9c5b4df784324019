/* _CALL_MATH_COS oparg operand: math.cos(x) for the call's one argument x (stack: NULL,
   math.cos, x), natively for a finite exact float or small int through the C math library's
   cos (CALL_MATH_UNARY in stitch_stencil.h). */
#include "stitch_stencil.h"

STENCIL(_CALL_MATH_COS)
{
    CALL_MATH_UNARY(COS);
}

/* _CALL_MATH_SIN oparg operand: math.sin(x) for the call's one argument x (stack: NULL,
   math.sin, x), natively for a finite exact float or small int through the C math library's
   sin (CALL_MATH_UNARY in stitch_stencil.h). */
#include "stitch_stencil.h"

STENCIL(_CALL_MATH_SIN)
{
    CALL_MATH_UNARY(SIN);
}

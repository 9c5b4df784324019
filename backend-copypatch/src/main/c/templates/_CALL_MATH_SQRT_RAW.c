/* _CALL_MATH_SQRT_RAW oparg operand: math.sqrt(x) of a float x (stack: NULL, math.sqrt, x),
   with the raw bits of _BINARY_OP_*_FLOAT_RAW (decision 7): STITCH_RAW_TOS when x is a
   double's bits, STITCH_RAW_RESULT to leave the root raw. A negative x (ValueError), a NaN,
   a method call's self in the NULL slot and an empty float free list escape: the runtime
   performs the uop. */
#include "stitch_stencil.h"

STENCIL(_CALL_MATH_SQRT_RAW)
{
    uint64_t raw = OPAQUE(OPARG);
    double d = stitch_float_operand(raw, STITCH_RAW_TOS, sp[-1]);
    if (!(d >= 0) || sp[-3] != 0) {
        ESCAPE();
    }
    double root = stitch_sqrt(d);
    RAW_FLOAT_RESULT(raw, root, 3);
    CONTINUE();
}

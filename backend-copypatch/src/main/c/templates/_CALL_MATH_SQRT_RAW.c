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
    double root;
#if defined(__x86_64__)
    __asm__("sqrtsd %1, %0" : "=x"(root) : "x"(d));
#elif defined(__aarch64__)
    __asm__("fsqrt %d0, %d1" : "=w"(root) : "w"(d));
#else
#error "no square root instruction for this target"
#endif
    RAW_FLOAT_RESULT(raw, root, 3);
    CONTINUE();
}

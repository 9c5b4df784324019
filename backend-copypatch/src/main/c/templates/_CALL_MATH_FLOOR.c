/* _CALL_MATH_FLOOR oparg operand: math.floor(x) for the call's one argument x (stack: NULL,
   math.floor, x). Natively for a small int, its own floor, and for an exact float below 2**62
   in magnitude: truncation toward zero, less one for a negative fraction, is its exact floor,
   a small int (stitch_small_int_of). NaN, the infinities, larger floats, anything else and
   keyword names escape, and the runtime makes the generic call. */
#include "stitch_stencil.h"

STENCIL(_CALL_MATH_FLOOR)
{
    uint64_t r;
    if (sp[-3] != 0 || TS_WORD(STITCH_THREAD_STATE_JIT_KWNAMES) != 0
        || !stitch_small_int_of(sp[-1], 1, &r)) {
        ESCAPE();
    }
    sp -= 2;
    sp[-1] = r;
    CONTINUE();
}

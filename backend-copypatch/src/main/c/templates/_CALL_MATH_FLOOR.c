/* _CALL_MATH_FLOOR oparg operand: math.floor(x) for the call's one argument x (stack: NULL,
   math.floor, x). Natively for a small int, its own floor, and for an exact float below 2**62
   in magnitude: truncation toward zero, less one for a negative fraction, is its exact floor,
   a small int (the magnitude is tested on the exponent bits, as _CALL_INT does). NaN,
   the infinities, larger floats, anything else and keyword names escape, and the runtime makes
   the generic call. */
#include "stitch_stencil.h"

STENCIL(_CALL_MATH_FLOOR)
{
    uint64_t x = sp[-1];
    uint64_t r;
    if (sp[-3] != 0 || TS_WORD(STITCH_THREAD_STATE_JIT_KWNAMES) != 0) {
        ESCAPE();
    }
    if (stitch_is_small(x)) {
        r = x;
    } else if (OBJ_WORD(x, STITCH_HEADER_TYPE) == CONST_FLOAT_TYPE) {
        uint64_t bits = OBJ_WORD(x, STITCH_FLOAT_VALUE);
        if (((bits >> 52) & 0x7FF) >= 1023 + 62) {
            ESCAPE(); /* |x| >= 2**62, an infinity or NaN */
        }
        double d = stitch_raw_double(bits);
        int64_t t = (int64_t)d;
        if ((double)t > d) {
            t -= 1;
        }
        r = stitch_make_small(t);
    } else {
        ESCAPE();
    }
    sp -= 2;
    sp[-1] = r;
    CONTINUE();
}

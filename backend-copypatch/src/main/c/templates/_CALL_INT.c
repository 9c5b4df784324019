/* _CALL_INT oparg operand: int(x) for the call's one argument x (stack: NULL, int, x). Natively
   for a small int, which is its own value, and for an exact float below 2**62 in magnitude,
   truncated toward zero as the interpreter's float-to-int conversion does (the result then
   fits a small int). The magnitude is tested on the exponent bits: a comparison with a double
   constant would need a data section. NaN, the infinities, larger floats, anything else
   (a str, a bool, a user __int__) and keyword names escape, and the runtime makes the
   generic call. */
#include "stitch_stencil.h"

STENCIL(_CALL_INT)
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
        uint64_t exponent = (bits >> 52) & 0x7FF;
        if (exponent >= 1023 + 62) {
            ESCAPE(); /* |x| >= 2**62, an infinity or NaN */
        }
        r = stitch_make_small((int64_t)stitch_raw_double(bits));
    } else {
        ESCAPE();
    }
    sp -= 2;
    sp[-1] = r;
    CONTINUE();
}

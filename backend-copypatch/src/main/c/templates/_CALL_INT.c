/* _CALL_INT oparg operand: int(x) for the call's one argument x (stack: NULL, int, x). Natively
   for a small int, which is its own value, and for an exact float below 2**62 in magnitude,
   truncated toward zero as the interpreter's float-to-int conversion does
   (stitch_small_int_of). NaN, the infinities, larger floats, anything else (a str, a bool, a
   user __int__) and keyword names escape, and the runtime makes the generic call. */
#include "stitch_stencil.h"

STENCIL(_CALL_INT)
{
    uint64_t r;
    if (sp[-3] != 0 || TS_WORD(STITCH_THREAD_STATE_JIT_KWNAMES) != 0
        || !stitch_small_int_of(sp[-1], 0, &r)) {
        ESCAPE();
    }
    sp -= 2;
    sp[-1] = r;
    CONTINUE();
}

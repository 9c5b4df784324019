/* _CALL_FLOAT oparg operand: float(x) for the call's one argument x (stack: NULL, float, x).
   Natively as NumberTypes.floatOf does for an exact float (x itself) and a small int (a new
   float, the int correctly rounded, as Java's long-to-double conversion rounds). Anything
   else (a big int, a str, a bool, a user __float__), keyword names and an empty float free
   list escape, and the runtime makes the generic call. */
#include "stitch_stencil.h"

STENCIL(_CALL_FLOAT)
{
    uint64_t x = sp[-1];
    uint64_t r;
    if (sp[-3] != 0 || TS_WORD(STITCH_THREAD_STATE_JIT_KWNAMES) != 0) {
        ESCAPE();
    }
    if (stitch_is_small(x)) {
        r = stitch_new_float(ts, (double)stitch_small_value(x));
        if (r == 0) {
            ESCAPE();
        }
    } else if (OBJ_WORD(x, STITCH_HEADER_TYPE) == CONST_FLOAT_TYPE) {
        r = x;
    } else {
        ESCAPE();
    }
    sp -= 2;
    sp[-1] = r;
    CONTINUE();
}

/* _CALL_ABS oparg operand: abs(x) for the call's one argument x (stack: NULL, abs, x).
   Natively for a small int whose absolute value is one too, and for an exact float as the
   interpreter computes it: a positive float is its own absolute value (the same object), any
   other a new float 0.0 - x. A NaN (whose sign bit Java versions treat differently), anything
   else, keyword names, and an empty float free list escape, and the runtime makes the generic
   call. */
#include "stitch_stencil.h"

STENCIL(_CALL_ABS)
{
    uint64_t x = sp[-1];
    uint64_t r;
    if (sp[-3] != 0 || TS_WORD(STITCH_THREAD_STATE_JIT_KWNAMES) != 0) {
        ESCAPE();
    }
    if (stitch_is_small(x)) {
        int64_t v = stitch_small_value(x);
        if (v == (INT64_MIN >> 1)) {
            ESCAPE(); /* its absolute value is a big int */
        }
        r = stitch_make_small(v < 0 ? -v : v);
    } else if (OBJ_WORD(x, STITCH_HEADER_TYPE) == CONST_FLOAT_TYPE) {
        double d = stitch_as_double(x);
        if (d != d) {
            ESCAPE();
        }
        if (d > 0) {
            r = x;
        } else {
            r = stitch_new_float(ts, 0.0 - d);
            if (r == 0) {
                ESCAPE();
            }
        }
    } else {
        ESCAPE();
    }
    sp -= 2;
    sp[-1] = r;
    CONTINUE();
}

/* _CALL_MATH_SQRT oparg operand: math.sqrt(x) for the call's one argument x (stack: NULL,
   math.sqrt, x). Natively for an exact float or small int x >= 0 (a NaN fails the test): the
   IEEE square root, correctly rounded, so bit for bit what Java's StrictMath.sqrt gives the
   interpreter. A negative x (ValueError), anything else, keyword names, and an empty float
   free list escape, and the runtime makes the generic call. */
#include "stitch_stencil.h"

STENCIL(_CALL_MATH_SQRT)
{
    uint64_t x = sp[-1];
    if (sp[-3] != 0 || TS_WORD(STITCH_THREAD_STATE_JIT_KWNAMES) != 0
        || !(stitch_is_small(x) || OBJ_WORD(x, STITCH_HEADER_TYPE) == CONST_FLOAT_TYPE)) {
        ESCAPE();
    }
    double d = stitch_as_double(x);
    if (!(d >= 0)) {
        ESCAPE();
    }
    double root = stitch_sqrt(d);
    uint64_t r = stitch_new_float(ts, root);
    if (r == 0) {
        ESCAPE();
    }
    sp -= 2;
    sp[-1] = r;
    CONTINUE();
}

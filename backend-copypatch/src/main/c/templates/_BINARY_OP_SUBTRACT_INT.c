/* _BINARY_OP_SUBTRACT_INT exit: replaces the top two small ints a (below) and b (top) by
   a - b; exits, changing nothing, when the difference does not fit a small int.

   With a = 2x+1 and b = 2y+1, a - (b - 1) = 2(x-y)+1 is the tagged difference, and the 64-bit
   subtraction overflows exactly when x - y leaves the 63-bit small-int range. */
#include "stitch_stencil.h"

STENCIL(_BINARY_OP_SUBTRACT_INT)
{
    int64_t a = (int64_t)sp[-2];
    int64_t b = (int64_t)sp[-1];
    int64_t r;
    if (__builtin_sub_overflow(a, b - 1, &r)) {
        EXIT();
    }
    sp -= 1;
    sp[-1] = (uint64_t)r;
    CONTINUE();
}

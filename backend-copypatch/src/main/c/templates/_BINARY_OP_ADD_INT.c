/* _BINARY_OP_ADD_INT exit: replaces the top two small ints a (below) and b (top) by a + b;
   exits, changing nothing, when the sum does not fit a small int.

   Tag arithmetic as the interpreter does it: with a = 2x+1 and b = 2y+1, (a - 1) + b =
   2(x+y)+1 is the tagged sum, and the 64-bit addition of the untagged-and-shifted value
   a - 1 = 2x and b overflows exactly when x + y leaves the 63-bit small-int range. */
#include "stitch_stencil.h"

STENCIL(_BINARY_OP_ADD_INT)
{
    int64_t a = (int64_t)sp[-2];
    int64_t b = (int64_t)sp[-1];
    int64_t r;
    if (__builtin_add_overflow(a - 1, b, &r)) {
        EXIT();
    }
    sp -= 1;
    sp[-1] = (uint64_t)r;
    CONTINUE();
}

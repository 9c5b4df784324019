/* _BINARY_OP_MULTIPLY_INT exit: replaces the top two small ints a (below) and b (top) by
   a * b; exits, changing nothing, when the product does not fit a small int.

   With a = 2x+1 and b = 2y+1, x * (b - 1) = 2xy overflows 64 bits exactly when xy leaves the
   63-bit small-int range; 2xy + 1 is then the tagged product. */
#include "stitch_stencil.h"

STENCIL(_BINARY_OP_MULTIPLY_INT)
{
    int64_t x = (int64_t)sp[-2] >> 1;
    int64_t b = (int64_t)sp[-1];
    int64_t p;
    if (__builtin_mul_overflow(x, b - 1, &p)) {
        EXIT();
    }
    sp -= 1;
    sp[-1] = (uint64_t)p | 1;
    CONTINUE();
}

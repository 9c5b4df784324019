/* _GUARD_FLOAT_OPERANDS exit: exits unless a (below) and b (top) are both exact floats or one
   is an exact float and the other a small int. */
#include "stitch_stencil.h"

STENCIL(_GUARD_FLOAT_OPERANDS)
{
    uint64_t a = sp[-2];
    uint64_t b = sp[-1];
    int fa = IS_EXACT(a, CONST_FLOAT_TYPE);
    int fb = IS_EXACT(b, CONST_FLOAT_TYPE);
    if (!((fa && (fb || stitch_is_small(b))) || (fb && stitch_is_small(a)))) {
        EXIT();
    }
    CONTINUE();
}

/* _IS_OP oparg: replaces a (below) and b (top) by True or False, a is b, inverted when oparg
   is 1 ("is not"). oparg may be 0, so it goes through OPAQUE. */
#include "stitch_stencil.h"

STENCIL(_IS_OP)
{
    uint64_t same = sp[-2] == sp[-1];
    uint64_t invert = OPAQUE(OPARG) != 0;
    sp -= 1;
    sp[-1] = (same ^ invert) ? CONST_TRUE : CONST_FALSE;
    CONTINUE();
}

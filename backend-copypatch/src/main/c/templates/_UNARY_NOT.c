/* _UNARY_NOT: not x. Natively for what the interpreter's fast loop takes (True, False, None)
   and for a small int (true unless 0, Protocols.isTrue); anything else, whose truth may be a
   user __bool__ or __len__, escapes, unchanged, and the runtime performs it. */
#include "stitch_stencil.h"

STENCIL(_UNARY_NOT)
{
    uint64_t x = sp[-1];
    uint64_t r;
    if (x == CONST_TRUE) {
        r = CONST_FALSE;
    } else if (x == CONST_FALSE || x == CONST_NONE) {
        r = CONST_TRUE;
    } else if (stitch_is_small(x)) {
        r = x == stitch_make_small(0) ? CONST_TRUE : CONST_FALSE;
    } else {
        ESCAPE();
    }
    sp[-1] = r;
    CONTINUE();
}

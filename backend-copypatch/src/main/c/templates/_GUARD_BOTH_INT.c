/* _GUARD_BOTH_INT exit: exits unless the top two stack items are both small ints. */
#include "stitch_stencil.h"

STENCIL(_GUARD_BOTH_INT)
{
    if (!stitch_both_small(sp[-1], sp[-2])) {
        EXIT();
    }
    CONTINUE();
}

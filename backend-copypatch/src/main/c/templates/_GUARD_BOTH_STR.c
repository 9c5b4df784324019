/* _GUARD_BOTH_STR exit: exits unless the top two items are exactly strs (not subclasses). */
#include "stitch_stencil.h"

STENCIL(_GUARD_BOTH_STR)
{
    if (!IS_EXACT(sp[-1], CONST_STR_TYPE) || !IS_EXACT(sp[-2], CONST_STR_TYPE)) {
        EXIT();
    }
    CONTINUE();
}

/* _GUARD_BOTH_FLOAT exit: exits unless the top two stack items are both exactly floats. */
#include "stitch_stencil.h"

STENCIL(_GUARD_BOTH_FLOAT)
{
    if (!IS_EXACT(sp[-1], CONST_FLOAT_TYPE) || !IS_EXACT(sp[-2], CONST_FLOAT_TYPE)) {
        EXIT();
    }
    CONTINUE();
}

/* _GUARD_NOS_LIST exit: exits unless the second item is exactly a list (not a subclass). */
#include "stitch_stencil.h"

STENCIL(_GUARD_NOS_LIST)
{
    if (!IS_EXACT(sp[-2], CONST_LIST_TYPE)) {
        EXIT();
    }
    CONTINUE();
}

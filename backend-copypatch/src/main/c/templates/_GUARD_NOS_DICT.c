/* _GUARD_NOS_DICT exit: exits unless the second item is exactly a dict (not a subclass). */
#include "stitch_stencil.h"

STENCIL(_GUARD_NOS_DICT)
{
    if (!IS_EXACT(sp[-2], CONST_DICT_TYPE)) {
        EXIT();
    }
    CONTINUE();
}

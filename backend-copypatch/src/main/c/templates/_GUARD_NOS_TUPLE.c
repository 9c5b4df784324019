/* _GUARD_NOS_TUPLE exit: exits unless the second item is exactly a tuple (not a subclass). */
#include "stitch_stencil.h"

STENCIL(_GUARD_NOS_TUPLE)
{
    if (!IS_EXACT(sp[-2], CONST_TUPLE_TYPE)) {
        EXIT();
    }
    CONTINUE();
}

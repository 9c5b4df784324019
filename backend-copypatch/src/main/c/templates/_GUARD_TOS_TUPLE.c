/* _GUARD_TOS_TUPLE exit: exits unless the top of stack is exactly a tuple (not a subclass). */
#include "stitch_stencil.h"

STENCIL(_GUARD_TOS_TUPLE)
{
    if (!IS_EXACT(sp[-1], CONST_TUPLE_TYPE)) {
        EXIT();
    }
    CONTINUE();
}

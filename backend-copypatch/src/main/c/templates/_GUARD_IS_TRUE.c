/* _GUARD_IS_TRUE exit: exits unless the top of stack is True (which stays on the stack). */
#include "stitch_stencil.h"

STENCIL(_GUARD_IS_TRUE)
{
    if (!(sp[-1] == CONST_TRUE)) {
        EXIT();
    }
    CONTINUE();
}

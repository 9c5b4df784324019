/* _GUARD_IS_FALSE exit: exits unless the top of stack is False (which stays on the stack). */
#include "stitch_stencil.h"

STENCIL(_GUARD_IS_FALSE)
{
    if (!(sp[-1] == CONST_FALSE)) {
        EXIT();
    }
    CONTINUE();
}

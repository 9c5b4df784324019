/* _GUARD_IS_NOT_NONE_POP exit: exits, changing nothing, unless the top of stack is not None; otherwise
   pops it. */
#include "stitch_stencil.h"

STENCIL(_GUARD_IS_NOT_NONE_POP)
{
    if (!(sp[-1] != CONST_NONE)) {
        EXIT();
    }
    sp -= 1;
    CONTINUE();
}

/* _GUARD_IS_FALSE_POP exit: exits, changing nothing, unless the top of stack is False; otherwise
   pops it. */
#include "stitch_stencil.h"

STENCIL(_GUARD_IS_FALSE_POP)
{
    if (!(sp[-1] == CONST_FALSE)) {
        EXIT();
    }
    sp -= 1;
    CONTINUE();
}

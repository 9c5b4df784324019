/* _GUARD_IS_TRUE_POP exit: exits, changing nothing, unless the top of stack is True; otherwise
   pops it. */
#include "stitch_stencil.h"

STENCIL(_GUARD_IS_TRUE_POP)
{
    if (!(sp[-1] == CONST_TRUE)) {
        EXIT();
    }
    sp -= 1;
    CONTINUE();
}

/* _GUARD_INIT_RETURNS_NONE exit: at the return of an inlined __init__, exits, changing nothing,
   unless the top of stack is None (the interpreter's return then raises the TypeError). */
#include "stitch_stencil.h"

STENCIL(_GUARD_INIT_RETURNS_NONE)
{
    if (!(sp[-1] == CONST_NONE)) {
        EXIT();
    }
    CONTINUE();
}

/* _GUARD_TOS_INT exit: exits unless the top of stack is a small int. */
#include "stitch_stencil.h"

STENCIL(_GUARD_TOS_INT)
{
    if ((sp[-1] & 1) == 0) {
        EXIT();
    }
    CONTINUE();
}

/* _GUARD_TYPE_VERSION operand exit: exits unless the top of stack's type has VERSION
   operand. */
#include "stitch_stencil.h"

STENCIL(_GUARD_TYPE_VERSION)
{
    uint64_t type = TYPE_OF(sp[-1]);
    if (OBJ_WORD(type, STITCH_TYPE_VERSION) != OPERAND) {
        EXIT();
    }
    CONTINUE();
}

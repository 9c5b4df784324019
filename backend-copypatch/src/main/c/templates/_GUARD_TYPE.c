/* _GUARD_TYPE operand exit: exits unless the top of stack's type (VM.typeOf: int for a small
   int, else the header's type word) is operand. */
#include "stitch_stencil.h"

STENCIL(_GUARD_TYPE)
{
    if (TYPE_OF(sp[-1]) != OPERAND) {
        EXIT();
    }
    CONTINUE();
}

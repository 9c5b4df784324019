/* _LOAD_CONST_INLINE operand: pushes the operand, a tagged value (kept alive by the region). */
#include "stitch_stencil.h"

STENCIL(_LOAD_CONST_INLINE)
{
    *sp++ = OPERAND;
    CONTINUE();
}

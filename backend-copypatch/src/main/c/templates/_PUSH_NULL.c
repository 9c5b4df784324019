/* _PUSH_NULL: pushes NULL (0). */
#include "stitch_stencil.h"

STENCIL(_PUSH_NULL)
{
    *sp++ = 0;
    CONTINUE();
}

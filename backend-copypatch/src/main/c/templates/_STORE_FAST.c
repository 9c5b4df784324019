/* _STORE_FAST oparg: pops the top of stack into local oparg. */
#include "stitch_stencil.h"

STENCIL(_STORE_FAST)
{
    LOCAL(OPARG) = *--sp;
    CONTINUE();
}

/* _LOAD_FAST oparg: pushes local oparg (known bound). */
#include "stitch_stencil.h"

STENCIL(_LOAD_FAST)
{
    *sp++ = LOCAL(OPARG);
    CONTINUE();
}

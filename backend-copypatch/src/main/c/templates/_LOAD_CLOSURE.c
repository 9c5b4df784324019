/* _LOAD_CLOSURE oparg: pushes local oparg (a cell), as _LOAD_FAST. */
#include "stitch_stencil.h"

STENCIL(_LOAD_CLOSURE)
{
    *sp++ = LOCAL(OPARG);
    CONTINUE();
}

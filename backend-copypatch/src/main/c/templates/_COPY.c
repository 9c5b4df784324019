/* _COPY oparg: pushes a copy of the item oparg places down (1: the top). */
#include "stitch_stencil.h"

STENCIL(_COPY)
{
    uint64_t v = *(sp - OPARG);
    *sp++ = v;
    CONTINUE();
}

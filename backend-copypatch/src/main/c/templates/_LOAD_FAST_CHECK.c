/* _LOAD_FAST_CHECK oparg exit: pushes local oparg; exits, changing nothing, when it is unbound
   (NULL). */
#include "stitch_stencil.h"

STENCIL(_LOAD_FAST_CHECK)
{
    uint64_t v = LOCAL(OPARG);
    if (v == 0) {
        EXIT();
    }
    *sp++ = v;
    CONTINUE();
}

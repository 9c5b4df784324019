/* _DELETE_FAST oparg exit: clears local oparg; exits, changing nothing, when it is already
   unbound (the interpreter raises UnboundLocalError). */
#include "stitch_stencil.h"

STENCIL(_DELETE_FAST)
{
    if (LOCAL(OPARG) == 0) {
        EXIT();
    }
    LOCAL(OPARG) = 0;
    CONTINUE();
}

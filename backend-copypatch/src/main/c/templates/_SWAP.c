/* _SWAP oparg: exchanges the top of stack with the item oparg deep (sp[-oparg]). */
#include "stitch_stencil.h"

STENCIL(_SWAP)
{
    uint64_t a = sp[-1];
    sp[-1] = *(sp - OPARG);
    *(sp - OPARG) = a;
    CONTINUE();
}

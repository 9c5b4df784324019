/* _POP_TOP: drops the top of stack (no reference counts: the GC is mark-sweep). */
#include "stitch_stencil.h"

STENCIL(_POP_TOP)
{
    sp -= 1;
    CONTINUE();
}

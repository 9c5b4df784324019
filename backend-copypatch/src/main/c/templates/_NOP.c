/* _NOP: does nothing. */
#include "stitch_stencil.h"

STENCIL(_NOP)
{
    CONTINUE();
}

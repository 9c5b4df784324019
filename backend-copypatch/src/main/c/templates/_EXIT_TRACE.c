/* _EXIT_TRACE exit: leaves the region through its exit. */
#include "stitch_stencil.h"

STENCIL(_EXIT_TRACE)
{
    EXIT();
}

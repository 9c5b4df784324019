/* _GUARD_TOS_FLOAT_OPERAND exit: exits unless TOS is an exact float or a small int; NOS is a
   raw float (decision 7), which this guard must not read. */
#include "stitch_stencil.h"

STENCIL(_GUARD_TOS_FLOAT_OPERAND)
{
    uint64_t v = sp[-1];
    if (!(stitch_is_small(v) || IS_EXACT(v, CONST_FLOAT_TYPE))) {
        EXIT();
    }
    CONTINUE();
}

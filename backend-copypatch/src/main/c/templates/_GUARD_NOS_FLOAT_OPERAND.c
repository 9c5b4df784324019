/* _GUARD_NOS_FLOAT_OPERAND exit: exits unless NOS is an exact float or a small int; TOS is a
   raw float (decision 7), which this guard must not read. */
#include "stitch_stencil.h"

STENCIL(_GUARD_NOS_FLOAT_OPERAND)
{
    uint64_t v = sp[-2];
    if (!(stitch_is_small(v) || IS_EXACT(v, CONST_FLOAT_TYPE))) {
        EXIT();
    }
    CONTINUE();
}

/* _CHECK_VALIDITY operand exit: exits when the region's validity word (at the operand, which
   the backend points at a word of the region's own) is non-zero: the driver invalidated the
   region while guest code it ran, or code it called, was running. A load and a compare, so
   frontends can afford one after every escaping instruction. */
#include "stitch_stencil.h"

STENCIL(_CHECK_VALIDITY)
{
    if (*(volatile uint64_t *)(uintptr_t)OPERAND != 0) {
        EXIT();
    }
    CONTINUE();
}

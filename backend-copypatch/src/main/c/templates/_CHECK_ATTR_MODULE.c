/* _CHECK_ATTR_MODULE operand exit: exits unless the top of stack is the module operand. */
#include "stitch_stencil.h"

STENCIL(_CHECK_ATTR_MODULE)
{
    if (sp[-1] != OPERAND) {
        EXIT();
    }
    CONTINUE();
}

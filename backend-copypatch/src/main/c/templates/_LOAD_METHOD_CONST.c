/* _LOAD_METHOD_CONST operand: replaces obj (the top of stack) by operand, the method, and
   pushes obj above it. */
#include "stitch_stencil.h"

STENCIL(_LOAD_METHOD_CONST)
{
    uint64_t obj = sp[-1];
    sp[-1] = OPERAND;
    *sp++ = obj;
    CONTINUE();
}

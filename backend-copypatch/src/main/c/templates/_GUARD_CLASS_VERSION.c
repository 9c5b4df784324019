/* _GUARD_CLASS_VERSION operand exit: exits unless the top of stack is a class whose metaclass
   is type and whose VERSION is operand. Versions of the program's classes are unique, so this
   names one class, unchanged since the trace recorded it (LOAD_METHOD_TYPE). */
#include "stitch_stencil.h"

STENCIL(_GUARD_CLASS_VERSION)
{
    uint64_t cls = sp[-1];
    if (!IS_EXACT(cls, CONST_TYPE_TYPE) || OBJ_WORD(cls, STITCH_TYPE_VERSION) != OPERAND) {
        EXIT();
    }
    CONTINUE();
}

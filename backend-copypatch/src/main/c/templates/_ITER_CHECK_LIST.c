/* _ITER_CHECK_LIST exit: exits unless the top of stack is exactly a list_iterator (not a subclass). */
#include "stitch_stencil.h"

STENCIL(_ITER_CHECK_LIST)
{
    if (!IS_EXACT(sp[-1], CONST_LIST_ITERATOR_TYPE)) {
        EXIT();
    }
    CONTINUE();
}

/* _ITER_CHECK_TUPLE exit: exits unless the top of stack is exactly a tuple_iterator (not a subclass). */
#include "stitch_stencil.h"

STENCIL(_ITER_CHECK_TUPLE)
{
    if (!IS_EXACT(sp[-1], CONST_TUPLE_ITERATOR_TYPE)) {
        EXIT();
    }
    CONTINUE();
}

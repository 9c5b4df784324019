/* _ITER_CHECK_RANGE exit: exits unless the top of stack is exactly a range iterator (a heap
   object, not a small int, whose type word is the range iterator type). */
#include "stitch_stencil.h"

STENCIL(_ITER_CHECK_RANGE)
{
    uint64_t it = sp[-1];
    if ((it & 1) != 0 || OBJ_WORD(it, 0) != CONST_RANGE_ITERATOR_TYPE) {
        EXIT();
    }
    CONTINUE();
}

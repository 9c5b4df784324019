/* _GUARD_NOT_EXHAUSTED_RANGE exit: exits when the range iterator on top of stack has no item
   left (its LIMIT, the tagged count of items left, is at most tagged 0), popping it: the exit
   resumes after the loop, as the interpreter's FOR_ITER would go on. */
#include "stitch_stencil.h"

STENCIL(_GUARD_NOT_EXHAUSTED_RANGE)
{
    if ((int64_t)OBJ_WORD(sp[-1], STITCH_ITER_LIMIT) <= 1) {
        sp -= 1;
        EXIT();
    }
    CONTINUE();
}

/* _GUARD_EXHAUSTED_RANGE_POP exit: a FOR_ITER_RANGE's loop-leaving path. Exits, changing
   nothing, while the range iterator on top of stack has an item left (its LIMIT, the tagged
   count of items left, is above tagged 0): the interpreter's FOR_ITER then takes it.
   Otherwise pops the iterator, as the exhausted FOR_ITER does, and the trace goes on after
   the loop. */
#include "stitch_stencil.h"

STENCIL(_GUARD_EXHAUSTED_RANGE_POP)
{
    if ((int64_t)OBJ_WORD(sp[-1], STITCH_ITER_LIMIT) > 1) {
        EXIT();
    }
    sp -= 1;
    CONTINUE();
}

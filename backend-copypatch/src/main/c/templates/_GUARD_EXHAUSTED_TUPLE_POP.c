/* _GUARD_EXHAUSTED_TUPLE_POP exit: a FOR_ITER_TUPLE's loop-leaving path. Exits, changing
   nothing, while the tuple iterator on top of stack has an item left (stitch_seq_iter_has_item):
   the interpreter's FOR_ITER then takes it. Otherwise does what the exhausted FOR_ITER does,
   marking the iterator exhausted for good (SEQ cleared) and popping it, and the trace goes on
   after the loop. */
#include "stitch_stencil.h"

STENCIL(_GUARD_EXHAUSTED_TUPLE_POP)
{
    uint64_t it = sp[-1];
    if (stitch_seq_iter_has_item(it, 0)) {
        EXIT();
    }
    OBJ_WORD(it, STITCH_ITER_SEQ) = 0;
    sp -= 1;
    CONTINUE();
}

/* _GUARD_EXHAUSTED_TUPLE_POP exit: a FOR_ITER_TUPLE's loop-leaving path. Exits, changing
   nothing, while the tuple iterator on top of stack has an item left (its SEQ is not NULL and
   INDEX < len(SEQ)): the interpreter's FOR_ITER then takes it. Otherwise does what the
   exhausted FOR_ITER does, marking the iterator exhausted for good (SEQ cleared) and popping
   it, and the trace goes on after the loop. */
#include "stitch_stencil.h"

STENCIL(_GUARD_EXHAUSTED_TUPLE_POP)
{
    uint64_t it = sp[-1];
    uint64_t seq = OBJ_WORD(it, STITCH_ITER_SEQ);
    if (seq != 0 && stitch_small_value(OBJ_WORD(it, STITCH_ITER_INDEX))
            < (int64_t)stitch_header_slots(OBJ_WORD(seq, STITCH_HEADER_META))) {
        EXIT();
    }
    OBJ_WORD(it, STITCH_ITER_SEQ) = 0;
    sp -= 1;
    CONTINUE();
}

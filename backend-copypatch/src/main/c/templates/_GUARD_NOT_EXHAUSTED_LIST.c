/* _GUARD_NOT_EXHAUSTED_LIST exit: exits unless the list iterator on top of the stack has an
   item left: its SEQ is not NULL (cleared when exhausted) and INDEX < len(SEQ). */
#include "stitch_stencil.h"

STENCIL(_GUARD_NOT_EXHAUSTED_LIST)
{
    uint64_t it = sp[-1];
    uint64_t seq = OBJ_WORD(it, STITCH_ITER_SEQ);
    if (seq == 0 || stitch_small_value(OBJ_WORD(it, STITCH_ITER_INDEX))
            >= stitch_small_value(OBJ_WORD(seq, STITCH_LIST_SIZE))) {
        EXIT();
    }
    CONTINUE();
}

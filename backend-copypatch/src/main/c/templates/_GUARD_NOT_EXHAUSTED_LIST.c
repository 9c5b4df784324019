/* _GUARD_NOT_EXHAUSTED_LIST exit: exits unless the list iterator on top of the stack has an
   item left: its SEQ is not NULL (cleared when exhausted) and INDEX < len(SEQ). Leaving, it
   does what the interpreter's exhausted FOR_ITER does (clears SEQ, pops the iterator): the
   exit resumes after the loop. */
#include "stitch_stencil.h"

STENCIL(_GUARD_NOT_EXHAUSTED_LIST)
{
    uint64_t it = sp[-1];
    if (!stitch_seq_iter_has_item(it, 1)) {
        /* As the interpreter's FOR_ITER: the iterator is marked exhausted for good and
           popped, and the exit resumes after the loop. */
        OBJ_WORD(it, STITCH_ITER_SEQ) = 0;
        sp -= 1;
        EXIT();
    }
    CONTINUE();
}

/* _CHECK_CLASS_VERSION oparg operand exit: the call of oparg arguments below the top calls a
   class whose type version is operand, with no method and no keyword names. Exits, changing
   nothing, when not. Versions are unique in the VM: the version names the class, and says its
   __init__ and instance layout are still those the trace recorded. */
#include "stitch_stencil.h"

STENCIL(_CHECK_CLASS_VERSION)
{
    uint64_t *null_slot = sp - (OPAQUE(OPARG) + 2);
    uint64_t cls = null_slot[1];
    if (null_slot[0] != 0 || TS_WORD(STITCH_THREAD_STATE_JIT_KWNAMES) != 0
        || cls == 0 || !IS_EXACT(cls, CONST_TYPE_TYPE)
        || OBJ_WORD(cls, STITCH_TYPE_VERSION) != OPERAND) {
        EXIT();
    }
    CONTINUE();
}

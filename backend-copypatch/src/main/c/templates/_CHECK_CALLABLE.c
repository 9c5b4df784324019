/* _CHECK_CALLABLE oparg operand exit: the call of oparg arguments below the top calls exactly
   operand (a method in the first slot, else the callable in the second); exits, changing
   nothing, when not. */
#include "stitch_stencil.h"

STENCIL(_CHECK_CALLABLE)
{
    uint64_t *null_slot = sp - (OPAQUE(OPARG) + 2);
    uint64_t callable = null_slot[0] != 0 ? null_slot[0] : null_slot[1];
    if (callable != OPERAND) {
        EXIT();
    }
    CONTINUE();
}

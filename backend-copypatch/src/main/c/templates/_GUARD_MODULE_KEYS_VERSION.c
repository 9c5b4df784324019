/* _GUARD_MODULE_KEYS_VERSION operand exit: exits unless the dict of the module on top of the
   stack has keys version operand. */
#include "stitch_stencil.h"

STENCIL(_GUARD_MODULE_KEYS_VERSION)
{
    uint64_t d = OBJ_WORD(sp[-1], STITCH_MODULE_DICT);
    if (OBJ_WORD(d, STITCH_DICT_KEYS_VERSION) != OPERAND) {
        EXIT();
    }
    CONTINUE();
}

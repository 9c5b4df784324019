/* _GUARD_MODULE_KEYS_VERSION operand exit: exits unless the dict of the module on top of the
   stack has keys version operand, whether watched or not (STITCH_DICT_KEYS_VERSION_WATCHED). */
#include "stitch_stencil.h"

STENCIL(_GUARD_MODULE_KEYS_VERSION)
{
    uint64_t d = OBJ_WORD(sp[-1], STITCH_MODULE_DICT);
    uint64_t version = OBJ_WORD(d, STITCH_DICT_KEYS_VERSION);
    if (((version ^ OPERAND) & ~STITCH_DICT_KEYS_VERSION_WATCHED) != 0) {
        EXIT();
    }
    CONTINUE();
}

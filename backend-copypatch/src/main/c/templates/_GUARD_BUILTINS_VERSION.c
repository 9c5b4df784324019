/* _GUARD_BUILTINS_VERSION operand exit: exits unless the frame's builtins dict has keys
   version operand. */
#include "stitch_stencil.h"

STENCIL(_GUARD_BUILTINS_VERSION)
{
    uint64_t d = FRAME_WORD(STITCH_FRAME_BUILTINS);
    if (OBJ_WORD(d, STITCH_DICT_KEYS_VERSION) != OPERAND) {
        EXIT();
    }
    CONTINUE();
}

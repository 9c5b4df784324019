/* _GUARD_GLOBALS_VERSION operand exit: exits unless the frame's globals dict has keys version
   operand. */
#include "stitch_stencil.h"

STENCIL(_GUARD_GLOBALS_VERSION)
{
    uint64_t d = FRAME_WORD(STITCH_FRAME_GLOBALS);
    if (OBJ_WORD(d, STITCH_DICT_KEYS_VERSION) != OPERAND) {
        EXIT();
    }
    CONTINUE();
}

/* _GUARD_BUILTINS_VERSION operand exit: exits unless the frame's builtins dict has keys
   version operand, whether watched or not (STITCH_DICT_KEYS_VERSION_WATCHED). */
#include "stitch_stencil.h"

STENCIL(_GUARD_BUILTINS_VERSION)
{
    uint64_t d = FRAME_WORD(STITCH_FRAME_BUILTINS);
    uint64_t version = OBJ_WORD(d, STITCH_DICT_KEYS_VERSION);
    if (((version ^ OPERAND) & ~STITCH_DICT_KEYS_VERSION_WATCHED) != 0) {
        EXIT();
    }
    CONTINUE();
}

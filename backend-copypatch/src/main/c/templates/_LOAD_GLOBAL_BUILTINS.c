/* _LOAD_GLOBAL_BUILTINS operand exit: pushes the value of entry operand of the frame's builtins
   dict (Dicts.entryValue); exits, changing nothing, when the value was deleted (NULL). */
#include "stitch_stencil.h"

STENCIL(_LOAD_GLOBAL_BUILTINS)
{
    uint64_t d = FRAME_WORD(STITCH_FRAME_BUILTINS);
    uint64_t entries = OBJ_WORD(d, STITCH_DICT_ENTRIES);
    uint64_t v = OBJ_WORD(entries, STITCH_ARRAY_ITEMS
                          + 8 * (STITCH_DICT_ENTRY_WORDS * OPERAND + STITCH_DICT_ENTRY_VALUE));
    if (v == 0) {
        EXIT();
    }
    *sp++ = v;
    CONTINUE();
}

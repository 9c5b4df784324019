/* _LOAD_ATTR_MODULE operand exit: replaces the module on top of the stack by the value of
   entry operand of its dict; exits, changing nothing, when the value was deleted (NULL). */
#include "stitch_stencil.h"

STENCIL(_LOAD_ATTR_MODULE)
{
    uint64_t d = OBJ_WORD(sp[-1], STITCH_MODULE_DICT);
    uint64_t entries = OBJ_WORD(d, STITCH_DICT_ENTRIES);
    uint64_t v = OBJ_WORD(entries, STITCH_ARRAY_ITEMS
                          + 8 * (STITCH_DICT_ENTRY_WORDS * OPERAND + STITCH_DICT_ENTRY_VALUE));
    if (v == 0) {
        EXIT();
    }
    sp[-1] = v;
    CONTINUE();
}

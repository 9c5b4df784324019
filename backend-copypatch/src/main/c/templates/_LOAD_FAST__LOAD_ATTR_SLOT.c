/* _LOAD_FAST oparg followed by _LOAD_ATTR_SLOT operand, fused by the emitter (a superinstruction,
   decision 12): pushes value (operand >> 32) of the attrs header at offset (operand &
   0xFFFFFFFF) of local oparg, read from the local itself rather than through the stack slot
   _LOAD_FAST would write and _LOAD_ATTR_SLOT read back at once. What the pair does, word for
   word: _LOAD_FAST.c and _LOAD_ATTR_SLOT.c. */
#include "stitch_stencil.h"

STENCIL(_LOAD_FAST__LOAD_ATTR_SLOT)
{
    uint64_t obj = LOCAL(OPARG);
    uint64_t values = OBJ_WORD(obj + (OPERAND & UINT64_C(0xFFFFFFFF)), STITCH_ATTRS_VALUES);
    *sp++ = OBJ_WORD(values, STITCH_ARRAY_ITEMS + 8 * (OPERAND >> 32));
    CONTINUE();
}

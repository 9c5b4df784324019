/* _EXIT_BOX_ATTR_SLOT oparg operand: an exit's boxing stub (see _EXIT_BOX_CHECK): the stack slot
   (OPARG & 0xFFFF) below sp holds the raw bits of attribute OPERAND (a slot word: value index
   high, attrs offset low) of the instance in local OPARG >> 16, loaded raw and not changed
   since (decision 7, "Float attributes"). It gets the attribute's own float: the box the slot
   holds, or a new one, which the slot keeps (as VM.attrValue does), so the value keeps its
   identity. */
#include "stitch_stencil.h"

STENCIL(_EXIT_BOX_ATTR_SLOT)
{
    uint64_t where = OPAQUE(OPARG);
    uint64_t *slot = sp - (where & 0xFFFF);
    uint64_t obj = LOCAL(where >> 16);
    uint64_t values = stitch_attr_values(obj, OPERAND);
    uint64_t index = OPERAND >> 32;
    uint64_t v = OBJ_WORD(values, STITCH_ARRAY_ITEMS + 8 * index);
    if (v == 0) {
        v = stitch_take_float(ts, stitch_raw_double(*stitch_attr_raw(values, index)));
        OBJ_WORD(values, STITCH_ARRAY_ITEMS + 8 * index) = v;
    }
    *slot = v;
    CONTINUE();
}

/* _LOAD_ATTR_SLOT_FLOAT operand exit: _LOAD_ATTR_SLOT of an attribute that held a float when
   recorded, read boxed (decision 7, "Float attributes"): a raw float attribute is boxed here and
   the box kept in its slot, as VM.attrValue does, since such attributes are often raw; escapes,
   changing nothing, when the float free list is empty. Never exits. */
#include "stitch_stencil.h"

STENCIL(_LOAD_ATTR_SLOT_FLOAT)
{
    uint64_t obj = sp[-1];
    uint64_t values = stitch_attr_values(obj, OPERAND);
    uint64_t index = OPERAND >> 32;
    uint64_t v = OBJ_WORD(values, STITCH_ARRAY_ITEMS + 8 * index);
    if (v == 0) {
        v = stitch_new_float(ts, stitch_raw_double(*stitch_attr_raw(values, index)));
        if (v == 0) {
            ESCAPE(); /* the runtime boxes it, refilling the free list */
        }
        OBJ_WORD(values, STITCH_ARRAY_ITEMS + 8 * index) = v;
    }
    sp[-1] = v;
    CONTINUE();
}

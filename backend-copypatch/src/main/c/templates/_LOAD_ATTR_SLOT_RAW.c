/* _LOAD_ATTR_SLOT_RAW operand exit: _LOAD_ATTR_SLOT of a value float arithmetic or a float
   comparison reads next, left raw (decision 7, "Float attributes"): the top of stack becomes
   the IEEE bits of the raw float attribute or of the float in the slot. Exits, changing
   nothing, for any other value (a small int too: an int plus an int is an int). */
#include "stitch_stencil.h"

STENCIL(_LOAD_ATTR_SLOT_RAW)
{
    uint64_t obj = sp[-1];
    uint64_t values = stitch_attr_values(obj, OPERAND);
    uint64_t index = OPERAND >> 32;
    uint64_t v = OBJ_WORD(values, STITCH_ARRAY_ITEMS + 8 * index);
    if (v == 0) {
        sp[-1] = *stitch_attr_raw(values, index);
    } else if (IS_EXACT(v, CONST_FLOAT_TYPE)) {
        sp[-1] = OBJ_WORD(v, STITCH_FLOAT_VALUE);
    } else {
        EXIT();
    }
    CONTINUE();
}

/* _LOAD_ATTR_SLOT oparg operand exit: replaces the top of stack (an instance whose shape a guard
   proved) by value (operand >> 32) of its attrs header at offset (operand & 0xFFFFFFFF). Reads
   no NULL slot: an attribute that may be a raw float is _LOAD_ATTR_SLOT_FLOAT's (decision 7,
   "Float attributes"). Never exits (the exit is the raw form's). */
#include "stitch_stencil.h"

STENCIL(_LOAD_ATTR_SLOT)
{
    uint64_t obj = sp[-1];
    uint64_t values = OBJ_WORD(obj + (OPERAND & UINT64_C(0xFFFFFFFF)), STITCH_ATTRS_VALUES);
    sp[-1] = OBJ_WORD(values, STITCH_ARRAY_ITEMS + 8 * (OPERAND >> 32));
    CONTINUE();
}

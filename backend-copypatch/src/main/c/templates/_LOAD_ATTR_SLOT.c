/* _LOAD_ATTR_SLOT oparg operand exit: replaces the top of stack (an instance whose shape a guard
   proved) by value (operand >> 32) of its attrs header at offset (operand & 0xFFFFFFFF).
   Escapes, changing nothing, for a raw float attribute (a NULL slot, Layout.Array): the runtime
   boxes it once and keeps the box in the slot (VM.attrValue), so this happens once per value
   stored raw, and the common path stays a test. Never exits (the exit is the raw form's). */
#include "stitch_stencil.h"

STENCIL(_LOAD_ATTR_SLOT)
{
    uint64_t obj = sp[-1];
    uint64_t values = OBJ_WORD(obj + (OPERAND & UINT64_C(0xFFFFFFFF)), STITCH_ATTRS_VALUES);
    uint64_t v = OBJ_WORD(values, STITCH_ARRAY_ITEMS + 8 * (OPERAND >> 32));
    if (v == 0) {
        ESCAPE();
    }
    sp[-1] = v;
    CONTINUE();
}

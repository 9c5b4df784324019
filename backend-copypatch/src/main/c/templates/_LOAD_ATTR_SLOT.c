/* _LOAD_ATTR_SLOT operand exit: replaces the top of stack (an instance whose shape a guard
   proved) by value (operand >> 32) of its attrs header at offset (operand & 0xFFFFFFFF). A raw
   float attribute is boxed once and the box kept (stitch_attr_value); escapes, changing
   nothing, when the float free list is empty. Never exits (the exit is for the raw form). */
#include "stitch_stencil.h"

STENCIL(_LOAD_ATTR_SLOT)
{
    uint64_t obj = sp[-1];
    uint64_t values = OBJ_WORD(obj + (OPERAND & UINT64_C(0xFFFFFFFF)), STITCH_ATTRS_VALUES);
    uint64_t v = stitch_attr_value(ts, values, OPERAND >> 32);
    if (v == 0) {
        ESCAPE(); /* the runtime boxes it, refilling the free list */
    }
    sp[-1] = v;
    CONTINUE();
}

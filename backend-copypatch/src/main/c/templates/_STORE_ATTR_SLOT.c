/* _STORE_ATTR_SLOT oparg operand exit: stores the second item into value oparg of the top
   item's attrs header (at its type's ATTR_OFFSET) and pops both. operand is the new shape, or
   0 for an existing slot; with a new shape it exits, changing nothing, unless the values
   array exists and has room for index oparg, and sets the shape after the store. operand may
   be 0, so it goes through OPAQUE. */
#include "stitch_stencil.h"

STENCIL(_STORE_ATTR_SLOT)
{
    uint64_t obj = sp[-1];
    uint64_t attrs = stitch_attrs(obj);
    uint64_t shape = OPAQUE(OPERAND);
    uint64_t values = stitch_store_values(attrs, shape, OPARG);
    if (values == 0) {
        EXIT();
    }
    OBJ_WORD(values, STITCH_ARRAY_ITEMS + 8 * OPARG) = sp[-2];
    if (shape != 0) {
        OBJ_WORD(attrs, STITCH_ATTRS_SHAPE) = shape;
    }
    sp -= 2;
    CONTINUE();
}

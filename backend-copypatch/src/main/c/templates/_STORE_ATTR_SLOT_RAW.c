/* _STORE_ATTR_SLOT_RAW oparg operand exit: _STORE_ATTR_SLOT of a raw float (the second item holds
   a double's IEEE bits; decision 7, "Float attributes"), which the attribute keeps raw: its
   slot NULL, the bits in its raw word. Exits, changing nothing, where _STORE_ATTR_SLOT does (the
   exit boxes the value); escapes, changing nothing, when the values array has no raw words yet
   (the runtime gives the instance an array with them, VM.addRawWords, and stores). */
#include "stitch_stencil.h"

STENCIL(_STORE_ATTR_SLOT_RAW)
{
    uint64_t obj = sp[-1];
    uint64_t attrs = stitch_attrs(obj);
    uint64_t shape = OPAQUE(OPERAND);
    uint64_t values = stitch_store_values(attrs, shape, OPARG);
    if (values == 0) {
        EXIT();
    }
    uint64_t meta = OBJ_WORD(values, STITCH_HEADER_META);
    if (stitch_header_raw_bytes(meta)
            < (uint64_t)STITCH_ARRAY_VALUES_RAW_BYTES(stitch_header_slots(meta))) {
        ESCAPE();
    }
    *stitch_attr_raw(values, OPARG) = sp[-2];
    OBJ_WORD(values, STITCH_ARRAY_ITEMS + 8 * OPARG) = 0;
    if (shape != 0) {
        OBJ_WORD(attrs, STITCH_ATTRS_SHAPE) = shape;
    }
    sp -= 2;
    CONTINUE();
}

/* _ALLOCATE_OBJECT oparg: allocates an instance of the class the call of oparg arguments
   below the top calls (_CHECK_CLASS_VERSION proved it a plain class), as the runtime's
   Protocols.newPlainInstance does: its slots NULL, its shape the class's root shape, and a
   values array of the class's ATTR_CAPACITY when that is not 0, with raw words when the class
   keeps float attributes raw (TypeFlags.RAW_FLOAT_ATTRS). The instance replaces both
   the NULL and the class. Escapes, changing nothing, when either object is too large for
   inline allocation or its free list is empty. */
#include "stitch_stencil.h"

STENCIL(_ALLOCATE_OBJECT)
{
    uint64_t *null_slot = sp - (OPAQUE(OPARG) + 2);
    uint64_t cls = null_slot[1];
    int64_t nslots = stitch_small_value(OBJ_WORD(cls, STITCH_TYPE_INSTANCE_SLOTS));
    int64_t cap = stitch_small_value(OBJ_WORD(cls, STITCH_TYPE_ATTR_CAPACITY));
    uint64_t obj_bytes;
    uint64_t values_bytes;
    uint64_t *obj_cells = stitch_cells(nslots, &obj_bytes);
    int64_t raw = (stitch_small_value(OBJ_WORD(cls, STITCH_TYPE_FLAGS))
                   & STITCH_TYPE_FLAGS_RAW_FLOAT_ATTRS)
                      ? STITCH_ARRAY_VALUES_RAW_BYTES(cap)
                      : 0;
    uint64_t *values_cells = stitch_cells(cap + raw / 8, &values_bytes);
    if (obj_cells == 0 || values_cells == 0 || *obj_cells == 0) {
        ESCAPE(); /* the runtime allocates */
    }
    /* Both may come from one list, which then needs two cells. */
    if (cap > 0 && (values_cells == obj_cells ? OBJ_WORD(*obj_cells, 0) : *values_cells) == 0) {
        ESCAPE();
    }
    uint64_t obj = stitch_take_cell(ts, obj_cells, obj_bytes, cls, nslots);
    uint64_t values =
        cap > 0 ? stitch_take_cell_raw(ts, values_cells, values_bytes, CONST_ARRAY_TYPE, cap, raw)
                : 0;
    uint64_t attrs = obj + (uint64_t)stitch_small_value(OBJ_WORD(cls, STITCH_TYPE_ATTR_OFFSET));
    OBJ_WORD(attrs, STITCH_ATTRS_SHAPE) = OBJ_WORD(cls, STITCH_TYPE_ROOT_SHAPE);
    OBJ_WORD(attrs, STITCH_ATTRS_VALUES) = values;
    null_slot[0] = obj;
    null_slot[1] = obj;
    CONTINUE();
}

/* _GUARD_SHAPE oparg operand exit: exits unless the shape of the top of stack's attrs header
   is operand. The attrs header is at offset oparg of the instance, or, for oparg 0, at the
   type's ATTR_OFFSET (a tagged int). oparg may be 0, so it goes through OPAQUE. */
#include "stitch_stencil.h"

STENCIL(_GUARD_SHAPE)
{
    uint64_t obj = sp[-1];
    uint64_t off = OPAQUE(OPARG);
    if (off == 0) {
        uint64_t type = OBJ_WORD(obj, STITCH_HEADER_TYPE);
        off = (uint64_t)((int64_t)OBJ_WORD(type, STITCH_TYPE_ATTR_OFFSET) >> 1);
    }
    if (OBJ_WORD(obj + off, STITCH_ATTRS_SHAPE) != OPERAND) {
        EXIT();
    }
    CONTINUE();
}

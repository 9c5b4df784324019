/* _BINARY_OP_MULTIPLY_FLOAT_RAW oparg: _BINARY_OP_MULTIPLY_FLOAT with unboxed slots
   (decision 7): OPARG's STITCH_RAW_* bits say which of a (below), b (top) and the result are
   raw, a double's bits in the slot. */
#include "stitch_stencil.h"

STENCIL(_BINARY_OP_MULTIPLY_FLOAT_RAW)
{
    uint64_t raw = OPAQUE(OPARG);
    double x = stitch_float_operand(raw, STITCH_RAW_NOS, sp[-2]);
    double y = stitch_float_operand(raw, STITCH_RAW_TOS, sp[-1]);
    RAW_FLOAT_RESULT(raw, x * y, 2);
    CONTINUE();
}

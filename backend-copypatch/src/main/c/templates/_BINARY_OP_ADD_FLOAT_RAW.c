/* _BINARY_OP_ADD_FLOAT_RAW oparg: _BINARY_OP_ADD_FLOAT with unboxed slots
   (decision 7): OPARG's STITCH_RAW_* bits say which of a (below), b (top) and the result are
   raw, a double's bits in the slot. A boxed input is an exact float or a small int (a guard
   checked); a raw one is a float by construction. A raw result allocates nothing; a boxed
   one escapes, changing nothing, when the float free list is empty (the runtime performs the
   uop, raw inputs included).

   OPARG is patched into an immediate, so each copy tests constant bits: predicted branches,
   no second stencil per combination. */
#include "stitch_stencil.h"

STENCIL(_BINARY_OP_ADD_FLOAT_RAW)
{
    uint64_t raw = OPAQUE(OPARG);
    double x = (raw & STITCH_RAW_NOS) ? stitch_raw_double(sp[-2]) : stitch_as_double(sp[-2]);
    double y = (raw & STITCH_RAW_TOS) ? stitch_raw_double(sp[-1]) : stitch_as_double(sp[-1]);
    double d = x + y;
    uint64_t r;
    if (raw & STITCH_RAW_RESULT) {
        r = stitch_raw_bits(d);
    } else {
        r = stitch_new_float(ts, d);
        if (r == 0) {
            ESCAPE(); /* the runtime allocates, refilling the free list */
        }
    }
    sp -= 1;
    sp[-1] = r;
    CONTINUE();
}

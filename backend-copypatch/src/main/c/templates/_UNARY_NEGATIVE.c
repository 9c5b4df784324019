/* _UNARY_NEGATIVE: -x. Natively for a small int whose negation is one too (IntOps.unaryOp)
   and for an exact float, a new float with the sign flipped (FloatOps.unaryOp: Java's -d,
   so -0.0 and 0.0 swap). Anything else (a big int, a bool, a user __neg__) and an empty float
   free list escape, unchanged, and the runtime performs it. */
#include "stitch_stencil.h"

STENCIL(_UNARY_NEGATIVE)
{
    uint64_t x = sp[-1];
    uint64_t r;
    if (stitch_is_small(x)) {
        int64_t v = stitch_small_value(x);
        if (v == STITCH_TAG_SMALL_MIN) {
            ESCAPE(); /* its negation is a big int */
        }
        r = stitch_make_small(-v);
    } else if (OBJ_WORD(x, STITCH_HEADER_TYPE) == CONST_FLOAT_TYPE) {
        /* The sign bit flipped in an integer register: clang's -d is an XOR with a constant
           it would put in a data section, which stencils cannot have. */
        r = stitch_new_float(ts, stitch_raw_double(OBJ_WORD(x, STITCH_FLOAT_VALUE)
                                                   ^ (UINT64_C(1) << 63)));
        if (r == 0) {
            ESCAPE();
        }
    } else {
        ESCAPE();
    }
    sp[-1] = r;
    CONTINUE();
}

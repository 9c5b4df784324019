/* _BINARY_OP_TRUE_DIVIDE_FLOAT exit: replaces a (below) and b (top), exact floats or small ints
   (a guard checked), by a new float a / b; exits, changing nothing, when b is zero (0.0 or
   -0.0: the interpreter raises ZeroDivisionError); escapes, changing nothing, when the float
   free list is empty (the runtime's allocator refills it).

   The zero test comes first: an exit must leave the heap as it was. */
#include "stitch_stencil.h"

STENCIL(_BINARY_OP_TRUE_DIVIDE_FLOAT)
{
    double x = stitch_as_double(sp[-2]);
    double y = stitch_as_double(sp[-1]);
    if (y == 0.0) {
        EXIT();
    }
    uint64_t r = stitch_new_float(ts, x / y);
    if (r == 0) {
        ESCAPE(); /* the runtime allocates, refilling the free list */
    }
    sp -= 1;
    sp[-1] = r;
    CONTINUE();
}

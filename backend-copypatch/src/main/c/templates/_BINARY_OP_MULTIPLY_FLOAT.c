/* _BINARY_OP_MULTIPLY_FLOAT: replaces a (below) and b (top), exact floats or small ints
   (a guard checked), by a new float a * b; escapes, changing nothing, when the float
   free list is empty (the runtime's allocator refills it).

   The IEEE double product, as Java computes it (no -ffast-math; x86-64 has no
   contraction to do in a single operation), so results match the interpreter's bit for bit. */
#include "stitch_stencil.h"

STENCIL(_BINARY_OP_MULTIPLY_FLOAT)
{
    double x = stitch_as_double(sp[-2]);
    double y = stitch_as_double(sp[-1]);
    uint64_t r = stitch_new_float(ts, x * y);
    if (r == 0) {
        ESCAPE(); /* the runtime allocates, refilling the free list */
    }
    sp -= 1;
    sp[-1] = r;
    CONTINUE();
}

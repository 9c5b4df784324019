/* _EXIT_BOX_CHECK oparg: not a uop but the first stub of an exit that leaves raw doubles
   (decision 7): it goes on (to the exit's _EXIT_BOX_LOCAL and _EXIT_BOX_SLOT stubs, then the
   exit stub a bridge may be linked to) when the float free list holds at least OPARG cells,
   one per raw word; else it jumps to the exit's unboxed stub, whose return has the runtime box
   them (its allocator refills the list). Counting first means the boxing either happens
   wholly in native code or wholly in the runtime, never half in each. */
#include "stitch_stencil.h"

STENCIL(_EXIT_BOX_CHECK)
{
    uint64_t cell = *(uint64_t *)(uintptr_t)CONST_FLOAT_FREE_LIST;
    uint64_t cells = OPAQUE(OPARG);
#pragma clang loop vectorize(disable) interleave(disable) unroll(disable)
    for (uint64_t k = 0; k < cells; k++) {
        if (cell == 0) {
            EXIT();
        }
        cell = OBJ_WORD(cell, 0);
    }
    CONTINUE();
}

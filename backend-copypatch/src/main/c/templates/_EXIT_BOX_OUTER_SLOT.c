/* _EXIT_BOX_OUTER_SLOT oparg operand: an exit's boxing stub (see _EXIT_BOX_CHECK) for an exit
   inside an inlined call: the stack slot OPARG below the stack pointer that the call saved in
   the frame OPERAND calls below the exit's (the trace's own frame, which keeps a raw
   temporary across the call) holds a raw double's bits and gets a new float holding them. */
#include "stitch_stencil.h"

STENCIL(_EXIT_BOX_OUTER_SLOT)
{
    uint64_t *owner = stitch_frame_below(frame, OPAQUE(OPERAND));
    uint64_t *slot =
        STACK_BASE_OF(owner) + stitch_small_value(owner[STITCH_FRAME_SP / 8]) - OPAQUE(OPARG);
    *slot = stitch_take_float(ts, stitch_raw_double(*slot));
    CONTINUE();
}

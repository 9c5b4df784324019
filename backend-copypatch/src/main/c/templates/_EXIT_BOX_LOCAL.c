/* _EXIT_BOX_LOCAL oparg operand: an exit's boxing stub (see _EXIT_BOX_CHECK): local OPARG of
   the frame OPERAND calls below the exit's (0: its own; more when the trace keeps its own
   frame's raw locals across inlined calls) holds a raw double's bits and gets a new float
   holding them. */
#include "stitch_stencil.h"

STENCIL(_EXIT_BOX_LOCAL)
{
    uint64_t *owner = stitch_frame_below(frame, OPAQUE(OPERAND));
    uint64_t *local =
        (uint64_t *)((char *)owner + STITCH_FRAME_LOCALSPLUS + 8 * OPAQUE(OPARG));
    *local = stitch_take_float(ts, stitch_raw_double(*local));
    CONTINUE();
}

/* _EXIT_CLEAR_LOCAL oparg operand: an exit's stub (see _EXIT_BOX_CHECK) for a raw local that
   the interpreter writes before it reads it from the exit on (Exit.deadLocals): local OPARG of
   the frame OPERAND calls below the exit's is cleared (unbound) instead of boxed, so the
   collector never scans its bits and no float is made for a value nobody reads. */
#include "stitch_stencil.h"

STENCIL(_EXIT_CLEAR_LOCAL)
{
    uint64_t *owner = stitch_frame_below(frame, OPAQUE(OPERAND));
    *(uint64_t *)((char *)owner + STITCH_FRAME_LOCALSPLUS + 8 * OPAQUE(OPARG)) = 0;
    CONTINUE();
}

/* _EXIT_BOX_SLOT oparg: an exit's boxing stub (see _EXIT_BOX_CHECK): the stack slot OPARG
   below sp (sp[-OPARG], sp being the stack base plus the exit's depth) holds a raw double's
   bits and gets a new float holding them. */
#include "stitch_stencil.h"

STENCIL(_EXIT_BOX_SLOT)
{
    uint64_t *slot = sp - OPAQUE(OPARG);
    *slot = stitch_take_float(ts, stitch_raw_double(*slot));
    CONTINUE();
}

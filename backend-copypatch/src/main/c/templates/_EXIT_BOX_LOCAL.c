/* _EXIT_BOX_LOCAL oparg: an exit's boxing stub (see _EXIT_BOX_CHECK): local OPARG holds a
   raw double's bits and gets a new float holding them. */
#include "stitch_stencil.h"

STENCIL(_EXIT_BOX_LOCAL)
{
    uint64_t *local = &LOCAL(OPAQUE(OPARG));
    *local = stitch_take_float(ts, stitch_raw_double(*local));
    CONTINUE();
}

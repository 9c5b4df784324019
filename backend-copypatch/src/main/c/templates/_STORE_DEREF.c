/* _STORE_DEREF oparg: pops the top of stack into the cell in local oparg. */
#include "stitch_stencil.h"

STENCIL(_STORE_DEREF)
{
    uint64_t v = *--sp;
    OBJ_WORD(LOCAL(OPARG), STITCH_CELL_CONTENTS) = v;
    CONTINUE();
}

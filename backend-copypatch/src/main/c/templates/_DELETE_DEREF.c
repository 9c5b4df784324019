/* _DELETE_DEREF oparg exit: empties the cell in local oparg; exits, changing nothing, when it
   is already empty (the interpreter raises the NameError). */
#include "stitch_stencil.h"

STENCIL(_DELETE_DEREF)
{
    uint64_t cell = LOCAL(OPARG);
    if (OBJ_WORD(cell, STITCH_CELL_CONTENTS) == 0) {
        EXIT();
    }
    OBJ_WORD(cell, STITCH_CELL_CONTENTS) = 0;
    CONTINUE();
}

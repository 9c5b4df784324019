/* _LOAD_DEREF oparg exit: pushes the contents of the cell in local oparg; exits, changing
   nothing, when the cell is empty (NULL). */
#include "stitch_stencil.h"

STENCIL(_LOAD_DEREF)
{
    uint64_t v = OBJ_WORD(LOCAL(OPARG), STITCH_CELL_CONTENTS);
    if (v == 0) {
        EXIT();
    }
    *sp++ = v;
    CONTINUE();
}

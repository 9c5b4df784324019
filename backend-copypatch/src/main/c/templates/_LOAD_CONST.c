/* _LOAD_CONST oparg: pushes constant oparg of the frame's code object (its CONSTS tuple). */
#include "stitch_stencil.h"

STENCIL(_LOAD_CONST)
{
    uint64_t code = FRAME_WORD(STITCH_FRAME_CODE);
    uint64_t consts = OBJ_WORD(code, STITCH_CODE_CONSTS);
    *sp++ = OBJ_WORD(consts, STITCH_TUPLE_ITEMS + 8 * OPARG);
    CONTINUE();
}

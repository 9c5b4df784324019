/* _ITER_NEXT_RANGE: pushes the range iterator's next value (INDEX) and advances it: one item
   fewer left (LIMIT - tagged 1), INDEX + step (AUX), all tagged. */
#include "stitch_stencil.h"

STENCIL(_ITER_NEXT_RANGE)
{
    uint64_t it = sp[-1];
    uint64_t cur = OBJ_WORD(it, STITCH_ITER_INDEX);
    OBJ_WORD(it, STITCH_ITER_LIMIT) = OBJ_WORD(it, STITCH_ITER_LIMIT) - 2;
    OBJ_WORD(it, STITCH_ITER_INDEX) = cur + OBJ_WORD(it, STITCH_ITER_AUX) - 1;
    *sp++ = cur;
    CONTINUE();
}

/* _LOOP_HEAD: marks where _JUMP_TO_TOP continues in a peeled trace; emits no code (its tail
 * jump is left out, as every stencil's is when the next uop follows), so the loop's jump lands
 * on the first uop of the loop body. */
#include "stitch_stencil.h"

STENCIL(_LOOP_HEAD)
{
    CONTINUE();
}

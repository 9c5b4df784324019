/* _JUMP_TO_TOP: jumps back to the start of the trace (the _JIT_JUMP_TARGET hole). */
#include "stitch_stencil.h"

STENCIL(_JUMP_TO_TOP)
{
    JUMP_TO_TARGET();
}

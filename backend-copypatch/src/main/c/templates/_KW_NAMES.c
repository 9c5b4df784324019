/* _KW_NAMES oparg: the next call's keyword names are constant oparg (a tuple of strs); kept
   in the thread state, where the runtime finds them if the call escapes to it. */
#include "stitch_stencil.h"

STENCIL(_KW_NAMES)
{
    uint64_t consts = OBJ_WORD(FRAME_WORD(STITCH_FRAME_CODE), STITCH_CODE_CONSTS);
    TS_WORD(STITCH_THREAD_STATE_JIT_KWNAMES) = OBJ_WORD(consts, STITCH_TUPLE_ITEMS + 8 * OPARG);
    CONTINUE();
}

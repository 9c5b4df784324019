/* _CHECK_STACK_SPACE operand exit: a frame for function operand fits on the frame stack and
   within the recursion limit; exits, changing nothing, when not (the interpreter then raises
   RecursionError). */
#include "stitch_stencil.h"

STENCIL(_CHECK_STACK_SPACE)
{
    uint64_t code = OBJ_WORD(OPERAND, STITCH_FUNCTION_CODE);
    int64_t bytes = STITCH_FRAME_SIZE(stitch_small_value(OBJ_WORD(code, STITCH_CODE_NLOCALSPLUS)),
                                      stitch_small_value(OBJ_WORD(code, STITCH_CODE_STACKSIZE)));
    int64_t depth = (int64_t)TS_WORD(STITCH_THREAD_STATE_RECURSION_DEPTH) + 1;
    if (depth > (int64_t)TS_WORD(STITCH_THREAD_STATE_RECURSION_LIMIT)
        || (int64_t)TS_WORD(STITCH_THREAD_STATE_STACK_TOP) + bytes
               > (int64_t)TS_WORD(STITCH_THREAD_STATE_STACK_LIMIT)) {
        EXIT();
    }
    CONTINUE();
}

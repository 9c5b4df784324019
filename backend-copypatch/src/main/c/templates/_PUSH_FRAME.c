/* _PUSH_FRAME: makes the frame _INIT_CALL_PY_EXACT_ARGS left on the stack the current one;
   the code after it runs in the callee, its operand stack empty. */
#include "stitch_stencil.h"

STENCIL(_PUSH_FRAME)
{
    uint64_t *callee = (uint64_t *)(uintptr_t)sp[-1];
    TS_WORD(STITCH_THREAD_STATE_CURRENT_FRAME) = (uint64_t)callee;
    frame = callee;
    sp = STACK_BASE();
    CONTINUE();
}

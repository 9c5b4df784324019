/* _PUSH_FRAME: makes the frame _INIT_CALL_PY_EXACT_ARGS left on the stack the current one;
   the code after it runs in the callee, its operand stack empty. The emitter passes the
   offset of the callee's stack in its frame as the oparg when it knows the callee's code
   (decision 12), so the stack is found without reading the code; else 0. */
#include "stitch_stencil.h"

STENCIL(_PUSH_FRAME)
{
    uint64_t *callee = (uint64_t *)(uintptr_t)sp[-1];
    uint64_t base = OPAQUE(OPARG);
    TS_WORD(STITCH_THREAD_STATE_CURRENT_FRAME) = (uint64_t)callee;
    frame = callee;
    sp = base != 0 ? (uint64_t *)((char *)callee + base) : STACK_BASE();
    CONTINUE();
}

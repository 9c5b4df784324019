/* _INIT_CALL_INIT oparg operand: pushes the frame of __init__ (function operand) for a class
   call whose instance _ALLOCATE_OBJECT put in place of the NULL and the class: self and the
   arguments become its first locals, and the frame is flagged FLAG_INIT, so that a return the
   interpreter performs yields the instance. The caller's stack is cut above the instance,
   which waits there for the return; the frame waits above it until _PUSH_FRAME, as in
   _INIT_CALL_PY_EXACT_ARGS. _CHECK_CLASS_VERSION and _CHECK_STACK_SPACE proved the class, and
   with it the argument count, and the room. An __init__ with cell variables gets its cells
   as in _INIT_CALL_PY_EXACT_ARGS; one without cells or free variables, its geometry in the
   oparg, as there. */
#include "stitch_stencil.h"

STENCIL(_INIT_CALL_INIT)
{
    uint64_t o = OPAQUE(OPARG);
    int plain = (o & (uint64_t)STITCH_PLAIN_CALL_FLAG) != 0;
    uint64_t n = plain ? (uint64_t)STITCH_PLAIN_CALL_ARGS(o) : o;
    uint64_t *self_slot = sp - (n + 1);
    uint64_t top = plain
        ? stitch_push_plain_frame(frame, ts, OPERAND, self_slot, (int64_t)n + 1, self_slot, o,
                                  STITCH_FRAME_FLAG_INIT)
        : stitch_push_frame_and_cells(frame, ts, OPERAND, self_slot, (int64_t)n + 1,
                                      self_slot, STITCH_FRAME_FLAG_INIT);
    if (__builtin_expect(top == 0, 0)) {
        ESCAPE();
    }
    self_slot[0] = top;
    sp = self_slot + 1;
    CONTINUE();
}

/* _INIT_CALL_PY_EXACT_ARGS oparg operand: pushes a frame for the called function on the frame
   stack, as the interpreter's simple call does (stitch_push_frame_and_cells: the cells of a
   function with cell variables too). The guard before proved it has operand's code (or is
   operand); the frame takes the function on the stack, whose closure and globals are its own.
   The caller's stack is cut below the call. The new frame waits in the stack slot of the call
   until _PUSH_FRAME makes it current: not a guest value, but no safepoint comes in between and
   the caller's SP ends below it. The guards before it (_CHECK_FUNCTION_VERSION,
   _CHECK_STACK_SPACE) proved the argument count and the room. When the free list of cells is
   too short the uop escapes, having changed nothing, and the runtime's allocator refills it.
   For a callee without cells or free variables the emitter passes its frame's geometry in
   the oparg (a PlainCall immediate, decision 12). */
#include "stitch_stencil.h"

STENCIL(_INIT_CALL_PY_EXACT_ARGS)
{
    uint64_t o = OPAQUE(OPARG);
    int plain = (o & (uint64_t)STITCH_PLAIN_CALL_FLAG) != 0;
    uint64_t n = plain ? (uint64_t)STITCH_PLAIN_CALL_ARGS(o) : o;
    uint64_t *null_slot = sp - (n + 2);
    int method = null_slot[0] != 0;
    uint64_t *args = method ? null_slot + 1 : null_slot + 2;
    int64_t nargs = (int64_t)(method ? n + 1 : n);
    uint64_t func = method ? null_slot[0] : null_slot[1];
    uint64_t top = plain
        ? stitch_push_plain_frame(frame, ts, func, args, nargs, null_slot, o, 0)
        : stitch_push_frame_and_cells(frame, ts, func, args, nargs, null_slot, 0);
    if (__builtin_expect(top == 0, 0)) {
        ESCAPE();
    }
    null_slot[0] = top;
    sp = null_slot + 1;
    CONTINUE();
}

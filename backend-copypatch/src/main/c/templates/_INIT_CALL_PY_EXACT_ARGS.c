/* _INIT_CALL_PY_EXACT_ARGS oparg operand: pushes a frame for function operand on the frame
   stack, as the interpreter's simple call does (Interpreter.pushSimple): arguments copied into
   its first locals, the other locals NULL, its free variables from the function's closure.
   The caller is saved as at a call: its SP cut below the call (its IP is the CALL's, from
   _SET_IP). The new frame waits in the stack slot of the call until _PUSH_FRAME makes it
   current: not a guest value, but no safepoint comes in between and the caller's SP ends
   below it. The guards before it (_CHECK_FUNCTION_VERSION, _CHECK_STACK_SPACE) proved the
   argument count and the room. A function called this way has no cell variables (the
   interpreter's CodeInfo.simpleArgs), so its locals are its plain locals, then its frees. */
#include "stitch_stencil.h"

STENCIL(_INIT_CALL_PY_EXACT_ARGS)
{
    uint64_t n = OPAQUE(OPARG);
    uint64_t *null_slot = sp - (n + 2);
    int method = null_slot[0] != 0;
    uint64_t *args = method ? null_slot + 1 : null_slot + 2;
    int64_t nargs = (int64_t)(method ? n + 1 : n);
    uint64_t func = OPERAND;
    uint64_t code = OBJ_WORD(func, STITCH_FUNCTION_CODE);
    int64_t nlocalsplus = stitch_small_value(OBJ_WORD(code, STITCH_CODE_NLOCALSPLUS));
    int64_t nfree = (int64_t)stitch_header_slots(
        OBJ_WORD(OBJ_WORD(code, STITCH_CODE_FREEVARS), STITCH_HEADER_META));
    int64_t nlocals = nlocalsplus - nfree;

    uint64_t caller_code = FRAME_WORD(STITCH_FRAME_CODE);
    uint64_t *caller_base = &LOCAL(stitch_small_value(OBJ_WORD(caller_code, STITCH_CODE_NLOCALSPLUS)));
    FRAME_WORD(STITCH_FRAME_SP) = stitch_make_small(null_slot - caller_base);

    uint64_t top = TS_WORD(STITCH_THREAD_STATE_STACK_TOP);
    TS_WORD(STITCH_THREAD_STATE_RECURSION_DEPTH) += 1;
    TS_WORD(STITCH_THREAD_STATE_STACK_TOP) =
        top + STITCH_FRAME_SIZE(nlocalsplus, stitch_small_value(OBJ_WORD(code, STITCH_CODE_STACKSIZE)));
    OBJ_WORD(top, STITCH_FRAME_CODE) = code;
    OBJ_WORD(top, STITCH_FRAME_FUNCTION) = func;
    OBJ_WORD(top, STITCH_FRAME_GLOBALS) = OBJ_WORD(func, STITCH_FUNCTION_GLOBALS);
    OBJ_WORD(top, STITCH_FRAME_BUILTINS) = FRAME_WORD(STITCH_FRAME_BUILTINS);
    OBJ_WORD(top, STITCH_FRAME_LOCALS) = 0;
    OBJ_WORD(top, STITCH_FRAME_PREVIOUS) =
        stitch_raw_to_word(TS_WORD(STITCH_THREAD_STATE_CURRENT_FRAME));
    OBJ_WORD(top, STITCH_FRAME_IP) = stitch_make_small(0);
    OBJ_WORD(top, STITCH_FRAME_SP) = stitch_make_small(0);
    OBJ_WORD(top, STITCH_FRAME_FLAGS) = stitch_make_small(0);
    OBJ_WORD(top, STITCH_FRAME_GENERATOR) = 0;
    uint64_t *locals = (uint64_t *)(uintptr_t)(top + STITCH_FRAME_LOCALSPLUS);
    int64_t i = 0;
    /* Calls pass a few words: plain loops, not clang's vectorized and unrolled ones (which
       made this stencil 900 bytes). */
#pragma clang loop vectorize(disable) interleave(disable) unroll(disable)
    for (; i < nargs; i++) {
        locals[i] = args[i];
    }
#pragma clang loop vectorize(disable) interleave(disable) unroll(disable)
    for (; i < nlocals; i++) {
        locals[i] = 0;
    }
    if (nfree > 0) {
        uint64_t closure = OBJ_WORD(func, STITCH_FUNCTION_CLOSURE);
#pragma clang loop vectorize(disable) interleave(disable) unroll(disable)
        for (int64_t f = 0; f < nfree; f++) {
            locals[nlocals + f] = OBJ_WORD(closure, STITCH_TUPLE_ITEMS + 8 * f);
        }
    }
    null_slot[0] = top;
    sp = null_slot + 1;
    CONTINUE();
}

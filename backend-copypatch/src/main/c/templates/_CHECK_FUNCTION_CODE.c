/* _CHECK_FUNCTION_CODE oparg operand exit: the call of oparg arguments below the top calls a
   Python function whose code is operand, with no keyword names, passing exactly as many
   positional arguments as the code takes (a bound method's self counts). Exits, changing
   nothing, when not. The stack, bottom up: method or NULL, then self or the callable, then
   the arguments. */
#include "stitch_stencil.h"

STENCIL(_CHECK_FUNCTION_CODE)
{
    uint64_t n = OPAQUE(OPARG);
    uint64_t *null_slot = sp - (n + 2);
    uint64_t method = null_slot[0];
    uint64_t callable = method != 0 ? method : null_slot[1];
    int64_t nargs = (int64_t)(method != 0 ? n + 1 : n);
    if (callable == 0 || !IS_EXACT(callable, CONST_FUNCTION_TYPE)
        || OBJ_WORD(callable, STITCH_FUNCTION_CODE) != OPERAND
        || TS_WORD(STITCH_THREAD_STATE_JIT_KWNAMES) != 0
        || nargs != stitch_small_value(OBJ_WORD(OPERAND, STITCH_CODE_ARGCOUNT))) {
        EXIT();
    }
    CONTINUE();
}

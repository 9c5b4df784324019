/* _CHECK_FUNCTION_CODE oparg operand exit: the call of oparg arguments below the top calls a
   Python function whose code is operand, with no keyword names, passing exactly as many
   positional arguments as the code takes (a bound method's self counts). Exits, changing
   nothing, when not. The stack, bottom up: method or NULL, then self or the callable, then
   the arguments. */
#include "stitch_stencil.h"

STENCIL(_CHECK_FUNCTION_CODE)
{
    int64_t nargs;
    uint64_t callable = stitch_call_target(sp, OPAQUE(OPARG), &nargs);
    if (callable == 0 || !IS_EXACT(callable, CONST_FUNCTION_TYPE)
        || OBJ_WORD(callable, STITCH_FUNCTION_CODE) != OPERAND
        || TS_WORD(STITCH_THREAD_STATE_JIT_KWNAMES) != 0
        || nargs != stitch_small_value(OBJ_WORD(OPERAND, STITCH_CODE_ARGCOUNT))) {
        EXIT();
    }
    CONTINUE();
}

/* _CHECK_FUNCTION_VERSION oparg operand exit: the call of oparg arguments below the top calls
   exactly the function operand, with no keyword names, and passes exactly as many positional
   arguments as its code takes (a bound method's self counts). Exits, changing nothing, when
   not. The stack, bottom up: method or NULL, then self or the callable, then the arguments. */
#include "stitch_stencil.h"

STENCIL(_CHECK_FUNCTION_VERSION)
{
    int64_t nargs;
    uint64_t callable = stitch_call_target(sp, OPAQUE(OPARG), &nargs);
    if (callable != OPERAND || TS_WORD(STITCH_THREAD_STATE_JIT_KWNAMES) != 0) {
        EXIT();
    }
    uint64_t code = OBJ_WORD(OPERAND, STITCH_FUNCTION_CODE);
    if (nargs != stitch_small_value(OBJ_WORD(code, STITCH_CODE_ARGCOUNT))) {
        EXIT();
    }
    CONTINUE();
}

/* _CHECK_FUNCTION_VERSION oparg operand exit: the call of oparg arguments below the top calls
   exactly the function operand, with no keyword names, and passes exactly as many positional
   arguments as its code takes (a bound method's self counts). Exits, changing nothing, when
   not. The stack, bottom up: method or NULL, then self or the callable, then the arguments. */
#include "stitch_stencil.h"

STENCIL(_CHECK_FUNCTION_VERSION)
{
    uint64_t n = OPAQUE(OPARG);
    uint64_t *null_slot = sp - (n + 2);
    uint64_t method = null_slot[0];
    uint64_t callable = method != 0 ? method : null_slot[1];
    int64_t nargs = (int64_t)(method != 0 ? n + 1 : n);
    if (callable != OPERAND || TS_WORD(STITCH_THREAD_STATE_JIT_KWNAMES) != 0) {
        EXIT();
    }
    uint64_t code = OBJ_WORD(OPERAND, STITCH_FUNCTION_CODE);
    if (nargs != stitch_small_value(OBJ_WORD(code, STITCH_CODE_ARGCOUNT))) {
        EXIT();
    }
    CONTINUE();
}

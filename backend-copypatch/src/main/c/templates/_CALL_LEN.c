/* _CALL_LEN oparg operand: len(x) for the call's one argument x, the stack being NULL, len,
   x. Natively for an exact list, tuple, str, dict or set, whose lengths are words of the object;
   anything else (a user __len__, a subclass) and keyword names escape, and the runtime makes
   the generic call. */
#include "stitch_stencil.h"

STENCIL(_CALL_LEN)
{
    uint64_t x = sp[-1];
    uint64_t n;
    if (sp[-3] != 0 || TS_WORD(STITCH_THREAD_STATE_JIT_KWNAMES) != 0 || stitch_is_small(x)) {
        ESCAPE();
    }
    uint64_t type = OBJ_WORD(x, STITCH_HEADER_TYPE);
    if (type == CONST_LIST_TYPE) {
        n = OBJ_WORD(x, STITCH_LIST_SIZE);
    } else if (type == CONST_STR_TYPE) {
        n = OBJ_WORD(x, STITCH_STR_LENGTH);
    } else if (type == CONST_DICT_TYPE) {
        n = OBJ_WORD(x, STITCH_DICT_USED);
    } else if (type == CONST_SET_TYPE) {
        n = OBJ_WORD(x, STITCH_SET_USED);
    } else if (type == CONST_TUPLE_TYPE) {
        n = stitch_make_small((int64_t)stitch_header_slots(OBJ_WORD(x, STITCH_HEADER_META)));
    } else {
        ESCAPE();
    }
    sp -= 2;
    sp[-1] = n;
    CONTINUE();
}

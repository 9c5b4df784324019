/* _CALL_LIST_APPEND oparg operand: self.append(x) for list.append (the operand, which the
   _CHECK_CALLABLE before it proved), the stack being list.append, self, x. Natively when self is
   an exact list: appended as _LIST_APPEND appends, and the call's value None. The unbound
   form (NULL, list.append, x: a TypeError), keyword names, any other receiver (a list
   subclass's instance, or an object the descriptor rejects) and a growth the stencil cannot
   allocate escape, unchanged, to the generic call. */
#include "stitch_stencil.h"

STENCIL(_CALL_LIST_APPEND)
{
    uint64_t self = sp[-2];
    if (sp[-3] == 0 || TS_WORD(STITCH_THREAD_STATE_JIT_KWNAMES) != 0 || stitch_is_small(self)
        || OBJ_WORD(self, STITCH_HEADER_TYPE) != CONST_LIST_TYPE
        || !stitch_list_append(ts, self, sp[-1])) {
        ESCAPE();
    }
    sp -= 2;
    sp[-1] = CONST_NONE;
    CONTINUE();
}

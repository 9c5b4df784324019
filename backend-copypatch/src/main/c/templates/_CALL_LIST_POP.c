/* _CALL_LIST_POP oparg operand: self.pop() for list.pop (the operand, which the _CHECK_CALLABLE
   before it proved), the stack being list.pop, self. Natively when self is a non-empty exact
   list whose items array the pop leaves as it is: the last item is the call's value and its
   slot is cleared, as ListType.pop does. A pop that would shrink the array (ListType.
   maybeShrink: more than 16 slots and fewer than a quarter in use), an empty list (IndexError),
   any other receiver, the unbound form and keyword names escape, unchanged, to the generic
   call. */
#include "stitch_stencil.h"

STENCIL(_CALL_LIST_POP)
{
    uint64_t self = sp[-1];
    if (sp[-2] == 0 || TS_WORD(STITCH_THREAD_STATE_JIT_KWNAMES) != 0 || stitch_is_small(self)
        || OBJ_WORD(self, STITCH_HEADER_TYPE) != CONST_LIST_TYPE) {
        ESCAPE();
    }
    int64_t n = stitch_small_value(OBJ_WORD(self, STITCH_LIST_SIZE));
    if (n == 0) {
        ESCAPE();
    }
    uint64_t items = OBJ_WORD(self, STITCH_LIST_ITEMS);
    int64_t cap = (int64_t)stitch_header_slots(OBJ_WORD(items, STITCH_HEADER_META));
    if (cap > 16 && n - 1 < cap / 4) {
        ESCAPE();
    }
    uint64_t v = OBJ_WORD(items, STITCH_ARRAY_ITEMS + 8 * (n - 1));
    OBJ_WORD(items, STITCH_ARRAY_ITEMS + 8 * (n - 1)) = 0;
    OBJ_WORD(self, STITCH_LIST_SIZE) = stitch_make_small(n - 1);
    sp -= 1;
    sp[-1] = v;
    CONTINUE();
}

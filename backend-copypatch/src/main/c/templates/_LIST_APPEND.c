/* _LIST_APPEND oparg: appends the top of stack to the list oparg slots below it (a
   comprehension's list), as VM.listAppend does. A comprehension's list starts empty and grows
   a few times; stitch_list_append grows it inline. An array too large for inline allocation,
   or an empty free list, escapes, unchanged, and the runtime grows the list. */
#include "stitch_stencil.h"

STENCIL(_LIST_APPEND)
{
    uint64_t v = sp[-1];
    uint64_t list = sp[-1 - (int64_t)OPAQUE(OPARG)];
    if (!stitch_list_append(ts, list, v)) {
        ESCAPE();
    }
    sp -= 1;
    CONTINUE();
}

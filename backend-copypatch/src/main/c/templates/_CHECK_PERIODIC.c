/* _CHECK_PERIODIC exit: exits when the allocator wants a collection (the thread state's
   GC_WANTED word is non-zero), so the interpreter reaches its safepoint. */
#include "stitch_stencil.h"

STENCIL(_CHECK_PERIODIC)
{
    if (TS_WORD(STITCH_THREAD_STATE_GC_WANTED) != 0) {
        EXIT();
    }
    CONTINUE();
}

/* _EXIT_STUB oparg: not a uop but the code an exit hole jumps to; one copy per exit, its
   OPARG the exit index. Records the exit and returns into stitch_enter (stitch_stencil.h,
   section 3). PLACEHOLDER protocol: ts[0] and ts[1] stand in for the real fields (the
   tagged depth belongs in Layout.Frame.SP, the exit index in a thread-state field or rax). */
#include "stitch_stencil.h"

STENCIL(_EXIT_STUB)
{
    UNUSED(frame);
    ts[STITCH_TS_EXIT_INDEX] = OPARG;
    ts[STITCH_TS_EXIT_SP] = (uint64_t)sp;
    return;
}

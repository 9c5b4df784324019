/* _EXIT_STUB oparg operand: not a uop but the code an exit hole jumps to; one copy per exit.
   OPARG is the exit index, OPERAND (resumeIndex << 32) | stackDepth. Writes the frame's IP and
   SP (tagged) and the exit index to the thread state's JIT_EXIT word, then returns into
   stitch_enter (stitch_stencil.h, section 3). */
#include "stitch_stencil.h"

STENCIL(_EXIT_STUB)
{
    UNUSED(sp);
    FRAME_WORD(STITCH_FRAME_IP) = stitch_make_small((int64_t)(OPERAND >> 32));
    FRAME_WORD(STITCH_FRAME_SP) = stitch_make_small((int64_t)(OPERAND & 0xFFFFFFFFu));
    TS_WORD(STITCH_THREAD_STATE_JIT_EXIT) = OPARG;
    return;
}

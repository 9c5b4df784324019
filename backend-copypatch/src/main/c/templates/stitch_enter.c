/* stitch_enter: the entry trampoline, an ordinary C-ABI function that jffi calls
   (NativeCalls.call(address, frame, sp, ts, target)). It calls target, the code of the uop to
   start at (the region's first, or the one after an escape), with a normal indirect call; the
   chain of tail jumps ends in an exit or escape stub whose ret comes back here. The chain is
   preserve_none, so clang saves the C ABI's callee-saved registers here, around the call.
   Returns what the stub stored in the thread state's JIT_EXIT word. */
#include "stitch_stencil.h"

uint64_t stitch_enter(uint64_t *frame, uint64_t *sp, uint64_t *ts, stitch_stencil_fn *target)
{
    target(frame, sp, ts);
    return TS_WORD(STITCH_THREAD_STATE_JIT_EXIT);
}

/* _SET_IP oparg: the frame's IP becomes the (tagged) instruction index oparg. */
#include "stitch_stencil.h"

STENCIL(_SET_IP)
{
    FRAME_WORD(STITCH_FRAME_IP) = stitch_make_small((int64_t)OPARG);
    CONTINUE();
}

/* _SET_ADD oparg: adds the top of stack to the set oparg slots below it (a comprehension's
   set), as SetTable.add does. Natively for a small int key, whose hash is its value and whose
   equal keys are the same word, in a set without deleted slots (fill == used: SetTable.add
   would reuse one), when the probe meets the key or an unused slot and the insert leaves the
   table under its resize threshold. Everything else escapes, changing nothing: another key's
   hash or __eq__ may run guest code, and a resize allocates. */
#include "stitch_stencil.h"

/* SetTable's probe constants. */
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

STENCIL(_SET_ADD)
{
    uint64_t key = sp[-1];
    uint64_t so = sp[-1 - (int64_t)OPAQUE(OPARG)];
    if (!stitch_is_small(key)) {
        ESCAPE();
    }
    int64_t v = stitch_small_value(key);
    /* Protocols.hashSmallInt: n itself below 2^61 - 1 in magnitude, except -1 (-2); and
       SetTable.norm leaves such hashes as they are. */
    if (v > (INT64_C(1) << 60) || v < -(INT64_C(1) << 60)) {
        ESCAPE();
    }
    int64_t h = v == -1 ? -2 : v;
    uint64_t fill = OBJ_WORD(so, STITCH_SET_FILL);
    uint64_t used = OBJ_WORD(so, STITCH_SET_USED);
    if (fill != used) {
        ESCAPE();
    }
    int64_t mask = stitch_small_value(OBJ_WORD(so, STITCH_SET_MASK));
    char *tab = (char *)(uintptr_t)OBJ_WORD(so, STITCH_SET_TABLE) + STITCH_ARRAY_ITEMS;
    uint64_t hword = stitch_make_small(h);
    uint64_t perturb = (uint64_t)h;
    int64_t i = h & mask;
    for (;;) {
        int64_t probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        for (int64_t j = i; j <= i + probes; j++) {
            uint64_t *slot = (uint64_t *)(tab + 16 * j);
            uint64_t k = slot[1];
            if (k == 0) {
                int64_t n = stitch_small_value(fill) + 1;
                if (n * 5 >= mask * 3) {
                    ESCAPE();
                }
                slot[0] = hword;
                slot[1] = key;
                OBJ_WORD(so, STITCH_SET_FILL) = stitch_make_small(n);
                OBJ_WORD(so, STITCH_SET_USED) = stitch_make_small(n);
                sp -= 1;
                CONTINUE();
            }
            if (k == key) {
                sp -= 1;
                CONTINUE();
            }
            if (slot[0] == hword) {
                ESCAPE();
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (int64_t)(((uint64_t)i * 5 + 1 + perturb) & (uint64_t)mask);
    }
}

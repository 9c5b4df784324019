/* _SET_ADD oparg: adds the top of stack to the set oparg slots below it (a comprehension's
   set), as SetTable.add does. Natively for a small int key, whose hash is its value and whose
   equal keys are the same word, in a set without deleted slots (fill == used: SetTable.add
   would reuse one), when the probe meets the key or an unused slot; an insert that fills the
   table past its threshold resizes it as SetTable.resize does, re-placing the keys by their
   stored hashes, which calls no guest code. Everything else escapes, changing nothing: another
   key's hash or __eq__ may run guest code, and a new table too large for inline allocation,
   or an empty free list, is the runtime's. */
#include "stitch_stencil.h"

/* SetTable's probe constants. */
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

/* SetTable.insertClean: places a key known to be absent into a table without dummies. */
static inline __attribute__((always_inline)) void insert_clean(char *tab, int64_t mask,
                                                               uint64_t key, uint64_t hword) {
    int64_t h = stitch_small_value(hword);
    uint64_t perturb = (uint64_t)h;
    int64_t i = h & mask;
    for (;;) {
        int64_t last = i + LINEAR_PROBES <= mask ? i + LINEAR_PROBES : i;
        for (int64_t j = i; j <= last; j++) {
            uint64_t *slot = (uint64_t *)(tab + 16 * j);
            if (slot[1] == 0) {
                slot[0] = hword;
                slot[1] = key;
                return;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (int64_t)(((uint64_t)i * 5 + 1 + perturb) & (uint64_t)mask);
    }
}

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
                uint64_t *cells = 0;
                uint64_t cell_bytes = 0;
                int64_t size = STITCH_SET_MIN_SIZE;
                if (n * 5 >= mask * 3) {
                    /* SetTable.resize(used > 50000 ? used * 2 : used * 4); fill == used, so
                       it always rebuilds. */
                    int64_t min_used = n > 50000 ? n * 2 : n * 4;
                    while (size <= min_used) {
                        size <<= 1;
                    }
                    cells = stitch_cells(2 * size, &cell_bytes);
                    if (cells == 0 || *cells == 0) {
                        ESCAPE();
                    }
                }
                slot[0] = hword;
                slot[1] = key;
                OBJ_WORD(so, STITCH_SET_FILL) = stitch_make_small(n);
                OBJ_WORD(so, STITCH_SET_USED) = stitch_make_small(n);
                if (cells != 0) {
                    uint64_t fresh = stitch_take_cell(ts, cells, cell_bytes, CONST_ARRAY_TYPE,
                                                         2 * size);
                    char *new_tab = (char *)(uintptr_t)fresh + STITCH_ARRAY_ITEMS;
#pragma clang loop vectorize(disable) interleave(disable) unroll(disable)
                    for (int64_t m = 0; m <= mask; m++) {
                        uint64_t *old = (uint64_t *)(tab + 16 * m);
                        if (old[1] != 0) {
                            insert_clean(new_tab, size - 1, old[1], old[0]);
                        }
                    }
                    OBJ_WORD(so, STITCH_SET_TABLE) = fresh;
                    OBJ_WORD(so, STITCH_SET_MASK) = stitch_make_small(size - 1);
                }
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

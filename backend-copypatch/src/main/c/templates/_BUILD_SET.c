/* _BUILD_SET oparg: replaces the top oparg values by a new set of them. Natively only the
   empty set a comprehension starts from, made as SetTable.newSet makes it (a table of
   2 * MIN_SIZE words, both objects allocated inline); adding items hashes them, which may run
   guest code, so a non-empty set escapes, as do objects too large for inline allocation or
   too few cells on their free lists, changing nothing. */
#include "stitch_stencil.h"

STENCIL(_BUILD_SET)
{
    uint64_t table_bytes;
    uint64_t set_bytes;
    uint64_t *set_cells = stitch_cells(STITCH_SET_NSLOTS, &set_bytes);
    uint64_t *table_cells = stitch_cells(2 * STITCH_SET_MIN_SIZE, &table_bytes);
    if (OPAQUE(OPARG) != 0 || set_cells == 0 || table_cells == 0 || *set_cells == 0
        || *table_cells == 0) {
        ESCAPE();
    }
    /* Both may come from one list, which then needs two cells. */
    if (table_cells == set_cells && OBJ_WORD(*set_cells, 0) == 0) {
        ESCAPE();
    }
    uint64_t so = stitch_take_cell(ts, set_cells, set_bytes, CONST_SET_TYPE, STITCH_SET_NSLOTS);
    uint64_t table = stitch_take_cell(ts, table_cells, table_bytes, CONST_ARRAY_TYPE,
                                         2 * STITCH_SET_MIN_SIZE);
    OBJ_WORD(so, STITCH_SET_USED) = stitch_make_small(0);
    OBJ_WORD(so, STITCH_SET_FILL) = stitch_make_small(0);
    OBJ_WORD(so, STITCH_SET_MASK) = stitch_make_small(STITCH_SET_MIN_SIZE - 1);
    OBJ_WORD(so, STITCH_SET_TABLE) = table;
    sp[0] = so;
    sp += 1;
    CONTINUE();
}

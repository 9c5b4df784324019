/* _MAKE_FUNCTION oparg: replaces the code object on top and the parts oparg's bits say lie
   below it (8 a closure tuple, 4 annotations, 2 keyword defaults, 1 defaults, in that order
   downwards) by a new function, made as SlowOps.makeFunction makes it, allocated inline (a
   comprehension's function is made anew each time it runs). Its __module__ is the globals'
   '__name__', found natively where a module's dict keeps it, as its first entry; a dict that
   does not, an object too large for inline allocation or an empty free list escapes,
   changing nothing. */
#include "stitch_stencil.h"

STENCIL(_MAKE_FUNCTION)
{
    uint64_t flags = OPAQUE(OPARG);
    uint64_t globals = FRAME_WORD(STITCH_FRAME_GLOBALS);
    uint64_t entries = OBJ_WORD(globals, STITCH_DICT_ENTRIES);
    if (entries == 0
        || OBJ_WORD(entries, STITCH_ARRAY_ITEMS + 8 * STITCH_DICT_ENTRY_KEY)
               != CONST_DUNDER_NAME) {
        ESCAPE();
    }
    uint64_t cell_bytes;
    uint64_t *cells = stitch_cells(STITCH_FUNCTION_NSLOTS, &cell_bytes);
    if (cells == 0 || *cells == 0) {
        ESCAPE();
    }
    uint64_t *p = sp - 1;
    uint64_t code = *p;
    uint64_t closure = 0, kwdefaults = 0, defaults = 0;
    if (flags & 8) {
        closure = *--p;
    }
    if (flags & 4) {
        --p;
    }
    if (flags & 2) {
        kwdefaults = *--p;
    }
    if (flags & 1) {
        defaults = *--p;
    }
    uint64_t f = stitch_take_cell(ts, cells, cell_bytes, CONST_FUNCTION_TYPE,
                                     STITCH_FUNCTION_NSLOTS);
    OBJ_WORD(f, STITCH_FUNCTION_CODE) = code;
    OBJ_WORD(f, STITCH_FUNCTION_GLOBALS) = globals;
    OBJ_WORD(f, STITCH_FUNCTION_NAME) = OBJ_WORD(code, STITCH_CODE_NAME);
    OBJ_WORD(f, STITCH_FUNCTION_QUALNAME) = OBJ_WORD(code, STITCH_CODE_QUALNAME);
    OBJ_WORD(f, STITCH_FUNCTION_DEFAULTS) = defaults;
    OBJ_WORD(f, STITCH_FUNCTION_KWDEFAULTS) = kwdefaults;
    OBJ_WORD(f, STITCH_FUNCTION_CLOSURE) = closure;
    OBJ_WORD(f, STITCH_FUNCTION_MODULE) =
        OBJ_WORD(entries, STITCH_ARRAY_ITEMS + 8 * STITCH_DICT_ENTRY_VALUE);
    OBJ_WORD(f, STITCH_FUNCTION_VERSION) = stitch_make_small(1);
    *p = f;
    sp = p + 1;
    CONTINUE();
}

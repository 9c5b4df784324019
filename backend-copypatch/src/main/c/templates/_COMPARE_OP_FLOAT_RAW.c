/* _COMPARE_OP_FLOAT_RAW oparg: _COMPARE_OP_FLOAT with unboxed operands (decision 7): OPARG is
   the comparison shifted left by STITCH_RAW_COMPARE_SHIFT, or'ed with the STITCH_RAW_NOS and
   STITCH_RAW_TOS bits of the operands that hold a double's bits. */
#include "stitch_stencil.h"

#define LESS 1
#define EQUAL 2
#define GREATER 4
#define UNORDERED 8
#define OUTCOMES (((uint64_t)(LESS) << (4 * STITCH_COMPARE_OP_LT)) \
                  | ((uint64_t)(LESS | EQUAL) << (4 * STITCH_COMPARE_OP_LE)) \
                  | ((uint64_t)(EQUAL) << (4 * STITCH_COMPARE_OP_EQ)) \
                  | ((uint64_t)(LESS | GREATER | UNORDERED) << (4 * STITCH_COMPARE_OP_NE)) \
                  | ((uint64_t)(GREATER) << (4 * STITCH_COMPARE_OP_GT)) \
                  | ((uint64_t)(EQUAL | GREATER) << (4 * STITCH_COMPARE_OP_GE)))

STENCIL(_COMPARE_OP_FLOAT_RAW)
{
    uint64_t raw = OPAQUE(OPARG);
    double x = stitch_float_operand(raw, STITCH_RAW_NOS, sp[-2]);
    double y = stitch_float_operand(raw, STITCH_RAW_TOS, sp[-1]);
    uint64_t outcome = x < y ? LESS : x == y ? EQUAL : x > y ? GREATER : UNORDERED;
    uint64_t truths = (OUTCOMES >> (4 * (raw >> STITCH_RAW_COMPARE_SHIFT))) & 15;
    sp -= 1;
    sp[-1] = (truths & outcome) ? CONST_TRUE : CONST_FALSE;
    CONTINUE();
}

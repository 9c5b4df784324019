/*
 * stitch_stencil.h: the convention every copy-and-patch stencil template follows.
 *
 * Read by the stencil build tool (org.stitchjit.backend.copypatch.stencil.StencilBuild),
 * which compiles each templates/<UOP>.c with clang-19, reads the object's .text and its
 * relocations, turns the relocations into holes and writes the stencil library
 * src/main/resources/org/stitchjit/backend/copypatch/stencils/x86_64-linux.stencils.
 * See templates/README.md for the command and the flags.
 *
 * ---------------------------------------------------------------------------------------
 * 1. One function per template.
 *
 *    A uop's template defines exactly one function, with STENCIL(_NAME):
 *
 *        __attribute__((preserve_none)) void _JIT_ENTRY(uint64_t *frame, uint64_t *sp,
 *                                                       uint64_t *ts)
 *
 *      frame  the native frame's address (api Layout.Frame)
 *      sp     the operand stack pointer: the next free slot, as in the interpreter, so the
 *             top of stack is sp[-1], the one below it sp[-2]
 *      ts     the thread state (api Layout.ThreadState)
 *
 *    preserve_none (clang >= 19) passes them in r12, r13, r14 and lets a stencil clobber
 *    every other general register: nothing is saved or restored between uops. The file name
 *    is the uop name (templates/_LOAD_FAST.c), or _FIRST__SECOND for a superinstruction the
 *    emitter puts in place of the pair (templates/_LOAD_FAST__LOAD_ATTR_SLOT.c: the first's
 *    oparg, the second's operand); the NAME given to STENCIL is documentation.
 *    No static helpers that survive inlining, no data (no string literals, no static or
 *    const tables): the tool rejects a second function and any data section.
 *
 * 2. Holes are references to extern symbols the emitter gives values when it copies a
 *    stencil. Two kinds:
 *
 *    data holes, values:   extern char _JIT_OPARG[], _JIT_OPERAND[];
 *        used as (uint64_t)&_JIT_OPARG (macros OPARG and OPERAND below). Under
 *        -mcmodel=medium -mlarge-data-threshold=0 every such address is a movabs with
 *        R_X86_64_64: an ABS64 hole, patched with the 64-bit value plus the addend (clang
 *        folds "OPARG + 1" into the addend). Caveat: C says the address of an object is
 *        never 0, so clang may fold a test like "OPARG == 0" to false. Compare holes only
 *        with values that cannot be 0, or keep zero tests out of templates.
 *        Functions of the C math library are data holes too: extern char
 *        _JIT_HELPER_<NAME>[], the address of the function name (lower case), called
 *        through a cast function pointer (MATH_FUNCTION below); the one kind of call a uop
 *        stencil makes.
 *
 *    control holes, code:  _JIT_CONTINUE (the next uop's stencil), _JIT_EXIT (this uop's
 *        exit stub), _JIT_ESCAPE (this uop's escape stub: the runtime performs the uop, see
 *        section 3), _JIT_JUMP_TARGET (a jump target: the loop top for _JUMP_TO_TOP).
 *        They are preserve_none functions of the stencil signature, reached only by tail
 *        calls: __attribute__((musttail)) return _JIT_CONTINUE(frame, sp, ts); (macros
 *        CONTINUE(), EXIT(), ESCAPE(), JUMP_TO_TARGET()). musttail needs the callee's calling
 *        convention to equal the caller's, hence preserve_none on the declarations.
 *        With -fno-plt clang emits "jmp *_JIT_CONTINUE@GOTPCREL(%rip)" (FF 25 disp32,
 *        R_X86_64_GOTPCRELX, addend -4). The tool relaxes it into "jmp rel32; nop"
 *        (E9 disp32 90, the same six bytes), so a control hole is a REL32 hole the emitter
 *        fills with target - (hole address) + addend; every stencil lies in one code cache
 *        of at most 2 GiB, so rel32 always reaches. A stencil that ends with the jump to
 *        _JIT_CONTINUE records it: the emitter drops those six bytes when the next uop's
 *        stencil follows directly.
 *
 * 3. Entering and leaving compiled code (the exit and escape protocols).
 *
 *    stitch_enter (templates/stitch_enter.c) is compiled with the normal C ABI:
 *        uint64_t stitch_enter(uint64_t *frame, uint64_t *sp, uint64_t *ts,
 *                              stitch_stencil_fn *target)
 *    It calls target, the code of the uop to start at, with an ordinary (non-tail) indirect
 *    call. Every link of the chain is a tail jump, so the return address that call pushed is
 *    still on top of the stack when the chain reaches an exit or escape stub; the stub's plain
 *    "return;" (ret) goes back into stitch_enter, which returns the thread state's JIT_EXIT
 *    word: an exit index (>= 0), -1 (leave; resume the innermost frame), or an escape.
    Three uop stencils jump elsewhere than a hole: _RETURN_VALUE after a native return, and
    _FOR_ITER_GEN and _YIELD_GEN after switching to a generator's frame or back, go on at the
    resume entry of the unit where the frame they made current goes on (Layout.Code.
    resumeEntry), the first uop of the region the driver installed there; its exits and
    escapes come back through the same stitch_enter, carrying that region's token.
 *    Because stitch_enter calls a preserve_none function, clang saves and restores the
 *    callee-saved registers of the C ABI (rbx, rbp, r12-r15) around the call itself
 *    (checked in the committed disassembly: six pushes before the call, six pops after).
 *    One register survives the chain: on x86-64, preserve_none keeps rbp callee-saved
 *    (LLVM's CSR_64_NoneRegs = {RBP}), and clang relies on it: stitch_enter keeps ts in
 *    rbp across the call. Stencils compiled from C honour that; hand-written code placed in
 *    the chain must restore rbp too.
 *
 *    _EXIT_STUB (one copy per exit) is the real exit protocol: its OPARG is the exit index,
 *    its OPERAND (resumeIndex << 32) | stackDepth, both from the region's exit table. It
 *    writes frame[STITCH_FRAME_IP] = stitch_make_small(resumeIndex), frame[STITCH_FRAME_SP]
 *    = stitch_make_small(stackDepth) and ts[STITCH_THREAD_STATE_JIT_EXIT] = the exit index,
 *    then returns; stitch_enter returns ts[STITCH_THREAD_STATE_JIT_EXIT]. Every exiting uop
 *    exits before it changes anything, so sp at the exit always equals the stack base plus
 *    the exit's depth, and the stub need not look at sp. The frame is the frame the region
 *    was entered in, or the innermost frame a _PUSH_FRAME made current. An exit whose table
 *    entry names raw float slots or locals (decision 7) runs _EXIT_BOX_CHECK and one
 *    _EXIT_BOX_LOCAL or _EXIT_BOX_SLOT per raw word before its stub (a bridge links there),
 *    or, when the float free list is short, a second stub that leaves the boxing to the
 *    runtime.
 *
 *    _ESCAPE_STUB is the escape protocol: native code hands uop i to the runtime, which
 *    performs it (and the uops after it that have no native code) and calls stitch_enter
 *    again at the code of the next uop it leaves to native code. The stub stores sp in the
 *    thread state's JIT_SP word and -2 - i (its OPARG) in JIT_EXIT, and returns. An escaping
 *    stencil, like an exiting one, changes nothing before it escapes (ESCAPE()), since the
 *    runtime performs the whole uop. Nothing survives in registers across an escape: every
 *    stencil finds its operands in the frame, so native code can be re-entered at any uop.
 *    A uop without a template is nothing but its escape stub; the backend counts escapes
 *    per uop, so what falls back to the runtime is always visible.
 *
 * 4. Layouts and tags come from the generated stitch_layout.h (from api Layout, Tag and
 *    Header; never edit it): locals (localsplus) start at STITCH_FRAME_LOCALSPLUS of the
 *    frame, 8 bytes each; a small int n is stitch_make_small(n) = (n << 1) | 1, and
 *    stitch_both_small(a, b) tests two words.
 *
 * 5. Inline allocation (floats, instances of plain classes, tuples, lists, empty sets and
 *    the arrays lists and sets grow into). The runtime's Heap keeps
 *    size-classed free lists whose heads are native words (the list is threaded through each
 *    free cell's first word, 0 at its end) and its counters in a native Layout.HeapControl
 *    block. stitch_new_float and stitch_take_cell repeat Heap.allocate's fast path word for
 *    word: pop the head cell, write the header (type, meta = Header.meta(nslots, raw, 0)),
 *    clear the slots, add one object and the cell's size to the counters, and set ts's
 *    GC_WANTED word when the bytes since the last collection pass the threshold. Objects up
 *    to HeapControl.SMALL_UP_TO bytes read their list and cell size from the heap's class
 *    table, HeapControl.CELL_CLASSES (stitch_cells), which Heap fills from its own size
 *    classes; larger ones escape. Allocation never collects (architecture decision
 *    3): the region runs on until its next _CHECK_PERIODIC sees the flag and exits to the
 *    interpreter's safepoint. An empty list escapes before anything changes (section 3: the
 *    runtime performs the whole uop, and its allocator refills the list from a new chunk).
 *    Change Heap.allocate and these helpers together.
 *
 * Compile flags (StencilCompiler.FLAGS; README.md explains each):
 *   clang-19 --target=x86_64-unknown-linux-gnu -O2 -c -std=c11 -ffreestanding -fno-pic
 *     -mcmodel=medium -mlarge-data-threshold=0 -fno-asynchronous-unwind-tables
 *     -fno-stack-protector -fno-jump-tables -fno-builtin -fno-plt -fomit-frame-pointer
 *     -Wall -Wextra -Werror
 * ---------------------------------------------------------------------------------------
 */
#ifndef STITCH_STENCIL_H
#define STITCH_STENCIL_H

#include <stdint.h> /* clang's own header under -ffreestanding */

#include "stitch_layout.h" /* generated; offsets and tag helpers */

#if !defined(__clang__) || __clang_major__ < 19
#error "stencils need clang >= 19 (preserve_none)"
#endif

#define STITCH_PRESERVE_NONE __attribute__((preserve_none))

/* The signature of every uop stencil and of every control hole. */
typedef STITCH_PRESERVE_NONE void stitch_stencil_fn(uint64_t *frame, uint64_t *sp,
                                                    uint64_t *ts);

/* Data holes. */
extern char _JIT_OPARG[];
extern char _JIT_OPERAND[];

/* Runtime-constant holes (HoleKind.RUNTIME_CONSTANT, api RuntimeConstants): addresses the VM
   fixes when it starts. Never 0, so comparing with them is safe (section 2's caveat). */
extern char _JIT_CONST_TRUE[];
extern char _JIT_CONST_FALSE[];
extern char _JIT_CONST_NONE[];
extern char _JIT_CONST_RANGE_ITERATOR_TYPE[];
#define CONST_TRUE ((uint64_t)&_JIT_CONST_TRUE)
#define CONST_FALSE ((uint64_t)&_JIT_CONST_FALSE)
#define CONST_NONE ((uint64_t)&_JIT_CONST_NONE)
#define CONST_RANGE_ITERATOR_TYPE ((uint64_t)&_JIT_CONST_RANGE_ITERATOR_TYPE)
extern char _JIT_CONST_LIST_ITERATOR_TYPE[];
extern char _JIT_CONST_TUPLE_ITERATOR_TYPE[];
extern char _JIT_CONST_INT_TYPE[];
extern char _JIT_CONST_FLOAT_TYPE[];
extern char _JIT_CONST_LIST_TYPE[];
extern char _JIT_CONST_TUPLE_TYPE[];
extern char _JIT_CONST_CELL_TYPE[];
extern char _JIT_CONST_GENERATOR_TYPE[];
extern char _JIT_CONST_STR_TYPE[];
extern char _JIT_CONST_DICT_TYPE[];
#define CONST_LIST_ITERATOR_TYPE ((uint64_t)&_JIT_CONST_LIST_ITERATOR_TYPE)
#define CONST_TUPLE_ITERATOR_TYPE ((uint64_t)&_JIT_CONST_TUPLE_ITERATOR_TYPE)
#define CONST_INT_TYPE ((uint64_t)&_JIT_CONST_INT_TYPE)
#define CONST_FLOAT_TYPE ((uint64_t)&_JIT_CONST_FLOAT_TYPE)
#define CONST_LIST_TYPE ((uint64_t)&_JIT_CONST_LIST_TYPE)
#define CONST_TUPLE_TYPE ((uint64_t)&_JIT_CONST_TUPLE_TYPE)
#define CONST_CELL_TYPE ((uint64_t)&_JIT_CONST_CELL_TYPE)
#define CONST_GENERATOR_TYPE ((uint64_t)&_JIT_CONST_GENERATOR_TYPE)
#define CONST_STR_TYPE ((uint64_t)&_JIT_CONST_STR_TYPE)
#define CONST_DICT_TYPE ((uint64_t)&_JIT_CONST_DICT_TYPE)
extern char _JIT_CONST_SET_TYPE[];
#define CONST_SET_TYPE ((uint64_t)&_JIT_CONST_SET_TYPE)
extern char _JIT_CONST_DUNDER_NAME[];
#define CONST_DUNDER_NAME ((uint64_t)&_JIT_CONST_DUNDER_NAME)
extern char _JIT_CONST_FUNCTION_TYPE[];
#define CONST_FUNCTION_TYPE ((uint64_t)&_JIT_CONST_FUNCTION_TYPE)
extern char _JIT_CONST_TYPE_TYPE[];
extern char _JIT_CONST_RANGE_TYPE[];
#define CONST_RANGE_TYPE ((uint64_t)&_JIT_CONST_RANGE_TYPE)
#define CONST_TYPE_TYPE ((uint64_t)&_JIT_CONST_TYPE_TYPE)
/* Inline float allocation (section 5): the float size class's free-list head word, the heap's
   Layout.HeapControl block, and the float cell's size in bytes (a value; 24 today). */
extern char _JIT_CONST_FLOAT_FREE_LIST[];
extern char _JIT_CONST_HEAP_CONTROL[];
extern char _JIT_CONST_FLOAT_CELL_BYTES[];
#define CONST_FLOAT_FREE_LIST ((uint64_t)&_JIT_CONST_FLOAT_FREE_LIST)
#define CONST_HEAP_CONTROL ((uint64_t)&_JIT_CONST_HEAP_CONTROL)
#define CONST_FLOAT_CELL_BYTES ((uint64_t)&_JIT_CONST_FLOAT_CELL_BYTES)
/* Inline allocation of small objects (section 5): the heap's free-list heads, one word per
   size class, and the type of attribute value arrays. */
extern char _JIT_CONST_FREE_LIST_HEADS[];
extern char _JIT_CONST_ARRAY_TYPE[];
#define CONST_FREE_LIST_HEADS ((uint64_t)&_JIT_CONST_FREE_LIST_HEADS)
#define CONST_ARRAY_TYPE ((uint64_t)&_JIT_CONST_ARRAY_TYPE)

/* Control holes. */
extern stitch_stencil_fn _JIT_CONTINUE;
extern stitch_stencil_fn _JIT_EXIT;
extern stitch_stencil_fn _JIT_ESCAPE;
extern stitch_stencil_fn _JIT_JUMP_TARGET;

/* The one function of a uop template; NAME documents which uop it is. */
#define STENCIL(NAME) \
    STITCH_PRESERVE_NONE void _JIT_ENTRY(uint64_t *frame, uint64_t *sp, uint64_t *ts)

#define OPARG ((uint64_t)&_JIT_OPARG)
#define OPERAND ((uint64_t)&_JIT_OPERAND)

#define CONTINUE() __attribute__((musttail)) return _JIT_CONTINUE(frame, sp, ts)
#define EXIT() __attribute__((musttail)) return _JIT_EXIT(frame, sp, ts)
#define ESCAPE() __attribute__((musttail)) return _JIT_ESCAPE(frame, sp, ts)
#define JUMP_TO_TARGET() __attribute__((musttail)) return _JIT_JUMP_TARGET(frame, sp, ts)

/* Local i of the frame (section 4). */
#define LOCAL(i) (*(uint64_t *)((char *)frame + STITCH_FRAME_LOCALSPLUS + 8 * (i)))

/* A word of the frame or the thread state at a byte offset from stitch_layout.h. */
#define FRAME_WORD(off) (*(uint64_t *)((char *)frame + (off)))
#define TS_WORD(off) (*(uint64_t *)((char *)ts + (off)))
/* The word at byte offset off of an object (a raw address held in a uint64_t). */
#define OBJ_WORD(obj, off) (*(uint64_t *)((char *)(uintptr_t)(obj) + (off)))
/* The bottom of frame f's operand stack, after its localsplus; STACK_BASE() the current
   frame's. */
#define STACK_BASE_OF(f) \
    ((uint64_t *)((char *)(uintptr_t)(f) + STITCH_FRAME_LOCALSPLUS + 8 * stitch_small_value( \
        OBJ_WORD(OBJ_WORD((uintptr_t)(f), STITCH_FRAME_CODE), STITCH_CODE_NLOCALSPLUS))))
#define STACK_BASE() STACK_BASE_OF(frame)

/* A hole's value hidden from the optimizer: clang assumes a symbol's address is never 0
   (section 2), so a hole that may be 0 (an oparg, an entry index, "no new shape") must pass
   through OPAQUE before it is tested against 0. The empty asm emits no instruction. */
static inline uint64_t stitch_opaque(uint64_t v) {
    __asm__("" : "+r"(v));
    return v;
}
#define OPAQUE(x) stitch_opaque(x)

/* The type of a value, as VM.typeOf: a small int's is int, else its header's type word. */
#define TYPE_OF(v) (stitch_is_small(v) ? CONST_INT_TYPE : OBJ_WORD((v), STITCH_HEADER_TYPE))
/* VM-side isExact: a pointer (not a small int) whose header's type word is exactly type. */
#define IS_EXACT(v, type) (!stitch_is_small(v) && OBJ_WORD((v), STITCH_HEADER_TYPE) == (type))

/* Unused-parameter silencer for stencils that ignore an argument. */
#define UNUSED(x) ((void)(x))

/* A float operand as a double: a small int converts as Java's (double) long does (cvtsi2sd
   rounds to nearest, as l2d does), so compiled code and the interpreter agree bit for bit. */
static inline double stitch_as_double(uint64_t v) {
    return stitch_is_small(v) ? (double)stitch_small_value(v)
                              : STITCH_FIELD_F64(v, STITCH_FLOAT_VALUE);
}

/* Raw stack slots (Uop.RAW_*, decision 7): the _BINARY_OP_*_FLOAT_RAW and _COMPARE_OP_FLOAT_RAW
   uops' oparg bits saying which of their slots hold a double's IEEE bits instead of a tagged
   value. Equal to Uop.RAW_NOS, RAW_TOS, RAW_RESULT and RAW_COMPARE_SHIFT (RawSlotBitsTest
   checks). */
#define STITCH_RAW_NOS 1u
#define STITCH_RAW_TOS 2u
#define STITCH_RAW_RESULT 4u
/* _COMPARE_OP_FLOAT_RAW's comparison sits above its raw bits (Uop.RAW_COMPARE_SHIFT). */
#define STITCH_RAW_COMPARE_SHIFT 3u

/* A raw slot's double, and a double as a raw slot: the same 64 bits (a union, which C11
   allows for type punning; no memcpy under -fno-builtin). */
static inline double stitch_raw_double(uint64_t bits) {
    union { uint64_t u; double d; } v = {.u = bits};
    return v.d;
}
static inline uint64_t stitch_raw_bits(double d) {
    union { double d; uint64_t u; } v = {.d = d};
    return v.u;
}

/* The _BINARY_OP_*_FLOAT_RAW uops' operands and result. Their OPARG (raw) is patched into an
   immediate, so each copy tests constant bits: predicted branches, no second stencil per
   combination. An operand is raw bits when its bit is set, else an exact float or a small int
   (a guard checked). RAW_FLOAT_RESULT replaces the top `inputs` slots by d: raw bits, or a new
   float; a boxed result escapes, changing nothing, when the float free list is empty (the
   runtime performs the uop, raw inputs included). */
/* The IEEE comparison op (api CompareOp, STITCH_COMPARE_OP_*) of x and y: with a NaN only NE
   is true. No switch on the op (section 2): a packed constant gives, per op, four bits saying
   which of <, ==, >, unordered make it true. */
static inline __attribute__((always_inline)) int stitch_compare_doubles(uint64_t op, double x,
                                                                        double y) {
    const uint64_t less = 1, equal = 2, greater = 4, unordered = 8;
    const uint64_t outcomes = (less << (4 * STITCH_COMPARE_OP_LT))
                              | ((less | equal) << (4 * STITCH_COMPARE_OP_LE))
                              | (equal << (4 * STITCH_COMPARE_OP_EQ))
                              | ((less | greater | unordered) << (4 * STITCH_COMPARE_OP_NE))
                              | (greater << (4 * STITCH_COMPARE_OP_GT))
                              | ((equal | greater) << (4 * STITCH_COMPARE_OP_GE));
    uint64_t outcome = x < y ? less : x == y ? equal : x > y ? greater : unordered;
    return ((outcomes >> (4 * op)) & outcome) != 0;
}

/* The correctly rounded square root of d, one instruction (what Java's StrictMath.sqrt gives
   the interpreter, bit for bit). */
static inline __attribute__((always_inline)) double stitch_sqrt(double d) {
    double root;
#if defined(__x86_64__)
    __asm__("sqrtsd %1, %0" : "=x"(root) : "x"(d));
#elif defined(__aarch64__)
    __asm__("fsqrt %d0, %d1" : "=w"(root) : "w"(d));
#else
#error "no square root instruction for this target"
#endif
    return root;
}

/* The C math library's function NAME (upper case, as its _JIT_HELPER_ hole is named): the
   very function the runtime's math module calls (org.stitchjit.platforms.MathLibrary), so
   compiled code computes what the interpreter computes, bit for bit. The stencil calls it
   with the C calling convention; clang keeps frame, sp and ts in registers the callee saves.
   OPAQUE keeps clang from seeing through the cast to a direct call of the symbol (a
   PLT32 relocation, no hole). */
extern char _JIT_HELPER_SIN[];
extern char _JIT_HELPER_COS[];
#define MATH_FUNCTION(NAME) ((double (*)(double))OPAQUE((uint64_t)&_JIT_HELPER_##NAME))

/* Whether d is neither infinite nor NaN: its exponent is not all ones. */
static inline int stitch_is_finite(double d) {
    return ((stitch_raw_bits(d) >> 52) & 0x7FF) != 0x7FF;
}

/* The body of a _CALL_MATH_<NAME> stencil: math.name(x) for the call's one argument x (stack:
   NULL, the function, x), natively for an exact float or a small int with a finite value,
   through the C math library's function. NaN and the infinities (a domain error for some
   functions), anything else, a method call's self in the NULL slot, keyword names and an
   empty float free list escape, and the runtime makes the generic call. */
#define CALL_MATH_UNARY(NAME)                                                                \
    do {                                                                                     \
        uint64_t x_ = sp[-1];                                                                \
        if (sp[-3] != 0 || TS_WORD(STITCH_THREAD_STATE_JIT_KWNAMES) != 0                     \
            || !(stitch_is_small(x_) || OBJ_WORD(x_, STITCH_HEADER_TYPE) == CONST_FLOAT_TYPE)) { \
            ESCAPE();                                                                        \
        }                                                                                    \
        double d_ = stitch_as_double(x_);                                                    \
        if (!stitch_is_finite(d_)) {                                                         \
            ESCAPE();                                                                        \
        }                                                                                    \
        uint64_t r_ = stitch_new_float(ts, MATH_FUNCTION(NAME)(d_));                         \
        if (r_ == 0) {                                                                       \
            ESCAPE(); /* the runtime calls again, allocating */                              \
        }                                                                                    \
        sp -= 2;                                                                             \
        sp[-1] = r_;                                                                         \
        CONTINUE();                                                                          \
    } while (0)

static inline double stitch_float_operand(uint64_t raw, uint64_t bit, uint64_t v) {
    return (raw & bit) ? stitch_raw_double(v) : stitch_as_double(v);
}
#define RAW_FLOAT_RESULT(raw, d, inputs)                                                    \
    do {                                                                                     \
        double value_ = (d);                                                                 \
        uint64_t result_;                                                                    \
        if ((raw) & STITCH_RAW_RESULT) {                                                     \
            result_ = stitch_raw_bits(value_);                                               \
        } else {                                                                             \
            result_ = stitch_new_float(ts, value_);                                          \
            if (result_ == 0) {                                                              \
                ESCAPE(); /* the runtime allocates, refilling the free list */              \
            }                                                                                \
        }                                                                                    \
        sp -= (inputs) - 1;                                                                  \
        sp[-1] = result_;                                                                    \
    } while (0)

/* Counts a new cell of cell_bytes as Heap.allocate does (section 5), setting ts's GC-wanted
   word when the bytes since the last collection pass the threshold. */
static inline __attribute__((always_inline)) void stitch_count_cell(uint64_t *ts,
                                                                    uint64_t cell_bytes) {
    char *control = (char *)(uintptr_t)CONST_HEAP_CONTROL;
    /* The barriers keep clang's SLP vectorizer from pairing adjacent counters into one SSE
       add, whose constant vector would need a data section stencils cannot have. */
    STITCH_FIELD(control, STITCH_HEAP_CONTROL_OBJECTS_ALLOCATED) += 1;
    __asm__ volatile("" ::: "memory");
    STITCH_FIELD(control, STITCH_HEAP_CONTROL_BYTES_ALLOCATED) += cell_bytes;
    __asm__ volatile("" ::: "memory");
    int64_t since = (int64_t)(STITCH_FIELD(control, STITCH_HEAP_CONTROL_ALLOCATED_SINCE_GC)
                              += cell_bytes);
    if (since > (int64_t)STITCH_FIELD(control, STITCH_HEAP_CONTROL_GC_THRESHOLD)) {
        TS_WORD(STITCH_THREAD_STATE_GC_WANTED) = 1;
    }
}

/* A new float holding d, allocated as the runtime's Heap.allocate(floatType, 0, RAW, 0)
   does (section 5), from a float free list the caller knows is not empty (the exit boxing
   stubs, after _EXIT_BOX_CHECK counted the cells they take). */
static inline __attribute__((always_inline)) uint64_t stitch_take_float(uint64_t *ts, double d) {
    uint64_t *head = (uint64_t *)(uintptr_t)CONST_FLOAT_FREE_LIST;
    uint64_t obj = *head;
    *head = OBJ_WORD(obj, 0);
    OBJ_WORD(obj, STITCH_HEADER_TYPE) = CONST_FLOAT_TYPE;
    OBJ_WORD(obj, STITCH_HEADER_META) = stitch_header_meta(0, STITCH_FLOAT_RAW, 0);
    STITCH_FIELD_F64(obj, STITCH_FLOAT_VALUE) = d;
    stitch_count_cell(ts, CONST_FLOAT_CELL_BYTES);
    STITCH_FIELD((char *)(uintptr_t)CONST_HEAP_CONTROL, STITCH_HEAP_CONTROL_FLOATS_ALLOCATED) += 1;
    return obj;
}

/* stitch_take_float, or 0 when the float free list is empty: then nothing has changed, and
   the stencil escapes so that the runtime allocates (and refills the list). */
static inline __attribute__((always_inline)) uint64_t stitch_new_float(uint64_t *ts, double d) {
    if (*(uint64_t *)(uintptr_t)CONST_FLOAT_FREE_LIST == 0) {
        return 0;
    }
    return stitch_take_float(ts, d);
}

/* Takes a cell of cell_bytes from free list head (non-empty) and makes it an object of type
   with nslots slots, all NULL, as Heap.allocate(type, nslots, 0, 0) does. */
static inline __attribute__((always_inline)) uint64_t stitch_take_cell_raw(
        uint64_t *ts, uint64_t *head, uint64_t cell_bytes, uint64_t type, int64_t nslots,
        int64_t raw_bytes) {
    uint64_t obj = *head;
    *head = OBJ_WORD(obj, 0);
    OBJ_WORD(obj, STITCH_HEADER_TYPE) = type;
    OBJ_WORD(obj, STITCH_HEADER_META) =
        stitch_header_meta((uint64_t)nslots, (uint64_t)raw_bytes, 0);
#pragma clang loop vectorize(disable) interleave(disable) unroll(disable)
    for (int64_t i = 0; i < nslots; i++) {
        OBJ_WORD(obj, STITCH_HEADER_SIZE + 8 * i) = 0;
    }
    stitch_count_cell(ts, cell_bytes);
    return obj;
}

/* stitch_take_cell_raw of an object without raw bytes. */
static inline __attribute__((always_inline)) uint64_t stitch_take_cell(
        uint64_t *ts, uint64_t *head, uint64_t cell_bytes, uint64_t type, int64_t nslots) {
    return stitch_take_cell_raw(ts, head, cell_bytes, type, nslots, 0);
}

/* The attrs header (shape, values) of an instance, at its type's ATTR_OFFSET. */
static inline __attribute__((always_inline)) uint64_t stitch_attrs(uint64_t obj) {
    return obj + (uint64_t)stitch_small_value(
                     OBJ_WORD(OBJ_WORD(obj, STITCH_HEADER_TYPE), STITCH_TYPE_ATTR_OFFSET));
}

/* The values array of an instance for an attribute cache's slot word (value index high, attrs
   offset low), as _LOAD_ATTR_SLOT's operand. */
static inline __attribute__((always_inline)) uint64_t stitch_attr_values(uint64_t obj,
                                                                        uint64_t slot_word) {
    return OBJ_WORD(obj + (slot_word & UINT64_C(0xFFFFFFFF)), STITCH_ATTRS_VALUES);
}

/* The values array _STORE_ATTR_SLOT and its raw form store value index of: the one in attrs,
   or 0 (they exit) when the store adds an attribute (shape != 0, the shape after it) that the
   array has no room for. */
static inline __attribute__((always_inline)) uint64_t stitch_store_values(uint64_t attrs,
                                                                         uint64_t shape,
                                                                         uint64_t index) {
    uint64_t values = OBJ_WORD(attrs, STITCH_ATTRS_VALUES);
    if (shape != 0 && (values == 0
            || stitch_header_slots(OBJ_WORD(values, STITCH_HEADER_META)) <= index)) {
        return 0;
    }
    return values;
}

/* Float attributes kept raw (Layout.Array; decision 7, "Float attributes"): the raw word of
   attribute index in an instance's values array, after the array's slots. */
static inline __attribute__((always_inline)) uint64_t *stitch_attr_raw(uint64_t values,
                                                                      uint64_t index) {
    uint64_t slots = stitch_header_slots(OBJ_WORD(values, STITCH_HEADER_META));
    return (uint64_t *)(uintptr_t)(values + (uint64_t)STITCH_ARRAY_RAW_ITEM(slots, index));
}

/* Objects of nslots slots of any small size (up to HeapControl.SMALL_UP_TO bytes): their
   free-list head, and in *cell_bytes the bytes of its cells, from the heap's class table
   (HeapControl.CELL_CLASSES); 0 when they are too large for inline allocation. */
static inline __attribute__((always_inline)) uint64_t *stitch_cells(int64_t nslots,
                                                                    uint64_t *cell_bytes) {
    int64_t words = STITCH_HEADER_SIZE / 8 + nslots;
    if (nslots < 0 || words > STITCH_HEAP_CONTROL_SMALL_UP_TO / 8) {
        return 0;
    }
    uint64_t entry = STITCH_FIELD((char *)(uintptr_t)CONST_HEAP_CONTROL,
                                  STITCH_HEAP_CONTROL_CELL_CLASSES + 8 * words);
    *cell_bytes = entry & 0xFFFFFFFFu;
    return (uint64_t *)(uintptr_t)CONST_FREE_LIST_HEADS + (entry >> 32);
}

/* int(x) (down == 0) or math.floor(x) (down != 0) where a few instructions serve it: x itself
   for a small int; for an exact float below 2**62 in magnitude, truncated toward zero (less one
   for a negative fraction when rounding down), which is then a small int. The magnitude is
   tested on the exponent bits: comparing with a double constant would need a data section.
   Returns 0 for anything else (NaN, the infinities, larger floats, other types), else 1 with
   the small int in *r. */
static inline __attribute__((always_inline)) int stitch_small_int_of(uint64_t x, int down,
                                                                     uint64_t *r) {
    if (stitch_is_small(x)) {
        *r = x;
        return 1;
    }
    if (OBJ_WORD(x, STITCH_HEADER_TYPE) != CONST_FLOAT_TYPE) {
        return 0;
    }
    uint64_t bits = OBJ_WORD(x, STITCH_FLOAT_VALUE);
    if (((bits >> 52) & 0x7FF) >= 1023 + 62) {
        return 0;
    }
    double d = stitch_raw_double(bits);
    int64_t t = (int64_t)d;
    if (down && (double)t > d) {
        t -= 1;
    }
    *r = stitch_make_small(t);
    return 1;
}

/* A new tuple of n slots, all NULL, allocated inline as VM.newTuple does for n > 0; 0, having
   allocated nothing, for the empty tuple (a shared one), a tuple too large for inline
   allocation or an empty free list. */
static inline __attribute__((always_inline)) uint64_t stitch_new_tuple(uint64_t *ts, int64_t n) {
    uint64_t cell_bytes;
    uint64_t *cells = stitch_cells(n, &cell_bytes);
    if (n == 0 || cells == 0 || *cells == 0) {
        return 0;
    }
    return stitch_take_cell(ts, cells, cell_bytes, CONST_TUPLE_TYPE, n);
}

/* Whether the list iterator (is_list) or tuple iterator it has an item left: its SEQ is not
   NULL (the interpreter's exhausted FOR_ITER clears it) and its INDEX is below len(SEQ). */
static inline __attribute__((always_inline)) int stitch_seq_iter_has_item(uint64_t it,
                                                                         int is_list) {
    uint64_t seq = OBJ_WORD(it, STITCH_ITER_SEQ);
    if (seq == 0) {
        return 0;
    }
    int64_t len = is_list ? stitch_small_value(OBJ_WORD(seq, STITCH_LIST_SIZE))
                          : (int64_t)stitch_header_slots(OBJ_WORD(seq, STITCH_HEADER_META));
    return stitch_small_value(OBJ_WORD(it, STITCH_ITER_INDEX)) < len;
}

/* Makes room in list (an exact list) for need items, as VM.listReserve does: when its items
   array is smaller (or not there yet) a new one of about need * 9/8 slots replaces it, the
   items copied over, allocated inline. Returns the items array, or 0, having changed nothing,
   when the new array is too large for inline allocation or its free list is empty (the caller
   escapes and the runtime grows the list). */
static inline __attribute__((always_inline)) uint64_t stitch_list_reserve(
        uint64_t *ts, uint64_t list, int64_t need) {
    uint64_t items = OBJ_WORD(list, STITCH_LIST_ITEMS);
    if (items != 0 && (int64_t)stitch_header_slots(OBJ_WORD(items, STITCH_HEADER_META)) >= need) {
        return items;
    }
    int64_t n = stitch_small_value(OBJ_WORD(list, STITCH_LIST_SIZE));
    int64_t cap = need + (need >> 3) + (need < 9 ? 3 : 6);
    uint64_t cell_bytes;
    uint64_t *cells = stitch_cells(cap, &cell_bytes);
    if (cells == 0 || *cells == 0) {
        return 0;
    }
    uint64_t fresh = stitch_take_cell(ts, cells, cell_bytes, CONST_ARRAY_TYPE, cap);
#pragma clang loop vectorize(disable) interleave(disable) unroll(disable)
    for (int64_t i = 0; i < n; i++) {
        uint64_t item = OBJ_WORD(items, STITCH_ARRAY_ITEMS + 8 * i);
        OBJ_WORD(fresh, STITCH_ARRAY_ITEMS + 8 * i) = item;
    }
    OBJ_WORD(list, STITCH_LIST_ITEMS) = fresh;
    return fresh;
}

/* Appends v to list (an exact list), as VM.listAppend does, growing it with
   stitch_list_reserve. Returns 0, having changed nothing, when it cannot grow it inline, else
   1. */
static inline __attribute__((always_inline)) int stitch_list_append(
        uint64_t *ts, uint64_t list, uint64_t v) {
    int64_t n = stitch_small_value(OBJ_WORD(list, STITCH_LIST_SIZE));
    uint64_t items = stitch_list_reserve(ts, list, n + 1);
    if (items == 0) {
        return 0;
    }
    OBJ_WORD(items, STITCH_ARRAY_ITEMS + 8 * n) = v;
    OBJ_WORD(list, STITCH_LIST_SIZE) = stitch_make_small(n + 1);
    return 1;
}

/* A new empty list with an items array of exactly n slots (none when n is 0), as
   VM.newList(n) makes it, both allocated inline; 0, having allocated nothing, when either is
   too large for inline allocation or their free lists are short. */
static inline __attribute__((always_inline)) uint64_t stitch_new_list(uint64_t *ts, int64_t n) {
    uint64_t list_bytes;
    uint64_t *list_cells = stitch_cells(STITCH_LIST_NSLOTS, &list_bytes);
    uint64_t items_bytes = 0;
    uint64_t *items_cells = n > 0 ? stitch_cells(n, &items_bytes) : 0;
    if (list_cells == 0 || *list_cells == 0
        || (n > 0 && (items_cells == 0 || *items_cells == 0))) {
        return 0;
    }
    /* Both may come from one free list, which then needs two cells. */
    if (items_cells == list_cells && OBJ_WORD(*list_cells, 0) == 0) {
        return 0;
    }
    uint64_t list = stitch_take_cell(ts, list_cells, list_bytes, CONST_LIST_TYPE,
                                     STITCH_LIST_NSLOTS);
    OBJ_WORD(list, STITCH_LIST_SIZE) = stitch_make_small(0);
    if (n > 0) {
        OBJ_WORD(list, STITCH_LIST_ITEMS) =
            stitch_take_cell(ts, items_cells, items_bytes, CONST_ARRAY_TYPE, n);
    }
    return list;
}

/* The native address compiled code goes on at when it hands a frame of code over at unit
   index without a return, or 0 (api Layout.Code.resumeEntry: the words after the bytecode). */
static inline __attribute__((always_inline)) uint64_t stitch_resume_entry(
        uint64_t code, int64_t index) {
    int64_t units = stitch_small_value(OBJ_WORD(code, STITCH_CODE_CODE_UNITS));
    return OBJ_WORD(code, STITCH_CODE_RESUME_ENTRY(units, index));
}

/* The frame back calls below frame (inlined frames are real frames, linked by PREVIOUS):
   where an exit inside an inlined call finds its trace's own frame (api Exit.outerFrame). */
static inline __attribute__((always_inline)) uint64_t *stitch_frame_below(
        uint64_t *frame, uint64_t back) {
#pragma clang loop vectorize(disable) interleave(disable) unroll(disable)
    for (uint64_t k = 0; k < back; k++) {
        frame = (uint64_t *)(uintptr_t)stitch_word_to_raw(frame[STITCH_FRAME_PREVIOUS / 8]);
    }
    return frame;
}

/* Pops frame off the frame stack as the interpreter's return does, making caller (the frame's
   PREVIOUS, as a raw pointer) current; returns caller. */
static inline __attribute__((always_inline)) uint64_t *stitch_pop_frame(
        uint64_t *frame, uint64_t *ts, uint64_t *caller) {
    TS_WORD(STITCH_THREAD_STATE_STACK_TOP) = (uint64_t)frame;
    TS_WORD(STITCH_THREAD_STATE_RECURSION_DEPTH) -= 1;
    TS_WORD(STITCH_THREAD_STATE_CURRENT_FRAME) = (uint64_t)caller;
    return caller;
}

/* The callable of the call of n arguments below sp (the method in the NULL slot, or what is
   above it) and, in *nargs, how many positional arguments it gets (a method's self counts). */
static inline __attribute__((always_inline)) uint64_t stitch_call_target(
        const uint64_t *sp, uint64_t n, int64_t *nargs) {
    const uint64_t *null_slot = sp - (n + 2);
    *nargs = (int64_t)(null_slot[0] != 0 ? n + 1 : n);
    return null_slot[0] != 0 ? null_slot[0] : null_slot[1];
}

/* The number of cell variables of func's code. */
static inline int64_t stitch_cell_count(uint64_t func) {
    uint64_t code = OBJ_WORD(func, STITCH_FUNCTION_CODE);
    return (int64_t)stitch_header_slots(
        OBJ_WORD(OBJ_WORD(code, STITCH_CODE_CELLVARS), STITCH_HEADER_META));
}

/* The free-list head of cells (objects of one slot), with their cell size in *cell_bytes,
   when the list holds at least n of them; else 0, so that a stencil escapes before it changes
   anything (section 3). */
static inline __attribute__((always_inline)) uint64_t *stitch_cells_for(int64_t n,
                                                                       uint64_t *cell_bytes) {
    uint64_t *cells = stitch_cells(STITCH_CELL_NSLOTS, cell_bytes);
    uint64_t c = cells == 0 ? 0 : *cells;
#pragma clang loop vectorize(disable) interleave(disable) unroll(disable)
    for (int64_t i = 0; i < n; i++) {
        if (c == 0) {
            return 0;
        }
        c = OBJ_WORD(c, 0);
    }
    return cells;
}

/* Makes the ncells cells of a frame stitch_push_frame has just built for func, as the
   interpreter's call does (Interpreter.makeCells): one per cell variable, holding the argument
   of the same name if there is one (names are interned, so the same name is the same str).
   cells is stitch_cells_for(ncells), which proved the free list long enough. */
static inline __attribute__((always_inline)) void stitch_make_cells(
        uint64_t *ts, uint64_t top, uint64_t func, int64_t ncells, uint64_t *cells,
        uint64_t cell_bytes) {
    uint64_t code = OBJ_WORD(func, STITCH_FUNCTION_CODE);
    uint64_t cellvars = OBJ_WORD(code, STITCH_CODE_CELLVARS);
    uint64_t varnames = OBJ_WORD(code, STITCH_CODE_VARNAMES);
    int64_t nlocals = (int64_t)stitch_header_slots(OBJ_WORD(varnames, STITCH_HEADER_META));
    int64_t nargs = stitch_small_value(OBJ_WORD(code, STITCH_CODE_ARGCOUNT));
    uint64_t *locals = (uint64_t *)(uintptr_t)(top + STITCH_FRAME_LOCALSPLUS);
#pragma clang loop vectorize(disable) interleave(disable) unroll(disable)
    for (int64_t i = 0; i < ncells; i++) {
        uint64_t name = OBJ_WORD(cellvars, STITCH_TUPLE_ITEMS + 8 * i);
        uint64_t contents = 0;
#pragma clang loop vectorize(disable) interleave(disable) unroll(disable)
        for (int64_t a = 0; a < nargs; a++) {
            if (OBJ_WORD(varnames, STITCH_TUPLE_ITEMS + 8 * a) == name) {
                contents = locals[a];
            }
        }
        uint64_t cell =
            stitch_take_cell(ts, cells, cell_bytes, CONST_CELL_TYPE, STITCH_CELL_NSLOTS);
        OBJ_WORD(cell, STITCH_CELL_CONTENTS) = contents;
        locals[nlocals + i] = cell;
    }
}

/* Pushes a frame of bytes bytes for func (whose code is code) on the frame stack: its header,
   the arguments as its first locals and the rest of its nlocals locals unbound. The caller's
   SP is saved at caller_sp, as the interpreter saves it at a call. Returns the frame. */
static inline __attribute__((always_inline)) uint64_t stitch_push_frame_words(
        uint64_t *frame, uint64_t *ts, uint64_t func, uint64_t code, const uint64_t *args,
        int64_t nargs, int64_t nlocals, int64_t bytes, const uint64_t *caller_sp,
        int64_t flags) {
    FRAME_WORD(STITCH_FRAME_SP) = stitch_make_small(caller_sp - STACK_BASE());

    uint64_t top = TS_WORD(STITCH_THREAD_STATE_STACK_TOP);
    TS_WORD(STITCH_THREAD_STATE_RECURSION_DEPTH) += 1;
    TS_WORD(STITCH_THREAD_STATE_STACK_TOP) = top + bytes;
    OBJ_WORD(top, STITCH_FRAME_CODE) = code;
    OBJ_WORD(top, STITCH_FRAME_FUNCTION) = func;
    OBJ_WORD(top, STITCH_FRAME_GLOBALS) = OBJ_WORD(func, STITCH_FUNCTION_GLOBALS);
    OBJ_WORD(top, STITCH_FRAME_BUILTINS) = FRAME_WORD(STITCH_FRAME_BUILTINS);
    OBJ_WORD(top, STITCH_FRAME_LOCALS) = 0;
    OBJ_WORD(top, STITCH_FRAME_PREVIOUS) =
        stitch_raw_to_word(TS_WORD(STITCH_THREAD_STATE_CURRENT_FRAME));
    OBJ_WORD(top, STITCH_FRAME_IP) = stitch_make_small(0);
    OBJ_WORD(top, STITCH_FRAME_SP) = stitch_make_small(0);
    OBJ_WORD(top, STITCH_FRAME_FLAGS) = stitch_make_small(flags);
    OBJ_WORD(top, STITCH_FRAME_GENERATOR) = 0;
    uint64_t *locals = (uint64_t *)(uintptr_t)(top + STITCH_FRAME_LOCALSPLUS);
    int64_t i = 0;
    /* Calls pass a few words: plain loops, not clang's vectorized and unrolled ones (which
       made the stencil 900 bytes). */
#pragma clang loop vectorize(disable) interleave(disable) unroll(disable)
    for (; i < nargs; i++) {
        locals[i] = args[i];
    }
#pragma clang loop vectorize(disable) interleave(disable) unroll(disable)
    for (; i < nlocals; i++) {
        locals[i] = 0;
    }
    return top;
}

/* Pushes a frame for Python function func on the frame stack and returns it, as the
   interpreter's simple call does (Interpreter.pushSimple): nargs arguments copied into its
   first locals, the other locals and its cell slots NULL (stitch_push_frame_and_cells then
   makes the cells), its free variables from the function's closure, its FLAGS word flags.
   The caller is saved as at a call: its SP cut at caller_sp (its IP is the CALL's, from
   _SET_IP). The caller's guards proved the argument count and the room. */
static inline __attribute__((always_inline)) uint64_t stitch_push_frame(
        uint64_t *frame, uint64_t *ts, uint64_t func, const uint64_t *args, int64_t nargs,
        const uint64_t *caller_sp, int64_t flags) {
    uint64_t code = OBJ_WORD(func, STITCH_FUNCTION_CODE);
    int64_t nlocalsplus = stitch_small_value(OBJ_WORD(code, STITCH_CODE_NLOCALSPLUS));
    int64_t nfree = (int64_t)stitch_header_slots(
        OBJ_WORD(OBJ_WORD(code, STITCH_CODE_FREEVARS), STITCH_HEADER_META));
    int64_t nlocals = nlocalsplus - nfree;
    int64_t bytes = STITCH_FRAME_SIZE(
        nlocalsplus, stitch_small_value(OBJ_WORD(code, STITCH_CODE_STACKSIZE)));
    uint64_t top = stitch_push_frame_words(frame, ts, func, code, args, nargs, nlocals, bytes,
                                           caller_sp, flags);
    if (nfree > 0) {
        uint64_t *locals = (uint64_t *)(uintptr_t)(top + STITCH_FRAME_LOCALSPLUS);
        uint64_t closure = OBJ_WORD(func, STITCH_FUNCTION_CLOSURE);
#pragma clang loop vectorize(disable) interleave(disable) unroll(disable)
        for (int64_t f = 0; f < nfree; f++) {
            locals[nlocals + f] = OBJ_WORD(closure, STITCH_TUPLE_ITEMS + 8 * f);
        }
    }
    return top;
}

/* Frames of a callee whose code the emitter knows (decision 12): the emitter passes a call
   uop's oparg as a PlainCall immediate (stitch_layout.h's STITCH_PLAIN_CALL_*, generated from
   the backend's PlainCall) when the code has no cell or free variables, else the IR's oparg
   (the argument count, small, without STITCH_PLAIN_CALL_FLAG), so one immediate says which.
   The geometry is the code's, read when the region is compiled (a function's code never
   changes): the arguments, the locals to fill and the frame's bytes (STITCH_FRAME_SIZE). */

/* stitch_push_frame for such a callee: no cells to make, no closure to copy, and the sizes
   immediates, so the frame's words are written without first reading the code's. */
static inline __attribute__((always_inline)) uint64_t stitch_push_plain_frame(
        uint64_t *frame, uint64_t *ts, uint64_t func, const uint64_t *args, int64_t nargs,
        const uint64_t *caller_sp, uint64_t geometry, int64_t flags) {
    return stitch_push_frame_words(frame, ts, func, OBJ_WORD(func, STITCH_FUNCTION_CODE), args,
                                   nargs, STITCH_PLAIN_CALL_LOCALS(geometry),
                                   STITCH_PLAIN_CALL_FRAME_BYTES(geometry), caller_sp, flags);
}

/* stitch_push_frame, then the frame's cells for a function with cell variables
   (stitch_make_cells); 0, having changed nothing, when the free list of cells is too short
   (the stencil then escapes, and the runtime's allocator refills it). */
static inline __attribute__((always_inline)) uint64_t stitch_push_frame_and_cells(
        uint64_t *frame, uint64_t *ts, uint64_t func, const uint64_t *args, int64_t nargs,
        const uint64_t *caller_sp, int64_t flags) {
    int64_t ncells = stitch_cell_count(func);
    uint64_t cell_bytes = 0;
    uint64_t *cells = 0;
    if (ncells != 0) {
        cells = stitch_cells_for(ncells, &cell_bytes);
        if (cells == 0) {
            return 0;
        }
    }
    uint64_t top = stitch_push_frame(frame, ts, func, args, nargs, caller_sp, flags);
    if (ncells != 0) {
        stitch_make_cells(ts, top, func, ncells, cells, cell_bytes);
    }
    return top;
}

#endif /* STITCH_STENCIL_H */

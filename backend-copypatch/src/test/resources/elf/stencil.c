/* A copy-and-patch stencil in miniature: reads a hole (_JIT_OPERAND) and
   tail-calls the next stencil (_JIT_CONTINUE). Needs clang >= 19 for
   preserve_none. musttail requires the callee to share the caller's calling
   convention, so _JIT_CONTINUE is declared preserve_none as well. */
extern char _JIT_OPERAND[];
__attribute__((preserve_none)) extern void _JIT_CONTINUE(long *);

__attribute__((preserve_none)) void
stencil(long *sp)
{
    sp[0] += (long)&_JIT_OPERAND;
    __attribute__((musttail)) return _JIT_CONTINUE(sp);
}

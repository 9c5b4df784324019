package org.stitchjit.runtime.vm;

/**
 * The Java implementation of a built-in function or method.
 *
 * <p>Arguments are tagged words in native memory: {@code args} is the address of the first,
 * then {@code args + 8}, and so on (they sit on the caller's operand stack or the VM's handle
 * stack, so they are GC roots for the duration of the call). For a method, args[0] is the
 * receiver. When {@code kwnames} is not NULL it is a tuple of str naming the last
 * {@code len(kwnames)} arguments. Returns a tagged value, never NULL; errors are thrown as
 * {@link PyException}.
 */
@FunctionalInterface
public interface BuiltinImpl {
  long call(long args, int nargs, long kwnames);
}

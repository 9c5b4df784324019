package org.stitchjit.runtime.jit.reference;

import org.stitchjit.api.jit.RuntimeConstants;
import org.stitchjit.api.jit.RuntimeSteps;
import org.stitchjit.api.layout.Header;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.uop.Region;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.runtime.heap.Heap;
import org.stitchjit.runtime.interp.CodeInfo;
import org.stitchjit.runtime.vm.VM;

/**
 * What the reference executor needs from the interpreter: the VM, code objects, and the
 * generic operations. An escaping generic uop means exactly what the interpreter's generic
 * instruction does, so it is implemented once, by the interpreter's own helpers; the native
 * backends reach the same operations by escaping to the reference executor ({@link
 * RuntimeSteps}).
 */
public interface UopRuntime extends RuntimeConstants, RuntimeSteps {
  /** What {@link VM#newFloat} allocates. */
  long FLOAT_SIZE = Header.objectSize(0, Layout.Float.RAW);

  VM vm();

  /** Stepping is the reference executor's: one definition of every uop for all backends. */
  @Override
  default RuntimeSteps.Steps steps(Region region) {
    return new ReferenceRegion(region, this);
  }

  @Override
  default long runtimeConstant(String name) {
    VM vm = vm();
    return switch (name) {
      case TRUE -> vm.trueObj;
      case FALSE -> vm.falseObj;
      case NONE -> vm.none;
      case RANGE_TYPE -> vm.rangeType;
      case RANGE_ITERATOR_TYPE -> vm.rangeIteratorType;
      case LIST_ITERATOR_TYPE -> vm.listIteratorType;
      case TUPLE_ITERATOR_TYPE -> vm.tupleIteratorType;
      case INT_TYPE -> vm.intType;
      case FLOAT_TYPE -> vm.floatType;
      case LIST_TYPE -> vm.listType;
      case TUPLE_TYPE -> vm.tupleType;
      case STR_TYPE -> vm.strType;
      case DICT_TYPE -> vm.dictType;
      case SET_TYPE -> vm.setType;
      case DUNDER_NAME -> vm.intern("__name__");
      case TYPE_TYPE -> vm.typeType;
      case FUNCTION_TYPE -> vm.functionType;
      case CELL_TYPE -> vm.cellType;
      case GENERATOR_TYPE -> vm.generatorType;
      case FLOAT_FREE_LIST -> vm.heap.freeListHead(FLOAT_SIZE);
      case HEAP_CONTROL -> vm.heap.control();
      case FLOAT_CELL_BYTES -> Heap.cellBytes(FLOAT_SIZE);
      case FREE_LIST_HEADS -> vm.heap.freeListHeads();
      case ARRAY_TYPE -> vm.arrayType;
      default -> throw new IllegalArgumentException("no runtime constant " + name);
    };
  }

  /** The code object a frame executes. */
  CodeInfo codeOf(long frame);

  /**
   * {@code _FOR_ITER_GEN}: resumes the generator gen linked under frame (whose IP and SP are
   * saved), as compiled code does, and returns true; false, changing nothing, when gen is not
   * a generator that can be resumed so.
   */
  boolean resumeLinked(long gen, long frame);

  /**
   * {@code _YIELD_GEN}: the linked generator frame yields v at index here (v already popped,
   * SP saved): the caller becomes current with v pushed. False, changing nothing, when frame
   * is not linked.
   */
  boolean yieldLinked(long frame, int here, long v);

  /**
   * Performs a generic uop on the frame's operand stack, whose top is at sp; returns the new
   * top. The frame's IP (set by {@code _SET_IP}) and SP are current, so guest code may run, the
   * collector may scan the frame and a raised exception has its traceback line. kwnames is the
   * tuple set by the last {@code _KW_NAMES} (calls only), or 0.
   */
  long escape(Uop uop, int oparg, long frame, long sp, long kwnames);

  /** Pushes a frame for a simple call (exact positional arguments); 0 when out of room. */
  long pushCallee(CodeInfo callee, long function, long args, int nargs);

  /** A fresh instance of a plain class, as the interpreter's class call allocates it. */
  long newInstance(long type);

  /**
   * How the interpreter's CALL would specialize for callable (first is the NULL slot: the
   * method, or 0) with nargs positional arguments and no keyword names, or null when it would
   * take the generic call ({@link org.stitchjit.api.jit.RegionEnvironment#observeCall}).
   */
  org.stitchjit.api.jit.RegionEnvironment.Specialization specializeCall(long first,
      long callable, int nargs);

  /**
   * How the interpreter would specialize an instruction of the given family (LOAD_ATTR,
   * STORE_ATTR or LOAD_METHOD) with attribute name {@code name} for {@code receiver}, or null
   * when it would not take the instance or method form ({@link
   * org.stitchjit.api.jit.RegionEnvironment#observeAttribute}).
   */
  org.stitchjit.api.jit.RegionEnvironment.Specialization specializeAttribute(
      org.stitchjit.api.bytecode.Opcode family, long receiver, long name);

  /** Python truth of any value (may run guest code). */
  boolean isTrue(long v);

  /** next(it), or 0 when exhausted (may run guest code). */
  long next(long iterator);

  /**
   * SEND: resumes receiver with value; returns what it yielded, or (when {@link
   * #sendReturned()} is then true) the value it returned.
   */
  long send(long receiver, long value);

  /** Whether the last {@link #send} finished the receiver. */
  boolean sendReturned();
}

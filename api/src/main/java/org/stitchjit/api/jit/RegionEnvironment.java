package org.stitchjit.api.jit;

import java.util.Optional;
import java.util.OptionalLong;
import org.stitchjit.api.bytecode.Opcode;

/**
 * The VM as a region being compiled sees it: the objects its uops name, read at compile time,
 * and the dependencies a pass records when it turns what it read into assumptions. A pass that
 * replaces a load by the value it reads now (promotion) must depend on where the value came
 * from: the driver then invalidates the region when that changes, and the region's {@code
 * _CHECK_VALIDITY} uops leave it at the next instruction boundary where guest code may have
 * changed it.
 *
 * <p>Values are tagged words ({@link org.stitchjit.api.layout.Tag}); objects are addresses.
 */
public interface RegionEnvironment extends RuntimeConstants {
  /** The globals dict of the frame the region starts in. */
  long globals();

  /** The builtins dict. */
  long builtins();

  /** The code object of the frame the region starts in. */
  long code();

  /** A module object's dict. */
  long moduleDict(long module);

  /** A function object's globals dict. */
  long functionGlobals(long function);

  /** A function object's code object. */
  long functionCode(long function);

  /** The number of positional parameters of a code object. */
  int argCount(long code);

  /** Constant {@code index} of a code object, as {@code LOAD_CONST} pushes it. */
  long codeConstant(long code, int index);

  /** Whether a dict's keys version is {@code version} (what keys-version guards compare). */
  boolean hasKeysVersion(long dict, long version);

  /** The value of a dict's entry {@code index}, empty when it was deleted. */
  OptionalLong entryValue(long dict, int index);

  /**
   * The qualified name of a built-in function or method the VM defines ({@code "len"}, {@code
   * "math.sqrt"}, {@code "list.append"}), or null for any other object.
   */
  String builtinName(long callable);

  /** The exact type of a value (a small int's is int). */
  long typeOf(long value);

  /** A type's version (what {@code _GUARD_TYPE_VERSION} compares). */
  long typeVersion(long type);

  /**
   * The region relies on dict entry {@code index} keeping its value and the dict its keys:
   * it is invalidated when either changes.
   */
  void dependOnEntry(long dict, int index);

  /** The region relies on a dict's keys: it is invalidated when a key is added or deleted. */
  void dependOnKeys(long dict);

  /** The region relies on a type's attributes: it is invalidated when the type changes. */
  void dependOnType(long type);

  /**
   * A specialized instruction and the inline cache units it would hold, as the interpreter
   * writes them ({@link org.stitchjit.api.uop.CacheOperands} reads them into uop operands).
   */
  record Specialization(Opcode form, long[] cache) {}

  /**
   * How the interpreter would specialize the attribute instruction at {@code index} of code
   * (a LOAD_ATTR, STORE_ATTR or LOAD_METHOD, in any form) for the receiver on top of the
   * frame's operand stack, {@code stackDepth} deep, now: the instance or method form with the
   * cache it would write. Empty when it would not take an instance or method form for this
   * receiver (a property, a class attribute, {@code __getattr__}, a module ...), and when the
   * VM judges the site megamorphic (it has grown many bridges already). A tracing
   * frontend asks before the instruction runs, to specialize a site the interpreter left
   * generic (polymorphic) on the receiver it records; the guards the form expands to check
   * every later receiver. Outside a VM there is nothing to observe.
   */
  default Optional<Specialization> observeAttribute(CodeView code, int index, long frame,
      int stackDepth) {
    return Optional.empty();
  }

  /**
   * What the receiver on top of the frame's operand stack, {@code stackDepth} deep, shows about
   * the attribute LOAD_ATTR_INSTANCE's cache (its type, shape and slot word) names, when the
   * cache holds for it: {@code Uop.FLOAT_SEEN} when the attribute holds a float now (a raw
   * float attribute included), plus {@code Uop.RAW_FLOATS_SEEN} when compiled code keeps float
   * attributes of the receiver's class raw. A tracing frontend asks before the load runs and
   * records the answer as the load's oparg: what the attribute is likely to hold on later runs
   * too. Outside a VM, 0.
   */
  default int observeAttributeValue(long frame, int stackDepth, long[] cache) {
    return 0;
  }

  /**
   * How the interpreter would specialize the CALL at {@code index} of code for the callable
   * on the frame's operand stack, {@code stackDepth} deep, now: {@code CALL_PY_EXACT_ARGS}
   * for a Python function it calls with exactly its positional arguments, {@code
   * CALL_ALLOC_AND_ENTER_INIT} for a plain class with a simple {@code __init__}, with the
   * caches they would hold (and, in the call form's unused cache 0, the function's code, which
   * the frontend guards on). Empty for any other callable and for a site the VM judges
   * megamorphic. The frontend asks only for calls without keyword names; as for attributes,
   * the guards of the form check every later callable.
   */
  default Optional<Specialization> observeCall(CodeView code, int index, long frame,
      int stackDepth) {
    return Optional.empty();
  }

  /**
   * The code object {@code codeId} names ({@link org.stitchjit.api.uop.Exit#codeId}) as the
   * interpreter runs it: what a pass reads to know what the interpreter does after an exit
   * (which locals it reads before writing them). Outside a VM there is none.
   */
  default Optional<CodeView> codeView(long codeId) {
    return Optional.empty();
  }

  /**
   * Whether the iterator on top of the frame's operand stack, {@code stackDepth} deep, is a
   * generator now: a tracing frontend then ends the trace at the FOR_ITER with {@code
   * _FOR_ITER_GEN}, which resumes it in compiled code. Outside a VM there is none.
   */
  default boolean observeGenerator(long frame, int stackDepth) {
    return false;
  }
}

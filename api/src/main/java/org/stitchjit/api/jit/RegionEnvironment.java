package org.stitchjit.api.jit;

import java.util.OptionalLong;

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
   * The qualified name of a built-in function the VM defines ({@code "len"}, {@code
   * "math.sqrt"}), or null for any other object.
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
}

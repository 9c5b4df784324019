package org.stitchjit.optimizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.stitchjit.api.jit.CodeView;
import org.stitchjit.api.jit.RegionEnvironment;
import org.stitchjit.api.jit.RuntimeConstants;
import org.stitchjit.api.layout.Tag;

/**
 * A VM as a table, for passes that read one: globals, builtins, code constants, types. Object
 * addresses are small made-up numbers; what passes record as dependencies is kept to check.
 */
final class FakeEnvironment implements RegionEnvironment {
  static final long GLOBALS = 0x1000;
  static final long BUILTINS = 0x2000;
  static final long CODE = 0x3000;
  static final long TRUE = 0x10;
  static final long FALSE = 0x18;
  static final long NONE = 0x20;
  static final long INT_TYPE = 0x100;
  static final long FLOAT_TYPE = 0x108;
  static final long STR_TYPE = 0x110;

  final Map<Long, Long> keysVersions = new HashMap<>();
  /** dict -> entry index -> value (absent: deleted). */
  final Map<Long, Map<Integer, Long>> entries = new HashMap<>();
  final Map<Long, long[]> constants = new HashMap<>();
  final Map<Long, Long> functionGlobals = new HashMap<>();
  final Map<Long, Long> functionCode = new HashMap<>();
  final Map<Long, Integer> argCounts = new HashMap<>();
  final Map<Long, Long> moduleDicts = new HashMap<>();
  final Map<Long, Long> types = new HashMap<>();
  final Map<Long, Long> typeVersions = new HashMap<>();
  final Map<Long, String> builtinNames = new HashMap<>();
  final List<String> dependencies = new ArrayList<>();
  /** Code objects by id, for passes that read what the interpreter does after an exit. */
  final Map<Long, CodeView> codes = new HashMap<>();

  FakeEnvironment entry(long dict, int index, long value) {
    entries.computeIfAbsent(dict, d -> new HashMap<>()).put(index, value);
    return this;
  }

  @Override
  public long runtimeConstant(String name) {
    return switch (name) {
      case RuntimeConstants.TRUE -> TRUE;
      case RuntimeConstants.FALSE -> FALSE;
      case RuntimeConstants.NONE -> NONE;
      case RuntimeConstants.INT_TYPE -> INT_TYPE;
      case RuntimeConstants.FLOAT_TYPE -> FLOAT_TYPE;
      case RuntimeConstants.STR_TYPE -> STR_TYPE;
      default -> 0x7000 + name.hashCode() * 8L;
    };
  }

  @Override
  public long globals() {
    return GLOBALS;
  }

  @Override
  public long builtins() {
    return BUILTINS;
  }

  @Override
  public long code() {
    return CODE;
  }

  @Override
  public long moduleDict(long module) {
    return moduleDicts.get(module);
  }

  @Override
  public long functionGlobals(long function) {
    return functionGlobals.get(function);
  }

  @Override
  public long functionCode(long function) {
    return functionCode.get(function);
  }

  @Override
  public int argCount(long code) {
    return argCounts.get(code);
  }

  @Override
  public long codeConstant(long code, int index) {
    return constants.get(code)[index];
  }

  @Override
  public boolean hasKeysVersion(long dict, long version) {
    return keysVersions.getOrDefault(dict, 0L) == version;
  }

  @Override
  public OptionalLong entryValue(long dict, int index) {
    Long v = entries.getOrDefault(dict, Map.of()).get(index);
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }

  @Override
  public String builtinName(long callable) {
    return builtinNames.get(callable);
  }

  @Override
  public long typeOf(long value) {
    return Tag.isInt(value) ? INT_TYPE : types.getOrDefault(value, 0x999L);
  }

  @Override
  public long typeVersion(long type) {
    return typeVersions.getOrDefault(type, 1L);
  }

  @Override
  public void dependOnEntry(long dict, int index) {
    dependencies.add("entry 0x" + Long.toHexString(dict) + "[" + index + "]");
  }

  @Override
  public void dependOnKeys(long dict) {
    dependencies.add("keys 0x" + Long.toHexString(dict));
  }

  @Override
  public void dependOnType(long type) {
    dependencies.add("type 0x" + Long.toHexString(type));
  }

  @Override
  public Optional<CodeView> codeView(long codeId) {
    return Optional.ofNullable(codes.get(codeId));
  }
}

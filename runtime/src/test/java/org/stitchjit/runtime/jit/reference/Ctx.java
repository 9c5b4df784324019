package org.stitchjit.runtime.jit.reference;

import org.stitchjit.api.layout.Layout;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.interp.CodeInfo;
import org.stitchjit.runtime.vm.Dicts;

/** A case as operand functions and custom checks see it: its namespace, code and frame. */
final class Ctx {
  /** What a case's run did, for custom checks. */
  record Run(int exit, long[] before, long[] after, String raised, long frame) {}

  final UopHarness h;
  final long ns;
  final CodeInfo code;
  long frame;

  Ctx(UopHarness h, long ns, CodeInfo code) {
    this.h = h;
    this.ns = ns;
    this.code = code;
  }

  /** The value bound to name in the case's namespace (0 when unbound). */
  long get(String name) {
    return h.get(ns, name);
  }

  /** A bound small int as a Java int. */
  int intOf(String name) {
    long v = get(name);
    if ((v & 1) == 0) {
      throw new IllegalArgumentException(name + " is not a small int");
    }
    return (int) (v >> 1);
  }

  boolean isTrue(String name) {
    return get(name) == h.vm.trueObj;
  }

  String str(String name) {
    return h.text(get(name));
  }

  /** The index of name in the code's names (the oparg of a uop that takes a name). */
  int nameIndex(String name) {
    for (int i = 0; i < code.nameStrings.length; i++) {
      if (code.nameStrings[i].equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no name " + name + " in " + code.name);
  }

  /** The index of the first constant of the code whose repr is r. */
  int constIndex(String r) {
    for (int i = 0; i < code.consts.length; i++) {
      if (h.repr(code.consts[i]).equals(r)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no constant " + r + " in " + code.name);
  }

  /** The index of the first instruction with this opcode and oparg, for SET_IP. */
  int instruction(org.stitchjit.api.bytecode.Opcode op, int oparg) {
    for (int i = 0; i < code.units; ) {
      long unit = Mem.getLong(code.bytecode + 8L * i);
      org.stitchjit.api.bytecode.Opcode o =
          org.stitchjit.api.bytecode.Opcode.of(org.stitchjit.api.bytecode.Opcode.opcodeOf(unit));
      if (o == op && org.stitchjit.api.bytecode.Opcode.opargOf(unit) == oparg) {
        return i;
      }
      i += o.size();
    }
    throw new IllegalArgumentException("no " + op + " " + oparg + " in " + code.name);
  }

  long shape(String obj) {
    return h.shapeOf(get(obj));
  }

  /** LOAD_ATTR_INSTANCE's cached slot word for attr of obj: value index high, offset low. */
  long slotWord(String obj, String attr) {
    long o = get(obj);
    long index = h.attrIndex(h.shapeOf(o), h.vm.intern(attr));
    return (index << 32) | h.attrOffset(o);
  }

  int attrIndex(String obj, String attr) {
    return (int) h.attrIndex(h.shapeOf(get(obj)), h.vm.intern(attr));
  }

  long keysVersion(long dict) {
    return Dicts.keysVersion(dict);
  }

  long moduleDict(String module) {
    return Mem.getLong(get(module) + Layout.Module.DICT);
  }

  /** The entry index of key in a dict (what LOAD_GLOBAL's cache records), or -1. */
  int entryIndex(long dict, String key) {
    return Dicts.lookupStr(h.vm, dict, h.vm.intern(key));
  }

  long typeVersion(long type) {
    return Mem.getLong(type + Layout.Type.VERSION);
  }
}

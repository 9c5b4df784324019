package org.stitchjit.runtime.interp;

import org.stitchjit.api.layout.Layout.Kind;
import org.stitchjit.api.layout.Layout.TypeFlags;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.text.FormatSpec;
import org.stitchjit.runtime.vm.VM;

/** format(value, spec): f-string fields and the format() built-in. */
final class Formatting {
  private Formatting() {}

  static void install(Protocols p) {
    VM vm = p.vm;
    vm.defineBuiltin("format", (args, n, kw) -> {
      if (n < 1 || n > 2) {
        throw vm.typeError("format expected at most 2 arguments, got " + n);
      }
      long spec = n == 2 ? Mem.getLong(args + 8) : 0;
      if (spec != 0 && !vm.isStr(spec)) {
        throw vm.typeError("format() argument 2 must be str, not " + vm.typeNameOf(spec));
      }
      return format(p, Mem.getLong(args), spec);
    });
  }

  static long format(Protocols p, long value, long spec) {
    VM vm = p.vm;
    String s = spec == 0 ? "" : vm.str(spec);
    long type = vm.typeOf(value);
    if ((VM.typeFlags(type) & TypeFlags.HEAPTYPE) != 0) {
      long m = p.userSpecial(type, p.sFormat);
      if (m != 0) {
        long r = p.callSpecial(m, value, spec == 0 ? vm.emptyStr : spec);
        if (!vm.isStr(r)) {
          throw vm.typeError("__format__ must return a str, not " + vm.typeNameOf(r));
        }
        return r;
      }
    }
    switch (VM.typeKind(type)) {
      case Kind.INT:
        if (s.isEmpty()) {
          return p.str(value);
        }
        if ((value & 1) != 0) {
          return vm.newStr(FormatSpec.format(value >> 1, s));
        }
        return vm.newStr(FormatSpec.format(vm.toBig(value), s));
      case Kind.BOOL:
        if (s.isEmpty()) {
          return p.str(value);
        }
        return vm.newStr(FormatSpec.formatInt(vm.toLong(value), s, "bool"));
      case Kind.FLOAT:
        if (s.isEmpty()) {
          return p.str(value);
        }
        return vm.newStr(FormatSpec.format(VM.floatValue(value), s));
      case Kind.STR:
        if (s.isEmpty()) {
          return value;
        }
        return vm.newStr(FormatSpec.format(vm.str(value), s));
      default:
        if (s.isEmpty()) {
          return p.str(value);
        }
        throw vm.typeError("unsupported format string passed to " + vm.typeName(type)
            + ".__format__");
    }
  }
}

package org.stitchjit.runtime.objects;

import static org.stitchjit.api.layout.Tag.fromInt;
import static org.stitchjit.api.layout.Tag.intValue;
import static org.stitchjit.runtime.objects.Sequences.arg;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.layout.Header;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Kind;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.text.FormatArg;
import org.stitchjit.runtime.text.FormatError;
import org.stitchjit.runtime.text.PercentFormat;
import org.stitchjit.runtime.text.StrFormat;
import org.stitchjit.runtime.text.StrOps;
import org.stitchjit.runtime.vm.PyException;
import org.stitchjit.runtime.vm.Strs;
import org.stitchjit.runtime.vm.TypeOps;
import org.stitchjit.runtime.vm.VM;

/**
 * str. The hot operations (indexing, slicing, comparison, concatenation, search, split,
 * join, strip, replace) work on the native code points directly; the rest converts to a Java
 * String and uses {@link StrOps}, whose semantics follow CPython's Unicode database.
 */
public final class StrType implements TypeOps {
  private static final long DATA = Layout.Str.DATA;

  // ================================================================ native access
  static boolean isStr(VM vm, long v) {
    return (v & 1) == 0 && Mem.getLong(v) == vm.strType;
  }

  static int cp(long s, boolean wide, int i) {
    return wide ? Mem.getInt(s + DATA + 4L * i) : Mem.getByte(s + DATA + i) & 0xFF;
  }

  /** s[a:b] for 0 <= a <= b <= len. */
  static long sub(VM vm, long s, int a, int b) {
    if (a >= b) {
      return vm.emptyStr;
    }
    return Strs.substring(vm, s, a, b);
  }

  /** A narrow str from the first n bytes of a Latin-1 buffer. */
  static long narrowStr(VM vm, byte[] bytes, int n) {
    if (n == 0) {
      return vm.emptyStr;
    }
    long r = vm.alloc(vm.strType, Layout.Str.NSLOTS, n);
    Mem.putLong(r + Layout.Str.LENGTH, fromInt(n));
    Mem.copyFromArray(bytes, 0, r + DATA, n);
    return r;
  }

  /** The str for a Java result, reusing the receiver when StrOps returned its input. */
  static long result(VM vm, long self, String in, String out) {
    if (out == in) {
      return self;
    }
    return out.isEmpty() ? vm.emptyStr : vm.newStr(out);
  }

  /** Index of needle in hay[start:end) (bounds already fitted), or -1. */
  static int find(long hay, long needle, int start, int end) {
    int m = VM.strLen(needle);
    if (end - start < m) {
      return -1;
    }
    if (m == 0) {
      return start;
    }
    boolean hw = VM.strWide(hay);
    boolean nw = VM.strWide(needle);
    int last = end - m;
    if (!hw && !nw) {
      long hd = hay + DATA;
      long nd = needle + DATA;
      byte first = Mem.getByte(nd);
      outer:
      for (int i = start; i <= last; i++) {
        if (Mem.getByte(hd + i) != first) {
          continue;
        }
        for (int j = 1; j < m; j++) {
          if (Mem.getByte(hd + i + j) != Mem.getByte(nd + j)) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
    int first = cp(needle, nw, 0);
    outer:
    for (int i = start; i <= last; i++) {
      if (cp(hay, hw, i) != first) {
        continue;
      }
      for (int j = 1; j < m; j++) {
        if (cp(hay, hw, i + j) != cp(needle, nw, j)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Last index of needle in hay[start:end), or -1. */
  static int rfind(long hay, long needle, int start, int end) {
    int m = VM.strLen(needle);
    if (end - start < m) {
      return -1;
    }
    if (m == 0) {
      return end;
    }
    boolean hw = VM.strWide(hay);
    boolean nw = VM.strWide(needle);
    int first = cp(needle, nw, 0);
    outer:
    for (int i = end - m; i >= start; i--) {
      if (cp(hay, hw, i) != first) {
        continue;
      }
      for (int j = 1; j < m; j++) {
        if (cp(hay, hw, i + j) != cp(needle, nw, j)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Non-overlapping occurrences of needle in hay[start:end), at most max. */
  static long count(long hay, long needle, int start, int end, long max) {
    int m = VM.strLen(needle);
    if (end - start < m) {
      return 0;
    }
    if (m == 0) {
      return Math.min((long) end - start + 1, max);
    }
    long c = 0;
    int i = start;
    while (c < max) {
      int p = find(hay, needle, i, end);
      if (p < 0) {
        break;
      }
      c++;
      i = p + m;
    }
    return c;
  }

  /** Whether hay has needle at position pos (pos + len(needle) <= len(hay)). */
  static boolean regionMatches(long hay, int pos, long needle) {
    int m = VM.strLen(needle);
    boolean hw = VM.strWide(hay);
    boolean nw = VM.strWide(needle);
    if (!hw && !nw) {
      long hd = hay + DATA + pos;
      long nd = needle + DATA;
      int j = 0;
      for (; j + 8 <= m; j += 8) {
        if (Mem.getLong(hd + j) != Mem.getLong(nd + j)) {
          return false;
        }
      }
      for (; j < m; j++) {
        if (Mem.getByte(hd + j) != Mem.getByte(nd + j)) {
          return false;
        }
      }
      return true;
    }
    for (int j = 0; j < m; j++) {
      if (cp(hay, hw, pos + j) != cp(needle, nw, j)) {
        return false;
      }
    }
    return true;
  }

  /** Three-way code point comparison with a byte loop for two narrow strs. */
  static int compare(long a, long b) {
    if (a == b) {
      return 0;
    }
    if (!VM.strWide(a) && !VM.strWide(b)) {
      int na = VM.strLen(a);
      int nb = VM.strLen(b);
      int n = Math.min(na, nb);
      long da = a + DATA;
      long db = b + DATA;
      for (int i = 0; i < n; i++) {
        int ca = Mem.getByte(da + i) & 0xFF;
        int cb = Mem.getByte(db + i) & 0xFF;
        if (ca != cb) {
          return ca < cb ? -1 : 1;
        }
      }
      return Integer.compare(na, nb);
    }
    return Strs.compare(a, b);
  }

  // ================================================================ repr
  /** Appends repr(s): plain printable ASCII is quoted directly, the rest goes to StrOps. */
  static void appendRepr(VM vm, StringBuilder sb, long s) {
    int n = VM.strLen(s);
    if (!VM.strWide(s)) {
      long d = s + DATA;
      boolean plain = true;
      for (int i = 0; i < n; i++) {
        int c = Mem.getByte(d + i) & 0xFF;
        if (c < 0x20 || c >= 0x7f || c == '\\' || c == '\'') {
          plain = false;
          break;
        }
      }
      if (plain) {
        sb.append('\'');
        for (int i = 0; i < n; i++) {
          sb.append((char) (Mem.getByte(d + i) & 0xFF));
        }
        sb.append('\'');
        return;
      }
    }
    sb.append(StrOps.repr(vm.str(s)));
  }

  // ================================================================ TypeOps
  @Override
  public long repr(VM vm, long self) {
    StringBuilder sb = new StringBuilder(VM.strLen(self) + 2);
    appendRepr(vm, sb, self);
    return vm.newStr(sb.toString());
  }

  @Override
  public long str(VM vm, long self) {
    return self;
  }

  @Override
  public long hash(VM vm, long self) {
    return Strs.hash(self);
  }

  @Override
  public long richCompare(VM vm, long a, long b, int op) {
    if (!isStr(vm, a) || !isStr(vm, b)) {
      return vm.notImplemented;
    }
    if (op == CompareOp.EQ) {
      return vm.bool(Strs.equal(a, b));
    }
    if (op == CompareOp.NE) {
      return vm.bool(!Strs.equal(a, b));
    }
    return vm.bool(CompareOp.test(op, compare(a, b)));
  }

  @Override
  public long binaryOp(VM vm, int op, long a, long b) {
    int base = BinaryOp.base(op);
    if (base == BinaryOp.ADD) {
      if (!isStr(vm, a)) {
        return vm.notImplemented;
      }
      if (!isStr(vm, b)) {
        if (Sequences.defersToReflected(vm, b, "__radd__")) {
          return vm.notImplemented;
        }
        throw vm.typeError("can only concatenate str (not \"" + vm.typeNameOf(b)
            + "\") to str");
      }
      long total = (long) VM.strLen(a) + VM.strLen(b);
      if (total * 4 > Header.MAX_FIELD) {
        throw vm.raiseEmpty(vm.memoryError);
      }
      return Strs.concat(vm, a, b);
    }
    if (base == BinaryOp.MULTIPLY) {
      long seq = isStr(vm, a) ? a : b;
      long count = seq == a ? b : a;
      if (count == b && Sequences.defersToReflected(vm, b, "__rmul__")) {
        return vm.notImplemented;
      }
      if (!Sequences.isIndex(vm, count)) {
        throw Sequences.cannotMultiply(vm, count);
      }
      return repeat(vm, seq, Sequences.repeatCount(vm, count));
    }
    if (base == BinaryOp.REMAINDER) {
      if (!isStr(vm, a)) {
        return vm.notImplemented;
      }
      return percent(vm, a, b);
    }
    return vm.notImplemented;
  }

  static long repeat(VM vm, long s, long count) {
    int n = VM.strLen(s);
    if (count <= 0 || n == 0) {
      return vm.emptyStr;
    }
    if (count == 1) {
      return s;
    }
    boolean wide = VM.strWide(s);
    int unit = wide ? 4 : 1;
    if (count > Header.MAX_FIELD / ((long) n * unit)) {
      throw vm.raiseEmpty(vm.memoryError);
    }
    int total = (int) (n * count);
    long r = vm.alloc(vm.strType, Layout.Str.NSLOTS, (long) total * unit);
    Mem.putLong(r + Layout.Str.LENGTH, fromInt(total));
    long dst = r + DATA;
    long bytes = (long) total * unit;
    long chunkBytes = (long) n * unit;
    Mem.copy(s + DATA, dst, chunkBytes);
    long done = chunkBytes;
    while (done < bytes) {
      long chunk = Math.min(done, bytes - done);
      Mem.copy(dst, dst + done, chunk);
      done += chunk;
    }
    return r;
  }

  @Override
  public long len(VM vm, long self) {
    return VM.strLen(self);
  }

  @Override
  public int isTrue(VM vm, long self) {
    return VM.strLen(self) != 0 ? 1 : 0;
  }

  @Override
  public long getItem(VM vm, long self, long key) {
    int n = VM.strLen(self);
    if (Tag.isInt(key) || Sequences.isIndex(vm, key)) {
      long i = Tag.isInt(key) ? intValue(key) : Sequences.indexValue(vm, key, vm.indexError);
      if (i < 0) {
        i += n;
      }
      if (i < 0 || i >= n) {
        throw vm.raise(vm.indexError, "string index out of range");
      }
      return Strs.charAt(vm, self, (int) i);
    }
    if (SliceType.isSlice(vm, key)) {
      long[] r = SliceType.indices(vm, key, n);
      return slice(vm, self, r);
    }
    throw vm.typeError("string indices must be integers, not '" + vm.typeNameOf(key) + "'");
  }

  static long slice(VM vm, long s, long[] r) {
    int count = (int) r[SliceType.COUNT];
    int start = (int) r[SliceType.START];
    long step = r[SliceType.STEP];
    if (count <= 0) {
      return vm.emptyStr;
    }
    if (step == 1) {
      return Strs.substring(vm, s, start, start + count);
    }
    if (count == 1) {
      return Strs.charAt(vm, s, start);
    }
    if (!VM.strWide(s)) {
      byte[] out = new byte[count];
      long d = s + DATA;
      long cur = start;
      for (int i = 0; i < count; i++, cur += step) {
        out[i] = Mem.getByte(d + cur);
      }
      return narrowStr(vm, out, count);
    }
    int[] out = new int[count];
    long cur = start;
    for (int i = 0; i < count; i++, cur += step) {
      out[i] = VM.strCodePoint(s, (int) cur);
    }
    return vm.newStr(out, 0, count);
  }

  @Override
  public int contains(VM vm, long self, long key) {
    if (!isStr(vm, key)) {
      throw vm.typeError("'in <string>' requires string as left operand, not "
          + vm.typeNameOf(key));
    }
    return find(self, key, 0, VM.strLen(self)) >= 0 ? 1 : 0;
  }

  @Override
  public long iter(VM vm, long self) {
    return Iterators.newIter(vm, vm.strIteratorType, self, fromInt(0));
  }

  /** str(), str(object), str(object, encoding, errors). */
  @Override
  public long construct(VM vm, long type, long args, int nargs, long kwnames) {
    long[] a = Sequences.parseArgs(vm, "str", args, nargs, kwnames, 0,
        new String[] {"object", "encoding", "errors"}, 0);
    if (a[1] != 0 || a[2] != 0) {
      if (a[1] != 0 && !isStr(vm, a[1])) {
        throw vm.typeError("str() argument 'encoding' must be str, not " + vm.typeNameOf(a[1]));
      }
      if (a[2] != 0 && !isStr(vm, a[2])) {
        throw vm.typeError("str() argument 'errors' must be str, not " + vm.typeNameOf(a[2]));
      }
      long obj = a[0] == 0 ? vm.emptyStr : a[0];
      if (isStr(vm, obj)) {
        throw vm.typeError("decoding str is not supported");
      }
      throw vm.typeError("decoding to str: need a bytes-like object, " + vm.typeNameOf(obj)
          + " found");
    }
    if (a[0] == 0) {
      return vm.emptyStr;
    }
    return strOf(vm, a[0]);
  }

  /** str(v), serving strs and small ints here. */
  static long strOf(VM vm, long v) {
    if (Tag.isInt(v)) {
      return vm.newStr(Long.toString(intValue(v)));
    }
    if (Mem.getLong(v) == vm.strType) {
      return v;
    }
    return vm.rt.str(v);
  }

  // ================================================================ formatting
  /** The text libraries report Python errors as FormatError; turn one into the guest's. */
  static PyException convert(VM vm, FormatError e) {
    String msg = e.getMessage() == null ? "" : e.getMessage();
    switch (e.pyType()) {
      case "TypeError":
        return vm.raise(vm.typeError, msg);
      case "OverflowError":
        return vm.raise(vm.overflowError, msg);
      case "IndexError":
        return vm.raise(vm.indexError, msg);
      case "AttributeError":
        return vm.raise(vm.attributeError, msg);
      case "MemoryError":
        return vm.raiseEmpty(vm.memoryError);
      case "KeyError": {
        // The message is the key's repr; KeyError's argument is the key itself.
        long key = vm.newStr(msg);
        if (msg.length() >= 2 && (msg.charAt(0) == '\'' || msg.charAt(0) == '"')) {
          String inner = msg.substring(1, msg.length() - 1);
          if (StrOps.repr(inner).equals(msg)) {
            key = vm.newStr(inner);
          }
        }
        return vm.raiseObject(vm.newException(vm.keyError, vm.tuple(key)));
      }
      default:
        return vm.raise(vm.valueError, msg);
    }
  }

  /**
   * A guest value seen by the formatting libraries. Values it fetches (items, attributes) are
   * pushed on the handle stack: the caller pops them when the whole format call is done.
   */
  public static final class GuestArg implements FormatArg {
    final VM vm;
    final long v;

    public GuestArg(VM vm, long v) {
      this.vm = vm;
      this.v = v;
    }

    private GuestArg derived(long w) {
      vm.pushHandle(w);
      return new GuestArg(vm, w);
    }

    @Override
    public String str() {
      if (Tag.isInt(v)) {
        return Long.toString(intValue(v));
      }
      if (Mem.getLong(v) == vm.strType) {
        return vm.str(v);
      }
      return vm.str(vm.rt.str(v));
    }

    @Override
    public String repr() {
      StringBuilder sb = new StringBuilder();
      TupleType.appendRepr(vm, sb, v);
      return sb.toString();
    }

    @Override
    public Object number() {
      if (Tag.isInt(v)) {
        return intValue(v);
      }
      int kind = vm.kindOf(v);
      if (kind == Kind.INT || kind == Kind.BOOL) {
        BigInteger b = vm.toBig(v);
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
      }
      if (kind == Kind.FLOAT) {
        return VM.floatValue(v);
      }
      return null;
    }

    @Override
    public String text() {
      return isStr(vm, v) ? vm.str(v) : null;
    }

    @Override
    public String typeName() {
      return vm.typeNameOf(v);
    }

    @Override
    public String format(String spec) {
      boolean builtin = Tag.isInt(v) || !Sequences.isHeapType(vm, v);
      int kind = vm.kindOf(v);
      if (builtin && (kind == Kind.INT || kind == Kind.BOOL || kind == Kind.FLOAT
          || kind == Kind.STR)) {
        return FormatArg.super.format(spec);
      }
      if (vm.rt != null) {
        long meth = vm.rt.lookupAttr(v, vm.intern("__format__"));
        if (meth != 0) {
          long r = vm.rt.call(meth, new long[] {vm.newStr(spec)});
          if (!isStr(vm, r)) {
            throw vm.typeError("__format__ must return a str, not " + vm.typeNameOf(r));
          }
          return vm.str(r);
        }
      }
      if (spec.isEmpty()) {
        return str();
      }
      throw vm.typeError("unsupported format string passed to " + vm.typeNameOf(v)
          + ".__format__");
    }

    @Override
    public FormatArg attribute(String name) {
      return derived(vm.rt.getAttr(v, vm.newStr(name)));
    }

    @Override
    public FormatArg item(Object key) {
      long k;
      if (key instanceof Long) {
        k = vm.newInt((Long) key);
      } else if (key instanceof Integer) {
        k = vm.newInt((Integer) key);
      } else {
        k = vm.newStr(key.toString());
      }
      vm.pushHandle(k);
      if (vm.isList(v) && !Sequences.isHeapType(vm, v)) {
        return derived(vm.kindOps[Kind.LIST].getItem(vm, v, k));
      }
      return derived(vm.rt.getItem(v, k));
    }

    @Override
    public int tupleSize() {
      return vm.isTuple(v) ? VM.tupleLen(v) : -1;
    }

    @Override
    public FormatArg tupleItem(int i) {
      return new GuestArg(vm, VM.tupleGet(v, i));
    }

    @Override
    public boolean isMapping() {
      if (Tag.isInt(v)) {
        return false;
      }
      int kind = vm.kindOf(v);
      if (kind == Kind.DICT || kind == Kind.LIST || kind == Kind.RANGE) {
        return true;
      }
      return Sequences.isHeapType(vm, v) && vm.rt != null
          && vm.rt.lookupAttr(v, vm.intern("__getitem__")) != 0;
    }
  }

  /** format(v, spec) as a Java string: built-in __format__ for int, float, str, bool. */
  public static String formatValue(VM vm, long v, String spec) {
    long mark = vm.handleMark();
    try {
      return new GuestArg(vm, v).format(spec);
    } catch (FormatError e) {
      throw convert(vm, e);
    } finally {
      vm.popHandles(mark);
    }
  }

  static long percent(VM vm, long fmt, long args) {
    long mark = vm.handleMark();
    try {
      String r = PercentFormat.format(vm.str(fmt), new GuestArg(vm, args));
      return vm.newStr(r);
    } catch (FormatError e) {
      throw convert(vm, e);
    } finally {
      vm.popHandles(mark);
    }
  }

  // ================================================================ argument helpers
  private static long self(long args) {
    return arg(args, 0);
  }

  private static long requireStrArg(VM vm, long v, String prefix) {
    if (!isStr(vm, v)) {
      throw vm.typeError(prefix + vm.typeNameOf(v));
    }
    return v;
  }

  /** ADJUST_INDICES: fits [start, end) to a str of length len (start may exceed end). */
  private static long[] adjust(long start, long end, int len) {
    if (end > len) {
      end = len;
    } else if (end < 0) {
      end += len;
      if (end < 0) {
        end = 0;
      }
    }
    if (start < 0) {
      start += len;
      if (start < 0) {
        start = 0;
      }
    }
    return new long[] {start, end};
  }

  // ================================================================ methods: search
  /** find, rfind, index, rindex and count share parsing: (sub[, start[, end]]). */
  private static long[] searchArgs(VM vm, String name, long args, int nargs, long kwnames) {
    Sequences.noKeywords(vm, "str." + name, kwnames);
    Sequences.takesArgs(vm, name, nargs - 1, 1, 3);
    long s = self(args);
    requireStrArg(vm, arg(args, 1), "must be str, not ");
    long start = nargs > 2 ? Sequences.optBound(vm, arg(args, 2), 0) : 0;
    long end = nargs > 3 ? Sequences.optBound(vm, arg(args, 3), Long.MAX_VALUE)
        : Long.MAX_VALUE;
    return adjust(start, end, VM.strLen(s));
  }

  static int findImpl(VM vm, String name, long args, int nargs, long kwnames, boolean reverse) {
    long[] b = searchArgs(vm, name, args, nargs, kwnames);
    if (b[0] > b[1]) {
      return -1;
    }
    long s = self(args);
    long sub = arg(args, 1);
    return reverse ? rfind(s, sub, (int) b[0], (int) b[1]) : find(s, sub, (int) b[0], (int) b[1]);
  }

  static long findMethod(VM vm, long args, int nargs, long kwnames) {
    return fromInt(findImpl(vm, "find", args, nargs, kwnames, false));
  }

  static long rfindMethod(VM vm, long args, int nargs, long kwnames) {
    return fromInt(findImpl(vm, "rfind", args, nargs, kwnames, true));
  }

  static long indexMethod(VM vm, long args, int nargs, long kwnames) {
    int i = findImpl(vm, "index", args, nargs, kwnames, false);
    if (i < 0) {
      throw vm.valueError("substring not found");
    }
    return fromInt(i);
  }

  static long rindexMethod(VM vm, long args, int nargs, long kwnames) {
    int i = findImpl(vm, "rindex", args, nargs, kwnames, true);
    if (i < 0) {
      throw vm.valueError("substring not found");
    }
    return fromInt(i);
  }

  static long countMethod(VM vm, long args, int nargs, long kwnames) {
    long[] b = searchArgs(vm, "count", args, nargs, kwnames);
    if (b[0] > b[1]) {
      return fromInt(0);
    }
    return fromInt(count(self(args), arg(args, 1), (int) b[0], (int) b[1], Long.MAX_VALUE));
  }

  /** startswith / endswith (prefix[, start[, end]]), prefix a str or a tuple of str. */
  static long tailMatchMethod(VM vm, String name, long args, int nargs, long kwnames,
      boolean atEnd) {
    Sequences.noKeywords(vm, "str." + name, kwnames);
    Sequences.takesArgs(vm, name, nargs - 1, 1, 3);
    long s = self(args);
    long prefix = arg(args, 1);
    long start = nargs > 2 ? Sequences.optBound(vm, arg(args, 2), 0) : 0;
    long end = nargs > 3 ? Sequences.optBound(vm, arg(args, 3), Long.MAX_VALUE)
        : Long.MAX_VALUE;
    if (isStr(vm, prefix)) {
      return vm.bool(tailMatch(s, prefix, start, end, atEnd));
    }
    if (vm.isTuple(prefix)) {
      for (int i = 0; i < VM.tupleLen(prefix); i++) {
        long p = VM.tupleGet(prefix, i);
        if (!isStr(vm, p)) {
          throw vm.typeError("tuple for " + name + " must only contain str, not "
              + vm.typeNameOf(p));
        }
        if (tailMatch(s, p, start, end, atEnd)) {
          return vm.trueObj;
        }
      }
      return vm.falseObj;
    }
    throw vm.typeError(name + " first arg must be str or a tuple of str, not "
        + vm.typeNameOf(prefix));
  }

  static boolean tailMatch(long s, long sub, long start, long end, boolean atEnd) {
    long[] b = adjust(start, end, VM.strLen(s));
    int m = VM.strLen(sub);
    long e = b[1] - m;
    if (e < b[0]) {
      return false;
    }
    if (m == 0) {
      return true;
    }
    return regionMatches(s, (int) (atEnd ? e : b[0]), sub);
  }

  // ================================================================ methods: split and join
  private static final String[] SPLIT_NAMES = {"sep", "maxsplit"};

  static long splitMethod(VM vm, long args, int nargs, long kwnames, boolean right) {
    String fname = right ? "rsplit" : "split";
    long[] a = Sequences.parseArgs(vm, fname, args, nargs, kwnames, 1, SPLIT_NAMES, 0);
    long s = self(args);
    long sep = a[0] == 0 ? vm.none : a[0];
    long maxsplit = a[1] == 0 ? -1 : Sequences.ssizeArg(vm, a[1]);
    if (maxsplit < 0) {
      maxsplit = Long.MAX_VALUE;
    }
    if (sep == vm.none) {
      return right ? rsplitWhitespace(vm, s, maxsplit) : splitWhitespace(vm, s, maxsplit);
    }
    requireStrArg(vm, sep, "must be str or None, not ");
    if (VM.strLen(sep) == 0) {
      throw vm.valueError("empty separator");
    }
    return right ? rsplitSep(vm, s, sep, maxsplit) : splitSep(vm, s, sep, maxsplit);
  }

  /** s.split(sep, maxsplit) with a non-empty separator. */
  public static long splitSep(VM vm, long s, long sep, long maxsplit) {
    int n = VM.strLen(s);
    int m = VM.strLen(sep);
    long list = vm.newList(0);
    int i = 0;
    while (maxsplit-- > 0) {
      int p = find(s, sep, i, n);
      if (p < 0) {
        break;
      }
      vm.listAppend(list, sub(vm, s, i, p));
      i = p + m;
    }
    vm.listAppend(list, i == 0 ? s : sub(vm, s, i, n));
    return list;
  }

  static long rsplitSep(VM vm, long s, long sep, long maxsplit) {
    int m = VM.strLen(sep);
    long list = vm.newList(0);
    int end = VM.strLen(s);
    while (maxsplit-- > 0) {
      int p = rfind(s, sep, 0, end);
      if (p < 0) {
        break;
      }
      vm.listAppend(list, sub(vm, s, p + m, end));
      end = p;
    }
    vm.listAppend(list, end == VM.strLen(s) ? s : sub(vm, s, 0, end));
    reverseList(list);
    return list;
  }

  private static void reverseList(long list) {
    int n = VM.listLen(list);
    for (int i = 0, j = n - 1; i < j; i++, j--) {
      long t = VM.listGet(list, i);
      VM.listSet(list, i, VM.listGet(list, j));
      VM.listSet(list, j, t);
    }
  }

  /** s.split() on runs of whitespace. */
  public static long splitWhitespace(VM vm, long s, long maxsplit) {
    int n = VM.strLen(s);
    boolean w = VM.strWide(s);
    long list = vm.newList(0);
    int i = 0;
    while (maxsplit-- > 0) {
      while (i < n && StrOps.isSpace(cp(s, w, i))) {
        i++;
      }
      if (i == n) {
        return list;
      }
      int j = i++;
      while (i < n && !StrOps.isSpace(cp(s, w, i))) {
        i++;
      }
      vm.listAppend(list, j == 0 && i == n ? s : sub(vm, s, j, i));
    }
    while (i < n && StrOps.isSpace(cp(s, w, i))) {
      i++;
    }
    if (i < n) {
      vm.listAppend(list, sub(vm, s, i, n));
    }
    return list;
  }

  static long rsplitWhitespace(VM vm, long s, long maxsplit) {
    int n = VM.strLen(s);
    boolean w = VM.strWide(s);
    long list = vm.newList(0);
    int i = n;
    while (maxsplit-- > 0) {
      while (i > 0 && StrOps.isSpace(cp(s, w, i - 1))) {
        i--;
      }
      if (i == 0) {
        break;
      }
      int j = i--;
      while (i > 0 && !StrOps.isSpace(cp(s, w, i - 1))) {
        i--;
      }
      vm.listAppend(list, i == 0 && j == n ? s : sub(vm, s, i, j));
    }
    while (i > 0 && StrOps.isSpace(cp(s, w, i - 1))) {
      i--;
    }
    if (i > 0) {
      vm.listAppend(list, sub(vm, s, 0, i));
    }
    reverseList(list);
    return list;
  }

  static long joinMethod(VM vm, long args, int nargs, long kwnames) {
    Sequences.oneArg(vm, "str.join", nargs - 1, kwnames);
    return join(vm, self(args), arg(args, 1));
  }

  /** sep.join(iterable). */
  public static long join(VM vm, long sep, long iterable) {
    long seq = iterable;
    long mark = vm.handleMark();
    try {
      long items;
      int n;
      if ((seq & 1) == 0 && Mem.getLong(seq) == vm.tupleType) {
        items = seq + Layout.Tuple.ITEMS;
        n = VM.tupleLen(seq);
      } else {
        if (!((seq & 1) == 0 && Mem.getLong(seq) == vm.listType)) {
          seq = iterableToList(vm, iterable, "can only join an iterable");
          vm.pushHandle(seq);
        }
        n = VM.listLen(seq);
        items = n == 0 ? 0 : VM.listItems(seq);
      }
      return joinWords(vm, sep, items, n);
    } finally {
      vm.popHandles(mark);
    }
  }

  /** list(v) with a TypeError of the caller's wording when v is not iterable. */
  static long iterableToList(VM vm, long v, String message) {
    long it;
    try {
      it = Sequences.iterOf(vm, v);
    } catch (PyException e) {
      if (vm.isInstance(e.exc, vm.typeError)) {
        Sequences.clearPending(vm);
        throw vm.typeError(message);
      }
      throw e;
    }
    long mark = vm.handleMark();
    try {
      vm.pushHandle(it);
      long list = vm.newList(0);
      vm.pushHandle(list);
      Sequences.extendFromIterator(vm, list, it);
      return list;
    } finally {
      vm.popHandles(mark);
    }
  }

  /** Joins n strs at items with sep (no guest code runs, so addresses stay valid). */
  static long joinWords(VM vm, long sep, long items, int n) {
    if (n == 0) {
      return vm.emptyStr;
    }
    long total = 0;
    boolean wide = VM.strWide(sep);
    for (int i = 0; i < n; i++) {
      long item = Mem.getLong(items + 8L * i);
      if (!isStr(vm, item)) {
        throw vm.typeError("sequence item " + i + ": expected str instance, "
            + vm.typeNameOf(item) + " found");
      }
      total += VM.strLen(item);
      wide |= VM.strWide(item);
    }
    if (n == 1) {
      return Mem.getLong(items);
    }
    int sepLen = VM.strLen(sep);
    total += (long) sepLen * (n - 1);
    if (total * (wide ? 4 : 1) > Header.MAX_FIELD) {
      throw vm.raiseEmpty(vm.memoryError);
    }
    if (total == 0) {
      return vm.emptyStr;
    }
    long r = vm.alloc(vm.strType, Layout.Str.NSLOTS, wide ? 4 * total : total);
    Mem.putLong(r + Layout.Str.LENGTH, fromInt(total));
    long dst = r + DATA;
    int pos = 0;
    for (int i = 0; i < n; i++) {
      if (i > 0 && sepLen > 0) {
        pos = put(dst, pos, sep, wide);
      }
      pos = put(dst, pos, Mem.getLong(items + 8L * i), wide);
    }
    return r;
  }

  /** Copies s's code points to dst at code point position pos; returns the new position. */
  private static int put(long dst, int pos, long s, boolean wide) {
    int n = VM.strLen(s);
    if (n == 0) {
      return pos;
    }
    boolean sw = VM.strWide(s);
    if (!wide) {
      Mem.copy(s + DATA, dst + pos, n);
    } else if (sw) {
      Mem.copy(s + DATA, dst + 4L * pos, 4L * n);
    } else {
      long d = s + DATA;
      for (int i = 0; i < n; i++) {
        Mem.putInt(dst + 4L * (pos + i), Mem.getByte(d + i) & 0xFF);
      }
    }
    return pos + n;
  }

  static long partitionMethod(VM vm, long args, int nargs, long kwnames, boolean right) {
    Sequences.oneArg(vm, right ? "str.rpartition" : "str.partition", nargs - 1, kwnames);
    long s = self(args);
    long sep = requireStrArg(vm, arg(args, 1), "must be str, not ");
    int m = VM.strLen(sep);
    if (m == 0) {
      throw vm.valueError("empty separator");
    }
    int n = VM.strLen(s);
    int p = right ? rfind(s, sep, 0, n) : find(s, sep, 0, n);
    if (p < 0) {
      return right ? vm.tuple(vm.emptyStr, vm.emptyStr, s) : vm.tuple(s, vm.emptyStr, vm.emptyStr);
    }
    long before = sub(vm, s, 0, p);
    long after = sub(vm, s, p + m, n);
    return vm.tuple(before, sep, after);
  }

  static long splitlinesMethod(VM vm, long args, int nargs, long kwnames) {
    long[] a = Sequences.parseArgs(vm, "splitlines", args, nargs, kwnames, 1,
        new String[] {"keepends"}, 0);
    boolean keepends = a[0] != 0 && Sequences.intFlag(vm, a[0]);
    long s = self(args);
    String js = vm.str(s);
    List<String> parts = StrOps.splitlines(js, keepends);
    return javaList(vm, s, js, parts);
  }

  private static long javaList(VM vm, long s, String js, List<String> parts) {
    long list = vm.newList(parts.size());
    for (String p : parts) {
      vm.listAppend(list, result(vm, s, js, p));
    }
    return list;
  }

  // ================================================================ methods: strip, replace
  static long stripMethod(VM vm, String name, long args, int nargs, long kwnames, boolean left,
      boolean right) {
    Sequences.noKeywords(vm, "str." + name, kwnames);
    Sequences.expectedArgs(vm, name, nargs - 1, 0, 1);
    long chars = nargs > 1 ? arg(args, 1) : vm.none;
    if (chars != vm.none && !isStr(vm, chars)) {
      throw vm.typeError(name + " arg must be None or str");
    }
    return strip(vm, self(args), chars == vm.none ? 0 : chars, left, right);
  }

  /** Strips whitespace (chars NULL) or any code point of chars from either end. */
  public static long strip(VM vm, long s, long chars, boolean left, boolean right) {
    int n = VM.strLen(s);
    boolean w = VM.strWide(s);
    IntPredicate strip;
    if (chars == 0) {
      strip = StrOps::isSpace;
    } else {
      int nc = VM.strLen(chars);
      boolean cw = VM.strWide(chars);
      strip = c -> {
        for (int k = 0; k < nc; k++) {
          if (cp(chars, cw, k) == c) {
            return true;
          }
        }
        return false;
      };
    }
    int i = 0;
    int j = n;
    if (left) {
      while (i < j && strip.test(cp(s, w, i))) {
        i++;
      }
    }
    if (right) {
      while (j > i && strip.test(cp(s, w, j - 1))) {
        j--;
      }
    }
    if (i == 0 && j == n) {
      return s;
    }
    return sub(vm, s, i, j);
  }

  static long replaceMethod(VM vm, long args, int nargs, long kwnames) {
    Sequences.noKeywords(vm, "str.replace", kwnames);
    Sequences.expectedArgs(vm, "replace", nargs - 1, 2, 3);
    long s = self(args);
    long old = requireStrArg(vm, arg(args, 1), "replace() argument 1 must be str, not ");
    long rep = requireStrArg(vm, arg(args, 2), "replace() argument 2 must be str, not ");
    long count = nargs > 3 ? Sequences.ssizeArg(vm, arg(args, 3)) : -1;
    return replace(vm, s, old, rep, count);
  }

  /** s.replace(old, new, count); count < 0 replaces every occurrence. */
  public static long replace(VM vm, long s, long old, long rep, long maxCount) {
    if (maxCount < 0) {
      maxCount = Long.MAX_VALUE;
    }
    int n = VM.strLen(s);
    int m = VM.strLen(old);
    if (maxCount == 0) {
      return s;
    }
    if (m == 0) {
      String js = vm.str(s);
      try {
        return result(vm, s, js, StrOps.replace(js, "", vm.str(rep), maxCount));
      } catch (FormatError e) {
        throw convert(vm, e);
      }
    }
    long k = count(s, old, 0, n, maxCount);
    if (k == 0) {
      return s;
    }
    int r = VM.strLen(rep);
    long total = n + k * (r - m);
    boolean wide = VM.strWide(s) || VM.strWide(rep);
    if (total * (wide ? 4 : 1) > Header.MAX_FIELD) {
      throw vm.raiseEmpty(vm.memoryError);
    }
    if (total == 0) {
      return vm.emptyStr;
    }
    if (!wide && !VM.strWide(old)) {
      byte[] out = new byte[(int) total];
      byte[] repBytes = new byte[r];
      Mem.copyToArray(rep + DATA, repBytes, 0, r);
      int pos = 0;
      int i = 0;
      for (long c = 0; c < k; c++) {
        int p = find(s, old, i, n);
        Mem.copyToArray(s + DATA + i, out, pos, p - i);
        pos += p - i;
        System.arraycopy(repBytes, 0, out, pos, r);
        pos += r;
        i = p + m;
      }
      Mem.copyToArray(s + DATA + i, out, pos, n - i);
      return narrowStr(vm, out, (int) total);
    }
    int[] out = new int[(int) total];
    boolean sw = VM.strWide(s);
    boolean rw = VM.strWide(rep);
    int pos = 0;
    int i = 0;
    for (long c = 0; c < k; c++) {
      int p = find(s, old, i, n);
      for (int q = i; q < p; q++) {
        out[pos++] = cp(s, sw, q);
      }
      for (int q = 0; q < r; q++) {
        out[pos++] = cp(rep, rw, q);
      }
      i = p + m;
    }
    for (int q = i; q < n; q++) {
      out[pos++] = cp(s, sw, q);
    }
    return vm.newStr(out, 0, pos);
  }

  // ================================================================ methods: case, predicates
  /** Case mappings: ASCII-only strs are mapped here, everything else by StrOps. */
  static long caseMethod(VM vm, String name, long args, int nargs, long kwnames) {
    Sequences.noArgs(vm, "str." + name, nargs - 1, kwnames);
    long s = self(args);
    if ((name.equals("upper") || name.equals("lower")) && isAscii(s)) {
      boolean up = name.equals("upper");
      int n = VM.strLen(s);
      long d = s + DATA;
      byte[] out = null;
      for (int i = 0; i < n; i++) {
        int c = Mem.getByte(d + i);
        int mapped = up ? (c >= 'a' && c <= 'z' ? c - 32 : c) : (c >= 'A' && c <= 'Z' ? c + 32 : c);
        if (mapped != c && out == null) {
          out = new byte[n];
          Mem.copyToArray(d, out, 0, i);
        }
        if (out != null) {
          out[i] = (byte) mapped;
        }
      }
      return out == null ? s : narrowStr(vm, out, n);
    }
    String js = vm.str(s);
    String r;
    switch (name) {
      case "upper":
        r = StrOps.upper(js);
        break;
      case "lower":
        r = StrOps.lower(js);
        break;
      case "title":
        r = StrOps.title(js);
        break;
      case "capitalize":
        r = StrOps.capitalize(js);
        break;
      case "swapcase":
        r = StrOps.swapcase(js);
        break;
      default:
        r = StrOps.casefold(js);
        break;
    }
    return r.equals(js) ? s : result(vm, s, js, r);
  }

  static boolean isAscii(long s) {
    if (VM.strWide(s)) {
      return false;
    }
    int n = VM.strLen(s);
    long d = s + DATA;
    int i = 0;
    for (; i + 8 <= n; i += 8) {
      if ((Mem.getLong(d + i) & 0x8080808080808080L) != 0) {
        return false;
      }
    }
    for (; i < n; i++) {
      if (Mem.getByte(d + i) < 0) {
        return false;
      }
    }
    return true;
  }

  /** isdigit and friends: true when non-empty and every code point passes. */
  static long allMethod(VM vm, String name, long args, int nargs, long kwnames, IntPredicate p) {
    Sequences.noArgs(vm, "str." + name, nargs - 1, kwnames);
    long s = self(args);
    int n = VM.strLen(s);
    if (n == 0) {
      return vm.falseObj;
    }
    boolean w = VM.strWide(s);
    for (int i = 0; i < n; i++) {
      if (!p.test(cp(s, w, i))) {
        return vm.falseObj;
      }
    }
    return vm.trueObj;
  }

  static long predicateMethod(VM vm, String name, long args, int nargs, long kwnames,
      java.util.function.Predicate<String> p) {
    Sequences.noArgs(vm, "str." + name, nargs - 1, kwnames);
    return vm.bool(p.test(vm.str(self(args))));
  }

  // ================================================================ methods: padding
  private static int fillChar(VM vm, long v) {
    if (!isStr(vm, v)) {
      throw vm.typeError("The fill character must be a unicode character, not "
          + vm.typeNameOf(v));
    }
    if (VM.strLen(v) != 1) {
      throw vm.typeError("The fill character must be exactly one character long");
    }
    return VM.strCodePoint(v, 0);
  }

  static long padMethod(VM vm, String name, long args, int nargs, long kwnames) {
    Sequences.noKeywords(vm, "str." + name, kwnames);
    Sequences.expectedArgs(vm, name, nargs - 1, 1, 2);
    long s = self(args);
    long width = Sequences.ssizeArg(vm, arg(args, 1));
    int fill = nargs > 2 ? fillChar(vm, arg(args, 2)) : ' ';
    if (width <= VM.strLen(s)) {
      return s;
    }
    String js = vm.str(s);
    try {
      String r;
      switch (name) {
        case "center":
          r = StrOps.center(js, width, fill);
          break;
        case "ljust":
          r = StrOps.ljust(js, width, fill);
          break;
        default:
          r = StrOps.rjust(js, width, fill);
          break;
      }
      return result(vm, s, js, r);
    } catch (FormatError e) {
      throw convert(vm, e);
    }
  }

  static long zfillMethod(VM vm, long args, int nargs, long kwnames) {
    Sequences.oneArg(vm, "str.zfill", nargs - 1, kwnames);
    long s = self(args);
    long width = Sequences.ssizeArg(vm, arg(args, 1));
    if (width <= VM.strLen(s)) {
      return s;
    }
    String js = vm.str(s);
    try {
      return result(vm, s, js, StrOps.zfill(js, width));
    } catch (FormatError e) {
      throw convert(vm, e);
    }
  }

  static long expandtabsMethod(VM vm, long args, int nargs, long kwnames) {
    long[] a = Sequences.parseArgs(vm, "expandtabs", args, nargs, kwnames, 1,
        new String[] {"tabsize"}, 0);
    long tabsize = a[0] == 0 ? 8 : Sequences.ssizeArg(vm, a[0]);
    if (tabsize > Integer.MAX_VALUE || tabsize < Integer.MIN_VALUE) {
      throw vm.raise(vm.overflowError, "Python int too large to convert to C int");
    }
    long s = self(args);
    String js = vm.str(s);
    return result(vm, s, js, StrOps.expandtabs(js, tabsize));
  }

  static long affixMethod(VM vm, String name, long args, int nargs, long kwnames,
      boolean prefix) {
    Sequences.oneArg(vm, "str." + name, nargs - 1, kwnames);
    long s = self(args);
    long a = requireStrArg(vm, arg(args, 1), name + "() argument must be str, not ");
    int n = VM.strLen(s);
    int m = VM.strLen(a);
    if (m == 0 || m > n) {
      return s;
    }
    if (prefix) {
      return regionMatches(s, 0, a) ? sub(vm, s, m, n) : s;
    }
    return regionMatches(s, n - m, a) ? sub(vm, s, 0, n - m) : s;
  }

  // ================================================================ methods: format
  static long formatMethod(VM vm, long args, int nargs, long kwnames) {
    long s = self(args);
    int nkw = Sequences.kwCount(kwnames);
    int npos = nargs - 1 - nkw;
    long mark = vm.handleMark();
    try {
      List<GuestArg> positional = new ArrayList<>(npos);
      for (int i = 0; i < npos; i++) {
        positional.add(new GuestArg(vm, arg(args, 1 + i)));
      }
      Map<String, GuestArg> kw = null;
      if (nkw > 0) {
        kw = new HashMap<>();
        for (int k = 0; k < nkw; k++) {
          kw.put(vm.str(VM.tupleGet(kwnames, k)), new GuestArg(vm, arg(args, 1 + npos + k)));
        }
      }
      Map<String, GuestArg> kwFinal = kw;
      String r = StrFormat.format(vm.str(s), positional,
          kwFinal == null ? name -> null : kwFinal::get);
      return vm.newStr(r);
    } catch (FormatError e) {
      throw convert(vm, e);
    } finally {
      vm.popHandles(mark);
    }
  }

  static long formatMapMethod(VM vm, long args, int nargs, long kwnames) {
    Sequences.oneArg(vm, "str.format_map", nargs - 1, kwnames);
    long s = self(args);
    long mapping = arg(args, 1);
    long mark = vm.handleMark();
    try {
      GuestArg m = new GuestArg(vm, mapping);
      String r = StrFormat.format(vm.str(s), List.<GuestArg>of(), m::item);
      return vm.newStr(r);
    } catch (FormatError e) {
      throw convert(vm, e);
    } finally {
      vm.popHandles(mark);
    }
  }
}

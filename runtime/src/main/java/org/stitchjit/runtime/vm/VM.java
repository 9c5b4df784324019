package org.stitchjit.runtime.vm;

import static org.stitchjit.api.layout.Tag.fromInt;
import static org.stitchjit.api.layout.Tag.intValue;

import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.stitchjit.api.layout.Header;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Kind;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.heap.Collector;
import org.stitchjit.runtime.heap.Heap;

/**
 * One guest virtual machine: its native heap, thread state, frame stack, built-in types and
 * objects, and the helpers every part of the runtime uses to make and inspect guest values.
 *
 * <p>Conventions for code that works with guest values:
 *
 * <ul>
 *   <li>A guest value is a tagged {@code long} ({@link Tag}). Object addresses stay valid
 *       until the next safepoint; a collection only runs at a safepoint, which Java code reaches
 *       only by calling back into guest code ({@link #call} and friends). A fresh object held
 *       in a Java local across such a call must be pushed on the handle stack ({@link
 *       #pushHandle}) first; objects reachable from a frame (arguments, for example) need
 *       nothing.
 *   <li>Errors are guest exceptions: {@code throw vm.raise(vm.typeError, "...")}.
 * </ul>
 */
public final class VM implements AutoCloseable {
  public static final long DEFAULT_HEAP_LIMIT = 4L << 30;
  private static final long FRAME_STACK_BYTES = 256L << 20;
  private static final int HANDLE_STACK_WORDS = 1 << 20;

  public final Heap heap;
  public final Collector collector;
  /** Address of the native thread state ({@link Layout.ThreadState}). */
  public final long ts;

  private final long frameStackBase;
  private final long handleBase;
  private long handleTop;
  private final long handleLimit;

  // Immortal objects are roots: the Java side (interned strings, code mirrors, caches) refers
  // to them by address.
  private long[] immortals = new long[4096];
  private int immortalCount;

  private final Map<String, Long> interned = new HashMap<>();
  private final List<BuiltinImpl> builtinImpls = new ArrayList<>();
  /** Built-in function objects of the builtins and native modules, by address. */
  private final Map<Long, String> builtinNames = new HashMap<>();
  private BuiltinImpl[] builtinTable = new BuiltinImpl[0];
  /**
   * CodeInfo mirrors by code ID. Public so the interpreter loop can index it without a call
   * (nothing is inlined into Interpreter.run); read-only outside registerCodeMirror.
   */
  /**
   * Bumped whenever a built-in type's dict changes (defineMethod/defineAttr), which does not
   * change the type's VERSION: flushes Protocols' type-attribute cache.
   */
  public int typeDictEpoch;

  public Object[] codeMirrors = new Object[256];
  private int codeMirrorCount;
  private int nextTypeId;

  public PrintStream out;
  public PrintStream err;
  /** True when a JIT driver is attached (it watches dicts and types its code depends on). */
  public boolean jitOn;
  /** The objects compiled code embeds (types, functions, modules, constants), kept alive. */
  public org.stitchjit.runtime.heap.Collector.Roots jitRoots;
  /**
   * Told of a class whose instances may have raw float attributes from now on (NULL slots):
   * the JIT drops code that loads attributes without looking for them.
   */
  public LongConsumer rawFloatClass = type -> { };

  // ---------------------------------------------------------------- built-in types
  public long typeType;
  public long objectType;
  public long intType;
  public long boolType;
  public long floatType;
  public long strType;
  public long noneType;
  public long notImplementedType;
  public long ellipsisType;
  public long tupleType;
  public long listType;
  public long dictType;
  public long setType;
  public long frozensetType;
  public long rangeType;
  public long sliceType;
  public long functionType;
  public long codeType;
  public long cellType;
  public long methodType;
  public long builtinType;
  public long moduleType;
  public long generatorType;
  public long arrayType;
  public long shapeType;
  public long tracebackType;
  public long staticmethodType;
  public long classmethodType;
  public long propertyType;
  public long superType;
  public long listIteratorType;
  public long tupleIteratorType;
  public long rangeIteratorType;
  public long strIteratorType;
  public long dictKeysType;
  public long dictValuesType;
  public long dictItemsType;
  public long dictIteratorType;
  public long setIteratorType;
  public long seqIteratorType;
  public long enumerateType;
  public long zipType;
  public long mapType;
  public long filterType;
  public long reversedType;
  public long callIteratorType;
  public long rawType;

  // ---------------------------------------------------------------- singletons
  public long none;
  public long trueObj;
  public long falseObj;
  public long notImplemented;
  public long ellipsis;
  /** Marks a deleted set entry. */
  public long dummy;
  public long emptyTuple;
  public long emptyStr;

  // ---------------------------------------------------------------- exception types
  public long baseException;
  public long exception;
  public long systemExit;
  public long keyboardInterrupt;
  public long generatorExit;
  public long stopIteration;
  public long arithmeticError;
  public long zeroDivisionError;
  public long overflowError;
  public long assertionError;
  public long attributeError;
  public long lookupError;
  public long indexError;
  public long keyError;
  public long nameError;
  public long unboundLocalError;
  public long typeError;
  public long valueError;
  public long runtimeError;
  public long recursionError;
  public long notImplementedError;
  public long memoryError;
  public long importError;
  public long moduleNotFoundError;
  public long syntaxError;
  public long unicodeError;
  public long osError;
  public long eofError;
  public long floatingPointError;
  public long indentationError;
  /** Raised when the heap is exhausted: made in advance, since allocating it could fail. */
  public long memoryErrorInstance;

  /** The builtins module's dict. */
  public long builtins;
  /** Loaded modules by name (a dict): sys.modules. */
  public long modules;

  public Shapes shapes;

  /** Java behaviour of each built-in instance kind, indexed by {@link Kind}. */
  public final TypeOps[] kindOps = new TypeOps[Kind.OTHER + 1];

  /** Hooks the runtime's higher layers install (interpreter, object protocols). */
  public Runtime rt;

  public VM(long heapLimitBytes, PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
    ts = Mem.allocate(Layout.ThreadState.SIZE);
    Mem.zero(ts, Layout.ThreadState.SIZE);
    heap = new Heap(ts + Layout.ThreadState.GC_WANTED, heapLimitBytes);
    collector = new Collector(heap);
    frameStackBase = Mem.allocate(FRAME_STACK_BYTES);
    Mem.putLong(ts + Layout.ThreadState.STACK_TOP, frameStackBase);
    Mem.putLong(ts + Layout.ThreadState.STACK_LIMIT, frameStackBase + FRAME_STACK_BYTES);
    Mem.putLong(ts + Layout.ThreadState.RECURSION_LIMIT, 1000);
    handleBase = Mem.allocate(8L * HANDLE_STACK_WORDS);
    handleTop = handleBase;
    handleLimit = handleBase + 8L * HANDLE_STACK_WORDS;
    Bootstrap.createTypes(this);
  }

  // ================================================================ memory
  /** Allocates a heap object (slots NULL, raw bytes unset). */
  public long alloc(long type, long nslots, long rawBytes) {
    return heap.allocate(type, nslots, rawBytes, 0);
  }

  /** Allocates an object that is never freed and is a GC root (types, code, interned str). */
  public long allocImmortal(long type, long nslots, long rawBytes) {
    long obj = heap.allocate(type, nslots, rawBytes, Header.IMMORTAL);
    if (immortalCount == immortals.length) {
      immortals = java.util.Arrays.copyOf(immortals, immortalCount * 2);
    }
    immortals[immortalCount++] = obj;
    return obj;
  }

  /** Makes an existing object immortal (a root forever). */
  public void makeImmortal(long obj) {
    long meta = Mem.getLong(obj + Header.META);
    if ((meta & Header.IMMORTAL) != 0) {
      return;
    }
    Mem.putLong(obj + Header.META, meta | Header.IMMORTAL);
    if (immortalCount == immortals.length) {
      immortals = java.util.Arrays.copyOf(immortals, immortalCount * 2);
    }
    immortals[immortalCount++] = obj;
  }

  public static long get(long obj, long offset) {
    return Mem.getLong(obj + offset);
  }

  public static void set(long obj, long offset, long value) {
    Mem.putLong(obj + offset, value);
  }

  public static int slotCount(long obj) {
    return Header.slots(Mem.getLong(obj + Header.META));
  }

  public static int rawBytes(long obj) {
    return Header.rawBytes(Mem.getLong(obj + Header.META));
  }

  // ================================================================ handle stack
  /** The current handle-stack mark, to pass to {@link #popHandles}. */
  public long handleMark() {
    return handleTop;
  }

  /** Keeps v alive until popped; returns the address of its handle cell. */
  public long pushHandle(long v) {
    if (handleTop == handleLimit) {
      throw raise(memoryError, "handle stack exhausted");
    }
    long cell = handleTop;
    Mem.putLong(cell, v);
    handleTop += 8;
    return cell;
  }

  public void popHandles(long mark) {
    handleTop = mark;
  }

  // ================================================================ safepoints and roots
  /** True when the allocator asks for a collection. */
  public boolean gcWanted() {
    return Mem.getLong(ts + Layout.ThreadState.GC_WANTED) != 0;
  }

  /** Collects now; call only at a safepoint, with every frame's SP saved. */
  public void collectGarbage() {
    collector.collect(this::enumerateRoots);
  }

  private void enumerateRoots(Collector c) {
    for (int i = 0; i < immortalCount; i++) {
      c.markValue(immortals[i]);
    }
    if (jitRoots != null) {
      jitRoots.enumerate(c);
    }
    c.markValue(Mem.getLong(ts + Layout.ThreadState.HANDLED_EXC));
    c.markValue(Mem.getLong(ts + Layout.ThreadState.PENDING_EXC));
    c.markWords(handleBase, (handleTop - handleBase) / 8);
    long frame = Mem.getLong(ts + Layout.ThreadState.CURRENT_FRAME);
    while (frame != 0) {
      c.markFrame(frame);
      frame = Tag.wordToRaw(Mem.getLong(frame + Layout.Frame.PREVIOUS));
    }
    if (rt != null) {
      rt.enumerateExtraRoots(c);
    }
  }

  // ================================================================ types
  public long typeOf(long v) {
    return (v & 1) != 0 ? intType : Mem.getLong(v);
  }

  /** The instance kind of v's type ({@link Kind}). */
  public int kindOf(long v) {
    return (v & 1) != 0 ? Kind.INT : (int) intValue(Mem.getLong(Mem.getLong(v) + Layout.Type.KIND));
  }

  public static int typeKind(long type) {
    return (int) intValue(Mem.getLong(type + Layout.Type.KIND));
  }

  public static int typeFlags(long type) {
    return (int) intValue(Mem.getLong(type + Layout.Type.FLAGS));
  }

  /** True when type is base or derives from it (walks the single-inheritance chain). */
  public static boolean isSubtype(long type, long base) {
    for (long t = type; t != 0; t = Mem.getLong(t + Layout.Type.BASE)) {
      if (t == base) {
        return true;
      }
    }
    return false;
  }

  public boolean isInstance(long v, long type) {
    return isSubtype(typeOf(v), type);
  }

  public String typeName(long type) {
    return str(Mem.getLong(type + Layout.Type.NAME));
  }

  /** The type name of a value, as CPython's error messages quote it. */
  public String typeNameOf(long v) {
    return typeName(typeOf(v));
  }

  public boolean isType(long v) {
    return (v & 1) == 0 && typeKind(Mem.getLong(v)) == Kind.TYPE;
  }

  int newTypeId() {
    return nextTypeId++;
  }

  // ================================================================ str
  /** A new str with the given contents. */
  public long newStr(String s) {
    int n = s.codePointCount(0, s.length());
    boolean wide = false;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0xFF) {
        wide = true;
        break;
      }
    }
    long obj;
    if (!wide) {
      obj = alloc(strType, Layout.Str.NSLOTS, n);
      byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
      Mem.copyFromArray(bytes, 0, obj + Layout.Str.DATA, n);
    } else {
      obj = alloc(strType, Layout.Str.NSLOTS, 4L * n);
      long p = obj + Layout.Str.DATA;
      for (int i = 0; i < s.length(); ) {
        int cp = s.codePointAt(i);
        Mem.putInt(p, cp);
        p += 4;
        i += Character.charCount(cp);
      }
    }
    Mem.putLong(obj + Layout.Str.LENGTH, fromInt(n));
    return obj;
  }

  /** A str of code points (any values), wide only when needed. */
  public long newStr(int[] cps, int from, int count) {
    boolean wide = false;
    for (int i = from; i < from + count; i++) {
      if (cps[i] > 0xFF) {
        wide = true;
        break;
      }
    }
    long obj = alloc(strType, Layout.Str.NSLOTS, wide ? 4L * count : count);
    long p = obj + Layout.Str.DATA;
    if (wide) {
      Mem.copyFromArray(cps, from, p, count);
    } else {
      for (int i = 0; i < count; i++) {
        Mem.putByte(p + i, (byte) cps[from + i]);
      }
    }
    Mem.putLong(obj + Layout.Str.LENGTH, fromInt(count));
    return obj;
  }

  private final long[] charStrs = new long[256];

  /** The one-character str for a code point (shared for Latin-1). */
  public long charStr(int cp) {
    if (cp < 256) {
      long s = charStrs[cp];
      if (s == 0) {
        s = intern(new String(Character.toChars(cp)));
        charStrs[cp] = s;
      }
      return s;
    }
    return newStr(new int[] {cp}, 0, 1);
  }

  /** An immortal, unique str for s: names, attribute keys, constants. */
  public long intern(String s) {
    Long existing = interned.get(s);
    if (existing != null) {
      return existing;
    }
    long obj = newStr(s);
    makeImmortal(obj);
    interned.put(s, obj);
    return obj;
  }

  public static int strLen(long s) {
    return (int) intValue(Mem.getLong(s + Layout.Str.LENGTH));
  }

  /** True when the str stores four bytes per code point. */
  public static boolean strWide(long s) {
    int n = strLen(s);
    return n > 0 && rawBytes(s) == 4 * n;
  }

  public static int strCodePoint(long s, int i) {
    long data = s + Layout.Str.DATA;
    return strWide(s) ? Mem.getInt(data + 4L * i) : Mem.getByte(data + i) & 0xFF;
  }

  /** The Java string of a str object. */
  public String str(long s) {
    int n = strLen(s);
    long data = s + Layout.Str.DATA;
    if (!strWide(s)) {
      byte[] bytes = new byte[n];
      Mem.copyToArray(data, bytes, 0, n);
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
    int[] cps = new int[n];
    Mem.copyToArray(data, cps, 0, n);
    return new String(cps, 0, n);
  }

  public boolean isStr(long v) {
    return (v & 1) == 0 && (Mem.getLong(v) == strType || kindOf(v) == Kind.STR);
  }

  // ================================================================ int
  /** An int from a Java long: a small int when it fits, else a big int object. */
  public long newInt(long n) {
    if (Tag.fitsSmall(n)) {
      return fromInt(n);
    }
    return newBigInt(BigInteger.valueOf(n));
  }

  /** An int from a BigInteger, normalized to a small int when it fits. */
  public long newInt(BigInteger n) {
    if (n.bitLength() < 63) {
      long l = n.longValue();
      if (Tag.fitsSmall(l)) {
        return fromInt(l);
      }
    }
    return newBigInt(n);
  }

  private long newBigInt(BigInteger n) {
    byte[] bytes = n.toByteArray();
    long obj = alloc(intType, 0, bytes.length);
    Mem.copyFromArray(bytes, 0, obj + Layout.BigInt.BYTES, bytes.length);
    return obj;
  }

  /** True for int, bool and their subclasses. */
  public boolean isInt(long v) {
    if ((v & 1) != 0) {
      return true;
    }
    int k = kindOf(v);
    return k == Kind.INT || k == Kind.BOOL;
  }

  /** The value of an int (or bool) as a BigInteger. */
  public BigInteger toBig(long v) {
    if ((v & 1) != 0) {
      return BigInteger.valueOf(intValue(v));
    }
    if (kindOf(v) == Kind.BOOL) {
      return BigInteger.valueOf(intValue(Mem.getLong(v + Layout.Bool.VALUE)));
    }
    int n = rawBytes(v);
    byte[] bytes = new byte[n];
    Mem.copyToArray(v + Layout.BigInt.BYTES, bytes, 0, n);
    return new BigInteger(bytes);
  }

  /** True when the int (or bool) fits in a Java long. */
  public boolean fitsLong(long v) {
    return (v & 1) != 0 || kindOf(v) == Kind.BOOL || toBig(v).bitLength() < 64;
  }

  /** The value of an int or bool as a long; OverflowError when it does not fit. */
  public long toLong(long v) {
    if ((v & 1) != 0) {
      return intValue(v);
    }
    if (kindOf(v) == Kind.BOOL) {
      return intValue(Mem.getLong(v + Layout.Bool.VALUE));
    }
    BigInteger b = toBig(v);
    if (b.bitLength() >= 64) {
      throw raise(overflowError, "Python int too large to convert to C long");
    }
    return b.longValue();
  }

  /** An index argument: int or bool as int, else TypeError in CPython's words. */
  public long toIndex(long v) {
    if (!isInt(v)) {
      if (rt != null) {
        return rt.index(v);
      }
      throw raise(typeError, "'" + typeNameOf(v) + "' object cannot be interpreted as an integer");
    }
    return toLong(v);
  }

  // ================================================================ float
  public long newFloat(double d) {
    return holding(heap.allocate(floatType, 0, Layout.Float.RAW, 0), d);
  }

  /** A float boxing a raw double compiled code leaves, even past the heap limit. */
  public long boxRawFloat(double d) {
    return holding(heap.allocatePastLimit(floatType, 0, Layout.Float.RAW, 0), d);
  }

  // ================================================================ instance attribute values
  /**
   * A values array for an instance's attributes with room for cap of them; with raw words
   * (Layout.Array) when {@code raw}: compiled code keeps float attributes raw there.
   */
  public long newValues(int cap, boolean raw) {
    return alloc(arrayType, cap, raw ? Layout.Array.valuesRawBytes(cap) : 0);
  }

  /** Whether values has a raw word per slot (Layout.Array). */
  public static boolean hasRawWords(long values) {
    return Header.rawBytes(Mem.getLong(values + Header.META))
        >= Layout.Array.valuesRawBytes(slotCount(values));
  }

  /**
   * Gives obj, whose attrs header is at attrs, a values array with raw words, the same values
   * in it: the first raw store into an instance made before its class had raw floats does this
   * (_STORE_ATTR_SLOT_RAW escapes), and marks the class (TypeFlags.RAW_FLOAT_ATTRS) so that its
   * new instances have the words from the start. Only classes whose floats compiled code keeps
   * raw pay for the words. Past the heap limit if it must, as boxing a raw float is: the store
   * raises nothing.
   */
  public long addRawWords(long obj, long attrs) {
    long type = Mem.getLong(obj);
    int flags = typeFlags(type);
    if ((flags & Layout.TypeFlags.RAW_FLOAT_ATTRS) == 0) {
      // Before the first NULL slot of the class's instances.
      Mem.putLong(type + Layout.Type.FLAGS, Tag.fromInt(flags | Layout.TypeFlags.RAW_FLOAT_ATTRS));
      rawFloatClass.accept(type);
    }
    long values = Mem.getLong(attrs + Layout.Attrs.VALUES);
    int cap = slotCount(values);
    long fresh = heap.allocatePastLimit(arrayType, cap, Layout.Array.valuesRawBytes(cap), 0);
    Mem.copy(values + Layout.Array.ITEMS, fresh + Layout.Array.ITEMS, 8L * cap);
    Mem.putLong(attrs + Layout.Attrs.VALUES, fresh);
    return fresh;
  }

  /**
   * Attribute i of values: its slot, or, when compiled code left the attribute a raw float
   * (a NULL slot), a float boxing the raw word, which the slot keeps from then on so that the
   * attribute stays one object (Layout.Array).
   */
  public long attrValue(long values, int i) {
    long v = Mem.getLong(values + Layout.Array.ITEMS + 8L * i);
    return v != 0 ? v : boxAttr(values, i);
  }

  /** The box of raw attribute i of values, kept in its slot. */
  private long boxAttr(long values, int i) {
    long box = boxRawFloat(Mem.getDouble(values + Layout.Array.rawItem(slotCount(values), i)));
    Mem.putLong(values + Layout.Array.ITEMS + 8L * i, box);
    return box;
  }

  /** A newly allocated float cell, counted and holding d. */
  private long holding(long obj, double d) {
    heap.countFloat();
    Mem.putDouble(obj + Layout.Float.VALUE, d);
    return obj;
  }

  public static double floatValue(long f) {
    return Mem.getDouble(f + Layout.Float.VALUE);
  }

  public boolean isFloat(long v) {
    return (v & 1) == 0 && (Mem.getLong(v) == floatType || kindOf(v) == Kind.FLOAT);
  }

  // ================================================================ bool, None
  public long bool(boolean b) {
    return b ? trueObj : falseObj;
  }

  // ================================================================ tuple
  /** A tuple of n NULL items, to be filled with {@link #tupleSet} before the next safepoint. */
  public long newTuple(int n) {
    if (n == 0 && emptyTuple != 0) {
      return emptyTuple;
    }
    return alloc(tupleType, n, 0);
  }

  public long tuple(long... items) {
    long t = newTuple(items.length);
    for (int i = 0; i < items.length; i++) {
      tupleSet(t, i, items[i]);
    }
    return t;
  }

  public static int tupleLen(long t) {
    return slotCount(t);
  }

  public static long tupleGet(long t, int i) {
    return Mem.getLong(t + Layout.Tuple.ITEMS + 8L * i);
  }

  public static void tupleSet(long t, int i, long v) {
    Mem.putLong(t + Layout.Tuple.ITEMS + 8L * i, v);
  }

  /** A tuple holding the words at [address, address + 8n). */
  public long tupleFromWords(long address, int n) {
    long t = newTuple(n);
    if (n > 0) {
      Mem.copy(address, t + Layout.Tuple.ITEMS, 8L * n);
    }
    return t;
  }

  // ================================================================ list
  public long newList(int capacity) {
    long list = alloc(listType, Layout.List.NSLOTS, 0);
    Mem.putLong(list + Layout.List.SIZE, fromInt(0));
    if (capacity > 0) {
      Mem.putLong(list + Layout.List.ITEMS, alloc(arrayType, capacity, 0));
    }
    return list;
  }

  public static int listLen(long list) {
    return (int) intValue(Mem.getLong(list + Layout.List.SIZE));
  }

  /** Address of the first item (valid until the list grows). */
  public static long listItems(long list) {
    return Mem.getLong(list + Layout.List.ITEMS) + Layout.Array.ITEMS;
  }

  public static long listGet(long list, int i) {
    return Mem.getLong(listItems(list) + 8L * i);
  }

  public static void listSet(long list, int i, long v) {
    Mem.putLong(listItems(list) + 8L * i, v);
  }

  public static int listCapacity(long list) {
    long items = Mem.getLong(list + Layout.List.ITEMS);
    return items == 0 ? 0 : slotCount(items);
  }

  /** Makes room for at least n items, growing by about 1/8 plus a constant like CPython. */
  public void listReserve(long list, int n) {
    long items = Mem.getLong(list + Layout.List.ITEMS);
    int cap = items == 0 ? 0 : slotCount(items);
    if (n <= cap) {
      return;
    }
    long newCap = Math.max(n, (long) n + (n >> 3) + (n < 9 ? 3 : 6));
    if (newCap > Header.MAX_FIELD) {
      throw raise(memoryError, "");
    }
    long fresh = alloc(arrayType, newCap, 0);
    int size = listLen(list);
    if (size > 0) {
      Mem.copy(items + Layout.Array.ITEMS, fresh + Layout.Array.ITEMS, 8L * size);
    }
    Mem.putLong(list + Layout.List.ITEMS, fresh);
  }

  public void listAppend(long list, long v) {
    int n = listLen(list);
    long items = Mem.getLong(list + Layout.List.ITEMS);
    if (items == 0 || slotCount(items) == n) {
      listReserve(list, n + 1);
      items = Mem.getLong(list + Layout.List.ITEMS);
    }
    Mem.putLong(items + Layout.Array.ITEMS + 8L * n, v);
    Mem.putLong(list + Layout.List.SIZE, fromInt(n + 1));
  }

  public static void listSetSize(long list, int n) {
    Mem.putLong(list + Layout.List.SIZE, fromInt(n));
  }

  /** A list holding the words at [address, address + 8n). */
  public long listFromWords(long address, int n) {
    long list = newList(n);
    if (n > 0) {
      Mem.copy(address, listItems(list), 8L * n);
    }
    listSetSize(list, n);
    return list;
  }

  public boolean isList(long v) {
    return (v & 1) == 0 && (Mem.getLong(v) == listType || kindOf(v) == Kind.LIST);
  }

  public boolean isTuple(long v) {
    return (v & 1) == 0 && (Mem.getLong(v) == tupleType || kindOf(v) == Kind.TUPLE);
  }

  public boolean isDict(long v) {
    return (v & 1) == 0 && (Mem.getLong(v) == dictType || kindOf(v) == Kind.DICT);
  }

  // ================================================================ dict (see Dicts)
  public long newDict() {
    return Dicts.newDict(this, dictType, 0);
  }

  // ================================================================ exceptions
  /** A new exception instance of type with args (a tuple). */
  public long newException(long type, long args) {
    long attrOffset = intValue(Mem.getLong(type + Layout.Type.ATTR_OFFSET));
    long nslots = intValue(Mem.getLong(type + Layout.Type.INSTANCE_SLOTS));
    long exc = alloc(type, nslots, 0);
    Mem.putLong(exc + Layout.Exc.ARGS, args);
    Mem.putLong(exc + Layout.Exc.SUPPRESS_CONTEXT, falseObj);
    if (attrOffset != 0) {
      Mem.putLong(exc + attrOffset + Layout.Attrs.SHAPE, Mem.getLong(type + Layout.Type.ROOT_SHAPE));
    }
    return exc;
  }

  /** A guest exception of the given type with a message, ready to throw. */
  public PyException raise(long type, String message) {
    long args = tuple(newStr(message));
    return raiseObject(newException(type, args));
  }

  /** Throws an existing exception object. */
  public PyException raiseObject(long exc) {
    Mem.putLong(ts + Layout.ThreadState.PENDING_EXC, exc);
    return new PyException(exc);
  }

  public PyException typeError(String message) {
    return raise(typeError, message);
  }

  public PyException valueError(String message) {
    return raise(valueError, message);
  }

  /** An exception of type with no arguments. */
  public PyException raiseEmpty(long type) {
    return raiseObject(newException(type, emptyTuple));
  }

  // ================================================================ built-in functions
  /** Registers a Java implementation; returns its id for a builtin object. */
  public int registerBuiltin(String name, BuiltinImpl impl) {
    builtinImpls.add(impl);
    builtinTable = builtinImpls.toArray(new BuiltinImpl[0]);
    return builtinImpls.size() - 1;
  }

  /** A new immortal built-in function object. */
  public long newBuiltin(String name, BuiltinImpl impl) {
    int id = registerBuiltin(name, impl);
    long b = allocImmortal(builtinType, Layout.Builtin.NSLOTS, 0);
    Mem.putLong(b + Layout.Builtin.NAME, intern(name));
    Mem.putLong(b + Layout.Builtin.ID, fromInt(id));
    return b;
  }

  public BuiltinImpl builtinImpl(long builtin) {
    return builtinTable[(int) intValue(Mem.getLong(builtin + Layout.Builtin.ID))];
  }

  /** Defines name in the builtins module. */
  public void defineBuiltin(String name, BuiltinImpl impl) {
    long b = newBuiltin(name, impl);
    builtinNames.put(b, name);
    Dicts.setItemStr(this, builtins, intern(name), b);
  }

  /** Defines a method (receiver in args[0]) in a type's dict. */
  public void defineMethod(long type, String name, BuiltinImpl impl) {
    typeDictEpoch++;
    long b = newBuiltin(name, impl);
    builtinNames.put(b, str(get(type, Layout.Type.NAME)) + "." + name);
    Dicts.setItemStr(this, get(type, Layout.Type.DICT), intern(name), b);
  }

  /** Puts a value in a type's dict. */
  public void defineAttr(long type, String name, long value) {
    typeDictEpoch++;
    Dicts.setItemStr(this, get(type, Layout.Type.DICT), intern(name), value);
  }

  // ================================================================ modules
  private final Map<String, java.util.function.LongConsumer> nativeModules = new HashMap<>();

  /** A new module object named name, with __name__ set in its dict. */
  public long newModule(String name) {
    long m = alloc(moduleType, Layout.Module.NSLOTS, 0);
    long dict = newDict();
    Mem.putLong(m + Layout.Module.NAME, intern(name));
    Mem.putLong(m + Layout.Module.DICT, dict);
    Dicts.setItemStr(this, dict, intern("__name__"), intern(name));
    return m;
  }

  /**
   * Registers a module implemented in Java: the first import of name creates the module and
   * passes its dict to init, which fills it (with {@link #newBuiltin}, values, types).
   */
  public void addNativeModule(String name, java.util.function.LongConsumer init) {
    nativeModules.put(name, d -> {
      init.accept(d);
      for (int i = 0; i < Dicts.filled(d); i++) {
        long v = Dicts.entryKey(d, i) == 0 ? 0 : Dicts.entryValue(d, i);
        if (v != 0 && (v & 1) == 0 && Mem.getLong(v) == builtinType) {
          builtinNames.putIfAbsent(v, name + "." + str(Dicts.entryKey(d, i)));
        }
      }
    });
  }

  /**
   * The qualified name of a built-in function or method this VM defines ("len", "math.sqrt",
   * "list.append"), or null for any other object: what the JIT's intrinsics know a callee by.
   */
  public String builtinName(long builtin) {
    return builtinNames.get(builtin);
  }

  /** The initializer of a native module, or null. */
  public java.util.function.LongConsumer nativeModule(String name) {
    return nativeModules.get(name);
  }

  /** Command-line arguments for sys.argv (set by the launcher before running). */
  public java.util.List<String> argv = java.util.List.of("");

  // ================================================================ code mirrors
  /** Registers the Java-side mirror of a code object; returns its id. */
  public int registerCodeMirror(Object mirror) {
    if (codeMirrorCount == codeMirrors.length) {
      codeMirrors = java.util.Arrays.copyOf(codeMirrors, codeMirrorCount * 2);
    }
    codeMirrors[codeMirrorCount] = mirror;
    return codeMirrorCount++;
  }

  public Object codeMirror(int id) {
    return codeMirrors[id];
  }

  // ================================================================ protocols (rt)
  /** callable(*args). */
  public long call(long callable, long... args) {
    return rt.call(callable, args);
  }

  public String reprJava(long v) {
    return str(rt.repr(v));
  }

  public String strJava(long v) {
    return str(rt.str(v));
  }

  /** Installs the Java behaviour of a built-in kind. */
  public void setKindOps(int kind, TypeOps ops) {
    kindOps[kind] = ops;
  }

  public TypeOps opsOf(long v) {
    return kindOps[kindOf(v)];
  }

  public boolean isTrue(long v) {
    if (v == trueObj) {
      return true;
    }
    if (v == falseObj || v == none) {
      return false;
    }
    return rt.isTrue(v);
  }

  /** Every built-in exception type, for binding their names in builtins. */
  public long[] exceptionTypes() {
    return Bootstrap.exceptionTypes(this);
  }

  // ================================================================ lifecycle
  public long frameStackBase() {
    return frameStackBase;
  }

  @Override
  public void close() {
    heap.close();
    Mem.free(frameStackBase);
    Mem.free(handleBase);
    Mem.free(ts);
  }
}

package org.stitchjit.api.layout;

import static org.stitchjit.api.layout.Header.slot;

/**
 * The native layout of every guest object, of frames and of the thread state: the one place
 * that says where things are. The interpreter, the collector and (later) the JIT backends read
 * offsets from here; the C header for stencils is generated from this class.
 *
 * <p>Offsets are byte offsets from the object's address. Every field listed as a slot holds a
 * tagged value (a small int, an object pointer, or NULL), so the collector can scan it; counts
 * and versions are stored as small ints. Raw data (string characters, a float's bits, a big
 * int's bytes, bytecode, hash indexes) follows the slots.
 */
public final class Layout {
  private Layout() {}

  /** Type objects. Built-in types are immortal; classes are ordinary heap objects. */
  public static final class Type {
    public static final long NAME = slot(0);
    /** The single base class (NULL only for object). */
    public static final long BASE = slot(1);
    /** Class attributes: a dict. */
    public static final long DICT = slot(2);
    /** Method resolution order: a tuple starting with the type itself. */
    public static final long MRO = slot(3);
    /** Bumped whenever the type's or a base's attributes change; caches guard on it. */
    public static final long VERSION = slot(4);
    /** {@link TypeFlags}. */
    public static final long FLAGS = slot(5);
    /** What instances look like: one of {@link Kind}. */
    public static final long KIND = slot(6);
    /** The empty shape of instances, or NULL if instances carry no attributes. */
    public static final long ROOT_SHAPE = slot(7);
    /**
     * Byte offset of the (shape, values) pair in instances, or 0 when instances carry no
     * attributes.
     */
    public static final long ATTR_OFFSET = slot(8);
    /** Index of the type's Java-side mirror in the VM. */
    public static final long ID = slot(9);
    /** Slot count of a fresh instance. */
    public static final long INSTANCE_SLOTS = slot(10);
    public static final long QUALNAME = slot(11);
    public static final long MODULE = slot(12);
    /**
     * Capacity of the values array a new instance starts with: the most attributes an
     * instance of the class has needed so far, so stores in __init__ do not reallocate.
     */
    public static final long ATTR_CAPACITY = slot(13);
    public static final int NSLOTS = 14;
  }

  /** Type flag bits (stored as a small int in {@link Type#FLAGS}). */
  public static final class TypeFlags {
    /** A class statement made it. */
    public static final int HEAPTYPE = 1;
    /** Subclassing allowed. */
    public static final int BASETYPE = 1 << 1;
    /** Instances' raw bytes hold a frame the collector must scan. */
    public static final int HAS_FRAME = 1 << 2;
    /** Has abstract methods left unimplemented (abc). */
    public static final int ABSTRACT = 1 << 3;
    /** The type or a base defines __eq__/__hash__ etc. in Python: no identity fast paths. */
    public static final int CUSTOM_EQ = 1 << 4;
    /** The class and all its Python bases declare __slots__: other attributes are refused. */
    public static final int SLOTS = 1 << 5;
    /**
     * Compiled code has kept a float attribute raw in an instance (Array.rawItem): new instances
     * get values arrays with raw words from the start, so their raw stores need no new array.
     */
    public static final int RAW_FLOAT_ATTRS = 1 << 6;

    private TypeFlags() {}
  }

  /**
   * Instance kinds: what the slots of an instance mean. A class inherits the kind of its
   * built-in base (object, list, dict, BaseException); its instances add a (shape, values) pair
   * at {@link Type#ATTR_OFFSET}.
   */
  public static final class Kind {
    public static final int OBJECT = 0;
    public static final int INT = 1;
    public static final int FLOAT = 2;
    public static final int STR = 3;
    public static final int BOOL = 4;
    public static final int NONE = 5;
    public static final int TUPLE = 6;
    public static final int LIST = 7;
    public static final int DICT = 8;
    public static final int SET = 9;
    public static final int FROZENSET = 10;
    public static final int TYPE = 11;
    public static final int FUNCTION = 12;
    public static final int CODE = 13;
    public static final int CELL = 14;
    public static final int METHOD = 15;
    public static final int BUILTIN = 16;
    public static final int MODULE = 17;
    public static final int EXCEPTION = 18;
    public static final int GENERATOR = 19;
    public static final int RANGE = 20;
    public static final int SLICE = 21;
    public static final int ARRAY = 22;
    public static final int ITERATOR = 23;
    public static final int SHAPE = 24;
    public static final int DICT_VIEW = 25;
    public static final int DICT_ITERATOR = 26;
    public static final int SET_ITERATOR = 27;
    /** Internal and rarely used types with no Java behaviour of their own. */
    public static final int OTHER = 28;

    private Kind() {}
  }

  /**
   * Shapes (hidden classes): the attribute names an instance has, in the order of its values
   * array. Shapes form a tree per class; adding an attribute moves an instance to a child
   * shape. Shapes are immortal, so caches and compiled code may embed them.
   */
  public static final class Shape {
    public static final long CLS = slot(0);
    public static final long PARENT = slot(1);
    /** The attribute this shape adds to its parent (NULL for a root shape). */
    public static final long KEY = slot(2);
    /** Number of attributes; the added attribute lives at index COUNT - 1. */
    public static final long COUNT = slot(3);
    public static final long ID = slot(4);
    public static final int NSLOTS = 5;
  }

  /** The (shape, values) pair of an instance, relative to {@link Type#ATTR_OFFSET}. */
  public static final class Attrs {
    public static final long SHAPE = 0;
    /** An {@link Array} of attribute values in shape order, or NULL. */
    public static final long VALUES = 8;
    public static final int NSLOTS = 2;
  }

  /** A plain instance of a class whose built-in base is object. */
  public static final class Instance {
    public static final long SHAPE = slot(0);
    public static final long VALUES = slot(1);
    public static final int NSLOTS = 2;
  }

  /**
   * Internal growable storage: every slot is an element; the owner tracks the length.
   *
   * <p>An instance's values array ({@link Attrs#VALUES}) has a raw word per slot after its
   * slots ({@link #valuesRawBytes}): a float attribute that compiled code stored without
   * boxing it has a NULL slot and its IEEE bits in raw word {@link #rawItem} of its index. The
   * first read that needs the object boxes it and keeps the box in the slot, so the attribute
   * is one object from then on (decision 7, "Float attributes"). The collector scans only the
   * slots, so it never sees the raw words.
   */
  public static final class Array {
    public static final long ITEMS = slot(0);

    /** The raw bytes of an instance's values array of {@code slots} slots: a word per slot. */
    public static long valuesRawBytes(int slots) {
      return 8L * slots;
    }

    /** The offset of raw word {@code index} of an array of {@code slots} slots. */
    public static long rawItem(int slots, int index) {
      return Header.rawOffset(slots) + 8L * index;
    }
  }

  /** A float: the IEEE double in the raw bytes. */
  public static final class Float {
    public static final long VALUE = Header.rawOffset(0);
    public static final int RAW = 8;
  }

  /** An int outside the small range: two's-complement big-endian bytes in the raw bytes. */
  public static final class BigInt {
    public static final long BYTES = Header.rawOffset(0);
  }

  /**
   * A str: code points, one byte each when all are below 256, else four bytes each (the
   * raw byte count tells which).
   */
  public static final class Str {
    public static final long LENGTH = slot(0);
    /** Cached hash as a small int, NULL until computed. */
    public static final long HASH = slot(1);
    public static final int NSLOTS = 2;
    public static final long DATA = Header.rawOffset(NSLOTS);
  }

  /** bool: True and False are immortal; VALUE is 0 or 1. */
  public static final class Bool {
    public static final long VALUE = slot(0);
    public static final int NSLOTS = 1;
  }

  /** A tuple: its items are its slots. */
  public static final class Tuple {
    public static final long ITEMS = slot(0);
  }

  public static final class List {
    public static final long SIZE = slot(0);
    /** An {@link Array} whose slot count is the capacity, or NULL when empty. */
    public static final long ITEMS = slot(1);
    public static final int NSLOTS = 2;
  }

  /**
   * A dict: compact and insertion ordered. ENTRIES is an
   * {@link Array} of (hash, key, value) triples; a deleted entry has a NULL key. INDEX is a raw
   * object whose int32 cells map hash buckets to entry numbers (-1 empty, -2 deleted).
   */
  public static final class Dict {
    /** Live entries. */
    public static final long USED = slot(0);
    /** Entries written so far, live or deleted. */
    public static final long FILLED = slot(1);
    public static final long ENTRIES = slot(2);
    public static final long INDEX = slot(3);
    /** Bumped when a key is added or removed (not when a value changes). */
    public static final long KEYS_VERSION = slot(4);
    /**
     * The keys-version bit that marks a dict compiled code depends on; it is not part of the
     * version: a guard that compares versions ignores it, since a region's dependencies are
     * marked when the region is installed, after its guards' versions were recorded.
     */
    public static final long KEYS_VERSION_WATCHED = 1L << 62;
    public static final int NSLOTS = 5;
    public static final int ENTRY_WORDS = 3;
    public static final int ENTRY_HASH = 0;
    public static final int ENTRY_KEY = 1;
    public static final int ENTRY_VALUE = 2;
  }

  /**
   * set and frozenset: an open-addressing table of (hash, key) pairs probed as CPython's set
   * does, so iteration order (table order) matches CPython's for keys whose hashes match.
   * A deleted pair keeps its hash and holds the VM's dummy object as key.
   */
  public static final class Set {
    /** Live keys. */
    public static final long USED = slot(0);
    /** Live plus deleted (dummy) pairs. */
    public static final long FILL = slot(1);
    /** Table size minus one (a power of two minus one). */
    public static final long MASK = slot(2);
    /** An {@link Array} of 2 * (MASK + 1) words: hash (small int), key (NULL if empty). */
    public static final long TABLE = slot(3);
    /** Cached hash of a frozenset (small int) or NULL. */
    public static final long HASH = slot(4);
    public static final int NSLOTS = 5;
    /** Slots of an empty set's table (MASK + 1), as CPython's PySet_MINSIZE. */
    public static final int MIN_SIZE = 8;
  }

  public static final class Range {
    public static final long START = slot(0);
    public static final long STOP = slot(1);
    public static final long STEP = slot(2);
    public static final long LENGTH = slot(3);
    public static final int NSLOTS = 4;
  }

  public static final class Slice {
    public static final long START = slot(0);
    public static final long STOP = slot(1);
    public static final long STEP = slot(2);
    public static final int NSLOTS = 3;
  }

  /** Iterators of the built-in kinds (list, tuple, range, str, dict views, ...). */
  public static final class Iter {
    /** The iterated object (NULL when exhausted). */
    public static final long SEQ = slot(0);
    /** Next index, or for a range iterator the next value. */
    public static final long INDEX = slot(1);
    /** Range iterators: the step; dict iterators: the view kind. */
    public static final long AUX = slot(2);
    /** Range iterators: items left; other kinds: spare. */
    public static final long LIMIT = slot(3);
    public static final int NSLOTS = 4;
  }

  public static final class Function {
    public static final long CODE = slot(0);
    public static final long GLOBALS = slot(1);
    public static final long NAME = slot(2);
    public static final long QUALNAME = slot(3);
    /** Tuple of positional defaults or NULL. */
    public static final long DEFAULTS = slot(4);
    /** Dict of keyword-only defaults or NULL. */
    public static final long KWDEFAULTS = slot(5);
    /** Tuple of cells or NULL. */
    public static final long CLOSURE = slot(6);
    public static final long MODULE = slot(7);
    /** Changes whenever defaults or code change; call caches guard on it. */
    public static final long VERSION = slot(8);
    /** Function attributes (a dict) or NULL. */
    public static final long DICT = slot(9);
    public static final int NSLOTS = 10;
  }

  /**
   * Code objects are immortal: their bytecode carries inline caches the interpreter rewrites,
   * and their Java-side mirror (exception and line tables) is indexed by ID.
   */
  public static final class Code {
    public static final long NAME = slot(0);
    public static final long QUALNAME = slot(1);
    public static final long FILENAME = slot(2);
    public static final long CONSTS = slot(3);
    public static final long NAMES = slot(4);
    public static final long VARNAMES = slot(5);
    public static final long CELLVARS = slot(6);
    public static final long FREEVARS = slot(7);
    public static final long ARGCOUNT = slot(8);
    public static final long POSONLYARGCOUNT = slot(9);
    public static final long KWONLYARGCOUNT = slot(10);
    public static final long FLAGS = slot(11);
    public static final long NLOCALSPLUS = slot(12);
    public static final long STACKSIZE = slot(13);
    public static final long FIRSTLINE = slot(14);
    public static final long ID = slot(15);
    /** Length of the bytecode in units. */
    public static final long CODE_UNITS = slot(16);
    public static final int NSLOTS = 17;
    /**
     * The bytecode units (and their inline caches) follow the slots, CODE_UNITS words. Then come
     * as many resume entries, one word per unit: the native address where compiled code goes on
     * when it hands a frame over at that unit (a caller returned to after its CALL, a generator
     * resumed after its yield, a caller resumed after the FOR_ITER its generator yielded to):
     * the region the JIT driver installed there, 0 when there is none. Written only by the
     * driver, which clears an entry when its region goes; the interpreter never reads them.
     */
    public static final long BYTECODE = Header.rawOffset(NSLOTS);

    /** The raw bytes of a code object of {@code units} bytecode units: units, then entries. */
    public static long rawBytes(int units) {
      return 16L * units;
    }

    /** The offset of the resume entry of unit {@code index} in a code object of units units. */
    public static long resumeEntry(int units, int index) {
      return BYTECODE + 8L * (units + index);
    }
  }

  public static final class Cell {
    public static final long CONTENTS = slot(0);
    public static final int NSLOTS = 1;
  }

  /** A bound method. */
  public static final class Method {
    public static final long SELF = slot(0);
    public static final long FUNC = slot(1);
    public static final int NSLOTS = 2;
  }

  /** A built-in function or a built-in method descriptor. */
  public static final class Builtin {
    public static final long NAME = slot(0);
    /** Bound receiver, or NULL. */
    public static final long SELF = slot(1);
    /** Index of the Java implementation in the VM. */
    public static final long ID = slot(2);
    public static final int NSLOTS = 3;
  }

  /** staticmethod, classmethod: a wrapped callable. property: getter, setter, deleter. */
  public static final class Wrapper {
    public static final long FUNC = slot(0);
    public static final long FSET = slot(1);
    public static final long FDEL = slot(2);
    public static final int NSLOTS = 3;
  }

  public static final class Super {
    public static final long TYPE = slot(0);
    public static final long OBJ = slot(1);
    public static final int NSLOTS = 2;
  }

  public static final class Module {
    public static final long NAME = slot(0);
    public static final long DICT = slot(1);
    public static final int NSLOTS = 2;
  }

  /** BaseException and subclasses; the (shape, values) pair follows. */
  public static final class Exc {
    public static final long ARGS = slot(0);
    /** The innermost traceback entry (a {@link Traceback}) or NULL. */
    public static final long TRACEBACK = slot(1);
    public static final long CAUSE = slot(2);
    public static final long CONTEXT = slot(3);
    public static final long SUPPRESS_CONTEXT = slot(4);
    public static final int NSLOTS = 5;
  }

  /** One traceback entry: a code object and a line, linked towards the raise point. */
  public static final class Traceback {
    public static final long NEXT = slot(0);
    public static final long CODE = slot(1);
    public static final long LINE = slot(2);
    public static final int NSLOTS = 3;
  }

  /**
   * A generator: a few slots, then its frame in the raw bytes (the type has HAS_FRAME; the
   * collector scans the frame's live part).
   */
  public static final class Generator {
    public static final long CODE = slot(0);
    public static final long NAME = slot(1);
    public static final long QUALNAME = slot(2);
    /** 0 created, 1 suspended, 2 running, 3 finished. */
    public static final long STATE = slot(3);
    public static final int NSLOTS = 4;
    public static final long FRAME = Header.rawOffset(NSLOTS);
    public static final int CREATED = 0;
    public static final int SUSPENDED = 1;
    public static final int RUNNING = 2;
    public static final int FINISHED = 3;
  }

  /**
   * An interpreter frame. Frames live on a per-thread native stack (generators' frames inside
   * the generator). Every word is tagged-safe: the collector scans the header objects, the
   * localsplus slots and the operand stack up to SP.
   *
   * <pre>
   * header words | localsplus (varnames, cellvars, freevars) | operand stack (stacksize)
   * </pre>
   */
  public static final class Frame {
    public static final long CODE = 0;
    public static final long FUNCTION = 8;
    public static final long GLOBALS = 16;
    public static final long BUILTINS = 24;
    /** The namespace dict of a module or class body, NULL in functions. */
    public static final long LOCALS = 32;
    /** The caller's frame, stored with {@link Tag#rawToWord}; 1 (raw NULL) for an entry frame. */
    public static final long PREVIOUS = 40;
    /** Unit index of the current instruction (small int), saved when the frame is left. */
    public static final long IP = 48;
    /** Operand stack depth (small int), saved at safepoints, calls and suspension. */
    public static final long SP = 56;
    /** Small int: {@link #FLAG_ENTRY}, {@link #FLAG_INIT}, {@link #FLAG_GEN_LINKED}. */
    public static final long FLAGS = 64;
    /** The generator that owns this frame, or NULL. */
    public static final long GENERATOR = 72;
    public static final int HEADER_WORDS = 10;
    public static final long LOCALSPLUS = 8L * HEADER_WORDS;
    public static final int FLAG_ENTRY = 1;
    /** An {@code __init__} frame a class call pushed: its return yields the new instance. */
    public static final int FLAG_INIT = 2;
    /**
     * A generator's frame that compiled code resumed ({@code _FOR_ITER_GEN}): not an entry
     * frame, its caller (PREVIOUS) waits after its FOR_ITER for what it yields. Its yield,
     * return or exception goes back to that caller without Java (the interpreter handles
     * all three in its own loop).
     */
    public static final int FLAG_GEN_LINKED = 4;
    /**
     * Units of a CALL with its caches ({@code Opcode.CALL.size()}, which a test checks): a
     * caller's IP stays at its CALL while the callee runs, and moves on by this on the return.
     */
    public static final int CALL_UNITS = 3;

    /** Size of a frame for a code object with these counts, in bytes. */
    public static long size(int nlocalsplus, int stacksize) {
      return 8L * (HEADER_WORDS + nlocalsplus + stacksize);
    }
  }

  /**
   * The allocator's counters, in one native block next to the free-list heads, so that compiled
   * code allocating inline updates the same words the interpreter's allocator does (the heap's
   * statistics and its GC trigger would otherwise miss what compiled code allocates). Plain
   * 64-bit integers, not tagged: the collector never scans this block.
   */
  public static final class HeapControl {
    /** Bytes handed out since the last collection, cell sizes counted. */
    public static final long ALLOCATED_SINCE_GC = 0;
    /** Past this many bytes since the last collection, allocation sets the GC-wanted flag. */
    public static final long GC_THRESHOLD = 8;
    /** Objects allocated over the heap's life (a statistic). */
    public static final long OBJECTS_ALLOCATED = 16;
    /** Bytes allocated over the heap's life, cell sizes counted (a statistic). */
    public static final long BYTES_ALLOCATED = 24;
    /**
     * Floats allocated over the heap's life (a statistic, counted apart because removing float
     * allocations is what issue 5's allocation removal is measured by).
     */
    public static final long FLOATS_ALLOCATED = 32;
    /**
     * The heap's size classes as a table, so that compiled code allocating an object of any
     * small size reads the heap's own classes instead of repeating them: word w (for an object
     * of 8 * w bytes, 2 <= w <= SMALL_UP_TO / 8) holds the index of its class's free-list head
     * in the high 32 bits and the class's cell bytes in the low 32. The heap fills it.
     */
    public static final long CELL_CLASSES = 40;
    /** Objects up to this many bytes come from size classes; larger ones are malloc'ed. */
    public static final int SMALL_UP_TO = 1024;
    public static final long SIZE = CELL_CLASSES + 8L * (SMALL_UP_TO / 8 + 1);
  }

  /** Per-thread VM state in native memory (one thread per VM today). */
  public static final class ThreadState {
    /** The frame now executing, as a raw address. */
    public static final long CURRENT_FRAME = 0;
    /** The exception being handled (what a bare raise re-raises), or NULL. */
    public static final long HANDLED_EXC = 8;
    /** An exception in flight (kept here so the collector sees it), or NULL. */
    public static final long PENDING_EXC = 16;
    /** First free byte of the frame stack. */
    public static final long STACK_TOP = 24;
    public static final long STACK_LIMIT = 32;
    /** Non-zero when the allocator wants a collection at the next safepoint. */
    public static final long GC_WANTED = 40;
    public static final long RECURSION_DEPTH = 48;
    public static final long RECURSION_LIMIT = 56;
    /**
     * The index of the exit native compiled code left through: its exit stub stores it here
     * and the entry trampoline returns it (backend-copypatch, {@code stitch_stencil.h}).
     */
    public static final long JIT_EXIT = 64;
    /**
     * The operand stack pointer (raw) where compiled code escaped to the runtime: native code
     * that returns to Java to have a uop performed there stores its stack pointer here.
     */
    public static final long JIT_SP = 72;
    /**
     * The keyword-names tuple of the call a region is about to make (set by {@code _KW_NAMES},
     * cleared by the call), or NULL. In the thread state rather than in a register so that
     * native code and the runtime, taking turns in one region, agree on it.
     */
    public static final long JIT_KWNAMES = 80;
    /**
     * Instructions the interpreter's inner loop (FastLoop) has executed, a statistic. Counted
     * in memory rather than in a local: held in a register, the count cost the loop 6% (list
     * 17%) in spills of its other variables (docs/decisions/0010).
     */
    public static final long INSTRUCTIONS = 88;
    public static final long SIZE = 96;
  }
}

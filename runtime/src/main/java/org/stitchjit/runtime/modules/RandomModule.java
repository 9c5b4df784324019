package org.stitchjit.runtime.modules;

import static org.stitchjit.runtime.builtins.Args.arg;
import static org.stitchjit.runtime.modules.ModuleSupport.def;
import static org.stitchjit.runtime.modules.ModuleSupport.toDouble;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.stitchjit.api.layout.Layout.Kind;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.platforms.MathLibrary;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.builtins.Args;
import org.stitchjit.runtime.modules.random.MersenneTwister;
import org.stitchjit.runtime.objects.Sequences;
import org.stitchjit.runtime.text.FormatError;
import org.stitchjit.runtime.vm.BuiltinImpl;
import org.stitchjit.runtime.vm.VM;

/**
 * The random module's module-level functions, all drawing from one Mersenne Twister per VM
 * and calling it in the same order as CPython 3.11's random.py, so a seeded program sees the
 * same numbers as under CPython.
 */
final class RandomModule {
  private final VM vm;
  private final MersenneTwister mt = new MersenneTwister();
  /** random.gauss's cached second normal deviate (NaN when there is none). */
  private double gaussNext = Double.NaN;

  private RandomModule(VM vm) {
    this.vm = vm;
  }

  static void init(VM vm, long d) {
    new RandomModule(vm).fill(d);
  }

  private void fill(long d) {
    fn(d, "seed", this::seed);
    fn(d, "random", (args, n, kw) -> {
      Args.noArgs(vm, "random", n, kw);
      return vm.newFloat(mt.random());
    });
    fn(d, "getrandbits", (args, n, kw) -> {
      Args.exactlyOne(vm, "getrandbits", n, kw);
      long k = vm.toIndex(arg(args, 0));
      return vm.newInt(mt.getrandbits(k));
    });
    fn(d, "randrange", this::randrange);
    fn(d, "randint", (args, n, kw) -> {
      long[] a = pyArgs("randint", args, n, kw, new String[] {"a", "b"}, 2);
      BigInteger lo = index(a[0], "arg 1");
      BigInteger hi = index(a[1], "stop");
      return vm.newInt(bigOrLong(lo, hi.add(BigInteger.ONE), BigInteger.ONE));
    });
    fn(d, "choice", (args, n, kw) -> {
      long seq = pyArgs("choice", args, n, kw, new String[] {"seq"}, 1)[0];
      int len = (int) vm.rt.len(seq);
      int i = mt.choiceIndex(len);
      if (vm.isList(seq) && vm.typeOf(seq) == vm.listType) {
        return VM.listGet(seq, i);
      }
      return vm.rt.getItem(seq, Tag.fromInt(i));
    });
    fn(d, "shuffle", (args, n, kw) -> {
      long x = pyArgs("shuffle", args, n, kw, new String[] {"x"}, 1)[0];
      shuffle(x);
      return vm.none;
    });
    fn(d, "uniform", (args, n, kw) -> {
      long[] a = pyArgs("uniform", args, n, kw, new String[] {"a", "b"}, 2);
      return vm.newFloat(mt.uniform(toDouble(vm, a[0]), toDouble(vm, a[1])));
    });
    fn(d, "sample", this::sample);
    fn(d, "choices", this::choices);
    fn(d, "gauss", (args, n, kw) -> {
      long[] a = pyArgs("gauss", args, n, kw, new String[] {"mu", "sigma"}, 0);
      double mu = a[0] == 0 ? 0.0 : toDouble(vm, a[0]);
      double sigma = a[1] == 0 ? 1.0 : toDouble(vm, a[1]);
      double z = gaussNext;
      gaussNext = Double.NaN;
      if (Double.isNaN(z)) {
        double x2pi = mt.random() * (2 * Math.PI);
        // CPython's random.py calls math's log, cos and sin: the C library's.
        double g2rad = StrictMath.sqrt(-2.0 * MathLibrary.call(LOG, 1.0 - mt.random()));
        z = MathLibrary.call(COS, x2pi) * g2rad;
        gaussNext = MathLibrary.call(SIN, x2pi) * g2rad;
      }
      return vm.newFloat(mu + z * sigma);
    });
  }

  private static final long LOG = MathLibrary.address("log");
  private static final long COS = MathLibrary.address("cos");
  private static final long SIN = MathLibrary.address("sin");

  /** Registers a function whose text-library errors become guest exceptions. */
  private void fn(long d, String name, BuiltinImpl impl) {
    def(vm, d, name, (args, n, kw) -> {
      try {
        return impl.call(args, n, kw);
      } catch (FormatError e) {
        throw Args.guest(vm, e);
      }
    });
  }

  /**
   * Binds arguments the way a Python-level function (random.py's) would, with its messages
   * ("Random.choice() missing 1 required positional argument: 'seq'"); absent optional
   * parameters come back as NULL.
   */
  private long[] pyArgs(String name, long args, int nargs, long kwnames, String[] params,
      int required) {
    int nkw = Args.kwCount(kwnames);
    int npos = nargs - nkw;
    String fname = "Random." + name + "()";
    if (npos > params.length) {
      int given = npos + 1;
      int max = params.length + 1;
      String takes = required == params.length ? String.valueOf(max)
          : "from " + (required + 1) + " to " + max;
      throw vm.typeError(fname.substring(0, fname.length() - 2) + "() takes " + takes
          + " positional arguments but " + given + " were given");
    }
    long[] out = new long[params.length];
    for (int i = 0; i < npos; i++) {
      out[i] = arg(args, i);
    }
    for (int k = 0; k < nkw; k++) {
      String kn = vm.str(VM.tupleGet(kwnames, k));
      int slot = java.util.Arrays.asList(params).indexOf(kn);
      if (slot < 0) {
        throw vm.typeError(fname + " got an unexpected keyword argument '" + kn + "'");
      }
      if (out[slot] != 0) {
        throw vm.typeError(fname + " got multiple values for argument '" + kn + "'");
      }
      out[slot] = arg(args, npos + k);
    }
    StringBuilder missing = new StringBuilder();
    int count = 0;
    for (int i = 0; i < required; i++) {
      if (out[i] == 0) {
        count++;
      }
    }
    int seen = 0;
    for (int i = 0; i < required; i++) {
      if (out[i] == 0) {
        if (seen > 0) {
          missing.append(count == 2 ? " and " : seen == count - 1 ? ", and " : ", ");
        }
        missing.append('\'').append(params[i]).append('\'');
        seen++;
      }
    }
    if (count > 0) {
      throw vm.typeError(fname + " missing " + count + " required positional argument"
          + (count == 1 ? "" : "s") + ": " + missing);
    }
    return out;
  }

  // ================================================================ seed
  private static final String[] SEED = {"a", "version"};

  private long seed(long args, int nargs, long kwnames) {
    long[] a = pyArgs("seed", args, nargs, kwnames, SEED, 0);
    long v = a[0];
    if (v == 0 || v == vm.none) {
      mt.seed();
    } else if (vm.isInt(v)) {
      mt.seed(vm.toBig(v));
    } else if (vm.isFloat(v)) {
      // _random hashes other seeds and reads the hash as an unsigned size_t.
      mt.seed(new BigInteger(Long.toUnsignedString(vm.rt.hash(v))));
    } else if (vm.isStr(v)) {
      // Version 2 seeding: the UTF-8 bytes followed by their SHA-512, read as a big-endian int.
      byte[] text = vm.str(v).getBytes(StandardCharsets.UTF_8);
      byte[] digest;
      try {
        digest = MessageDigest.getInstance("SHA-512").digest(text);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      byte[] all = new byte[text.length + digest.length + 1];
      System.arraycopy(text, 0, all, 1, text.length);
      System.arraycopy(digest, 0, all, 1 + text.length, digest.length);
      mt.seed(new BigInteger(all));
    } else {
      throw vm.typeError("The only supported seed types are: None,\n"
          + "int, float, str, bytes, and bytearray.");
    }
    gaussNext = Double.NaN;
    return vm.none;
  }

  // ================================================================ randrange
  private static final String[] RANGE = {"start", "stop", "step"};

  private long randrange(long args, int nargs, long kwnames) {
    long[] a = pyArgs("randrange", args, nargs, kwnames, RANGE, 1);
    BigInteger start = index(a[0], "arg 1");
    if (a[1] == 0 || a[1] == vm.none) {
      if (a[2] != 0 && a[2] != Tag.fromInt(1)) {
        throw vm.typeError("Missing a non-None stop argument");
      }
      if (start.signum() > 0) {
        return vm.newInt(start.bitLength() < 63 ? BigInteger.valueOf(mt.randbelow(
            start.longValue())) : mt.randbelow(start));
      }
      throw vm.valueError("empty range for randrange()");
    }
    BigInteger stop = index(a[1], "stop");
    BigInteger step = a[2] == 0 ? BigInteger.ONE : index(a[2], "step");
    return vm.newInt(bigOrLong(start, stop, step));
  }

  private BigInteger bigOrLong(BigInteger start, BigInteger stop, BigInteger step) {
    if (start.bitLength() < 63 && stop.bitLength() < 63 && step.bitLength() < 63) {
      return BigInteger.valueOf(mt.randrange(start.longValue(), stop.longValue(),
          step.longValue()));
    }
    return mt.randrange(start, stop, step);
  }

  /**
   * random.py's argument conversion: operator.index, else int() of an integral float (which
   * CPython 3.11 accepts with a DeprecationWarning), else ValueError.
   */
  private BigInteger index(long v, String what) {
    if (vm.isInt(v)) {
      return vm.toBig(v);
    }
    if (vm.isFloat(v)) {
      double d = VM.floatValue(v);
      if (Double.isNaN(d)) {
        throw vm.valueError("cannot convert float NaN to integer");
      }
      if (Double.isInfinite(d)) {
        throw vm.raise(vm.overflowError, "cannot convert float infinity to integer");
      }
      if (d != Math.rint(d)) {
        throw vm.valueError("non-integer " + what + " for randrange()");
      }
      return new java.math.BigDecimal(d).toBigInteger();
    }
    return ModuleSupport.toBigInt(vm, v);
  }

  // ================================================================ shuffle, sample, choices
  private void shuffle(long x) {
    int n = (int) vm.rt.len(x);
    if (vm.typeOf(x) == vm.listType) {
      mt.shuffle(n, (i, j) -> {
        long items = VM.listItems(x);
        long t = Mem.getLong(items + 8L * i);
        Mem.putLong(items + 8L * i, Mem.getLong(items + 8L * j));
        Mem.putLong(items + 8L * j, t);
      });
      return;
    }
    mt.shuffle(n, (i, j) -> {
      long mark = vm.handleMark();
      try {
        long xi = vm.rt.getItem(x, Tag.fromInt(i));
        vm.pushHandle(xi);
        long xj = vm.rt.getItem(x, Tag.fromInt(j));
        vm.pushHandle(xj);
        vm.rt.setItem(x, Tag.fromInt(i), xj);
        vm.rt.setItem(x, Tag.fromInt(j), xi);
      } finally {
        vm.popHandles(mark);
      }
    });
  }

  private boolean isSequence(long v) {
    int kind = vm.kindOf(v);
    return kind == Kind.LIST || kind == Kind.TUPLE || kind == Kind.STR || kind == Kind.RANGE;
  }

  private long sample(long args, int nargs, long kwnames) {
    long[] a = pyArgs("sample", args, nargs, kwnames, new String[] {"population", "k", "counts"},
        2);
    long population = a[0];
    if (!isSequence(population)) {
      throw vm.typeError("Population must be a sequence.  For dicts or sets, use sorted(d).");
    }
    int n = (int) vm.rt.len(population);
    long k = vm.toIndex(a[1]);
    long counts = a[2];
    long mark = vm.handleMark();
    try {
      long[] cum = null;
      if (counts != 0 && counts != vm.none) {
        long list = Sequences.toList(vm, counts);
        vm.pushHandle(list);
        int m = VM.listLen(list);
        if (m != n) {
          throw vm.valueError("The number of counts does not match the population");
        }
        cum = new long[m];
        long total = 0;
        for (int i = 0; i < m; i++) {
          long c = VM.listGet(list, i);
          if (!vm.isInt(c)) {
            throw vm.typeError("Counts must be integers");
          }
          total += vm.toLong(c);
          cum[i] = total;
        }
        if (m == 0 || total <= 0) {
          throw vm.valueError("Total of counts must be greater than zero");
        }
        if (k < 0 || k > total) {
          throw vm.valueError("Sample larger than population or is negative");
        }
        int[] picks = mt.sampleIndices((int) total, (int) k);
        long result = vm.newList(picks.length);
        vm.pushHandle(result);
        for (int pick : picks) {
          // bisect_right(cum_counts[:-1], pick)
          int lo = 0;
          int hi = m - 1;
          while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (pick < cum[mid]) {
              hi = mid;
            } else {
              lo = mid + 1;
            }
          }
          vm.listAppend(result, vm.rt.getItem(population, Tag.fromInt(lo)));
        }
        return result;
      }
      if (k < 0 || k > n) {
        throw vm.valueError("Sample larger than population or is negative");
      }
      int[] picks = mt.sampleIndices(n, (int) k);
      long result = vm.newList(picks.length);
      vm.pushHandle(result);
      for (int pick : picks) {
        vm.listAppend(result, vm.rt.getItem(population, Tag.fromInt(pick)));
      }
      return result;
    } finally {
      vm.popHandles(mark);
    }
  }

  private long choices(long args, int nargs, long kwnames) {
    long[] a = pyArgs("choices", args, nargs, kwnames,
        new String[] {"population", "weights", "cum_weights", "k"}, 1);
    long population = a[0];
    long weights = a[1] == 0 ? vm.none : a[1];
    long cumWeights = a[2] == 0 ? vm.none : a[2];
    long k = a[3] == 0 ? 1 : vm.toIndex(a[3]);
    int n = (int) vm.rt.len(population);
    long mark = vm.handleMark();
    try {
      long result = vm.newList((int) Math.max(0, Math.min(k, 1 << 20)));
      vm.pushHandle(result);
      if (cumWeights == vm.none) {
        if (weights == vm.none) {
          double nn = n;
          for (long i = 0; i < k; i++) {
            int j = (int) Math.floor(mt.random() * nn);
            vm.listAppend(result, vm.rt.getItem(population, Tag.fromInt(j)));
          }
          return result;
        }
        cumWeights = accumulate(weights);
        vm.pushHandle(cumWeights);
      } else if (weights != vm.none) {
        throw vm.typeError("Cannot specify both weights and cumulative weights");
      } else {
        cumWeights = Sequences.toList(vm, cumWeights);
        vm.pushHandle(cumWeights);
      }
      int m = VM.listLen(cumWeights);
      if (m != n) {
        throw vm.valueError("The number of weights does not match the population");
      }
      double[] cum = new double[m];
      for (int i = 0; i < m; i++) {
        cum[i] = toDouble(vm, VM.listGet(cumWeights, i));
      }
      double total = m == 0 ? 0.0 : cum[m - 1] + 0.0;
      if (m == 0) {
        throw vm.raise(vm.indexError, "list index out of range");
      }
      if (total <= 0.0) {
        throw vm.valueError("Total of weights must be greater than zero");
      }
      if (!Double.isFinite(total)) {
        throw vm.valueError("Total of weights must be finite");
      }
      int hiBound = n - 1;
      for (long i = 0; i < k; i++) {
        double x = mt.random() * total;
        int lo = 0;
        int hi = hiBound;
        while (lo < hi) {
          int mid = (lo + hi) >>> 1;
          if (x < cum[mid]) {
            hi = mid;
          } else {
            lo = mid + 1;
          }
        }
        vm.listAppend(result, vm.rt.getItem(population, Tag.fromInt(lo)));
      }
      return result;
    } finally {
      vm.popHandles(mark);
    }
  }

  /** list(itertools.accumulate(weights)): running sums with the + protocol. */
  private long accumulate(long weights) {
    long list = vm.newList(0);
    long mark = vm.handleMark();
    try {
      vm.pushHandle(list);
      long it = vm.rt.iter(weights);
      vm.pushHandle(it);
      long cell = vm.pushHandle(0);
      while (true) {
        long item = vm.rt.next(it);
        if (item == 0) {
          return list;
        }
        long acc = Mem.getLong(cell);
        acc = acc == 0 ? item : vm.rt.binaryOp(org.stitchjit.api.bytecode.BinaryOp.ADD, acc,
            item);
        Mem.putLong(cell, acc);
        vm.listAppend(list, acc);
      }
    } finally {
      vm.popHandles(mark);
    }
  }
}

package org.stitchjit.runtime.modules.random;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.stitchjit.runtime.text.FormatError;

/**
 * CPython 3.11's {@code random.Random}: the MT19937 generator seeded the way {@code _random}
 * seeds it (an int's absolute value split into little-endian 32-bit words, fed to
 * {@code init_by_array}), its {@code random()} and {@code getrandbits()}, and the derived methods
 * of {@code random.py} with the same calls in the same order, so every seeded stream is identical.
 *
 * <p>Errors are {@link FormatError}s carrying the Python exception type and message. Not thread
 * safe, like the guest object it backs.
 */
public final class MersenneTwister {
    private static final int N = 624;
    private static final int M = 397;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;
    private static final int MATRIX_A = 0x9908b0df;

    private final int[] mt = new int[N];
    private int index;

    /** Seeded from system entropy, as {@code random.Random()}. */
    public MersenneTwister() {
        seed();
    }

    /** As {@code random.Random(seed)}. */
    public MersenneTwister(long seed) {
        seed(seed);
    }

    /** As {@code random.Random(seed)}. */
    public MersenneTwister(BigInteger seed) {
        seed(seed);
    }

    // ---------------------------------------------------------------------------------------------
    // Seeding.

    /** {@code seed()}: 624 words of system entropy, falling back to the clock. */
    public void seed() {
        int[] key = new int[N];
        try {
            SecureRandom r = new SecureRandom();
            for (int i = 0; i < N; i++) {
                key[i] = r.nextInt();
            }
        } catch (RuntimeException e) {
            long t = System.nanoTime() ^ System.currentTimeMillis() * 1_000_003L;
            key = new int[] {(int) t, (int) (t >>> 32), (int) ProcessHandle.current().pid()};
        }
        initByArray(key);
    }

    /** {@code seed(n)} for an int. */
    public void seed(long n) {
        if (n == Long.MIN_VALUE) {
            seed(BigInteger.valueOf(n));
            return;
        }
        long a = Math.abs(n);
        if (a >>> 32 == 0) {
            initByArray(new int[] {(int) a});
        } else {
            initByArray(new int[] {(int) a, (int) (a >>> 32)});
        }
    }

    /** {@code seed(n)} for an int of any size. */
    public void seed(BigInteger n) {
        BigInteger a = n.abs();
        int words = Math.max(1, (a.bitLength() + 31) / 32);
        int[] key = new int[words];
        for (int i = 0; i < words; i++) {
            key[i] = a.shiftRight(32 * i).intValue();
        }
        initByArray(key);
    }

    private void initGenrand(int s) {
        mt[0] = s;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    private void initByArray(int[] key) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        // The most significant bit makes the initial state non-zero.
        mt[0] = UPPER_MASK;
    }

    private void generate() {
        int kk = 0;
        for (; kk < N - M; kk++) {
            int y = mt[kk] & UPPER_MASK | mt[kk + 1] & LOWER_MASK;
            mt[kk] = mt[kk + M] ^ y >>> 1 ^ (-(y & 1) & MATRIX_A);
        }
        for (; kk < N - 1; kk++) {
            int y = mt[kk] & UPPER_MASK | mt[kk + 1] & LOWER_MASK;
            mt[kk] = mt[kk + (M - N)] ^ y >>> 1 ^ (-(y & 1) & MATRIX_A);
        }
        int y = mt[N - 1] & UPPER_MASK | mt[0] & LOWER_MASK;
        mt[N - 1] = mt[M - 1] ^ y >>> 1 ^ (-(y & 1) & MATRIX_A);
        index = 0;
    }

    /** The next tempered 32-bit output (as an unsigned value in an int). */
    public int nextInt32() {
        if (index >= N) {
            generate();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= y << 7 & 0x9d2c5680;
        y ^= y << 15 & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    // ---------------------------------------------------------------------------------------------
    // Core methods.

    /** {@code random()}: 53 random bits scaled to [0, 1). */
    public double random() {
        int a = nextInt32() >>> 5;
        int b = nextInt32() >>> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /** {@code getrandbits(k)} for {@code 0 <= k <= 63}. */
    public long getrandbitsLong(int k) {
        if (k < 0) {
            throw new FormatError("ValueError", "number of bits must be non-negative");
        }
        if (k > 63) {
            throw new IllegalArgumentException("k > 63; use getrandbits");
        }
        if (k == 0) {
            return 0;
        }
        if (k <= 32) {
            return (nextInt32() & 0xffffffffL) >>> (32 - k);
        }
        long low = nextInt32() & 0xffffffffL;
        long high = (nextInt32() & 0xffffffffL) >>> (64 - k);
        return high << 32 | low;
    }

    /** {@code getrandbits(k)}: words are drawn least significant first, the last one truncated. */
    public BigInteger getrandbits(long k) {
        if (k < 0) {
            throw new FormatError("ValueError", "number of bits must be non-negative");
        }
        if (k <= 63) {
            return BigInteger.valueOf(getrandbitsLong((int) k));
        }
        if (k > Integer.MAX_VALUE - 32) {
            throw new FormatError("OverflowError", "getrandbits() bit count too large");
        }
        int words = (int) ((k - 1) / 32 + 1);
        byte[] bytes = new byte[words * 4 + 1];
        long remaining = k;
        for (int w = 0; w < words; w++) {
            int r = nextInt32();
            if (remaining < 32) {
                r >>>= 32 - remaining;
            }
            remaining -= 32;
            // Big-endian bytes for BigInteger, with a leading zero byte to keep it non-negative.
            int at = bytes.length - 4 * (w + 1);
            bytes[at] = (byte) (r >>> 24);
            bytes[at + 1] = (byte) (r >>> 16);
            bytes[at + 2] = (byte) (r >>> 8);
            bytes[at + 3] = (byte) r;
        }
        return new BigInteger(bytes);
    }

    // ---------------------------------------------------------------------------------------------
    // random.py's derived methods.

    /** {@code _randbelow(n)} for {@code n > 0}: rejection sampling on {@code n.bit_length()} bits. */
    public long randbelow(long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("randbelow needs n > 0");
        }
        int k = 64 - Long.numberOfLeadingZeros(n);
        long r = getrandbitsLong(k);
        while (r >= n) {
            r = getrandbitsLong(k);
        }
        return r;
    }

    /** {@code _randbelow(n)} for {@code n > 0}. */
    public BigInteger randbelow(BigInteger n) {
        if (n.signum() <= 0) {
            throw new IllegalArgumentException("randbelow needs n > 0");
        }
        if (n.bitLength() < 64) {
            return BigInteger.valueOf(randbelow(n.longValue()));
        }
        int k = n.bitLength();
        BigInteger r = getrandbits(k);
        while (r.compareTo(n) >= 0) {
            r = getrandbits(k);
        }
        return r;
    }

    /** {@code randrange(stop)}. */
    public long randrange(long stop) {
        if (stop > 0) {
            return randbelow(stop);
        }
        throw new FormatError("ValueError", "empty range for randrange()");
    }

    /** {@code randrange(stop)}. */
    public BigInteger randrange(BigInteger stop) {
        if (stop.signum() > 0) {
            return randbelow(stop);
        }
        throw new FormatError("ValueError", "empty range for randrange()");
    }

    /** {@code randrange(start, stop, step)}; the result lies between start and stop so fits a long. */
    public long randrange(long start, long stop, long step) {
        long width = stop - start;
        boolean widthOverflows = ((stop ^ start) & (stop ^ width)) < 0;
        if (widthOverflows || step != 1 && (step == Long.MIN_VALUE || Math.abs(width) > Long.MAX_VALUE / 2
                || Math.abs(step) > Long.MAX_VALUE / 2)) {
            return randrange(BigInteger.valueOf(start), BigInteger.valueOf(stop), BigInteger.valueOf(step)).longValue();
        }
        if (step == 1) {
            if (width > 0) {
                return start + randbelow(width);
            }
            throw new FormatError("ValueError",
                    "empty range for randrange() (" + start + ", " + stop + ", " + width + ")");
        }
        long n;
        if (step > 0) {
            n = Math.floorDiv(width + step - 1, step);
        } else if (step < 0) {
            n = Math.floorDiv(width + step + 1, step);
        } else {
            throw new FormatError("ValueError", "zero step for randrange()");
        }
        if (n <= 0) {
            throw new FormatError("ValueError", "empty range for randrange()");
        }
        return start + step * randbelow(n);
    }

    /** {@code randrange(start, stop, step)} for ints of any size. */
    public BigInteger randrange(BigInteger start, BigInteger stop, BigInteger step) {
        BigInteger width = stop.subtract(start);
        if (step.equals(BigInteger.ONE)) {
            if (width.signum() > 0) {
                return start.add(randbelow(width));
            }
            throw new FormatError("ValueError",
                    "empty range for randrange() (" + start + ", " + stop + ", " + width + ")");
        }
        BigInteger n;
        int s = step.signum();
        if (s > 0) {
            n = floorDiv(width.add(step).subtract(BigInteger.ONE), step);
        } else if (s < 0) {
            n = floorDiv(width.add(step).add(BigInteger.ONE), step);
        } else {
            throw new FormatError("ValueError", "zero step for randrange()");
        }
        if (n.signum() <= 0) {
            throw new FormatError("ValueError", "empty range for randrange()");
        }
        return start.add(step.multiply(randbelow(n)));
    }

    private static BigInteger floorDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        if (qr[1].signum() != 0 && qr[1].signum() != b.signum()) {
            return qr[0].subtract(BigInteger.ONE);
        }
        return qr[0];
    }

    /** {@code randint(a, b)}: {@code randrange(a, b + 1)}. */
    public long randint(long a, long b) {
        if (b == Long.MAX_VALUE) {
            return randint(BigInteger.valueOf(a), BigInteger.valueOf(b)).longValue();
        }
        return randrange(a, b + 1, 1);
    }

    /** {@code randint(a, b)} for ints of any size. */
    public BigInteger randint(BigInteger a, BigInteger b) {
        return randrange(a, b.add(BigInteger.ONE), BigInteger.ONE);
    }

    /** {@code uniform(a, b)}: {@code a + (b - a) * random()}. */
    public double uniform(double a, double b) {
        return a + (b - a) * random();
    }

    /** The index {@code choice(seq)} picks from a sequence of length {@code len}. */
    public int choiceIndex(int len) {
        if (len == 0) {
            throw new FormatError("IndexError", "Cannot choose from an empty sequence");
        }
        return (int) randbelow(len);
    }

    /** Receives the swaps {@code shuffle} performs. */
    @FunctionalInterface
    public interface Swapper {
        void swap(int i, int j);
    }

    /** {@code shuffle(x)} for a sequence of length {@code len}: calls {@code swap(i, j)} in order. */
    public void shuffle(int len, Swapper swap) {
        for (int i = len - 1; i >= 1; i--) {
            int j = (int) randbelow(i + 1);
            swap.swap(i, j);
        }
    }

    /**
     * The permutation {@code shuffle} applies to a sequence of length {@code len}: after shuffling,
     * position {@code i} holds the element originally at {@code result[i]}.
     */
    public int[] shufflePermutation(int len) {
        int[] p = new int[len];
        for (int i = 0; i < len; i++) {
            p[i] = i;
        }
        shuffle(len, (i, j) -> {
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        });
        return p;
    }

    /**
     * The population indices {@code sample(population, k)} selects, in selection order, for a
     * population of size {@code n} (random.py 3.11's pool or set strategy, chosen the same way).
     */
    public int[] sampleIndices(int n, int k) {
        if (k < 0 || k > n) {
            throw new FormatError("ValueError", "Sample larger than population or is negative");
        }
        int[] result = new int[k];
        long setsize = 21;
        if (k > 5) {
            setsize += (long) Math.pow(4, Math.ceil(Math.log(k * 3.0) / Math.log(4)));
        }
        if (n <= setsize) {
            int[] pool = new int[n];
            for (int i = 0; i < n; i++) {
                pool[i] = i;
            }
            for (int i = 0; i < k; i++) {
                int j = (int) randbelow(n - i);
                result[i] = pool[j];
                pool[j] = pool[n - i - 1];
            }
        } else {
            java.util.HashSet<Integer> selected = new java.util.HashSet<>();
            for (int i = 0; i < k; i++) {
                int j = (int) randbelow(n);
                while (!selected.add(j)) {
                    j = (int) randbelow(n);
                }
                result[i] = j;
            }
        }
        return result;
    }
}

package org.stitchjit.runtime.modules.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.stitchjit.runtime.text.FormatError;

class MersenneTwisterTest {

    private static List<String[]> load() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = MersenneTwisterTest.class.getResourceAsStream("random_streams.txt")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    private static boolean fitsLong(BigInteger b) {
        return b.bitLength() < 64;
    }

    private static String bits(double d) {
        return String.format("%016x", Double.doubleToRawLongBits(d));
    }

    private static String join(int[] values) {
        return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(" "));
    }

    private static String outcome(Supplier<String> s) {
        try {
            return s.get();
        } catch (FormatError e) {
            return "!" + e.pyType() + ": " + e.getMessage();
        }
    }

    private static String run(MersenneTwister r, String op, String[] a) {
        BigInteger[] n = new BigInteger[a.length];
        for (int i = 0; i < a.length; i++) {
            n[i] = op.equals("uniform") ? null : new BigInteger(a[i]);
        }
        switch (op) {
            case "random":
                return bits(r.random());
            case "getrandbits":
                return n[0].intValue() <= 63 ? Long.toString(r.getrandbitsLong(n[0].intValue()))
                        : r.getrandbits(n[0].longValue()).toString();
            case "randbelow":
                return fitsLong(n[0]) ? Long.toString(r.randbelow(n[0].longValue())) : r.randbelow(n[0]).toString();
            case "randrange":
                if (a.length == 1) {
                    return fitsLong(n[0]) ? Long.toString(r.randrange(n[0].longValue())) : r.randrange(n[0]).toString();
                }
                BigInteger step = a.length == 3 ? n[2] : BigInteger.ONE;
                if (fitsLong(n[0]) && fitsLong(n[1])) {
                    return Long.toString(r.randrange(n[0].longValue(), n[1].longValue(), step.longValue()));
                }
                return r.randrange(n[0], n[1], step).toString();
            case "randint":
                if (fitsLong(n[0]) && fitsLong(n[1])) {
                    return Long.toString(r.randint(n[0].longValue(), n[1].longValue()));
                }
                return r.randint(n[0], n[1]).toString();
            case "choice":
                return Integer.toString(r.choiceIndex(n[0].intValue()));
            case "shuffle":
                return join(r.shufflePermutation(n[0].intValue()));
            case "uniform":
                return bits(r.uniform(Double.parseDouble(a[0]), Double.parseDouble(a[1])));
            case "sample":
                return join(r.sampleIndices(n[0].intValue(), n[1].intValue()));
            default:
                throw new IllegalArgumentException(op);
        }
    }

    @Test
    void streamsMatchCPython() throws IOException {
        List<String[]> rows = load();
        Map<String, MersenneTwister> generators = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (String[] row : rows) {
            MersenneTwister r = generators.computeIfAbsent(row[0], s -> {
                BigInteger seed = new BigInteger(s);
                return fitsLong(seed) ? new MersenneTwister(seed.longValue()) : new MersenneTwister(seed);
            });
            String[] args = row[2].isEmpty() ? new String[0] : row[2].split(",");
            String got = outcome(() -> run(r, row[1], args));
            if (!got.equals(row[3])) {
                failures.add("seed " + row[0] + " " + row[1] + "(" + row[2] + "): expected " + row[3] + " got " + got);
            }
        }
        assertThat(generators).hasSize(10);
        assertThat(failures).isEmpty();
    }

    @Test
    void longAndBigIntegerSeedsAgree() {
        for (long seed : new long[] {0, 1, -1, 42, 1L << 32, Long.MAX_VALUE, Long.MIN_VALUE}) {
            MersenneTwister a = new MersenneTwister(seed);
            MersenneTwister b = new MersenneTwister(BigInteger.valueOf(seed));
            for (int i = 0; i < 5; i++) {
                assertThat(a.nextInt32()).isEqualTo(b.nextInt32());
            }
        }
    }

    @Test
    void reseedingRestartsTheStreamAndEntropySeedsDiffer() {
        MersenneTwister r = new MersenneTwister(5);
        double first = r.random();
        r.random();
        r.seed(5);
        assertThat(r.random()).isEqualTo(first);
        MersenneTwister x = new MersenneTwister();
        MersenneTwister y = new MersenneTwister();
        assertThat(x.getrandbits(128)).isNotEqualTo(y.getrandbits(128));
    }
}

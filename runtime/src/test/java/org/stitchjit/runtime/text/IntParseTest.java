package org.stitchjit.runtime.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntParseTest {

    private static String render(Number n) {
        BigInteger b = n instanceof BigInteger ? (BigInteger) n : BigInteger.valueOf(n.longValue());
        if (b.bitLength() <= 13000) {
            return b.toString();
        }
        String hex = IntFormat.hex(b);
        return "big:" + b.bitLength() + ":" + hex.substring(hex.length() - 20);
    }

    @Test
    void matchesCPython() {
        List<String[]> rows = Cases.load("int_parse.txt");
        List<String> failures = new ArrayList<>();
        for (String[] r : rows) {
            String got;
            switch (r[0]) {
                case "int": {
                    String s = Cases.dec(r[1]);
                    int base = Integer.parseInt(r[2]);
                    got = Cases.outcome(() -> {
                        Number n = IntParse.parseInt(s, base);
                        if (n instanceof BigInteger) {
                            assertThat(((BigInteger) n).bitLength()).as("normalised to Long").isGreaterThanOrEqualTo(64);
                        }
                        return render(n);
                    });
                    break;
                }
                case "float": {
                    String s = Cases.dec(r[1]);
                    got = Cases.outcome(() -> Cases.doubleToBits(IntParse.parseFloat(s)));
                    break;
                }
                case "hex":
                    got = IntFormat.hex(new BigInteger(r[1]));
                    break;
                case "oct":
                    got = IntFormat.oct(new BigInteger(r[1]));
                    break;
                default:
                    got = IntFormat.bin(new BigInteger(r[1]));
                    break;
            }
            if (r[0].equals("hex") || r[0].equals("oct") || r[0].equals("bin")) {
                BigInteger b = new BigInteger(r[1]);
                if (b.bitLength() < 64) {
                    long v = b.longValue();
                    String viaLong = r[0].equals("hex") ? IntFormat.hex(v) : r[0].equals("oct") ? IntFormat.oct(v)
                            : IntFormat.bin(v);
                    if (!viaLong.equals(got)) {
                        failures.add(r[0] + "(" + r[1] + ") long variant gives " + viaLong);
                    }
                }
            }
            if (!got.equals(r[3])) {
                failures.add(r[0] + "('" + r[1] + "', " + r[2] + "): expected " + r[3] + " got " + got);
            }
        }
        Cases.check(failures, rows.size());
    }

    @Test
    void examples() {
        assertThat(IntParse.parseInt(" -1_000 ")).isEqualTo(-1000L);
        assertThat(IntParse.parseInt("0x_ff", 0)).isEqualTo(255L);
        assertThat(IntParse.parseInt("123456789012345678901234567890"))
                .isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThatThrownBy(() -> IntParse.parseInt("abc")).isInstanceOfSatisfying(FormatError.class, e -> {
            assertThat(e.pyType()).isEqualTo("ValueError");
            assertThat(e.getMessage()).isEqualTo("invalid literal for int() with base 10: 'abc'");
        });
        assertThat(IntParse.parseFloat(" 1e5 ")).isEqualTo(100000.0);
        assertThat(IntParse.parseFloat("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(IntParse.parseFloat("nan")).isNaN();
        assertThatThrownBy(() -> IntParse.parseFloat("x")).hasMessage("could not convert string to float: 'x'");
        assertThat(IntParse.parseInt("7".repeat(5000), 10, 0).toString()).hasSize(5000);
        assertThatThrownBy(() -> IntParse.parseInt("7".repeat(5000))).hasMessageContaining("value has 5000 digits");
        assertThat(IntFormat.toDecimal(BigInteger.TEN.pow(4299))).hasSize(4300);
        assertThatThrownBy(() -> IntFormat.toDecimal(BigInteger.TEN.pow(4300))).hasMessageStartingWith("Exceeds the limit");
    }
}

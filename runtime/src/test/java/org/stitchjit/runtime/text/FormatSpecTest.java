package org.stitchjit.runtime.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatSpecTest {

    @Test
    void matchesCPythonForFloatsIntsAndStrings() {
        List<String[]> rows = Cases.load("format_spec.txt");
        List<String> failures = new ArrayList<>();
        for (String[] r : rows) {
            String spec = Cases.dec(r[2]);
            String got;
            switch (r[0]) {
                case "float": {
                    double v = Cases.bitsToDouble(r[1]);
                    got = Cases.outcome(() -> Cases.enc(FormatSpec.format(v, spec)));
                    break;
                }
                case "int": {
                    BigInteger b = new BigInteger(r[1]);
                    got = Cases.outcome(() -> Cases.enc(b.bitLength() < 64 ? FormatSpec.format(b.longValue(), spec)
                            : FormatSpec.format(b, spec)));
                    break;
                }
                default: {
                    String s = Cases.dec(r[1]);
                    got = Cases.outcome(() -> Cases.enc(FormatSpec.format(s, spec)));
                    break;
                }
            }
            if (!got.equals(r[3])) {
                failures.add("format(" + r[0] + " " + r[1] + ", '" + r[2] + "'): expected " + r[3] + " got " + got);
            }
        }
        Cases.check(failures, rows.size());
    }

    @Test
    void errorsCarryPythonTypeAndMessage() {
        assertThatThrownBy(() -> FormatSpec.format(1.5, "d")).isInstanceOfSatisfying(FormatError.class, e -> {
            assertThat(e.pyType()).isEqualTo("ValueError");
            assertThat(e.getMessage()).isEqualTo("Unknown format code 'd' for object of type 'float'");
            assertThat(e.getStackTrace()).isEmpty();
        });
        assertThatThrownBy(() -> FormatSpec.format("x", "+")).hasMessage("Sign not allowed in string format specifier");
        assertThatThrownBy(() -> FormatSpec.format(1, "xx"))
                .hasMessage("Invalid format specifier 'xx' for object of type 'int'");
        assertThat(FormatSpec.formatInt(1L, "f", "bool")).isEqualTo("1.000000");
    }

    @Test
    void boolUsesItsTypeNameInMessages() {
        assertThat(FormatSpec.formatInt(1L, "d", "bool")).isEqualTo("1");
        assertThatThrownBy(() -> FormatSpec.formatInt(1L, "s", "bool"))
                .hasMessage("Unknown format code 's' for object of type 'bool'");
    }
}

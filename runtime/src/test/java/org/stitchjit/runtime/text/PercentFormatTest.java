package org.stitchjit.runtime.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentFormatTest {

    @Test
    void matchesCPython() {
        List<String[]> rows = Cases.load("percent_format.txt");
        List<String> failures = new ArrayList<>();
        for (String[] r : rows) {
            String fmt = Cases.dec(r[0]);
            TestArg args = TestArg.container(r[1]);
            String got = Cases.outcome(() -> Cases.enc(PercentFormat.format(fmt, args)));
            if (!got.equals(r[2])) {
                failures.add("'" + r[0] + "' % " + r[1] + ": expected " + r[2] + " got " + got);
            }
        }
        Cases.check(failures, rows.size());
    }

    @Test
    void examples() {
        TestArg args = TestArg.container("T|s:pi|f:400921fb54442d18|i:42|i:42");
        assertThat(PercentFormat.format("%s=%.3f [%5d] %x%%", args)).isEqualTo("pi=3.142 [   42] 2a%");
        assertThatThrownBy(() -> PercentFormat.format("%d", TestArg.container("S|s:a")))
                .isInstanceOfSatisfying(FormatError.class, e -> {
                    assertThat(e.pyType()).isEqualTo("TypeError");
                    assertThat(e.getMessage()).isEqualTo("%d format: a real number is required, not str");
                });
        assertThatThrownBy(() -> PercentFormat.format("%s %s", TestArg.container("T|i:1")))
                .hasMessage("not enough arguments for format string");
        assertThatThrownBy(() -> PercentFormat.format("%s", TestArg.container("T|i:1|i:2")))
                .hasMessage("not all arguments converted during string formatting");
    }
}

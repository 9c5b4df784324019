package org.stitchjit.runtime.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrFormatTest {

    @Test
    void matchesCPython() {
        List<String[]> rows = Cases.load("str_format.txt");
        List<String> failures = new ArrayList<>();
        for (String[] r : rows) {
            String template = Cases.dec(r[0]);
            List<TestArg> args = TestArg.list(r[1]);
            Map<String, TestArg> kwargs = TestArg.dict(r[2]);
            String got = Cases.outcome(() -> Cases.enc(StrFormat.format(template, args, kwargs::get)));
            if (!got.equals(r[3])) {
                failures.add("'" + r[0] + "'.format(...): expected " + r[3] + " got " + got);
            }
        }
        Cases.check(failures, rows.size());
    }

    @Test
    void examples() {
        List<TestArg> args = TestArg.list("s:x|f:3ff8000000000000");
        Map<String, TestArg> kwargs = TestArg.dict("w=i:6");
        assertThat(StrFormat.format("{0!r:>{w}}|{1:.2f}|{{}}", args, kwargs::get)).isEqualTo("   'x'|1.50|{}");
        assertThat(StrFormat.format("{}-{}", args, null)).isEqualTo("x-1.5");
        assertThatThrownBy(() -> StrFormat.format("{nope}", args, kwargs::get))
                .isInstanceOfSatisfying(FormatError.class, e -> {
                    assertThat(e.pyType()).isEqualTo("KeyError");
                    assertThat(e.getMessage()).isEqualTo("'nope'");
                });
        assertThatThrownBy(() -> StrFormat.format("{0.imag}", args, null))
                .hasMessage("'str' object has no attribute 'imag'");
    }
}

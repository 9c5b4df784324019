package org.stitchjit.runtime.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class StrOpsTest {

    private static String str(String arg) {
        return arg.equals("None") ? null : Cases.dec(arg.substring(2));
    }

    private static long index(String arg, long none) {
        return arg.equals("None") ? none : Long.parseLong(arg);
    }

    private static String joined(List<String> parts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            sb.append(i > 0 ? "|" : "").append(Cases.enc(parts.get(i)));
        }
        return sb.toString();
    }

    private static String py(boolean b) {
        return b ? "True" : "False";
    }

    private static String call(String m, String s, String[] a) {
        switch (m) {
            case "split": return joined(StrOps.split(s, str(a[0]), Long.parseLong(a[1])));
            case "rsplit": return joined(StrOps.rsplit(s, str(a[0]), Long.parseLong(a[1])));
            case "splitlines": return joined(StrOps.splitlines(s, Boolean.parseBoolean(a[0].toLowerCase())));
            case "strip": return Cases.enc(StrOps.strip(s, str(a[0])));
            case "lstrip": return Cases.enc(StrOps.lstrip(s, str(a[0])));
            case "rstrip": return Cases.enc(StrOps.rstrip(s, str(a[0])));
            case "replace": return Cases.enc(StrOps.replace(s, str(a[0]), str(a[1]), Long.parseLong(a[2])));
            case "find": return "" + StrOps.find(s, str(a[0]), index(a[1], 0), index(a[2], Long.MAX_VALUE));
            case "rfind": return "" + StrOps.rfind(s, str(a[0]), index(a[1], 0), index(a[2], Long.MAX_VALUE));
            case "index": return "" + StrOps.index(s, str(a[0]), index(a[1], 0), index(a[2], Long.MAX_VALUE));
            case "rindex": return "" + StrOps.rindex(s, str(a[0]), index(a[1], 0), index(a[2], Long.MAX_VALUE));
            case "count": return "" + StrOps.count(s, str(a[0]), index(a[1], 0), index(a[2], Long.MAX_VALUE));
            case "startswith":
                return py(StrOps.startsWith(s, str(a[0]), index(a[1], 0), index(a[2], Long.MAX_VALUE)));
            case "endswith": return py(StrOps.endsWith(s, str(a[0]), index(a[1], 0), index(a[2], Long.MAX_VALUE)));
            case "upper": return Cases.enc(StrOps.upper(s));
            case "lower": return Cases.enc(StrOps.lower(s));
            case "title": return Cases.enc(StrOps.title(s));
            case "capitalize": return Cases.enc(StrOps.capitalize(s));
            case "swapcase": return Cases.enc(StrOps.swapcase(s));
            case "casefold": return Cases.enc(StrOps.casefold(s));
            case "isdigit": return py(StrOps.isDigit(s));
            case "isalpha": return py(StrOps.isAlpha(s));
            case "isspace": return py(StrOps.isSpace(s));
            case "isalnum": return py(StrOps.isAlnum(s));
            case "isupper": return py(StrOps.isUpper(s));
            case "islower": return py(StrOps.isLower(s));
            case "isdecimal": return py(StrOps.isDecimal(s));
            case "isnumeric": return py(StrOps.isNumeric(s));
            case "istitle": return py(StrOps.isTitle(s));
            case "isidentifier": return py(StrOps.isIdentifier(s));
            case "isprintable": return py(StrOps.isPrintable(s));
            case "isascii": return py(StrOps.isAscii(s));
            case "center": return Cases.enc(StrOps.center(s, Long.parseLong(a[0]), str(a[1]).codePointAt(0)));
            case "ljust": return Cases.enc(StrOps.ljust(s, Long.parseLong(a[0]), str(a[1]).codePointAt(0)));
            case "rjust": return Cases.enc(StrOps.rjust(s, Long.parseLong(a[0]), str(a[1]).codePointAt(0)));
            case "zfill": return Cases.enc(StrOps.zfill(s, Long.parseLong(a[0])));
            case "partition": return joined(List.of(StrOps.partition(s, str(a[0]))));
            case "rpartition": return joined(List.of(StrOps.rpartition(s, str(a[0]))));
            case "expandtabs": return Cases.enc(StrOps.expandtabs(s, Long.parseLong(a[0])));
            case "repr": return Cases.enc(StrOps.repr(s));
            case "ascii": return Cases.enc(StrOps.ascii(s));
            case "len": return "" + StrOps.length(s);
            default: throw new IllegalArgumentException(m);
        }
    }

    @Test
    void methodsMatchCPython() {
        List<String[]> rows = Cases.load("str_ops.txt");
        List<String> failures = new ArrayList<>();
        for (String[] r : rows) {
            int arrow = r.length - 2;
            String[] args = new String[arrow - 2];
            System.arraycopy(r, 2, args, 0, args.length);
            String s = Cases.dec(r[1]);
            String got = Cases.outcome(() -> call(r[0], s, args));
            if (!got.equals(r[arrow + 1])) {
                failures.add("'" + r[1] + "'." + r[0] + String.join(",", args) + ": expected " + r[arrow + 1]
                        + " got " + got);
            }
        }
        Cases.check(failures, rows.size());
    }

    private static BitSet ranges(String text) {
        BitSet b = new BitSet(0x110000);
        if (!text.isEmpty()) {
            for (String range : text.split(",")) {
                int dash = range.indexOf('-');
                b.set(Integer.parseInt(range.substring(0, dash), 16), Integer.parseInt(range.substring(dash + 1), 16) + 1);
            }
        }
        return b;
    }

    private static String ch(int cp) {
        return cp >= 0xd800 && cp <= 0xdfff ? String.valueOf((char) cp) : new String(Character.toChars(cp));
    }

    /**
     * Every code point assigned in both Python's Unicode 14 and the JDK's Unicode 13 behaves as in
     * CPython, for every character class and case mapping.
     */
    @Test
    void everyCodePointMatchesCPython() {
        Map<String, BitSet> props = new HashMap<>();
        Map<String, Map<Integer, String>> maps = new HashMap<>();
        for (String[] r : Cases.load("unicode_chars.txt")) {
            if (r.length == 2) {
                props.put(r[0], ranges(r[1]));
            } else {
                maps.computeIfAbsent(r[0], k -> new HashMap<>()).put(Integer.parseInt(r[1], 16), Cases.dec(r[2]));
            }
        }
        BitSet assigned = props.get("assigned");
        Map<String, IntPredicate> tests = new HashMap<>();
        tests.put("isspace", cp -> StrOps.isSpace(ch(cp)));
        tests.put("isalpha", cp -> StrOps.isAlpha(ch(cp)));
        tests.put("isdecimal", cp -> StrOps.isDecimal(ch(cp)));
        tests.put("isdigit", cp -> StrOps.isDigit(ch(cp)));
        tests.put("isnumeric", cp -> StrOps.isNumeric(ch(cp)));
        tests.put("isalnum", cp -> StrOps.isAlnum(ch(cp)));
        tests.put("isupper", cp -> StrOps.isUpper(ch(cp)));
        tests.put("islower", cp -> StrOps.isLower(ch(cp)));
        tests.put("istitle", cp -> StrOps.isTitle(ch(cp)));
        tests.put("isprintable", cp -> StrOps.isPrintable(ch(cp)));
        tests.put("isidentifier", cp -> StrOps.isIdentifier(ch(cp)));
        tests.put("isidcontinue", cp -> StrOps.isIdentifier("a" + ch(cp)));
        tests.put("sigma_final_after_A", cp -> StrOps.lower("A" + ch(cp) + "\u03a3").endsWith("\u03c2"));
        tests.put("sigma_final_after", cp -> StrOps.lower(ch(cp) + "\u03a3").endsWith("\u03c2"));
        Map<String, UnaryOperator<String>> mappings = Map.of("upper", StrOps::upper, "lower", StrOps::lower,
                "title", StrOps::title, "casefold", StrOps::casefold, "swapcase", StrOps::swapcase,
                "capitalize", StrOps::capitalize);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (int cp = 0; cp < 0x110000; cp++) {
            if (!assigned.get(cp) || Character.getType(cp) == Character.UNASSIGNED) {
                continue;
            }
            checked++;
            for (Map.Entry<String, IntPredicate> t : tests.entrySet()) {
                if (t.getValue().test(cp) != props.get(t.getKey()).get(cp)) {
                    failures.add(t.getKey() + " U+" + Integer.toHexString(cp));
                }
            }
            String c = ch(cp);
            for (Map.Entry<String, UnaryOperator<String>> m : mappings.entrySet()) {
                String want = maps.getOrDefault(m.getKey(), Map.of()).getOrDefault(cp, c);
                String got = m.getValue().apply(c);
                if (!got.equals(want)) {
                    failures.add(m.getKey() + " U+" + Integer.toHexString(cp) + ": expected " + Cases.enc(want)
                            + " got " + Cases.enc(got));
                }
            }
        }
        assertThat(checked).isGreaterThan(280_000);
        Cases.check(failures, checked);
    }

    @Test
    void examples() {
        assertThat(StrOps.split("  a b  c  ", null, -1)).containsExactly("a", "b", "c");
        assertThat(StrOps.split("a,b,,c", ",", 2)).containsExactly("a", "b", ",c");
        assertThat(StrOps.rsplit("a,b,,c", ",", 1)).containsExactly("a,b,", "c");
        assertThat(StrOps.splitlines("a\r\nb\n", true)).containsExactly("a\r\n", "b\n");
        assertThat(StrOps.find("\uD83D\uDE00ab", "b", 0, Long.MAX_VALUE)).isEqualTo(2);
        assertThat(StrOps.center("ab", 5, '*')).isEqualTo("**ab*");
        assertThat(StrOps.zfill("-42", 6)).isEqualTo("-00042");
        assertThat(StrOps.repr("it's")).isEqualTo("\"it's\"");
        assertThat(StrOps.repr("a\u00e9\u200b\n")).isEqualTo("'a\u00e9\\u200b\\n'");
        assertThat(StrOps.ascii("\u00e9\uD83D\uDE00")).isEqualTo("'\\xe9\\U0001f600'");
        assertThat(StrOps.upper("stra\u00dfe")).isEqualTo("STRASSE");
        assertThat(StrOps.lower("\u039f\u0394\u039f\u03a3")).isEqualTo("\u03bf\u03b4\u03bf\u03c2");
        assertThat(StrOps.title("they're bill's")).isEqualTo("They'Re Bill'S");
        assertThatThrownBy(() -> StrOps.split("a", "", -1)).hasMessage("empty separator");
        assertThatThrownBy(() -> StrOps.index("abc", "z", 0, Long.MAX_VALUE)).hasMessage("substring not found");
    }
}

package org.stitchjit.runtime.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Reads the CPython-generated case files written by gen_text_cases.py (see its docstring). */
final class Cases {
    private Cases() {}

    /** The rows of a resource file, each split on tabs (fields still encoded). */
    static List<String[]> load(String name) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = Cases.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(line.split("\t", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Decodes a field: doubled backslashes and backslash-u-{hex} escapes. */
    static String dec(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder sb = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\') {
                sb.append(c);
            } else if (field.charAt(i + 1) == '\\') {
                sb.append('\\');
                i++;
            } else {
                int close = field.indexOf('}', i);
                int cp = Integer.parseInt(field.substring(i + 3, close), 16);
                // Lone surrogates are kept as single chars, as Python keeps them as code points.
                if (cp >= 0xd800 && cp <= 0xdfff) {
                    sb.append((char) cp);
                } else {
                    sb.appendCodePoint(cp);
                }
                i = close;
            }
        }
        return sb.toString();
    }

    /** Encodes like gen_text_cases.enc, for comparing against an expected field. */
    static String enc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\\') {
                sb.append("\\\\");
            } else if (cp >= 0x20 && cp < 0x7f && cp != '|' && cp != '=') {
                sb.append((char) cp);
            } else {
                sb.append("\\u{").append(Integer.toHexString(cp)).append('}');
            }
        }
        return sb.toString();
    }

    static double bitsToDouble(String hex) {
        return Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
    }

    static String doubleToBits(double d) {
        return String.format("%016x", Double.doubleToRawLongBits(d));
    }

    /** Runs the computation and renders its encoded result or its Python exception as in the files. */
    static String outcome(Supplier<String> computation) {
        try {
            return computation.get();
        } catch (FormatError e) {
            return "!" + e.pyType() + ": " + enc(e.getMessage());
        }
    }

    /** Checks all rows, reporting up to 30 mismatches at once. */
    static void check(List<String> failures, int total) {
        if (!failures.isEmpty()) {
            StringBuilder sb = new StringBuilder(failures.size() + " of " + total + " cases differ from CPython:\n");
            failures.stream().limit(Integer.getInteger("cases.limit", 30)).forEach(f -> sb.append(f).append('\n'));
            throw new AssertionError(sb.toString());
        }
    }
}

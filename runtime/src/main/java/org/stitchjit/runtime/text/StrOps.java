package org.stitchjit.runtime.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Python {@code str} methods as pure functions on Java strings, with Python's semantics: a string
 * is a sequence of code points (indices, lengths, widths and fill characters count code points),
 * whitespace/line-break/case/digit classification follows CPython's Unicode database.
 *
 * <p>Unicode version gap: Python 3.11 uses Unicode 14.0, JDK 17's {@link Character} 13.0. The 838
 * code points assigned in 14.0 only are treated as unassigned here (not printable, not alphabetic,
 * no case mappings). Everything else, including full case mappings, case folding, final sigma,
 * XID identifiers and Numeric_Type, matches CPython 3.11 for every code point.
 *
 * <p>Index arguments are Python's: {@code start}/{@code end} may be negative or out of range and
 * are clamped like slice bounds; pass {@code 0} and {@link Long#MAX_VALUE} for omitted ones.
 */
public final class StrOps {
    private StrOps() {}

    /** Whether every char is outside the surrogate range, so char indices equal code point indices. */
    static boolean isBmpOnly(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code len(s)}. */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    // ---------------------------------------------------------------------------------------------
    // Character classes.

    /** Python's {@code str.isspace} for one code point (bidirectional WS/B/S or category Zs). */
    public static boolean isSpace(int cp) {
        if (cp < 128) {
            return cp >= 9 && cp <= 13 || cp >= 0x1c && cp <= 0x20;
        }
        switch (cp) {
            case 0x85: case 0xa0: case 0x1680: case 0x2028: case 0x2029: case 0x202f: case 0x205f: case 0x3000:
                return true;
            default:
                return cp >= 0x2000 && cp <= 0x200a;
        }
    }

    /** The line boundaries of {@code str.splitlines}. */
    public static boolean isLineBreak(int cp) {
        if (cp < 128) {
            return cp >= 10 && cp <= 13 || cp >= 0x1c && cp <= 0x1e;
        }
        return cp == 0x85 || cp == 0x2028 || cp == 0x2029;
    }

    public static boolean isAlpha(int cp) {
        if (cp < 128) {
            return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
        }
        return Character.isLetter(cp);
    }

    public static boolean isDecimal(int cp) {
        if (cp < 128) {
            return cp >= '0' && cp <= '9';
        }
        return Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER;
    }

    public static boolean isDigit(int cp) {
        if (isDecimal(cp)) {
            return true;
        }
        return cp >= 128 && inRanges(UnicodeTables.DIGIT_RANGES, cp);
    }

    public static boolean isNumeric(int cp) {
        if (cp < 128) {
            return cp >= '0' && cp <= '9';
        }
        int t = Character.getType(cp);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER
                || Arrays.binarySearch(UnicodeTables.NUMERIC_EXTRA, cp) >= 0;
    }

    public static boolean isAlnum(int cp) {
        if (cp < 128) {
            return isAlpha(cp) || cp >= '0' && cp <= '9';
        }
        return Character.isLetter(cp) || isNumeric(cp);
    }

    /** Python's per-character isupper: the Unicode Uppercase property. */
    public static boolean isUpper(int cp) {
        return cp < 128 ? cp >= 'A' && cp <= 'Z' : Character.isUpperCase(cp);
    }

    /** Python's per-character islower: the Unicode Lowercase property. */
    public static boolean isLower(int cp) {
        return cp < 128 ? cp >= 'a' && cp <= 'z' : Character.isLowerCase(cp);
    }

    public static boolean isTitleChar(int cp) {
        return cp >= 128 && Character.isTitleCase(cp);
    }

    /** The Unicode Cased property. */
    static boolean isCased(int cp) {
        if (cp < 128) {
            return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
        }
        return Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
    }

    /** The Unicode Case_Ignorable property (used by the final sigma rule). */
    static boolean isCaseIgnorable(int cp) {
        switch (cp) {
            // Word_Break MidLetter, MidNumLet and Single_Quote.
            case 0x27: case 0x2e: case 0x3a: case 0xb7: case 0x387: case 0x55f: case 0x5f4: case 0x2018:
            case 0x2019: case 0x2024: case 0x2027: case 0xfe13: case 0xfe52: case 0xfe55: case 0xff07:
            case 0xff0e: case 0xff1a:
                return true;
            default:
                break;
        }
        if (cp < 128) {
            return cp == '^' || cp == '`';
        }
        if (cp == 0x1734) {
            // Unicode 14 recategorised HANUNOO SIGN PAMUDPOD from Mn (JDK's Unicode 13) to Mc.
            return false;
        }
        switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.FORMAT:
            case Character.MODIFIER_LETTER:
            case Character.MODIFIER_SYMBOL:
                return true;
            default:
                return false;
        }
    }

    /** Python's {@code str.isprintable} for one code point. */
    public static boolean isPrintable(int cp) {
        if (cp < 128) {
            return cp >= 0x20 && cp < 0x7f;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    static boolean isXidStart(int cp) {
        if (cp < 128) {
            return isAlpha(cp) || cp == '_';
        }
        return Character.isUnicodeIdentifierStart(cp)
                && Arrays.binarySearch(UnicodeTables.NOT_XID_START, cp) < 0;
    }

    static boolean isXidContinue(int cp) {
        if (cp < 128) {
            return isAlpha(cp) || cp == '_' || cp >= '0' && cp <= '9';
        }
        return Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp)
                && Arrays.binarySearch(UnicodeTables.NOT_XID_CONTINUE, cp) < 0;
    }

    private static boolean inRanges(int[] ranges, int cp) {
        int lo = 0;
        int hi = ranges.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cp < ranges[2 * mid]) {
                hi = mid - 1;
            } else if (cp > ranges[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------
    // String predicates.

    private interface CodePointTest {
        boolean test(int cp);
    }

    private static boolean all(String s, CodePointTest t) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            if (!t.test(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    public static boolean isSpace(String s) {
        return all(s, StrOps::isSpace);
    }

    public static boolean isAlpha(String s) {
        return all(s, StrOps::isAlpha);
    }

    public static boolean isDecimal(String s) {
        return all(s, StrOps::isDecimal);
    }

    public static boolean isDigit(String s) {
        return all(s, StrOps::isDigit);
    }

    public static boolean isNumeric(String s) {
        return all(s, StrOps::isNumeric);
    }

    public static boolean isAlnum(String s) {
        return all(s, StrOps::isAlnum);
    }

    /** {@code str.isprintable}: true for the empty string. */
    public static boolean isPrintable(String s) {
        return s.isEmpty() || all(s, StrOps::isPrintable);
    }

    public static boolean isAscii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    public static boolean isUpper(String s) {
        boolean cased = false;
        for (int i = 0, n = s.length(); i < n; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isLower(cp) || isTitleChar(cp)) {
                return false;
            }
            if (isUpper(cp)) {
                cased = true;
            }
        }
        return cased;
    }

    public static boolean isLower(String s) {
        boolean cased = false;
        for (int i = 0, n = s.length(); i < n; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isUpper(cp) || isTitleChar(cp)) {
                return false;
            }
            if (isLower(cp)) {
                cased = true;
            }
        }
        return cased;
    }

    public static boolean isTitle(String s) {
        boolean cased = false;
        boolean previousCased = false;
        for (int i = 0, n = s.length(); i < n; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isUpper(cp) || isTitleChar(cp)) {
                if (previousCased) {
                    return false;
                }
                previousCased = true;
                cased = true;
            } else if (isLower(cp)) {
                if (!previousCased) {
                    return false;
                }
                previousCased = true;
                cased = true;
            } else {
                previousCased = false;
            }
        }
        return cased;
    }

    public static boolean isIdentifier(String s) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        int cp = s.codePointAt(0);
        if (!isXidStart(cp)) {
            return false;
        }
        for (int i = Character.charCount(cp); i < n; ) {
            cp = s.codePointAt(i);
            if (!isXidContinue(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------
    // Case mapping.

    private static final int[] UPPER_KEYS;
    private static final String[] UPPER_VALUES;
    private static final int[] TITLE_KEYS;
    private static final String[] TITLE_VALUES;
    private static final int[] FOLD_KEYS;
    private static final String[] FOLD_VALUES;

    static {
        Object[] t = unpack(UnicodeTables.UPPER_SPECIAL);
        UPPER_KEYS = (int[]) t[0];
        UPPER_VALUES = (String[]) t[1];
        t = unpack(UnicodeTables.TITLE_SPECIAL);
        TITLE_KEYS = (int[]) t[0];
        TITLE_VALUES = (String[]) t[1];
        t = unpack(UnicodeTables.CASEFOLD_SPECIAL);
        FOLD_KEYS = (int[]) t[0];
        FOLD_VALUES = (String[]) t[1];
    }

    private static Object[] unpack(int[] flat) {
        int count = 0;
        for (int i = 0; i < flat.length; i += 2 + flat[i + 1]) {
            count++;
        }
        int[] keys = new int[count];
        String[] values = new String[count];
        for (int i = 0, k = 0; i < flat.length; i += 2 + flat[i + 1], k++) {
            keys[k] = flat[i];
            values[k] = new String(flat, i + 2, flat[i + 1]);
        }
        return new Object[] {keys, values};
    }

    private static String special(int[] keys, String[] values, int cp) {
        int i = Arrays.binarySearch(keys, cp);
        return i >= 0 ? values[i] : null;
    }

    private static void appendUpper(StringBuilder sb, int cp) {
        String m = special(UPPER_KEYS, UPPER_VALUES, cp);
        if (m != null) {
            sb.append(m);
        } else {
            sb.appendCodePoint(Character.toUpperCase(cp));
        }
    }

    private static void appendTitle(StringBuilder sb, int cp) {
        String m = special(TITLE_KEYS, TITLE_VALUES, cp);
        if (m != null) {
            sb.append(m);
        } else {
            sb.appendCodePoint(Character.toTitleCase(cp));
        }
    }

    /** Full lowercase of the code point at {@code i}, applying the final sigma rule in context. */
    private static void appendLower(StringBuilder sb, String s, int i, int cp) {
        if (cp == 0x130) {
            sb.append("i\u0307");
        } else if (cp == 0x3a3) {
            sb.append(isFinalSigma(s, i) ? '\u03c2' : '\u03c3');
        } else {
            sb.appendCodePoint(Character.toLowerCase(cp));
        }
    }

    /**
     * Final_Sigma: a cased letter precedes (skipping case-ignorables) and none follows (same
     * skipping).
     */
    private static boolean isFinalSigma(String s, int i) {
        boolean casedBefore = false;
        for (int j = i; j > 0; ) {
            int cp = s.codePointBefore(j);
            j -= Character.charCount(cp);
            if (!isCaseIgnorable(cp)) {
                casedBefore = isCased(cp);
                break;
            }
        }
        if (!casedBefore) {
            return false;
        }
        for (int j = i + 1, n = s.length(); j < n; ) {
            int cp = s.codePointAt(j);
            j += Character.charCount(cp);
            if (!isCaseIgnorable(cp)) {
                return !isCased(cp);
            }
        }
        return true;
    }

    public static String upper(String s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c >= 128 || c >= 'a' && c <= 'z') {
                break;
            }
            i++;
        }
        if (i == n) {
            return s;
        }
        // JDK's root-locale full uppercase mapping equals Python's for every code point.
        return s.toUpperCase(Locale.ROOT);
    }

    public static String lower(String s) {
        int n = s.length();
        boolean ascii = true;
        boolean changes = false;
        boolean sigma = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 128) {
                ascii = false;
                if (c == 0x3a3) {
                    sigma = true;
                }
            } else if (c >= 'A' && c <= 'Z') {
                changes = true;
            }
        }
        if (ascii && !changes) {
            return s;
        }
        if (!sigma) {
            // Without capital sigma the JDK's root-locale lowercasing is context-free and equal to
            // Python's; its own final-sigma rule uses word boundaries, so we do that case ourselves.
            return s.toLowerCase(Locale.ROOT);
        }
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            appendLower(sb, s, i, cp);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    public static String casefold(String s) {
        int n = s.length();
        StringBuilder sb = null;
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            int cc = Character.charCount(cp);
            if (cp < 128) {
                if (cp >= 'A' && cp <= 'Z') {
                    if (sb == null) {
                        sb = new StringBuilder(n).append(s, 0, i);
                    }
                    sb.append((char) (cp + 32));
                } else if (sb != null) {
                    sb.append((char) cp);
                }
            } else {
                if (sb == null) {
                    sb = new StringBuilder(n + 8).append(s, 0, i);
                }
                String m = special(FOLD_KEYS, FOLD_VALUES, cp);
                if (m != null) {
                    sb.append(m);
                } else if (cp == 0x130) {
                    sb.append("i\u0307");
                } else {
                    sb.appendCodePoint(Character.toLowerCase(cp));
                }
            }
            i += cc;
        }
        return sb == null ? s : sb.toString();
    }

    public static String swapcase(String s) {
        int n = s.length();
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            if (cp < 128) {
                if (cp >= 'A' && cp <= 'Z' || cp >= 'a' && cp <= 'z') {
                    sb.append((char) (cp ^ 0x20));
                } else {
                    sb.append((char) cp);
                }
            } else if (Character.isUpperCase(cp)) {
                appendLower(sb, s, i, cp);
            } else if (Character.isLowerCase(cp)) {
                appendUpper(sb, cp);
            } else {
                sb.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    public static String capitalize(String s) {
        int n = s.length();
        if (n == 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n + 2);
        int cp = s.codePointAt(0);
        appendTitle(sb, cp);
        for (int i = Character.charCount(cp); i < n; ) {
            cp = s.codePointAt(i);
            appendLower(sb, s, i, cp);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    public static String title(String s) {
        int n = s.length();
        StringBuilder sb = new StringBuilder(n + 2);
        boolean previousCased = false;
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            if (previousCased) {
                appendLower(sb, s, i, cp);
            } else {
                appendTitle(sb, cp);
            }
            previousCased = isCased(cp);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------------------------------------
    // Splitting and stripping.

    /** {@code s.split(sep, maxsplit)}; {@code sep == null} splits on runs of whitespace. */
    public static List<String> split(String s, String sep, long maxsplit) {
        if (maxsplit < 0) {
            maxsplit = Long.MAX_VALUE;
        }
        int n = s.length();
        List<String> out = new ArrayList<>();
        if (sep == null) {
            int i = 0;
            while (maxsplit-- > 0) {
                while (i < n && isSpace(s.charAt(i))) {
                    i++;
                }
                if (i == n) {
                    return out;
                }
                int j = i++;
                while (i < n && !isSpace(s.charAt(i))) {
                    i++;
                }
                out.add(s.substring(j, i));
            }
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            if (i < n) {
                out.add(s.substring(i));
            }
            return out;
        }
        int m = sep.length();
        if (m == 0) {
            throw FormatError.valueError("empty separator");
        }
        int i = 0;
        while (maxsplit-- > 0) {
            int p = m == 1 ? s.indexOf(sep.charAt(0), i) : s.indexOf(sep, i);
            if (p < 0) {
                break;
            }
            out.add(s.substring(i, p));
            i = p + m;
        }
        out.add(i == 0 ? s : s.substring(i));
        return out;
    }

    /** {@code s.rsplit(sep, maxsplit)}. */
    public static List<String> rsplit(String s, String sep, long maxsplit) {
        if (maxsplit < 0) {
            maxsplit = Long.MAX_VALUE;
        }
        int n = s.length();
        ArrayList<String> out = new ArrayList<>();
        if (sep == null) {
            int i = n;
            while (maxsplit-- > 0) {
                while (i > 0 && isSpace(s.charAt(i - 1))) {
                    i--;
                }
                if (i == 0) {
                    break;
                }
                int j = i--;
                while (i > 0 && !isSpace(s.charAt(i - 1))) {
                    i--;
                }
                out.add(s.substring(i, j));
            }
            if (i > 0) {
                while (i > 0 && isSpace(s.charAt(i - 1))) {
                    i--;
                }
                if (i > 0) {
                    out.add(s.substring(0, i));
                }
            }
            reverse(out);
            return out;
        }
        int m = sep.length();
        if (m == 0) {
            throw FormatError.valueError("empty separator");
        }
        int end = n;
        while (maxsplit-- > 0 && end >= m) {
            int p = s.lastIndexOf(sep, end - m);
            if (p < 0) {
                break;
            }
            out.add(s.substring(p + m, end));
            end = p;
        }
        out.add(end == n ? s : s.substring(0, end));
        reverse(out);
        return out;
    }

    private static void reverse(ArrayList<String> list) {
        for (int i = 0, j = list.size() - 1; i < j; i++, j--) {
            String t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    /** {@code s.splitlines(keepends)}. */
    public static List<String> splitlines(String s, boolean keepends) {
        int n = s.length();
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < n) {
            int j = i;
            while (i < n && !isLineBreak(s.charAt(i))) {
                i++;
            }
            int eol = i;
            if (i < n) {
                if (s.charAt(i) == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                    i += 2;
                } else {
                    i++;
                }
                if (keepends) {
                    eol = i;
                }
            }
            out.add(j == 0 && eol == n ? s : s.substring(j, eol));
        }
        return out;
    }

    /** {@code s.strip(chars)}; {@code chars == null} strips whitespace. */
    public static String strip(String s, String chars) {
        return strip(s, chars, true, true);
    }

    public static String lstrip(String s, String chars) {
        return strip(s, chars, true, false);
    }

    public static String rstrip(String s, String chars) {
        return strip(s, chars, false, true);
    }

    private static boolean inChars(String chars, int cp) {
        if (chars == null) {
            return isSpace(cp);
        }
        if (cp >= Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            return chars.indexOf(cp) >= 0;
        }
        // A lone surrogate must not match half of a pair in chars.
        return Character.isSurrogate((char) cp) ? containsCodePoint(chars, cp) : chars.indexOf(cp) >= 0;
    }

    private static boolean containsCodePoint(String chars, int cp) {
        for (int i = 0, n = chars.length(); i < n; ) {
            int c = chars.codePointAt(i);
            if (c == cp) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    private static String strip(String s, String chars, boolean left, boolean right) {
        int n = s.length();
        int i = 0;
        int j = n;
        if (left) {
            while (i < n) {
                int cp = s.codePointAt(i);
                if (!inChars(chars, cp)) {
                    break;
                }
                i += Character.charCount(cp);
            }
        }
        if (right) {
            while (j > i) {
                int cp = s.codePointBefore(j);
                if (!inChars(chars, cp)) {
                    break;
                }
                j -= Character.charCount(cp);
            }
        }
        return i == 0 && j == n ? s : s.substring(i, j);
    }

    /** {@code s.partition(sep)} as a 3-element array. */
    public static String[] partition(String s, String sep) {
        if (sep.isEmpty()) {
            throw FormatError.valueError("empty separator");
        }
        int p = s.indexOf(sep);
        if (p < 0) {
            return new String[] {s, "", ""};
        }
        return new String[] {s.substring(0, p), sep, s.substring(p + sep.length())};
    }

    /** {@code s.rpartition(sep)} as a 3-element array. */
    public static String[] rpartition(String s, String sep) {
        if (sep.isEmpty()) {
            throw FormatError.valueError("empty separator");
        }
        int p = s.lastIndexOf(sep);
        if (p < 0) {
            return new String[] {"", "", s};
        }
        return new String[] {s.substring(0, p), sep, s.substring(p + sep.length())};
    }

    // ---------------------------------------------------------------------------------------------
    // Searching.

    /** A slice [start, end) of s adjusted like Python's ADJUST_INDICES, in code points. */
    private static long adjustEnd(long end, int len) {
        if (end > len) {
            return len;
        }
        if (end < 0) {
            end += len;
            return end < 0 ? 0 : end;
        }
        return end;
    }

    private static long adjustStart(long start, int len) {
        if (start < 0) {
            start += len;
            return start < 0 ? 0 : start;
        }
        return start;
    }

    /** {@code s.find(sub)}. */
    public static int find(String s, String sub) {
        return find(s, sub, 0, Long.MAX_VALUE);
    }

    /** {@code s.find(sub, start, end)}. */
    public static int find(String s, String sub, long start, long end) {
        if (isBmpOnly(s)) {
            int len = s.length();
            long e = adjustEnd(end, len);
            long b = adjustStart(start, len);
            int m = sub.length();
            if (e - b < m) {
                return -1;
            }
            int p = s.indexOf(sub, (int) b);
            return p >= 0 && p + m <= e ? p : -1;
        }
        int len = length(s);
        long e = adjustEnd(end, len);
        long b = adjustStart(start, len);
        int m = length(sub);
        if (e - b < m) {
            return -1;
        }
        int bc = s.offsetByCodePoints(0, (int) b);
        int ec = s.offsetByCodePoints(bc, (int) (e - b));
        int p = s.indexOf(sub, bc);
        return p >= 0 && p + sub.length() <= ec ? (int) b + s.codePointCount(bc, p) : -1;
    }

    /** {@code s.rfind(sub)}. */
    public static int rfind(String s, String sub) {
        return rfind(s, sub, 0, Long.MAX_VALUE);
    }

    /** {@code s.rfind(sub, start, end)}. */
    public static int rfind(String s, String sub, long start, long end) {
        if (isBmpOnly(s)) {
            int len = s.length();
            long e = adjustEnd(end, len);
            long b = adjustStart(start, len);
            int m = sub.length();
            if (e - b < m) {
                return -1;
            }
            int p = s.lastIndexOf(sub, (int) (e - m));
            return p >= b ? p : -1;
        }
        int len = length(s);
        long e = adjustEnd(end, len);
        long b = adjustStart(start, len);
        int m = length(sub);
        if (e - b < m) {
            return -1;
        }
        int bc = s.offsetByCodePoints(0, (int) b);
        int ec = s.offsetByCodePoints(bc, (int) (e - b));
        int p = s.lastIndexOf(sub, ec - sub.length());
        return p >= bc ? (int) b + s.codePointCount(bc, p) : -1;
    }

    /** {@code s.index(sub, start, end)}. */
    public static int index(String s, String sub, long start, long end) {
        int p = find(s, sub, start, end);
        if (p < 0) {
            throw FormatError.valueError("substring not found");
        }
        return p;
    }

    /** {@code s.rindex(sub, start, end)}. */
    public static int rindex(String s, String sub, long start, long end) {
        int p = rfind(s, sub, start, end);
        if (p < 0) {
            throw FormatError.valueError("substring not found");
        }
        return p;
    }

    /** {@code s.count(sub, start, end)}. */
    public static int count(String s, String sub, long start, long end) {
        boolean bmp = isBmpOnly(s);
        int len = bmp ? s.length() : length(s);
        long e = adjustEnd(end, len);
        long b = adjustStart(start, len);
        int m = bmp ? sub.length() : length(sub);
        if (e - b < m) {
            return 0;
        }
        if (m == 0) {
            return (int) (e - b + 1);
        }
        int bc = bmp ? (int) b : s.offsetByCodePoints(0, (int) b);
        int ec = bmp ? (int) e : s.offsetByCodePoints(bc, (int) (e - b));
        int count = 0;
        int step = sub.length();
        for (int p = s.indexOf(sub, bc); p >= 0 && p + step <= ec; p = s.indexOf(sub, p + step)) {
            count++;
        }
        return count;
    }

    /** {@code s.count(sub)}. */
    public static int count(String s, String sub) {
        return count(s, sub, 0, Long.MAX_VALUE);
    }

    /** {@code s.startswith(prefix, start, end)}. */
    public static boolean startsWith(String s, String prefix, long start, long end) {
        return tailMatch(s, prefix, start, end, false);
    }

    /** {@code s.startswith(prefixes, start, end)} for a tuple of prefixes. */
    public static boolean startsWith(String s, String[] prefixes, long start, long end) {
        for (String p : prefixes) {
            if (tailMatch(s, p, start, end, false)) {
                return true;
            }
        }
        return false;
    }

    /** {@code s.endswith(suffix, start, end)}. */
    public static boolean endsWith(String s, String suffix, long start, long end) {
        return tailMatch(s, suffix, start, end, true);
    }

    /** {@code s.endswith(suffixes, start, end)} for a tuple of suffixes. */
    public static boolean endsWith(String s, String[] suffixes, long start, long end) {
        for (String p : suffixes) {
            if (tailMatch(s, p, start, end, true)) {
                return true;
            }
        }
        return false;
    }

    private static boolean tailMatch(String s, String sub, long start, long end, boolean atEnd) {
        if (start == 0 && end >= s.length()) {
            // Whole string: slice clamping cannot matter.
            return atEnd ? s.endsWith(sub) : s.startsWith(sub);
        }
        boolean bmp = isBmpOnly(s);
        int len = bmp ? s.length() : length(s);
        long e = adjustEnd(end, len);
        long b = adjustStart(start, len);
        int m = bmp ? sub.length() : length(sub);
        if (e - m < b) {
            return false;
        }
        if (m == 0) {
            return true;
        }
        long at = atEnd ? e - m : b;
        int offset = bmp ? (int) at : s.offsetByCodePoints(0, (int) at);
        return s.startsWith(sub, offset);
    }

    /** {@code s.replace(old, new, count)}; a negative count replaces all. */
    public static String replace(String s, String old, String replacement, long count) {
        if (count < 0) {
            count = Long.MAX_VALUE;
        }
        if (count == 0) {
            return s;
        }
        int n = s.length();
        if (old.isEmpty()) {
            StringBuilder sb = new StringBuilder(n + replacement.length() * (n + 1));
            int i = 0;
            while (count-- > 0) {
                sb.append(replacement);
                if (i >= n) {
                    return sb.toString();
                }
                int cc = Character.charCount(s.codePointAt(i));
                sb.append(s, i, i + cc);
                i += cc;
            }
            return sb.append(s, i, n).toString();
        }
        int p = s.indexOf(old);
        if (p < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n + Math.max(0, replacement.length() - old.length()) * 4);
        int i = 0;
        do {
            sb.append(s, i, p).append(replacement);
            i = p + old.length();
            p = --count > 0 ? s.indexOf(old, i) : -1;
        } while (p >= 0);
        return sb.append(s, i, n).toString();
    }

    // ---------------------------------------------------------------------------------------------
    // Padding.

    private static String padded(String s, int left, int right, int fill) {
        StringBuilder sb = new StringBuilder(s.length() + (left + right) * Character.charCount(fill));
        for (int i = 0; i < left; i++) {
            sb.appendCodePoint(fill);
        }
        sb.append(s);
        for (int i = 0; i < right; i++) {
            sb.appendCodePoint(fill);
        }
        return sb.toString();
    }

    /** {@code s.center(width, fillchar)}. */
    public static String center(String s, long width, int fill) {
        int len = length(s);
        if (width <= len) {
            return s;
        }
        long marg = width - len;
        // CPython puts the extra character on the left when both marg and width are odd.
        long left = marg / 2 + (marg & width & 1);
        return padded(s, checkedWidth(left), checkedWidth(marg - left), fill);
    }

    public static String ljust(String s, long width, int fill) {
        int len = length(s);
        return width <= len ? s : padded(s, 0, checkedWidth(width - len), fill);
    }

    public static String rjust(String s, long width, int fill) {
        int len = length(s);
        return width <= len ? s : padded(s, checkedWidth(width - len), 0, fill);
    }

    private static int checkedWidth(long w) {
        if (w > Integer.MAX_VALUE - 64) {
            throw new FormatError("MemoryError", "");
        }
        return (int) w;
    }

    /** {@code s.zfill(width)}: zeros after a leading sign. */
    public static String zfill(String s, long width) {
        int len = length(s);
        if (width <= len) {
            return s;
        }
        int fill = checkedWidth(width - len);
        StringBuilder sb = new StringBuilder(s.length() + fill);
        int start = 0;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            sb.append(s.charAt(0));
            start = 1;
        }
        for (int i = 0; i < fill; i++) {
            sb.append('0');
        }
        return sb.append(s, start, s.length()).toString();
    }

    /** {@code s.expandtabs(tabsize)}; columns restart after {@code \n} and {@code \r}. */
    public static String expandtabs(String s, long tabsize) {
        if (s.indexOf('\t') < 0) {
            return s;
        }
        int n = s.length();
        StringBuilder sb = new StringBuilder(n + 16);
        long col = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\t') {
                if (tabsize > 0) {
                    long incr = tabsize - col % tabsize;
                    col += incr;
                    for (long k = 0; k < incr; k++) {
                        sb.append(' ');
                    }
                }
            } else {
                sb.append(c);
                if (c == '\n' || c == '\r') {
                    col = 0;
                } else if (!Character.isLowSurrogate(c) || i == 0 || !Character.isHighSurrogate(s.charAt(i - 1))) {
                    col++;
                }
            }
        }
        return sb.toString();
    }

    /** {@code s.removeprefix(prefix)}. */
    public static String removePrefix(String s, String prefix) {
        return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
    }

    /** {@code s.removesuffix(suffix)}. */
    public static String removeSuffix(String s, String suffix) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }

    // ---------------------------------------------------------------------------------------------
    // repr and ascii.

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** {@code repr(s)} exactly as CPython (quote choice, escapes, printable characters kept). */
    public static String repr(String s) {
        int n = s.length();
        boolean hasSingle = false;
        boolean hasDouble = false;
        boolean plain = true;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                hasSingle = true;
            } else if (c == '"') {
                hasDouble = true;
            } else if (c < 0x20 || c >= 0x7f || c == '\\') {
                plain = false;
            }
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        if (plain && !(hasSingle && hasDouble)) {
            return quote + s + quote;
        }
        StringBuilder sb = new StringBuilder(n + 8);
        sb.append(quote);
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                sb.append('\\').append((char) cp);
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp < 0x7f && cp >= 0x20 || cp >= 0x7f && isPrintable(cp)) {
                sb.appendCodePoint(cp);
            } else {
                appendEscape(sb, cp);
            }
        }
        return sb.append(quote).toString();
    }

    private static void appendEscape(StringBuilder sb, int cp) {
        if (cp <= 0xff) {
            sb.append("\\x").append(HEX[cp >> 4]).append(HEX[cp & 15]);
        } else if (cp <= 0xffff) {
            sb.append("\\u");
            for (int shift = 12; shift >= 0; shift -= 4) {
                sb.append(HEX[cp >> shift & 15]);
            }
        } else {
            sb.append("\\U");
            for (int shift = 28; shift >= 0; shift -= 4) {
                sb.append(HEX[cp >> shift & 15]);
            }
        }
    }

    /** {@code ascii(s)} for a str. */
    public static String ascii(String s) {
        return asciiEscape(repr(s));
    }

    /** Escapes the non-ASCII code points of an already computed repr, as {@code ascii(x)} does. */
    public static String asciiEscape(String repr) {
        if (isAscii(repr)) {
            return repr;
        }
        StringBuilder sb = new StringBuilder(repr.length() + 16);
        for (int i = 0, n = repr.length(); i < n; ) {
            int cp = repr.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128) {
                sb.append((char) cp);
            } else {
                appendEscape(sb, cp);
            }
        }
        return sb.toString();
    }
}

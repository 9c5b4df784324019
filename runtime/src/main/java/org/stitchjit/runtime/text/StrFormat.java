package org.stitchjit.runtime.text;

import java.util.List;
import java.util.function.Function;

/**
 * Python's {@code str.format(*args, **kwargs)} and {@code str.format_map(mapping)} with CPython
 * 3.11's parsing rules and messages: {@code {{ }}} escapes, automatic and manual numbering,
 * keyword fields, {@code .attr} and {@code [key]} lookups, {@code !r !s !a} conversions and format
 * specs with nested replacement fields (two levels deep).
 */
public final class StrFormat {
    private StrFormat() {}

    private static final int MAX_DEPTH = 2;

    /**
     * {@code template.format(*args, **kwargs)}.
     *
     * @param kwargs keyword lookup returning null for a missing name (a {@code Map::get} will
     *     do); may itself throw a {@link FormatError} (as {@code format_map}'s {@code __getitem__}
     *     may); null means no keywords
     */
    public static String format(String template, List<? extends FormatArg> args,
            Function<String, ? extends FormatArg> kwargs) {
        if (template.indexOf('{') < 0 && template.indexOf('}') < 0) {
            return template;
        }
        Run run = new Run(args, kwargs);
        StringBuilder sb = new StringBuilder(template.length() + 16);
        run.build(sb, template, 0, template.length(), MAX_DEPTH);
        return sb.toString();
    }

    /** The default {@link FormatArg#format}: built-in {@code __format__} for int, float and str. */
    static String defaultFormat(FormatArg v, String spec) {
        Object n = v.number();
        if (spec.isEmpty()) {
            return v.str();
        }
        if (n instanceof Double) {
            return FormatSpec.formatFloat((Double) n, spec, v.typeName());
        }
        if (n instanceof Number) {
            return FormatSpec.formatInt((Number) n, spec, v.typeName());
        }
        String t = v.text();
        if (t != null) {
            return FormatSpec.formatString(t, spec, v.typeName());
        }
        throw FormatError.typeError("unsupported format string passed to " + v.typeName() + ".__format__");
    }

    private static final class Run {
        final List<? extends FormatArg> args;
        final Function<String, ? extends FormatArg> kwargs;
        /** Next automatic field number; -1 once manual numbering was used. */
        int autoNumber;
        boolean manual;

        Run(List<? extends FormatArg> args, Function<String, ? extends FormatArg> kwargs) {
            this.args = args;
            this.kwargs = kwargs;
        }

        void build(StringBuilder sb, String s, int pos, int end, int depth) {
            if (depth <= 0) {
                throw FormatError.valueError("Max string recursion exceeded");
            }
            while (pos < end) {
                int literalStart = pos;
                char c = 0;
                while (pos < end) {
                    c = s.charAt(pos);
                    if (c == '{' || c == '}') {
                        break;
                    }
                    pos++;
                }
                sb.append(s, literalStart, pos);
                if (pos >= end) {
                    return;
                }
                pos++;
                boolean atEnd = pos >= end;
                if (c == '}') {
                    if (atEnd || s.charAt(pos) != '}') {
                        throw FormatError.valueError("Single '}' encountered in format string");
                    }
                    sb.append('}');
                    pos++;
                    continue;
                }
                if (atEnd) {
                    throw FormatError.valueError("Single '{' encountered in format string");
                }
                if (s.charAt(pos) == '{') {
                    sb.append('{');
                    pos++;
                    continue;
                }
                pos = field(sb, s, pos, end, depth);
            }
        }

        /** Parses and renders the field starting just after its '{'; returns the index after its '}'. */
        int field(StringBuilder sb, String s, int pos, int end, int depth) {
            int nameStart = pos;
            char c = 0;
            scan:
            while (pos < end) {
                c = s.charAt(pos++);
                switch (c) {
                    case '{':
                        throw FormatError.valueError("unexpected '{' in field name");
                    case '[':
                        while (pos < end && s.charAt(pos) != ']') {
                            pos++;
                        }
                        break;
                    case '}':
                    case ':':
                    case '!':
                        break scan;
                    default:
                        break;
                }
            }
            int nameEnd = pos - 1;
            int conversion = 0;
            int specStart = pos;
            int specEnd = pos;
            boolean specNested = false;
            if (c == '!' || c == ':') {
                boolean closed = false;
                if (c == '!') {
                    if (pos >= end) {
                        throw FormatError.valueError("end of string while looking for conversion specifier");
                    }
                    conversion = s.codePointAt(pos);
                    pos += Character.charCount(conversion);
                    if (pos < end) {
                        char d = s.charAt(pos++);
                        if (d == '}') {
                            closed = true;
                            specStart = specEnd = pos;
                        } else if (d != ':') {
                            throw FormatError.valueError("expected ':' after conversion specifier");
                        }
                    }
                }
                if (!closed) {
                    specStart = pos;
                    int count = 1;
                    while (true) {
                        if (pos >= end) {
                            throw FormatError.valueError("unmatched '{' in format spec");
                        }
                        char d = s.charAt(pos++);
                        if (d == '{') {
                            specNested = true;
                            count++;
                        } else if (d == '}' && --count == 0) {
                            break;
                        }
                    }
                    specEnd = pos - 1;
                }
            } else if (c != '}') {
                throw FormatError.valueError("expected '}' before end of string");
            }
            FormatArg value = lookup(s, nameStart, nameEnd);
            String converted = null;
            switch (conversion) {
                case 0:
                    break;
                case 'r':
                    converted = value.repr();
                    break;
                case 's':
                    converted = value.str();
                    break;
                case 'a':
                    converted = value.ascii();
                    break;
                default: {
                    String shown = conversion > 32 && conversion < 127 ? String.valueOf((char) conversion)
                            : "\\x" + Integer.toHexString(conversion);
                    throw FormatError.valueError("Unknown conversion specifier " + shown);
                }
            }
            String spec;
            if (specNested) {
                StringBuilder expanded = new StringBuilder(specEnd - specStart + 8);
                build(expanded, s, specStart, specEnd, depth - 1);
                spec = expanded.toString();
            } else {
                spec = s.substring(specStart, specEnd);
            }
            if (converted != null) {
                sb.append(spec.isEmpty() ? converted : FormatSpec.format(converted, spec));
            } else {
                sb.append(value.format(spec));
            }
            return pos;
        }

        /** Resolves a field name such as {@code ""}, {@code "0"}, {@code "name.attr[key]"}. */
        FormatArg lookup(String s, int start, int end) {
            int firstEnd = start;
            while (firstEnd < end && s.charAt(firstEnd) != '.' && s.charAt(firstEnd) != '[') {
                firstEnd++;
            }
            FormatArg value;
            if (firstEnd == start) {
                if (manual) {
                    throw FormatError.valueError(
                            "cannot switch from manual field specification to automatic field numbering");
                }
                value = positional(autoNumber++);
            } else {
                long index = parseIndex(s, start, firstEnd);
                if (index >= 0) {
                    if (autoNumber > 0) {
                        throw FormatError.valueError(
                                "cannot switch from automatic field numbering to manual field specification");
                    }
                    manual = true;
                    value = positional(index);
                } else {
                    String name = s.substring(start, firstEnd);
                    value = kwargs == null ? null : kwargs.apply(name);
                    if (value == null) {
                        throw new FormatError("KeyError", StrOps.repr(name));
                    }
                }
            }
            int pos = firstEnd;
            while (pos < end) {
                char c = s.charAt(pos++);
                if (c == '.') {
                    int nameStart = pos;
                    while (pos < end && s.charAt(pos) != '.' && s.charAt(pos) != '[') {
                        pos++;
                    }
                    if (pos == nameStart) {
                        throw FormatError.valueError("Empty attribute in format string");
                    }
                    value = value.attribute(s.substring(nameStart, pos));
                } else if (c == '[') {
                    int keyStart = pos;
                    while (pos < end && s.charAt(pos) != ']') {
                        pos++;
                    }
                    if (pos >= end) {
                        throw FormatError.valueError("Missing ']' in format string");
                    }
                    if (pos == keyStart) {
                        throw FormatError.valueError("Empty attribute in format string");
                    }
                    long index = parseIndex(s, keyStart, pos);
                    value = value.item(index >= 0 ? (Object) index : s.substring(keyStart, pos));
                    pos++;
                    if (pos < end && s.charAt(pos) != '.' && s.charAt(pos) != '[') {
                        throw FormatError.valueError("Only '.' or '[' may follow ']' in format field specifier");
                    }
                } else {
                    throw FormatError.valueError("Only '.' or '[' may follow ']' in format field specifier");
                }
            }
            return value;
        }

        FormatArg positional(long index) {
            if (index >= args.size()) {
                throw new FormatError("IndexError",
                        "Replacement index " + index + " out of range for positional args tuple");
            }
            return args.get((int) index);
        }
    }

    /** The value of an all-ASCII-digit field name part, or -1 if it is not all digits. */
    private static long parseIndex(String s, int start, int end) {
        long v = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            int d = c - '0';
            if (v > (Long.MAX_VALUE - d) / 10) {
                throw FormatError.valueError("Too many decimal digits in format string");
            }
            v = v * 10 + d;
        }
        return v;
    }
}

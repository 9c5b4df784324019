package org.stitchjit.runtime.text;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A guest value for the formatting tests, decoded from gen_text_cases.py's argument codes:
 * {@code i:int b:1|0 f:hexbits s:str n:} scalars, and {@code T|..} tuple, {@code L|..} list,
 * {@code D|key=..} dict, {@code S|x} single value containers.
 */
final class TestArg implements FormatArg {
    private final char kind;
    private final Object value;
    private final List<TestArg> items;
    private final Map<String, TestArg> dict;

    private TestArg(char kind, Object value, List<TestArg> items, Map<String, TestArg> dict) {
        this.kind = kind;
        this.value = value;
        this.items = items;
        this.dict = dict;
    }

    static TestArg scalar(String code) {
        String body = code.substring(2);
        switch (code.charAt(0)) {
            case 'i': {
                BigInteger b = new BigInteger(body);
                return new TestArg('i', b.bitLength() < 64 ? (Object) b.longValue() : b, null, null);
            }
            case 'b':
                return new TestArg('b', body.equals("1") ? 1L : 0L, null, null);
            case 'f':
                return new TestArg('f', Cases.bitsToDouble(body), null, null);
            case 's':
                return new TestArg('s', Cases.dec(body), null, null);
            case 'n':
                return new TestArg('n', null, null, null);
            default:
                throw new IllegalArgumentException(code);
        }
    }

    static List<TestArg> list(String codes) {
        List<TestArg> out = new ArrayList<>();
        if (!codes.isEmpty()) {
            for (String c : codes.split("\\|", -1)) {
                out.add(scalar(c));
            }
        }
        return out;
    }

    static Map<String, TestArg> dict(String codes) {
        Map<String, TestArg> out = new LinkedHashMap<>();
        if (!codes.isEmpty()) {
            for (String c : codes.split("\\|", -1)) {
                int eq = c.indexOf('=');
                out.put(Cases.dec(c.substring(0, eq)), scalar(c.substring(eq + 1)));
            }
        }
        return out;
    }

    /** The right operand of {@code %}. */
    static TestArg container(String code) {
        String body = code.substring(2);
        switch (code.charAt(0)) {
            case 'T':
                return new TestArg('T', null, list(body), null);
            case 'L':
                return new TestArg('L', null, list(body), null);
            case 'D':
                return new TestArg('D', null, null, dict(body));
            case 'S':
                return scalar(body);
            default:
                throw new IllegalArgumentException(code);
        }
    }

    @Override
    public String str() {
        switch (kind) {
            case 's':
                return (String) value;
            case 'f':
                return FloatFormat.repr((Double) value);
            case 'b':
                return (Long) value == 1 ? "True" : "False";
            case 'n':
                return "None";
            case 'i':
                return value.toString();
            default:
                return repr();
        }
    }

    @Override
    public String repr() {
        switch (kind) {
            case 's':
                return StrOps.repr((String) value);
            case 'T':
            case 'L': {
                StringBuilder sb = new StringBuilder(kind == 'T' ? "(" : "[");
                for (int i = 0; i < items.size(); i++) {
                    sb.append(i > 0 ? ", " : "").append(items.get(i).repr());
                }
                if (kind == 'T' && items.size() == 1) {
                    sb.append(',');
                }
                return sb.append(kind == 'T' ? ")" : "]").toString();
            }
            case 'D': {
                StringBuilder sb = new StringBuilder("{");
                for (Map.Entry<String, TestArg> e : dict.entrySet()) {
                    sb.append(sb.length() > 1 ? ", " : "").append(StrOps.repr(e.getKey())).append(": ")
                            .append(e.getValue().repr());
                }
                return sb.append('}').toString();
            }
            default:
                return str();
        }
    }

    @Override
    public Object number() {
        return kind == 'i' || kind == 'b' || kind == 'f' ? value : null;
    }

    @Override
    public String text() {
        return kind == 's' ? (String) value : null;
    }

    @Override
    public String typeName() {
        switch (kind) {
            case 'i': return "int";
            case 'b': return "bool";
            case 'f': return "float";
            case 's': return "str";
            case 'n': return "NoneType";
            case 'T': return "tuple";
            case 'L': return "list";
            default: return "dict";
        }
    }

    @Override
    public FormatArg attribute(String name) {
        if ((kind == 'i' || kind == 'b') && name.equals("real")) {
            return kind == 'b' ? new TestArg('i', value, null, null) : this;
        }
        return FormatArg.super.attribute(name);
    }

    @Override
    public FormatArg item(Object key) {
        switch (kind) {
            case 'D': {
                TestArg v = dict.get(key instanceof String ? (String) key : null);
                if (v == null) {
                    throw new FormatError("KeyError", key instanceof String ? StrOps.repr((String) key) : key.toString());
                }
                return v;
            }
            case 'T':
            case 'L':
                if (!(key instanceof Long)) {
                    throw new FormatError("TypeError", (kind == 'T' ? "tuple" : "list")
                            + " indices must be integers or slices, not str");
                }
                return items.get((int) (long) (Long) key);
            case 's':
                if (!(key instanceof Long)) {
                    throw new FormatError("TypeError", "string indices must be integers, not 'str'");
                }
                String s = (String) value;
                return new TestArg('s', s.substring(s.offsetByCodePoints(0, (int) (long) (Long) key),
                        s.offsetByCodePoints(0, (int) (long) (Long) key + 1)), null, null);
            default:
                return FormatArg.super.item(key);
        }
    }

    @Override
    public int tupleSize() {
        return kind == 'T' ? items.size() : -1;
    }

    @Override
    public FormatArg tupleItem(int i) {
        return items.get(i);
    }

    @Override
    public boolean isMapping() {
        return kind == 'D' || kind == 'L';
    }
}

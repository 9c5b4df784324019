package org.stitchjit.runtime.text;

import java.math.BigInteger;

/**
 * A guest value as the formatting libraries ({@link PercentFormat}, {@link StrFormat}) see it. The
 * runtime implements this over its native-heap objects; only {@link #str}, {@link #repr},
 * {@link #number} and {@link #typeName} are mandatory.
 */
public interface FormatArg {
    /** {@code str(x)}. */
    String str();

    /** {@code repr(x)}. */
    String repr();

    /** {@code ascii(x)}: the repr with non-ASCII code points escaped. */
    default String ascii() {
        return StrOps.asciiEscape(repr());
    }

    /**
     * For an int (bool included) a {@link Long} or {@link BigInteger}; for a float a {@link Double};
     * otherwise null.
     */
    Object number();

    /** For a str, its value; otherwise null. */
    default String text() {
        return null;
    }

    /** {@code type(x).__name__}, for error messages. */
    String typeName();

    /**
     * {@code format(x, spec)}. The default implements {@code __format__} of int, bool, float and
     * str, and {@code object.__format__} (only an empty spec) for everything else.
     */
    default String format(String spec) {
        return StrFormat.defaultFormat(this, spec);
    }

    /** {@code getattr(x, name)}, used by {@code "{0.name}"}. */
    default FormatArg attribute(String name) {
        throw new FormatError("AttributeError", "'" + typeName() + "' object has no attribute '" + name + "'");
    }

    /**
     * {@code x[key]} with a {@link Long} or {@link String} key, used by {@code "{0[key]}"} and by
     * {@code "%(key)s"}. Implementations raise KeyError/IndexError as {@link FormatError}.
     */
    default FormatArg item(Object key) {
        throw FormatError.typeError("'" + typeName() + "' object is not subscriptable");
    }

    /** The length if this is a tuple, else -1 (the right operand of {@code %} is unpacked only then). */
    default int tupleSize() {
        return -1;
    }

    /** Element {@code i} of a tuple. */
    default FormatArg tupleItem(int i) {
        throw new IndexOutOfBoundsException(i);
    }

    /**
     * Whether {@code %} may take {@code %(key)} values from this object: true for objects with
     * {@code __getitem__} other than tuple and str (dict, list, ...), as CPython's mapping check.
     */
    default boolean isMapping() {
        return false;
    }
}

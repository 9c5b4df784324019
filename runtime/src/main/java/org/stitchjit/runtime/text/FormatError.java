package org.stitchjit.runtime.text;

/**
 * A Python exception raised by the text libraries, carried as the Python exception type name
 * ({@code ValueError}, {@code TypeError}, {@code OverflowError}, {@code KeyError},
 * {@code IndexError}, ...) plus CPython's message. The runtime maps it onto the guest exception.
 *
 * <p>No stack trace is captured: these errors are ordinary control flow for guest programs
 * (e.g. {@code try: int(s) except ValueError}), so they must be cheap.
 */
public final class FormatError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String pyType;

    public FormatError(String pyType, String message) {
        super(message, null, false, false);
        this.pyType = pyType;
    }

    /** The Python exception class name, e.g. {@code "ValueError"}. */
    public String pyType() {
        return pyType;
    }

    static FormatError valueError(String message) {
        return new FormatError("ValueError", message);
    }

    static FormatError typeError(String message) {
        return new FormatError("TypeError", message);
    }

    static FormatError overflowError(String message) {
        return new FormatError("OverflowError", message);
    }

    /** Renders like the last line of a Python traceback: {@code ValueError: message}. */
    @Override
    public String toString() {
        return pyType + ": " + getMessage();
    }
}

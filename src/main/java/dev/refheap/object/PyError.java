package dev.refheap.object;

/**
 * A Python-level error raised by the object layer (for example "unhashable type: 'list'"): the
 * exception type's name and CPython's message. The language turns it into a real exception object.
 */
public class PyError extends RuntimeException {
    private final String pythonType;

    public PyError(String pythonType, String message) {
        super(message, null, false, false);
        this.pythonType = pythonType;
    }

    /** The Python exception type's name, e.g. {@code TypeError}. */
    public String pythonType() { return pythonType; }

    @Override
    public String toString() { return pythonType + ": " + getMessage(); }
}

package dev.refheap.gc;

import java.util.List;

/**
 * The stress mode found the heap inconsistent: a refcount that does not match the references to the
 * object, a reference into freed memory, broken generation lists. This is a bug in refheap (or in
 * an embedder's use of the object layer), never in the Python program, so it is an {@link Error}:
 * nothing in the VM catches it, and the front end reports it and exits.
 */
public final class HeapVerificationError extends Error {
    private final List<String> problems;

    public HeapVerificationError(String where, List<String> problems) {
        super("heap verification failed " + where + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** What the verifier reported, one problem per entry. */
    public List<String> problems() { return problems; }
}

package dev.refheap.lang.vm;

/**
 * A function implemented in Java (a builtin, a module function or a method of a builtin type).
 * Arguments are borrowed (the caller's stack keeps them); the result is a new reference.
 * Errors are thrown as {@link PyException}.
 */
@FunctionalInterface
public interface Builtin {
    /**
     * @param self     the bound object for methods (0 for plain functions)
     * @param args     the argument array; the arguments are {@code args[off .. off+nargs)}
     * @param kwnames  a tuple of keyword names for the last len(kwnames) arguments, or 0
     */
    long call(long self, long[] args, int off, int nargs, long kwnames);
}

package dev.refheap.embed;

/** A {@link PyRef} operation was asked of an object whose type does not have it (put on a list, get on an int): nothing was changed. */
public final class WrongObjectTypeException extends UnsupportedOperationException {
    WrongObjectTypeException(String operation, String needs, String actual) {
        super(operation + " needs a " + needs + ", but this reference is to a '" + actual + "'");
    }
}

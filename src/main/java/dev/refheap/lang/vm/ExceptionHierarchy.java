package dev.refheap.lang.vm;

/** The builtin exception classes of CPython 3.11 that refheap raises or programs may catch. */
final class ExceptionHierarchy {
    private ExceptionHierarchy() {}

    /** name, base: in an order where every base comes first. */
    private static final String[][] TREE = {
            {"Exception", "BaseException"}, {"SystemExit", "BaseException"}, {"KeyboardInterrupt", "BaseException"},
            {"GeneratorExit", "BaseException"},
            {"ArithmeticError", "Exception"}, {"ZeroDivisionError", "ArithmeticError"}, {"OverflowError", "ArithmeticError"},
            {"FloatingPointError", "ArithmeticError"},
            {"AssertionError", "Exception"}, {"AttributeError", "Exception"}, {"BufferError", "Exception"},
            {"EOFError", "Exception"}, {"ImportError", "Exception"}, {"ModuleNotFoundError", "ImportError"},
            {"LookupError", "Exception"}, {"IndexError", "LookupError"}, {"KeyError", "LookupError"},
            {"MemoryError", "Exception"}, {"NameError", "Exception"}, {"UnboundLocalError", "NameError"},
            {"OSError", "Exception"}, {"ReferenceError", "Exception"}, {"RuntimeError", "Exception"},
            {"NotImplementedError", "RuntimeError"}, {"RecursionError", "RuntimeError"},
            {"StopIteration", "Exception"}, {"StopAsyncIteration", "Exception"}, {"SyntaxError", "Exception"}, {"IndentationError", "SyntaxError"},
            {"SystemError", "Exception"}, {"TypeError", "Exception"}, {"ValueError", "Exception"},
            {"UnicodeError", "ValueError"}, {"Warning", "Exception"}, {"UserWarning", "Warning"},
            {"DeprecationWarning", "Warning"}, {"PendingDeprecationWarning", "Warning"}, {"SyntaxWarning", "Warning"},
            {"RuntimeWarning", "Warning"}, {"FutureWarning", "Warning"}, {"ImportWarning", "Warning"},
            {"UnicodeWarning", "Warning"}, {"BytesWarning", "Warning"}, {"ResourceWarning", "Warning"},
            {"EncodingWarning", "Warning"},
            {"UnicodeEncodeError", "UnicodeError"}, {"UnicodeDecodeError", "UnicodeError"},
            {"UnicodeTranslateError", "UnicodeError"}, {"TabError", "IndentationError"},
    };

    static void register(Runtime rt) {
        rt.exceptions.put("BaseException", rt.baseException);
        for (String[] e : TREE) {
            ExceptionType base = rt.exceptions.get(e[1]);
            rt.exceptions.put(e[0], rt.heap.register(e[0].equals("OSError") ? new OSErrorType(rt, e[0], base) : new ExceptionType(rt, e[0], base)));
        }
        for (String[] e : OSErrorType.SUBCLASSES) {
            rt.exceptions.put(e[0], rt.heap.register(new OSErrorType(rt, e[0], rt.exceptions.get(e[1]))));
        }
        ExceptionGroups.register(rt);
    }
}

package dev.refheap.lang.vm;

import dev.refheap.object.IntType;
import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * {@code OSError} and its builtin subclasses: 3.11's PyOSErrorObject, the BaseException fields
 * followed by myerrno, strerror, filename, filename2 (objects, 0 = NULL, read as None) and written
 * (a Py_ssize_t, -1 = not set): 112 bytes + GC head, {@code getsizeof(OSError()) == 128}.
 *
 * <p>Construction (OSError_new and oserror_init): with 2 to 5 arguments they are errno, strerror,
 * filename, winerror (ignored on POSIX) and filename2; a filename other than None makes
 * {@code args} the first two arguments only (BlockingIOError takes a number there as
 * characters_written instead). Called on {@code OSError} itself, an int errno picks the subclass
 * (2 gives FileNotFoundError, ...) before the instance is made. Traversal (OSError_traverse):
 * errno, strerror, filename, filename2, then the BaseException fields; clear in the same order.
 */
final class OSErrorType extends ExceptionType {
    static final int ERRNO = ExceptionType.SIZE, STRERROR = ERRNO + 8, FILENAME = ERRNO + 16, FILENAME2 = ERRNO + 24,
            WRITTEN = ERRNO + 32;
    static final int OS_SIZE = ERRNO + 40;
    private static final int[] OS_FIELDS = {ERRNO, STRERROR, FILENAME, FILENAME2};

    /** The builtin subclasses: name, base (bases first). */
    static final String[][] SUBCLASSES = {
            {"BlockingIOError", "OSError"}, {"ChildProcessError", "OSError"}, {"ConnectionError", "OSError"},
            {"BrokenPipeError", "ConnectionError"}, {"ConnectionAbortedError", "ConnectionError"},
            {"ConnectionRefusedError", "ConnectionError"}, {"ConnectionResetError", "ConnectionError"},
            {"FileExistsError", "OSError"}, {"FileNotFoundError", "OSError"}, {"InterruptedError", "OSError"},
            {"IsADirectoryError", "OSError"}, {"NotADirectoryError", "OSError"}, {"PermissionError", "OSError"},
            {"ProcessLookupError", "OSError"}, {"TimeoutError", "OSError"},
    };

    /** CPython's errnomap on Linux: the errno values that OSError(errno, ...) turns into a subclass. */
    private static final Map<Long, String> ERRNO_MAP = Map.ofEntries(
            Map.entry(11L, "BlockingIOError"), Map.entry(114L, "BlockingIOError"), Map.entry(115L, "BlockingIOError"),
            Map.entry(10L, "ChildProcessError"), Map.entry(32L, "BrokenPipeError"), Map.entry(108L, "BrokenPipeError"),
            Map.entry(103L, "ConnectionAbortedError"), Map.entry(111L, "ConnectionRefusedError"),
            Map.entry(104L, "ConnectionResetError"), Map.entry(17L, "FileExistsError"), Map.entry(2L, "FileNotFoundError"),
            Map.entry(21L, "IsADirectoryError"), Map.entry(20L, "NotADirectoryError"), Map.entry(4L, "InterruptedError"),
            Map.entry(13L, "PermissionError"), Map.entry(1L, "PermissionError"), Map.entry(3L, "ProcessLookupError"),
            Map.entry(110L, "TimeoutError"));

    OSErrorType(Runtime rt, String name, PyType base) {
        super(rt, name, base, OS_SIZE, 0, 0);
    }

    /** The OSError fields of a new instance (of this type or a class derived from it): all unset. */
    static void initFields(long e) {
        for (int off : OS_FIELDS) put(e, off, 0);
        put(e, WRITTEN, -1);
    }

    /**
     * OSError_new for a builtin OSError type called with {@code args} (stolen): the errno's subclass
     * when called on OSError itself, then the fields from the arguments.
     */
    static long construct(Runtime rt, PyType type, long args) {
        long n = TupleType.size(args);
        if (type == rt.exceptions.get("OSError") && n >= 2 && n <= 5) {
            long errno = TupleType.item(args, 0);
            if (rt.heap.typeOf(errno) instanceof IntType) {
                String sub = ERRNO_MAP.get(IntType.toBig(errno).longValue());
                if (sub != null && IntType.toBig(errno).bitLength() < 32) type = rt.exceptions.get(sub);
            }
        }
        long e = rt.ops.instantiateException(type, args);
        try {
            parseArgs(rt, e);
        } catch (RuntimeException ex) {
            rt.heap.decref(e);
            throw ex;
        }
        return e;
    }

    /** oserror_parse_args and oserror_init over the instance's args (a new instance: fields unset). */
    static void parseArgs(Runtime rt, long e) {
        long args = ExceptionType.args(e);
        long n = TupleType.size(args);
        if (n < 2 || n > 5) return;
        long filename = n >= 3 ? TupleType.item(args, 2) : 0;
        if (filename != 0 && filename != rt.heap.None) {
            if (rt.heap.typeOf(e) == rt.exceptions.get("BlockingIOError") && rt.heap.typeOf(filename) instanceof IntType) {
                put(e, WRITTEN, IntType.toBig(filename).longValueExact());
            } else {
                put(e, FILENAME, Builtins.incref(rt.heap, filename));
                long filename2 = n >= 5 ? TupleType.item(args, 4) : 0;  // the 4th is winerror (Windows only)
                if (filename2 != 0 && filename2 != rt.heap.None) put(e, FILENAME2, Builtins.incref(rt.heap, filename2));
                long first2 = rt.heap.tuples.of(TupleType.item(args, 0), TupleType.item(args, 1));
                put(e, ERRNO, Builtins.incref(rt.heap, TupleType.item(args, 0)));
                put(e, STRERROR, Builtins.incref(rt.heap, TupleType.item(args, 1)));
                put(e, ARGS, first2);
                rt.heap.decref(args);
                return;
            }
        }
        put(e, ERRNO, Builtins.incref(rt.heap, TupleType.item(args, 0)));
        put(e, STRERROR, Builtins.incref(rt.heap, TupleType.item(args, 1)));
    }

    /**
     * oserror_use_init: whether instances of {@code t} get their fields from {@code OSError.__init__}
     * (a class whose __init__ is not OSError's own while its __new__ is) rather than from __new__.
     */
    static boolean usesInit(Runtime rt, PyType t) {
        return t instanceof ClassType c && !(rt.ops.resolvedOwner(c, "__init__") instanceof OSErrorType)
                && rt.ops.lookupUserOnly(c, "__new__") == 0;
    }

    /**
     * OSError_init ({@code OSError.__init__(self, *args)}): for a class that {@link #usesInit}, args
     * and the fields from these arguments; for the others it does nothing (__new__ did it all).
     */
    static void init(Runtime rt, long e, long[] a, int o, int n, long kw) {
        PyType t = rt.heap.typeOf(e);
        if (!usesInit(rt, t)) return;
        if (Args.nkw(kw) > 0) throw rt.typeError(t.name() + "() takes no keyword arguments");
        long args = rt.heap.tuples.alloc(n);
        for (int i = 0; i < n; i++) TupleType.setItemSteal(args, i, Builtins.incref(rt.heap, a[o + i]));
        long old = ExceptionType.args(e);
        put(e, ARGS, args);
        rt.heap.xdecref(old);
        for (int off : OS_FIELDS) {
            long v = get(e, off);
            put(e, off, 0);
            rt.heap.xdecref(v);
        }
        put(e, WRITTEN, -1);
        parseArgs(rt, e);
    }

    /** The offset of a member (errno, strerror, filename, filename2), or -1. */
    static int memberOffset(String name) {
        return switch (name) {
            case "errno" -> ERRNO;
            case "strerror" -> STRERROR;
            case "filename" -> FILENAME;
            case "filename2" -> FILENAME2;
            default -> -1;
        };
    }

    /** A member's value as a new reference (None when unset); characters_written raises when unset. */
    static long attr(Runtime rt, long e, String name) {
        if (name.equals("characters_written")) {
            long w = get(e, WRITTEN);
            if (w == -1) throw rt.error("AttributeError", "characters_written");
            return rt.heap.ints.of(w);
        }
        int off = memberOffset(name);
        if (off < 0) return 0;
        long v = get(e, off);
        return Builtins.incref(rt.heap, v == 0 ? rt.heap.None : v);
    }

    /** Sets a member (a T_OBJECT member: the value is kept, None included); false if not a member. */
    static boolean setAttr(Runtime rt, long e, String name, long v) {
        if (name.equals("characters_written")) {
            put(e, WRITTEN, v == 0 ? -1 : IntType.toBig(v).longValueExact());
            return true;
        }
        int off = memberOffset(name);
        if (off < 0) return false;
        long old = get(e, off);
        put(e, off, v == 0 ? 0 : Builtins.incref(rt.heap, v));
        rt.heap.xdecref(old);
        return true;
    }

    /** OSError_str: "[Errno E] S: 'F'" (and " -> 'F2'") when a filename is set, "[Errno E] S" with both set, else BaseException's. */
    static String str(Runtime rt, long e) {
        long errno = get(e, ERRNO), strerror = get(e, STRERROR), filename = get(e, FILENAME), filename2 = get(e, FILENAME2);
        String en = rt.ops.str(errno == 0 ? rt.heap.None : errno), se = rt.ops.str(strerror == 0 ? rt.heap.None : strerror);
        if (filename != 0) {
            String s = "[Errno " + en + "] " + se + ": " + rt.ops.repr(filename);
            return filename2 != 0 ? s + " -> " + rt.ops.repr(filename2) : s;
        }
        if (errno != 0 && strerror != 0) return "[Errno " + en + "] " + se;
        return null;
    }

    @Override
    public void traverse(long o, LongConsumer visit) {
        for (int off : OS_FIELDS) visitField(o, off, visit);
        super.traverse(o, visit);
    }

    @Override
    public void clear(long o) {
        for (int off : OS_FIELDS) clearField(o, off);
        super.clear(o);
    }
}

package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.util.function.LongConsumer;

/**
 * The fields 3.11's builtin exception types add after PyBaseExceptionObject (72 bytes), as struct
 * members read through the types' member descriptors: SystemExit (code), StopIteration (value),
 * ImportError (msg, name, path), NameError (name), AttributeError (obj, name), SyntaxError (msg,
 * filename, lineno, offset, end_lineno, end_offset, text, print_file_and_line) and the three
 * Unicode errors (encoding, object, start and end as Py_ssize_t, reason). Object fields are 0 for
 * NULL (read as None); traverse and clear go over them in struct order before BaseException's
 * fields, as the types' own traverse/clear functions do. A subclass (ModuleNotFoundError,
 * UnboundLocalError, IndentationError, TabError, a Python class) has its base's layout.
 *
 * <p>The fields are set by the type's tp_init ({@link #init}): for a builtin type called directly
 * or made by the runtime ({@link Ops#instantiateException}), and by the type's {@code __init__}
 * slot wrapper for a Python subclass (whose own __init__ may not call it: then they stay NULL).
 */
final class ExceptionFields {
    enum Kind { SYSTEM_EXIT, STOP_ITERATION, IMPORT, NAME, ATTRIBUTE, SYNTAX, UNICODE_ENCODE, UNICODE_DECODE, UNICODE_TRANSLATE }

    final Kind kind;
    /** Field names in struct order (offset 72 + 8 * index). */
    final String[] names;
    /** The names that are Py_ssize_t members (the Unicode errors' start and end). */
    private final boolean[] ssize;

    private ExceptionFields(Kind kind, String... names) {
        this.kind = kind;
        this.names = names;
        this.ssize = new boolean[names.length];
        for (int i = 0; i < names.length; i++) ssize[i] = names[i].equals("start") || names[i].equals("end");
    }

    /** The layout the builtin exception type {@code name} introduces, or null (none, or inherited). */
    static ExceptionFields introducedBy(String name) {
        return switch (name) {
            case "SystemExit" -> new ExceptionFields(Kind.SYSTEM_EXIT, "code");
            case "StopIteration" -> new ExceptionFields(Kind.STOP_ITERATION, "value");
            case "ImportError" -> new ExceptionFields(Kind.IMPORT, "msg", "name", "path");
            case "NameError" -> new ExceptionFields(Kind.NAME, "name");
            case "AttributeError" -> new ExceptionFields(Kind.ATTRIBUTE, "obj", "name");
            case "SyntaxError" -> new ExceptionFields(Kind.SYNTAX, "msg", "filename", "lineno", "offset", "end_lineno",
                    "end_offset", "text", "print_file_and_line");
            case "UnicodeEncodeError" -> unicode(Kind.UNICODE_ENCODE);
            case "UnicodeDecodeError" -> unicode(Kind.UNICODE_DECODE);
            case "UnicodeTranslateError" -> unicode(Kind.UNICODE_TRANSLATE);
            default -> null;
        };
    }

    private static ExceptionFields unicode(Kind k) {
        return new ExceptionFields(k, "encoding", "object", "start", "end", "reason");
    }

    /** tp_basicsize of a type with these fields. */
    long basicSize() { return ExceptionType.SIZE + 8L * names.length; }

    /** The offset of field {@code name}, or -1. */
    int offset(String name) {
        for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return ExceptionType.SIZE + 8 * i;
        return -1;
    }

    boolean isSsize(String name) {
        for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return ssize[i];
        return false;
    }

    /** The fields of the builtin exception type whose layout instances of {@code t} have, or null. */
    static ExceptionFields of(PyType t) {
        if (t instanceof ClassType c) {
            if (!c.exceptionBased) return null;
            t = c.builtinBase;
        }
        return t instanceof ExceptionType et ? et.fields : null;
    }

    /** A field as stored (borrowed, 0 for NULL; the raw value for a Py_ssize_t field). */
    static long raw(long e, ExceptionFields f, String name) {
        int off = f.offset(name);
        return off < 0 ? 0 : Native.getLong(e + off);
    }

    // ---- traversal ---------------------------------------------------------------------------

    void traverse(long o, LongConsumer visit) {
        for (int i = 0; i < names.length; i++) if (!ssize[i]) LangType.visitField(o, ExceptionType.SIZE + 8 * i, visit);
    }

    void clear(long o, Heap heap) {
        for (int i = 0; i < names.length; i++) {
            if (ssize[i]) continue;
            int off = ExceptionType.SIZE + 8 * i;
            long v = Native.getLong(o + off);
            if (v != 0) {
                Native.putLong(o + off, 0);
                heap.decref(v);
            }
        }
    }

    /** Zeroes the fields of a new instance (NULL objects, 0 for start and end). */
    void zero(long o) {
        for (int i = 0; i < names.length; i++) Native.putLong(o + ExceptionType.SIZE + 8 * i, 0);
    }

    // ---- member access -------------------------------------------------------------------------

    /** The member's value (a new reference: None for NULL, an int for start/end), or 0 if not one of these fields. */
    static long get(Runtime rt, long e, String name) {
        ExceptionFields f = of(rt.heap.typeOf(e));
        int off = f == null ? -1 : f.offset(name);
        if (off < 0) return 0;
        long v = Native.getLong(e + off);
        if (f.isSsize(name)) return rt.heap.ints.of(v);
        return Builtins.incref(rt.heap, v == 0 ? rt.heap.None : v);
    }

    /**
     * Sets (v != 0) or deletes a member as a T_OBJECT / T_PYSSIZET member does; false when the
     * instance has no such field.
     */
    static boolean set(Runtime rt, long e, String name, long v) {
        ExceptionFields f = of(rt.heap.typeOf(e));
        int off = f == null ? -1 : f.offset(name);
        if (off < 0) return false;
        if (f.isSsize(name)) {
            if (v == 0) throw rt.typeError("can't delete numeric/char attribute");
            if (!(rt.ops.baseView(v) instanceof dev.refheap.object.IntType)) throw rt.typeError("an integer is required");
            Native.putLong(e + off, Builtins.intArg(rt, v));
            return true;
        }
        setSlot(rt.heap, e, off, v == 0 ? 0 : Builtins.incref(rt.heap, v));
        return true;
    }

    /** Stores {@code v} (stolen; 0 for NULL) at {@code off}, releasing the old value after. */
    private static void setSlot(Heap heap, long e, int off, long v) {
        long old = Native.getLong(e + off);
        Native.putLong(e + off, v);
        heap.xdecref(old);
    }

    private void setField(Heap heap, long e, String name, long v) {
        setSlot(heap, e, offset(name), v == 0 ? 0 : Builtins.incref(heap, v));
    }

    // ---- tp_init -------------------------------------------------------------------------------

    /**
     * The type's tp_init after BaseException's (args already set): the fields from the instance's
     * args and the keywords ({@code kwNames} a tuple of names whose values are {@code kwValues[kwAt...]},
     * 0 for none). Raises TypeError for bad arguments as 3.11 does.
     */
    void init(Runtime rt, long e, long kwNames, long[] kwValues, int kwAt) {
        Heap heap = rt.heap;
        long args = ExceptionType.args(e);
        int n = (int) TupleType.size(args);
        int nkw = kwNames == 0 ? 0 : (int) TupleType.size(kwNames);
        switch (kind) {
            case SYSTEM_EXIT -> {
                noKeywords(rt, e, nkw);
                if (n == 1) setField(heap, e, "code", TupleType.item(args, 0));
                else if (n > 1) setField(heap, e, "code", args);
            }
            case STOP_ITERATION -> {
                noKeywords(rt, e, nkw);
                setField(heap, e, "value", n > 0 ? TupleType.item(args, 0) : heap.None);
            }
            case IMPORT, NAME, ATTRIBUTE -> {
                String owner = kind == Kind.IMPORT ? "ImportError" : kind == Kind.NAME ? "NameError" : "AttributeError";
                String[] allowed = kind == Kind.IMPORT ? new String[] {"name", "path"} : kind == Kind.NAME ? new String[] {"name"} : new String[] {"name", "obj"};
                if (nkw > allowed.length) {
                    throw rt.typeError(owner + "() takes at most " + allowed.length + " keyword argument" + (allowed.length == 1 ? "" : "s")
                            + " (" + nkw + " given)");
                }
                long[] given = new long[allowed.length];
                for (int i = 0; i < nkw; i++) {
                    String k = StrType.value(TupleType.item(kwNames, i));
                    int j = java.util.Arrays.asList(allowed).indexOf(k);
                    if (j < 0) throw rt.typeError("'" + k + "' is an invalid keyword argument for " + owner + "()");
                    given[j] = kwValues[kwAt + i];
                }
                for (int j = 0; j < allowed.length; j++) setField(heap, e, allowed[j], given[j]);
                if (kind == Kind.IMPORT) setField(heap, e, "msg", n == 1 ? TupleType.item(args, 0) : 0);
            }
            case SYNTAX -> {
                noKeywords(rt, e, nkw);
                if (n >= 1) setField(heap, e, "msg", TupleType.item(args, 0));
                if (n == 2) {
                    long info = syntaxInfo(rt, TupleType.item(args, 1));
                    try {
                        String[] fs = {"filename", "lineno", "offset", "text", "end_lineno", "end_offset"};
                        long size = TupleType.size(info);
                        for (int i = 0; i < fs.length; i++) {
                            if (i < size) setField(heap, e, fs[i], TupleType.item(info, i));
                            else if (i >= 4) setField(heap, e, fs[i], 0);
                        }
                    } finally {
                        heap.decref(info);
                    }
                }
            }
            case UNICODE_ENCODE, UNICODE_DECODE, UNICODE_TRANSLATE -> {
                noKeywords(rt, e, nkw);
                initUnicode(rt, e, args, n);
            }
        }
    }

    private static void noKeywords(Runtime rt, long e, int nkw) {
        if (nkw > 0) throw rt.typeError(Ops.shortName(rt.heap.typeOf(e)) + "() takes no keyword arguments");
    }

    /**
     * SyntaxError_init's info: the sequence made a tuple, of 4 to 6 items (PyArg_ParseTuple's
     * "OOOO|OO" messages), an end_lineno only with an end_offset; a new reference.
     */
    static long syntaxInfo(Runtime rt, long given) {
        Heap heap = rt.heap;
        long info;
        if (heap.typeOf(given) == heap.tuples) {
            info = Builtins.incref(heap, given);
        } else if (heap.typeOf(given) == heap.lists) {
            info = rt.interpreter.listToTuple(given);
        } else {
            long l = Builtins.toList(rt, given);
            try {
                info = rt.interpreter.listToTuple(l);
            } finally {
                heap.decref(l);
            }
        }
        long size = TupleType.size(info);
        String error = size < 4 ? "function takes at least 4 arguments (" + size + " given)"
                : size > 6 ? "function takes at most 6 arguments (" + size + " given)"
                : size == 5 ? "end_offset must be provided when end_lineno is provided" : null;
        if (error != null) {
            heap.decref(info);
            throw rt.typeError(error);
        }
        return info;
    }

    /**
     * UnicodeEncodeError_init ("UUnnU"), UnicodeDecodeError_init ("UOnnU", the object made bytes
     * from its buffer) and UnicodeTranslateError_init ("UnnU"): the object fields cleared first.
     */
    private void initUnicode(Runtime rt, long e, long args, int n) {
        Heap heap = rt.heap;
        for (String f : new String[] {"encoding", "object", "reason"}) setField(heap, e, f, 0);
        boolean translate = kind == Kind.UNICODE_TRANSLATE;
        int want = translate ? 4 : 5;
        if (n != want) throw rt.typeError("function takes exactly " + want + " arguments (" + n + " given)");
        int i = 0;
        long encoding = 0;
        if (!translate) {
            encoding = TupleType.item(args, i++);
            if (!Heap.isStr(encoding)) throw rt.typeError("argument 1 must be str, not " + rt.ops.typeName(encoding));
        }
        long object = TupleType.item(args, i++);
        if (kind != Kind.UNICODE_DECODE && !Heap.isStr(object)) {
            throw rt.typeError("argument " + i + " must be str, not " + rt.ops.typeName(object));
        }
        long start = Builtins.intArg(rt, TupleType.item(args, i++));
        long end = Builtins.intArg(rt, TupleType.item(args, i++));
        long reason = TupleType.item(args, i);
        if (!Heap.isStr(reason)) throw rt.typeError("argument " + (i + 1) + " must be str, not " + rt.ops.typeName(reason));
        long obj;
        if (kind == Kind.UNICODE_DECODE && heap.typeOf(object) != heap.bytes) {
            byte[] b = BufferProtocol.bytesOrNull(rt, object);
            if (b == null) throw rt.typeError("a bytes-like object is required, not '" + rt.ops.typeName(object) + "'");
            obj = heap.bytes.of(b);
        } else {
            obj = Builtins.incref(heap, object);
        }
        if (encoding != 0) setField(heap, e, "encoding", encoding);
        setSlot(heap, e, offset("object"), obj);
        Native.putLong(e + offset("start"), start);
        Native.putLong(e + offset("end"), end);
        setField(heap, e, "reason", reason);
    }
}

package dev.refheap.lang.vm;

import dev.refheap.object.BytesType;
import dev.refheap.object.FloatType;
import dev.refheap.object.Heap;
import dev.refheap.object.IntType;
import dev.refheap.object.ListType;
import dev.refheap.object.PyError;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Calling the builtin types: int(), float(), str(), list(), dict(), type(x), range()... */
final class Constructors {
    private Constructors() {}

    /**
     * str(object, encoding[, errors]): PyUnicode_FromEncodedObject, the object's buffer decoded
     * with the codec (the registry's for names refheap's codecs lack, which refuses non-text
     * codecs), never a str. Found by bug_str_bytes_encoding_ignored: the encoding and errors were
     * ignored and the bytes decoded as UTF-8 with U+FFFD for bad bytes.
     */
    private static long strDecoded(Runtime rt, long obj, long encoding, long errors) {
        if (!Heap.isStr(encoding)) throw rt.typeError("str() argument 'encoding' must be str, not " + rt.ops.typeName(encoding));
        if (errors != 0 && !Heap.isStr(errors)) throw rt.typeError("str() argument 'errors' must be str, not " + rt.ops.typeName(errors));
        if (Heap.isStr(obj)) throw rt.typeError("decoding str is not supported");
        byte[] b = BufferProtocol.bytesOrNull(rt, obj);
        if (b == null) throw rt.typeError("decoding to str: need a bytes-like object, " + rt.ops.typeName(obj) + " found");
        return Codecs.decode(rt, b, StrType.value(encoding), errors == 0 ? "strict" : StrType.value(errors));
    }

    static long construct(Runtime rt, PyType t, long typeObject, long[] a, int o, int n, long kw) {
        Heap heap = rt.heap;
        int nkw = Args.nkw(kw);
        if (t instanceof ExtType x) return x.construct(typeObject, a, o, n, kw);
        if (t == heap.dicts) return dict(rt, a, o, n, kw);
        if (t == heap.typeType && nkw > 0 && n - nkw == 3) {
            // type(name, bases, ns, **kw): type_new passes the keywords on (to the winning
            // metaclass's __new__, then __init_subclass__: enum's type(name, (etype,), body, boundary=...))
            return TypeCall.typeNew(rt, null, a, o, n, kw);
        }
        if (t == rt.moduleType) return module(rt, a, o, n, kw);
        if (t == rt.tracebackType) return traceback(rt, a, o, n, kw);
        if (t == rt.functionType) {  // no vectorcall: _PyObject_MakeTpCall packs the arguments around func_new
            long args = heap.tuples.alloc(n - nkw), kwargs = nkw == 0 ? 0 : heap.dicts.create();
            for (int i = 0; i < n - nkw; i++) TupleType.setItemSteal(args, i, Builtins.incref(heap, a[o + i]));
            for (int k = 0; k < nkw; k++) heap.dicts.setItem(kwargs, TupleType.item(kw, k), a[o + n - nkw + k]);
            try {
                return rt.functionType.construct(a, o, n, kw);
            } finally {
                heap.xdecref(kwargs);
                heap.decref(args);
            }
        }
        if (nkw > 0 && t != heap.ints && t != heap.strs && t != heap.bytes) throw rt.typeError(t.name() + "() takes no keyword arguments");
        if (t == heap.typeType) {
            if (n == 1) return Builtins.incref(heap, dev.refheap.object.Heap.typeAddress(a[o]));
            if (n == 3) return ClassStatements.type3(rt, a, o);
            throw rt.typeError("type() takes 1 or 3 arguments");
        }
        if (t == heap.noneType) {
            if (n > 0) throw rt.typeError("NoneType takes no arguments");
            return Builtins.incref(heap, heap.None);
        }
        if (t == heap.objectType) {
            if (n > 0) throw rt.typeError("object() takes no arguments");
            return heap.objectType.create();
        }
        if (t == heap.ints) return intOf(rt, a, o, n, kw);
        if (t == heap.bools) {
            Args.range(rt, "bool", n, 0, 0, 1);
            return rt.ops.bool(n == 1 && rt.ops.truthy(a[o]));
        }
        if (t == heap.floats) {
            Args.range(rt, "float", n, 0, 0, 1);
            return n == 0 ? heap.floats.of(0.0) : floatOf(rt, a[o]);
        }
        if (t == heap.strs) {
            if (nkw > 0) {  // unicode_new's keywords: object, encoding, errors, moved to their positions
                String[] names = {"object", "encoding", "errors"};
                long[] pos = new long[3];
                boolean[] made = new boolean[3];
                int np = n - nkw, last = np;
                if (np > 3) throw rt.typeError("str() takes at most 3 arguments (" + n + " given)");
                for (int i = 0; i < np; i++) pos[i] = a[o + i];
                for (int k = 0; k < nkw; k++) {
                    String kn = StrType.value(TupleType.item(kw, k));
                    int idx = java.util.Arrays.asList(names).indexOf(kn);
                    if (idx < 0) throw rt.typeError("'" + kn + "' is an invalid keyword argument for str()");
                    if (pos[idx] != 0) throw rt.typeError("argument for str() given by name ('" + kn + "') and position (" + (idx + 1) + ")");
                    pos[idx] = a[o + n - nkw + k];
                    last = Math.max(last, idx + 1);
                }
                if (pos[0] == 0) return heap.strs.of("");
                for (int i = 1; i < last; i++) {
                    if (pos[i] == 0) {
                        pos[i] = heap.strs.of(i == 1 ? "utf-8" : "strict");
                        made[i] = true;
                    }
                }
                try {
                    return construct(rt, t, typeObject, pos, 0, last, 0);
                } finally {
                    for (int i = 1; i < 3; i++) if (made[i]) heap.decref(pos[i]);
                }
            }
            if (n > 3) throw rt.typeError("str() takes at most 3 arguments (" + n + " given)");
            if (n == 0) return heap.strs.of("");
            if (n >= 2) return strDecoded(rt, a[o], a[o + 1], n == 3 ? a[o + 2] : 0);
            return rt.ops.strObject(a[o]);
        }
        if (t == heap.bytes) {
            // bytes_new(source, encoding, errors): keywords moved to their positions (0: not given)
            if (n > 3) throw rt.typeError("bytes() takes at most 3 arguments (" + n + " given)");
            String[] names = {"source", "encoding", "errors"};
            long[] pos = new long[3];
            for (int i = 0; i < n - nkw; i++) pos[i] = a[o + i];
            for (int k = 0; k < nkw; k++) {
                String kn = StrType.value(TupleType.item(kw, k));
                int idx = java.util.Arrays.asList(names).indexOf(kn);
                if (idx < 0) throw rt.typeError("'" + kn + "' is an invalid keyword argument for bytes()");
                if (pos[idx] != 0) throw rt.typeError("argument for bytes() given by name ('" + kn + "') and position (" + (idx + 1) + ")");
                pos[idx] = a[o + n - nkw + k];
            }
            long x = pos[0], encoding = pos[1], errors = pos[2];
            if (x == 0) {
                if (encoding != 0 || errors != 0) throw rt.typeError(encoding != 0 ? "encoding without a string argument" : "errors without a string argument");
                return heap.bytes.of(new byte[0]);
            }
            if (encoding != 0) {
                if (!Heap.isStr(x)) throw rt.typeError("encoding without a string argument");
                return Codecs.encode(rt, x, Codecs.strArg(rt, encoding, "bytes() argument 'encoding'"),
                        errors != 0 ? Codecs.strArg(rt, errors, "bytes() argument 'errors'") : "strict");
            }
            if (errors != 0) throw rt.typeError(Heap.isStr(x) ? "string argument without an encoding" : "errors without a string argument");
            n = 1;
            {  // bytes_new: x's __bytes__ first (bytes.__bytes__ of an exact bytes is x itself)
                PyType xt = heap.typeOf(x);
                if (xt == heap.bytes) return Builtins.incref(heap, x);
                if ((xt instanceof ClassType || xt instanceof WeakProxyType) && rt.ops.lookupType(xt, "__bytes__") != 0) {
                    long r = rt.ops.callMethod(x, "__bytes__");
                    if (!Heap.isBytes(r)) {
                        String tn = rt.ops.typeName(r);
                        heap.decref(r);
                        throw rt.typeError("__bytes__ returned non-bytes (type " + tn + ")");
                    }
                    return r;
                }
            }
            if (Heap.isStr(x)) throw rt.typeError("string argument without an encoding");
            long idx = rt.ops.indexUnlessTypeError(x);  // _PyIndex_Check: a size through PyNumber_AsSsize_t; its TypeError falls through
            if (idx != 0) {
                boolean fits = IntType.fitsLong(idx);
                long len = fits ? IntType.asLong(idx) : 0;
                heap.decref(idx);
                if (!fits) throw rt.error("OverflowError", "cannot fit '" + rt.ops.typeName(x) + "' into an index-sized integer");
                if (len < 0) throw rt.error("ValueError", "negative count");
                if (len > Formats.MAX_WIDTH) throw rt.error("MemoryError", null); // built as a Java array first
                return heap.bytes.filled(new byte[(int) len]);  // _PyBytes_FromSize: b'' or a new object
            }
            byte[] buffer = n == 1 ? BufferProtocol.bytesOrNull(rt, x) : null;  // an exporter's bytes (a typed memoryview's too)
            if (buffer != null) return heap.bytes.filled(buffer);  // _PyBytes_FromBuffer allocates, then copies
            long l = heap.typeOf(x) == heap.lists || heap.typeOf(x) == heap.tuples ? Builtins.toList(rt, x) : Builtins.bytesItems(rt, x);
            try {
                byte[] b = new byte[(int) ListType.size(l)];
                for (int i = 0; i < b.length; i++) {
                    long v = Builtins.intArg(rt, ListType.item(l, i));
                    if (v < 0 || v > 255) throw rt.error("ValueError", "bytes must be in range(0, 256)");
                    b[i] = (byte) v;
                }
                return heap.bytes.of(b);
            } finally {
                heap.decref(l);
            }
        }
        if (t == heap.lists) {
            Args.range(rt, "list", n, 0, 0, 1);
            long l = heap.lists.alloc(0, false);  // list_vectorcall: PyType_GenericAlloc, not the free list
            if (n == 0) return l;
            try {
                Sequences.listInit(rt, l, a[o]);
            } catch (RuntimeException e) {
                heap.decref(l);
                throw e;
            }
            return l;
        }
        if (t == heap.tuples) {
            Args.range(rt, "tuple", n, 0, 0, 1);
            if (n == 0) return heap.tuples.alloc(0);
            if (heap.typeOf(a[o]) == heap.tuples) return Builtins.incref(heap, a[o]);
            // PySequence_Tuple: a list is copied straight into the tuple (PyList_AsTuple), no list in between
            if (heap.typeOf(a[o]) == heap.lists) return rt.interpreter.listToTuple(a[o]);
            long l = Builtins.toList(rt, a[o]);
            long r = rt.interpreter.listToTuple(l);
            heap.decref(l);
            return r;
        }
        if (t == heap.sets || t == heap.frozensets) {
            Args.range(rt, t.name(), n, 0, 0, 1);
            if (t == heap.frozensets && n == 1 && heap.typeOf(a[o]) == heap.frozensets) return Builtins.incref(heap, a[o]);
            long s = ((dev.refheap.object.SetType) t).create();
            if (n == 1) {
                try {
                    SetMethods.updateInternal(rt, s, a[o]);
                } catch (RuntimeException e) {
                    heap.decref(s);
                    throw e;
                }
            }
            return s;
        }
        if (t == rt.rangeType) {
            if (n < 1 || n > 3) throw rt.typeError(n == 0 ? "range expected at least 1 argument, got 0" : "range expected at most 3 arguments, got " + n);
            java.math.BigInteger[] v = new java.math.BigInteger[n];
            boolean small = true;
            for (int i = 0; i < n; i++) {
                long x = rt.ops.numberIndex(a[o + i]);  // PyNumber_Index: an int subclass's value, any __index__'s result
                v[i] = IntType.toBig(x);
                small &= IntType.fitsLong(x);
                heap.decref(x);
            }
            java.math.BigInteger start = n == 1 ? java.math.BigInteger.ZERO : v[0], stop = n == 1 ? v[0] : v[1];
            java.math.BigInteger step = n == 3 ? v[2] : java.math.BigInteger.ONE;
            return small ? rt.rangeType.create(start.longValue(), stop.longValue(), step.longValue()) : rt.rangeType.create(start, stop, step);
        }
        if (t instanceof Ctypes ct) {
            if (n > 1) throw rt.typeError("__init__ expected at most 1 argument, got " + n);
            boolean none = n == 1 && a[o] == heap.None && ct.name().equals("c_void_p");  // c_void_p(None) is NULL
            if (n == 1 && !none && !(rt.ops.baseView(a[o]) instanceof IntType)) throw rt.typeError("'" + rt.ops.typeName(a[o]) + "' object cannot be interpreted as an integer");
            long v = n == 0 || none ? 0 : IntType.toBig(a[o]).longValue();
            return ct.create(0, v);
        }
        if (t == heap.weakrefs) {
            if (n < 1 || n > 2) throw rt.typeError("__new__ expected at most 2 arguments, got " + n);
            // weakref.ref has no vectorcall in 3.11: _PyObject_MakeTpCall packs the arguments into a
            // tuple around the call (found by the memory fuzzer: it moves count0 and the tuple free list)
            long args = heap.tuples.alloc(n);
            for (int i = 0; i < n; i++) TupleType.setItemSteal(args, i, Builtins.incref(heap, a[o + i]));
            long r;
            try {
                r = heap.weakrefs.newRef(a[o], n == 2 ? a[o + 1] : 0);
            } catch (PyError e) {
                // the exception object is made after the call (when the error is normalized), so
                // its args tuple can reuse the argument tuple just freed
                heap.decref(args);
                throw rt.fromPyError(e);
            }
            heap.decref(args);
            return r;
        }
        if (t == rt.methodType) {  // method_new: types.MethodType(func, instance)
            Args.exactly(rt, "method", n, kw, 2);
            if (!Builtins.isCallable(rt, a[o])) throw rt.typeError("first argument must be callable");
            if (a[o + 1] == heap.None) throw rt.typeError("instance must not be None");
            return rt.methodType.create(a[o], a[o + 1]);
        }
        throw rt.typeError("cannot create '" + t.name() + "' instances");
    }

    private static final String[] TRACEBACK_ARGS = {"tb_next", "tb_frame", "tb_lasti", "tb_lineno"};

    /**
     * types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno) (tb_new): tb_next None or a
     * traceback, tb_frame a frame, the others C ints (through __index__); Argument Clinic's
     * messages under the name TracebackType.
     */
    private static long traceback(Runtime rt, long[] a, int o, int n, long kw) {
        Heap heap = rt.heap;
        int nkw = Args.nkw(kw);
        if (n > 4) {
            throw rt.typeError("TracebackType() takes at most 4 " + (n == nkw ? "keyword " : "") + "arguments (" + n + " given)");
        }
        // _PyArg_UnpackKeywords' order: a missing argument, then one given twice, then an unknown keyword
        int np = n - nkw;
        long[] v = new long[4];
        for (int i = 0; i < np; i++) v[i] = a[o + i];
        String twice = null, unknown = null;
        for (int k = 0; k < nkw; k++) {
            String kn = StrType.value(TupleType.item(kw, k));
            int idx = java.util.Arrays.asList(TRACEBACK_ARGS).indexOf(kn);
            if (idx < 0) {
                if (unknown == null) unknown = kn;
            } else if (idx < np) {
                if (twice == null) twice = kn;
            } else {
                v[idx] = a[o + np + k];
            }
        }
        for (int i = 0; i < 4; i++) {
            if (v[i] == 0) throw rt.typeError("TracebackType() missing required argument '" + TRACEBACK_ARGS[i] + "' (pos " + (i + 1) + ")");
        }
        if (twice != null) {
            int idx = java.util.Arrays.asList(TRACEBACK_ARGS).indexOf(twice);
            throw rt.typeError("argument for TracebackType() given by name ('" + twice + "') and position (" + (idx + 1) + ")");
        }
        if (unknown != null) throw rt.typeError("TracebackType() got an unexpected keyword argument '" + unknown + "'");
        if (heap.typeOf(v[1]) != rt.frameType) {
            throw rt.typeError("TracebackType() argument 'tb_frame' must be frame, not " + rt.ops.typeName(v[1]));
        }
        int lasti = cInt(rt, v[2]);
        int lineno = cInt(rt, v[3]);
        long next = v[0];
        if (next == heap.None) next = 0;
        else if (heap.typeOf(next) != rt.tracebackType) {
            throw rt.typeError("expected traceback object or None, got '" + rt.ops.typeName(next) + "'");
        }
        heap.xincref(next);
        return rt.tracebackType.create(next, Builtins.incref(heap, v[1]), lasti, lineno);
    }

    /** _PyLong_AsInt: an int, or an object whose type has __index__ (called), that fits a C int. */
    private static int cInt(Runtime rt, long v) {
        long r = v;
        if (!(rt.ops.baseView(v) instanceof IntType)) {
            if (rt.ops.lookupType(rt.heap.typeOf(v), "__index__") == 0) {
                throw rt.typeError("'" + rt.ops.typeName(v) + "' object cannot be interpreted as an integer");
            }
            r = rt.ops.callMethod(v, "__index__");
        }
        try {
            if (!(rt.ops.baseView(r) instanceof IntType)) throw rt.typeError("__index__ returned non-int (type " + rt.ops.typeName(r) + ")");
            if (!IntType.fitsLong(r) || IntType.asLong(r) != (int) IntType.asLong(r)) {
                throw rt.error("OverflowError", "Python int too large to convert to C int");
            }
            return (int) IntType.asLong(r);
        } finally {
            if (r != v) rt.heap.decref(r);
        }
    }

    /** module(name, doc=None) (types.ModuleType): new_module, then module___init__. */
    private static long module(Runtime rt, long[] a, int o, int n, long kw) {
        long[] nameDoc = ModuleType.initArgs(rt, a, o, n, kw);
        long m = rt.moduleType.create(StrType.value(nameDoc[0]));
        rt.moduleType.initDict(m, nameDoc[0], nameDoc[1]);
        return m;
    }

    private static long dict(Runtime rt, long[] a, int o, int n, long kw) {
        Heap heap = rt.heap;
        int nkw = Args.nkw(kw);
        int np = n - nkw;
        if (np > 1) throw rt.typeError("dict expected at most 1 argument, got " + np);
        long d = heap.dicts.create(false);  // dict_new: tp_alloc, not the free list
        try {
            if (np == 1) Builtins.dictUpdateArg(rt, d, a[o]);  // dict_update_common: a mapping, or pairs as they come
            for (int k = 0; k < nkw; k++) heap.dicts.setItem(d, TupleType.item(kw, k), a[o + np + k]);
        } catch (PyError e) {
            heap.decref(d);
            throw rt.fromPyError(e);
        } catch (RuntimeException e) {
            heap.decref(d);
            throw e;
        }
        return d;
    }

    private static long intOf(Runtime rt, long[] a, int o, int n, long kw) {
        Heap heap = rt.heap;
        int nkw = Args.nkw(kw);
        long base = 0;
        if (nkw == 1 && StrType.value(TupleType.item(kw, 0)).equals("base")) base = a[o + n - 1];
        else if (nkw > 0) throw rt.typeError("'" + StrType.value(TupleType.item(kw, 0)) + "' is an invalid keyword argument for int()");
        int np = n - nkw;
        if (np > 2) throw rt.typeError("int() takes at most 2 arguments (" + np + " given)");
        if (np == 2) base = a[o + 1];
        if (np == 0) {
            if (base != 0) throw rt.typeError("int() missing string argument");
            return heap.ints.of(0);
        }
        long x = a[o];
        PyType t = heap.typeOf(x);
        if (base != 0) {
            int b = intBase(rt, base);  // long_new_impl: the base first, then the argument's type
            if (Heap.isStr(x)) return parseInt(rt, StrType.value(x), b);
            // bytes and bytearray (PyBytes_Check || PyByteArray_Check): re._compiler's bitmaps parse bytearray slices
            if (!Heap.isBytes(x) && !rt.ops.isSubtype(t, rt.byteArrayType)) throw rt.typeError("int() can't convert non-string with explicit base");
            return parseIntBytes(rt, BufferProtocol.bytesOrNull(rt, x), b);
        }
        // PyNumber_Long's order: nb_int, nb_index, __trunc__ (deprecated), then text and buffers
        if (t == heap.ints) return Builtins.incref(heap, x);
        if (t instanceof WeakProxyType w) return ofReferent(rt, w, x, r -> intOf(rt, new long[] {r}, 0, 1, 0));  // proxy_int: int(referent)
        if (t instanceof ClassType c && rt.ops.lookupUserOnly(c, "__int__") != 0) return rt.ops.exactIntResult(rt.ops.callMethod(x, "__int__"), "__int__");
        PyType bt = rt.ops.baseView(x);  // int's or float's nb_int for a subclass instance: an exact copy of its value
        if (bt instanceof IntType) return heap.ints.of(IntType.toBig(x));
        if (bt == heap.floats) {
            double d = FloatType.value(x);
            if (Double.isNaN(d)) throw rt.error("ValueError", "cannot convert float NaN to integer");
            if (Double.isInfinite(d)) throw rt.error("OverflowError", "cannot convert float infinity to integer");
            // Truncation toward zero; |d| < 2**63 converts exactly through long.
            if (Math.abs(d) < 0x1p63) return heap.ints.of((long) d);
            return heap.ints.of(new BigDecimal(d).toBigInteger());
        }
        if (t instanceof ClassType c && rt.ops.lookupType(c, "__int__") != 0) return rt.ops.exactIntResult(rt.ops.callMethod(x, "__int__"), "__int__");
        if (rt.ops.lookupType(t, "__index__") != 0) return rt.ops.numberIndex(x);
        if (rt.ops.lookupType(t, "__trunc__") != 0) return truncResult(rt, x);
        if (bt == heap.strs) return parseInt(rt, StrType.value(x), 10);
        // bytes, bytearray and any other buffer (PyNumber_Long: PyObject_GetBuffer, then _PyLong_FromBytes)
        byte[] raw = BufferProtocol.bytesOrNull(rt, x);
        if (raw != null) return parseIntBytes(rt, raw, 10);
        throw rt.typeError("int() argument must be a string, a bytes-like object or a real number, not '" + rt.ops.typeName(x) + "'");
    }

    /**
     * int()'s base argument as PyNumber_AsSsize_t(base, NULL) reads it: through __index__ (a
     * non-integer is TypeError), a value past a C ssize_t clamped, so it is then out of range.
     */
    private static int intBase(Runtime rt, long base) {
        long v = rt.ops.numberIndex(base);
        try {
            BigInteger b = IntType.toBig(v);
            if (b.signum() != 0 && b.compareTo(BigInteger.TWO) < 0 || b.compareTo(BigInteger.valueOf(36)) > 0) {
                throw rt.error("ValueError", "int() base must be >= 2 and <= 36, or 0");
            }
            return b.intValue();
        } finally {
            rt.heap.decref(v);
        }
    }

    /**
     * int(x) through x's __trunc__ (3.11 warns that this delegation is deprecated): an exact int as
     * it is, an int subclass's value, else the result's __index__ (TypeError when it has none).
     */
    private static long truncResult(Runtime rt, long x) {
        Heap heap = rt.heap;
        Warnings.warn(rt, "DeprecationWarning", "The delegation of int() to __trunc__ is deprecated.", 1);
        long r = rt.ops.callMethod(x, "__trunc__");
        try {
            if (heap.typeOf(r) == heap.ints) return Builtins.incref(heap, r);
            if (rt.ops.baseView(r) instanceof IntType) return heap.ints.of(IntType.toBig(r));
            if (!rt.ops.hasIndex(r)) throw rt.typeError("__trunc__ returned non-Integral (type " + rt.ops.typeName(r) + ")");
            return rt.ops.numberIndex(r);
        } finally {
            heap.decref(r);
        }
    }

    /** PyLong_FromUnicodeObject: the str's Unicode digits and spaces made ASCII first, the message showing the str as given. */
    static long parseInt(Runtime rt, String text, int base) {
        return parseInt(rt, TypeMethods.decimalAndSpaceToAscii(text), base, () -> Strings.repr(text));
    }

    /** _PyLong_FromBytes: the bytes read as Latin-1 text; the message shows them as a bytes repr (of at most 200 of them). */
    static long parseIntBytes(Runtime rt, byte[] b, int base) {
        return parseInt(rt, new String(b, java.nio.charset.StandardCharsets.ISO_8859_1), base,
                () -> Strings.bytesRepr(java.util.Arrays.copyOf(b, Math.min(b.length, 200))));
    }

    /**
     * PyLong_FromString over {@code s} (only ASCII counts: any other character is not a digit):
     * spaces (Py_ISSPACE) around, a sign, base 0's prefix (or the given base's own, which may be
     * followed by one underscore), digits with single underscores between them; base 0 without a
     * prefix refuses a leading zero unless the value is 0. The digit-count limit is checked on the
     * digits before what follows them. ValueError names the base given.
     */
    private static long parseInt(Runtime rt, String s, int base, java.util.function.Supplier<String> shown) {
        if (base != 0 && (base < 2 || base > 36)) throw rt.error("ValueError", "int() base must be >= 2 and <= 36, or 0");
        int n = s.length(), i = 0;
        while (i < n && isCSpace(s.charAt(i))) i++;
        boolean neg = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) neg = s.charAt(i++) == '-';
        char c0 = i < n ? s.charAt(i) : 0, c1 = i + 1 < n ? Character.toLowerCase(s.charAt(i + 1)) : 0;
        int b = base;
        boolean errorIfNonzero = false;
        if (b == 0) {
            if (c0 != '0') b = 10;
            else if (c1 == 'x') b = 16;
            else if (c1 == 'o') b = 8;
            else if (c1 == 'b') b = 2;
            else {
                b = 10;  // an old C-style octal literal: only zero is allowed
                errorIfNonzero = true;
            }
        }
        if (c0 == '0' && (b == 16 && c1 == 'x' || b == 8 && c1 == 'o' || b == 2 && c1 == 'b')) {
            i += 2;
            if (i < n && s.charAt(i) == '_') i++;
        }
        boolean ok = !(i < n && s.charAt(i) == '_');
        StringBuilder digits = new StringBuilder();
        char prev = 0;
        while (ok && i < n) {
            char c = s.charAt(i);
            if (c == '_') {
                if (prev == '_') ok = false;
            } else if (c < 128 && Character.digit(c, b) >= 0) {
                digits.append(c);
            } else {
                break;
            }
            prev = c;
            i++;
        }
        if (prev == '_') ok = false;
        if (ok && digits.length() > 18) IntStrLimit.checkParse(rt, digits.length(), b);
        while (i < n && isCSpace(s.charAt(i))) i++;
        if (ok && digits.length() > 0 && i == n) {
            BigInteger v = new BigInteger(digits.toString(), b);
            if (!errorIfNonzero || v.signum() == 0) return rt.heap.ints.of(neg ? v.negate() : v);
        }
        String r = shown.get();
        if (r.codePointCount(0, r.length()) > 200) r = r.substring(0, r.offsetByCodePoints(0, 200));  // %.200R
        throw rt.error("ValueError", "invalid literal for int() with base " + base + ": " + r);
    }

    /** Py_ISSPACE: the ASCII whitespace characters. */
    private static boolean isCSpace(char c) { return " \t\n\u000b\f\r".indexOf(c) >= 0; }

    /** A weakref proxy's conversion: {@code f} of its live referent, held for the call (ReferenceError once it died). */
    private static long ofReferent(Runtime rt, WeakProxyType w, long proxy, java.util.function.LongUnaryOperator f) {
        long r = w.referent(proxy);
        rt.heap.incref(r);
        try {
            return f.applyAsLong(r);
        } finally {
            rt.heap.decref(r);
        }
    }

    /** The text without leading and trailing Py_ISSPACE characters (space, \t, \n, \v, \f, \r). */
    private static String stripAsciiSpace(String s) {
        int b = 0, e = s.length();
        while (b < e && isCSpace(s.charAt(b))) b++;
        while (e > b && isCSpace(s.charAt(e - 1))) e--;
        return s.substring(b, e);
    }

    /**
     * PyNumber_Float's check of x's __float__ result (a new reference, taken): an exact float as it
     * is, a float subclass's value with 3.11's DeprecationWarning, anything else TypeError naming x's type.
     */
    static long floatResult(Runtime rt, long x, long r) {
        Heap heap = rt.heap;
        if (heap.typeOf(r) == heap.floats) return r;
        try {
            String what = rt.ops.typeName(x) + ".__float__ returned non-float (type " + rt.ops.typeName(r) + ")";
            if (rt.ops.baseView(r) != heap.floats) throw rt.typeError(what);
            Warnings.warn(rt, "DeprecationWarning", what + ".  The ability to return an instance of a strict subclass of float is deprecated,"
                    + " and may be removed in a future version of Python.", 1);
            return heap.floats.of(FloatType.value(r));
        } finally {
            heap.decref(r);
        }
    }

    static long floatOf(Runtime rt, long x) {
        Heap heap = rt.heap;
        PyType t = heap.typeOf(x);
        if (t == heap.floats) return Builtins.incref(heap, x);
        if (t instanceof WeakProxyType w) return ofReferent(rt, w, x, r -> floatOf(rt, r));  // proxy_float: float(referent)
        if (t instanceof ClassType c && rt.ops.lookupUserOnly(c, "__float__") != 0) return floatResult(rt, x, rt.ops.callMethod(x, "__float__"));
        t = rt.ops.baseView(x);  // float's or int's nb_float for a subclass instance: a new exact float
        if (t == heap.floats) return heap.floats.of(FloatType.value(x));
        if (t instanceof IntType) return heap.floats.of(Numbers.toDouble(rt, x));
        byte[] buffer = t == heap.strs ? null : BufferProtocol.bytesOrNull(rt, x);  // PyFloat_FromString takes any buffer's bytes as the text
        if (t == heap.strs || buffer != null) {
            String text = buffer == null ? StrType.value(x) : new String(buffer, java.nio.charset.StandardCharsets.ISO_8859_1);
            // a str's whitespace is Unicode's, a buffer's only ASCII's (b'123\xa0' is not a number)
            String s = buffer == null ? TypeMethods.stripSpace(TypeMethods.decimalAndSpaceToAscii(text)) : stripAsciiSpace(text);
            if (s.indexOf('_') >= 0) {  // _Py_string_to_number_with_underscores: only between digits
                if (!ComplexType.underscoresBetweenDigits(s)) {
                    throw rt.error("ValueError", "could not convert string to float: " + (buffer == null ? Strings.repr(text) : rt.ops.repr(x)));
                }
                s = s.replace("_", "");
            }
            String low = s.toLowerCase();
            double d;
            switch (low) {
                case "inf", "+inf", "infinity", "+infinity" -> d = Double.POSITIVE_INFINITY;
                case "-inf", "-infinity" -> d = Double.NEGATIVE_INFINITY;
                case "nan", "+nan" -> d = Double.NaN;
                case "-nan" -> d = Double.longBitsToDouble(0xfff8000000000000L);  // _Py_parse_inf_or_nan negates: the sign bit is set
                default -> {
                    try {
                        if (s.isEmpty() || !s.matches("[+-]?(\\d+\\.?\\d*([eE][+-]?\\d+)?|\\.\\d+([eE][+-]?\\d+)?)")) throw new NumberFormatException();
                        d = Double.parseDouble(s);
                    } catch (NumberFormatException e) {
                        throw rt.error("ValueError", "could not convert string to float: " + (buffer == null ? Strings.repr(text) : rt.ops.repr(x)));
                    }
                }
            }
            return heap.floats.of(d);
        }
        if (t instanceof ClassType c && rt.ops.lookupType(c, "__float__") != 0) return floatResult(rt, x, rt.ops.callMethod(x, "__float__"));
        throw rt.typeError("float() argument must be a string or a real number, not '" + t.name() + "'");
    }
}

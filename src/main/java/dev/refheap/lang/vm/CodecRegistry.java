package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.DictType;
import dev.refheap.object.Heap;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;

/**
 * The interpreter's codec registry (CPython 3.11's codecs.c: interp->codec_search_path,
 * codec_search_cache, codec_error_registry), which {@code _codecs} exposes and which str.encode and
 * bytes.decode consult for any encoding outside their fast paths and for any error handler that is
 * not one of the eight standard ones.
 *
 * <p>State: three runtime-held objects made on first use: the search functions (a list), the cache
 * (a dict from normalized name to CodecInfo) and the error handlers (a dict from name to callable,
 * holding the standard handlers as builtin functions named as CPython's: {@code strict_errors},
 * ..., {@code surrogatepass}). CPython imports {@code encodings} at start-up, which registers its
 * search function; refheap imports it on the first lookup instead (once; if the standard library
 * has no {@code encodings}, the search path stays as the program made it). A name is normalized as
 * _Py_normalize_encoding does before the cache and the search functions see it.
 */
final class CodecRegistry {
    private final Runtime rt;
    private final Heap heap;
    private long searchPath, cache, errors;
    private boolean encodingsImported;

    static final String[] STANDARD_HANDLERS = {"strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace",
        "namereplace", "surrogateescape", "surrogatepass"};

    CodecRegistry(Runtime rt) {
        this.rt = rt;
        this.heap = rt.heap;
    }

    private void init() {
        if (searchPath != 0) return;
        searchPath = rt.hold(heap.lists.of());
        cache = rt.hold(heap.dicts.create());
        errors = rt.hold(heap.dicts.create());
        java.util.Map<String, Builtin> fns = handlerFunctions(rt);
        for (String h : STANDARD_HANDLERS) {
            String fname = handlerFunctionName(h);
            long f = rt.builtinFunctionType.create(fname, Modules.moduleFunction(rt, HANDLERS, fname, fns.get(fname)), 0, null);
            heap.dicts.setItem(errors, h, f);
            heap.decref(f);
        }
    }

    /** The owner in the standard handlers' keys ({@link NativeFunction}): {@code _codecs.errors.strict_errors}. */
    static final String HANDLERS = "_codecs.errors";

    private static String handlerFunctionName(String handler) { return handler.startsWith("surrogate") ? handler : handler + "_errors"; }

    /** The standard handlers' function names. */
    static final java.util.Set<String> HANDLER_FUNCTIONS = java.util.Arrays.stream(STANDARD_HANDLERS).map(CodecRegistry::handlerFunctionName)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * The standard error handlers' functions by name ({@code strict_errors}, ...,
     * {@code surrogatepass}), made from the runtime alone: the registry's first use defines them
     * from this table, and a runtime adopting a start-up image makes them again from it.
     */
    static java.util.Map<String, Builtin> handlerFunctions(Runtime rt) {
        java.util.Map<String, Builtin> m = new java.util.HashMap<>();
        for (String h : STANDARD_HANDLERS) {
            String fname = handlerFunctionName(h);
            m.put(fname, (s, a, o, n, kw) -> {
                if (kw != 0 && TupleType.size(kw) > 0) throw rt.typeError(fname + "() takes no keyword arguments");
                if (n != 1) throw rt.typeError(fname + "() takes exactly one argument (" + n + " given)");
                return ErrorHandlers.call(rt, h, a[o]);
            });
        }
        return m;
    }

    /** The registry's state for a start-up image: its three held objects (0 before its first use) and whether encodings was imported. */
    long[] imageState() { return new long[] {searchPath, cache, errors, encodingsImported ? 1 : 0}; }

    /** Takes the state {@link #imageState} gave in the image-maker's runtime (this runtime adopted its image; the objects are held by it). */
    void adoptImageState(long[] state) {
        if (state.length != 4) throw new IllegalArgumentException("the codec registry's image state has 4 values, not " + state.length);
        searchPath = state[0];
        cache = state[1];
        errors = state[2];
        encodingsImported = state[3] != 0;
    }

    /** The search functions list (borrowed), the standard library's search function not imported yet. */
    void register(long func) {
        init();
        if (!Builtins.isCallable(rt, func) && rt.ops.lookupType(heap.typeOf(func), "__call__") == 0) {
            throw rt.typeError("argument must be callable");
        }
        heap.lists.append(searchPath, func);
    }

    void unregister(long func) {
        init();
        long n = dev.refheap.object.ListType.size(searchPath);
        for (long i = 0; i < n; i++) {
            if (dev.refheap.object.ListType.item(searchPath, i) == func) {
                heap.dicts.clearDict(cache);
                heap.decref(heap.lists.pop(searchPath, i));
                return;
            }
        }
    }

    /**
     * _Py_normalize_encoding, as 3.11's lookup applies it: ASCII letters and digits (lowered) and
     * dots are kept, every run of other characters (any non-ASCII one included) becomes one
     * underscore, dropped at the start and the end: "My Codec" is "my_codec", "UTF-8" is "utf_8".
     */
    static String normalize(String enc) {
        StringBuilder b = new StringBuilder(enc.length());
        boolean punct = false;
        for (int i = 0; i < enc.length(); i++) {
            char c = enc.charAt(i);
            boolean alnum = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            if (alnum || c == '.') {
                if (punct && b.length() > 0) b.append('_');
                punct = false;
                b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            } else {
                punct = true;
            }
        }
        return b.toString();
    }

    /** _PyCodec_Lookup: the codec's CodecInfo (a new reference); LookupError "unknown encoding: X". */
    long lookup(String encoding) {
        for (int i = 0; i < encoding.length(); i++) {
            if (Character.isSurrogate(encoding.charAt(i))) {
                // PyUnicode_AsUTF8 of the name: a lone surrogate is UnicodeEncodeError
                long str = heap.strs.of(encoding);
                try {
                    heap.decref(Codecs.encode(rt, str, "utf-8", "strict"));
                } finally {
                    heap.decref(str);
                }
                break;
            }
        }
        init();
        if (!encodingsImported) {
            encodingsImported = true;
            long name = heap.strs.of("encodings"), zero = heap.ints.of(0);
            try {
                heap.decref(rt.imports().importName(name, 0, 0, zero));
            } catch (PyException e) {
                if (!rt.ops.isInstance(e.exc(), rt.exceptionType("ModuleNotFoundError"))) throw e;
                heap.decref(e.exc());
            } finally {
                heap.decref(name);
                heap.decref(zero);
            }
        }
        String norm = normalize(encoding);
        long key = heap.strs.internedOf(norm);
        try {
            long hit = heap.dicts.getItem(cache, key);
            if (hit != 0) return Builtins.incref(heap, hit);
            long n = dev.refheap.object.ListType.size(searchPath);
            for (long i = 0; i < n && i < dev.refheap.object.ListType.size(searchPath); i++) {
                long func = dev.refheap.object.ListType.item(searchPath, i);
                long r = rt.ops.call0(func, key);
                if (r == heap.None) {
                    heap.decref(r);
                    continue;
                }
                if (!rt.ops.isSubtype(heap.typeOf(r), heap.tuples) || TupleType.size(r) != 4) {
                    heap.decref(r);
                    throw rt.typeError("codec search functions must return 4-tuples");
                }
                heap.dicts.setItem(cache, key, r);
                return r;
            }
            throw rt.error("LookupError", "unknown encoding: " + encoding);
        } finally {
            heap.decref(key);
        }
    }

    /** _forget_codec's work: drops the cached entry for the name; false if it was not cached. */
    boolean forget(String encoding) {
        init();
        long key = heap.strs.of(normalize(encoding));
        try {
            if (heap.dicts.getItem(cache, key) == 0) return false;
            heap.dicts.delItem(cache, key);
            return true;
        } finally {
            heap.decref(key);
        }
    }

    /** PyCodec_LookupError: the handler registered under the name (a new reference). */
    long lookupError(String name) {
        init();
        long h = heap.dicts.getItem(errors, name);
        if (h == 0) throw rt.error("LookupError", "unknown error handler name '" + name + "'");
        return Builtins.incref(heap, h);
    }

    void registerError(String name, long handler) {
        init();
        if (!Builtins.isCallable(rt, handler) && rt.ops.lookupType(heap.typeOf(handler), "__call__") == 0) {
            throw rt.typeError("handler must be callable");
        }
        heap.dicts.setItem(errors, name, handler);
    }

    /**
     * PyCodec_Encode/PyCodec_Decode (codecs.encode/decode): the codec's encoder or decoder
     * (CodecInfo item 0 or 1) called with (obj,) or (obj, errors); its (result, length) tuple's
     * result. A simple exception from the codec is re-raised as "encoding with 'X' codec failed
     * (T: msg)", chained to the original, as _PyErr_TrySetFromCause does.
     */
    long encodeOrDecode(long obj, String encoding, long errorsObj, boolean encode) {
        long info = lookup(encoding);
        long fn;
        try {
            fn = Builtins.incref(heap, TupleType.item(info, encode ? 0 : 1));
        } finally {
            heap.decref(info);
        }
        return callCodec(fn, obj, errorsObj, encoding, encode);
    }

    private long callCodec(long fn, long obj, long errorsObj, String encoding, boolean encode) {
        long r;
        try {
            r = errorsObj == 0 ? rt.ops.call0(fn, obj) : rt.ops.call0(fn, obj, errorsObj);
        } catch (PyException e) {
            throw wrap(e, encode ? "encoding" : "decoding", encoding);
        } finally {
            heap.decref(fn);
        }
        try {
            if (!rt.ops.isSubtype(heap.typeOf(r), heap.tuples) || TupleType.size(r) != 2) {
                throw rt.typeError(encode ? "encoder must return a tuple (object, integer)" : "decoder must return a tuple (object,integer)");
            }
            return Builtins.incref(heap, TupleType.item(r, 0));
        } finally {
            heap.decref(r);
        }
    }

    /** The exception types whose constructor is BaseException's (so one message argument rebuilds them). */
    private static final java.util.Set<String> SIMPLE = java.util.Set.of("Exception", "TypeError", "ValueError", "LookupError",
            "IndexError", "KeyError", "RuntimeError", "NotImplementedError", "ArithmeticError", "ZeroDivisionError", "OverflowError",
            "AssertionError", "BufferError", "EOFError", "MemoryError", "ReferenceError", "SystemError", "RecursionError", "UnicodeError");

    private PyException wrap(PyException e, String operation, String encoding) {
        long exc = e.exc();
        dev.refheap.object.PyType t = heap.typeOf(exc);
        String tn = Ops.shortName(t);
        if (t != rt.exceptionType(tn) || !SIMPLE.contains(tn)) return e;
        long d = Native.getLong(exc + ExceptionType.DICT);
        if (d != 0 && DictType.size(d) > 0) return e;
        String msg = operation + " with '" + encoding + "' codec failed (" + tn + ": " + rt.ops.str(exc) + ")";
        PyException w = rt.error(tn, msg);
        Native.putLong(w.exc() + ExceptionType.CAUSE, exc);  // takes the caught reference
        Native.putLong(w.exc() + ExceptionType.SUPPRESS, 1);
        return w;
    }

    /**
     * _PyCodec_EncodeText/_PyCodec_DecodeText: str.encode/bytes.decode for a name outside the fast
     * paths: the codec must be a text encoding and give bytes (encoding) or str (decoding).
     */
    long encodeText(long obj, String encoding, String errors, boolean encode) {
        long info = lookup(encoding);
        long fn;
        try {
            if (heap.typeOf(info) != heap.tuples) {
                long attr = heap.strs.internedOf("_is_text_encoding");
                long flag;
                try {
                    flag = rt.ops.getAttrOrNull(info, attr);
                } finally {
                    heap.decref(attr);
                }
                if (flag != 0) {
                    boolean text = rt.ops.truthy(flag);
                    heap.decref(flag);
                    if (!text) {
                        throw rt.error("LookupError", "'" + encoding + "' is not a text encoding; use codecs." + (encode ? "encode" : "decode")
                                + "() to handle arbitrary codecs");
                    }
                }
            }
            fn = Builtins.incref(heap, TupleType.item(info, encode ? 0 : 1));
        } finally {
            heap.decref(info);
        }
        long errorsObj = errors == null ? 0 : heap.strs.of(errors);
        long r;
        try {
            r = callCodec(fn, obj, errorsObj, encoding, encode);
        } finally {
            heap.xdecref(errorsObj);
        }
        if (encode ? Heap.isBytes(r) : Heap.isStr(r)) return r;
        String got = rt.ops.typeName(r);
        heap.decref(r);
        throw rt.typeError(encode
                ? "'" + encoding + "' encoder returned '" + got + "' instead of 'bytes'; use codecs.encode() to encode to arbitrary types"
                : "'" + encoding + "' decoder returned '" + got + "' instead of 'str'; use codecs.decode() to decode to arbitrary types");
    }

    static String strOf(long o) { return StrType.value(o); }
}

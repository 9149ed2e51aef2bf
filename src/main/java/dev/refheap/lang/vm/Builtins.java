package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.BytesType;
import dev.refheap.object.DictType;
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
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** The {@code builtins} module: functions, the builtin types as callables, and class creation. */
final class Builtins {
    private Builtins() {}

    static void install(Runtime rt) {
        Heap heap = rt.heap;
        def(rt, "print", (self, a, o, n, kw) -> print(rt, a, o, n, kw));
        def(rt, "id", (self, a, o, n, kw) -> { Args.exactly(rt, "id", n, kw, 1); return heap.ints.of(a[o]); });
        def(rt, "hex", (self, a, o, n, kw) -> { Args.exactly(rt, "hex", n, kw, 1); return heap.strs.of(radix(rt, a[o], 16, "0x")); });
        def(rt, "oct", (self, a, o, n, kw) -> { Args.exactly(rt, "oct", n, kw, 1); return heap.strs.of(radix(rt, a[o], 8, "0o")); });
        def(rt, "bin", (self, a, o, n, kw) -> { Args.exactly(rt, "bin", n, kw, 1); return heap.strs.of(radix(rt, a[o], 2, "0b")); });
        // breakpoint(*args, **kws): whatever sys.breakpointhook is now, called with the arguments
        def(rt, "breakpoint", (self, a, o, n, kw) -> {
            long sys = heap.dicts.getItem(rt.sysModules, "sys");
            long hook = sys == 0 || !rt.isModule(sys) ? 0 : heap.dicts.getItem(ModuleType.dict(sys), "breakpointhook");
            if (hook == 0) throw rt.error("RuntimeError", "lost sys.breakpointhook");
            heap.incref(hook);
            try {
                return rt.ops.call(hook, a, o, n, kw);
            } finally {
                heap.decref(hook);
            }
        });
        def(rt, "len", (self, a, o, n, kw) -> { Args.exactly(rt, "len", n, kw, 1); return heap.ints.of(rt.ops.len(a[o])); });
        def(rt, "repr", (self, a, o, n, kw) -> { Args.exactly(rt, "repr", n, kw, 1); return rt.ops.reprObject(a[o]); });
        def(rt, "ascii", (self, a, o, n, kw) -> { Args.exactly(rt, "ascii", n, kw, 1); return rt.ops.asciiObject(a[o]); });
        def(rt, "hash", (self, a, o, n, kw) -> { Args.exactly(rt, "hash", n, kw, 1); return heap.ints.of(rt.ops.hash(a[o])); });
        def(rt, "callable", (self, a, o, n, kw) -> { Args.exactly(rt, "callable", n, kw, 1); return rt.ops.bool(isCallable(rt, a[o])); });
        def(rt, "isinstance", (self, a, o, n, kw) -> {
            Args.exactly(rt, "isinstance", n, kw, 2);
            return rt.ops.bool(isInstanceOf(rt, a[o], a[o + 1], "isinstance() arg 2 must be a type, a tuple of types, or a union"));
        });
        // builtins.open is _io.open (CPython's startup imports io); here _io is imported on the first call
        def(rt, "open", (self, a, o, n, kw) -> {
            long io = Modules.importModule(rt, "_io");
            try {
                long f = heap.dicts.getItem(ModuleType.dict(io), "open");
                if (f == 0) throw rt.error("ImportError", "cannot import name 'open' from '_io'");
                return rt.ops.call(f, a, o, n, kw);
            } finally {
                heap.decref(io);
            }
        });
        def(rt, "issubclass", (self, a, o, n, kw) -> {
            Args.exactly(rt, "issubclass", n, kw, 2);
            return rt.ops.bool(isSubclassOfObject(rt, a[o], a[o + 1]));
        });
        def(rt, "iter", (self, a, o, n, kw) -> {
            Args.range(rt, "iter", n, kw, 1, 2);
            if (n == 2) {
                if (!isCallable(rt, a[o])) throw rt.typeError("iter(v, w): v must be callable");
                return rt.iterType.create(IterType.Kind.CALLABLE_SENTINEL, a[o], incref(heap, a[o + 1]));
            }
            return rt.ops.iter(a[o]);
        });
        def(rt, "next", (self, a, o, n, kw) -> {
            Args.range(rt, "next", n, kw, 1, 2);
            PyType t = heap.typeOf(a[o]);
            if (!(t instanceof IterType) && t != rt.generatorType && t != rt.rangeType.iterType && t != rt.rangeType.longIterType
                    && !(t instanceof ExtType x && x.isIterator()) && !(t instanceof ClassType c && rt.ops.lookupType(c, "__next__") != 0)) {
                throw rt.typeError("'" + t.name() + "' object is not an iterator");
            }
            if (t == rt.generatorType) {
                if (n == 2) {
                    long v = rt.interpreter.resume(a[o], heap.None, 0, true);
                    return v != 0 ? v : incref(heap, a[o + 1]);
                }
                return rt.interpreter.resume(a[o], heap.None, 0, false);
            }
            // an iterator whose StopIteration carries a value (a class's __next__, the awaitables of
            // coroutines and async generators): next() lets its StopIteration through as it is
            if (n == 1 && Coroutines.stopCarriesValue(rt, t)) {
                return rt.ops.callMethod(a[o], "__next__");
            }
            long v = rt.ops.next(a[o]);
            if (v != 0) return v;
            if (n == 2) return incref(heap, a[o + 1]);
            throw rt.error("StopIteration", null);
        });
        def(rt, "aiter", (self, a, o, n, kw) -> {
            Args.exactly(rt, "aiter", n, kw, 1);
            return Coroutines.builtinAiter(rt, a[o]);
        });
        def(rt, "anext", (self, a, o, n, kw) -> {
            Args.range(rt, "anext", n, kw, 1, 2);
            return Coroutines.builtinAnext(rt, a[o], n == 2 ? a[o + 1] : 0);
        });
        def(rt, "getattr", (self, a, o, n, kw) -> {
            Args.range(rt, "getattr", n, kw, 2, 3);
            if (!Heap.isStr(a[o + 1])) throw rt.typeError("attribute name must be string, not '" + rt.ops.typeName(a[o + 1]) + "'");
            if (n == 2) return rt.ops.getAttr(a[o], a[o + 1]);  // PyObject_GetAttr: the AttributeError gets name and obj
            long v = Attributes.getOrSwallow(rt, a[o], a[o + 1]);
            return v != 0 ? v : incref(heap, a[o + 2]);
        });
        def(rt, "setattr", (self, a, o, n, kw) -> {
            Args.exactly(rt, "setattr", n, kw, 3);
            if (!Heap.isStr(a[o + 1])) throw rt.typeError("attribute name must be string, not '" + rt.ops.typeName(a[o + 1]) + "'");
            rt.ops.setAttr(a[o], a[o + 1], a[o + 2]);
            return incref(heap, heap.None);
        });
        def(rt, "delattr", (self, a, o, n, kw) -> {
            Args.exactly(rt, "delattr", n, kw, 2);
            rt.ops.delAttr(a[o], a[o + 1]);
            return incref(heap, heap.None);
        });
        def(rt, "hasattr", (self, a, o, n, kw) -> {
            Args.exactly(rt, "hasattr", n, kw, 2);
            if (!Heap.isStr(a[o + 1])) throw rt.typeError("attribute name must be string, not '" + rt.ops.typeName(a[o + 1]) + "'");
            long v = Attributes.getOrSwallow(rt, a[o], a[o + 1]);
            heap.xdecref(v);
            return rt.ops.bool(v != 0);
        });
        def(rt, "globals", (self, a, o, n, kw) -> { Args.exactly(rt, "globals", n, kw, 0); return incref(heap, rt.interpreter.current.globals); });
        def(rt, "locals", (self, a, o, n, kw) -> { Args.exactly(rt, "locals", n, kw, 0); return Instances.frameLocals(rt, rt.interpreter.current); });
        def(rt, "vars", (self, a, o, n, kw) -> {
            Args.range(rt, "vars", n, kw, 0, 1);
            if (n == 0) return Instances.frameLocals(rt, rt.interpreter.current);
            long v = rt.ops.getAttrOrNull(a[o], rt.names.__dict__);
            if (v == 0) throw rt.typeError("vars() argument must have __dict__ attribute");
            return v;
        });
        def(rt, "sorted", (self, a, o, n, kw) -> sorted(rt, a, o, n, kw));
        def(rt, "dir", (self, a, o, n, kw) -> Dir.dir(rt, a, o, n, kw));
        def(rt, "sum", (self, a, o, n, kw) -> sum(rt, a, o, n, kw));
        def(rt, "min", (self, a, o, n, kw) -> minmax(rt, a, o, n, kw, true));
        def(rt, "max", (self, a, o, n, kw) -> minmax(rt, a, o, n, kw, false));
        def(rt, "abs", (self, a, o, n, kw) -> {
            Args.exactly(rt, "abs", n, kw, 1);
            long x = a[o];
            if (heap.typeOf(x) == heap.ints && IntType.obSize(x) >= 0) return incref(heap, x);
            PyType xt = rt.ops.asBuiltin(heap.typeOf(x), "__abs__");  // an int or float subclass without its own __abs__: its base's
            if (xt instanceof IntType) return heap.ints.of(IntType.toBig(x).abs());
            if (xt == heap.floats) return heap.floats.of(Math.abs(FloatType.value(x)));
            if (xt == rt.complexType) return rt.complexType.abs(x);
            if (xt instanceof ExtType ext) {
                long r = ext.unary("abs", x);
                if (r != 0) return r;
            }
            if (heap.typeOf(x) instanceof ClassType c && rt.ops.lookupType(c, "__abs__") != 0) return rt.ops.callMethod(x, "__abs__");
            throw rt.typeError("bad operand type for abs(): '" + rt.ops.typeName(x) + "'");
        });
        def(rt, "round", (self, a, o, n, kw) -> round(rt, a, o, n, kw));
        def(rt, "chr", (self, a, o, n, kw) -> {
            Args.exactly(rt, "chr", n, kw, 1);
            long v = intArg(rt, a[o]);
            if (v < 0 || v > 0x10ffff) throw rt.error("ValueError", "chr() arg not in range(0x110000)");
            return heap.strs.of(dev.refheap.object.SurrogateEscapes.of(dev.refheap.object.SurrogateEscapes.checked((int) v)));
        });
        def(rt, "ord", (self, a, o, n, kw) -> {
            Args.exactly(rt, "ord", n, kw, 1);
            long x = a[o];
            if (Heap.isStr(x)) {
                if (StrType.length(x) != 1) throw rt.typeError("ord() expected a character, but string of length " + StrType.length(x) + " found");
                return heap.ints.of(StrType.codePointAt(x, 0));
            }
            if (Heap.isBytes(x) && BytesType.length(x) == 1) return heap.ints.of(BytesType.value(x)[0] & 0xff);
            throw rt.typeError("ord() expected string of length 1, but " + rt.ops.typeName(x) + " found");
        });
        def(rt, "any", (self, a, o, n, kw) -> anyAll(rt, a, o, n, kw, true));
        def(rt, "all", (self, a, o, n, kw) -> anyAll(rt, a, o, n, kw, false));
        def(rt, "format", (self, a, o, n, kw) -> {
            Args.range(rt, "format", n, kw, 1, 2);
            if (n == 2 && !Heap.isStr(a[o + 1])) throw rt.typeError("format() argument 2 must be str, not " + rt.ops.typeName(a[o + 1]));
            return rt.ops.formatObject(a[o], n == 2 ? StrType.value(a[o + 1]) : "");
        });
        def(rt, "__build_class__", (self, a, o, n, kw) -> buildClass(rt, a, o, n, kw));
        def(rt, "__import__", (self, a, o, n, kw) -> ImportBuiltin.call(rt, a, o, n, kw));
        def(rt, "input", (self, a, o, n, kw) -> Stdin.input(rt, a, o, n, kw));
        // types
        for (PyType t : new PyType[] {heap.ints, heap.bools, heap.floats, heap.strs, heap.bytes, heap.tuples, heap.lists,
                heap.dicts, heap.sets, heap.frozensets, heap.objectType, heap.typeType, rt.rangeType}) {
            rt.putBuiltin(t.name(), t.address());
        }
        rt.putBuiltin("enumerate", rt.iterType.typeFor(IterType.Kind.ENUMERATE).address());
        rt.putBuiltin("zip", rt.iterType.typeFor(IterType.Kind.ZIP).address());
        rt.putBuiltin("map", rt.iterType.typeFor(IterType.Kind.MAP).address());
        rt.putBuiltin("staticmethod", rt.staticMethodType.address());
        rt.putBuiltin("classmethod", rt.classMethodType.address());
        rt.putBuiltin("property", rt.propertyType.address());
        rt.putBuiltin("super", rt.superType.address());
        rt.putBuiltin("filter", rt.iterType.typeFor(IterType.Kind.FILTER).address());
        rt.putBuiltin("reversed", rt.iterType.typeFor(IterType.Kind.REVERSED).address());
        for (ExceptionType e : rt.exceptions.values()) rt.putBuiltin(e.name(), e.address());
        rt.putBuiltin("EnvironmentError", rt.exceptions.get("OSError").address());  // 3.3's aliases of OSError
        rt.putBuiltin("IOError", rt.exceptions.get("OSError").address());
        rt.putBuiltin("None", heap.None);
        rt.putBuiltin("Ellipsis", rt.ellipsis);
        rt.putBuiltin("NotImplemented", rt.notImplemented);
        ExecBuiltins.install(rt);
        NumberBuiltins.install(rt);
        if (!rt.forImage()) {
            long name = heap.strs.internedOf("builtins");
            rt.putBuiltin("__name__", name);
            heap.decref(name);
        }
    }

    static long incref(Heap heap, long o) {
        heap.incref(o);
        return o;
    }

    private static void def(Runtime rt, String name, Builtin impl) { rt.defBuiltin(name, impl); }

    /** A sandboxed runtime's {@code open}: it names the sandbox instead of opening anything (Runtime.setSandboxed). */
    static void sandbox(Runtime rt) {
        def(rt, "open", (self, a, o, n, kw) -> {
            String what = n > 0 && rt.heap.typeOf(a[o]) == rt.heap.strs ? ": '" + StrType.value(a[o]) + "'" : "";
            throw rt.error("PermissionError", "refheap serve does not let programs open files" + what);
        });
    }

    // ---- print ------------------------------------------------------------------------------------

    private static long print(Runtime rt, long[] a, int o, int n, long kw) {
        // 3.11's print takes *args: its argument clinic packs the positional arguments into a tuple
        // that holds a reference to each while print runs (a GC allocation, freed when it returns):
        // what sys.getrefcount sees from a __str__ that print calls
        Heap heap = rt.heap;
        int npos = n - (kw == 0 ? 0 : (int) TupleType.size(kw));
        long args = heap.tuples.alloc(npos);
        for (int i = 0; i < npos; i++) TupleType.setItemSteal(args, i, incref(heap, a[o + i]));
        try {
            return printArgs(rt, a, o, n, kw);
        } finally {
            heap.decref(args);
        }
    }

    private static long printArgs(Runtime rt, long[] a, int o, int n, long kw) {
        Heap heap = rt.heap;
        int nkw = kw == 0 ? 0 : (int) TupleType.size(kw);
        String sep = " ", end = "\n";
        boolean toErr = false, flush = false;
        long file = 0;
        for (int k = 0; k < nkw; k++) {
            String name = StrType.value(TupleType.item(kw, k));
            long v = a[o + n - nkw + k];
            switch (name) {
                case "sep" -> sep = v == heap.None ? " " : strArg(rt, v, "sep");
                case "end" -> end = v == heap.None ? "\n" : strArg(rt, v, "end");
                case "file" -> file = v == heap.None ? 0 : v;
                case "flush" -> flush = rt.ops.truthy(v);
                default -> throw rt.typeError("'" + name + "' is an invalid keyword argument for print()");
            }
        }
        if (file == 0) {  // sys.stdout, whatever it is now (contextlib.redirect_stdout replaces it)
            long sys = heap.dicts.getItem(rt.sysModules, "sys");
            file = sys == 0 || !rt.isModule(sys) ? 0 : heap.dicts.getItem(ModuleType.dict(sys), "stdout");
            if (file == heap.None) return incref(heap, heap.None);  // python3 prints nothing then
        }
        if (file != 0 && (heap.typeOf(file) != rt.streams || Native.getLong(file + Streams.WHICH) == Streams.STDIN)) {
            return printTo(rt, file, a, o, n - nkw, sep, end, flush);
        }
        toErr = file != 0 && Native.getLong(file + Streams.WHICH) == Streams.STDERR;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= n - nkw; i++) {
            String piece = i == n - nkw ? end : rt.ops.str(a[o + i]);
            if (i > 0 && i < n - nkw) sb.append(sep);
            if (LoneSurrogates.first(piece) >= 0 || i > 0 && i < n - nkw && LoneSurrogates.first(sep) >= 0) {
                // each piece is a write() of its own: what came before is written, this one fails
                (toErr ? rt.err : rt.out).print(sb);
                if (i > 0 && i < n - nkw) LoneSurrogates.checkUtf8(rt, sep);
                LoneSurrogates.checkUtf8(rt, piece);
            }
            sb.append(piece);
        }
        (toErr ? rt.err : rt.out).print(sb);
        if (flush) (toErr ? rt.err : rt.out).flush();
        StdStream.check(rt, toErr);  // a failed write to the process's stdout/stderr raises OSError here, as in python3
        heap.incref(heap.None);
        return heap.None;
    }

    /** print to an object that is not the process's stdout or stderr: file.write(str(arg)), sep, ..., end; file.flush(). */
    private static long printTo(Runtime rt, long file, long[] a, int o, int npos, String sep, String end, boolean flush) {
        Heap heap = rt.heap;
        heap.incref(file);  // the write() calls may replace sys.stdout
        try {
            for (int i = 0; i < npos; i++) {
                if (i > 0) writeTo(rt, file, heap.strs.of(sep));
                writeTo(rt, file, rt.ops.strObject(a[o + i]));
            }
            writeTo(rt, file, heap.strs.of(end));
            if (flush) heap.decref(rt.ops.callMethod(file, "flush"));
        } finally {
            heap.decref(file);
        }
        return incref(heap, heap.None);
    }

    /** file.write(text), text stolen. */
    private static void writeTo(Runtime rt, long file, long text) {
        try {
            rt.heap.decref(rt.ops.callMethod(file, "write", text));
        } finally {
            rt.heap.decref(text);
        }
    }

    private static String strArg(Runtime rt, long v, String what) {
        if (!Heap.isStr(v)) throw rt.typeError(what + " must be None or a string, not " + rt.ops.typeName(v));
        return StrType.value(v);
    }

    static String ascii(String repr) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < repr.length(); ) {
            int cp = repr.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128) sb.append((char) cp);
            else if (cp < 0x100) sb.append(String.format("\\x%02x", cp));
            else if (cp < 0x10000) sb.append(String.format("\\u%04x", cp));
            else sb.append(String.format("\\U%08x", cp));
        }
        return sb.toString();
    }

    /** PyNumber_ToBase: the argument through PyNumber_Index (an int, or its type's __index__), written in base 2, 8 or 16. */
    private static String radix(Runtime rt, long v, int radix, String prefix) {
        BigInteger b;
        long r = rt.ops.numberIndex(v);  // an int subclass result of __index__ with 3.11's DeprecationWarning
        try {
            b = IntType.toBig(r);
        } finally {
            rt.heap.decref(r);
        }
        return (b.signum() < 0 ? "-" : "") + prefix + b.abs().toString(radix);
    }

    static long intArg(Runtime rt, long v) {
        if (!(rt.ops.baseView(v) instanceof IntType)) {
            throw rt.typeError("'" + rt.ops.typeName(v) + "' object cannot be interpreted as an integer");
        }
        if (!IntType.fitsLong(v)) throw rt.error("OverflowError", "Python int too large to convert to C ssize_t");
        return IntType.asLong(v);
    }

    // ---- isinstance ----------------------------------------------------------------------------

    /**
     * PyObject_IsInstance (object_recursive_isinstance): an exact type match; a tuple's or union's
     * items in turn; a metaclass's or the object's class's __instancecheck__; else
     * object_isinstance, which for a cls that is not a class asks for its {@code __bases__} (an
     * "abstract class") and compares the instance's {@code __class__} through them.
     */
    static boolean isInstanceOf(Runtime rt, long o, long cls, String error) {
        Heap heap = rt.heap;
        if (Heap.typeAddress(o) == cls) return true;
        if (heap.typeOf(cls) == heap.typeType) return objectIsInstance(rt, o, cls, error);
        if (heap.typeOf(cls) == rt.unionType) cls = rt.unionType.unionArgs(cls);  // its args, as a tuple
        if (heap.typeOf(cls) == heap.tuples) {
            rt.interpreter.enterRecursiveCall(" in __instancecheck__");
            try {
                for (long i = 0; i < TupleType.size(cls); i++) if (isInstanceOf(rt, o, TupleType.item(cls, i), error)) return true;
                return false;
            } finally {
                rt.interpreter.leaveRecursiveCall();
            }
        }
        if (rt.genericAliasType.isAlias(cls)) throw rt.typeError("isinstance() argument 2 cannot be a parameterized generic");
        if (heap.typeOf(cls) instanceof ClassType k) {  // _PyObject_LookupSpecial(cls, '__instancecheck__')
            Boolean checked = metaCheck(rt, k, cls, o, "__instancecheck__");
            if (checked != null) return checked;
        }
        return objectIsInstance(rt, o, cls, error);
    }

    /** object_isinstance: a class by its type and its {@code __class__}; anything else must be an abstract class (check_class). */
    private static boolean objectIsInstance(Runtime rt, long o, long cls, String error) {
        if (rt.ops.isTypeObject(cls)) return realIsInstance(rt, o, cls);
        checkClass(rt, cls, error);
        long icls = Attributes.getOrSwallow(rt, o, "__class__");
        if (icls == 0) return false;
        try {
            return abstractIsSubclass(rt, icls, cls);
        } finally {
            rt.heap.decref(icls);
        }
    }

    /** abstract_get_bases: {@code cls.__bases__} if it is a tuple (a new reference), else 0; an error other than AttributeError propagates. */
    private static long abstractBases(Runtime rt, long cls) {
        long bases = Attributes.getOrSwallow(rt, cls, "__bases__");
        if (bases != 0 && rt.heap.typeOf(bases) != rt.heap.tuples && !rt.ops.isInstance(bases, rt.heap.tuples)) {
            rt.heap.decref(bases);
            return 0;
        }
        return bases;
    }

    /** check_class: {@code cls} has a tuple of {@code __bases__}, else TypeError {@code error}. */
    private static void checkClass(Runtime rt, long cls, String error) {
        long bases = abstractBases(rt, cls);
        if (bases == 0) throw rt.typeError(error);
        rt.heap.decref(bases);
    }

    /** abstract_issubclass: {@code derived} is {@code cls} or reaches it through {@code __bases__} (single bases followed without recursion). */
    private static boolean abstractIsSubclass(Runtime rt, long derived, long cls) {
        Heap heap = rt.heap;
        long bases = 0;
        try {
            while (true) {
                if (derived == cls) return true;
                long next = abstractBases(rt, derived);
                if (bases != 0) heap.decref(bases);  // after derived is done with: bases may hold its only reference
                bases = next;
                if (bases == 0) return false;
                long n = TupleType.size(bases);
                if (n == 0) return false;
                if (n == 1) {
                    derived = TupleType.item(bases, 0);
                    continue;
                }
                // each base's own search counts against the recursion limit (bpo-30570: a __bases__
                // that names the object again is RecursionError, not a stack overflow)
                rt.interpreter.enterRecursiveCall(" in __subclasscheck__");
                try {
                    for (long i = 0; i < n; i++) if (abstractIsSubclass(rt, TupleType.item(bases, i), cls)) return true;
                } finally {
                    rt.interpreter.leaveRecursiveCall();
                }
                return false;
            }
        } finally {
            if (bases != 0) heap.decref(bases);
        }
    }

    /** object_isinstance (type.__instancecheck__): {@code o}'s class or its {@code __class__} derives from class {@code cls}. */
    static boolean realIsInstance(Runtime rt, long o, long cls) {
        Heap heap = rt.heap;
        if (rt.ops.isSubtype(heap.typeOf(o), heap.typeAt(cls))) return true;
        // object_isinstance's second look, through __class__: a proxy is an instance of its referent's classes
        if (heap.typeOf(o) instanceof WeakProxyType p) return rt.ops.isSubtype(heap.typeOf(p.referent(o)), heap.typeAt(cls));
        // an instance whose class (or __getattribute__) gives another class as __class__ is an instance of that one too
        if (heap.typeOf(o) instanceof ClassType c && (Attributes.hooks(rt, c) & (Attributes.OWN_CLASS | Attributes.GETATTRIBUTE)) != 0) {
            long icls = Attributes.getOrSwallow(rt, o, "__class__");  // _PyObject_LookupAttr
            try {
                return icls != 0 && icls != Heap.typeAddress(o) && rt.ops.isTypeObject(icls) && rt.ops.isSubtype(heap.typeAt(icls), heap.typeAt(cls));
            } finally {
                if (icls != 0) heap.decref(icls);
            }
        }
        return false;
    }

    /**
     * PyObject_IsSubclass with any first argument: a class goes to {@link #isSubclassOf}; anything
     * else is still handed to a {@code __subclasscheck__} of the second (issubclass(typing.Tuple,
     * typing.Tuple) asks the alias), and is refused only where type's own check would run.
     */
    /**
     * PyObject_IsSubclass (object_issubclass): for a cls that is exactly a type, the same object or
     * recursive_issubclass; a tuple's or union's items in turn; a metaclass's __subclasscheck__;
     * else recursive_issubclass (classes by their mro, abstract classes by their {@code __bases__}).
     */
    static boolean isSubclassOfObject(Runtime rt, long derived, long cls) {
        Heap heap = rt.heap;
        if (heap.typeOf(cls) == heap.typeType) return derived == cls || recursiveIsSubclass(rt, derived, cls);
        if (heap.typeOf(cls) == rt.unionType) cls = rt.unionType.unionArgs(cls);
        if (heap.typeOf(cls) == heap.tuples) {
            rt.interpreter.enterRecursiveCall(" in __subclasscheck__");
            try {
                for (long i = 0; i < TupleType.size(cls); i++) if (isSubclassOfObject(rt, derived, TupleType.item(cls, i))) return true;
                return false;
            } finally {
                rt.interpreter.leaveRecursiveCall();
            }
        }
        if (rt.genericAliasType.isAlias(cls)) throw rt.typeError("issubclass() argument 2 cannot be a parameterized generic");
        if (heap.typeOf(cls) instanceof ClassType k) {
            Boolean checked = metaCheck(rt, k, cls, derived, "__subclasscheck__");
            if (checked != null) return checked;
        }
        return recursiveIsSubclass(rt, derived, cls);
    }

    /** recursive_issubclass: two classes by their mro, else both must be (abstract) classes, compared through __bases__. */
    private static boolean recursiveIsSubclass(Runtime rt, long derived, long cls) {
        if (rt.ops.isTypeObject(cls) && rt.ops.isTypeObject(derived)) return rt.ops.isSubtype(rt.heap.typeAt(derived), rt.heap.typeAt(cls));
        checkClass(rt, derived, "issubclass() arg 1 must be a class");
        if (rt.heap.typeOf(cls) != rt.unionType) checkClass(rt, cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return abstractIsSubclass(rt, derived, cls);
    }

    static boolean isSubclassOf(Runtime rt, PyType t, long cls) {
        return isSubclassOfObject(rt, t.address(), cls);
    }

    /**
     * PyObject_IsInstance/IsSubclass's look at the metaclass: a metaclass defined in Python
     * (abc.ABCMeta) that defines {@code __instancecheck__}/{@code __subclasscheck__} decides,
     * called as _PyObject_LookupSpecial binds it; null when type's own check applies.
     */
    private static Boolean metaCheck(Runtime rt, ClassType meta, long cls, long arg, String name) {
        Heap heap = rt.heap;
        long checker = rt.ops.lookupType(meta, name);
        if (checker == 0 || heap.typeOf(checker) != rt.functionType) return null;
        long bound = rt.methodType.create(checker, cls);
        try {
            long r = rt.ops.call0(bound, new long[] {arg});
            try {
                return rt.ops.truthy(r);
            } finally {
                heap.decref(r);
            }
        } finally {
            heap.decref(bound);
        }
    }

    static boolean exceptionMatches(Runtime rt, long exc, long type) {
        Heap heap = rt.heap;
        if (heap.typeOf(type) == heap.tuples) {
            for (long i = 0; i < TupleType.size(type); i++) if (exceptionMatches(rt, exc, TupleType.item(type, i))) return true;
            return false;
        }
        if (!rt.ops.isExceptionType(type)) {
            throw rt.typeError("catching classes that do not inherit from BaseException is not allowed");
        }
        return rt.ops.isSubtype(heap.typeOf(exc), heap.typeAt(type));
    }

    static boolean isCallable(Runtime rt, long o) {
        PyType t = rt.heap.typeOf(o);
        return t == rt.functionType || t == rt.builtinFunctionType || t == rt.methodType || rt.ops.isTypeObject(o) || t == rt.callableProxyType
                || t instanceof BuiltinDescrType || t == rt.methodWrapperType
                || (t instanceof ClassType c && rt.ops.lookupType(c, "__call__") != 0) || (t instanceof ExtType x && x.isCallableType());
    }

    // ---- iteration helpers ----------------------------------------------------------------------

    /** Collects an iterable into a new list. */
    static long toList(Runtime rt, long iterable) {
        long l = rt.heap.lists.alloc(0);
        try {
            Sequences.extend(rt, l, iterable);
        } catch (RuntimeException e) {
            rt.heap.decref(l);
            throw e;
        }
        return l;
    }

    /**
     * PyBytes_FromObject's last way, a new list of {@code x}'s items: a TypeError getting the
     * iterator becomes "cannot convert 'T' object to bytes" (one from the items stays as raised).
     */
    static long bytesItems(Runtime rt, long x) {
        long it;
        try {
            it = rt.ops.iter(x);
        } catch (PyException e) {
            rt.ops.dropTypeError(e);  // replaced
            throw rt.typeError("cannot convert '" + rt.ops.typeName(x) + "' object to bytes");
        }
        try {
            return toList(rt, it);
        } finally {
            rt.heap.decref(it);
        }
    }

    private static long sorted(Runtime rt, long[] a, int o, int n, long kw) {
        int nkw = kw == 0 ? 0 : (int) TupleType.size(kw);
        if (n - nkw != 1) throw rt.typeError("sorted expected 1 argument, got " + (n - nkw));
        long l = toList(rt, a[o]);
        try {
            ListSort.sort(rt, l, a, o + 1, n - 1, kw);
        } catch (RuntimeException e) {
            rt.heap.decref(l);
            throw e;
        }
        return l;
    }

    private static long sum(Runtime rt, long[] a, int o, int n, long kw) {
        if (n < 1) throw rt.typeError("sum() takes at least 1 positional argument (" + n + " given)");
        if (n > 2) throw rt.typeError("sum() takes at most 2 arguments (" + n + " given)");
        Heap heap = rt.heap;
        long acc = n == 2 ? incref(heap, a[o + 1]) : heap.ints.of(0);
        if (n == 2 && Heap.isStr(acc)) {
            heap.decref(acc);
            throw rt.typeError("sum() can't sum strings [use ''.join(seq) instead]");
        }
        long it = rt.ops.iter(a[o]);
        try {
            for (long v = rt.ops.next(it); v != 0; v = rt.ops.next(it)) {
                long r;
                try {
                    r = rt.ops.binaryOp(dev.refheap.lang.bytecode.BinaryOp.ADD, acc, v);
                } finally {
                    heap.decref(v);
                }
                heap.decref(acc);
                acc = r;
            }
        } catch (RuntimeException e) {
            heap.decref(acc);
            throw e;
        } finally {
            heap.decref(it);
        }
        return acc;
    }

    private static long minmax(Runtime rt, long[] a, int o, int n, long kw, boolean min) {
        Heap heap = rt.heap;
        String name = min ? "min" : "max";
        int nkw = kw == 0 ? 0 : (int) TupleType.size(kw);
        long key = 0, dflt = 0;
        for (int k = 0; k < nkw; k++) {
            String kn = StrType.value(TupleType.item(kw, k));
            if (kn.equals("key")) key = a[o + n - nkw + k];
            else if (kn.equals("default")) dflt = a[o + n - nkw + k];
            else throw rt.typeError("'" + kn + "' is an invalid keyword argument for " + name + "()");
        }
        int np = n - nkw;
        if (np == 0) throw rt.typeError(name + " expected at least 1 argument, got 0");
        long items = np == 1 ? toList(rt, a[o]) : heap.lists.alloc(0);
        if (np > 1) for (int i = 0; i < np; i++) heap.lists.append(items, a[o + i]);
        try {
            long size = ListType.size(items);
            if (size == 0) {
                if (dflt != 0) return incref(heap, dflt);
                throw rt.error("ValueError", name + "() arg is an empty sequence");
            }
            long best = ListType.item(items, 0);
            long bestKey = key != 0 && key != heap.None ? rt.ops.call0(key, best) : incref(heap, best);
            for (long i = 1; i < size; i++) {
                long v = ListType.item(items, i);
                long k = key != 0 && key != heap.None ? rt.ops.call0(key, v) : incref(heap, v);
                boolean better;
                try {
                    long c = rt.ops.compare(min ? 0 : 4, k, bestKey);
                    better = rt.ops.truthy(c);
                    heap.decref(c);
                } catch (RuntimeException e) {
                    heap.decref(k);
                    heap.decref(bestKey);
                    throw e;
                }
                if (better) {
                    heap.decref(bestKey);
                    bestKey = k;
                    best = v;
                } else heap.decref(k);
            }
            heap.decref(bestKey);
            return incref(heap, best);
        } finally {
            heap.decref(items);
        }
    }

    private static long anyAll(Runtime rt, long[] a, int o, int n, long kw, boolean any) {
        Args.exactly(rt, any ? "any" : "all", n, kw, 1);
        long it = rt.ops.iter(a[o]);
        try {
            for (long v = rt.ops.next(it); v != 0; v = rt.ops.next(it)) {
                boolean t = rt.ops.truthy(v);
                rt.heap.decref(v);
                if (t == any) return rt.ops.bool(any);
            }
            return rt.ops.bool(!any);
        } finally {
            rt.heap.decref(it);
        }
    }


    /** round()'s ndigits: an int, clipped to a 64-bit range (PyNumber_AsSsize_t with no error). */
    private static long clampedDigits(Runtime rt, long d) {
        if (!(rt.ops.baseView(d) instanceof IntType)) throw rt.typeError("'" + rt.ops.typeName(d) + "' object cannot be interpreted as an integer");
        if (IntType.fitsLong(d)) return IntType.asLong(d);
        return IntType.toBig(d).signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    private static long round(Runtime rt, long[] a, int o, int n, long kw) {
        long[] v = ExecBuiltins.bind(rt, "round", new String[] {"number", "ndigits"}, 0, 2, 1, a, o, n, kw);
        Heap heap = rt.heap;
        long x = v[0], nd = v[1] == heap.None ? 0 : v[1];  // ndigits=None is round(x)
        long r = roundAs(rt, rt.ops.asBuiltin(heap.typeOf(x), "__round__"), x, nd);  // an int or float subclass without its own __round__: its base's
        if (r != 0) return r;
        if (heap.typeOf(x) instanceof ClassType c && rt.ops.lookupType(c, "__round__") != 0) {
            return nd == 0 ? rt.ops.callMethod(x, "__round__") : rt.ops.callMethod(x, "__round__", nd);
        }
        throw rt.typeError("type " + rt.ops.typeName(x) + " doesn't define __round__ method");
    }

    /**
     * int.__round__ or float.__round__ ({@code xt}) of {@code x} (an instance of it or of a subclass),
     * ndigits {@code nd} (0 when not given); 0 when xt is neither.
     */
    static long roundAs(Runtime rt, PyType xt, long x, long nd) {
        Heap heap = rt.heap;
        boolean noDigits = nd == 0 || nd == heap.None;
        if (xt instanceof IntType) {
            if (noDigits) return heap.ints.of(IntType.toBig(x));
            long digits = clampedDigits(rt, nd);
            if (digits >= 0) return heap.ints.of(IntType.toBig(x));
            java.math.BigInteger big = IntType.toBig(x);
            if (-digits > big.bitLength() * 0.30103 + 2) return heap.ints.of(0); // |x| < 10**-digits / 2
            BigDecimal r = new BigDecimal(big).setScale((int) digits, RoundingMode.HALF_EVEN);
            return heap.ints.of(r.toBigInteger());
        }
        if (xt == heap.floats) {
            double v = FloatType.value(x);
            if (noDigits) {
                if (Double.isNaN(v)) throw rt.error("ValueError", "cannot convert float NaN to integer");
                if (Double.isInfinite(v)) throw rt.error("OverflowError", "cannot convert float infinity to integer");
                return heap.ints.of(new BigDecimal(v).setScale(0, RoundingMode.HALF_EVEN).toBigInteger());
            }
            // float.__round__: the exact binary value rounded half-even to ndigits (as _Py_dg_dtoa mode 3);
            // past NDIGITS_MAX (323) x itself, below NDIGITS_MIN (-308) a zero of x's sign
            long digits = clampedDigits(rt, nd);
            if (Double.isNaN(v) || Double.isInfinite(v) || digits > 323) return heap.floats.of(v);
            if (digits < -308) return heap.floats.of(0.0 * v);
            double r = new BigDecimal(v).setScale((int) digits, RoundingMode.HALF_EVEN).doubleValue();
            if (Double.isInfinite(r)) throw rt.error("OverflowError", "rounded value too large to represent");
            return heap.floats.of(r == 0 ? Math.copySign(0.0, v) : r);
        }
        return 0;
    }

    // ---- containers used by the interpreter --------------------------------------------------------

    /** Whether m is a dict (or a dict subclass instance) whose iteration is dict's own: dict_merge and PyDict_Copy read its table. */
    static boolean iteratesAsDict(Runtime rt, long m) {
        return rt.ops.baseView(m) == rt.heap.dicts && rt.ops.asBuiltin(rt.heap.typeOf(m), "__iter__") == rt.heap.dicts;
    }

    /**
     * dict_update_arg: an exact dict, or anything with a {@code keys} attribute, merged as a mapping;
     * anything else read as a sequence of pairs (PyDict_MergeFromSeq2), each inserted as it comes, so
     * an error leaves the pairs before it in {@code d}. What dict(), dict.update() and |= take.
     */
    static void dictUpdateArg(Runtime rt, long d, long arg) {
        Heap heap = rt.heap;
        if (heap.typeOf(arg) == heap.dicts) {
            dictUpdate(rt, d, arg, false, 0);
            return;
        }
        long keys = Attributes.getOrSwallow(rt, arg, "keys");  // _PyObject_LookupAttr
        if (keys != 0) {
            heap.decref(keys);
            dictUpdate(rt, d, arg, false, 0);
            return;
        }
        mergeFromSeq2(rt, d, arg);
    }

    /** PyDict_MergeFromSeq2 (override): each item of {@code seq} a key and value pair. */
    private static void mergeFromSeq2(Runtime rt, long d, long seq) {
        Heap heap = rt.heap;
        long it = rt.ops.iter(seq);
        try {
            long i = 0;
            for (long item = rt.ops.next(it); item != 0; item = rt.ops.next(it), i++) {
                try {
                    long fast;
                    try {
                        // PySequence_Fast: an exact list or tuple as it is, anything else made a list
                        fast = heap.typeOf(item) == heap.lists || heap.typeOf(item) == heap.tuples ? incref(heap, item) : toList(rt, item);
                    } catch (PyException e) {
                        rt.ops.dropTypeError(e);
                        throw rt.typeError("cannot convert dictionary update sequence element #" + i + " to a sequence");
                    }
                    try {
                        boolean list = heap.typeOf(fast) == heap.lists;
                        long n = list ? ListType.size(fast) : TupleType.size(fast);
                        if (n != 2) throw rt.error("ValueError", "dictionary update sequence element #" + i + " has length " + n + "; 2 is required");
                        long k = list ? ListType.item(fast, 0) : TupleType.item(fast, 0), v = list ? ListType.item(fast, 1) : TupleType.item(fast, 1);
                        heap.incref(k);
                        heap.incref(v);
                        try {
                            heap.dicts.setItem(d, k, v);
                        } catch (dev.refheap.object.PyError e) {
                            throw rt.fromPyError(e);
                        } finally {
                            heap.decref(k);
                            heap.decref(v);
                        }
                    } finally {
                        heap.decref(fast);
                    }
                } finally {
                    heap.decref(item);
                }
            }
        } finally {
            heap.decref(it);
        }
    }

    static void dictUpdate(Runtime rt, long d, long m, boolean merge, long callable) {
        Heap heap = rt.heap;
        if (heap.typeOf(m) == rt.mappingProxyType) {
            dictUpdate(rt, d, MappingProxyType.mapping(m), merge, callable);  // its keys() and items are the mapping's
            return;
        }
        // dict_merge's fast path: a dict, or a dict subclass instance that keeps dict's __iter__, is read
        // from its own table; any other mapping through keys() and subscription
        boolean asDict = iteratesAsDict(rt, m);
        if (!asDict) {
            long keysFn = Attributes.getOrSwallow(rt, m, "keys");  // PyMapping_Keys: m.keys(), an instance's own attribute too
            if (keysFn != 0) {
                long keys;
                try {
                    keys = rt.ops.call(keysFn, new long[0], 0, 0, 0);
                } finally {
                    heap.decref(keysFn);
                }
                long l = toList(rt, keys);
                heap.decref(keys);
                try {
                    for (long i = 0; i < ListType.size(l); i++) {
                        long k = ListType.item(l, i);
                        long v = rt.ops.getItem(m, k);
                        heap.dicts.setItem(d, k, v);
                        heap.decref(v);
                    }
                } finally {
                    heap.decref(l);
                }
                return;
            }
            if (merge) {
                throw rt.typeError(callableName(rt, callable) + " argument after ** must be a mapping, not " + rt.ops.typeName(m));
            }
            throw rt.typeError("'" + rt.ops.typeName(m) + "' object is not a mapping");
        }
        if (!merge) {
            try {
                heap.dicts.updateFromDict(d, m);  // dict_merge's own-table path: stored hashes, one resize up front
            } catch (dev.refheap.object.PyError e) {
                throw rt.fromPyError(e);
            }
            return;
        }
        List<long[]> entries = new ArrayList<>();
        heap.dicts.forEach(m, (k, v) -> entries.add(new long[] {k, v}));
        for (long[] e : entries) {
            if (merge) {
                if (!Heap.isStr(e[0])) throw rt.typeError("keywords must be strings");
                if (heap.dicts.getItem(d, e[0]) != 0) {
                    throw rt.typeError(callableName(rt, callable) + " got multiple values for keyword argument '" + StrType.value(e[0]) + "'");
                }
            }
            heap.dicts.setItem(d, e[0], e[1]);
        }
    }

    /** _PyObject_FunctionStr: "module.qualname()" (no module for builtins), else str(callable). */
    static String callableName(Runtime rt, long callable) {
        if (callable == 0) return "function";
        PyType t = rt.heap.typeOf(callable);
        if (t == rt.methodType) return callableName(rt, MethodType.func(callable));
        if (t == rt.functionType) {
            String qualname = StrType.value(Native.getLong(callable + FunctionType.QUALNAME));
            long module = Native.getLong(callable + FunctionType.MODULE);
            boolean named = module != 0 && rt.heap.typeOf(module) == rt.heap.strs && !StrType.value(module).equals("builtins");
            return (named ? StrType.value(module) + "." : "") + qualname + "()";
        }
        if (t == rt.builtinFunctionType) return rt.builtinFunctionType.entry(callable).name() + "()";
        if (rt.ops.isTypeObject(callable)) return rt.ops.qualifiedTypeName(callable) + "()";
        return rt.ops.str(callable);
    }

    // ---- calling types -----------------------------------------------------------------------------

    /** An instance of exception class {@code typeObject} with no arguments (raise E). */
    static long instantiateType(Runtime rt, long typeObject) {
        return callType(rt, typeObject, new long[0], 0, 0, 0);
    }

    /**
     * A call of a type object (Ops.call), as CPython 3.11's PyObject_Vectorcall makes it. A type with a
     * tp_vectorcall ({@link #hasVectorcall}) is called with the arguments as they are; any other
     * goes through _PyObject_MakeTpCall, which packs the positional arguments into a tuple (the
     * empty tuple, no allocation, for none) and the keywords into a dict (_PyStack_AsDict), calls
     * tp_call, and releases the tuple, then the dict. Both are GC allocations (count0, the tuple
     * free list) and hold a reference to every argument during the call (what sys.getrefcount
     * sees from a __str__ that str(x) calls). A constructor that keeps CPython's tuple
     * (itertools.chain's source, itemgetter's items) finds it in {@link Runtime#typeCallArgs}.
     * Classes (TypeCall.callClass), exceptions (the tuple becomes args) and weakref.ref pack their
     * arguments themselves.
     */
    static long callTypeObject(Runtime rt, long typeObject, long[] a, int o, int n, long kw) {
        Heap heap = rt.heap;
        PyType t = heap.typeAt(typeObject);
        int nkw = Args.nkw(kw);
        if (n == 0 || t instanceof ClassType || t instanceof ExceptionType || t == heap.weakrefs || hasVectorcall(rt, t, n - nkw, nkw)) {
            return callType(rt, typeObject, a, o, n, kw);
        }
        long args = heap.tuples.alloc(n - nkw);
        for (int i = 0; i < n - nkw; i++) TupleType.setItemSteal(args, i, incref(heap, a[o + i]));
        long kwargs = 0;
        if (nkw > 0) {
            kwargs = heap.dicts.create();
            for (int i = 0; i < nkw; i++) heap.dicts.setItem(kwargs, TupleType.item(kw, i), a[o + n - nkw + i]);
        }
        long outer = rt.typeCallArgs;
        rt.typeCallArgs = args;
        try {
            return callType(rt, typeObject, a, o, n, kw);
        } finally {
            rt.typeCallArgs = outer;
            heap.decref(args);
            heap.xdecref(kwargs);
        }
    }

    /**
     * Whether CPython 3.11 calls type {@code t} through its tp_vectorcall: float, bool, list,
     * tuple, dict, set, frozenset, range, super, enumerate, reversed, filter and map (IterType; not zip,
     * whose zip_new takes the tuple) and type(x) (type_vectorcall packs for any other argument
     * count). Measured: gc.get_count() around each call with the tuple free lists emptied. str has
     * none, but str(x) called by a specialized PRECALL_NO_KW_STR_1 (quickened code, Specializer)
     * calls PyObject_Str without a tuple.
     */
    private static boolean takeStrSpecialized(Runtime rt) {
        boolean specialized = rt.interpreter.strSpecialized;
        rt.interpreter.strSpecialized = false;
        return specialized;
    }

    private static boolean hasVectorcall(Runtime rt, PyType t, int npos, int nkw) {
        Heap heap = rt.heap;
        return t == heap.floats || t == heap.bools || t == heap.lists || t == heap.tuples || t == heap.dicts
                || t == heap.sets || t == heap.frozensets || t == rt.rangeType || t == rt.superType || (t instanceof IterType it && !it.isZip())
                || (t == heap.typeType && npos == 1) || (t == heap.strs && takeStrSpecialized(rt));
    }

    static long callType(Runtime rt, long typeObject, long[] a, int o, int n, long kw) {
        Heap heap = rt.heap;
        PyType t = heap.typeAt(typeObject);
        if (t instanceof ClassType c) return TypeCall.callClass(rt, c, a, o, n, kw);
        if (t instanceof ExceptionGroups.GroupType) return ExceptionGroups.construct(rt, t, a, o, n, kw);
        if (t instanceof ExceptionType et) {
            int nkw = Args.nkw(kw);
            if (nkw > 0 && et.fields == null) throw rt.typeError(t.name() + "() takes no keyword arguments");
            int npos = n - nkw;
            long args = heap.tuples.alloc(npos);
            for (int i = 0; i < npos; i++) TupleType.setItemSteal(args, i, incref(heap, a[o + i]));
            if (t instanceof OSErrorType) return OSErrorType.construct(rt, t, args);
            return rt.ops.instantiateException(t, args, kw, a, o + npos);  // the type's tp_init parses its keywords
        }
        if (t instanceof IterType it) return it.construct(a, o, n, kw);
        if (t == rt.propertyType) return rt.propertyType.construct(a, o, n, kw);
        if (t == rt.superType) return rt.superType.vectorcall(a, o, n, kw);
        if (t == rt.genericAliasType) return rt.genericAliasType.construct(null, a, o, n, kw);
        return Constructors.construct(rt, t, typeObject, a, o, n, kw);
    }

    // ---- classes --------------------------------------------------------------------------------

    /** __build_class__(func, name, *bases): runs the body in a new namespace and makes the class. */
    private static long buildClass(Runtime rt, long[] a, int o, int n, long kw) {
        Heap heap = rt.heap;
        int nkw = kw == 0 ? 0 : (int) TupleType.size(kw);
        if (n - nkw < 2) throw rt.typeError("__build_class__: not enough arguments");
        long func = a[o], nameObj = a[o + 1];
        if (heap.typeOf(func) != rt.functionType) throw rt.typeError("__build_class__: func must be a function");
        if (!Heap.isStr(nameObj)) throw rt.typeError("__build_class__: name is not a string");
        int nbases = n - nkw - 2;
        long origBases = heap.tuples.alloc(nbases);
        for (int i = 0; i < nbases; i++) TupleType.setItemSteal(origBases, i, incref(heap, a[o + 2 + i]));
        long bases;
        try {
            bases = ClassStatements.resolveBases(rt, origBases);
        } catch (PyException e) {
            heap.decref(origBases);
            throw e;
        }
        ClassStatements.Keywords kws;
        long ns;
        PyType meta;
        try {
            kws = ClassStatements.keywords(rt, a, o + n - nkw, nkw, kw);
        } catch (PyException e) {
            heap.decref(bases);
            heap.decref(origBases);
            throw e;
        }
        try {
            // calculate_metaclass: the explicit one, or type of the first base; the most derived of the bases' wins
            long explicit = kws.metaclass();
            meta = explicit != 0 ? (rt.ops.isTypeObject(explicit) ? heap.typeAt(explicit) : null)
                    : TupleType.size(bases) > 0 ? heap.typeOf(TupleType.item(bases, 0)) : heap.typeType;
            if (meta != null) meta = TypeCall.calculateMetaclass(rt, meta, bases);
            ns = TypeCall.prepare(rt, meta, explicit, nameObj, bases, kws);
        } catch (PyException e) {
            kws.release(heap);
            heap.decref(bases);
            heap.decref(origBases);
            throw e;
        }
        try {
            if (bases != origBases) {  // PyMapping_SetItemString: a dict subclass's __setitem__ sees it
                if (Heap.typeAddress(ns) == heap.dicts.address()) heap.dicts.setItem(ns, "__orig_bases__", origBases);
                else {
                    long key = heap.strs.internedOf("__orig_bases__");
                    try {
                        rt.ops.setItem(ns, key, origBases);
                    } finally {
                        heap.decref(key);
                    }
                }
            }
            long cell = rt.interpreter.runClassBody(func, ns);
            try {
                long cls;
                if (meta == null) cls = ClassStatements.callMetaclass(rt, kws, nameObj, bases, ns);
                else if (meta != heap.typeType) cls = ClassStatements.callMetaclass(rt, kws, meta.address(), nameObj, bases, ns);
                else {
                    // type(name, bases, ns) is a tp_call: the vector of arguments becomes a temporary tuple
                    long margs = heap.tuples.of(nameObj, bases, ns);
                    try {
                        cls = ClassFactory.create(rt, nameObj, bases, ns, func, kws.values(), kws.names());
                    } finally {
                        heap.decref(margs);
                    }
                }
                if (heap.typeOf(cell) == rt.cellType && rt.ops.isTypeObject(cls)) {
                    // the body's __class__ cell must hold the class the metaclass made
                    long held = CellType.contents(cell);
                    if (held != cls) {
                        String what = rt.ops.repr(nameObj) + " as " + rt.ops.repr(cls);
                        PyException e = held == 0
                                ? rt.error("RuntimeError", "__class__ not set defining " + what + ". Was __classcell__ propagated to type.__new__?")
                                : rt.typeError("__class__ set to " + rt.ops.repr(held) + " defining " + what);
                        heap.decref(cls);
                        throw e;
                    }
                }
                return cls;
            } finally {
                heap.decref(cell);
            }
        } finally {
            kws.release(heap);
            heap.decref(ns);
            heap.decref(bases);
            heap.decref(origBases);
        }
    }

}

package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.DictType;
import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;
import java.util.HashMap;
import java.util.Map;

/**
 * Calling a class defined by Python code (type_call) and the constructors behind it: the class's
 * {@code __new__} (a user one, through slot_tp_new, or the builtin tp_new of its solid base:
 * object_new, BaseException_new, PyType_GenericNew for classmethod/staticmethod/property,
 * tuple_subtype_new, type_new), then {@code __init__} when {@code __new__} returned an instance of
 * the class. Also the metaclass machinery of {@code __build_class__}: calculate_metaclass (the most
 * derived metaclass of the bases, "metaclass conflict" otherwise) and {@code __prepare__}.
 *
 * <p>{@link #install} registers the builtin {@code __new__}s (builtin functions bound to their type,
 * as tp_new_wrapper: {@code object.__new__.__self__ is object}) and the {@code __init__},
 * {@code __call__} and {@code __get__} methods that subclasses reach through {@code super()} or
 * {@code Base.method(self)}.
 */
final class TypeCall {
    private TypeCall() {}

    // ---- type_call ------------------------------------------------------------------------------

    /** {@code cls(*args, **kw)} for a class defined by Python code. */
    static long callClass(Runtime rt, ClassType c, long[] a, int o, int n, long kw) {
        if (c.exceptionBased && rt.ops.lookupUserOnly(c, "__new__") == 0) return newAndInit(rt, c, a, o, n, kw, false);
        long argsTuple = c.callArgsTuple(a, o, n, kw);
        long kwargs = c.callKwargsDict(a, o, n, kw);
        try {
            return newAndInit(rt, c, a, o, n, kw, true);
        } finally {
            c.releasePacked(argsTuple, kwargs);
        }
    }

    /** tp_new, then tp_init when the result is an instance of the class; {@code tpCall}: a heap class's temporaries exist. */
    private static long newAndInit(Runtime rt, ClassType c, long[] a, int o, int n, long kw, boolean tpCall) {
        Heap heap = rt.heap;
        boolean userNew = rt.ops.lookupUserOnly(c, "__new__") != 0;
        long self = userNew ? callUserNew(rt, c, a, o, n, kw, tpCall) : builtinNew(rt, c, a, o, n, kw);
        if (userNew && !rt.ops.isInstance(self, c)) return self;
        // reversed_new on a subclass returns what the sequence's __reversed__ made: type_call then skips __init__
        if (!userNew && c.builtinBase instanceof IterType && !rt.ops.isSubtype(heap.typeOf(self), c)) return self;
        long init = rt.ops.lookupType(c, "__init__");
        if (init == 0 || isObjectMethod(rt, init)) {
            if (n > 0 && !userNew && c.builtinBase == null) {
                heap.decref(self);
                throw rt.typeError(c.name() + "() takes no arguments");
            }
            return self;
        }
        long[] args = new long[n + 1];
        args[0] = self;
        System.arraycopy(a, o, args, 1, n);
        long[] unpacked = tpCall ? c.unpackForInit(a, o, n, kw) : null;
        long r;
        PyType it = heap.typeOf(init);
        boolean unbound = it == rt.functionType || it == rt.builtinFunctionType || it == rt.methodDescrType || it == rt.wrapperDescrType;
        try {
            if (unbound) r = rt.ops.call(init, args, 0, n + 1, kw);
            else {
                // slot_tp_init's lookup_method: another descriptor's value for self (a property's getter
                // runs, and its error stands), called with the arguments alone
                long m = rt.ops.descrGet(init, self, c.typeObject);
                try {
                    r = rt.ops.call(m, args, 1, n, kw);
                } finally {
                    heap.decref(m);
                }
            }
        } catch (RuntimeException e) {
            heap.decref(self);
            throw e;
        } finally {
            c.releaseUnpacked(unpacked);
        }
        if (r != heap.None) {
            heap.decref(self);
            String tn = rt.ops.typeName(r);
            heap.decref(r);
            throw rt.typeError("__init__() should return None, not '" + tn + "'");
        }
        heap.decref(r);
        return self;
    }

    /** True for a slot or method of object (object.__init__): type_call skips it. */
    static boolean isObjectMethod(Runtime rt, long f) {
        return rt.heap.typeOf(f) instanceof BuiltinDescrType bd && bd.entry(f).owner() == rt.heap.objectType;
    }

    /** slot_tp_new: {@code cls.__new__} (a staticmethod's function) called with the class first. */
    private static long callUserNew(Runtime rt, ClassType c, long[] a, int o, int n, long kw, boolean tpCall) {
        Heap heap = rt.heap;
        long f = rt.ops.getAttr(c.typeObject, rt.names.__new__);
        long[] args = new long[n + 1];
        args[0] = c.typeObject;
        System.arraycopy(a, o, args, 1, n);
        long[] unpacked = tpCall ? c.unpackForInit(a, o, n, kw) : null;
        try {
            return rt.ops.call(f, args, 0, n + 1, kw);
        } finally {
            c.releaseUnpacked(unpacked);
            heap.decref(f);
        }
    }

    /** The builtin tp_new of the class's solid base, for the class: a new reference. */
    static long builtinNew(Runtime rt, ClassType c, long[] a, int o, int n, long kw) {
        Heap heap = rt.heap;
        PyType base = c.builtinBase;
        if (c.exceptionBased) {
            if (base instanceof ExceptionGroups.GroupType) return ExceptionGroups.construct(rt, c, a, o, n, kw);
            long args = heap.tuples.alloc(n - Args.nkw(kw));
            for (int i = 0; i < TupleType.size(args); i++) TupleType.setItemSteal(args, i, Builtins.incref(heap, a[o + i]));
            long self = c.allocInstance();
            long old = ExceptionType.args(self);
            Native.putLong(self + ExceptionType.ARGS, args);
            heap.decref(old);
            if (base instanceof OSErrorType) osErrorNew(rt, c, self, kw);
            return self;
        }
        if (base == heap.tuples) return tupleNew(rt, c, a, o, n, kw);
        if (base == heap.frozensets) return frozensetNew(rt, c, a, o, n, kw);
        if (base == heap.ints) return intNew(rt, c, a, o, n, kw);
        if (base == heap.floats) return floatNew(rt, c, a, o, n, kw);
        if (base == heap.strs) return strNew(rt, c, a, o, n, kw);
        if (base == heap.bytes) return bytesNew(rt, c, a, o, n, kw);
        if (base == heap.weakrefs) return weakrefNew(rt, c, a, o, n, kw);
        if (base == rt.complexType) return complexNew(rt, c, a, o, n, kw);
        if (base == heap.typeType) return typeNew(rt, c, a, o, n, kw);
        if (base == rt.genericAliasType) return rt.genericAliasType.construct(c, a, o, n, kw);
        if (base instanceof IterType it) return it.constructSubtype(c, a, o, n, kw);
        if (base == rt.namespaceType) return rt.namespaceType.newDict(c.allocInstance());  // namespace_new: tp_alloc, then the dict
        if (base instanceof NativeType nt) {
            long made = nt.newSubtypeInstance(c::allocInstance, c.typeObject, isObjectMethod(rt, rt.ops.lookupType(c, "__init__")), a, o, n, kw);
            if (made != 0) return made;
            if (n > 0) nt.checkSubtypeNewArgs(isObjectMethod(rt, rt.ops.lookupType(c, "__init__")));
        }
        if (base == null && c.abstractFlag) throw abstractClass(rt, c);
        return c.allocInstance();  // object_new, PyType_GenericNew: the fields zero until __init__
    }

    /**
     * object_new's refusal of a class with Py_TPFLAGS_IS_ABSTRACT: its {@code __abstractmethods__}
     * sorted into a list and joined with ", " (a new list and str, released before the error is raised).
     */
    static PyException abstractClass(Runtime rt, ClassType c) {
        Heap heap = rt.heap;
        long methods = Attributes.get(rt, c.typeObject, "__abstractmethods__");
        long sorted;
        try {
            sorted = Builtins.toList(rt, methods);
        } finally {
            heap.decref(methods);
        }
        String joined;
        long count;
        try {
            heap.decref(rt.ops.callMethod(sorted, "sort"));
            long sep = heap.strs.of(", ");
            try {
                long j = rt.ops.callMethod(sep, "join", sorted);
                joined = dev.refheap.object.StrType.value(j);
                heap.decref(j);
            } finally {
                heap.decref(sep);
            }
            count = rt.ops.len(sorted);
        } finally {
            heap.decref(sorted);
        }
        return rt.typeError("Can't instantiate abstract class " + c.name() + " with abstract method" + (count > 1 ? "s" : "") + " " + joined);
    }

    /**
     * OSError_new for a class deriving from OSError: the arguments are parsed here unless the class
     * {@link OSErrorType#usesInit uses OSError.__init__ for that}; then args starts empty, for the
     * class's __init__ to fill (through OSError.__init__, or not at all).
     */
    private static void osErrorNew(Runtime rt, ClassType c, long self, long kw) {
        Heap heap = rt.heap;
        if (!OSErrorType.usesInit(rt, c)) {
            try {
                if (Args.nkw(kw) > 0) throw rt.typeError(c.name() + "() takes no keyword arguments");
                OSErrorType.parseArgs(rt, self);
            } catch (RuntimeException e) {
                heap.decref(self);
                throw e;
            }
        } else {
            long old = ExceptionType.args(self);
            Native.putLong(self + ExceptionType.ARGS, heap.tuples.alloc(0));
            heap.decref(old);
        }
    }

    /**
     * The subtype_new of an immutable base (tuple_subtype_new, long_subtype_new,
     * float_subtype_new): {@code base(*args)} made first, then {@code copy} makes an instance of
     * the class holding its value; the temporary is released.
     */
    private static long fromBaseValue(Runtime rt, PyType base, long[] a, int o, int n, long kw, java.util.function.LongUnaryOperator copy) {
        long tmp = Builtins.callType(rt, base.address(), a, o, n, kw);
        try {
            return copy.applyAsLong(tmp);
        } finally {
            rt.heap.decref(tmp);
        }
    }

    /**
     * As {@link #fromBaseValue} for tuple and float (whose tp_init is object's): tuple_new and
     * float_new refuse keywords only while the class's tp_init is still that one; a class with
     * an __init__ of its own has them passed there, and the base ignores them.
     */
    private static long fromBaseValueKeywordsToInit(Runtime rt, ClassType c, PyType base, long[] a, int o, int n, long kw,
                                                    java.util.function.LongUnaryOperator copy) {
        int nkw = Args.nkw(kw);
        if (nkw > 0 && !isObjectMethod(rt, rt.ops.lookupType(c, "__init__"))) {
            n -= nkw;
            kw = 0;
        }
        long tmp = Builtins.callType(rt, base.address(), a, o, n, kw);
        try {
            return copy.applyAsLong(tmp);
        } finally {
            rt.heap.decref(tmp);
        }
    }

    /** tuple_subtype_new: the items of {@code tuple(iterable)} in an instance of the class. */
    private static long tupleNew(Runtime rt, ClassType c, long[] a, int o, int n, long kw) {
        Heap heap = rt.heap;
        return fromBaseValueKeywordsToInit(rt, c, heap.tuples, a, o, n, kw, tmp -> {
            long size = TupleType.size(tmp);
            long self = c.allocInstance(size);
            for (long i = 0; i < size; i++) TupleType.setItemSteal(self, i, Builtins.incref(heap, TupleType.item(tmp, i)));
            return self;
        });
    }

    /** long_subtype_new: room for the digits of {@code int(*args)} (at least one), its ob_size, the digits copied. */
    private static long intNew(Runtime rt, ClassType c, long[] a, int o, int n, long kw) {
        return fromBaseValue(rt, rt.heap.ints, a, o, n, kw, tmp -> {
            long size = dev.refheap.object.IntType.obSize(tmp);
            long nd = Math.abs(size);
            long self = c.allocInstance(Math.max(1, nd));
            Native.putLong(self + dev.refheap.object.Layout.OB_SIZE, size);
            Native.copy(tmp + dev.refheap.object.IntType.OB_DIGIT, self + dev.refheap.object.IntType.OB_DIGIT, 4 * nd);
            return self;
        });
    }

    /** unicode_subtype_new: the characters of {@code str(*args)} copied into a legacy two-block instance of the class. */
    private static long strNew(Runtime rt, ClassType c, long[] a, int o, int n, long kw) {
        return fromBaseValue(rt, rt.heap.strs, a, o, n, kw, tmp -> {
            long self = c.allocInstance();
            rt.heap.strs.initSubtypeCopy(self, tmp);
            return self;
        });
    }

    /** bytes_subtype_new: the bytes of {@code bytes(*args)} (their NUL and hash too) in an instance of the class. */
    private static long bytesNew(Runtime rt, ClassType c, long[] a, int o, int n, long kw) {
        return fromBaseValue(rt, rt.heap.bytes, a, o, n, kw, tmp -> {
            long self = c.allocInstance(dev.refheap.object.BytesType.length(tmp));
            dev.refheap.object.BytesType.initSubtypeCopy(self, tmp);
            return self;
        });
    }

    /**
     * weakref___new__ for a subclass of ref: {@code (ob, callback=None)} positionally (keywords are
     * left to the subclass's __init__), a new instance linked after the referent's basic refs.
     */
    private static long weakrefNew(Runtime rt, ClassType c, long[] a, int o, int n, long kw) {
        int np = n - Args.nkw(kw);
        if (np < 1) throw rt.typeError("__new__ expected at least 1 argument, got " + np);
        if (np > 2) throw rt.typeError("__new__ expected at most 2 arguments, got " + np);
        if (!rt.heap.weakrefs.supports(a[o])) throw rt.typeError("cannot create weak reference to '" + rt.ops.typeName(a[o]) + "' object");
        long self = c.allocInstance();
        rt.heap.weakrefs.initSubtypeRef(self, a[o], np == 2 ? a[o + 1] : 0);
        return self;
    }

    /** complex_subtype_from_doubles: the value of {@code complex(*args)} in an instance of the class. */
    private static long complexNew(Runtime rt, ClassType c, long[] a, int o, int n, long kw) {
        return fromBaseValue(rt, rt.complexType, a, o, n, kw, tmp -> {
            long self = c.allocInstance();
            Native.putDouble(self + ComplexType.REAL, ComplexType.real(tmp));
            Native.putDouble(self + ComplexType.IMAG, ComplexType.imag(tmp));
            return self;
        });
    }

    /** float_subtype_new: the value of {@code float(*args)} in an instance of the class. */
    private static long floatNew(Runtime rt, ClassType c, long[] a, int o, int n, long kw) {
        return fromBaseValueKeywordsToInit(rt, c, rt.heap.floats, a, o, n, kw, tmp -> {
            long self = c.allocInstance();
            Native.putDouble(self + dev.refheap.object.FloatType.OB_FVAL, dev.refheap.object.FloatType.value(tmp));
            return self;
        });
    }

    /** frozenset_new for a subclass: make_new_set(type, iterable), an instance of the class filled at once. */
    private static long frozensetNew(Runtime rt, ClassType c, long[] a, int o, int n, long kw) {
        Heap heap = rt.heap;
        // frozenset_new: keywords are refused unless the class has an __init__ of its own to take them
        int nkw = Args.nkw(kw);
        if (nkw > 0 && isObjectMethod(rt, rt.ops.lookupType(c, "__init__"))) throw rt.typeError("frozenset() takes no keyword arguments");
        n -= nkw;
        if (n > 1) throw rt.typeError(c.name() + " expected at most 1 argument, got " + n);
        long self = c.allocInstance();
        if (n == 0) return self;
        try {
            SetMethods.updateInternal(rt, self, a[o]);  // make_new_set: a set merged, a dict's keys by their stored hashes
        } catch (dev.refheap.object.PyError e) {
            heap.decref(self);
            throw rt.fromPyError(e);
        } catch (RuntimeException e) {
            heap.decref(self);
            throw e;
        }
        return self;
    }

    // ---- type_new and the metaclass -------------------------------------------------------------

    /**
     * type.__new__(meta, name, bases, dict, **kw) ({@code meta} null: type itself): the argument
     * checks, the most derived metaclass (whose own {@code __new__}, if it differs, makes the class
     * instead), {@code __module__} from the caller's globals, then {@link ClassFactory}.
     */
    static long typeNew(Runtime rt, ClassType meta, long[] a, int o, int n, long kw) {
        Heap heap = rt.heap;
        int nkw = Args.nkw(kw), npos = n - nkw;
        if (npos != 3) throw rt.typeError("type.__new__() takes exactly 3 arguments (" + npos + " given)");
        long name = a[o], bases = a[o + 1], dict = a[o + 2];
        if (!Heap.isStr(name)) throw rt.typeError("type.__new__() argument 1 must be str, not " + rt.ops.typeName(name));
        if (heap.typeOf(bases) != heap.tuples) throw rt.typeError("type.__new__() argument 2 must be tuple, not " + rt.ops.typeName(bases));
        if (!(heap.typeOf(dict) instanceof DictType) && !rt.ops.isInstance(dict, heap.dicts)) throw rt.typeError("type.__new__() argument 3 must be dict, not " + rt.ops.typeName(dict));
        for (long i = 0; i < TupleType.size(bases); i++) {
            if (!rt.ops.isTypeObject(TupleType.item(bases, i))) throw rt.typeError("bases must be types");
        }
        PyType winner = calculateMetaclass(rt, meta == null ? heap.typeType : meta, bases);
        if (winner != (meta == null ? heap.typeType : meta)) {
            if (winner instanceof ClassType w && rt.ops.lookupUserOnly(w, "__new__") != 0) {
                long f = rt.ops.getAttr(w.typeObject, rt.names.__new__);
                long[] args = new long[n + 1];
                args[0] = w.typeObject;
                System.arraycopy(a, o, args, 1, n);
                try {
                    return rt.ops.call(f, args, 0, n + 1, kw);
                } finally {
                    heap.decref(f);
                }
            }
            meta = winner instanceof ClassType w ? w : null;
        }
        long[] kwValues = null;
        if (nkw > 0) {
            kwValues = new long[nkw];
            System.arraycopy(a, o + npos, kwValues, 0, nkw);
        }
        long ns = heap.dicts.create();
        try {
            heap.dicts.forEach(dict, (k, v) -> heap.dicts.setItem(ns, k, v));
            if (heap.dicts.getItem(ns, "__module__") == 0 && rt.interpreter.current != null) {
                long modName = heap.dicts.getItem(rt.interpreter.current.globals, "__name__");
                if (modName != 0) heap.dicts.setItem(ns, "__module__", modName);
            }
            return ClassFactory.create(rt, meta, name, bases, ns, 0, kwValues, nkw == 0 ? 0 : kw);
        } finally {
            heap.decref(ns);
        }
    }

    /** _PyType_CalculateMetaclass: the metaclass deriving from every base's, or TypeError. */
    static PyType calculateMetaclass(Runtime rt, PyType meta, long bases) {
        PyType winner = meta;
        for (long i = 0; i < TupleType.size(bases); i++) {
            PyType bt = rt.heap.typeOf(TupleType.item(bases, i));
            if (rt.ops.isSubtype(winner, bt)) continue;
            if (rt.ops.isSubtype(bt, winner)) {
                winner = bt;
                continue;
            }
            throw rt.typeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass "
                    + "of the metaclasses of all its bases");
        }
        return winner;
    }

    /**
     * The namespace of a class statement: {@code meta.__prepare__(name, bases, **kw)} when the
     * metaclass defines one, else a new dict. {@code meta} null: the metaclass is {@code metaObj},
     * an object that is not a class, whose {@code __prepare__} attribute (if any) is called.
     * New reference.
     */
    static long prepare(Runtime rt, PyType meta, long metaObj, long name, long bases, ClassStatements.Keywords kws) {
        Heap heap = rt.heap;
        long f;
        if (meta == null) {
            f = Attributes.getOrSwallow(rt, metaObj, "__prepare__");  // _PyObject_LookupAttr
            if (f == 0) return heap.dicts.create();
        } else {
            if (!(meta instanceof ClassType m) || rt.ops.lookupUserOnly(m, "__prepare__") == 0) return heap.dicts.create();
            f = Attributes.get(rt, m.typeObject, "__prepare__");
        }
        int nkw = kws.values() == null ? 0 : kws.values().length;
        long[] args = new long[2 + nkw];
        args[0] = name;
        args[1] = bases;
        if (nkw > 0) System.arraycopy(kws.values(), 0, args, 2, nkw);
        long ns;
        try {
            ns = rt.ops.call(f, args, 0, args.length, kws.names());
        } finally {
            heap.decref(f);
        }
        if (!(heap.typeOf(ns) instanceof DictType) && !rt.ops.isInstance(ns, heap.dicts)) {  // a dict subclass (enum's _EnumDict) has the dict layout
            String tn = rt.ops.typeName(ns);
            boolean mapping = rt.ops.lookupType(heap.typeOf(ns), "__getitem__") != 0;  // PyMapping_Check
            heap.decref(ns);
            if (!mapping) throw rt.typeError((meta == null ? "<metaclass>" : Ops.shortName(meta)) + ".__prepare__() must return a mapping, not " + tn);
            throw rt.error("NotImplementedError", "refheap does not support a __prepare__ that returns a '" + tn + "' (a namespace other than a dict) yet");
        }
        return ns;
    }

    // ---- the builtin methods subclasses reach ------------------------------------------------------

    static void install(Runtime rt) {
        Heap heap = rt.heap;
        for (PyType t : new PyType[] {heap.objectType, heap.tuples, heap.typeType, rt.classMethodType, rt.staticMethodType,
                rt.propertyType, rt.baseException, heap.weakrefs}) {
            attrs(rt, t).put("__new__", rt.hold(rt.builtinFunctionType.create("__new__", (self, a, o, n, kw) -> wrappedNew(rt, t, a, o, n, kw),
                    t.address(), null)));
        }
        rt.objectNew = attrs(rt, heap.objectType).get("__new__");
        for (StaticMethodType sm : new StaticMethodType[] {rt.classMethodType, rt.staticMethodType}) {
            method(rt, sm, "__init__", (self, a, o, n, kw) -> sm.init(self, a, o, n, kw));
            method(rt, sm, "__get__", (self, a, o, n, kw) -> {
                Args.range(rt, "__get__", n, kw, 1, 2);
                long obj = a[o];
                long type = n == 2 && a[o + 1] != heap.None ? a[o + 1] : Heap.typeAddress(obj);
                if (obj == heap.None && type == heap.noneType.address()) throw rt.typeError("__get__(None, None) is invalid");
                if (StaticMethodType.callable(self) == 0) throw rt.error("RuntimeError", "uninitialized " + sm.name() + " object");
                return sm.bind(self, type);
            });
        }
        // sm_call (3.10+): a staticmethod is callable as its callable is; a classmethod is not
        rt.defDescr(BuiltinDescrType.Kind.WRAPPER, rt.staticMethodType, "__call__", (self, a, o, n, kw) -> rt.staticMethodType.call(self, a, o, n, kw));
        installSuper(rt);
        installNamespace(rt);
        method(rt, rt.propertyType, "__init__", (self, a, o, n, kw) -> {
            rt.propertyType.init(self, a, o, n, kw);
            return Builtins.incref(heap, heap.None);
        });
        method(rt, heap.typeType, "__init__", (self, a, o, n, kw) -> {
            int npos = n - Args.nkw(kw);
            if (npos != 1 && npos != 3) throw rt.typeError("type.__init__() takes 1 or 3 arguments");
            return Builtins.incref(heap, heap.None);
        });
        method(rt, heap.typeType, "__getattribute__", (self, a, o, n, kw) -> {
            // type_getattro without the metaclass's own __getattribute__ (super().__getattribute__ in a metaclass ends here)
            Args.exactly(rt, "__getattribute__", n, kw, 1);
            long nameObj = nameArg(rt, a[o]);
            String name = dev.refheap.object.StrType.value(nameObj);
            long v = rt.ops.genericGetAttrOrNull(self, nameObj, name);
            if (v == 0) throw rt.ops.attributeError(self, name);
            return v;
        });
        // type_repr, also on a class whose metaclass overrides __repr__ (its super().__repr__() ends here)
        method(rt, heap.typeType, "__repr__", (self, a, o, n, kw) -> {
            Args.exactly(rt, "__repr__", n, kw, 0);
            return heap.strs.of(rt.ops.reprAs(heap.typeType, self));
        });
        method(rt, heap.typeType, "__setattr__", (self, a, o, n, kw) -> {
            Args.exactly(rt, "__setattr__", n, kw, 2);
            rt.ops.setClassAttr(self, nameArg(rt, a[o]), dev.refheap.object.StrType.value(a[o]), a[o + 1]);
            return Builtins.incref(heap, heap.None);
        });
        method(rt, heap.typeType, "__delattr__", (self, a, o, n, kw) -> {
            Args.exactly(rt, "__delattr__", n, kw, 1);
            rt.ops.setClassAttr(self, nameArg(rt, a[o]), dev.refheap.object.StrType.value(a[o]), 0);
            return Builtins.incref(heap, heap.None);
        });
        method(rt, heap.typeType, "__call__", (self, a, o, n, kw) -> Builtins.callType(rt, self, a, o, n, kw));
        attrs(rt, heap.typeType).put("__prepare__", rt.hold(rt.builtinFunctionType.create("__prepare__",
                (self, a, o, n, kw) -> heap.dicts.create(), heap.typeType.address(), null)));
    }

    /** SimpleNamespace's tp_init (namespace_init) as a slot wrapper, and its __reduce__ method. */
    private static void installNamespace(Runtime rt) {
        Heap heap = rt.heap;
        NamespaceType nt = rt.namespaceType;
        method(rt, nt, "__init__", (self, a, o, n, kw) -> {
            nt.init(self, a, o, n, kw);
            return Builtins.incref(heap, heap.None);
        });
        rt.defMethod(nt, "__reduce__", (self, a, o, n, kw) -> {
            Args.exactly(rt, "__reduce__", n, kw, 0);
            return nt.reduce(self);
        });
    }

    /** super's slots: tp_init (super_init), tp_descr_get, tp_repr and tp_getattro (super_getattro), as slot wrappers. */
    private static void installSuper(Runtime rt) {
        Heap heap = rt.heap;
        SuperType st = rt.superType;
        method(rt, st, "__init__", (self, a, o, n, kw) -> {
            st.init(self, a, o, n, kw);
            return Builtins.incref(heap, heap.None);
        });
        method(rt, st, "__get__", (self, a, o, n, kw) -> {
            Args.range(rt, "__get__", n, kw, 1, 2);  // wrap_descr_get
            long obj = a[o], type = n == 2 ? a[o + 1] : heap.None;
            if (obj == heap.None && type == heap.None) throw rt.typeError("__get__(None, None) is invalid");
            return st.descrGet(self, obj == heap.None ? 0 : obj, type == heap.None ? 0 : type);
        });
        method(rt, st, "__repr__", (self, a, o, n, kw) -> {
            Args.exactly(rt, "__repr__", n, kw, 0);
            return heap.strs.of(st.repr(self));
        });
        method(rt, st, "__getattribute__", (self, a, o, n, kw) -> {
            Args.exactly(rt, "__getattribute__", n, kw, 1);
            long nameObj = nameArg(rt, a[o]);
            String name = dev.refheap.object.StrType.value(nameObj);
            long v = rt.ops.superGetattro(self, nameObj, name);
            if (v == 0) throw rt.ops.attributeErrorContext(rt.ops.attributeError(self, name), self, nameObj);
            return v;
        });
    }

    private static long nameArg(Runtime rt, long name) {
        if (!Heap.isStr(name)) throw rt.typeError("attribute name must be string, not '" + rt.ops.typeName(name) + "'");
        return name;
    }

    /** A native type's {@code __new__} (tp_new_wrapper over its tp_new: {@link NativeType#newInstance}, {@link NativeType#newSubtypeInstance}). */
    static void defTpNew(Runtime rt, NativeType t) { defTpNew(rt, t, (self, a, o, n, kw) -> wrappedNew(rt, t, a, o, n, kw)); }

    /** As {@link #defTpNew(Runtime, NativeType)}, with {@code impl} (tp_new_wrapper over t) as the function's implementation. */
    static void defTpNew(Runtime rt, NativeType t, Builtin impl) {
        attrs(rt, t).put("__new__", rt.hold(rt.builtinFunctionType.create("__new__", impl, t.address(), null)));
    }

    private static Map<String, Long> attrs(Runtime rt, PyType t) {
        return rt.typeAttrs.computeIfAbsent(t, k -> new HashMap<>());
    }

    /** A slot of a builtin type (__init__, __get__, __call__, ...): its slot wrapper. */
    private static void method(Runtime rt, PyType t, String name, Builtin impl) {
        rt.defDescr(BuiltinDescrType.Kind.WRAPPER, t, name, impl);
    }

    /** The tp_new a type's instances get from it, for tp_new_wrapper's safety test (the exceptions share BaseException's). */
    private static PyType newKind(Runtime rt, PyType t) {
        if (t instanceof ExceptionGroups.GroupType) return rt.exceptionType("BaseExceptionGroup");  // ExceptionGroup inherits its tp_new
        while (t instanceof NativeType nt && nt.inheritsTpNew()) t = t.base();  // _io._RawIOBase: _IOBase's
        return t instanceof ExceptionType ? rt.baseException : t;
    }

    /**
     * tp_new_wrapper: {@code T.__new__(cls, *args)} checks that cls is a class deriving from T whose
     * builtin base has T's tp_new, then makes the instance without calling {@code __init__}.
     */
    static long wrappedNew(Runtime rt, PyType t, long[] a, int o, int n, long kw) {
        Heap heap = rt.heap;
        String tn = Ops.tpName(t);  // tp_new_wrapper's messages name the types by tp_name (os.terminal_size)
        if (n - Args.nkw(kw) < 1) throw rt.typeError(tn + ".__new__(): not enough arguments");
        long cls = a[o];
        if (!rt.ops.isTypeObject(cls)) throw rt.typeError(tn + ".__new__(X): X is not a type object (" + rt.ops.typeName(cls) + ")");
        PyType sub = heap.typeAt(cls);
        String sn = sub.name();
        if (!rt.ops.isSubtype(sub, t)) throw rt.typeError(tn + ".__new__(" + sn + "): " + sn + " is not a subtype of " + tn);
        PyType staticBase = sub instanceof ClassType c ? (c.builtinBase == null ? heap.objectType : c.builtinBase) : sub;
        if (newKind(rt, staticBase) != newKind(rt, t)) {
            throw rt.typeError(tn + ".__new__(" + sn + ") is not safe, use " + Ops.tpName(staticBase) + ".__new__()");
        }
        if (sub instanceof ExceptionType et && !(sub instanceof OSErrorType) && !(sub instanceof ExceptionGroups.GroupType)) {
            // BaseException_new: args only (keywords ignored); the fields wait for the type's __init__
            int npos = n - 1 - Args.nkw(kw);
            long args = heap.tuples.alloc(npos);
            for (int i = 0; i < npos; i++) TupleType.setItemSteal(args, i, Builtins.incref(heap, a[o + 1 + i]));
            return rt.ops.instantiateException(et, args, 0, null, 0, false);
        }
        if (sub == rt.superType) return rt.superType.alloc();
        if (sub == rt.namespaceType) return rt.namespaceType.alloc();  // namespace_new: the arguments are __init__'s  // PyType_GenericNew: the fields NULL, the arguments ignored
        if (sub instanceof NativeType nt) {
            long made = nt.newUninitialized();  // tp_new without tp_init (_io's types)
            if (made != 0) return made;
        }
        if (!(sub instanceof ClassType c)) {
            // the mutable containers' tp_new makes them empty: their __init__ fills them
            boolean empty = sub == heap.lists || sub == heap.dicts || sub == heap.sets || sub == rt.byteArrayType;
            return Builtins.callType(rt, cls, a, o + 1, empty ? 0 : n - 1, empty ? 0 : kw);
        }
        if (t == heap.objectType && n - 1 > 0) {  // object_new's excess-arguments rule
            if (rt.ops.lookupUserOnly(c, "__new__") != 0) {
                throw rt.typeError("object.__new__() takes exactly one argument (the type to instantiate)");
            }
            long init = rt.ops.lookupType(c, "__init__");
            if (init == 0 || isObjectMethod(rt, init)) throw rt.typeError(c.name() + "() takes no arguments");
        }
        return builtinNew(rt, c, a, o + 1, n - 1, kw);
    }
}

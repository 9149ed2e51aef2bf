package dev.refheap.lang.vm;

import dev.refheap.lang.bytecode.BinaryOp;
import dev.refheap.memory.Native;
import dev.refheap.object.BoolType;
import dev.refheap.object.BytesType;
import dev.refheap.object.DictType;
import dev.refheap.object.FloatType;
import dev.refheap.object.Heap;
import dev.refheap.object.IntType;
import dev.refheap.object.Layout;
import dev.refheap.object.ListType;
import java.util.List;
import dev.refheap.object.PyError;
import dev.refheap.object.PyType;
import dev.refheap.object.SetType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import dev.refheap.object.WeakrefType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The object protocol (CPython's abstract.c, object.c and the types' slots) over heap objects:
 * truth, repr/str, attributes, calls, arithmetic, comparison, items, iteration, hashing. Every
 * method that returns an object returns a new reference; arguments are borrowed. Errors are
 * raised as {@link PyException} with CPython 3.11's types and messages.
 */
final class Ops {
    private final Runtime rt;
    private final Heap heap;

    Ops(Runtime rt) {
        this.rt = rt;
        this.heap = rt.heap;
    }

    // ---- types -----------------------------------------------------------------------------------

    PyType type(long o) { return heap.typeOf(o); }
    String typeName(long o) { return heap.typeOf(o).name(); }

    boolean isInstance(long o, PyType t) { return isSubtype(heap.typeOf(o), t); }

    /** True if {@code t} is {@code base} or derives from it (user classes through their mro). */
    boolean isSubtype(PyType t, PyType base) {
        if (t == base || base == heap.objectType) return true;
        if (base instanceof ExceptionGroups.GroupType b && !b.heapLike && t instanceof ExceptionGroups.GroupType) return true;
        if (t instanceof ClassType c) return c.fullMro.contains(base);
        return t.isSubtypeOf(base);
    }

    /** The descriptor of a type object. */
    PyType typeFromObject(long typeObject) { return heap.typeAt(typeObject); }

    /** True if o is a class: its type is {@code type} or a metaclass (a type with Py_TPFLAGS_TYPE_SUBCLASS). */
    boolean isTypeObject(long o) {
        long t = Heap.typeAddress(o);
        return t == heap.typeType.address() || (Native.getInt(t + Layout.TP_FLAGS) & PyType.TYPE_SUBCLASS) != 0;
    }

    /**
     * The type whose behaviour {@code o} has for special method {@code dunder}: for an instance of a
     * class extending a builtin container or number ({@link ClassType#dataBase}: tuple, list, dict,
     * set...) that does not define it, that builtin (the slot the class inherits); else {@code t}.
     */
    PyType asBuiltin(PyType t, String dunder) {
        if (t instanceof ClassType c) {
            if (c.dataBase == null) return t;
            if (c.builtinBase == c.dataBase) return lookupUserOnly(c, dunder) == 0 ? c.dataBase : t;
            // a native base between the class and the data base (defaultdict): whichever defines it first
            PyType owner = resolvedOwner(c, dunder);
            return owner instanceof ClassType ? t : owner != null && owner.dataBase() == c.dataBase && owner != c.dataBase ? owner : c.dataBase;
        }
        PyType d = t.dataBase();
        if (d == null || d == t) return t;
        return lookupBuiltin(t, dunder) != 0 ? t : d;  // a native subclass of a data base: its own slot, else the base's
    }

    /** True if o is a tuple or an instance of a class extending tuple (PyTuple_Check). */
    boolean isTuple(long o) {
        PyType t = heap.typeOf(o);
        return t == heap.tuples || t instanceof ClassType c && c.builtinBase == heap.tuples;
    }

    /**
     * The builtin container or number type {@code o} is an instance of by layout (its
     * {@link ClassType#dataBase} for an instance of a subclass: what PyDict_Check, PySet_Check...
     * see), else its type.
     */
    PyType baseView(long o) {
        PyType t = heap.typeOf(o);
        if (t instanceof ClassType c) return c.dataBase != null ? c.dataBase : t;
        PyType d = t.dataBase();
        return d != null ? d : t;
    }

    /**
     * {@link #baseView} for the buffer protocol: an instance of a Python class derived from a
     * native buffer exporter (a ctypes Structure, array.array) exports its base's buffer.
     */
    PyType bufferView(long o) {
        PyType t = heap.typeOf(o);
        if (t instanceof ClassType c && c.dataBase == null && c.builtinBase instanceof NativeType nt && nt.exportsBuffer()) return nt;
        return baseView(o);
    }

    /** The metaclass of class object {@code o} when it is a class defined by Python code (not type), else null. */
    ClassType metaclassOf(long o) {
        return heap.typeOf(o) instanceof ClassType m && m.metaclass ? m : null;
    }

    long incref(long o) {
        heap.incref(o);
        return o;
    }

    long bool(boolean b) { return heap.bools.of(b); }

    // ---- truth -------------------------------------------------------------------------------

    boolean truthy(long o) {
        if (o == heap.True) return true;
        if (o == heap.False || o == heap.None) return false;
        PyType t = heap.typeOf(o);
        if (t instanceof ClassType c0 ? c0.dataBase != null && lookupUserOnly(c0, "__bool__") == 0 && lookupUserOnly(c0, "__len__") == 0
                : t.dataBase() != null) {
            t = t instanceof ClassType c1 ? c1.dataBase : t.dataBase();  // nb_bool or sq_length of the data base
        }
        if (t == heap.ints) return IntType.obSize(o) != 0;
        if (t == heap.floats) return FloatType.value(o) != 0;
        if (t == heap.strs) return StrType.length(o) != 0;
        if (t == heap.lists) return ListType.size(o) != 0;
        if (t == heap.tuples) return TupleType.size(o) != 0;
        if (t == heap.dicts) return DictType.size(o) != 0;
        if (t == heap.sets || t == heap.frozensets) return SetType.size(o) != 0;
        if (t == heap.bytes) return BytesType.length(o) != 0;
        if (t == rt.rangeType) return RangeType.bigLength(o).signum() != 0;
        if (t instanceof DictViewType) return DictType.size(DictViewType.dict(o)) != 0;  // dictview_len (sq_length)
        if (t instanceof ExtType x) {
            Boolean b = x.truthy(o);
            return b == null || b;
        }
        if (t instanceof ClassType c) {
            long m = lookupType(c, "__bool__");
            if (m != 0) {
                long r = callMethod(o, "__bool__");
                try {
                    if (heap.typeOf(r) != heap.bools) throw rt.typeError("__bool__ should return bool, returned " + typeName(r));
                    return r == heap.True;
                } finally {
                    heap.decref(r);
                }
            }
            if (lookupType(c, "__len__") != 0) return len(o) != 0;
        }
        return true;
    }

    // ---- repr and str -------------------------------------------------------------------------

    String repr(long o) {
        return reprAs(asBuiltin(heap.typeOf(o), "__repr__"), o);
    }

    /** repr(o) by type {@code t}'s tp_repr ({@code o}'s type, or a builtin base whose layout it has). */
    String reprAs(PyType t, long o) {
        if (o == heap.None) return "None";
        if (t == heap.bools) return o == heap.True ? "True" : "False";
        if (t == heap.ints) return IntType.fitsLong(o) ? Long.toString(IntType.asLong(o)) : IntStrLimit.decimal(rt, IntType.toBig(o));
        if (t == heap.floats) return Floats.repr(FloatType.value(o));
        if (t == heap.strs) return Strings.repr(StrType.value(o));
        if (t == heap.bytes) return Strings.bytesRepr(BytesType.value(o));
        if (t instanceof ExtType x) return x.repr(o);
        // The containers' reprs mark themselves with Py_ReprEnter as 3.11's do: a tuple or list only
        // when non-empty, a dict and a set always (even an empty one), so that the first such repr
        // makes the thread state's dict and its 'Py_Repr' list.
        if (t == heap.tuples) {
            long n = TupleType.size(o);
            if (n == 0) return "()";
            return reprRecursive(o, "(...)", () -> {
                if (n == 1) return "(" + reprNested(TupleType.item(o, 0)) + ",)";
                StringBuilder sb = new StringBuilder("(");
                for (long i = 0; i < n; i++) sb.append(i > 0 ? ", " : "").append(reprNested(TupleType.item(o, i)));
                return sb.append(')').toString();
            });
        }
        if (t == heap.lists) {
            if (ListType.size(o) == 0) return "[]";
            return reprRecursive(o, "[...]", () -> {
                StringBuilder sb = new StringBuilder("[");
                for (long i = 0; i < ListType.size(o); i++) sb.append(i > 0 ? ", " : "").append(reprNested(ListType.item(o, i)));
                return sb.append(']').toString();
            });
        }
        if (t == heap.dicts) return reprRecursive(o, "{...}", () -> {
            StringBuilder sb = new StringBuilder("{");
            boolean[] first = {true};
            heap.dicts.forEach(o, (k, v) -> {
                // dict_repr holds the key and the value while it shows them (a repr may delete them)
                heap.incref(k);
                heap.incref(v);
                try {
                    sb.append(first[0] ? "" : ", ");
                    first[0] = false;
                    try {
                        sb.append(reprNested(k));
                    } finally {
                        heap.decref(k);
                    }
                    sb.append(": ").append(reprNested(v));
                } finally {
                    heap.decref(v);
                }
            });
            return sb.append('}').toString();
        });
        if (t == heap.sets || t == heap.frozensets) {
            // set_repr: a subclass instance, like a frozenset, shows its type's name around the braces;
            // the items are shown as the repr of a list of them (PySequence_List), without its brackets
            String name = Heap.typeAddress(o) != t.address() ? heap.typeOf(o).name() : t == heap.frozensets ? "frozenset" : null;
            return reprRecursive(o, (name == null ? "set" : name) + "(...)", () -> {
                if (SetType.size(o) == 0) return (name == null ? "set" : name) + "()";
                long keys = Builtins.toList(rt, o);
                String items;
                try {
                    items = repr(keys);
                } finally {
                    heap.decref(keys);
                }
                items = items.substring(1, items.length() - 1);
                return name == null ? "{" + items + "}" : name + "({" + items + "})";
            });
        }
        if (t == heap.typeType || t instanceof ClassType mc && mc.metaclass && lookupUserOnly(mc, "__repr__") == 0) {
            return "<class '" + qualifiedTypeName(o) + "'>";
        }
        if (t == rt.functionType) return "<function " + StrType.value(Native.getLong(o + FunctionType.QUALNAME)) + " at " + hex(o) + ">";
        if (t == rt.builtinFunctionType) {
            var e = rt.builtinFunctionType.entry(o);
            long self = BuiltinFunctionType.self(o);
            if (e.ownerType() != null && self == 0) return "<method '" + e.name() + "' of '" + e.ownerType() + "' objects>";
            if (self != 0 && !rt.isModule(self)) return "<built-in method " + e.name() + " of " + typeName(self) + " object at " + hex(self) + ">";
            return "<built-in function " + e.name() + ">";
        }
        if (t instanceof BuiltinDescrType bd) return bd.repr(o);
        if (t == rt.methodWrapperType) return rt.methodWrapperType.repr(o);
        if (t == rt.methodType) {
            long f = MethodType.func(o);
            String qn = heap.typeOf(f) == rt.functionType ? StrType.value(Native.getLong(f + FunctionType.QUALNAME)) : "?";
            return "<bound method " + qn + " of " + repr(MethodType.self(o)) + ">";
        }
        if (rt.isModule(o)) return rt.imports().moduleRepr(o);
        if (t == rt.cellType) {
            long c = CellType.contents(o);
            return "<cell at " + hex(o) + ": " + (c == 0 ? "empty>" : typeName(c) + " object at " + hex(c) + ">");
        }
        if (t == rt.codeType) return "<code object " + StrType.value(Native.getLong(o + CodeType.NAME)) + " at " + hex(o) + ", file \"" + StrType.value(Native.getLong(o + CodeType.FILENAME)) + "\", line " + rt.codeType.code(o).unit.firstLineno() + ">";
        if (t == rt.frameType) {  // frame_repr: file as its repr, line as f_lineno, code as co_name
            Frame f = rt.frameType.frame(o);
            return "<frame at " + hex(o) + ", file " + repr(Native.getLong(f.codeObj + CodeType.FILENAME)) + ", line " + f.line()
                    + ", code " + StrType.value(Native.getLong(f.codeObj + CodeType.NAME)) + ">";
        }
        if (t == rt.coroutineType || t == rt.asyncGeneratorType) return Coroutines.repr(rt, o);
        if (t == rt.generatorType) return "<generator object " + StrType.value(Native.getLong(o + GeneratorType.QUALNAME)) + " at " + hex(o) + ">";
        if (t == rt.rangeType) return RangeType.repr(o);
        if (t == heap.weakrefs) {
            long r = heap.weakrefs.liveReferent(o);
            if (r == heap.None) return "<weakref at " + hex(o) + "; dead>";
            // 3.11: the referent's tp_name, then its __name__ when its type has one (functions, classes, generators).
            PyType rt0 = heap.typeOf(r);
            String nm = rt0 == rt.functionType || rt0 == rt.generatorType || rt0 == rt.builtinFunctionType || isTypeObject(r) ? weakrefTargetName(r) : null;
            return "<weakref at " + hex(o) + "; to '" + (rt0 instanceof ClassType ? shortName(rt0) : rt0.name()) + "' at " + hex(r) + (nm == null ? ">" : " (" + nm + ")>");
        }
        if (t instanceof ExceptionType || (t instanceof ClassType c0 && c0.exceptionBased && lookupUserOnly(c0, "__repr__") == 0)) {
            return exceptionRepr(o);
        }
        if (t instanceof ClassType c) {
            if (c.builtinLayout() && c.builtinBase instanceof ExtType x && lookupUserOnly(c, "__repr__") == 0) return x.repr(o);
            long m = lookupType(c, "__repr__");
            if (m != 0) return strResult(Attributes.callSpecial(rt, o, c, "__repr__", NO_ARGS), "__repr__");  // slot_tp_repr
            return "<" + qualifiedTypeNameOf(c) + " object at " + hex(o) + ">";
        }
        if (t instanceof DictViewType dv) return reprRecursive(o, "...", () -> {  // dictview_repr
            long l = Builtins.toList(rt, o);
            try {
                return t.name() + "(" + repr(l) + ")";
            } finally {
                heap.decref(l);
            }
        });
        if (t == rt.getsetType) return rt.getsetType.attributeRepr(o);
        if (t == rt.memberType) return rt.memberType.repr(o);
        if (t instanceof GenericAliasType ga) return ga.repr(o);
        if (t instanceof Ctypes ct) {
            long v = ct.value(o);
            try {
                return t.name() + "(" + repr(v) + ")";
            } finally {
                heap.decref(v);
            }
        }
        if (o == rt.notImplemented) return "NotImplemented";
        if (o == rt.ellipsis) return "Ellipsis";
        if (t == heap.objectType) return "<object object at " + hex(o) + ">";
        return "<" + t.name() + " object at " + hex(o) + ">";
    }

    private String reprArgs(long args) {
        long n = TupleType.size(args);
        if (n == 1) return "(" + repr(TupleType.item(args, 0)) + ")";
        return repr(args);
    }

    /** {@code body}'s repr of o between Py_ReprEnter and Py_ReprLeave, or {@code recursive} when o is already being shown. */
    String reprRecursive(long o, String recursive, java.util.function.Supplier<String> body) {
        if (reprEnter(o) != 0) return recursive;
        try {
            return body.get();
        } finally {
            reprLeave(o);
        }
    }

    /**
     * Py_ReprEnter: the objects whose repr is being computed are the thread state dict's
     * 'Py_Repr' list (made, with the dict, by the first call: two gc allocations that live as
     * long as the thread). 1 when o is in it, else o is appended (a reference) and 0. A
     * 'Py_Repr' that a program replaced with a non-list is ignored (CPython would crash).
     */
    int reprEnter(long o) {
        long d = rt.threadStateDict();
        long list = heap.dicts.getItem(d, PY_REPR);
        if (list == 0) {
            list = heap.lists.alloc(0);
            try {
                heap.dicts.setItem(d, PY_REPR, list);
            } finally {
                heap.decref(list);
            }
        }
        if (!isInstance(list, heap.lists)) return 0;
        for (long i = ListType.size(list) - 1; i >= 0; i--) {
            if (ListType.item(list, i) == o) return 1;
        }
        heap.lists.append(list, o);
        return 0;
    }

    /** Py_ReprLeave: removes o from the 'Py_Repr' list, searching from its end (list_ass_slice of one item). */
    void reprLeave(long o) {
        long d = rt.threadStateDictIfMade();
        long list = d == 0 ? 0 : heap.dicts.getItem(d, PY_REPR);
        if (list == 0 || !isInstance(list, heap.lists)) return;
        for (long i = ListType.size(list) - 1; i >= 0; i--) {
            if (ListType.item(list, i) == o) {
                heap.decref(heap.lists.pop(list, i));
                return;
            }
        }
    }

    private static final String PY_REPR = "Py_Repr";

    private int reprDepth;

    private String reprNested(long o) {
        if (++reprDepth > rt.recursionLimit) {
            reprDepth = 0;
            throw rt.error("RecursionError", "maximum recursion depth exceeded while getting the repr of an object");
        }
        try {
            return repr(o);
        } finally {
            reprDepth--;
        }
    }

    String qualifiedTypeName(long typeObject) { return qualifiedTypeNameOf(heap.typeAt(typeObject)); }

    private String weakrefTargetName(long r) {
        long n = getAttr(r, rt.names.__name__);
        try {
            return str(n);
        } finally {
            heap.decref(n);
        }
    }

    String qualifiedTypeNameOf(PyType t) {
        if (t instanceof ClassType c) {
            long module = DictType.size(c.dict()) > 0 ? heap.dicts.getItem(c.dict(), rt.names.__module__) : 0;
            String qn = StrType.value(Native.getLong(c.typeObject + ClassType.T_QUALNAME));
            if (module != 0 && Heap.isStr(module) && !StrType.value(module).equals("builtins")) {
                return StrType.value(module) + "." + qn;
            }
            return qn;
        }
        return t.name();
    }

    private String strResult(long r, String method) {
        long s = strResultObject(r, method);
        try {
            return StrType.value(s);
        } finally {
            heap.decref(s);
        }
    }

    static String hex(long o) { return "0x" + Long.toHexString(o); }

    /**
     * The tp_str of builtin exception type {@code t} (BaseException_str, KeyError_str, OSError_str,
     * SyntaxError_str, the UnicodeError kinds' str) applied to exception {@code o} of it or of a
     * subclass: never the instance's own override, so {@code super().__str__()} ends here.
     */
    String exceptionStr(PyType t, long o) {
        if (ExceptionGroups.isGroup(rt, o)) return ExceptionGroups.str(o);
        long args = ExceptionType.args(o);
        long n = TupleType.size(args);
        if (isSubtype(t, rt.exceptions.get("KeyError")) && n == 1) return repr(TupleType.item(args, 0));
        if (isSubtype(t, rt.exceptions.get("SyntaxError"))) return ExecBuiltins.syntaxErrorStr(rt, o);
        if (isSubtype(t, rt.exceptions.get("ImportError"))) {
            long msg = ExceptionFields.raw(o, ExceptionFields.of(t), "msg");  // ImportError_str: an exact str msg
            if (msg != 0 && heap.typeOf(msg) == heap.strs) return StrType.value(msg);
        }
        if (isSubtype(t, rt.exceptions.get("OSError"))) {
            String s = OSErrorType.str(rt, o);
            if (s != null) return s;
        }
        if (isSubtype(t, rt.exceptions.get("UnicodeError")) && t != rt.exceptions.get("UnicodeError")) return Codecs.unicodeErrorStr(rt, o);
        return n == 0 ? "" : n == 1 ? str(TupleType.item(args, 0)) : repr(args);
    }

    /** BaseException_repr: the instance's type name (_PyType_Name: tp_name after its last dot) and its args. */
    String exceptionRepr(long o) {
        return shortName(heap.typeOf(o)) + reprArgs(ExceptionType.args(o));
    }

    String str(long o) {
        PyType t = heap.typeOf(o);
        if (t == heap.strs || t instanceof ClassType cs && cs.dataBase == heap.strs && lookupUserOnly(cs, "__str__") == 0) return StrType.value(o);
        if (t instanceof ClassType cb && cb.dataBase == heap.bytes && lookupUserOnly(cb, "__str__") == 0) return reprAs(heap.bytes, o);  // bytes_str
        if (t instanceof ExceptionType || (t instanceof ClassType c0 && c0.exceptionBased && lookupUserOnly(c0, "__str__") == 0)) {
            // the tp_str the class inherits: the first builtin exception in its MRO with one of its own
            // (class D(KeyError, AttributeError) has AttributeError's layout but KeyError's str)
            return exceptionStr(t instanceof ClassType c0 && resolvedOwner(c0, "__str__") instanceof ExceptionType owner ? owner
                    : t instanceof ClassType c1 ? c1.builtinBase : t, o);
        }
        if (t instanceof ClassType cx && cx.dataBase instanceof ExtType x && lookupUserOnly(cx, "__str__") == 0 && lookupOverride(cx, "__str__") != 0) {
            return x.str(o) != null ? x.str(o) : x.repr(o);  // the data base's own tp_str (bytearray_str is its repr)
        }
        if (t instanceof ClassType c && lookupOverride(c, "__str__") != 0 && !(c.metaclass && lookupUserOnly(c, "__str__") == 0)) {
            return strResult(Attributes.callSpecial(rt, o, c, "__str__", NO_ARGS), "__str__");  // slot_tp_str
        }
        if (t instanceof ExtType x && x.str(o) != null) return x.str(o);
        return repr(o);
    }

    /**
     * PyObject_Repr as an object (a new reference): what a class's __repr__ returned, itself; for an
     * exact int a new str even of one digit (3.11's int-to-decimal conversion does not go through
     * the one-character cache); otherwise the str of {@link #repr}.
     */
    long reprObject(long o) {
        PyType t = heap.typeOf(o);
        if (t == heap.ints || t instanceof ClassType ci && ci.dataBase == heap.ints && lookupUserOnly(ci, "__repr__") == 0
                && lookupUserOnly(ci, "__str__") == 0) return heap.strs.fresh(repr(o));  // (a subclass's own __str__ is slot_tp_str's)
        if (t instanceof ClassType c && !(c.exceptionBased && lookupUserOnly(c, "__repr__") == 0) && lookupType(c, "__repr__") != 0
                && !((c.metaclass || c.builtinLayout()) && lookupUserOnly(c, "__repr__") == 0)) {
            // slot_tp_repr: the function found on the type called with o as its first argument (no
            // bound method, no reference of its own to o while __repr__ runs)
            return strResultObject(Attributes.callSpecial(rt, o, c, "__repr__", NO_ARGS), "__repr__");
        }
        return heap.strs.of(repr(o));
    }

    /**
     * o.name() for a special method of o's class c: a class (an instance of a metaclass) has it
     * looked up on the metaclass only, never on itself (a class's own mro would find object's
     * unbound __repr__); other objects find it on their class too, never in their own dict (a
     * function set on the instance is not the special method), and the call holds a reference to
     * o while the method runs, as _PyObject_LookupSpecial's bound method does (PyObject_Format's
     * __format__). __str__ and __repr__ are called as slot_tp_str and slot_tp_repr call them,
     * with no reference of their own ({@link Attributes#callSpecial}).
     */
    private static final long[] NO_ARGS = {};

    /**
     * A comparison dunder of o's class c called as slot_tp_richcompare calls it: found on the
     * class (a class's on its metaclass), called with o as its first argument and no reference of
     * its own to o.
     */
    private long callCompareSpecial(long o, ClassType c, String name, long... args) {
        long f = lookupType(c, name);
        PyType ft = f == 0 ? null : heap.typeOf(f);
        if (ft == rt.propertyType || ft instanceof ClassType fc && lookupType(fc, "__get__") != 0) {
            // lookup_maybe_method: another descriptor's value is the method; a failing __get__ (a
            // property whose getter raises) is NotImplemented, its error cleared
            long m;
            try {
                m = descrGet(f, o, c.typeObject);
            } catch (PyException e) {
                heap.decref(e.exc());
                return incref(rt.notImplemented);
            }
            try {
                return call(m, args, 0, args.length, 0);
            } finally {
                heap.decref(m);
            }
        }
        return Attributes.callSpecial(rt, o, c, name, args);
    }

    /**
     * o.__eq__(other) as object.__ne__ reaches it from a class with an __eq__ of its own but no
     * __ne__: the slot wrapper is called through a tuple of (o, other) and passes on a slice
     * (other,), so while __eq__ runs o has one reference more and other two.
     */
    private long callEqForObjectNe(long o, ClassType c, long other) {
        heap.incref(o);
        heap.incref(other);
        heap.incref(other);
        try {
            return callCompareSpecial(o, c, "__eq__", other);
        } finally {
            heap.decref(other);
            heap.decref(other);
            heap.decref(o);
        }
    }

    private long callTypeSpecial(long o, ClassType c, String name, long... args) {
        if (c.metaclass && isTypeObject(o)) return Attributes.callSpecial(rt, o, c, name, args);
        heap.incref(o);
        try {
            return Attributes.callSpecial(rt, o, c, name, args);
        } finally {
            heap.decref(o);
        }
    }

    /** PyObject_Str as an object (a new reference): an exact str itself, else as {@link #reprObject}. */
    long strObject(long o) {
        PyType t = heap.typeOf(o);
        if (t == heap.strs) {
            heap.incref(o);
            return o;
        }
        // unicode_str on a subclass instance: _PyUnicode_Copy, an exact str (a new object even of one character)
        if (t instanceof ClassType cs && cs.dataBase == heap.strs && lookupUserOnly(cs, "__str__") == 0) return heap.strs.fresh(StrType.value(o));
        if (t instanceof ClassType cb && cb.dataBase == heap.bytes && lookupUserOnly(cb, "__str__") == 0) return heap.strs.of(reprAs(heap.bytes, o));  // bytes_str
        if (t == heap.ints || t instanceof ClassType ci && ci.dataBase == heap.ints && lookupUserOnly(ci, "__repr__") == 0
                && lookupUserOnly(ci, "__str__") == 0) return heap.strs.fresh(repr(o));  // (a subclass's own __str__ is slot_tp_str's)
        if (t instanceof ClassType c && !(c.exceptionBased && lookupUserOnly(c, "__str__") == 0) && lookupOverride(c, "__str__") != 0
                && !(c.metaclass && lookupUserOnly(c, "__str__") == 0)) {
            return strResultObject(Attributes.callSpecial(rt, o, c, "__str__", NO_ARGS), "__str__");  // slot_tp_str, as slot_tp_repr
        }
        return heap.strs.of(str(o));
    }

    /**
     * PyObject_Format as an object (a new reference): with an empty spec and no __format__ of the
     * class's own, str(v) as an object (an exact str itself); otherwise the formatted text.
     */
    long formatObject(long v, String spec) {
        boolean userFormat = heap.typeOf(v) instanceof ClassType c && lookupUserOnly(c, "__format__") != 0;
        boolean fastPath = spec.isEmpty() && (heap.typeOf(v) == heap.strs || heap.typeOf(v) == heap.ints);
        // PyObject_Format past its fast path looks __format__ up with _PyObject_LookupSpecial, which
        // binds the builtin method: a GC object made and freed around the call (it can start a
        // collection; found by the memory fuzzer)
        long bound = fastPath || userFormat ? 0 : rt.builtinFunctionType.create("__format__", FORMAT_UNCALLED, v, heap.typeOf(v));
        try {
            if (userFormat) {  // the class's own __format__: its result itself
                long sp = heap.strs.of(spec);
                try {
                    return strResultObject(callTypeSpecial(v, (ClassType) heap.typeOf(v), "__format__", sp), "__format__");
                } finally {
                    heap.decref(sp);
                }
            }
            if (spec.isEmpty()) return strObject(v); // object.__format__ and the builtins' empty spec: str(v)
            String text = format(v, spec);
            // str.__format__ (a subclass's too) with a spec that neither pads nor cuts: format_string_internal's
            // fast path writes the str itself into its empty writer, which returns it
            if (!userFormat && baseView(v) == heap.strs && asBuiltin(heap.typeOf(v), "__format__") == heap.strs
                    && text.equals(StrType.value(v))) return incref(v);
            return heap.strs.of(text);
        } finally {
            if (bound != 0) heap.decref(bound);
        }
    }

    /** The implementation of formatObject's transient bound __format__: only its allocation matters. */
    private static final Builtin FORMAT_UNCALLED = (self, a, o, n, kw) -> {
        throw new IllegalStateException("never called");
    };

    /** PyObject_ASCII as an object: the repr itself when it is all ASCII. */
    long asciiObject(long o) {
        long r = reprObject(o);
        if (StrType.isAscii(r)) return r;
        try {
            return heap.strs.of(Builtins.ascii(StrType.value(r)));
        } finally {
            heap.decref(r);
        }
    }

    private long strResultObject(long r, String method) {
        if (!Heap.isStr(r)) {
            String type = typeName(r);
            heap.decref(r);
            // PyObject_Format's own wording; __str__ and __repr__ are slot_tp_str's and PyObject_Repr's
            throw rt.typeError("__format__".equals(method) ? "__format__ must return a str, not " + type : method + " returned non-string (type " + type + ")");
        }
        return r;
    }

    /** The object an error in o's __del__ is reported in (borrowed): the class's __del__ function, else o. */
    long delObjectFor(long o) {
        PyType t = heap.typeOf(o);
        long f = t instanceof ClassType c ? lookupType(c, "__del__") : 0;
        return f != 0 && heap.typeOf(f) == rt.functionType ? f : o;
    }

    // ---- attributes ----------------------------------------------------------------------------

    /**
     * assign_version_tag, as _PyType_Lookup of a cacheable name (at most 100 characters) does it:
     * the class and, first, its bases get Py_TPFLAGS_VALID_VERSION_TAG. Called where CPython looks
     * a name up on a class (attribute access on an instance or the class, a slot function calling
     * the special method Python code defines), never for refheap's own probes.
     */
    void versionTag(PyType t, String name) {
        if (t instanceof ClassType c && !c.validVersionTag && name.length() <= 100) assignVersionTag(c);
        else if (name.length() <= 100) nativeVersionTag(t);
    }

    /** The version tag of a type implemented in Java whose {@code __flags__} reports it (native module types, struct sequences). */
    static void nativeVersionTag(PyType t) {
        if (t instanceof NativeType nt) nt.validVersionTag = true;
        else if (t instanceof SysInfo.StructSeqType ss) ss.validVersionTag = true;
    }

    private void assignVersionTag(ClassType c) {
        long bases = Native.getLong(c.typeObject + ClassType.T_BASES);
        for (long i = 0; bases != 0 && i < TupleType.size(bases); i++) {
            PyType b = heap.typeAt(TupleType.item(bases, i));
            if (b instanceof ClassType k && !k.validVersionTag) assignVersionTag(k);
            else nativeVersionTag(b);  // 3.11's assign_version_tag tags every base first, a native module's type too
        }
        c.validVersionTag = true;
    }

    /** PyType_Modified: the class and its subclasses lose Py_TPFLAGS_VALID_VERSION_TAG (a class without it stops the walk). */
    void typeModified(ClassType c) {
        if (!c.validVersionTag) return;
        c.validVersionTag = false;
        rt.subclasses.forEachLive(c.typeObject, sub -> {
            if (heap.typeAt(sub) instanceof ClassType k) typeModified(k);
        });
    }

    /** Looks {@code name} up in t's mro (class dicts, then builtin type attributes); borrowed, 0 if absent. */
    long lookupType(PyType t, String name) {
        if (t instanceof ClassType c) {
            long version = heap.dicts.watchedVersion();
            if (c.lookupCacheVersion != version) {
                c.lookupCache.clear();
                c.lookupCacheVersion = version;
            }
            Long cached = c.lookupCache.get(name);
            if (cached != null) return c.validVersionTag ? cached : slotLookup(c, name, cached);
            long v = lookupMroFrom(c, 0, name);
            c.lookupCache.put(name, v);
            return c.validVersionTag ? v : slotLookup(c, name, v);
        }
        if (ExceptionGroups.isHeapGroup(t)) {
            // ExceptionGroup's mro (its Java base chain leaves out BaseExceptionGroup)
            long mro = rt.builtinTypeInfo.mro(t);
            for (long i = 0; i < TupleType.size(mro); i++) {
                long v = lookupBuiltin(heap.typeAt(TupleType.item(mro, i)), name);
                if (v != 0) return v;
            }
            return 0;
        }
        for (PyType b = t; b != null; b = b.base()) {
            long v = lookupBuiltin(b, name);
            if (v != 0) return v;
        }
        return lookupBuiltin(heap.objectType, name);
    }

    /**
     * {@code v}, the lookup of {@code name} on a class without a valid version tag: when it is a
     * special method Python code defines, CPython's slot function looks it up through the type
     * cache (lookup_maybe_method), which tags the class ({@link #versionTag}).
     */
    private long slotLookup(ClassType c, String name, long v) {
        if (v != 0 && v != heap.None && Subclasses.isSpecialName(name) && resolvedOwner(c, name) instanceof ClassType) versionTag(c, name);
        return v;
    }

    /** A {@link ClassType} special-method field not filled at the current version (no object's address). */
    static final long NOT_LOOKED_UP = -1;

    /**
     * {@code lookupType(c, "__init__")} from a field of the class instead of the lookup cache's map
     * (a hash lookup and a boxed value per call): the same result, refreshed under the same rule.
     */
    long lookupInit(ClassType c) {
        if (c.specialsVersion != heap.dicts.watchedVersion()) forgetSpecials(c);
        long v = c.cachedInit;
        if (v == NOT_LOOKED_UP) return c.cachedInit = lookupType(c, "__init__");
        return c.validVersionTag ? v : specialSlotLookup(c, "__init__", v, SETTLED_INIT);
    }

    /** {@code lookupType(c, "__new__")}, as {@link #lookupInit}. */
    long lookupNew(ClassType c) {
        if (c.specialsVersion != heap.dicts.watchedVersion()) forgetSpecials(c);
        long v = c.cachedNew;
        if (v == NOT_LOOKED_UP) return c.cachedNew = lookupType(c, "__new__");
        return c.validVersionTag ? v : specialSlotLookup(c, "__new__", v, SETTLED_NEW);
    }

    /** {@code lookupType(c, "__del__")}, as {@link #lookupInit}. */
    long lookupDel(ClassType c) {
        if (c.specialsVersion != heap.dicts.watchedVersion()) forgetSpecials(c);
        long v = c.cachedDel;
        if (v == NOT_LOOKED_UP) return c.cachedDel = lookupType(c, "__del__");
        return c.validVersionTag ? v : specialSlotLookup(c, "__del__", v, SETTLED_DEL);
    }

    /** {@link ClassType#specialsSettled}' bits: the special's {@link #slotLookup} tagged nothing at this version. */
    private static final int SETTLED_INIT = 1, SETTLED_NEW = 2, SETTLED_DEL = 4;

    /**
     * {@link #slotLookup} of a cached special. When it tags nothing (the name resolves to a builtin
     * type's attribute, object's __init__ or __new__, or to nothing), it tags nothing again until a
     * class dict changes (the specials' version), so it is remembered and skipped: a class that is
     * only ever called (no attribute looked up through the type cache) asked for its mro by name
     * at every CALL.
     */
    private long specialSlotLookup(ClassType c, String name, long v, int bit) {
        if ((c.specialsSettled & bit) != 0) return v;
        slotLookup(c, name, v);
        if (!c.validVersionTag) c.specialsSettled |= bit;
        return v;
    }

    private void forgetSpecials(ClassType c) {
        c.cachedInit = c.cachedNew = c.cachedDel = NOT_LOOKED_UP;
        c.specialsSettled = 0;
        c.specialsVersion = heap.dicts.watchedVersion();
    }

    /**
     * Whether {@code init} (lookupInit's result for {@code c}) is object's own __init__, which
     * type_call does not call; remembered per class by the slot's address (object's dict is
     * immutable, so the address always means that slot).
     */
    boolean isObjectInit(ClassType c, long init) {
        if (init == 0) return false;
        if (init == c.objectInit) return true;
        if (!TypeCall.isObjectMethod(rt, init)) return false;
        c.objectInit = init;
        return true;
    }

    /** The lookup along a class's mro from its entry {@code from} on: class dicts and builtin types' own attributes; borrowed, 0 if absent. */
    long lookupMroFrom(ClassType c, int from, String name) {
        List<PyType> mro = c.fullMro;
        for (int i = from; i < mro.size(); i++) {
            long v = mro.get(i) instanceof ClassType m ? heap.dicts.getItem(m.dict(), name) : lookupBuiltin(mro.get(i), name);
            if (v != 0) return v;
        }
        return 0;
    }

    /** The type on the class's mro whose own dict (or builtin attributes) resolves {@code name}; null if none. */
    PyType resolvedOwner(ClassType c, String name) {
        for (PyType m : c.fullMro) {
            if (m instanceof ClassType k ? heap.dicts.getItem(k.dict(), name) != 0 : lookupBuiltin(m, name) != 0) return m;
        }
        return null;
    }

    /**
     * What the mro lookup resolves {@code name} to when that is Python code's (found in a class
     * dict before any builtin type on the mro that has it); 0 when a builtin type's attribute wins
     * or nothing has it. Borrowed.
     */
    long lookupUserOnly(ClassType c, String name) {
        List<PyType> mro = c.fullMro;
        for (int i = 0; i < mro.size(); i++) {
            if (mro.get(i) instanceof ClassType m) {
                long v = heap.dicts.getItem(m.dict(), name);
                if (v != 0) return v;
            } else if (lookupBuiltin(mro.get(i), name) != 0) return 0;
        }
        return 0;
    }

    /** Whether {@code v} is a method or slot of a builtin type (a builtin descriptor, or __new__), not Python code's. */
    static boolean isBuiltinDescr(Runtime rt, long v) {
        if (v == 0) return false;
        PyType t = rt.heap.typeOf(v);
        return t instanceof BuiltinDescrType || (t == rt.builtinFunctionType && rt.builtinFunctionType.entry(v).ownerType() != null);
    }

    /**
     * The class's own override of a slot {@code object} also has (__str__, __format__, __new__):
     * what lookupType finds, unless it is object's. Dispatch uses it where object's slot is the
     * builtin behaviour refheap applies itself.
     */
    long lookupOverride(ClassType c, String name) {
        long v = lookupType(c, name);
        if (v != 0 && isBuiltinDescr(rt, v)) {
            PyType owner = heap.typeOf(v) instanceof BuiltinDescrType bd ? bd.entry(v).owner() : rt.builtinFunctionType.entry(v).owner();
            if (owner == heap.objectType) return 0;
        }
        return v;
    }

    /** What type {@code t}'s own dict holds under {@code name} (borrowed), 0 if nothing: one step of an mro walk. */
    long ownAttr(PyType t, String name) {
        return t instanceof ClassType k ? heap.dicts.getItem(k.dict(), name) : lookupBuiltin(t, name);
    }

    /**
     * tp_descr_get of a value an mro walk found, called as super_getattro calls it:
     * {@code descr.__get__(obj, type)} with {@code obj} 0 for NULL (the lookup is on the class
     * itself); a value whose type has no {@code __get__} is returned as it is. New reference.
     */
    long descrGet(long descr, long obj, long type) {
        PyType dt = heap.typeOf(descr);
        if (dt instanceof ClassType dc) {
            long get = lookupType(dc, "__get__");
            if (get == 0) return incref(descr);
            heap.incref(get);
            try {
                return call(get, new long[] {descr, obj == 0 ? heap.None : obj, type}, 0, 3, 0);
            } finally {
                heap.decref(get);
            }
        }
        if (dt instanceof StaticMethodType sm) return sm.bind(descr, type);  // cm_descr_get binds to the type given
        if (dt == rt.classMethodDescrType) return rt.classMethodDescrType.bind(descr, obj, type);
        if (obj == 0) return incref(descr);  // a function, property, member, getset or method descriptor on its class: itself
        if (dt == rt.propertyType) return rt.propertyType.getValue(descr, obj);
        if ((dt == rt.getsetType || dt == rt.memberType) && BuiltinGetSets.isBuiltin(descr)) return rt.builtinGetSets.get(descr, obj);
        if (dt == rt.memberType) return rt.memberType.get(descr, obj);
        if (dt == rt.getsetType && heap.typeOf(obj) instanceof ClassType oc) return Attributes.getsetGet(rt, descr, obj, oc);
        return bindDescriptor(descr, obj);
    }

    /**
     * super_getattro on a super object (or an instance of a class derived from super): the lookup
     * after {@code __thisclass__} on the bound object's mro, then the generic lookup. New reference or 0.
     */
    long superGetattro(long o, long nameObj, String name) {
        long v = rt.superType.getattro(o, nameObj, name);
        return v != 0 ? v : genericGetAttrOrNull(o, nameObj, name);
    }

    private long lookupBuiltin(PyType t, String name) {
        var attrs = rt.typeAttrs.get(t);
        if (attrs == null) return 0;
        Long v = attrs.get(name);
        return v == null ? 0 : v;
    }

    long getAttr(long o, long name) {
        return getAttr(o, name, StrType.value(name));
    }

    /** o.name (new reference) where {@code name} is the contents of str {@code nameObj}. */
    long getAttr(long o, long nameObj, String name) {
        long v;
        try {
            v = rt.isModule(o) && !(heap.typeOf(o) instanceof ClassType c && (Attributes.hooks(rt, c) & (Attributes.GETATTRIBUTE | Attributes.GETATTR)) != 0)
                    ? genericGetAttrOrNull(o, nameObj, name, true)  // module_getattro: the module __getattr__'s own error
                    : getAttrOrNull(o, nameObj, name);
        } catch (PyException e) {
            throw attributeErrorContext(e, o, nameObj);
        }
        if (v == 0) throw attributeErrorContext(attributeError(o, name), o, nameObj);
        return v;
    }

    /**
     * set_attribute_error_context (PyObject_GetAttr's, and so LOAD_ATTR's, LOAD_METHOD's and
     * getattr()'s without a default): an AttributeError, whoever raised it, gets the name looked up
     * and the object as its {@code name} and {@code obj} (so it keeps the object alive); any other
     * exception is left alone. An error setting them replaces the exception, as in CPython.
     */
    PyException attributeErrorContext(PyException e, long o, long nameObj) {
        long exc = e.exc();
        PyType at = rt.exceptionType("AttributeError");
        PyType et = heap.typeOf(exc);
        if (et != at && !isInstance(exc, at)) return e;
        try {
            if (et == at) {  // the members themselves (what PyObject_SetAttr reaches for the builtin type)
                ExceptionFields.set(rt, exc, "name", nameObj);
                ExceptionFields.set(rt, exc, "obj", o);
            } else {
                long n = heap.strs.internedOf("name");
                try {
                    setAttr(exc, n, nameObj);
                } finally {
                    heap.decref(n);
                }
                n = heap.strs.internedOf("obj");
                try {
                    setAttr(exc, n, o);
                } finally {
                    heap.decref(n);
                }
            }
        } catch (RuntimeException ex) {
            heap.decref(exc);
            throw ex;
        }
        return e;
    }

    PyException attributeError(long o, String name) {
        if (isTypeObject(o)) return rt.error("AttributeError", "type object '" + heap.typeAt(o).name() + "' has no attribute '" + name + "'");
        if (rt.isModule(o)) return ModuleAttrs.attributeError(rt, o, name);
        return rt.error("AttributeError", "'" + typeName(o) + "' object has no attribute '" + name + "'");
    }

    /** o.name as a new reference, or 0 if there is no such attribute. */
    long getAttrOrNull(long o, long nameObj) {
        return getAttrOrNull(o, nameObj, StrType.value(nameObj));
    }

    /** As {@link #getAttrOrNull(long, long)}, with the name's contents already decoded. */
    long getAttrOrNull(long o, long nameObj, String name) {
        if (heap.typeOf(o) instanceof ClassType c) {
            versionTag(c, name);  // PyObject_GenericGetAttr's, or the hooks', _PyType_Lookup
            int hooks = Attributes.hooks(rt, c);
            if ((hooks & (Attributes.GETATTRIBUTE | Attributes.GETATTR)) != 0) return Attributes.getHooked(rt, o, c, nameObj, name, hooks);
            if (c.builtinBase == rt.superType) return superGetattro(o, nameObj, name);
        } else if (heap.typeOf(o) == rt.superType) {
            return superGetattro(o, nameObj, name);
        }
        return genericGetAttrOrNull(o, nameObj, name);
    }

    /** An alias's attribute that is its origin's (ga_getattro): the origin's AttributeError when it has none. */
    private long originAttr(long origin, long nameObj, String name) {
        long v = getAttrOrNull(origin, nameObj, name);
        if (v == 0) throw attributeError(origin, name);
        return v;
    }

    /** PyObject_GenericGetAttr: o.name without the class's __getattribute__/__getattr__ hooks; new reference or 0. */
    long genericGetAttrOrNull(long o, long nameObj, String name) {
        return genericGetAttrOrNull(o, nameObj, name, false);
    }

    /** module_get_annotations: the dict's {@code __annotations__}, made (an empty dict, stored there) on first use. */
    private long moduleAnnotations(long m) {
        long d = ModuleType.dict(m);
        long a = heap.dicts.getItem(d, "__annotations__");
        if (a != 0) return incref(a);
        a = heap.dicts.create();
        heap.dicts.setItem(d, "__annotations__", a);
        return a;
    }

    /** As {@link #genericGetAttrOrNull(long, long, String)}; {@code moduleRaise}: a module __getattr__'s AttributeError propagates. */
    long genericGetAttrOrNull(long o, long nameObj, String name, boolean moduleRaise) {
        PyType t = heap.typeOf(o);
        versionTag(t, name);
        // __class__ is object's getset unless a class on the mro defines its own (found first, as _PyType_Lookup finds it)
        if (t instanceof ClassType c && !c.exceptionBased && !c.metaclass && (!name.equals("__class__") || (Attributes.hooks(rt, c) & Attributes.OWN_CLASS) != 0)) {
            // ga_getattro, inherited by a GenericAlias subclass: most names are the origin's
            if (c.builtinBase == rt.genericAliasType && !GenericAliasType.OWN_ATTRS.contains(name)) {
                return originAttr(rt.genericAliasType.origin(o), nameObj, name);
            }
            if (name.equals("__dict__")) {  // local_getattro, inherited by a _thread._local subclass: this thread's dict
                long baseDict = Attributes.baseAttrDict(o, c);
                if (baseDict != 0) return incref(baseDict);
            }
            // An instance of a plain class: none of specialAttr's cases apply.
            // (__dict__ too when a class on the mro defines its own in place of the getset: a property, a value)
            if (!name.equals("__dict__") || ownDictAttr(c)) {
                long v = instanceAttr(o, c, name);
                // module_getattro, inherited by a module subclass: the module's own __getattr__ last
                return v != 0 || c.builtinBase != rt.moduleType ? v : ModuleAttrs.moduleGetattr(rt, o, nameObj, moduleRaise);
            }
        }
        if (t == rt.moduleType) {
            // module_getattro is PyObject_GenericGetAttr first: the type's data descriptors (object's
            // __class__, module's __dict__) before the module's dict, its methods after, then __getattr__
            if (name.startsWith("__")) {  // one test for the common name (math.sqrt), the three only for dunders
                if (name.equals("__class__")) return incref(t.address());
                if (name.equals("__dict__")) return incref(ModuleType.dict(o));
                if (name.equals("__annotations__")) return moduleAnnotations(o);
            }
            long v = heap.dicts.getItem(ModuleType.dict(o), nameObj);
            if (v != 0) return incref(v);
            long descr = lookupType(t, name);
            if (descr != 0) return bindDescriptor(descr, o);
            return ModuleAttrs.moduleGetattr(rt, o, nameObj, moduleRaise);
        }
        if (isTypeObject(o)) return typeAttr(o, name);
        if (t instanceof GenericAliasType ga) {
            if (!ga.union && !GenericAliasType.OWN_ATTRS.contains(name)) return originAttr(ga.origin(o), nameObj, name);  // ga_getattro
            if (ga.union && name.equals("__module__")) return getAttrOrNull(t.address(), nameObj, name);  // union_getattro: its type's
            long v = ga.attr(o, name);
            if (v != 0) return v;
            if (name.equals("__class__")) return incref(t.address());
        }
        if (t instanceof ExtType x) {
            long v = x.attr(o, name);
            if (v != 0) return v;
        }
        long special = specialAttr(o, t, name);
        if (special != 0) return special;
        if (t instanceof ClassType c && !c.metaclass) return instanceAttr(o, c, name);
        long descr = lookupType(t, name);
        if (descr != 0) return bindDescriptor(descr, o);
        return 0;
    }

    /**
     * The value of a builtin type's getset or member named {@code name} for {@code o} (new
     * reference), as refheap's lookup of that builtin type computes it; 0 if refheap has none.
     * Never consults the type dicts (the descriptors there come here).
     */
    long builtinAttrValue(long o, String name) {
        PyType t = heap.typeOf(o);
        if (isTypeObject(o)) return typeSpecial(o, name);
        if (rt.isModule(o) && name.equals("__dict__")) return incref(ModuleType.dict(o));
        if (rt.isModule(o) && name.equals("__annotations__")) return moduleAnnotations(o);  // a module subclass's instance
        if (rt.superType.isSuper(t)) return rt.superType.member(o, name);
        GenericAliasType ga = t instanceof GenericAliasType g ? g : rt.genericAliasType.isAlias(o) ? rt.genericAliasType : null;
        if (ga != null) {
            long v = ga.attr(o, name);
            if (v != 0) return v;
        }
        if (t instanceof DictViewType && name.equals("mapping")) return rt.mappingProxyType.create(DictViewType.dict(o));  // dictview_mapping
        ExtType x = t instanceof ExtType e ? e : t instanceof ClassType c && c.builtinLayout() && c.builtinBase instanceof ExtType b ? b : null;
        if (x != null) {
            long v = x.attr(o, name);
            if (v != 0) return v;
        }
        long v = specialAttr(o, t, name);
        return v != 0 ? v : rt.builtinGetSets.extraValue(o, t, name);
    }

    /**
     * type_setattro's refusal for a type refheap defines: CPython's TypeError for an immutable type; a
     * native module's heap type that CPython leaves mutable (HEAPTYPE without IMMUTABLETYPE in its
     * flags, e.g. {@code _abc._abc_data}, and ExceptionGroup) would accept the attribute, which refheap
     * refuses by name.
     */
    private PyException immutableType(long typeObject, String name) {
        PyType t = heap.typeAt(typeObject);
        if (t instanceof NativeType nt && nt.tpFlags() >= 0 && (nt.tpFlags() & PyType.HEAPTYPE) != 0 && (nt.tpFlags() & PyType.IMMUTABLETYPE) == 0
                || ExceptionGroups.isHeapGroup(t)) {  // (PyErr_NewException's type is mutable too)
            return rt.error("NotImplementedError", "refheap does not support setting or deleting attributes of the type '" + t.name() + "' yet");
        }
        return rt.typeError("cannot set '" + name + "' attribute of immutable type '" + t.name() + "'");
    }

    /**
     * Sets ({@code v} borrowed) or deletes ({@code v} 0) the field behind a builtin type's writable
     * getset or member {@code name} of {@code o}; false if refheap cannot.
     */
    boolean setBuiltinField(long o, String name, long v) {
        PyType t = heap.typeOf(o);
        if (isTypeObject(o)) {
            if (!(heap.typeAt(o) instanceof ClassType c)) throw immutableType(o, name);
            if (v != 0 && Attributes.setClassSpecial(rt, o, c, name, v)) return true;
            if (name.equals("__module__") || name.equals("__doc__") || name.equals("__abstractmethods__") || name.equals("__annotations__")) {
                boolean abstractNow = name.equals("__abstractmethods__") && v != 0 && truthy(v);  // type_set_abstractmethods: before storing
                long n = heap.strs.internedOf(name);
                try {
                    if (v != 0) heap.dicts.setItem(c.dict(), n, v);
                    else if (!heap.dicts.delItem(c.dict(), n)) throw rt.error("AttributeError", name);
                } finally {
                    heap.decref(n);
                }
                if (name.equals("__abstractmethods__")) c.abstractFlag = abstractNow;
                return true;
            }
            return false;
        }
        if (t == rt.builtinFunctionType && name.equals("__module__")) {
            rt.builtinFunctionType.setModule(o, v == 0 ? heap.None : v);  // a deleted m_module (NULL) reads as None
            return true;
        }
        if (name.equals("__class__")) {
            if (t instanceof ClassType c) Attributes.setClass(rt, o, c, v);
            else if (t == rt.moduleType) Attributes.setModuleClass(rt, o, t, v);
            else if (v == 0) throw rt.typeError("can't delete __class__ attribute");
            else throw rt.typeError("__class__ assignment only supported for mutable types or ModuleType subclasses");
            return true;
        }
        if (t == rt.functionType) return v != 0 && Attributes.setFunctionSpecial(rt, o, name, v) || rt.builtinGetSets.setFunctionField(o, name, v);
        if (isInstance(o, rt.baseException)) {
            if (v != 0 && setExceptionField(o, name, v)) return true;
            return rt.builtinGetSets.setExceptionMember(o, name, v);
        }
        return rt.builtinGetSets.setOtherField(o, t, name, v);
    }

    /**
     * An attribute of an instance of a class: a property (data descriptor) on the class, then the
     * instance's own value, then the class's attribute (a function becomes a bound method).
     */
    private long instanceAttr(long o, ClassType c, String name) {
        return Attributes.generic(rt, o, c, name);
    }

    /** The instance's own value of {@code name} (borrowed), or 0: from its dict, or its native base's ({@link Attributes#baseAttrDict}). */
    private long instanceValue(long o, ClassType c, String name) {
        if (Attributes.baseKeepsAttrs(c)) return heap.dicts.getItem(Attributes.baseAttrDict(o, c), name);
        return Instances.get(rt, o, c, name);
    }

    long bindDescriptorOf(long descr, long o) { return bindDescriptor(descr, o); }

    /** A callable found on o's class, bound to o the way attribute access binds it (new reference). */
    long bindForCall(long f, long o) {
        long g = heap.typeOf(f) instanceof ClassType ? Attributes.getOnInstance(rt, f, o) : 0;
        return g != 0 ? g : bindDescriptor(f, o);
    }

    private long bindDescriptor(long descr, long o) {
        PyType dt = heap.typeOf(descr);
        if (dt == rt.functionType) return rt.methodType.create(descr, o);
        if (dt instanceof StaticMethodType sm) return sm.bind(descr, Heap.typeAddress(o));
        if (dt instanceof BuiltinDescrType bd) return bd.bind(descr, o, 0);
        if ((dt == rt.getsetType || dt == rt.memberType) && BuiltinGetSets.isBuiltin(descr)) return rt.builtinGetSets.get(descr, o);
        if (dt instanceof NativeType nt) {
            long v = nt.descrGet(descr, o, Heap.typeAddress(o));
            if (v != 0) return v;
        }
        if (dt == rt.builtinFunctionType) {
            var e = rt.builtinFunctionType.entry(descr);
            if (e.ownerType() != null && BuiltinFunctionType.self(descr) == 0) {
                return rt.builtinFunctionType.create(e.name(), e.impl(), o, e.owner());
            }
        }
        return incref(descr);
    }

    /** Whether the {@code __dict__} class {@code c}'s mro gives is a class body's own, not a type's getset (type_add_getset gives way to it). */
    private boolean ownDictAttr(ClassType c) {
        long d = lookupType(c, "__dict__");
        return d != 0 && heap.typeOf(d) != rt.getsetType;
    }

    /** Attributes every object of some builtin type has (__class__, __dict__, exception fields...). */
    long specialAttr(long o, PyType t, String name) {
        switch (name) {
            case "__class__": return incref(Heap.typeAddress(o));
            case "__dict__":
                if (t instanceof ClassType c && c.managed()) return incref(Instances.genericGetDict(rt, o, c));
                if (t instanceof ClassType c && c.dictOffset != 0 && !c.metaclass) return incref(Instances.slotDict(rt, o, c));
                if (t instanceof ExceptionType || t instanceof ClassType ce && ce.exceptionBased) {
                    long d = Native.getLong(o + ExceptionType.DICT);  // BaseException's dict, made on first use
                    if (d == 0) {
                        d = heap.dicts.create();
                        Native.putLong(o + ExceptionType.DICT, d);
                    }
                    return incref(d);
                }
                if (t == rt.functionType) {
                    long d = Native.getLong(o + FunctionType.DICT);
                    if (d == 0) {
                        d = heap.dicts.create();
                        Native.putLong(o + FunctionType.DICT, d);
                    }
                    return incref(d);
                }
                return 0;
            default:
        }
        if (t == rt.functionType && name.equals("__annotations__")) return Attributes.functionAnnotations(rt, o);
        if (t == rt.functionType) {
            int off = switch (name) {
                case "__code__" -> FunctionType.CODE;
                case "__globals__" -> FunctionType.GLOBALS;
                case "__name__" -> FunctionType.NAME;
                case "__qualname__" -> FunctionType.QUALNAME;
                case "__defaults__" -> FunctionType.DEFAULTS;
                case "__closure__" -> FunctionType.CLOSURE;
                case "__doc__" -> FunctionType.DOC;
                case "__module__" -> FunctionType.MODULE;
                case "__kwdefaults__" -> FunctionType.KWDEFAULTS;
                default -> -1;
            };
            if (off > 0) {
                long v = Native.getLong(o + off);
                return incref(v == 0 ? heap.None : v);
            }
            long d = Native.getLong(o + FunctionType.DICT);
            if (d != 0) {
                long v = heap.dicts.getItem(d, name);
                if (v != 0) return incref(v);
            }
        }
        if (t == rt.codeType) {
            switch (name) {
                case "co_consts": return incref(Native.getLong(o + CodeType.CONSTS));
                case "co_names": return incref(Native.getLong(o + CodeType.NAMES));
                case "co_name": return incref(Native.getLong(o + CodeType.NAME));
                case "co_qualname": return incref(Native.getLong(o + CodeType.QUALNAME));
                case "co_filename": return incref(Native.getLong(o + CodeType.FILENAME));
                case "co_varnames": return Instances.varnames(rt, o);
                case "co_firstlineno": return heap.ints.of(rt.codeType.code(o).unit.firstLineno());
                default: {
                    long v = SysInfo.codeAttr(rt, o, name);
                    if (v != 0) return v;
                }
            }
        }
        if (t == rt.methodType) {
            if (name.equals("__self__")) return incref(MethodType.self(o));
            if (name.equals("__func__")) return incref(MethodType.func(o));
            long f = MethodType.func(o);
            // method_getattro: what the method type has itself, else the function's attribute
            // (its __dict__'s dunders too: unittest's __unittest_skip__, functools' __wrapped__)
            if (!name.startsWith("__") || name.equals("__name__") || name.equals("__qualname__") || lookupType(t, name) == 0) {
                long n = heap.strs.internedOf(name);
                try {
                    return getAttrOrNull(f, n);
                } finally {
                    heap.decref(n);
                }
            }
        }
        if (t == rt.builtinFunctionType) {
            if (name.equals("__self__")) {
                long s = BuiltinFunctionType.self(o);
                if (s == 0) s = rt.builtinGetSets.moduleOf(o);  // a module's function: its module, as CPython's m_self
                return incref(s == 0 ? heap.None : s);
            }
            var e = rt.builtinFunctionType.entry(o);
            if (name.equals("__name__")) return heap.strs.of(e.name());
            if (name.equals("__qualname__")) {
                long s = BuiltinFunctionType.self(o);
                // meth_get__qualname__: the type's name (the class itself for a class method) and the name
                if (s == 0 || rt.isModule(s)) return heap.strs.of(e.name());
                PyType owner = isTypeObject(s) ? heap.typeAt(s) : heap.typeOf(s);
                return heap.strs.of(shortName(owner) + "." + e.name());
            }
        }
        if (t instanceof BuiltinDescrType bd) {
            var e = bd.entry(o);
            switch (name) {
                case "__name__": return incref(Native.getLong(o + DescrCommonType.NAME));
                case "__qualname__": return heap.strs.of(shortName(e.owner()) + "." + e.name());
                case "__objclass__": return incref(e.owner().address());
                default:
            }
        }
        if (t == rt.methodWrapperType) {
            var e = rt.methodWrapperType.entry(o);
            switch (name) {
                case "__self__": return incref(MethodWrapperType.self(o));
                case "__name__": return heap.strs.of(e.name());
                case "__qualname__": return heap.strs.of(shortName(e.owner()) + "." + e.name());
                case "__objclass__": return incref(e.owner().address());
                default:
            }
        }
        if (t == rt.cellType && name.equals("cell_contents")) {
            long c = CellType.contents(o);
            if (c == 0) throw rt.error("ValueError", "Cell is empty");
            return incref(c);
        }
        if (t == rt.coroutineType || t == rt.asyncGeneratorType) {
            long v = Coroutines.attr(rt, o, name);
            if (v != 0) return v;
        }
        if (t == rt.generatorType) {
            switch (name) {
                case "gi_frame": {
                    if (GeneratorType.state(o) >= GeneratorType.COMPLETED) return incref(heap.None);
                    return rt.frameType.of(rt.generatorType.frame(o));
                }
                case "gi_running": return bool(GeneratorType.state(o) == GeneratorType.RUNNING);
                case "gi_suspended": return bool(GeneratorType.state(o) == GeneratorType.SUSPENDED);  // 3.11's gen_getsuspended
                case "gi_code": return incref(rt.generatorType.frame(o).codeObj);
                case "gi_yieldfrom": {  // _PyGen_yf: what a suspended `yield from` (its SEND loop) delegates to
                    long yf = Coroutines.awaiting(rt, o);
                    return incref(yf == 0 ? heap.None : yf);
                }
                case "__name__": return incref(Native.getLong(o + GeneratorType.NAME));
                case "__qualname__": return incref(Native.getLong(o + GeneratorType.QUALNAME));
                default:
            }
        }
        if (t == rt.frameType) {
            Frame f = rt.frameType.frame(o);
            switch (name) {
                case "f_locals": return Instances.frameLocals(rt, f);
                case "f_lineno": return heap.ints.of(f.eventLine >= 0 ? f.eventLine : f.line());
                case "f_code": return incref(f.codeObj);
                case "f_globals": return incref(f.globals);
                default: {
                    long v = SysInfo.frameAttr(rt, f, name);
                    if (v != 0) return v;
                }
            }
        }
        if (t == rt.tracebackType) {
            switch (name) {
                case "tb_next": { long n = TracebackType.next(o); return incref(n == 0 ? heap.None : n); }
                case "tb_frame": return incref(TracebackType.frame(o));
                case "tb_lineno": return heap.ints.of(TracebackType.lineno(o));
                case "tb_lasti": return heap.ints.of(TracebackType.lasti(o));  // 3.11's byte offset
                default:
            }
        }
        if (isInstance(o, rt.baseException)) {
            if (ExceptionGroups.isGroup(rt, o)) {
                long v = ExceptionGroups.attr(rt, o, name);
                if (v != 0) return v;
            }
            switch (name) {
                case "args": return incref(ExceptionType.args(o));
                case "__traceback__": { long v = ExceptionType.traceback(o); return incref(v == 0 ? heap.None : v); }
                case "__context__": { long v = ExceptionType.context(o); return incref(v == 0 ? heap.None : v); }
                case "__cause__": { long v = ExceptionType.cause(o); return incref(v == 0 ? heap.None : v); }
                case "__suppress_context__": return bool(Native.getLong(o + ExceptionType.SUPPRESS) != 0);
                case "errno", "strerror", "filename", "filename2", "characters_written":
                    if (isInstance(o, rt.exceptionType("OSError"))) return OSErrorType.attr(rt, o, name);
                    break;
                default:
            }
            if (ExceptionFields.of(t) != null) {
                long v = rt.builtinGetSets.exceptionMember(o, t, name);  // a member: a data descriptor, before the dict
                if (v != 0) return v;
            }
            if (!(t instanceof ClassType)) {
                long d = Native.getLong(o + ExceptionType.DICT);
                if (d != 0) {
                    long v = heap.dicts.getItem(d, name);
                    if (v != 0) return incref(v);
                }
            }
        }
        if (t instanceof Ctypes ct) {
            switch (name) {
                case "value": return ct.value(o);
                case "_objects": return incref(heap.None);  // _CData's: an integer keeps nothing
                case "_b_base_": return incref(Native.getLong(o + Ctypes.B_BASE) == 0 ? heap.None : Native.getLong(o + Ctypes.B_BASE));
                case "_b_needsfree_": return heap.ints.of(Native.getLong(o + Ctypes.B_PTR) == o + Ctypes.BUFFER ? 1 : 0);
                default:
            }
        }
        if (t == heap.floats) {
            if (name.equals("real")) return incref(o);
            if (name.equals("imag")) return heap.floats.of(0.0);
        }
        if (t instanceof IntType && (name.equals("real") || name.equals("numerator"))) return heap.ints.of(IntType.toBig(o));
        if (t instanceof IntType && name.equals("imag")) return heap.ints.of(0);
        if ((t == heap.weakrefs || t instanceof ClassType cw && cw.dataBase == heap.weakrefs) && name.equals("__callback__")) {
            long cb = WeakrefType.callback(o);
            return incref(cb == 0 ? heap.None : cb);
        }
        return 0;
    }

    /** Attribute of a class object: its mro's dicts (functions stay unbound), then type's own attributes. */
    private long typeAttr(long typeObject, String name) {
        PyType t = heap.typeAt(typeObject);
        ClassType metaclass = metaclassOf(typeObject);
        long metaAttr = metaclass == null ? 0 : lookupUserOnly(metaclass, name);
        if (metaAttr != 0 && Attributes.isDataDescriptor(rt, metaAttr)) return Attributes.descriptorGet(rt, metaAttr, typeObject);
        if (metaAttr == 0) {
            // type's getsets and members are data descriptors: they win, unless the metaclass's own dicts,
            // before type's in its mro, have the name (ABCMeta's '__module__' and '__doc__' strings):
            // type_getattro then looks the name up on the class
            long special = typeSpecialFast(typeObject, t, name);
            if (special != 0) return special;
            long typeDescr = lookupBuiltin(heap.typeType, name);
            if (typeDescr != 0 && (heap.typeOf(typeDescr) == rt.getsetType || heap.typeOf(typeDescr) == rt.memberType)) {
                return rt.builtinGetSets.get(typeDescr, typeObject);
            }
        }
        versionTag(t, name);  // type_getattro's _PyType_Lookup(type, name)
        long v = lookupType(t, name);
        if (v != 0) {
            if (heap.typeOf(v) instanceof StaticMethodType sm) return sm.bind(v, typeObject);
            if (heap.typeOf(v) == rt.classMethodDescrType) return rt.classMethodDescrType.bind(v, 0, typeObject);
            long got = Attributes.getOnClass(rt, v, typeObject);
            if (got != 0) return got;
            return incref(v);
        }
        if (metaAttr != 0) return bindForCall(metaAttr, typeObject);  // the metaclass's methods, bound to the class
        if (name.equals("__module__")) return heap.strs.internedOf(t.name().lastIndexOf('.') > 0 ? t.name().substring(0, t.name().lastIndexOf('.')) : "builtins");
        long meta = lookupBuiltin(heap.typeType, name); // type's own methods and getsets, bound to the class
        if (meta != 0) return bindDescriptor(meta, typeObject);
        return 0;
    }

    /** type's getsets and members for class {@code typeObject} (new reference), 0 for a name refheap has no value for. */
    long typeSpecial(long typeObject, String name) {
        PyType t = heap.typeAt(typeObject);
        long v = typeSpecialFast(typeObject, t, name);
        return v != 0 ? v : rt.builtinGetSets.typeValue(typeObject, t, name);
    }

    /** The attributes of a class answered before its mro is looked at (type_getattro's data descriptors refheap keeps fast). */
    private long typeSpecialFast(long typeObject, PyType t, String name) {
        switch (name) {
            case "__name__": return t instanceof ClassType || HeapTypeObjects.is(t) ? incref(Native.getLong(typeObject + ClassType.T_NAME)) : heap.strs.of(shortName(t));
            case "__qualname__": return t instanceof ClassType || HeapTypeObjects.is(t) ? incref(Native.getLong(typeObject + ClassType.T_QUALNAME)) : heap.strs.of(shortName(t));
            case "__dict__": return rt.mappingProxyType.create(t instanceof ClassType c ? c.dict() : rt.slotWrappers.typeDict(t));
            case "__bases__": return incref(t instanceof ClassType ? Native.getLong(typeObject + ClassType.T_BASES) : rt.builtinTypeInfo.bases(t));
            case "__mro__": if (t instanceof ClassType) return incref(Native.getLong(typeObject + ClassType.T_MRO)); return incref(rt.builtinTypeInfo.mro(t));
            case "__base__": if (!(t instanceof ClassType)) {
                PyType b = rt.builtinTypeInfo.base(t);
                return incref(b == null ? heap.None : b.address());
            }
            break;
            case "__class__": return incref(Heap.typeAddress(typeObject));
            default:
        }
        return 0;
    }

    /** tp_name: a builtin type's or a class's own name, a native module's type's or a struct sequence's dotted one ("array.array", "_socket.socket", "sys.flags"). */
    static String tpName(PyType t) {
        return t instanceof NativeType || t instanceof UnmodelledStaticType || t instanceof NamespaceType ? t.name() : t instanceof SysInfo.StructSeqType s ? s.qualified : shortName(t);
    }

    static String shortName(PyType t) {
        String n = t.name();
        int dot = n.lastIndexOf('.');
        return dot >= 0 ? n.substring(dot + 1) : n;
    }

    void setAttr(long o, long nameObj, long v) {
        setAttr(o, nameObj, StrType.value(nameObj), v);
    }

    /** As {@link #setAttr(long, long, long)}, with the name's contents already decoded. */
    void setAttr(long o, long nameObj, String name, long v) {
        PyType t = heap.typeOf(o);
        versionTag(t, name);  // the generic setattr's _PyType_Lookup
        if (t instanceof ClassType m && m.metaclass) {
            Attributes.setOnClass(rt, o, m, nameObj, name, v);
            return;
        }
        if (t instanceof ClassType c) {
            Attributes.set(rt, o, c, nameObj, name, v);
            return;
        }
        if (t instanceof ExtType x && x.setAttr(o, nameObj, v)) return;
        if (t == rt.moduleType) {
            if (name.equals("__class__")) Attributes.setModuleClass(rt, o, t, v);
            else heap.dicts.setItem(ModuleType.dict(o), nameObj, v);
            return;
        }
        if (isTypeObject(o) && heap.typeAt(o) instanceof ClassType) {
            setClassAttr(o, nameObj, name, v);
            return;
        }
        if (t == rt.functionType && Attributes.setFunctionSpecial(rt, o, name, v)) return;
        long builtinDescr = isTypeObject(o) ? 0 : lookupType(t, name);
        if (builtinDescr != 0 && (heap.typeOf(builtinDescr) == rt.getsetType || heap.typeOf(builtinDescr) == rt.memberType)
                && BuiltinGetSets.isBuiltin(builtinDescr)) {
            rt.builtinGetSets.set(builtinDescr, o, v);
            return;
        }
        if (name.equals("__class__") && !isTypeObject(o)) {
            if (!isTypeObject(v)) throw rt.typeError("__class__ must be set to a class, not '" + typeName(v) + "' object");
            throw rt.typeError("__class__ assignment only supported for mutable types or ModuleType subclasses");
        }
        if (t == rt.functionType) {
            long d = Native.getLong(o + FunctionType.DICT);
            if (d == 0) {
                d = heap.dicts.create();
                Native.putLong(o + FunctionType.DICT, d);
            }
            heap.dicts.setItem(d, nameObj, v);
            return;
        }
        if (t instanceof ExceptionType) {
            if (setExceptionField(o, name, v)) return;
            // PyObject_GenericSetAttr: anything else goes in the instance dict (BaseException's, made on first use)
            long d = Native.getLong(o + ExceptionType.DICT);
            if (v != 0) {
                if (d == 0) {
                    d = heap.dicts.create();
                    Native.putLong(o + ExceptionType.DICT, d);
                }
                heap.dicts.setItem(d, nameObj, v);
                return;
            }
            if (d != 0 && heap.dicts.delItem(d, nameObj)) return;
            throw rt.error("AttributeError", "'" + t.name() + "' object has no attribute '" + name + "'");
        }
        if (t instanceof Ctypes ct && name.equals("value")) {
            if (!(rt.ops.baseView(v) instanceof IntType)) throw rt.typeError("'" + typeName(v) + "' object cannot be interpreted as an integer");
            ct.setValue(o, IntType.toBig(v).longValue());
            return;
        }
        if (isTypeObject(o)) throw immutableType(o, name);
        if (lookupType(t, name) != 0) throw rt.error("AttributeError", "'" + t.name() + "' object attribute '" + name + "' is read-only");
        if (t instanceof IntType && (name.equals("real") || name.equals("imag") || name.equals("numerator") || name.equals("denominator"))
                || t == heap.floats && (name.equals("real") || name.equals("imag"))) {
            throw rt.error("AttributeError", "attribute '" + name + "' of '" + t.name() + "' objects is not writable");
        }
        throw rt.error("AttributeError", "'" + t.name() + "' object has no attribute '" + name + "'");
    }

    /** An attribute of an instance of an exception class: a field of BaseException, else its dict. */
    void setExceptionAttribute(long o, ClassType c, long nameObj, String name, long v) {
        if (setExceptionField(o, name, v)) return;
        Instances.setExceptionAttr(rt, o, nameObj, v);
    }

    boolean setExceptionField(long o, String name, long v) {
        if (OSErrorType.memberOffset(name) >= 0 || name.equals("characters_written")) {
            if (isInstance(o, rt.exceptionType("OSError"))) return OSErrorType.setAttr(rt, o, name, v);
        }
        int off = switch (name) {
            case "__traceback__" -> ExceptionType.TRACEBACK;
            case "__context__" -> ExceptionType.CONTEXT;
            case "__cause__" -> ExceptionType.CAUSE;
            case "args" -> ExceptionType.ARGS;
            default -> -1;
        };
        if (off < 0) return false;
        long nv = v == heap.None && off != ExceptionType.ARGS ? 0 : incref(v);
        long old = Native.getLong(o + off);
        Native.putLong(o + off, nv);
        if (off == ExceptionType.CAUSE) Native.putLong(o + ExceptionType.SUPPRESS, 1);
        heap.xdecref(old);
        return true;
    }

    void delAttr(long o, long nameObj) {
        String name = StrType.value(nameObj);
        PyType t = heap.typeOf(o);
        versionTag(t, name);
        if (t instanceof ClassType m && m.metaclass) {
            Attributes.setOnClass(rt, o, m, nameObj, name, 0);
            return;
        }
        if (t instanceof ClassType c) {
            Attributes.set(rt, o, c, nameObj, name, 0);
            return;
        }
        if (t instanceof ExtType x && x.setAttr(o, nameObj, 0)) return;
        if (t == rt.moduleType) {
            if (name.equals("__class__")) Attributes.setModuleClass(rt, o, t, 0);
            if (!heap.dicts.delItem(ModuleType.dict(o), nameObj)) throw attributeError(o, name);
            return;
        }
        if (isTypeObject(o) && heap.typeAt(o) instanceof ClassType) {
            setClassAttr(o, nameObj, name, 0);
            return;
        }
        long descr = isTypeObject(o) ? 0 : lookupType(t, name);
        if (descr != 0 && (heap.typeOf(descr) == rt.getsetType || heap.typeOf(descr) == rt.memberType) && BuiltinGetSets.isBuiltin(descr)) {
            rt.builtinGetSets.set(descr, o, 0);
            return;
        }
        if (t == rt.functionType) {
            long d = Native.getLong(o + FunctionType.DICT);
            if (d != 0 && heap.dicts.delItem(d, nameObj)) return;
        }
        if (t instanceof ExceptionType) {  // BaseException's instance dict
            long d = Native.getLong(o + ExceptionType.DICT);
            if (d != 0 && heap.dicts.delItem(d, nameObj)) return;
        }
        throw attributeError(o, name);
    }

    /** type_setattro on a class defined by Python code ({@code v} 0 deletes): its special attributes, else its dict. */
    void setClassAttr(long o, long nameObj, String name, long v) {
        if (!(heap.typeAt(o) instanceof ClassType c)) throw immutableType(o, name);
        long typeDescr = lookupBuiltin(heap.typeType, name);  // type's getsets and members are data descriptors
        if (typeDescr != 0 && (heap.typeOf(typeDescr) == rt.getsetType || heap.typeOf(typeDescr) == rt.memberType)) {
            rt.builtinGetSets.set(typeDescr, o, v);
            typeModified(c);  // type_setattro: PyType_Modified after any successful set
            return;
        }
        if (v == 0) {
            if (!heap.dicts.delItem(c.dict(), nameObj)) throw attributeError(o, name);
            typeModified(c);
            return;
        }
        if (!Attributes.setClassSpecial(rt, o, c, name, v)) {
            heap.dicts.setItem(c.dict(), nameObj, v);
            if (name.equals("__del__")) c.hasDel = true;
        }
        typeModified(c);
    }

    /**
     * LOAD_METHOD's lookup: a plain function found on the type (not shadowed by the instance) is
     * returned unbound in {@code out[0]} with out[1] = o (both new references); else out[0] = 0 and
     * out[1] = the attribute.
     */
    void loadMethod(long o, long nameObj, long[] out) {
        loadMethod(o, nameObj, StrType.value(nameObj), out);
    }

    /**
     * Whether {@code o}, an instance of a native type with an instance dict (tp_dictoffset: the
     * _io objects, functools.partial...), has {@code nameObj} in that dict, which then shadows a
     * method of the type as _PyObject_GetMethod's dict lookup does.
     */
    private boolean nativeInstanceHas(long o, PyType t, long nameObj) {
        if (!(t instanceof NativeType nt)) return false;
        long off = nt.ownDictOffset();
        if (off <= 0) return false;
        long d = dev.refheap.memory.Native.getLong(o + off);
        return d != 0 && heap.dicts.getItem(d, nameObj) != 0;
    }

    /** As {@link #loadMethod(long, long, long[])}, with the name's contents already decoded. */
    void loadMethod(long o, long nameObj, String name, long[] out) {
        loadMethod(o, nameObj, name, out, false);
    }

    /**
     * As {@link #loadMethod(long, long, String, long[])}; {@code internal}: a call refheap makes for
     * a slot (CPython calls the C slot directly), so a slot wrapper is called unbound too, without
     * the method-wrapper LOAD_METHOD makes (wrapper_descriptor is no method descriptor in 3.11).
     */
    void loadMethod(long o, long nameObj, String name, long[] out, boolean internal) {
        PyType t = heap.typeOf(o);
        if (!internal) versionTag(t, name);
        // Only for the generic attribute lookup (CPython: tp_getattro == PyObject_GenericGetAttr);
        // super's own lookup starts after the class, so super().__init__ is never object.__init__.
        if (!isTypeObject(o) && !rt.isModule(o) && !rt.superType.isSuper(t)
                && !(t instanceof ClassType hc && (Attributes.hooks(rt, hc) & Attributes.GETATTRIBUTE) != 0)) {
            long descr = lookupType(t, name);
            if (descr != 0) {
                PyType dt = heap.typeOf(descr);
                boolean isMethod = dt == rt.functionType || dt == rt.methodDescrType || (internal && dt == rt.wrapperDescrType)
                        || dt instanceof NativeType nt && nt.isMethodDescriptor();
                // (an alias's tp_getattro is ga_getattro: a program's x.name() goes through it, to the origin)
                if (isMethod && !(t instanceof ClassType c && instanceValue(o, c, name) != 0) && !nativeInstanceHas(o, t, nameObj)
                        && (internal || !rt.genericAliasType.isAlias(o))) {
                    out[0] = incref(descr);
                    out[1] = incref(o);
                    return;
                }
            }
        }
        // getAttr can run Python code (a descriptor's __get__, __getattr__) whose own LOAD_METHODs
        // fill the interpreter's shared out array: write both words only after it returned
        long v = getAttr(o, nameObj, name);
        out[0] = 0;
        out[1] = v;
    }

    // ---- calls -------------------------------------------------------------------------------

    /** callable(args[off .. off+n)) with keyword names (a tuple or 0). Arguments are borrowed. */
    long call(long callable, long[] args, int off, int n, long kwnames) {
        PyType t = heap.typeOf(callable);
        if (t == rt.functionType) return rt.interpreter.callFunction(callable, args, off, n, kwnames, false);
        if (t == rt.builtinFunctionType) {
            var e = rt.builtinFunctionType.entry(callable);
            long self = BuiltinFunctionType.self(callable);
            if (e.ownerType() != null && self == 0) {
                if (n == 0) throw rt.typeError("unbound method " + e.ownerType() + "." + e.name() + "() needs an argument");
                if (!isInstance(args[off], e.owner())) {
                    throw rt.typeError("descriptor '" + e.name() + "' for '" + e.ownerType() + "' objects doesn't apply to a '"
                            + typeName(args[off]) + "' object");
                }
                return e.impl().call(args[off], args, off + 1, n - 1, kwnames);
            }
            return e.impl().call(self, args, off, n, kwnames);
        }
        if (t instanceof BuiltinDescrType bd) return bd.call(callable, args, off, n, kwnames);
        if (t == rt.methodWrapperType) return rt.methodWrapperType.call(callable, args, off, n, kwnames);
        if (t == rt.methodType) {
            long[] a = new long[n + 1];
            a[0] = MethodType.self(callable);
            System.arraycopy(args, off, a, 1, n);
            return call(MethodType.func(callable), a, 0, n + 1, kwnames);
        }
        if (isTypeObject(callable)) {
            ClassType meta = metaclassOf(callable);
            long m = meta == null ? 0 : lookupUserOnly(meta, "__call__");
            if (m == 0) return Builtins.callTypeObject(rt, callable, args, off, n, kwnames);
            heap.incref(m);
            try {
                return callFoundOnType(m, callable, args, off, n, kwnames);
            } finally {
                heap.decref(m);
            }
        }
        if (t == rt.genericAliasType) return rt.genericAliasType.call(callable, args, off, n, kwnames);
        if (t == heap.weakrefs) {
            if (n != 0) throw rt.typeError("weakref() takes no arguments");
            return incref(heap.weakrefs.liveReferent(callable));
        }
        if (t instanceof ExtType x) {
            long r = x.call(callable, args, off, n, kwnames);
            if (r != 0) return r;
        }
        if (t instanceof ClassType c) {
            long m = lookupType(c, "__call__");
            if (m != 0) return callFoundOnType(m, callable, args, off, n, kwnames);
        }
        throw rt.typeError("'" + typeName(callable) + "' object is not callable");
    }

    /**
     * slot_tp_call's call of the __call__ found on the type: a function or method descriptor gets
     * {@code self} first (the unbound call), anything else is bound through its __get__ if it has
     * one and called with the arguments alone (typing's {@code __call__ = dict} on a metaclass).
     */
    private long callFoundOnType(long m, long self, long[] args, int off, int n, long kwnames) {
        PyType mt = heap.typeOf(m);
        boolean unbound = mt == rt.functionType || mt instanceof BuiltinDescrType
                || (mt == rt.builtinFunctionType && rt.builtinFunctionType.entry(m).ownerType() != null && BuiltinFunctionType.self(m) == 0);
        if (unbound) {
            long[] a = new long[n + 1];
            a[0] = self;
            System.arraycopy(args, off, a, 1, n);
            return call(m, a, 0, n + 1, kwnames);
        }
        long bound = bindForCall(m, self);
        try {
            return call(bound, args, off, n, kwnames);
        } finally {
            heap.decref(bound);
        }
    }

    /** o.name(args...) with borrowed arguments; AttributeError if absent. */
    /**
     * An operator's method of {@code o} (of class c): a class's (an instance of a metaclass) is
     * looked up on the metaclass only, as the slot is (TypedDictClass | str is type.__or__, not
     * the dict.__or__ the class itself has).
     */
    private long callOperator(ClassType c, long o, String name, long arg) {
        return c.metaclass ? Attributes.callSpecial(rt, o, c, name, new long[] {arg}) : callMethod(o, name, arg);
    }

    long callMethod(long o, String name, long... args) {
        if (heap.typeOf(o) instanceof ClassType c && name.startsWith("__") && name.endsWith("__")
                && (c.metaclass && (name.equals("__repr__") || name.equals("__str__"))
                    || (Attributes.hooks(rt, c) & (Attributes.GETATTRIBUTE | Attributes.GETATTR)) != 0)) {
            // special methods are looked up on the type only (a class's repr/str on its metaclass:
            // repr(cls) with a metaclass __repr__ is the metaclass's, not object.__repr__ found on the class)
            return Attributes.callSpecial(rt, o, c, name, args);
        }
        long n = heap.strs.internedOf(name);
        long[] out = new long[2];
        try {
            loadMethod(o, n, name, out, true);
        } finally {
            heap.decref(n);
        }
        try {
            if (out[0] != 0) {
                long[] a = new long[args.length + 1];
                a[0] = out[1];
                System.arraycopy(args, 0, a, 1, args.length);
                return call(out[0], a, 0, a.length, 0);
            }
            return call(out[1], args, 0, args.length, 0);
        } finally {
            heap.xdecref(out[0]);
            heap.decref(out[1]);
        }
    }

    long call0(long callable, long... args) { return call(callable, args, 0, args.length, 0); }

    void callWeakrefCallback(long callback, long wr) {
        if (rt.closing) return;  // see Runtime.close
        try {
            long r = call0(callback, wr);
            heap.decref(r);
        } catch (PyException e) {
            rt.writeUnraisable(e.exc(), null, callback);
        }
    }

    // ---- exceptions --------------------------------------------------------------------------

    /** A new exception instance of a builtin or user exception type, with {@code args} (stolen). */
    long instantiateException(PyType type, long args) {
        if (type instanceof ClassType c) {
            long e = c.allocInstance();
            long old = ExceptionType.args(e);
            Native.putLong(e + ExceptionType.ARGS, args);
            heap.decref(old);
            return e;
        }
        return instantiateException(type, args, 0, null, 0);
    }

    /**
     * A builtin exception type called: BaseException_new with {@code args} (stolen), then the type's
     * tp_init of its own fields ({@link ExceptionFields#init}) with the keywords {@code kwNames}
     * (values at {@code kwValues[kwAt...]}; 0 for none). The instance is released if that raises.
     */
    long instantiateException(PyType type, long args, long kwNames, long[] kwValues, int kwAt) {
        return instantiateException(type, args, kwNames, kwValues, kwAt, true);
    }

    /** As above; without {@code init} the fields stay NULL (BaseException_new alone: {@code T.__new__(T)}). */
    long instantiateException(PyType type, long args, long kwNames, long[] kwValues, int kwAt, boolean init) {
        long e = heap.allocObject(type, 0);
        ExceptionType.init(e, args);
        if (type instanceof OSErrorType) OSErrorType.initFields(e);
        ExceptionFields f = type instanceof ExceptionType et ? et.fields : null;
        if (f != null) f.zero(e);
        heap.track(e);
        if (f != null && init) {
            try {
                f.init(rt, e, kwNames, kwValues, kwAt);
            } catch (RuntimeException ex) {
                heap.decref(e);
                throw ex;
            }
        }
        return e;
    }

    boolean isExceptionType(long typeObject) {
        return isTypeObject(typeObject) && isSubtype(heap.typeAt(typeObject), rt.baseException);
    }

    // ---- numbers -----------------------------------------------------------------------------

    long binaryOp(BinaryOp op, long a, long b, boolean releaseB) {
        try {
            return binaryOp(op, a, b);
        } finally {
            if (releaseB) heap.decref(b);
        }
    }

    long binaryOp(BinaryOp op, long a, long b) {
        if (heap.typeOf(a) instanceof ExtType || heap.typeOf(b) instanceof ExtType) {
            long r = extBinary(op, a, b);
            if (r != 0) return r;
        }
        // a dict's |= takes a view as pairs (dict_ior is a's in-place slot, tried before b's reflected one)
        if ((heap.typeOf(a) instanceof DictViewType || heap.typeOf(b) instanceof DictViewType)
                && !(op == BinaryOp.INPLACE_OR && heap.typeOf(a) == heap.dicts)) {
            long r = DictViewSetOps.binary(rt, op, a, b);
            if (r != 0) return r;
        }
        boolean reflectedTried = false, inplaceTried = false;
        if (heap.typeOf(b) instanceof ClassType cb && heap.typeOf(a) != cb && isSubtype(cb, heap.typeOf(a))) {
            // binary_op1 / slot_nb_*: when b's class is a proper subclass of a's that overrides the
            // reflected method (method_is_overloaded), b's reflected method goes first (after a's
            // in-place one for an augmented assignment), and is not tried again after a's
            String rd = "__r" + op.base().dunder.substring(2);
            long rm = lookupType(cb, rd);
            if (rm != 0 && rm != lookupType(heap.typeOf(a), rd)) {
                if (op.isInplace() && heap.typeOf(a) instanceof ClassType ca && lookupType(ca, op.dunder) != 0) {
                    long r = callOperator(ca, a, op.dunder, b);
                    if (r != rt.notImplemented) return r;
                    heap.decref(r);
                    inplaceTried = true;
                }
                long r = callOperator(cb, b, rd, a);
                if (r != rt.notImplemented) return r;
                heap.decref(r);
                reflectedTried = true;
            }
        }
        try {
            PyType va = heap.typeOf(a), vb = heap.typeOf(b);
            if (va instanceof ClassType || vb instanceof ClassType) {
                // an instance of a subclass of a builtin that does not define the operator takes its base's
                va = asBuiltin(va, op.base().dunder);
                // b's reflected method was tried first (b's class derives from a's): a's slot takes b by its layout
                vb = (reflectedTried || slotTakes(va, vb)) && vb instanceof ClassType cv && cv.dataBase != null ? cv.dataBase : asBuiltin(vb, "__r" + op.base().dunder.substring(2));
                if (op.isInplace() && heap.typeOf(a) instanceof ClassType c && lookupUserOnly(c, op.dunder) != 0) va = c;
                long r = dataBaseBinary(op, a, b, va, vb);
                if (r != 0) return r;
            }
            long r = Numbers.binary(rt, op.base(), a, b, va, vb);
            if (r != 0) return r;
            r = Sequences.binary(rt, op, a, b, va, vb);
            if (r != 0) return r;
        } catch (PyError e) {
            throw rt.fromPyError(e);
        }
        PyType ta = heap.typeOf(a), tb = heap.typeOf(b);
        if (op.base() == BinaryOp.OR && !(ta instanceof ClassType) && !(tb instanceof ClassType)) {
            long u = rt.unionType.union(a, b);
            if (u != 0) return u;
        }
        if (ta instanceof ClassType ca) {
            if (op.isInplace() && !inplaceTried && lookupType(ca, op.dunder) != 0) return callOperator(ca, a, op.dunder, b);
            String dunder = op.base().dunder;
            if (lookupType(ca, dunder) != 0) {
                long r = callOperator(ca, a, dunder, b);
                if (r != rt.notImplemented) return r;
                heap.decref(r);
            }
        }
        if (tb instanceof ClassType cb && !reflectedTried && tb != ta) {  // binary_op1: b's slot only for another type
            String rd = "__r" + op.base().dunder.substring(2);
            if (lookupType(cb, rd) != 0) {
                long r = callOperator(cb, b, rd, a);
                if (r != rt.notImplemented) return r;
                heap.decref(r);
            }
        }
        if (op.base() == BinaryOp.ADD && (ta == heap.strs || ta == heap.lists || ta == heap.tuples || ta == heap.bytes)) {
            if (ta == heap.bytes) throw rt.typeError("can't concat " + tb.name() + " to bytes");
            throw rt.typeError("can only concatenate " + ta.name() + " (not \"" + tb.name() + "\") to " + ta.name());
        }
        boolean left = false;
        if (op.base() == BinaryOp.MULTIPLY && ((left = repeatsBy(a, b)) || repeatsBy(b, a))) {
            // sq_repeat with an operand whose type has __index__ (PyNumber_Index, as sequence_repeat takes it)
            long n = numberIndex(left ? b : a);
            try {
                return binaryOp(op, left ? a : n, left ? n : b);
            } finally {
                heap.decref(n);
            }
        }
        if (op.base() == BinaryOp.MULTIPLY && (ta == heap.strs || ta == heap.lists || ta == heap.tuples || tb == heap.strs || tb == heap.lists || tb == heap.tuples)) {
            PyType other = (ta == heap.strs || ta == heap.lists || ta == heap.tuples) ? tb : ta;
            throw rt.typeError("can't multiply sequence by non-int of type '" + other.name() + "'");
        }
        if (op.base() == BinaryOp.REMAINDER && (baseView(a) == heap.bytes || baseView(a) == rt.byteArrayType)) {
            // bytes_mod / bytearray_mod: printf-style formatting of bytes
            return Formats.percentBytes(rt, BufferProtocol.bytesOrNull(rt, a), b, baseView(a) == rt.byteArrayType);
        }
        String symbol = op == BinaryOp.POWER ? "** or pow()" : op.symbol;  // as CPython's ternary_op reports it
        throw rt.typeError("unsupported operand type(s) for " + symbol + ": '" + ta.name() + "' and '" + tb.name() + "'");
    }

    /** Whether {@code seq} is a builtin sequence with sq_repeat (str, list, tuple, bytes, bytearray) and {@code n} no int but has __index__. */
    private boolean repeatsBy(long seq, long n) {
        PyType t = baseView(seq);
        boolean repeatable = t == heap.strs || t == heap.lists || t == heap.tuples || t == heap.bytes || t == rt.byteArrayType;
        return repeatable && !(baseView(n) instanceof IntType) && hasIndex(n);
    }

    /**
     * Whether a's builtin number slot ({@code va}: int, bool, float or complex) takes an instance of
     * class {@code vb} by its data base before b's own slot is asked: long_add takes ints, float_add
     * (CONVERT_TO_DOUBLE) ints and floats, complex_add ints, floats and complexes. Such a slot
     * answers, so b's reflected method is never asked ({@code 1.5 + MyInt(2)} is 3.5 though MyInt
     * defines __radd__).
     */
    private boolean slotTakes(PyType va, PyType vb) {
        if (!(vb instanceof ClassType c) || c.dataBase == null || va instanceof ClassType) return false;
        PyType d = c.dataBase;
        if (va == heap.ints || va == heap.bools) return d == heap.ints;
        if (va == heap.floats) return d == heap.ints || d == heap.floats;
        if (va == rt.complexType) return d == heap.ints || d == heap.floats || d == rt.complexType;
        return false;
    }

    /**
     * a op b when a or b is an instance of a subclass of an {@link ExtType} data base (complex,
     * bytearray) that does not define the operator ({@code va}, {@code vb} from {@link #asBuiltin}):
     * the base's in-place form, its slot, then b's base's; 0 if none answers.
     */
    private long dataBaseBinary(BinaryOp op, long a, long b, PyType va, PyType vb) {
        if (va instanceof ExtType x && va != heap.typeOf(a)) {
            if (op.isInplace()) {
                long r = x.inplace(op.base(), a, b);
                if (r != 0) return r;
            }
            long r = x.binary(op.base(), a, b);
            if (r != 0) return r;
        }
        if (vb instanceof ExtType y && vb != va && vb != heap.typeOf(b)) return y.binary(op.base(), a, b);
        return 0;
    }

    /** a op b when a or b is of an {@link ExtType}: a's in-place form, a's, then b's; 0 if neither answers. */
    private long extBinary(BinaryOp op, long a, long b) {
        if (heap.typeOf(a) instanceof ExtType x) {
            if (op.isInplace()) {
                long r = x.inplace(op.base(), a, b);
                if (r != 0) return r;
            }
            long r = x.binary(op.base(), a, b);
            if (r != 0) return r;
        }
        if (heap.typeOf(b) instanceof ExtType y && heap.typeOf(b) != heap.typeOf(a)) return y.binary(op.base(), a, b);
        return 0;
    }

    long unary(String op, long a) {
        return unaryAs(asBuiltin(heap.typeOf(a), switch (op) { case "-" -> "__neg__"; case "+" -> "__pos__"; default -> "__invert__"; }), op, a);
    }

    /** A unary operator by type {@code t}'s number slot ({@code a}'s type, or an int or float base). */
    long unaryAs(PyType t, String op, long a) {
        if (t instanceof ExtType x) {
            long r = x.unary(op, a);
            if (r != 0) return r;
        }
        if (t instanceof IntType) {
            if (op.equals("+") && t == heap.ints && heap.typeOf(a) == heap.ints) return incref(a);
            BigInteger v = IntType.toBig(a);
            return switch (op) {
                case "-" -> heap.ints.of(v.negate());
                case "+" -> heap.ints.of(v);
                default -> heap.ints.of(v.not());
            };
        }
        if (t == heap.floats && !op.equals("~")) {
            if (op.equals("+") && heap.typeOf(a) == heap.floats) return incref(a);  // float_pos: an exact float is itself
            return heap.floats.of(op.equals("-") ? -FloatType.value(a) : FloatType.value(a));
        }
        if (t instanceof ClassType c) {
            String d = switch (op) { case "-" -> "__neg__"; case "+" -> "__pos__"; default -> "__invert__"; };
            if (lookupType(c, d) != 0) return callMethod(a, d);
        }
        throw rt.typeError("bad operand type for unary " + op + ": '" + t.name() + "'");
    }

    // ---- comparison ----------------------------------------------------------------------------

    static final String[] CMP_SYMBOLS = {"<", "<=", "==", "!=", ">", ">="};
    private static final String[] CMP_DUNDERS = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
    private static final int[] CMP_SWAPPED = {4, 5, 2, 3, 0, 1};

    /** a op b as an object (new reference). */
    long compare(int op, long a, long b) {
        PyType ta = heap.typeOf(a), tb = heap.typeOf(b);
        if (richNative(ta) != null || richNative(tb) != null) return nativeRichCompare(op, a, b);
        if (ta instanceof ClassType || tb instanceof ClassType) return compareRich(op, a, b);
        if (ta == heap.weakrefs && tb == heap.weakrefs && (op == 2 || op == 3)) return compareWeakrefs(op, a, b);
        return bool(compareBool(op, a, b));
    }

    /** The native type with a tp_richcompare of its own ({@link NativeType#hasRichCompare}) whose slot instances of {@code t} use, or null. */
    private NativeType richNative(PyType t) {
        if (t instanceof NativeType n) return n.hasRichCompare() ? n : null;
        if (t instanceof ClassType c && c.builtinBase instanceof NativeType n && n.hasRichCompare()) return n;
        return null;
    }

    /** The tp_richcompare slot of {@code a}'s type applied to (a, b): a class's own dunder, else its native base's; 0 for NotImplemented (or none). */
    private long richSlot(int op, long a, long b) {
        PyType t = heap.typeOf(a);
        if (t instanceof ClassType c && lookupUserOnly(c, CMP_DUNDERS[op]) != 0) {
            long r = callCompareSpecial(a, c, CMP_DUNDERS[op], b);
            if (r != rt.notImplemented) return r;
            heap.decref(r);
            return 0;
        }
        NativeType n = richNative(t);
        if (n != null) {
            long r = n.richCompareOf(op, a, b);
            if (r == rt.notImplemented) {
                heap.decref(r);
                return 0;
            }
            return r;
        }
        return 0;  // the other operand's builtin comparison does not know this one: NotImplemented
    }

    /**
     * do_richcompare where an operand's type (or its class's native base) has a native
     * tp_richcompare: the reflected slot first when b's type is a proper subtype of a's that
     * overrides it, a's slot, b's reflected slot, then identity for == and !=, else TypeError.
     */
    private long nativeRichCompare(int op, long a, long b) {
        PyType ta = heap.typeOf(a), tb = heap.typeOf(b);
        boolean checkedReverse = false;
        if (ta != tb && isSubtype(tb, ta) && (tb instanceof ClassType cb && lookupUserOnly(cb, CMP_DUNDERS[CMP_SWAPPED[op]]) != 0 || richNative(tb) != richNative(ta))) {
            checkedReverse = true;
            long r = richSlot(CMP_SWAPPED[op], b, a);
            if (r != 0) return r;
        }
        long r0 = richSlot(op, a, b);
        if (r0 != 0) return r0;
        if (!checkedReverse) {
            long r = richSlot(CMP_SWAPPED[op], b, a);
            if (r != 0) return r;
        }
        if (op == 2) return bool(a == b);
        if (op == 3) return bool(a != b);
        throw rt.typeError("'" + CMP_SYMBOLS[op] + "' not supported between instances of '" + ta.name() + "' and '" + tb.name() + "'");
    }

    private long compareRich(int op, long a, long b) {
        PyType ta = heap.typeOf(a), tb = heap.typeOf(b);
        if (ta instanceof WeakProxyType pa) return compare(op, pa.referent(a), tb instanceof WeakProxyType pb ? pb.referent(b) : b);  // proxy_richcompare
        boolean checkedReverse = false;
        if (ta != tb && tb instanceof ClassType cr && !cr.metaclass && isSubtype(tb, ta)) {
            // do_richcompare: a right operand whose class is a proper subclass of the left's goes first
            // (its reflected dunder; for != without its own __ne__, object.__ne__: not its __eq__)
            String sw = CMP_DUNDERS[CMP_SWAPPED[op]];
            if (lookupUserOnly(cr, sw) != 0) {
                checkedReverse = true;
                long r = callCompareSpecial(b, cr, sw, a);
                if (r != rt.notImplemented) return r;
                heap.decref(r);
            } else if (op == 3 && lookupUserOnly(cr, "__eq__") != 0) {
                long r = callEqForObjectNe(b, cr, a);
                if (r != rt.notImplemented) {
                    boolean v = truthy(r);
                    heap.decref(r);
                    return bool(!v);
                }
                heap.decref(r);
            }
        }
        if (ta instanceof ClassType ca && lookupUserOnly(ca, CMP_DUNDERS[op]) != 0) {
            long r = callCompareSpecial(a, ca, CMP_DUNDERS[op], b);  // a class compared by its metaclass's method, not object's found on it
            if (r != rt.notImplemented) return r;
            heap.decref(r);
        }
        if (!checkedReverse && tb instanceof ClassType cb && lookupUserOnly(cb, CMP_DUNDERS[CMP_SWAPPED[op]]) != 0) {
            long r = callCompareSpecial(b, cb, CMP_DUNDERS[CMP_SWAPPED[op]], a);
            if (r != rt.notImplemented) return r;
            heap.decref(r);
        }
        if (ta instanceof ExtType || tb instanceof ExtType) {  // a proxy compared with an instance: its referent's comparison
            ExtType x = ta instanceof ExtType xa ? xa : (ExtType) tb;
            Boolean r = x.eqForRich(a, b);
            if (r != null) {
                if (op == 2) return bool(r);
                if (op == 3) return bool(!r);
                Integer c = x.order(op, a, b);
                if (c != null) return bool(switch (op) { case 0 -> c < 0; case 1 -> c <= 0; case 4 -> c > 0; default -> c >= 0; });
            }
        }
        if ((op == 2 || op == 3) && rt.genericAliasType.isAlias(a) && rt.genericAliasType.isAlias(b)) {
            return bool(rt.genericAliasType.equal(a, b) == (op == 2));  // ga_richcompare, inherited by a subclass
        }
        PyType ba = asBuiltin(ta, CMP_DUNDERS[op]), bb = asBuiltin(tb, CMP_DUNDERS[CMP_SWAPPED[op]]);
        if (ba == heap.weakrefs && bb == heap.weakrefs && (op == 2 || op == 3)) return compareWeakrefs(op, a, b);  // the referents' own result
        if ((ba != ta || bb != tb) && !(ba instanceof ClassType) && !(bb instanceof ClassType)) {
            if (!checkedReverse && ta != tb && tb instanceof ClassType && isSubtype(tb, ta) && ba == bb && (ba == heap.lists || ba == heap.tuples)) {
                // do_richcompare: a proper subtype's slot goes first even when inherited, reflected, so
                // the items compare as b[i] == a[i] (unittest.mock's _CallList == [call(ANY)] relies on it)
                Boolean r = compareAsBuiltin(CMP_SWAPPED[op], b, bb, a, ba);
                if (r != null) return bool(r);
            }
            Boolean r = compareAsBuiltin(op, a, ba, b, bb);  // the base's tp_richcompare on subclass instances
            if (r != null) return bool(r);
        } else if (!(ba instanceof ClassType) || !(bb instanceof ClassType)) {
            // one side's own dunder said NotImplemented (or it has none): the other side's builtin
            // tp_richcompare still takes it by its layout (long_richcompare(1, E(0)) for class E(int)
            // whose __lt__ returns NotImplemented)
            PyType va = ba instanceof ClassType ? baseView(a) : ba, vb = bb instanceof ClassType ? baseView(b) : bb;
            if (!(va instanceof ClassType) && !(vb instanceof ClassType) && (va != ta || vb != tb)) {
                Boolean r = compareAsBuiltin(op, a, va, b, vb);
                if (r != null) return bool(r);
            }
        }
        if (op == 2) return bool(a == b);
        if (op == 3) {
            if (ta instanceof ClassType ca && lookupUserOnly(ca, "__eq__") != 0) {
                long r = callEqForObjectNe(a, ca, b);
                if (r != rt.notImplemented) {
                    boolean v = truthy(r);
                    heap.decref(r);
                    return bool(!v);
                }
                heap.decref(r);
            }
            // the reflected side's object.__ne__ (b's slot for NE, inherited): not b.__eq__(a)
            if (tb instanceof ClassType cb && lookupUserOnly(cb, "__eq__") != 0 && lookupUserOnly(cb, "__ne__") == 0) {
                long r = callEqForObjectNe(b, cb, a);
                if (r != rt.notImplemented) {
                    boolean v = truthy(r);
                    heap.decref(r);
                    return bool(!v);
                }
                heap.decref(r);
            }
            return bool(a != b);
        }
        throw rt.typeError("'" + CMP_SYMBOLS[op] + "' not supported between instances of '" + ta.name() + "' and '" + tb.name() + "'");
    }

    boolean compareBool(int op, long a, long b) {
        if (richNative(heap.typeOf(a)) != null || richNative(heap.typeOf(b)) != null) {
            long r = nativeRichCompare(op, a, b);
            try {
                return truthy(r);
            } finally {
                heap.decref(r);
            }
        }
        if (heap.typeOf(a) instanceof ClassType || heap.typeOf(b) instanceof ClassType) {
            long r = compareRich(op, a, b); // the classes' __lt__ and friends (sorted, min, max, containers)
            try {
                return truthy(r);
            } finally {
                heap.decref(r);
            }
        }
        if (heap.typeOf(a) instanceof DictViewType || heap.typeOf(b) instanceof DictViewType) {
            Boolean r = DictViewSetOps.compare(rt, op, a, b);
            if (r != null) return r;
        }
        if (op == 2 || op == 3) {
            // memory_richcompare has no identity shortcut: a view holding a NaN is not equal to itself
            boolean eq = a == b && heap.typeOf(a) == rt.memoryViewType ? rt.memoryViewType.eq(a, b) : eq(a, b);
            return op == 2 ? eq : !eq;
        }
        if (nanOperand(a, b)) return false;  // float_richcompare: every ordering of a NaN is false (the three-way order below would say 0)
        PyType ta = heap.typeOf(a);
        if ((ta == heap.lists || ta == heap.tuples) && heap.typeOf(b) == ta) {
            return compareSequences(op, a, b, ta == heap.lists);  // the first differing items compared with op itself (NaN <= NaN is false)
        }
        int c = order(op, a, b);
        return switch (op) {
            case 0 -> c < 0;
            case 1 -> c <= 0;
            case 4 -> c > 0;
            default -> c >= 0;
        };
    }

    /** An int or float compared with a float NaN. */
    private boolean nanOperand(long a, long b) {
        PyType ta = heap.typeOf(a), tb = heap.typeOf(b);
        boolean nanA = ta == heap.floats && Double.isNaN(FloatType.value(a)), nanB = tb == heap.floats && Double.isNaN(FloatType.value(b));
        return (nanA && (tb == heap.floats || tb instanceof IntType)) || (nanB && (ta == heap.floats || ta instanceof IntType));
    }

    /**
     * a op b where a subclass instance takes its builtin base's comparison ({@code ba}, {@code bb}:
     * the types whose tp_richcompare applies): tuplerichcompare, list_richcompare, dict_richcompare
     * (== and != only), set_richcompare; null when the bases do not compare (NotImplemented).
     */
    Boolean compareAsBuiltin(int op, long a, PyType ba, long b, PyType bb) {
        if (ba == heap.tuples && bb == heap.tuples) return compareSequences(op, a, b, false);
        if (Numbers.isNumber(ba, heap) && Numbers.isNumber(bb, heap)) {
            boolean fa = ba == heap.floats, fb = bb == heap.floats;
            if (fa && Double.isNaN(FloatType.value(a)) || fb && Double.isNaN(FloatType.value(b))) return op == 3;
            int c = Numbers.compare(a, b, fa, fb);
            return switch (op) { case 0 -> c < 0; case 1 -> c <= 0; case 2 -> c == 0; case 3 -> c != 0; case 4 -> c > 0; default -> c >= 0; };
        }
        if (ba == heap.lists && bb == heap.lists) return compareSequences(op, a, b, true);
        if (ba == heap.weakrefs && bb == heap.weakrefs) {  // weakref_richcompare: == and != only
            if (op != 2 && op != 3) return null;
            long r = compareWeakrefs(op, a, b);
            try {
                return truthy(r);
            } finally {
                heap.decref(r);
            }
        }
        if ((ba == rt.namespaceType || bb == rt.namespaceType) && (op == 2 || op == 3)) {  // namespace_richcompare, inherited
            Boolean r = rt.namespaceType.eq(a, b);
            if (r != null) return r == (op == 2);
        }
        if ((ba == rt.complexType || bb == rt.complexType) && (op == 2 || op == 3)) {  // complex_richcompare
            Boolean r = rt.complexType.eq(a, b);
            if (r != null) return r == (op == 2);
        }
        // an ExtType data base's tp_richcompare (bytearray's: both buffers; deque's: both deques), else NotImplemented
        ExtType xd = ba instanceof ExtType e1 && ba.isDataBase() ? e1 : bb instanceof ExtType e2 && bb.isDataBase() ? e2 : null;
        if (xd != null) {
            Integer c = xd.order(op, a, b);
            if (c != null) return switch (op) { case 0 -> c < 0; case 1 -> c <= 0; case 2 -> c == 0; case 3 -> c != 0; case 4 -> c > 0; default -> c >= 0; };
        }
        if (ba == heap.bytes && bb == heap.bytes) {  // bytes_richcompare
            int c = java.util.Arrays.compareUnsigned(BytesType.value(a), BytesType.value(b));
            return switch (op) { case 0 -> c < 0; case 1 -> c <= 0; case 2 -> c == 0; case 3 -> c != 0; case 4 -> c > 0; default -> c >= 0; };
        }
        if (ba == heap.strs && bb == heap.strs) {  // PyUnicode_RichCompare
            int c = op == 2 || op == 3 ? (heap.strs.equals(a, b) ? 0 : 1) : Strings.compareCodePoints(StrType.value(a), StrType.value(b));
            return switch (op) { case 0 -> c < 0; case 1 -> c <= 0; case 2 -> c == 0; case 3 -> c != 0; case 4 -> c > 0; default -> c >= 0; };
        }
        // a native subclass of a data base with its own tp_richcompare (OrderedDict's), inherited by a Python subclass
        ExtType xn = ba instanceof ExtType e3 && ba.dataBase() != null && ba.dataBase() != ba ? e3
                : bb instanceof ExtType e4 && bb.dataBase() != null && bb.dataBase() != bb ? e4 : null;
        if (xn != null && (op == 2 || op == 3)) {
            Boolean r = xn.eq(a, b);
            if (r != null) return r == (op == 2);
        }
        if (ba == heap.dicts && bb == heap.dicts && (op == 2 || op == 3)) {
            boolean same;
            try {
                same = heap.dicts.contentsEqual(a, b);
            } catch (PyError e) {
                throw rt.fromPyError(e);
            }
            return op == 2 == same;
        }
        if ((ba == heap.sets || ba == heap.frozensets) && (bb == heap.sets || bb == heap.frozensets)) {
            long na = SetType.size(a), nb = SetType.size(b);
            return switch (op) {
                case 2 -> na == nb && !SetType.knownHashesDiffer(a, b) && SetMethods.isSubset(rt, a, b);
                case 3 -> !(na == nb && !SetType.knownHashesDiffer(a, b) && SetMethods.isSubset(rt, a, b));
                case 0 -> na < nb && SetMethods.isSubset(rt, a, b);
                case 1 -> na <= nb && SetMethods.isSubset(rt, a, b);
                case 4 -> na > nb && SetMethods.isSubset(rt, b, a);
                default -> na >= nb && SetMethods.isSubset(rt, b, a);
            };
        }
        return null;
    }

    /** tuplerichcompare / list_richcompare over the items in the base layout of {@code a} and {@code b}. */
    private boolean compareSequences(int op, long a, long b, boolean list) {
        long na = list ? ListType.size(a) : TupleType.size(a), nb = list ? ListType.size(b) : TupleType.size(b);
        if ((op == 2 || op == 3) && na != nb) return op == 3;
        long i = 0;
        for (; i < Math.min(na, nb); i++) {
            if (list && (i >= ListType.size(a) || i >= ListType.size(b))) break;  // an __eq__ shrank a list
            long x = list ? ListType.item(a, i) : TupleType.item(a, i), y = list ? ListType.item(b, i) : TupleType.item(b, i);
            if (x == y) continue;
            if (!(list ? eqHeld(x, y) : eq(x, y))) break;
        }
        na = list ? ListType.size(a) : na;
        nb = list ? ListType.size(b) : nb;
        if (i >= na || i >= nb) {
            int c = Long.compare(na, nb);
            return switch (op) { case 0 -> c < 0; case 1 -> c <= 0; case 2 -> c == 0; case 3 -> c != 0; case 4 -> c > 0; default -> c >= 0; };
        }
        if (op == 2) return false;
        if (op == 3) return true;
        return compareBool(op, list ? ListType.item(a, i) : TupleType.item(a, i), list ? ListType.item(b, i) : TupleType.item(b, i));
    }

    /**
     * PyObject_RichCompareBool(a, b, Py_EQ): the same object is equal to itself (a NaN too), else
     * a == b. What containers use to find and compare items; {@link #eq} is the {@code ==} operator.
     */
    boolean eqOrSame(long a, long b) { return a == b || eq(a, b); }

    /** eqOrSame with {@code stored} (a list's item) held across the comparison: list_contains, index, count, remove (an __eq__ may shrink the list). */
    boolean eqOrSameHeld(long stored, long v) {
        heap.incref(stored);
        try {
            return eqOrSame(stored, v);
        } finally {
            heap.decref(stored);
        }
    }

    /** a == b with both held across the comparison, as list_richcompare holds two lists' items (an __eq__ may clear either list). */
    private boolean eqHeld(long a, long b) {
        heap.incref(a);
        heap.incref(b);
        try {
            return eq(a, b);
        } finally {
            heap.decref(a);
            heap.decref(b);
        }
    }

    /** a == b (may call __eq__). */
    boolean eq(long a, long b) {
        if (a == b) return !(heap.typeOf(a) == heap.floats && Double.isNaN(FloatType.value(a)));
        PyType ta = heap.typeOf(a), tb = heap.typeOf(b);
        if (richNative(ta) != null || richNative(tb) != null) return compareBool(2, a, b);
        if (ta instanceof ClassType || tb instanceof ClassType) {
            long r = compareRich(2, a, b);
            boolean v = truthy(r);
            heap.decref(r);
            return v;
        }
        if (ta instanceof ExtType || tb instanceof ExtType) {
            Boolean r = ta instanceof ExtType x ? x.eq(a, b) : null;
            if (r == null && tb instanceof ExtType y) r = y.eq(a, b);
            return r != null && r;
        }
        try {
            return heap.objectsEqual(a, b);
        } catch (PyError e) {
            throw rt.fromPyError(e);
        }
    }

    boolean instanceEquals(long a, long b) { return eq(a, b); }

    /** a == b as a truth value with no identity shortcut (PyObject_RichCompare, then its truth). */
    boolean richEquals(long a, long b) {
        long r = compare(2, a, b);
        try {
            return truthy(r);
        } finally {
            heap.decref(r);
        }
    }

    /**
     * weakref_richcompare's == and != (a new reference): while both referents live, the referents'
     * own comparison, with no identity shortcut (so their __eq__ runs even for two refs to one
     * object, or for a ref compared with itself), each referent held for its duration; once either
     * died, whether the two are the same ref.
     */
    private long compareWeakrefs(int op, long a, long b) {
        long x = heap.weakrefs.liveReferent(a), y = heap.weakrefs.liveReferent(b);
        if (x == heap.None || y == heap.None) return bool((a == b) == (op == 2));
        heap.incref(x);
        heap.incref(y);
        try {
            return compare(op, x, y);
        } finally {
            heap.decref(x);
            heap.decref(y);
        }
    }

    /** Three-way order for builtin values (lists and tuples are compareSequences'); TypeError when not orderable. */
    private int order(int op, long a, long b) {
        PyType ta = heap.typeOf(a), tb = heap.typeOf(b);
        if (ta instanceof ExtType || tb instanceof ExtType) {
            Integer r = ta instanceof ExtType x ? x.order(op, a, b) : null;
            if (r == null && tb instanceof ExtType y) r = y.order(op, a, b);
            if (r != null) return r;
        }
        boolean na = ta instanceof IntType || ta == heap.floats, nb = tb instanceof IntType || tb == heap.floats;
        if (na && nb) return Numbers.compare(a, b, ta == heap.floats, tb == heap.floats);
        if (ta == heap.strs && tb == heap.strs) return Integer.signum(Strings.compareCodePoints(StrType.value(a), StrType.value(b)));
        if (ta == heap.bytes && tb == heap.bytes) return java.util.Arrays.compareUnsigned(BytesType.value(a), BytesType.value(b));
        if ((ta == heap.sets || ta == heap.frozensets) && (tb == heap.sets || tb == heap.frozensets)) {
            boolean sub = SetMethods.isSubset(rt, a, b), sup = SetMethods.isSubset(rt, b, a);
            if (sub && sup) return 0;
            if (op == 0 || op == 1) return sub ? -1 : 1;
            return sup ? 1 : -1;
        }
        throw rt.typeError("'" + CMP_SYMBOLS[op] + "' not supported between instances of '" + ta.name() + "' and '" + tb.name() + "'");
    }

    boolean contains(long container, long item) {
        return containsAs(asBuiltin(heap.typeOf(container), "__contains__"), container, item);
    }

    /** {@code item in container} by type {@code t}'s sq_contains (its own type or a builtin base). */
    boolean containsAs(PyType t, long container, long item) {
        try {
            if (t == heap.dicts) return heap.dicts.contains(container, item);
            if (t == heap.sets || t == heap.frozensets) {
                PyType it = heap.typeOf(item);  // only a set (or a subclass) is looked up again as a frozenset
                if (it != heap.sets && !(it instanceof ClassType)) return heap.sets.contains(container, item);
                return SetMethods.withFrozenKeyRetry(rt, item, k -> heap.sets.contains(container, k));
            }
        } catch (PyError e) {
            throw rt.fromPyError(e);
        }
        if (t instanceof DictViewType dv && dv.kind == IterType.Kind.DICT_KEYS) return heap.dicts.contains(DictViewType.dict(container), item);
        if (t instanceof DictViewType dv && dv.kind == IterType.Kind.DICT_ITEMS) {
            // dictitems_contains: a pair's key looked up, its value held while compared with the pair's
            if (!heap.typeOf(item).isSubtypeOf(heap.tuples) || TupleType.size(item) != 2) return false;
            long found;
            try {
                found = heap.dicts.getItem(DictViewType.dict(container), TupleType.item(item, 0));
            } catch (PyError e) {
                throw rt.fromPyError(e);
            }
            if (found == 0) return false;
            heap.incref(found);
            try {
                return eqOrSame(found, TupleType.item(item, 1));
            } finally {
                heap.decref(found);
            }
        }
        if (t == heap.strs) {
            if (!Heap.isStr(item)) throw rt.typeError("'in <string>' requires string as left operand, not " + typeName(item));
            return StrType.value(container).contains(StrType.value(item));
        }
        if (t == heap.lists) {
            for (long i = 0; i < ListType.size(container); i++) if (eqOrSameHeld(ListType.item(container, i), item)) return true;
            return false;
        }
        if (t == heap.tuples) {
            for (long i = 0; i < TupleType.size(container); i++) if (eqOrSame(TupleType.item(container, i), item)) return true;
            return false;
        }
        if (t == heap.bytes) return ByteArrayType.containsIn(rt, BytesType.value(container), item);  // bytes_contains
        if (t == rt.rangeType && heap.typeOf(item) instanceof IntType) return rt.rangeType.containsInt(container, item);
        if (t instanceof ExtType x) {
            int r = x.contains(container, item);
            if (r >= 0) return r == 1;
        }
        if (t instanceof ClassType c && lookupType(c, "__contains__") != 0) {
            long r = callMethod(container, "__contains__", item);
            boolean v = truthy(r);
            heap.decref(r);
            return v;
        }
        long it;
        try {
            it = iter(container);
        } catch (PyException e) {  // _PySequence_IterSearch replaces iter()'s TypeError
            if (!isInstance(e.exc(), rt.exceptions.get("TypeError"))) throw e;
            heap.decref(e.exc());
            throw rt.typeError("argument of type '" + t.name() + "' is not iterable");
        }
        try {
            for (long v = next(it); v != 0; v = next(it)) {
                boolean found = eqOrSame(v, item);
                heap.decref(v);
                if (found) return true;
            }
            return false;
        } finally {
            heap.decref(it);
        }
    }

    // ---- hashing -----------------------------------------------------------------------------

    long hash(long o) {
        try {
            return heap.hash(o);
        } catch (PyError e) {
            throw rt.fromPyError(e);
        }
    }

    long hashInstance(long o, ClassType c) {
        if (c.builtinBase == rt.genericAliasType && lookupUserOnly(c, "__hash__") == 0 && lookupUserOnly(c, "__eq__") == 0) {
            return rt.genericAliasType.hash(o);  // ga_hash, inherited
        }
        if (c.builtinBase instanceof NativeType nt && nt.hasRichCompare() && lookupUserOnly(c, "__hash__") == 0 && lookupUserOnly(c, "__eq__") == 0) {
            return nt.hash(o);  // the native base's tp_hash, inherited
        }
        if (c.dataBase != null && lookupUserOnly(c, "__hash__") == 0 && lookupUserOnly(c, "__eq__") == 0) {
            // the base's tp_hash, inherited (list's, dict's and set's: PyObject_HashNotImplemented)
            if (c.dataBase == heap.lists || c.dataBase == heap.dicts || c.dataBase == heap.sets) throw rt.typeError("unhashable type: '" + c.name() + "'");
            try {
                return c.dataBase.hash(o);
            } catch (PyError e) {
                throw rt.fromPyError(e);
            }
        }
        long h = lookupType(c, "__hash__");
        if (h == heap.None) throw rt.typeError("unhashable type: '" + c.name() + "'");
        // slot_tp_hash: a __hash__ a class of the MRO defines (a function, any other callable such as
        // unittest.mock's Mock, a builtin one a subclass names: `__hash__ = weakref.ref.__hash__`) is called
        if (h != 0 && (heap.typeOf(h) == rt.functionType || lookupUserOnly(c, "__hash__") != 0)) {
            long r = callMethod(o, "__hash__");
            try {
                if (!(rt.ops.baseView(r) instanceof IntType)) throw rt.typeError("__hash__ method should return an integer");
                // slot_tp_hash: a value that fits Py_ssize_t is the hash itself (-1 becomes -2); a
                // larger int gives its own hash
                if (IntType.fitsLong(r)) {
                    long v = IntType.asLong(r);
                    return v == -1 ? -2 : v;
                }
                return dev.refheap.object.Hashing.hashBig(IntType.toBig(r));
            } finally {
                heap.decref(r);
            }
        }
        if (lookupUserOnly(c, "__eq__") != 0 && h == 0) throw rt.typeError("unhashable type: '" + c.name() + "'");
        long y = Long.rotateRight(o, 4);
        return y == -1 ? -2 : y;
    }

    // ---- items -------------------------------------------------------------------------------

    long len(long o) {
        return lenAs(asBuiltin(heap.typeOf(o), "__len__"), o);
    }

    /** Whether o is an int or its type has __index__ (PyIndex_Check, ints included). */
    boolean hasIndex(long o) {
        return baseView(o) instanceof IntType || lookupType(heap.typeOf(o), "__index__") != 0;
    }

    /**
     * PyNumber_Index as a new reference, always an exact int: an int (a subclass's value: its own
     * __index__ is not called), else its type's __index__, whose result must be an int; a strict
     * subclass of int is taken with 3.11's DeprecationWarning.
     */
    long numberIndex(long o) {
        if (heap.typeOf(o) == heap.ints) return incref(o);
        if (baseView(o) instanceof IntType) return heap.ints.of(IntType.toBig(o));
        if (lookupType(heap.typeOf(o), "__index__") == 0) throw rt.typeError("'" + typeName(o) + "' object cannot be interpreted as an integer");
        return exactIntResult(callMethod(o, "__index__"), "__index__");
    }

    /**
     * bytes(x)'s and bytearray(x)'s size argument: where {@code x} passes _PyIndex_Check, its
     * PyNumber_Index (a new reference); 0 when it does not, or when __index__ raised TypeError (taken
     * and released: the caller goes on to the buffer and iterable forms, as PyNumber_AsSsize_t's
     * TypeError falls through there). Any other exception propagates.
     */
    long indexUnlessTypeError(long x) {
        if (!hasIndex(x)) return 0;
        try {
            return numberIndex(x);
        } catch (PyException e) {
            dropTypeError(e);
            return 0;
        }
    }

    /**
     * For a caller that turns a TypeError into something else (a fallback, or a TypeError of its
     * own message): rethrows {@code e} unless its exception is a TypeError, which it releases.
     */
    void dropTypeError(PyException e) {
        if (!isInstance(e.exc(), rt.exceptionType("TypeError"))) throw e;
        heap.decref(e.exc());
    }

    /**
     * The check PyNumber_Index and PyNumber_Long make of an {@code __index__} or {@code __int__}
     * result {@code r} (a new reference, taken): an exact int as it is, an int subclass's value
     * with 3.11's DeprecationWarning, anything else TypeError.
     */
    long exactIntResult(long r, String dunder) {
        if (heap.typeOf(r) == heap.ints) return r;
        try {
            String what = dunder + " returned non-int (type " + typeName(r) + ")";
            if (!(baseView(r) instanceof IntType)) throw rt.typeError(what);
            Warnings.warn(rt, "DeprecationWarning", what + ".  The ability to return an instance"
                    + " of a strict subclass of int is deprecated, and may be removed in a future version of Python.", 1);
            return heap.ints.of(IntType.toBig(r));
        } finally {
            heap.decref(r);
        }
    }

    /** len(o) by type {@code t}'s sq_length (its own type or a builtin base). */
    long lenAs(PyType t, long o) {
        if (t == heap.strs) return StrType.length(o);
        if (t == heap.lists) return ListType.size(o);
        if (t == heap.tuples) return TupleType.size(o);
        if (t == heap.dicts) return DictType.size(o);
        if (t == heap.sets || t == heap.frozensets) return SetType.size(o);
        if (t == heap.bytes) return BytesType.length(o);
        if (t == rt.rangeType) return rt.rangeType.len(o);
        if (t instanceof DictViewType) return DictType.size(DictViewType.dict(o));
        if (t instanceof ExtType x && x.len(o) >= 0) return x.len(o);
        if (t instanceof ClassType c && lookupType(c, "__len__") != 0) {
            long r = callMethod(o, "__len__");
            try {
                if (!(rt.ops.baseView(r) instanceof IntType)) throw rt.typeError("'" + typeName(r) + "' object cannot be interpreted as an integer");
                long v = IntType.asLong(r);
                if (v < 0) throw rt.error("ValueError", "__len__() should return >= 0");
                return v;
            } finally {
                heap.decref(r);
            }
        }
        throw rt.typeError("object of type '" + t.name() + "' has no len()");
    }

    long getItem(long o, long key) {
        if (extOf(o, "__getitem__") instanceof ExtType x) {
            long r = x.getItem(o, key);
            if (r != 0) return r;
        }
        return Sequences.getItem(rt, o, key);
    }

    void setItem(long o, long key, long v) {
        if (extOf(o, "__setitem__") instanceof ExtType x && x.setItem(o, key, v)) return;
        Sequences.setItem(rt, o, key, v);
    }

    void delItem(long o, long key) {
        if (extOf(o, "__delitem__") instanceof ExtType x && x.delItem(o, key)) return;
        Sequences.delItem(rt, o, key);
    }

    /**
     * The {@link ExtType} whose slot for {@code dunder} applies to {@code o}: its type, or the
     * data base of a subclass that does not define it (a bytearray subclass's item access); else null.
     */
    private ExtType extOf(long o, String dunder) {
        PyType t = heap.typeOf(o);
        if (t instanceof ExtType x) return x;
        return t instanceof ClassType c && c.dataBase instanceof ExtType && asBuiltin(c, dunder) instanceof ExtType x ? x : null;
    }

    // ---- iteration ---------------------------------------------------------------------------

    long iter(long o) {
        return iterAs(asBuiltin(heap.typeOf(o), "__iter__"), o);
    }

    /** iter(o) by type {@code t}'s tp_iter (its own type or a builtin base). */
    long iterAs(PyType t, long o) {
        if (t == heap.lists) return rt.iterType.create(IterType.Kind.LIST, o, 0);
        if (t == heap.tuples) return rt.iterType.create(IterType.Kind.TUPLE, o, 0);
        if (t == heap.strs) {  // unicode_iter: the ASCII iterator only for a compact ASCII str
            return rt.iterType.create(heap.typeOf(o) == heap.strs && StrType.isAscii(o) ? IterType.Kind.STR : IterType.Kind.STR_ANY, o, 0);
        }
        if (t == heap.dicts) return rt.iterType.create(IterType.Kind.DICT_KEYS, o, 0);
        if (t == heap.sets || t == heap.frozensets) return rt.iterType.create(IterType.Kind.SET, o, 0);
        if (t == rt.rangeType) return rt.rangeType.iter(o);
        if (t instanceof DictViewType dv) return dv.iter(o);
        if (t == heap.bytes) return rt.iterType.create(IterType.Kind.BYTES, o, 0);
        if (t == rt.generatorType || rt.iterType.isIterator(o) || t == rt.rangeType.iterType || t == rt.rangeType.longIterType) return incref(o);
        if (t == rt.streams && rt.streams.isIterator(o)) return incref(o);
        if (t == rt.genericAliasType) return rt.iterType.create(IterType.Kind.GA, o, 0);  // ga_iter
        if (t instanceof ExtType x) {
            long r = x.iter(o);
            if (r != 0) return r;
        }
        if (t instanceof ClassType c) {
            if (c.builtinBase instanceof IterType && lookupUserOnly(c, "__iter__") == 0) return incref(o);  // PyObject_SelfIter inherited
            long iterFn = lookupType(c, "__iter__");
            if (iterFn == heap.None) throw rt.typeError("'" + c.name() + "' object is not iterable");  // slot_tp_iter: __iter__ = None
            if (iterFn != 0) {
                long r = callMethod(o, "__iter__");
                PyType rtp = heap.typeOf(r);
                if (!(rtp instanceof ClassType rc && lookupType(rc, "__next__") != 0) && rtp != rt.generatorType
                        && !rt.iterType.isIterator(r) && rtp != rt.rangeType.iterType && rtp != rt.rangeType.longIterType
                        && !(rtp instanceof ExtType x && x.isIterator())) {
                    heap.decref(r);
                    throw rt.typeError("iter() returned non-iterator of type '" + rtp.name() + "'");
                }
                return r;
            }
            if (lookupType(c, "__getitem__") != 0) return Sequences.sequenceIterator(rt, o);
        }
        throw rt.typeError("'" + t.name() + "' object is not iterable");
    }

    /** PyIter_Check: {@code o}'s type has a __next__ (tp_iternext) that {@link #next} dispatches to. */
    boolean isIterator(long o) {
        PyType t = heap.typeOf(o);
        return t instanceof IterType || t == rt.generatorType || t == rt.rangeType.iterType || t == rt.rangeType.longIterType
                || t == rt.streams && rt.streams.isIterator(o) || t instanceof ExtType x && x.isIterator()
                || t instanceof ClassType c && lookupType(c, "__next__") != 0;
    }

    /** next(it) as a new reference, or 0 when exhausted (StopIteration is absorbed). */
    long next(long it) {
        PyType t = heap.typeOf(it);
        if (t == rt.rangeType.iterType) return rt.rangeType.iterType.next(it);
        if (t == rt.rangeType.longIterType) return rt.rangeType.longIterType.next(it);
        if (t instanceof IterType || t instanceof ClassType c && c.builtinBase instanceof IterType && lookupUserOnly(c, "__next__") == 0) {
            return rt.iterType.next(it);  // a subclass of map, zip...: tp_iternext inherited
        }
        if (t == rt.streams && rt.streams.isIterator(it)) return rt.streams.next(it);
        if (t == rt.generatorType) return rt.interpreter.generatorNext(it);
        if (t instanceof ExtType x && x.isIterator()) return x.next(it);
        if (t instanceof ClassType c && lookupType(c, "__next__") != 0) {
            try {
                return callMethod(it, "__next__");
            } catch (PyException e) {
                if (isInstance(e.exc(), rt.exceptionType("StopIteration"))) {
                    heap.decref(e.exc());
                    return 0;
                }
                throw e;
            }
        }
        throw rt.typeError("'" + t.name() + "' object is not an iterator");
    }

    // ---- formatting ----------------------------------------------------------------------------

    /** format(v, spec) for FORMAT_VALUE and format(). */
    String format(long v, String spec) {
        PyType t = heap.typeOf(v);
        if (t instanceof ClassType c && lookupOverride(c, "__format__") != 0) {
            long s = heap.strs.of(spec);
            try {
                return strResult(callTypeSpecial(v, c, "__format__", s), "__format__");
            } finally {
                heap.decref(s);
            }
        }
        if (t instanceof NativeType) {  // a native type's own __format__ (datetime's), not object's
            long f = lookupType(t, "__format__");
            if (f != 0 && heap.typeOf(f) instanceof BuiltinDescrType bd && bd.entry(f).owner() != heap.objectType) {
                long s = heap.strs.of(spec);
                try {
                    return strResult(callMethod(v, "__format__", s), "__format__");
                } finally {
                    heap.decref(s);
                }
            }
        }
        if (spec.isEmpty()) return str(v);
        return Formats.format(rt, v, spec);
    }
}

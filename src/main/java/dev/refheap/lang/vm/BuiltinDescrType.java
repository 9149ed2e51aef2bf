package dev.refheap.lang.vm;

import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;

/**
 * The descriptors of builtin types' methods, as CPython 3.11's descrobject.c makes them:
 * {@code method_descriptor} (a method in tp_methods: {@code list.append}),
 * {@code classmethod_descriptor} (a METH_CLASS method: {@code dict.__dict__['fromkeys']}) and
 * {@code wrapper_descriptor} (a slot wrapper: {@code list.__iter__}, {@code int.__add__}).
 *
 * <p>Layout: PyDescr_COMMON (d_type, d_name, d_qualname), then d_method (d_base for a slot
 * wrapper; here the handle of the Java implementation, an {@link BuiltinFunctionType.Entry}) and
 * one more word (vectorcall, d_wrapped: 0): 56 bytes, getsizeof 72, tracked, traversal visits
 * d_type only.
 *
 * <p>Binding ({@code __get__}): a method descriptor on an instance gives a
 * {@code builtin_function_or_method} bound to it; a classmethod descriptor binds to the class
 * (from an instance too); a slot wrapper gives a {@code method-wrapper}. On a class (obj None)
 * method and wrapper descriptors stay themselves. Calling one unbound checks the first argument
 * with CPython's messages, then runs the implementation with it as self.
 *
 * <p>States: made at start-up, each held by the runtime (the type's dict) for its whole life.
 */
final class BuiltinDescrType extends DescrCommonType {
    enum Kind { METHOD, CLASSMETHOD, WRAPPER }

    static final int IMPL = EXTRA, WORD2 = 48;
    final Kind kind;
    final Handles<BuiltinFunctionType.Entry> entries = new Handles<>();

    BuiltinDescrType(Runtime rt, Kind kind) {
        super(rt, switch (kind) {
            case METHOD -> "method_descriptor";
            case CLASSMETHOD -> "classmethod_descriptor";
            case WRAPPER -> "wrapper_descriptor";
        }, 56);
        this.kind = kind;
    }

    /** A new descriptor of builtin type {@code owner} named {@code name}, running {@code impl}. */
    long create(PyType owner, String name, Builtin impl) {
        long d = createDescr(owner.address(), name, entries.add(new BuiltinFunctionType.Entry(name, impl, owner)));
        put(d, WORD2, 0);
        return d;
    }

    /** {@link #create}'s entry without the descriptor (a runtime made to adopt a start-up image, whose memory has the descriptor). */
    void defineEntry(PyType owner, String name, Builtin impl) { entries.add(new BuiltinFunctionType.Entry(name, impl, owner)); }

    BuiltinFunctionType.Entry entry(long d) { return entries.get((int) get(d, IMPL)); }

    String name(long d) { return StrType.value(get(d, NAME)); }

    String repr(long d) {
        var e = entry(d);
        return "<" + (kind == Kind.WRAPPER ? "slot wrapper" : "method") + " '" + e.name() + "' of '" + Ops.tpName(e.owner()) + "' objects>";
    }

    /** Calls the unbound descriptor: the first argument is self (or the class, for a classmethod). */
    long call(long d, long[] a, int off, int n, long kw) {
        var e = entry(d);
        String owner = Ops.tpName(e.owner());
        int npos = n - Args.nkw(kw);
        if (npos == 0) {
            if (kind == Kind.METHOD) throw rt.typeError("unbound method " + owner + "." + e.name() + "() needs an argument");
            throw rt.typeError("descriptor '" + e.name() + "' of '" + owner + "' object needs an argument");
        }
        long self = a[off];
        if (kind == Kind.CLASSMETHOD) {
            if (!rt.ops.isTypeObject(self)) {
                throw rt.typeError("descriptor '" + e.name() + "' for type '" + owner + "' needs a type, not a '" + rt.ops.typeName(self) + "' as arg 2");
            }
            if (!rt.ops.isSubtype(heap.typeAt(self), e.owner())) {
                throw rt.typeError("descriptor '" + e.name() + "' requires a subtype of '" + owner + "' but received '" + Ops.shortName(heap.typeAt(self)) + "'");
            }
        } else if (!rt.ops.isInstance(self, e.owner())) {
            if (kind == Kind.WRAPPER) {
                throw rt.typeError("descriptor '" + e.name() + "' requires a '" + owner + "' object but received a '" + rt.ops.typeName(self) + "'");
            }
            throw rt.typeError("descriptor '" + e.name() + "' for '" + owner + "' objects doesn't apply to a '" + rt.ops.typeName(self) + "' object");
        }
        if (kind == Kind.WRAPPER && kw != 0 && TupleType.size(kw) > 0 && !takesKeywords(e.name())) throw rt.typeError("wrapper " + e.name() + "() takes no keyword arguments");
        return e.impl().call(self, a, off + 1, n - 1, kw);
    }

    /** The slots whose wrappers take keyword arguments (PyWrapperFlag_KEYWORDS): __init__ and __call__. */
    static boolean takesKeywords(String name) { return name.equals("__init__") || name.equals("__call__"); }

    /** descr.__get__(obj, type): {@code obj} 0 means the class access (None is an instance like any other). New reference. */
    long bind(long d, long obj, long type) {
        var e = entry(d);
        if (kind == Kind.CLASSMETHOD) {
            long cls = type != 0 && type != heap.None ? type : obj != 0 ? dev.refheap.object.Heap.typeAddress(obj) : 0;
            if (cls == 0) throw rt.typeError("descriptor '" + e.name() + "' for type '" + Ops.tpName(e.owner()) + "' needs either an object or a type");
            return rt.builtinFunctionType.create(e.name(), e.impl(), cls, e.owner());
        }
        if (obj == 0) {
            heap.incref(d);
            return d;
        }
        if (!rt.ops.isInstance(obj, e.owner())) {
            throw rt.typeError("descriptor '" + e.name() + "' for '" + Ops.tpName(e.owner()) + "' objects doesn't apply to a '" + rt.ops.typeName(obj) + "' object");
        }
        if (kind == Kind.WRAPPER) return rt.methodWrapperType.create(d, obj);
        return rt.builtinFunctionType.create(e.name(), e.impl(), obj, e.owner());
    }

    @Override
    public void dealloc(long o) {
        entries.remove((int) get(o, IMPL));
        super.dealloc(o);
    }
}

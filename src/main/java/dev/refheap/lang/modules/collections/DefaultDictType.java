package dev.refheap.lang.modules.collections;

import dev.refheap.lang.bytecode.BinaryOp;
import dev.refheap.lang.vm.NativeType;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.DictType;
import dev.refheap.object.Heap;
import dev.refheap.object.Layout;
import dev.refheap.object.PyError;
import dev.refheap.object.PyType;
import java.util.function.LongConsumer;

/**
 * {@code collections.defaultdict}: CPython 3.11's defdictobject, a dict subclass written in C.
 * Layout: PyDictObject (48 bytes) then {@code default_factory} at 48 (basicsize 56; no
 * {@code __dict__}, no {@code __weakref__}); GC-tracked from creation. Everything not defined here
 * is dict's: the VM treats instances as dicts ({@link #dataBase}) for the slots this type does not
 * define, so {@code d[k]} is dict_subscript, which calls {@code __missing__} for a key that is
 * absent. Traversal: the factory, then dict's (gc.get_referents order); dealloc: the factory,
 * then dict's dealloc. Python subclasses extend this layout (their __weakref__ at 56).
 *
 * <p>Invariant: the factory slot owns its reference (0 until {@code __init__} ran, shown as None).
 */
final class DefaultDictType extends NativeType {
    /** DICT_SUBCLASS | MATCH_SELF | HAVE_GC | BASETYPE | IMMUTABLETYPE | READY | MAPPING, as CPython 3.11.7 reports. */
    @Override
    public long tpFlags() { return 0x20405540; }

    static final long FACTORY = 48;

    private final DictType dicts;

    DefaultDictType(VmApi vm) {
        super(vm, "collections.defaultdict", vm.heap.dicts, PyType.HAVE_GC | PyType.BASETYPE, 56, 0, 0);
        this.dicts = vm.heap.dicts;
    }

    static long factory(long d) { return Native.getLong(d + FACTORY); }

    @Override
    public PyType dataBase() { return dicts; }

    @Override
    public void initSubtypeInstance(long o) { dicts.initSubtypeInstance(o); }

    /** dict_new then defdict_init: a tracked empty instance, then the factory and dict's own __init__. */
    @Override
    public long newInstance(long[] a, int off, int n, long kw) {
        long d = heap.allocObject(this, 0);
        Native.fill(d + Layout.OBJECT_HEAD, basicSize() - Layout.OBJECT_HEAD, (byte) 0);
        dicts.initSubtypeInstance(d);
        heap.track(d);
        try {
            init(d, a, off, n, kw);
        } catch (RuntimeException e) {
            heap.decref(d);
            throw e;
        }
        return d;
    }

    /** defdict_init: the first positional argument is the factory (callable or None), the rest go to dict.__init__. */
    void init(long d, long[] a, int off, int n, long kw) {
        int npos = n - (kw == 0 ? 0 : (int) dev.refheap.object.TupleType.size(kw));
        long factory = heap.None;
        if (npos > 0) {
            factory = a[off];
            if (factory != heap.None && !vm.isCallable(factory)) throw vm.error("TypeError", "first argument must be callable or None");
        }
        long old = factory(d);
        Native.putLong(d + FACTORY, vm.incref(factory));
        heap.xdecref(old);
        if (n - (npos > 0 ? 1 : 0) == 0) return;
        long initName = vm.str("__init__");
        long dictInit;
        try {
            dictInit = vm.getAttr(dicts.address(), initName);
        } finally {
            heap.decref(initName);
        }
        try {
            long[] args = new long[npos > 0 ? n : n + 1];  // self, then the arguments after the factory (keywords only: all n)
            args[0] = d;
            System.arraycopy(a, off + (npos > 0 ? 1 : 0), args, 1, n - (npos > 0 ? 1 : 0));
            heap.decref(vm.callArgs(dictInit, args, 0, npos > 0 ? n : n + 1, kw));
        } finally {
            heap.decref(dictInit);
        }
    }

    /** defdict_missing: KeyError without a factory; else {@code d[key] = factory()} (through d's __setitem__), returned. */
    long missing(long d, long key) {
        long factory = factory(d);
        if (factory == 0 || factory == heap.None) {
            throw new PyException(vm.callArgs(vm.exceptionType("KeyError").address(), new long[] {key}, 0, 1, 0));
        }
        long value = vm.call(factory);
        try {
            vm.setItem(d, key, value);
        } catch (RuntimeException e) {
            heap.decref(value);
            throw e;
        }
        return value;
    }

    /** defdict_copy: {@code type(d)(d.default_factory, d)}. */
    long copy(long d) {
        long factory = factory(d) == 0 ? heap.None : factory(d);
        return vm.call(Heap.typeAddress(d), factory, d);
    }

    /**
     * defdict_repr: {@code name(factory repr, dict repr)}; the dict's repr first, then the factory's
     * between Py_ReprEnter and Py_ReprLeave, "..." when the factory is already being shown (and, as
     * in 3.11, Py_ReprLeave then unmarks it all the same).
     */
    @Override
    public String reprOf(long d) {
        String name = heap.typeOf(d).name();
        name = name.substring(name.lastIndexOf('.') + 1);
        String base = vm.reprAs(dicts, d);
        long factory = factory(d);
        if (factory == 0) return name + "(None, " + base + ")";
        String f;
        try {
            f = vm.reprEnter(factory) != 0 ? "..." : vm.repr(factory);
        } finally {
            vm.reprLeave(factory);
        }
        return name + "(" + f + ", " + base + ")";
    }

    @Override
    public long attrOf(long d, String name) {
        if (!name.equals("default_factory")) return 0;
        return vm.incref(factory(d) == 0 ? heap.None : factory(d));
    }

    @Override
    public boolean setAttrOf(long d, String name, long v) {
        if (!name.equals("default_factory")) return false;
        setDescriptorValue(d, name, v);
        return true;
    }

    /** The member {@code default_factory} (in the type's dict) is T_OBJECT: set to anything, deleted to NULL. */
    @Override
    public boolean writableDescriptor(String name) { return name.equals("default_factory"); }

    @Override
    public void setDescriptorValue(long d, String name, long v) {
        long old = factory(d);
        Native.putLong(d + FACTORY, v == 0 ? 0 : vm.incref(v));
        heap.xdecref(old);
    }

    /** defdict_or: a copy of the defaultdict operand (its type and factory) updated with the other, a dict; else NotImplemented (0). */
    @Override
    public long binaryOf(BinaryOp op, long a, long b) {
        if (op != BinaryOp.OR) return 0;
        boolean left = heap.typeOf(a).isSubtypeOf(this);
        long self = left ? a : b, other = left ? b : a;
        if (!heap.typeOf(other).isSubtypeOf(dicts)) return 0;
        long factory = factory(self) == 0 ? heap.None : factory(self);
        long r = vm.call(Heap.typeAddress(self), factory, a);
        try {
            heap.decref(vm.callMethod(r, "update", b));
        } catch (RuntimeException e) {
            heap.decref(r);
            throw e;
        }
        return r;
    }

    /** dict_richcompare: equal when both are dicts with the same items (== and != only). */
    @Override
    public Boolean eqOf(long a, long b) {
        if (!heap.typeOf(a).isSubtypeOf(dicts) || !heap.typeOf(b).isSubtypeOf(dicts)) return null;
        try {
            return dicts.contentsEqual(a, b);
        } catch (PyError e) {
            throw vm.error(e.pythonType(), e.getMessage());
        }
    }

    @Override
    public long hash(long o) { throw new PyError("TypeError", "unhashable type: '" + name() + "'"); }  // PyObject_HashNotImplemented: tp_name

    @Override
    public void traverse(long d, LongConsumer visit) {
        long f = factory(d);
        if (f != 0) visit.accept(f);
        dicts.traverse(d, visit);
    }

    @Override
    public void references(long d, LongConsumer visit) {
        long f = factory(d);
        if (f != 0) visit.accept(f);
        dicts.references(d, visit);
    }

    @Override
    public boolean hasClear() { return true; }

    @Override
    public void clear(long d) {
        clearFactory(d);
        dicts.clear(d);
    }

    private void clearFactory(long d) {
        long f = factory(d);
        if (f != 0) {
            Native.putLong(d + FACTORY, 0);
            heap.decref(f);
        }
    }

    @Override
    public void dealloc(long d) {
        heap.untrackIfTracked(d);
        clearFactory(d);
        dicts.dealloc(d);
    }

    @Override
    public long sizeOf(long d) { return dicts.subtypeSizeOf(d, basicSize()); }
}

package dev.refheap.lang.modules;

import dev.refheap.lang.vm.NativeType;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import java.util.function.LongConsumer;

/**
 * A native type whose instances are a fixed C struct: the object header, then words at given
 * offsets, some of them owned object pointers (0 for NULL). The owned fields are listed in the
 * order CPython's tp_traverse visits them, which is also the order dealloc releases them in
 * (subclasses with a different dealloc order override {@link #dealloc}). Scalars (Py_ssize_t,
 * int flags) live in the other words. Instances are allocated zeroed ({@link #alloc}: all fields
 * NULL/0, untracked); the constructor fills them, then tracks a GC instance.
 */
public abstract class FieldsType extends NativeType {
    private final int[] fields;

    protected FieldsType(VmApi vm, String name, int flags, long basicSize, long weaklistOffset, int... ownedFields) {
        this(vm, name, flags, basicSize, 0, weaklistOffset, ownedFields);
    }

    /** A fixed-size type extending native type {@code base} (tp_base; null for object). */
    protected FieldsType(VmApi vm, String name, dev.refheap.object.PyType base, int flags, long basicSize, long weaklistOffset, int... ownedFields) {
        super(vm, name, base, flags, basicSize, 0, weaklistOffset);
        this.fields = ownedFields;
    }

    /** A variable-size type: {@code itemSize} bytes per item after the basic size (ob_size counts them). */
    protected FieldsType(VmApi vm, String name, int flags, long basicSize, long itemSize, long weaklistOffset, int[] ownedFields) {
        super(vm, name, flags, basicSize, itemSize, weaklistOffset);
        this.fields = ownedFields;
    }

    /**
     * Whether instances hold a reference to their type, as instances of CPython's heap types do,
     * for a type whose type object is static here (HEAPTYPE only in its declared flags): this class
     * takes and releases that reference. A type registered as a heap type (HEAPTYPE in its flags,
     * {@code VmApi.registerHeapType}) has it taken and released by the heap, as any heap type's.
     */
    protected boolean heapTypeInstances() { return false; }

    /** Whether this class takes and releases the instances' reference to their type ({@link #heapTypeInstances}). */
    private boolean ownsTypeReference() { return heapTypeInstances() && !hasFlag(dev.refheap.object.PyType.HEAPTYPE); }

    /** Whether instances of this very type visit their type first (a heap type's traverse). */
    private boolean visitsType() { return heapTypeInstances() || hasFlag(dev.refheap.object.PyType.HEAPTYPE); }

    /** A new instance, every word after the header 0 (not tracked yet). */
    protected final long alloc() { return alloc(0); }

    /** A new instance of a variable-size type with {@code nitems} items, all words after ob_size 0. */
    protected final long alloc(long nitems) {
        java.util.function.LongSupplier sub = nitems == 0 ? takeSubtypeAlloc() : null;
        if (sub != null) {
            // an instance of the Python subclass being constructed (it holds its class): untracked,
            // as this type's own are until their fields are set
            long o = sub.getAsLong();
            if (isGc()) heap.untrackIfTracked(o);
            return o;
        }
        long o = heap.allocObject(this, nitems);
        long from = itemSize() == 0 ? 16 : 24;
        Native.fill(o + from, basicSize() + nitems * itemSize() - from, (byte) 0);
        if (ownsTypeReference()) heap.incref(typeObject());
        return o;
    }

    /** An instance's tp_init work, run on a new, tracked instance by {@link #trackAndInit}. */
    @FunctionalInterface
    protected interface Init {
        void run(long o, long[] a, int off, int n, long kwnames);
    }

    /**
     * The end of tp_new + tp_init for a gc type: tracks the new instance {@code o} (a reference the
     * caller gives up), initialises it from the call's arguments and returns it; an init that raises
     * releases it first, so nothing leaks on the error path.
     */
    protected final long trackAndInit(long o, long[] a, int off, int n, long kwnames, Init init) {
        heap.track(o);
        try {
            init.run(o, a, off, n, kwnames);
        } catch (RuntimeException e) {
            heap.decref(o);
            throw e;
        }
        return o;
    }

    /**
     * PyObject_GenericGetAttr's instance-dict step for a type whose instances keep their dict at
     * {@code dictOff}: {@code __dict__} (made on first use), else the name's value; a new
     * reference, or 0 when absent.
     */
    protected final long instanceDictAttr(long o, int dictOff, String name) {
        if (name.equals("__dict__")) {
            if (get(o, dictOff) == 0) put(o, dictOff, heap.dicts.create());
            return vm.incref(get(o, dictOff));
        }
        long d = get(o, dictOff);
        long v = d == 0 ? 0 : heap.dicts.getItem(d, name);
        return v == 0 ? 0 : vm.incref(v);
    }

    /**
     * PyObject_GenericSetAttr's instance-dict step ({@code v} 0: delete): {@code __dict__} replaced
     * by a dict (never deleted), else the name set or deleted in the dict (made on first use);
     * deleting an absent name is AttributeError naming the type.
     */
    protected final boolean setInstanceDictAttr(long o, int dictOff, String name, long v) {
        if (name.equals("__dict__")) {
            if (v == 0) throw vm.error("TypeError", "cannot delete __dict__");
            if (!vm.isInstanceOf(v, heap.dicts)) throw vm.error("TypeError", "__dict__ must be set to a dictionary, not a '" + vm.typeName(v) + "'");
            set(o, dictOff, vm.incref(v));
            return true;
        }
        long d = get(o, dictOff);
        if (v == 0) {
            if (d == 0 || heap.dicts.getItem(d, name) == 0) {
                throw vm.error("AttributeError", "'" + heap.typeOf(o).name() + "' object has no attribute '" + name + "'");
            }
            long key = heap.strs.of(name);
            try {
                heap.dicts.delItem(d, key);
            } finally {
                heap.decref(key);
            }
            return true;
        }
        if (d == 0) put(o, dictOff, d = heap.dicts.create());
        heap.dicts.setItem(d, name, v);
        return true;
    }

    public static long get(long o, int off) { return Native.getLong(o + off); }

    public static void put(long o, int off, long v) { Native.putLong(o + off, v); }

    /** Py_XSETREF: stores {@code v} (a new reference, or 0) and releases the old value. */
    protected final void set(long o, int off, long v) {
        long old = Native.getLong(o + off);
        Native.putLong(o + off, v);
        if (old != 0) heap.decref(old);
    }

    @Override
    public void traverse(long o, LongConsumer visit) {
        // an instance of a Python subclass holds its class instead (ClassType visits that one)
        if (visitsType() && heap.typeOf(o) == this) visit.accept(typeObject());
        for (int off : fields) {
            long v = Native.getLong(o + off);
            if (v != 0) visit.accept(v);
        }
    }

    /** Memory the instance owns outside its block (PyMem arrays), freed at dealloc. */
    protected void freeArrays(long o) {}

    @Override
    public void dealloc(long o) {
        if (isGc()) heap.untrackIfTracked(o);
        if (weaklistOffset() != 0) heap.weakrefs.clearWeakrefs(o);
        for (int off : fields) {
            long v = Native.getLong(o + off);
            if (v != 0) {
                Native.putLong(o + off, 0);
                heap.decref(v);
            }
        }
        freeArrays(o);
        free(o);
    }

    /**
     * tp_free, then the heap type's reference to itself released; an instance of a Python subclass
     * held its class instead, which {@code Heap.freeObject} releases.
     */
    protected final void free(long o) {
        boolean ownType = ownsTypeReference() && heap.typeOf(o) == this;
        heap.freeObject(o);
        if (ownType) heap.decref(typeObject());
    }
}

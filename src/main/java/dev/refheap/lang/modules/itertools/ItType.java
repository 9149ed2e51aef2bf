package dev.refheap.lang.modules.itertools;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.PyType;

/**
 * Base of itertools' iterator types: a {@link FieldsType} (CPython 3.11's struct, GC-tracked
 * unless said otherwise) whose instances are their own iterators, with {@code __iter__} and
 * {@code __next__} as methods. Subclasses implement {@link #nextOf} and {@link #newInstance}.
 */
abstract class ItType extends FieldsType {
    ItType(VmApi vm, String name, long basicSize, int... ownedFields) {
        this(vm, name, PyType.HAVE_GC | PyType.BASETYPE, basicSize, 0L, ownedFields);
    }

    ItType(VmApi vm, String name, int flags, long basicSize, long weaklistOffset, int[] ownedFields) {
        super(vm, "itertools." + name, flags, basicSize, weaklistOffset, ownedFields);
    }

    /** Registers the type in the runtime and its iterator methods. */
    ItType install() {
        vm.registerType(this);
        defIteratorMethods();
        if (hasFlag(PyType.BASETYPE)) vm.defTpNew(this);  // super().__new__(cls, ...) in a subclass
        if (reducible()) defMethod("__reduce__", (s, a, o, n, kw) -> {
            dev.refheap.lang.modules.Params.unpack(vm, "__reduce__", n, kw, 0, 0);
            return reduceOf(s);
        });
        if (hasSetState()) defMethod("__setstate__", (s, a, o, n, kw) -> {
            dev.refheap.lang.modules.Params.unpack(vm, "__setstate__", n, kw, 1, 1);
            setStateOf(s, a[o]);
            return vm.incref(heap.None);
        });
        return this;
    }

    /** Whether the type has 3.11's {@code __reduce__} here ({@link #reduceOf}); without it pickling is refused. */
    boolean reducible() { return false; }

    /** The instance's {@code __reduce__} value (CPython 3.11's *_reduce), a new reference. */
    long reduceOf(long o) { throw new IllegalStateException(); }

    /** Whether the type has {@code __setstate__} ({@link #setStateOf}). */
    boolean hasSetState() { return false; }

    void setStateOf(long o, long state) { throw new IllegalStateException(); }

    /** {@link #reduceTuple} that also takes over the reference to {@code state} (made for the call). */
    final long reduceTupleStealing(long o, long args, long state) {
        try {
            return reduceTuple(o, args, state);
        } finally {
            heap.decref(state);
        }
    }

    /** (type(o), args) or (type(o), args, state): args stolen, state borrowed (0: none). */
    final long reduceTuple(long o, long args, long state) {
        try {
            long t = dev.refheap.object.Heap.typeAddress(o);
            return state == 0 ? heap.tuples.of(t, args) : heap.tuples.of(t, args, state);
        } finally {
            heap.decref(args);
        }
    }

    @Override
    public boolean isIteratorType() { return true; }

    /**
     * The types with Py_TPFLAGS_BASETYPE (all but _grouper and _tee) may be derived from: a
     * subclass's instance is this struct, then its weakref slot (and a managed dict), as CPython's.
     */
    @Override
    public boolean allowsPythonSubclasses() { return hasFlag(PyType.BASETYPE); }

    /** The type's tp_new on a subclass: the same construction, into an instance of the subclass (tp_alloc of the type given). */
    @Override
    public long newSubtypeInstance(java.util.function.LongSupplier alloc, long cls, boolean objectInit, long[] a, int off, int n, long kw) {
        // a type that takes no keywords refuses them only while tp_init is its own (object's): a
        // subclass's __init__ takes them, and tp_new ignores them
        int nkw = dev.refheap.lang.modules.Params.nkw(kw);
        if (!objectInit && nkw > 0 && takesNoKeywords()) return newInstanceAs(alloc, a, off, n - nkw, 0);
        return newInstanceAs(alloc, a, off, n, kw);
    }

    /** Whether the constructor takes no keyword arguments (cycle, chain, islice, pairwise, dropwhile, takewhile, filterfalse, starmap). */
    boolean takesNoKeywords() { return false; }

    /** IMMUTABLETYPE | READY | HAVE_GC (| BASETYPE), as CPython 3.11.7 reports, plus the version tag once set. */
    @Override
    public long tpFlags() {
        return 0x5100 | (hasFlag(PyType.BASETYPE) ? PyType.BASETYPE : 0) | (hasValidVersionTag() ? PyType.VALID_VERSION_TAG : 0);
    }

    /** The type's short name, as _PyType_Name gives it for reprs. */
    final String shortName() { return name().substring(name().lastIndexOf('.') + 1); }

    /** _PyType_Name(Py_TYPE(o)): the name a repr shows, a subclass's own for its instances. */
    final String shortName(long o) {
        String n = heap.typeOf(o).name();
        return n.substring(n.lastIndexOf('.') + 1);
    }

    /** Allocates, fills by {@code init}, then tracks (the fields are complete before the collector can see it). */
    final long create(java.util.function.LongConsumer init) {
        long o = alloc();
        init.accept(o);
        if (isGc()) heap.track(o);
        return o;
    }

    /** func(arg): a new reference. */
    final long call1(long func, long arg) { return vm.call(func, arg); }

    /** PyObject_IsTrue of a new reference, which it releases. */
    final boolean truthOfNew(long v) {
        try {
            return vm.truthy(v);
        } finally {
            heap.decref(v);
        }
    }
}

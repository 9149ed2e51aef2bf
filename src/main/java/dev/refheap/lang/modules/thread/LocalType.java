package dev.refheap.lang.modules.thread;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.PyType;

/**
 * {@code _thread._local}: CPython 3.11's localobject, a GC heap type, 64 bytes plus the GC head:
 * <pre> refcnt | type | key | args | kw | weakreflist | dummies | wr_callback </pre>
 * {@code key} is {@code "thread.local.<address>"}; each thread that uses the local has a
 * {@code _thread._localdummy} (32 bytes, not GC: {@code localdict (borrowed) | weakreflist}) stored under the
 * key in the thread state's dict, and {@code dummies} maps a weakref to that dummy (whose callback
 * is {@code wr_callback}, a builtin function bound to a weakref to the local) to the thread's
 * attribute dict: the creating thread's is made at creation as local_new makes it, another
 * thread's at its first attribute access (_ldict), which then runs the class's {@code __init__}
 * again with the arguments the class was called with ({@code args}, {@code kw}) when it is not
 * object's. An instance of a Python subclass keeps its attributes in those per-thread dicts too
 * ({@link #subtypeAttrDict}), never in the managed dict its class has. traverse: type, args, kw,
 * dummies; tp_clear also drops wr_callback and takes the dummy out of the thread state's dict.
 */
final class LocalType extends FieldsType {
    static final int KEY = 16, ARGS = 24, KW = 32, WEAKREFLIST = 40, DUMMIES = 48, WR_CALLBACK = 56;

    private final DummyType dummyType;
    /** The callback's implementation, one per runtime under its key (a start-up image finds it again in _thread's function table). */
    final dev.refheap.lang.vm.Builtin dummyDestroyed;

    /**
     * {@code _thread._localdummy}: names a thread's attribute dict of one local (borrowed: the
     * local's dummies dict owns it, so a local in a cycle through its attributes is collectable);
     * weakly referenceable.
     */
    static final class DummyType extends FieldsType {
        static final int LOCALDICT = 16, DUMMY_WEAKREFLIST = 24;

        DummyType(VmApi vm) {
            super(vm, "_thread._localdummy", PyType.HEAPTYPE, 32, DUMMY_WEAKREFLIST);
            cpythonFlags(0x1380);  // READY | HEAPTYPE | IMMUTABLETYPE | DISALLOW_INSTANTIATION
        }

        @Override
        protected boolean heapTypeInstances() { return true; }

        long create(long ldict) {
            long o = alloc();
            put(o, LOCALDICT, ldict);
            return o;
        }
    }

    /** The dummies live in the thread state's dict ({@link VmApi#threadStateDict}), made by the first local. */
    LocalType(VmApi vm, DummyType dummyType) {
        super(vm, "_thread._local", PyType.HAVE_GC | PyType.BASETYPE | PyType.HEAPTYPE, 64, WEAKREFLIST, ARGS, KW, DUMMIES);
        cpythonFlags(0x5700);  // HAVE_GC | READY | BASETYPE | HEAPTYPE | IMMUTABLETYPE
        this.dummyType = dummyType;
        this.dummyDestroyed = vm.keyedFunction("_thread", "_localdummy_destroyed", this::dummyDestroyed);
    }

    @Override
    protected boolean heapTypeInstances() { return true; }

    @Override
    public boolean hasClear() { return true; }

    /** Every owned reference: the traversed ones, then key and wr_callback (which CPython does not visit). */
    @Override
    public void references(long o, java.util.function.LongConsumer visit) {
        traverse(o, visit);
        for (int off : new int[] {KEY, WR_CALLBACK}) {
            long v = get(o, off);
            if (v != 0) visit.accept(v);
        }
    }

    @Override
    public void clear(long o) {
        set(o, ARGS, 0);
        set(o, KW, 0);
        set(o, DUMMIES, 0);
        set(o, WR_CALLBACK, 0);
        long key = get(o, KEY);
        long tstateDict = vm.threadStateDictIfMade();  // local_clear reads tstate->dict: it makes none
        if (key != 0 && tstateDict != 0 && heap.dicts.getItem(tstateDict, key) != 0) heap.dicts.delItem(tstateDict, key);
    }

    @Override
    public void dealloc(long o) {
        heap.weakrefs.clearWeakrefs(o);
        heap.untrackIfTracked(o);
        clear(o);
        set(o, KEY, 0);
        free(o);
    }

    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) {
        if (n > 0) throw vm.error("TypeError", "Initialization arguments are not supported");
        long o = alloc();
        heap.track(o);
        try {
            initSubtypeInstance(o);
            return o;
        } catch (RuntimeException e) {
            heap.decref(o);
            throw e;
        }
    }

    /**
     * threading.local is derived from (asyncio's event-loop policy's {@code _Local}): a class may
     * extend this layout. Its instances keep their attributes in this thread's dict, as
     * local_getattro and local_setattro (which the class inherits) do, not in the managed dict
     * type_new gives the class.
     */
    @Override
    public boolean allowsPythonSubclasses() { return true; }

    @Override
    public long subtypeAttrDict(long o) { return ldict(o); }

    @Override
    public boolean keepsSubtypeAttrs() { return true; }

    /** local_new: arguments only for a class with its own __init__; kept (args, kw) for other threads' __init__. */
    @Override
    public long newSubtypeInstance(java.util.function.LongSupplier alloc, long cls, boolean objectInit, long[] a, int off, int n, long kwnames) {
        if (n > 0 && objectInit) throw vm.error("TypeError", "Initialization arguments are not supported");
        long o = alloc.getAsLong();
        int nkw = kwnames == 0 ? 0 : (int) dev.refheap.object.TupleType.size(kwnames), np = n - nkw;
        if (np > 0) {
            long args = heap.tuples.alloc(np);
            for (int i = 0; i < np; i++) dev.refheap.object.TupleType.setItemSteal(args, i, vm.incref(a[off + i]));
            set(o, ARGS, args);
        }
        if (nkw > 0) {
            long kw = heap.dicts.create();
            for (int k = 0; k < nkw; k++) heap.dicts.setItem(kw, dev.refheap.object.TupleType.item(kwnames, k), a[off + np + k]);
            set(o, KW, kw);
        }
        return o;
    }

    /** local_new's fields: the empty args, the key, the dummies dict, the callback and this thread's dict. */
    @Override
    public void initSubtypeInstance(long o) {
        put(o, ARGS, heap.tuples.alloc(0));
        put(o, KEY, vm.str("thread.local.0x" + Long.toHexString(o)));
        put(o, DUMMIES, heap.dicts.create());
        long wr = heap.weakrefs.newRef(o, 0);
        put(o, WR_CALLBACK, vm.newBuiltinFunction("_localdummy_destroyed", dummyDestroyed, wr));
        heap.decref(wr);
        createLocalsDict(o);
    }

    /** _localdummy_destroyed(localweakref, dummyweakref): the thread's entry leaves the local's dummies. */
    private long dummyDestroyed(long self, long[] a, int off, int n, long kwnames) {
        long local = dev.refheap.object.WeakrefType.referent(self);
        if (local != 0 && local != heap.None && heap.typeOf(local).isSubtypeOf(this) && get(local, DUMMIES) != 0) {
            heap.dicts.delItem(get(local, DUMMIES), a[off]);
        }
        return vm.incref(heap.None);
    }

    /** create_localsdict: a new dict and its dummy for this thread; returns the dict (borrowed). */
    private long createLocalsDict(long o) {
        long tstateDict = vm.threadStateDict();  // made before the attribute dict, as _local_create_dummy does
        long ldict = heap.dicts.create();
        long dummy = dummyType.create(ldict);
        long wr = heap.weakrefs.newRef(dummy, get(o, WR_CALLBACK));
        try {
            heap.dicts.setItem(get(o, DUMMIES), wr, ldict);
        } finally {
            heap.decref(wr);
        }
        heap.dicts.setItem(tstateDict, get(o, KEY), dummy);
        heap.decref(dummy);
        heap.decref(ldict);  // the dummies dict holds it; the dummy only names it
        return ldict;
    }

    /**
     * _ldict: this thread's attribute dict (borrowed), made when the thread has none; then a class
     * whose __init__ is not object's has it run with the creation's arguments (an error takes the
     * new dict out of the thread again, so the next access makes another).
     */
    private long ldict(long o) {
        long dummy = heap.dicts.getItem(vm.threadStateDict(), get(o, KEY));
        if (dummy != 0) return get(dummy, DummyType.LOCALDICT);
        long ldict = createLocalsDict(o);
        PyType t = heap.typeOf(o);
        long init = vm.typeLookup(t, "__init__");
        if (t != this && init != 0 && init != vm.typeLookup(heap.objectType, "__init__")) {
            long args = get(o, ARGS);
            int n = (int) dev.refheap.object.TupleType.size(args);
            long full = heap.tuples.alloc(n + 1);
            dev.refheap.object.TupleType.setItemSteal(full, 0, vm.incref(o));
            for (int i = 0; i < n; i++) dev.refheap.object.TupleType.setItemSteal(full, i + 1, vm.incref(dev.refheap.object.TupleType.item(args, i)));
            vm.incref(init);
            try {
                heap.decref(vm.callWith(init, full, get(o, KW)));
            } catch (RuntimeException e) {
                long tstateDict = vm.threadStateDict();
                if (heap.dicts.getItem(tstateDict, get(o, KEY)) != 0) heap.dicts.delItem(tstateDict, get(o, KEY));
                throw e;
            } finally {
                heap.decref(init);
                heap.decref(full);
            }
        }
        return ldict;
    }

    /**
     * The dict's entries in local_type_spec's order: tp_new's {@code __new__}, then the wrappers of
     * tp_getattro, tp_setattro (as {@code __setattr__} and {@code __delattr__}). Each wrapper does
     * local_getattro/local_setattro itself, never through the instance's class (whose own
     * {@code __getattribute__} may be what called it).
     */
    void install() {
        defTypeNew();
        defSlotWrapper("__getattribute__", (s, a, o, n, kw) -> {
            wrapperArgs("__getattribute__", n, kw, 1);
            return vm.genericGetAttr(s, a[o]);
        });
        defSlotWrapper("__setattr__", (s, a, o, n, kw) -> {
            wrapperArgs("__setattr__", n, kw, 2);
            vm.genericSetAttr(s, a[o], a[o + 1]);
            return vm.incref(heap.None);
        });
        defSlotWrapper("__delattr__", (s, a, o, n, kw) -> {
            wrapperArgs("__delattr__", n, kw, 1);
            vm.genericSetAttr(s, a[o], 0);
            return vm.incref(heap.None);
        });
    }

    /**
     * A slot wrapper's argument check: no keywords (wrapper_call), then exactly {@code want}
     * arguments, as check_num_args words it, or as wrap_setattr's PyArg_UnpackTuple with the empty
     * name does (a leading space).
     */
    private void wrapperArgs(String name, int n, long kw, int want) {
        if (kw != 0 && dev.refheap.object.TupleType.size(kw) > 0) throw vm.error("TypeError", "wrapper " + name + "() takes no keyword arguments");
        if (n != want) throw vm.error("TypeError", (name.equals("__setattr__") ? " " : "") + "expected " + want + " argument" + (want == 1 ? "" : "s") + ", got " + n);
    }

    @Override
    public long attrOf(long o, String name) {
        long d = ldict(o);
        if (name.equals("__dict__")) return vm.incref(d);
        long v = heap.dicts.getItem(d, name);
        return v == 0 ? 0 : vm.incref(v);
    }

    @Override
    public boolean setAttrOf(long o, String name, long v) {
        if (name.equals("__dict__")) throw vm.error("AttributeError", "'_thread._local' object attribute '__dict__' is read-only");
        long d = ldict(o);
        if (v != 0) {
            heap.dicts.setItem(d, name, v);
            return true;
        }
        long key = vm.str(name);
        try {
            if (!heap.dicts.delItem(d, key)) throw vm.error("AttributeError", "'_thread._local' object has no attribute '" + name + "'");
        } finally {
            heap.decref(key);
        }
        return true;
    }
}

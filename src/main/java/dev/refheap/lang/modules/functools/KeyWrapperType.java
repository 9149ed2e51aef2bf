package dev.refheap.lang.modules.functools;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.PyType;

/**
 * {@code functools.KeyWrapper}: what {@code cmp_to_key(cmp)} returns and what calling it returns,
 * CPython 3.11's keyobject (a heap type, 32 bytes plus the GC head): {@code cmp | object}; the
 * one cmp_to_key returns has object NULL. Two wrappers compare by {@code cmp(a.obj, b.obj)}
 * against 0; unhashable (rich comparison without a hash), {@code obj} readable and writable.
 */
final class KeyWrapperType extends FieldsType {
    static final int CMP = 16, OBJECT = 24;
    private static final String[] NAMES = {"obj"};

    KeyWrapperType(VmApi vm) {
        super(vm, "functools.KeyWrapper", PyType.HAVE_GC, 32, 0, CMP, OBJECT);
        cpythonFlags(0x5380);  // HAVE_GC | READY | HEAPTYPE | IMMUTABLETYPE | DISALLOW_INSTANTIATION
    }

    @Override
    protected boolean heapTypeInstances() { return true; }

    @Override
    public boolean hasClear() { return true; }

    @Override
    public void clear(long o) {
        set(o, CMP, 0);
        set(o, OBJECT, 0);
    }

    long create(long cmp, long object) {
        long o = alloc();
        put(o, CMP, vm.incref(cmp));
        if (object != 0) put(o, OBJECT, vm.incref(object));
        heap.track(o);
        return o;
    }

    @Override
    public boolean callableInstances() { return true; }

    @Override
    public long callOf(long o, long[] a, int off, int n, long kwnames) {
        long[] p = Params.parse(vm, "K", NAMES, 1, 1, 0, a, off, n, kwnames);
        return create(get(o, CMP), p[0]);
    }

    @Override
    public long hash(long o) { throw vm.error("TypeError", "unhashable type: 'functools.KeyWrapper'"); }

    /** cmp(a.obj, b.obj) compared with 0 by op; TypeError for another type, AttributeError for a NULL object. */
    private long cmp(long a, long b) {
        if (heap.typeOf(a) != this || heap.typeOf(b) != this) throw vm.error("TypeError", "other argument must be K instance");
        if (get(a, OBJECT) == 0 || get(b, OBJECT) == 0) throw vm.error("AttributeError", "object");
        return vm.call(get(a, CMP), get(a, OBJECT), get(b, OBJECT));
    }

    @Override
    public Integer orderOf(int op, long a, long b) {
        long r = cmp(a, b);
        try {
            long zero = heap.ints.of(0);
            try {
                if (vm.truthyNew(vm.compare(0, r, zero))) return -1;
                if (vm.truthyNew(vm.compare(4, r, zero))) return 1;
                return 0;
            } finally {
                heap.decref(zero);
            }
        } finally {
            heap.decref(r);
        }
    }

    @Override
    public Boolean eqOf(long a, long b) { return orderOf(2, a, b) == 0; }

    @Override
    public long attrOf(long o, String name) {
        if (!name.equals("obj")) return 0;
        long v = get(o, OBJECT);
        return vm.incref(v == 0 ? heap.None : v);
    }

    @Override
    public boolean setAttrOf(long o, String name, long v) {
        if (!name.equals("obj")) return false;
        set(o, OBJECT, v == 0 ? 0 : vm.incref(v));
        return true;
    }
}

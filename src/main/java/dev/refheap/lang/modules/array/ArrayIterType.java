package dev.refheap.lang.modules.array;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;

/**
 * {@code array.arrayiterator}: CPython 3.11's arrayiterobject (40 bytes plus the GC head), a heap
 * type that cannot be instantiated:
 * <pre>
 *  refcnt | type | index | ao | getitem
 * </pre>
 * {@code getitem} is the array descriptor's item getter in CPython; here it holds the typecode.
 * Traversal: the type, then the array. States: running (ao set; index counts the items returned)
 * or exhausted (ao dropped at the first next() past the end, as 3.11's Py_CLEAR).
 */
final class ArrayIterType extends FieldsType {
    static final int INDEX = 16, AO = 24, GETITEM = 32;
    private final ArrayType arrays;

    ArrayIterType(VmApi vm, ArrayType arrays) {
        super(vm, "array.arrayiterator", PyType.HAVE_GC, 40, 0, AO);
        this.arrays = arrays;
    }

    /** DEFAULT | HEAPTYPE | IMMUTABLETYPE | HAVE_GC | DISALLOW_INSTANTIATION | READY, as CPython 3.11.7 reports, plus the version tag once set. */
    @Override
    protected long declaredFlags() { return 0x5380; }

    @Override
    protected boolean heapTypeInstances() { return true; }

    /** array_iter. */
    long create(long ao) {
        long it = alloc();
        Native.putLong(it + INDEX, 0);
        put(it, AO, vm.incref(ao));
        Native.putLong(it + GETITEM, ArrayType.typecode(ao));
        heap.track(it);
        return it;
    }

    void install() {
        vm.registerType(this);
        defIteratorMethods();
        defMethod("__reduce__", (s, a, o, n, kw) -> {
            dev.refheap.lang.modules.Params.noArgs(vm, "arrayiterator.__reduce__", n, kw);
            long iter = vm.incref(heap.dicts.getItem(vm.builtinsDict(), "iter"));
            long ao = get(s, AO);
            long args;
            if (ao == 0) {
                args = heap.tuples.alloc(1);
                TupleType.setItemSteal(args, 0, heap.tuples.alloc(0));
                long r = heap.tuples.alloc(2);
                TupleType.setItemSteal(r, 0, iter);
                TupleType.setItemSteal(r, 1, args);
                return r;
            }
            args = heap.tuples.alloc(1);
            TupleType.setItemSteal(args, 0, vm.incref(ao));
            long r = heap.tuples.alloc(3);
            TupleType.setItemSteal(r, 0, iter);
            TupleType.setItemSteal(r, 1, args);
            TupleType.setItemSteal(r, 2, heap.ints.of(Native.getLong(s + INDEX)));
            return r;
        });
        defMethod("__setstate__", (s, a, o, n, kw) -> {
            dev.refheap.lang.modules.Params.noKeywords(vm, "arrayiterator.__setstate__", kw);
            if (n != 1) throw vm.error("TypeError", "arrayiterator.__setstate__() takes exactly one argument (" + n + " given)");
            if (!vm.isInt(a[o])) throw vm.error("TypeError", "an integer is required");
            java.math.BigInteger big = vm.asIndex(a[o]);
            if (big.bitLength() > 63) throw vm.error("OverflowError", "Python int too large to convert to C ssize_t");
            long index = big.longValue();
            long ao = get(s, AO);
            if (index < 0) index = 0;
            else if (ao != 0 && index > ArrayType.size(ao)) index = ArrayType.size(ao);
            Native.putLong(s + INDEX, index);
            return vm.incref(heap.None);
        });
    }

    @Override
    public boolean isIteratorType() { return true; }

    /** arrayiter_next. */
    @Override
    public long nextOf(long it) {
        long ao = get(it, AO);
        if (ao == 0) return 0;
        long i = Native.getLong(it + INDEX);
        if (i < ArrayType.size(ao)) {
            Native.putLong(it + INDEX, i + 1);
            return arrays.item(ao, i);
        }
        set(it, AO, 0);
        return 0;
    }

    @Override
    public long newInstance(long[] a, int off, int n, long kw) {
        throw vm.error("TypeError", "cannot create 'array.arrayiterator' instances");
    }
}

package dev.refheap.lang.modules.itertools;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;

/**
 * {@code groupby} (groupbyobject, 64 bytes: it | keyfunc | tgtkey | currkey | currvalue |
 * currgrouper) and its {@code _grouper} (32 bytes: parent | tgtkey). currgrouper is borrowed, as
 * in CPython: it only tells a grouper whether it is still the current one (a grouper of an
 * earlier group yields nothing more once groupby has moved on).
 */
final class GroupBy extends ItType {
    static final int IT = 16, KEYFUNC = 24, TGTKEY = 32, CURRKEY = 40, CURRVALUE = 48, CURRGROUPER = 56;
    private static final String[] NAMES = {"iterable", "key"};
    final Grouper grouper;

    GroupBy(VmApi vm) {
        super(vm, "groupby", 64, IT, KEYFUNC, TGTKEY, CURRKEY, CURRVALUE);
        grouper = new Grouper(vm, this);
    }

    @Override
    ItType install() {
        super.install();
        grouper.install();
        return this;
    }

    @Override
    public long newInstance(long[] a, int off, int n, long kw) {
        long[] p = Params.parse(vm, "groupby", NAMES, 1, 2, 0, a, off, n, kw);
        long keyfunc = vm.incref(p[1] == 0 ? heap.None : p[1]);
        long it;
        try {
            it = vm.iter(p[0]);
        } catch (PyException e) {
            heap.decref(keyfunc);
            throw e;
        }
        return create(o -> {
            put(o, KEYFUNC, keyfunc);
            put(o, IT, it);
        });
    }

    @Override
    boolean reducible() { return true; }

    /** groupby_reduce: (type, (it, keyfunc)), and (currkey, currvalue, tgtkey) once all three are set. */
    @Override
    long reduceOf(long o) {
        long args = heap.tuples.of(get(o, IT), get(o, KEYFUNC));
        long tgtkey = get(o, TGTKEY), currkey = get(o, CURRKEY), currvalue = get(o, CURRVALUE);
        if (tgtkey == 0 || currkey == 0 || currvalue == 0) return reduceTuple(o, args, 0);
        long state = heap.tuples.of(currkey, currvalue, tgtkey);
        return reduceTupleStealing(o, args, state);
    }

    @Override
    boolean hasSetState() { return true; }

    /** groupby_setstate: a tuple (currkey, currvalue, tgtkey). */
    @Override
    void setStateOf(long o, long state) {
        if (!vm.isInstanceOf(state, heap.tuples)) throw vm.error("TypeError", "state is not a tuple");
        long n = dev.refheap.object.TupleType.size(state);
        if (n != 3) throw vm.error("TypeError", "function takes exactly 3 arguments (" + n + " given)");
        set(o, CURRKEY, vm.incref(dev.refheap.object.TupleType.item(state, 0)));
        set(o, CURRVALUE, vm.incref(dev.refheap.object.TupleType.item(state, 1)));
        set(o, TGTKEY, vm.incref(dev.refheap.object.TupleType.item(state, 2)));
    }

    /** groupby_step: the next value and its key become current; false when exhausted. */
    boolean step(long gbo) {
        long value = vm.next(get(gbo, IT));
        if (value == 0) return false;
        long keyfunc = get(gbo, KEYFUNC);
        long key;
        if (keyfunc == heap.None) {
            key = vm.incref(value);
        } else {
            try {
                key = call1(keyfunc, value);
            } catch (PyException e) {
                heap.decref(value);
                throw e;
            }
        }
        long oldValue = get(gbo, CURRVALUE), oldKey = get(gbo, CURRKEY);
        put(gbo, CURRVALUE, value);
        put(gbo, CURRKEY, key);
        if (oldValue != 0) heap.decref(oldValue);
        if (oldKey != 0) heap.decref(oldKey);
        return true;
    }

    @Override
    public long nextOf(long o) {
        put(o, CURRGROUPER, 0);
        // skip to the next iteration group
        while (true) {
            long currkey = get(o, CURRKEY);
            if (currkey != 0) {
                long tgtkey = get(o, TGTKEY);
                if (tgtkey == 0) break;
                if (!vm.equal(tgtkey, currkey)) break;
            }
            if (!step(o)) return 0;
        }
        long currkey = get(o, CURRKEY);
        set(o, TGTKEY, vm.incref(currkey));
        long g = grouper.create(o, get(o, TGTKEY));
        long r = heap.tuples.of(currkey, g);
        heap.decref(g);
        return r;
    }

    /** _grouper: the items of one group, while its groupby still points at it. */
    static final class Grouper extends ItType {
        static final int PARENT = 16, TGTKEY = 24;
        private final GroupBy groupby;

        Grouper(VmApi vm, GroupBy groupby) {
            super(vm, "_grouper", dev.refheap.object.PyType.HAVE_GC, 32, 0L, new int[] {PARENT, TGTKEY});
            this.groupby = groupby;
        }

        @Override
        boolean reducible() { return true; }

        /** _grouper_reduce: (type, (parent, tgtkey)) while current, else (iter, ((),)): an empty iterator. */
        @Override
        long reduceOf(long o) {
            long parent = get(o, PARENT);
            if (get(parent, CURRGROUPER) != o) {
                long empty = heap.tuples.alloc(0);
                long args = heap.tuples.of(empty);
                heap.decref(empty);
                try {
                    return heap.tuples.of(heap.dicts.getItem(vm.builtinsDict(), "iter"), args);
                } finally {
                    heap.decref(args);
                }
            }
            return reduceTuple(o, heap.tuples.of(parent, get(o, TGTKEY)), 0);
        }

        long create(long parent, long tgtkey) {
            long g = create(o -> {
                put(o, PARENT, vm.incref(parent));
                put(o, TGTKEY, vm.incref(tgtkey));
            });
            put(parent, CURRGROUPER, g);  // borrowed
            return g;
        }

        @Override
        public long newInstance(long[] a, int off, int n, long kw) {
            Params.unpack(vm, "_grouper", n, kw, 2, 2);
            if (heap.typeOf(a[off]) != groupby) {
                throw vm.error("TypeError", "_grouper() argument 1 must be itertools.groupby, not " + vm.typeName(a[off]));
            }
            return create(a[off], a[off + 1]);
        }

        @Override
        public long nextOf(long o) {
            long gbo = get(o, PARENT);
            if (get(gbo, CURRGROUPER) != o) return 0;
            if (get(gbo, CURRVALUE) == 0) {
                if (!groupby.step(gbo)) return 0;
            }
            if (!vm.equal(get(o, TGTKEY), get(gbo, CURRKEY))) return 0;
            long r = get(gbo, CURRVALUE);
            put(gbo, CURRVALUE, 0);
            set(gbo, CURRKEY, 0);
            return r;
        }
    }
}

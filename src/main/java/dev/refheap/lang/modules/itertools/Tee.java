package dev.refheap.lang.modules.itertools;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;
import java.util.function.LongConsumer;

/**
 * {@code tee} and its two types, CPython 3.11's layouts:
 * <pre>
 *  _tee (teeobject, 40 bytes):             dataobj | index (int) | weakreflist
 *  _tee_dataobject (teedataobject, 496):   it | numread (int), running (int) | nextlink | values[57]
 * </pre>
 * A data object holds up to 57 values read from the shared iterator, then links to the next
 * one; each tee object walks the chain with its own index. The lead tee reads from the
 * iterator ("cannot re-enter the tee iterator" if that read runs the same tee again). Both types
 * have tp_clear; a chain of data objects is released iteratively (teedataobject_safe_decref).
 */
final class Tee {
    private Tee() {}

    static final int LINKCELLS = 57;

    static final class DataObject extends FieldsType {
        static final int IT = 16, NUMREAD = 24, RUNNING = 28, NEXTLINK = 32, VALUES = 40;

        DataObject(VmApi vm) {
            super(vm, "itertools._tee_dataobject", PyType.HAVE_GC, VALUES + 8 * LINKCELLS, 0);
            cpythonFlags(0x5100);  // HAVE_GC | READY | IMMUTABLETYPE
        }

        long create(long it) {
            long o = alloc();
            put(o, IT, vm.incref(it));
            heap.track(o);
            return o;
        }

        static int numread(long o) { return Native.getInt(o + NUMREAD); }

        /** teedataobject_getitem: value i (a new reference), reading it from the iterator if this is the lead. */
        long getItem(long o, int i) {
            long value;
            if (i < numread(o)) {
                value = get(o, VALUES + 8 * i);
                if (value == 0) return 0;  // cleared by the collector
            } else {
                if (Native.getInt(o + RUNNING) != 0) throw vm.error("RuntimeError", "cannot re-enter the tee iterator");
                Native.putInt(o + RUNNING, 1);
                try {
                    value = vm.next(get(o, IT));
                } finally {
                    Native.putInt(o + RUNNING, 0);
                }
                if (value == 0) return 0;
                Native.putInt(o + NUMREAD, numread(o) + 1);
                put(o, VALUES + 8 * i, value);
            }
            return vm.incref(value);
        }

        /** teedataobject_jumplink: the next data object (a new reference), made on first need. */
        long jumplink(long o) {
            if (get(o, NEXTLINK) == 0) put(o, NEXTLINK, create(get(o, IT)));
            return vm.incref(get(o, NEXTLINK));
        }

        @Override
        public void traverse(long o, LongConsumer visit) {
            long it = get(o, IT);
            if (it != 0) visit.accept(it);
            for (int i = 0; i < numread(o); i++) {
                long v = get(o, VALUES + 8 * i);
                if (v != 0) visit.accept(v);  // NULL after tp_clear
            }
            long next = get(o, NEXTLINK);
            if (next != 0) visit.accept(next);
        }

        @Override
        public boolean hasClear() { return true; }

        @Override
        public void clear(long o) {
            set(o, IT, 0);
            int n = numread(o);
            for (int i = 0; i < n; i++) set(o, VALUES + 8 * i, 0);
            long next = get(o, NEXTLINK);
            put(o, NEXTLINK, 0);
            safeDecref(next);
        }

        /** teedataobject_safe_decref: releases a chain link by link, not by recursion. */
        private void safeDecref(long obj) {
            while (obj != 0 && heap.refcount(obj) == 1) {
                long next = get(obj, NEXTLINK);
                put(obj, NEXTLINK, 0);
                heap.decref(obj);
                obj = next;
            }
            if (obj != 0) heap.decref(obj);
        }

        @Override
        public void dealloc(long o) {
            heap.untrackIfTracked(o);
            clear(o);
            heap.freeObject(o);
        }

        /**
         * teedataobject_new ({@code _tee_dataobject(it, values, next)}, what its reduce value calls):
         * {@code it} kept as it is, the list's values as those read, {@code next} a data object
         * only when the values fill this one, else None; ValueError "Invalid arguments" otherwise.
         */
        @Override
        public long newInstance(long[] a, int off, int n, long kw) {
            Params.noKeywords(vm, "_tee_dataobject", kw);
            Params.unpack(vm, "_tee_dataobject", n, kw, 3, 3);
            long it = a[off], values = a[off + 1], next = a[off + 2];
            if (!vm.isInstanceOf(values, heap.lists)) {
                throw vm.error("TypeError", "teedataobject() argument 2 must be list, not " + vm.typeName(values));
            }
            long len = dev.refheap.object.ListType.size(values);
            boolean ok = len <= LINKCELLS && (next == heap.None || len == LINKCELLS && heap.typeOf(next) == this);
            if (!ok) throw vm.error("ValueError", "Invalid arguments");
            long o = alloc();
            put(o, IT, vm.incref(it));
            for (int i = 0; i < len; i++) put(o, VALUES + 8 * i, vm.incref(dev.refheap.object.ListType.item(values, i)));
            Native.putInt(o + NUMREAD, (int) len);
            if (next != heap.None) put(o, NEXTLINK, vm.incref(next));
            heap.track(o);
            return o;
        }

        /** teedataobject_reduce: (type, (it, [values read], nextlink or None)). */
        long reduce(long o) {
            int nread = numread(o);
            long values = heap.lists.alloc(nread);
            for (int i = 0; i < nread; i++) {
                long v = get(o, VALUES + 8 * i);
                dev.refheap.object.ListType.setItemSteal(values, i, vm.incref(v == 0 ? heap.None : v));
            }
            long next = get(o, NEXTLINK);
            long it = get(o, IT);
            long args = heap.tuples.of(it == 0 ? heap.None : it, values, next == 0 ? heap.None : next);
            heap.decref(values);
            try {
                return heap.tuples.of(typeObject(), args);
            } finally {
                heap.decref(args);
            }
        }
    }

    static final class TeeType extends ItType {
        static final int DATAOBJ = 16, INDEX = 24, WEAKREFLIST = 32;
        final DataObject data;

        TeeType(VmApi vm, DataObject data) {
            super(vm, "_tee", PyType.HAVE_GC, 40, WEAKREFLIST, new int[] {DATAOBJ});
            this.data = data;
        }

        @Override
        ItType install() {
            vm.registerType(data);
            super.install();
            defMethod("__copy__", (s, a, o, n, kw) -> copy(s));
            data.defMethod("__reduce__", (s, a, o, n, kw) -> {
                Params.unpack(vm, "__reduce__", n, kw, 0, 0);
                return data.reduce(s);
            });
            return this;
        }

        @Override
        boolean reducible() { return true; }

        /** tee_reduce: (type, ((),), (dataobj, index)). */
        @Override
        long reduceOf(long o) {
            long empty = heap.tuples.alloc(0);
            long args = heap.tuples.of(empty);
            heap.decref(empty);
            long index = heap.ints.of(Native.getInt(o + INDEX));
            long state = heap.tuples.of(get(o, DATAOBJ), index);
            heap.decref(index);
            return reduceTupleStealing(o, args, state);
        }

        @Override
        boolean hasSetState() { return true; }

        /** tee_setstate: (a _tee_dataobject, an index 0..57). */
        @Override
        void setStateOf(long o, long state) {
            if (!vm.isInstanceOf(state, heap.tuples)) throw vm.error("TypeError", "state is not a tuple");
            long n = TupleType.size(state);
            if (n != 2) throw vm.error("TypeError", "function takes exactly 2 arguments (" + n + " given)");
            long tdo = TupleType.item(state, 0);
            if (heap.typeOf(tdo) != data) {
                throw vm.error("TypeError", "argument 1 must be itertools._tee_dataobject, not " + vm.typeName(tdo));
            }
            int index = Params.cInt(vm, TupleType.item(state, 1));
            if (index < 0 || index > LINKCELLS) throw vm.error("ValueError", "Index out of range");
            set(o, DATAOBJ, vm.incref(tdo));
            Native.putInt(o + INDEX, index);
        }

        long copy(long to) {
            long dataobj = vm.incref(get(to, DATAOBJ));
            int index = Native.getInt(to + INDEX);
            return create(o -> {
                put(o, DATAOBJ, dataobj);
                Native.putInt(o + INDEX, index);
            });
        }

        /** tee_fromiterable: a tee over {@code iterable}'s iterator (a copy when that is a tee). */
        long fromIterable(long iterable) {
            long it = vm.iter(iterable);
            try {
                if (heap.typeOf(it) == this) return copy(it);
                long d = data.create(it);
                return create(o -> put(o, DATAOBJ, d));
            } finally {
                heap.decref(it);
            }
        }

        @Override
        public long newInstance(long[] a, int off, int n, long kw) {
            Params.noKeywords(vm, "_tee", kw);
            Params.unpack(vm, "_tee", n, kw, 1, 1);
            return fromIterable(a[off]);
        }

        @Override
        public long nextOf(long o) {
            if (Native.getInt(o + INDEX) >= LINKCELLS) {
                long link = data.jumplink(get(o, DATAOBJ));
                set(o, DATAOBJ, link);
                Native.putInt(o + INDEX, 0);
            }
            long value = data.getItem(get(o, DATAOBJ), Native.getInt(o + INDEX));
            if (value == 0) return 0;
            Native.putInt(o + INDEX, Native.getInt(o + INDEX) + 1);
            return value;
        }

        @Override
        public boolean hasClear() { return true; }

        @Override
        public void clear(long o) { set(o, DATAOBJ, 0); }

        /** itertools.tee(iterable, n=2): n independent iterators (the first may be the iterable's own, when it has __copy__). */
        long tee(long[] a, int off, int n, long kw) {
            Params.unpack(vm, "tee", n, kw, 1, 2);
            long count = n == 2 ? Params.ssize(vm, a[off + 1]) : 2;
            if (count < 0) throw vm.error("ValueError", "n must be >= 0");
            long result = heap.tuples.alloc(count);
            if (count == 0) return result;
            try {
                long it = vm.iter(a[off]);
                long copyable;
                long copyfunc = vm.getAttrOrNull(it, "__copy__");
                if (copyfunc != 0) {
                    copyable = it;
                } else {
                    try {
                        copyable = fromIterable(it);
                    } finally {
                        heap.decref(it);
                    }
                    copyfunc = vm.getAttrOrNull(copyable, "__copy__");
                }
                TupleType.setItemSteal(result, 0, copyable);
                try {
                    for (long i = 1; i < count; i++) TupleType.setItemSteal(result, i, vm.call(copyfunc));
                } finally {
                    heap.decref(copyfunc);
                }
                return result;
            } catch (PyException e) {
                heap.decref(result);
                throw e;
            }
        }
    }
}

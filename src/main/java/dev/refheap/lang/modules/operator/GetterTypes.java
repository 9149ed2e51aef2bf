package dev.refheap.lang.modules.operator;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.IntType;
import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;
import java.util.function.LongConsumer;

/**
 * {@code operator.itemgetter}, {@code attrgetter} and {@code methodcaller}: CPython 3.11's
 * _operator heap types (instances hold their type), with their structs and traverse orders:
 * <pre>
 *  itemgetter (48):   nitems | item (the key, or the tuple of keys) | index (-1, or an int key >= 0) | vectorcall
 *  attrgetter (40):   nattrs | attr (tuple: an interned name, or a tuple of names for a dotted one) | vectorcall
 *  methodcaller (40): name (interned) | args (tuple) | kwds (dict or NULL)
 * </pre>
 */
final class GetterTypes {
    private GetterTypes() {}

    /** The shared shape: a heap-type FieldsType whose instances are callable with one argument. */
    abstract static class Getter extends FieldsType {
        Getter(VmApi vm, String name, long size, int... fields) {
            super(vm, "operator." + name, PyType.HAVE_GC, size, 0, fields);
        }

        @Override
        protected boolean heapTypeInstances() { return true; }

        /** IMMUTABLETYPE | HEAPTYPE | READY | HAVE_GC, with HAVE_VECTORCALL for itemgetter and attrgetter, as CPython 3.11.7 reports, plus the version tag once set. */
        @Override
        public long tpFlags() {
            return (name().endsWith("methodcaller") ? 0x5300 : 0x5b00) | (hasValidVersionTag() ? PyType.VALID_VERSION_TAG : 0);
        }

        @Override
        public boolean callableInstances() { return true; }

        final String shortName() { return name().substring(name().indexOf('.') + 1); }

        abstract long apply(long self, long obj);

        @Override
        public long callOf(long o, long[] a, int off, int n, long kwnames) {
            Params.unpack(vm, shortName(), n, kwnames, 1, 1);
            return apply(o, a[off]);
        }

        Getter install() {
            vm.registerType(this);
            defMethod("__call__", (s, a, o, n, kw) -> callOf(s, a, o, n, kw));
            defMethod("__reduce__", (s, a, o, n, kw) -> {
                Params.unpack(vm, "__reduce__", n, kw, 0, 0);
                return reduce(s);
            });
            return this;
        }

        /** __reduce__ (copy and pickle): what rebuilds this getter. */
        abstract long reduce(long self);

        /** (callable, args): callable borrowed, args stolen. */
        final long pair(long callable, long args) {
            long r = heap.tuples.alloc(2);
            TupleType.setItemSteal(r, 0, vm.incref(callable));
            TupleType.setItemSteal(r, 1, args);
            return r;
        }
    }

    static final class ItemGetter extends Getter {
        static final int NITEMS = 16, ITEM = 24, INDEX = 32;

        ItemGetter(VmApi vm) { super(vm, "itemgetter", 48, ITEM); }

        @Override
        public void traverse(long o, LongConsumer visit) {
            visit.accept(typeObject());
            visit.accept(get(o, ITEM));
        }

        @Override
        public long newInstance(long[] a, int off, int n, long kw) {
            Params.noKeywords(vm, "itemgetter", kw);
            long item;
            if (n <= 1) {
                Params.unpack(vm, "itemgetter", n, kw, 1, 1);
                item = vm.incref(a[off]);
            } else {
                item = vm.packedCallArgs(a, off, n);  // itemgetter_new keeps the call's own tuple
                if (item == 0) {
                    item = heap.tuples.alloc(n);
                    for (int i = 0; i < n; i++) TupleType.setItemSteal(item, i, vm.incref(a[off + i]));
                }
            }
            long o = alloc();
            put(o, ITEM, item);
            Native.putLong(o + NITEMS, n);
            long index = -1;
            if (heap.typeOf(item) == heap.ints && IntType.fitsLong(item) && IntType.asLong(item) >= 0) index = IntType.asLong(item);
            Native.putLong(o + INDEX, index);
            heap.track(o);
            return o;
        }

        @Override
        long apply(long self, long obj) {
            long item = get(self, ITEM);
            if (Native.getLong(self + NITEMS) == 1) return vm.getItem(obj, item);
            long n = TupleType.size(item);
            long result = heap.tuples.alloc(n);
            try {
                for (long i = 0; i < n; i++) TupleType.setItemSteal(result, i, vm.getItem(obj, TupleType.item(item, i)));
            } catch (PyException e) {
                heap.decref(result);
                throw e;
            }
            return result;
        }

        /** itemgetter_reduce: (itemgetter, (item,)) for one key, else (itemgetter, items). */
        @Override
        long reduce(long self) {
            long item = get(self, ITEM);
            return pair(dev.refheap.object.Heap.typeAddress(self), Native.getLong(self + NITEMS) == 1 ? heap.tuples.of(item) : vm.incref(item));
        }

        @Override
        public String reprOf(long o) {
            return vm.reprRecursive(o, name() + "(...)", () -> {
                long item = get(o, ITEM);
                return Native.getLong(o + NITEMS) == 1 ? name() + "(" + vm.repr(item) + ")" : name() + vm.repr(item);
            });
        }
    }

    static final class AttrGetter extends Getter {
        static final int NATTRS = 16, ATTR = 24;

        AttrGetter(VmApi vm) { super(vm, "attrgetter", 40, ATTR); }

        @Override
        public void traverse(long o, LongConsumer visit) {
            visit.accept(get(o, ATTR));
            visit.accept(typeObject());
        }

        @Override
        public long newInstance(long[] a, int off, int n, long kw) {
            Params.noKeywords(vm, "attrgetter", kw);
            if (n <= 1) Params.unpack(vm, "attrgetter", n, kw, 1, 1);
            long attr = heap.tuples.alloc(n);
            try {
                for (int i = 0; i < n; i++) {
                    if (!vm.isStr(a[off + i])) throw vm.error("TypeError", "attribute name must be a string");
                    String s = vm.strValue(a[off + i]);
                    if (s.indexOf('.') < 0) {
                        TupleType.setItemSteal(attr, i, vm.internedStr(s));
                    } else {
                        String[] parts = s.split("\\.", -1);
                        long chain = heap.tuples.alloc(parts.length);
                        for (int j = 0; j < parts.length; j++) TupleType.setItemSteal(chain, j, vm.internedStr(parts[j]));
                        TupleType.setItemSteal(attr, i, chain);
                    }
                }
            } catch (PyException e) {
                heap.decref(attr);
                throw e;
            }
            long o = alloc();
            put(o, ATTR, attr);
            Native.putLong(o + NATTRS, n);
            heap.track(o);
            return o;
        }

        /** dotted_getattr: one name, or a chain of them. */
        private long dotted(long obj, long attr) {
            if (heap.typeOf(attr) != heap.tuples) return vm.getAttr(obj, attr);
            long cur = vm.incref(obj);
            for (long i = 0; i < TupleType.size(attr); i++) {
                long next;
                try {
                    next = vm.getAttr(cur, TupleType.item(attr, i));
                } finally {
                    heap.decref(cur);
                }
                cur = next;
            }
            return cur;
        }

        @Override
        long apply(long self, long obj) {
            long attr = get(self, ATTR);
            long n = Native.getLong(self + NATTRS);
            if (n == 1) return dotted(obj, TupleType.item(attr, 0));
            long result = heap.tuples.alloc(n);
            try {
                for (long i = 0; i < n; i++) TupleType.setItemSteal(result, i, dotted(obj, TupleType.item(attr, i)));
            } catch (PyException e) {
                heap.decref(result);
                throw e;
            }
            return result;
        }

        /** attrgetter_reduce: (attrgetter, the names, dotted ones joined again). */
        @Override
        long reduce(long self) {
            long attr = get(self, ATTR);
            long n = TupleType.size(attr), names = heap.tuples.alloc(n);
            for (long i = 0; i < n; i++) {
                long x = TupleType.item(attr, i);
                TupleType.setItemSteal(names, i, heap.typeOf(x) == heap.tuples ? vm.str(dottedName(x)) : vm.incref(x));
            }
            return pair(dev.refheap.object.Heap.typeAddress(self), names);
        }

        private String dottedName(long attr) {
            if (heap.typeOf(attr) != heap.tuples) return vm.strValue(attr);
            StringBuilder sb = new StringBuilder();
            for (long i = 0; i < TupleType.size(attr); i++) sb.append(i > 0 ? "." : "").append(vm.strValue(TupleType.item(attr, i)));
            return sb.toString();
        }

        @Override
        public String reprOf(long o) {
            return vm.reprRecursive(o, name() + "(...)", () -> {
                long attr = get(o, ATTR);
                StringBuilder sb = new StringBuilder(name()).append('(');
                for (long i = 0; i < TupleType.size(attr); i++) {
                    long s = vm.str(dottedName(TupleType.item(attr, i)));
                    try {
                        sb.append(i > 0 ? ", " : "").append(vm.repr(s));
                    } finally {
                        heap.decref(s);
                    }
                }
                return sb.append(')').toString();
            });
        }
    }

    static final class MethodCaller extends Getter {
        static final int NAME = 16, ARGS = 24, KWDS = 32;

        MethodCaller(VmApi vm) { super(vm, "methodcaller", 40, NAME, ARGS, KWDS); }

        @Override
        public void traverse(long o, LongConsumer visit) {
            for (int off : new int[] {NAME, ARGS, KWDS}) {
                long v = get(o, off);
                if (v != 0) visit.accept(v);
            }
            visit.accept(typeObject());
        }

        @Override
        public long newInstance(long[] a, int off, int n, long kw) {
            int nkw = Params.nkw(kw);
            int npos = n - nkw;
            if (npos < 1) throw vm.error("TypeError", "methodcaller needs at least one argument, the method name");
            if (!vm.isStr(a[off])) throw vm.error("TypeError", "method name must be a string");
            long name = vm.internedStr(vm.strValue(a[off]));
            long args = heap.tuples.alloc(npos - 1);
            for (int i = 1; i < npos; i++) TupleType.setItemSteal(args, i - 1, vm.incref(a[off + i]));
            long kwds = 0;
            if (nkw > 0) {
                kwds = heap.dicts.create();
                for (int k = 0; k < nkw; k++) heap.dicts.setItem(kwds, TupleType.item(kw, k), a[off + npos + k]);
            }
            long o = alloc();
            put(o, NAME, name);
            put(o, ARGS, args);
            put(o, KWDS, kwds);
            heap.track(o);
            return o;
        }

        /**
         * methodcaller_reduce: (methodcaller, (name, *args)) without keywords, else
         * (functools.partial(methodcaller, name, **kwds), args).
         */
        @Override
        long reduce(long self) {
            long args = get(self, ARGS), kwds = get(self, KWDS), type = dev.refheap.object.Heap.typeAddress(self);
            if (kwds == 0 || dev.refheap.object.DictType.size(kwds) == 0) {
                long n = TupleType.size(args), t = heap.tuples.alloc(n + 1);
                TupleType.setItemSteal(t, 0, vm.incref(get(self, NAME)));
                for (long i = 0; i < n; i++) TupleType.setItemSteal(t, i + 1, vm.incref(TupleType.item(args, i)));
                return pair(type, t);
            }
            long name = vm.str("functools"), mod = vm.call(heap.dicts.getItem(vm.builtinsDict(), "__import__"), name);
            heap.decref(name);
            long partial;
            try {
                long key = vm.internedStr("partial");
                try {
                    partial = vm.getAttr(mod, key);
                } finally {
                    heap.decref(key);
                }
            } finally {
                heap.decref(mod);
            }
            try {
                long pargs = heap.tuples.of(type, get(self, NAME));
                long p;
                try {
                    p = vm.callWith(partial, pargs, kwds);
                } finally {
                    heap.decref(pargs);
                }
                long r = pair(p, vm.incref(args));
                heap.decref(p);
                return r;
            } finally {
                heap.decref(partial);
            }
        }

        @Override
        long apply(long self, long obj) {
            long method = vm.getAttr(obj, get(self, NAME));
            try {
                return vm.callWith(method, get(self, ARGS), get(self, KWDS));
            } finally {
                heap.decref(method);
            }
        }

        @Override
        public String reprOf(long o) {
            return vm.reprRecursive(o, name() + "(...)", () -> {
                StringBuilder sb = new StringBuilder(name()).append('(').append(vm.repr(get(o, NAME)));
                long args = get(o, ARGS);
                for (long i = 0; i < TupleType.size(args); i++) sb.append(", ").append(vm.repr(TupleType.item(args, i)));
                long kwds = get(o, KWDS);
                if (kwds != 0) heap.dicts.forEach(kwds, (k, v) -> sb.append(", ").append(vm.toStr(k)).append('=').append(vm.repr(v)));
                return sb.append(')').toString();
            });
        }
    }
}

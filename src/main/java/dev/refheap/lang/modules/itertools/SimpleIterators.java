package dev.refheap.lang.modules.itertools;

import dev.refheap.lang.bytecode.BinaryOp;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.IntType;
import dev.refheap.object.TupleType;

/**
 * itertools' single-source iterators, each CPython 3.11's struct (offsets below, sizes as
 * {@code sys.getsizeof} reports them without the 16-byte GC head) and its next() step by step:
 * count, cycle, repeat, accumulate, chain, compress, dropwhile, takewhile, filterfalse, starmap,
 * islice, pairwise, zip_longest.
 */
final class SimpleIterators {
    private SimpleIterators() {}

    static final long SSIZE_MAX = Long.MAX_VALUE;

    /** countobject: cnt (Py_ssize_t; PY_SSIZE_T_MAX in slow mode) | long_cnt | long_step. 40 bytes. */
    static final class Count extends ItType {
        static final int CNT = 16, LONG_CNT = 24, LONG_STEP = 32;
        private static final String[] NAMES = {"start", "step"};

        Count(VmApi vm) { super(vm, "count", 40, LONG_CNT, LONG_STEP); }

        @Override
        boolean reducible() { return true; }

        /** count_reduce: (type, (cnt,)), or (type, (long_cnt, long_step)) in slow mode. */
        @Override
        long reduceOf(long o) {
            long cnt = Native.getLong(o + CNT);
            if (cnt != SSIZE_MAX) {
                long c = heap.ints.of(cnt);
                long args = heap.tuples.of(c);
                heap.decref(c);
                return reduceTuple(o, args, 0);
            }
            long lc = get(o, LONG_CNT) != 0 ? vm.incref(get(o, LONG_CNT)) : heap.ints.of(SSIZE_MAX);
            long args = heap.tuples.of(lc, get(o, LONG_STEP));
            heap.decref(lc);
            return reduceTuple(o, args, 0);
        }

        /** PyNumber_Check: int, float, complex, or a type with __index__, __int__ or __float__. */
        private boolean isNumber(long o) {
            if (vm.isInt(o) || vm.isFloat(o) || vm.typeName(o).equals("complex")) return true;
            return vm.typeHas(o, "__index__") || vm.typeHas(o, "__int__") || vm.typeHas(o, "__float__");
        }

        @Override
        public long newInstance(long[] a, int off, int n, long kw) {
            long[] p = Params.parse(vm, "count", NAMES, 0, 2, 0, a, off, n, kw);
            long start = p[0], step = p[1];
            if (start != 0 && !isNumber(start) || step != 0 && !isNumber(step)) throw vm.error("TypeError", "a number is required");
            boolean fast = (start == 0 || vm.isInt(start)) && (step == 0 || vm.isInt(step));
            long cnt = 0;
            if (start != 0) {
                if (fast) {
                    if (IntType.fitsLong(start)) cnt = IntType.asLong(start);
                    else fast = false;
                }
                heap.incref(start);
            } else {
                start = heap.ints.of(0);
            }
            if (step == 0) step = heap.ints.of(1);
            else heap.incref(step);
            if (fast && !(IntType.fitsLong(step) && IntType.asLong(step) == 1)) fast = false;
            if (fast) {
                heap.decref(start);
                start = 0;
            } else {
                cnt = SSIZE_MAX;
            }
            long c0 = cnt, lc = start, ls = step;
            return create(o -> {
                Native.putLong(o + CNT, c0);
                put(o, LONG_CNT, lc);
                put(o, LONG_STEP, ls);
            });
        }

        @Override
        public long nextOf(long o) {
            long cnt = Native.getLong(o + CNT);
            if (cnt != SSIZE_MAX) {
                Native.putLong(o + CNT, cnt + 1);
                return heap.ints.of(cnt);
            }
            long longCnt = get(o, LONG_CNT);
            if (longCnt == 0) longCnt = heap.ints.of(SSIZE_MAX);  // switch to slow mode
            long stepped = vm.binary(BinaryOp.ADD, longCnt, get(o, LONG_STEP));
            put(o, LONG_CNT, stepped);
            return longCnt;
        }

        @Override
        public String reprOf(long o) {
            long cnt = Native.getLong(o + CNT);
            if (cnt != SSIZE_MAX) return shortName(o) + "(" + cnt + ")";
            long step = get(o, LONG_STEP);
            if (vm.isInt(step) && IntType.fitsLong(step) && IntType.asLong(step) == 1) return shortName(o) + "(" + vm.repr(get(o, LONG_CNT)) + ")";
            return shortName(o) + "(" + vm.repr(get(o, LONG_CNT)) + ", " + vm.repr(step) + ")";
        }
    }

    /** cycleobject: it | saved (list) | index | firstpass (int). 48 bytes. */
    static final class Cycle extends ItType {
        @Override
        boolean takesNoKeywords() { return true; }

        static final int IT = 16, SAVED = 24, INDEX = 32, FIRSTPASS = 40;

        Cycle(VmApi vm) { super(vm, "cycle", 48, IT, SAVED); }

        @Override
        boolean reducible() { return true; }

        /** cycle_reduce: (type, (it,), (saved, firstpass)); once the iterator is spent, an iterator over saved at the index. */
        @Override
        long reduceOf(long o) {
            long saved = get(o, SAVED);
            long it = get(o, IT);
            long first;
            if (it == 0) {
                it = vm.iter(saved);
                long index = Native.getLong(o + INDEX);
                if (index != 0) {
                    long i = heap.ints.of(index);
                    try {
                        heap.decref(vm.callMethod(it, "__setstate__", i));
                    } catch (RuntimeException e) {
                        heap.decref(it);
                        throw e;
                    } finally {
                        heap.decref(i);
                    }
                }
                first = heap.True;
            } else {
                vm.incref(it);
                first = Native.getInt(o + FIRSTPASS) != 0 ? heap.True : heap.False;
            }
            long args = heap.tuples.alloc(1);
            TupleType.setItemSteal(args, 0, it);
            long state = heap.tuples.of(saved, first);
            return reduceTupleStealing(o, args, state);
        }

        @Override
        boolean hasSetState() { return true; }

        /** cycle_setstate: (saved list, firstpass); the index back to 0. */
        @Override
        void setStateOf(long o, long state) {
            if (!vm.isInstanceOf(state, heap.tuples)) throw vm.error("TypeError", "state is not a tuple");
            if (TupleType.size(state) != 2 || heap.typeOf(TupleType.item(state, 0)) != heap.lists) {
                throw vm.error("TypeError", "cycle.__setstate__ expects (list, int)");
            }
            long fp = TupleType.item(state, 1);  // "O!i": an int (or __index__)
            boolean firstpass = vm.asIndex(fp).signum() != 0;
            set(o, SAVED, vm.incref(TupleType.item(state, 0)));
            Native.putInt(o + FIRSTPASS, firstpass ? 1 : 0);
            Native.putLong(o + INDEX, 0);
        }

        @Override
        public long newInstance(long[] a, int off, int n, long kw) {
            Params.unpack(vm, "cycle", n, kw, 1, 1);
            long it = vm.iter(a[off]);
            long saved = heap.lists.alloc(0);
            return create(o -> {
                put(o, IT, it);
                put(o, SAVED, saved);
            });
        }

        @Override
        public long nextOf(long o) {
            long it = get(o, IT);
            if (it != 0) {
                long item = vm.next(it);
                if (item != 0) {
                    if (Native.getInt(o + FIRSTPASS) == 0) heap.lists.append(get(o, SAVED), item);
                    return item;
                }
                set(o, IT, 0);
            }
            long saved = get(o, SAVED);
            long len = dev.refheap.object.ListType.size(saved);
            if (len == 0) return 0;
            long index = Native.getLong(o + INDEX);
            long item = dev.refheap.object.ListType.item(saved, index);
            index++;
            if (index >= len) index = 0;
            Native.putLong(o + INDEX, index);
            return vm.incref(item);
        }
    }

    /** repeatobject: element | cnt (-1: forever). 32 bytes. */
    static final class Repeat extends ItType {
        static final int ELEMENT = 16, CNT = 24;
        private static final String[] NAMES = {"object", "times"};

        Repeat(VmApi vm) { super(vm, "repeat", 32, ELEMENT); }

        @Override
        boolean reducible() { return true; }

        /** repeat_reduce: (type, (element, cnt)), or (type, (element,)) forever. */
        @Override
        long reduceOf(long o) {
            long cnt = Native.getLong(o + CNT);
            if (cnt < 0) return reduceTuple(o, heap.tuples.of(get(o, ELEMENT)), 0);
            long c = heap.ints.of(cnt);
            long args = heap.tuples.of(get(o, ELEMENT), c);
            heap.decref(c);
            return reduceTuple(o, args, 0);
        }

        @Override
        ItType install() {
            super.install();
            defMethod("__length_hint__", (s, a, o, n, kw) -> {
                long cnt = Native.getLong(s + CNT);
                if (cnt == -1) throw vm.error("TypeError", "len() of unsized object");
                return heap.ints.of(cnt);
            });
            return this;
        }

        @Override
        public long newInstance(long[] a, int off, int n, long kw) {
            long[] p = Params.parse(vm, "repeat", NAMES, 1, 2, 0, a, off, n, kw);
            long cnt = -1;
            if (p[1] != 0) {
                cnt = Params.ssize(vm, p[1]);
                if (cnt < 0) cnt = 0;  // "times" given: a negative count is none
            }
            long c = cnt, element = vm.incref(p[0]);
            return create(o -> {
                put(o, ELEMENT, element);
                Native.putLong(o + CNT, c);
            });
        }

        @Override
        public long nextOf(long o) {
            long cnt = Native.getLong(o + CNT);
            if (cnt == 0) return 0;
            if (cnt > 0) Native.putLong(o + CNT, cnt - 1);
            return vm.incref(get(o, ELEMENT));
        }

        @Override
        public String reprOf(long o) {
            long cnt = Native.getLong(o + CNT);
            String e = vm.repr(get(o, ELEMENT));
            return cnt == -1 ? shortName(o) + "(" + e + ")" : shortName(o) + "(" + e + ", " + cnt + ")";
        }
    }

    /** accumulateobject: total | it | binop (NULL: +) | initial (None once used). 48 bytes. */
    static final class Accumulate extends ItType {
        static final int TOTAL = 16, IT = 24, BINOP = 32, INITIAL = 40;
        private static final String[] NAMES = {"iterable", "func", "initial"};

        Accumulate(VmApi vm) { super(vm, "accumulate", 48, BINOP, IT, TOTAL, INITIAL); }

        /** The chain and islice types accumulate_reduce builds its value from (set when the types are made). */
        ItType chain, islice;

        @Override
        boolean reducible() { return true; }

        /**
         * accumulate_reduce: an unused initial value goes in front of the iterator through a chain;
         * with no total yet, (type, (it, func, None)); a total of None, which setstate cannot tell
         * from no total, is rebuilt as islice(accumulate(chain((None,), it), func), 1, None);
         * otherwise (type, (it, func), total).
         */
        @Override
        long reduceOf(long o) {
            long binop = get(o, BINOP) == 0 ? heap.None : get(o, BINOP);
            long initial = get(o, INITIAL), total = get(o, TOTAL);
            if (initial != heap.None) {
                long it = chainOf(initial, get(o, IT));
                long args = heap.tuples.of(it, binop);
                heap.decref(it);
                return reduceTuple(o, args, heap.None);
            }
            if (total == heap.None) {
                long it = chainOf(total, get(o, IT));
                long acc;
                try {
                    acc = vm.call(dev.refheap.object.Heap.typeAddress(o), it, binop);
                } finally {
                    heap.decref(it);
                }
                long one = heap.ints.of(1);
                try {
                    long args = heap.tuples.of(acc, one, heap.None);
                    try {
                        return heap.tuples.of(islice.typeObject(), args);
                    } finally {
                        heap.decref(args);
                    }
                } finally {
                    heap.decref(acc);
                    heap.decref(one);
                }
            }
            long args = heap.tuples.of(get(o, IT), binop);
            return reduceTuple(o, args, total == 0 ? heap.None : total);
        }

        /** chain((first,), it): a new reference. */
        private long chainOf(long first, long it) {
            long head = heap.tuples.of(first);
            try {
                return vm.call(chain.typeObject(), head, it);
            } finally {
                heap.decref(head);
            }
        }

        @Override
        boolean hasSetState() { return true; }

        /** accumulate_setstate: the state becomes the total, whatever it is. */
        @Override
        void setStateOf(long o, long state) { set(o, TOTAL, vm.incref(state)); }

        @Override
        public long newInstance(long[] a, int off, int n, long kw) {
            long[] p = Params.parse(vm, "accumulate", NAMES, 1, 2, 0, a, off, n, kw);
            long it = vm.iter(p[0]);
            long binop = p[1] == 0 || p[1] == heap.None ? 0 : vm.incref(p[1]);
            long initial = vm.incref(p[2] == 0 ? heap.None : p[2]);
            return create(o -> {
                put(o, IT, it);
                put(o, BINOP, binop);
                put(o, INITIAL, initial);
            });
        }

        @Override
        public long nextOf(long o) {
            long initial = get(o, INITIAL);
            if (initial != heap.None) {
                put(o, INITIAL, vm.incref(heap.None));
                set(o, TOTAL, initial);  // the reference moves to total
                return vm.incref(initial);
            }
            long val = vm.next(get(o, IT));
            if (val == 0) return 0;
            long total = get(o, TOTAL);
            if (total == 0) {
                put(o, TOTAL, val);
                return vm.incref(val);
            }
            long newTotal;
            try {
                long binop = get(o, BINOP);
                newTotal = binop == 0 ? vm.binary(BinaryOp.ADD, total, val) : vm.call(binop, total, val);
            } finally {
                heap.decref(val);
            }
            set(o, TOTAL, vm.incref(newTotal));
            return newTotal;
        }
    }

    /** chainobject: source (iterator over the iterables) | active (current iterator). 32 bytes. */
    static final class Chain extends ItType {
        @Override
        boolean takesNoKeywords() { return true; }

        static final int SOURCE = 16, ACTIVE = 24;

        Chain(VmApi vm) { super(vm, "chain", 32, SOURCE, ACTIVE); }

        @Override
        boolean reducible() { return true; }

        /** chain_reduce: (type, ()), with the state (source[, active]) while there is a source. */
        @Override
        long reduceOf(long o) {
            long source = get(o, SOURCE), active = get(o, ACTIVE);
            if (source == 0) return reduceTuple(o, heap.tuples.alloc(0), 0);
            long state = active == 0 ? heap.tuples.of(source) : heap.tuples.of(source, active);
            try {
                return reduceTuple(o, heap.tuples.alloc(0), state);
            } finally {
                heap.decref(state);
            }
        }

        @Override
        boolean hasSetState() { return true; }

        /** chain_setstate: (source[, active]), iterators. */
        @Override
        void setStateOf(long o, long state) {
            if (!vm.isInstanceOf(state, heap.tuples)) throw vm.error("TypeError", "state is not a tuple");
            long n = TupleType.size(state);
            if (n < 1 || n > 2) throw vm.error("TypeError", "function takes " + (n < 1 ? "at least 1 argument" : "at most 2 arguments") + " (" + n + " given)");
            long source = TupleType.item(state, 0), active = n == 2 ? TupleType.item(state, 1) : 0;
            if (!vm.typeHas(source, "__next__") || active != 0 && !vm.typeHas(active, "__next__")) throw vm.error("TypeError", "Arguments must be iterators.");
            set(o, SOURCE, vm.incref(source));
            set(o, ACTIVE, active == 0 ? 0 : vm.incref(active));
        }

        @Override
        ItType install() {
            super.install();
            defClassMethod("from_iterable", (s, a, o, n, kw) -> {
                Params.noKeywords(vm, "chain.from_iterable", kw);
                if (n != 1) throw vm.error("TypeError", "chain.from_iterable() takes exactly one argument (" + n + " given)");
                long source = vm.iter(a[o]);
                return makeAs(vm.subtypeAllocator(this, s), () -> fromSource(source));  // cls->tp_alloc
            });
            return this;
        }

        private long fromSource(long source) { return create(o -> put(o, SOURCE, source)); }

        @Override
        public long newInstance(long[] a, int off, int n, long kw) {
            Params.noKeywords(vm, "chain", kw);
            long args = vm.packedCallArgs(a, off, n);  // chain_new iterates over the call's own tuple
            if (args == 0) {
                args = heap.tuples.alloc(n);
                for (int i = 0; i < n; i++) TupleType.setItemSteal(args, i, vm.incref(a[off + i]));
            }
            long source;
            try {
                source = vm.iter(args);
            } finally {
                heap.decref(args);
            }
            return fromSource(source);
        }

        @Override
        public long nextOf(long o) {
            while (get(o, SOURCE) != 0) {
                if (get(o, ACTIVE) == 0) {
                    long iterable;
                    long active;
                    try {
                        iterable = vm.next(get(o, SOURCE));
                        if (iterable == 0) {
                            set(o, SOURCE, 0);
                            return 0;  // no more input sources
                        }
                        try {
                            active = vm.iter(iterable);
                        } finally {
                            heap.decref(iterable);
                        }
                    } catch (PyException e) {
                        set(o, SOURCE, 0);  // input source is malformed
                        throw e;
                    }
                    put(o, ACTIVE, active);
                }
                long item = vm.next(get(o, ACTIVE));
                if (item != 0) return item;
                set(o, ACTIVE, 0);  // the active iterator is exhausted: the next source
            }
            return 0;
        }
    }

    /** compressobject: data | selectors (iterators). 32 bytes. */
    static final class Compress extends ItType {
        static final int DATA = 16, SELECTORS = 24;
        private static final String[] NAMES = {"data", "selectors"};

        Compress(VmApi vm) { super(vm, "compress", 32, DATA, SELECTORS); }

        @Override
        boolean reducible() { return true; }

        /** compress_reduce: (type, (data, selectors)). */
        @Override
        long reduceOf(long o) { return reduceTuple(o, heap.tuples.of(get(o, DATA), get(o, SELECTORS)), 0); }

        @Override
        public long newInstance(long[] a, int off, int n, long kw) {
            long[] p = Params.parse(vm, "compress", NAMES, 2, 2, 0, a, off, n, kw);
            long data = vm.iter(p[0]);
            long selectors;
            try {
                selectors = vm.iter(p[1]);
            } catch (PyException e) {
                heap.decref(data);
                throw e;
            }
            return create(o -> {
                put(o, DATA, data);
                put(o, SELECTORS, selectors);
            });
        }

        @Override
        public long nextOf(long o) {
            while (true) {
                long datum = vm.next(get(o, DATA));
                if (datum == 0) return 0;
                long selector;
                boolean ok;
                try {
                    selector = vm.next(get(o, SELECTORS));
                    if (selector == 0) {
                        heap.decref(datum);
                        return 0;
                    }
                    ok = truthOfNew(selector);
                } catch (PyException e) {
                    heap.decref(datum);
                    throw e;
                }
                if (ok) return datum;
                heap.decref(datum);
            }
        }
    }

    /**
     * dropwhile, takewhile, filterfalse and starmap share a shape: func | it, with a flag word for
     * the first two (dropwhile's start, takewhile's stop: 40 bytes; the others 32).
     */
    static final class Predicated extends ItType {
        @Override
        boolean takesNoKeywords() { return true; }

        enum Kind { DROPWHILE, TAKEWHILE, FILTERFALSE, STARMAP }

        static final int FUNC = 16, IT = 24, FLAG = 32;
        private final Kind kind;

        Predicated(VmApi vm, Kind kind) {
            super(vm, kind.name().toLowerCase(java.util.Locale.ROOT),
                    kind == Kind.DROPWHILE || kind == Kind.TAKEWHILE ? 40 : 32, IT, FUNC);
            this.kind = kind;
        }

        @Override
        boolean reducible() { return true; }

        /** (type, (func, it)), with dropwhile's start or takewhile's stop as the state. */
        @Override
        long reduceOf(long o) {
            long args = heap.tuples.of(get(o, FUNC), get(o, IT));
            if (kind != Kind.DROPWHILE && kind != Kind.TAKEWHILE) return reduceTuple(o, args, 0);
            long flag = heap.ints.of(Native.getLong(o + FLAG));
            return reduceTupleStealing(o, args, flag);
        }

        @Override
        boolean hasSetState() { return kind == Kind.DROPWHILE || kind == Kind.TAKEWHILE; }

        @Override
        void setStateOf(long o, long state) { Native.putLong(o + FLAG, vm.truthy(state) ? 1 : 0); }

        @Override
        public long newInstance(long[] a, int off, int n, long kw) {
            Params.unpack(vm, shortName(), n, kw, 2, 2);
            long it = vm.iter(a[off + 1]);
            long func = vm.incref(a[off]);
            return create(o -> {
                put(o, FUNC, func);
                put(o, IT, it);
            });
        }

        @Override
        public long nextOf(long o) {
            return switch (kind) {
                case DROPWHILE -> dropwhile(o);
                case TAKEWHILE -> takewhile(o);
                case FILTERFALSE -> filterfalse(o);
                case STARMAP -> starmap(o);
            };
        }

        private boolean test(long func, long item) {
            return truthOfNew(call1(func, item));
        }

        private long dropwhile(long o) {
            while (true) {
                long item = vm.next(get(o, IT));
                if (item == 0) return 0;
                if (Native.getLong(o + FLAG) == 1) return item;
                boolean ok;
                try {
                    ok = test(get(o, FUNC), item);
                } catch (PyException e) {
                    heap.decref(item);
                    throw e;
                }
                if (!ok) {
                    Native.putLong(o + FLAG, 1);
                    return item;
                }
                heap.decref(item);
            }
        }

        private long takewhile(long o) {
            if (Native.getLong(o + FLAG) == 1) return 0;
            long item = vm.next(get(o, IT));
            if (item == 0) return 0;
            boolean ok;
            try {
                ok = test(get(o, FUNC), item);
            } catch (PyException e) {
                heap.decref(item);
                throw e;
            }
            if (ok) return item;
            heap.decref(item);
            Native.putLong(o + FLAG, 1);
            return 0;
        }

        private long filterfalse(long o) {
            long func = get(o, FUNC);
            while (true) {
                long item = vm.next(get(o, IT));
                if (item == 0) return 0;
                boolean ok;
                try {
                    ok = func == heap.None || func == heap.bools.address() ? vm.truthy(item) : test(func, item);
                } catch (PyException e) {
                    heap.decref(item);
                    throw e;
                }
                if (!ok) return item;
                heap.decref(item);
            }
        }

        private long starmap(long o) {
            long args = vm.next(get(o, IT));
            if (args == 0) return 0;
            if (heap.typeOf(args) != heap.tuples) {
                long t;
                try {
                    t = vm.call(heap.tuples.address(), args);
                } finally {
                    heap.decref(args);
                }
                args = t;
            }
            try {
                return vm.callWith(get(o, FUNC), args, 0);
            } finally {
                heap.decref(args);
            }
        }
    }

    /** isliceobject: it | next | stop (-1: None) | step | cnt (all Py_ssize_t but it). 56 bytes. */
    static final class Islice extends ItType {
        @Override
        boolean takesNoKeywords() { return true; }

        static final int IT = 16, NEXT = 24, STOP = 32, STEP = 40, CNT = 48;
        private static final String STOP_ERROR = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

        Islice(VmApi vm) { super(vm, "islice", 56, IT); }

        @Override
        boolean reducible() { return true; }

        /**
         * islice_reduce: (type, (it, next, stop or None, step), cnt), a new object with the same
         * bounds that setstate gives the count; once exhausted, (type, (iter([]), 0), 0).
         */
        @Override
        long reduceOf(long o) {
            long it = get(o, IT);
            long zero = heap.ints.of(0);
            try {
                if (it == 0) {
                    long empty = heap.lists.alloc(0);
                    long eit;
                    try {
                        eit = vm.iter(empty);
                    } finally {
                        heap.decref(empty);
                    }
                    long args = heap.tuples.of(eit, zero);
                    heap.decref(eit);
                    return reduceTuple(o, args, zero);
                }
                long stopValue = Native.getLong(o + STOP);
                long next = heap.ints.of(Native.getLong(o + NEXT)), step = heap.ints.of(Native.getLong(o + STEP));
                long stop = stopValue == -1 ? vm.incref(heap.None) : heap.ints.of(stopValue), cnt = heap.ints.of(Native.getLong(o + CNT));
                try {
                    return reduceTuple(o, heap.tuples.of(it, next, stop, step), cnt);
                } finally {
                    heap.decref(next);
                    heap.decref(step);
                    heap.decref(stop);
                    heap.decref(cnt);
                }
            } finally {
                heap.decref(zero);
            }
        }

        @Override
        boolean hasSetState() { return true; }

        /** islice_setstate: the count, PyLong_AsSsize_t of the state. */
        @Override
        void setStateOf(long o, long state) { Native.putLong(o + CNT, Params.ssizeExact(vm, state)); }

        /** PyNumber_AsSsize_t with any error cleared: -1 on failure, as islice_new reads it. */
        private long ssizeOrMinus1(long v) {
            try {
                return Params.ssize(vm, v);
            } catch (PyException e) {
                heap.decref(e.exc());
                return -1;
            }
        }

        @Override
        public long newInstance(long[] a, int off, int n, long kw) {
            Params.noKeywords(vm, "islice", kw);
            Params.unpack(vm, "islice", n, kw, 2, 4);
            long seq = a[off];
            long start = 0, stop = -1, step = 1;
            if (n == 2) {
                if (a[off + 1] != heap.None) {
                    stop = ssizeOrMinus1(a[off + 1]);
                    if (stop == -1) throw vm.error("ValueError", STOP_ERROR);
                }
            } else {
                if (a[off + 1] != heap.None) start = ssizeOrMinus1(a[off + 1]);
                if (a[off + 2] != heap.None) {
                    stop = ssizeOrMinus1(a[off + 2]);
                    if (stop == -1) throw vm.error("ValueError", STOP_ERROR);
                }
            }
            if (start < 0 || stop < -1) throw vm.error("ValueError", "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
            if (n == 4 && a[off + 3] != heap.None) step = ssizeOrMinus1(a[off + 3]);
            if (step < 1) throw vm.error("ValueError", "Step for islice() must be a positive integer or None.");
            long it = vm.iter(seq);
            long s0 = start, s1 = stop, s2 = step;
            return create(o -> {
                put(o, IT, it);
                Native.putLong(o + NEXT, s0);
                Native.putLong(o + STOP, s1);
                Native.putLong(o + STEP, s2);
            });
        }

        @Override
        public long nextOf(long o) {
            long it = get(o, IT);
            if (it == 0) return 0;
            long stop = Native.getLong(o + STOP);
            try {
                while (Native.getLong(o + CNT) < Native.getLong(o + NEXT)) {
                    long item = vm.next(it);
                    if (item == 0) return empty(o);
                    heap.decref(item);
                    Native.putLong(o + CNT, Native.getLong(o + CNT) + 1);
                }
                if (stop != -1 && Native.getLong(o + CNT) >= stop) return empty(o);
                long item = vm.next(it);
                if (item == 0) return empty(o);
                Native.putLong(o + CNT, Native.getLong(o + CNT) + 1);
                long oldNext = Native.getLong(o + NEXT);
                long next = oldNext + Native.getLong(o + STEP);
                if (next < oldNext || (stop != -1 && next > stop)) next = stop;
                Native.putLong(o + NEXT, next);
                return item;
            } catch (PyException e) {
                empty(o);
                throw e;
            }
        }

        private long empty(long o) {
            set(o, IT, 0);
            return 0;
        }
    }

    /** pairwiseobject: it | old. 32 bytes. */
    static final class Pairwise extends ItType {
        @Override
        boolean takesNoKeywords() { return true; }

        static final int IT = 16, OLD = 24;

        Pairwise(VmApi vm) { super(vm, "pairwise", 32, IT, OLD); }

        @Override
        public long newInstance(long[] a, int off, int n, long kw) {
            Params.unpack(vm, "pairwise", n, kw, 1, 1);
            long it = vm.iter(a[off]);
            return create(o -> put(o, IT, it));
        }

        /**
         * pairwise_next as 3.11.7 has it after gh-109786: the source's __next__ may call this
         * pairwise again (re-entrantly), so what it leaves in {@code it} and {@code old} is read
         * again after each call, and the pair is built from references held here, not from the
         * fields (it used a borrowed {@code it} the re-entrant call could free).
         */
        @Override
        public long nextOf(long o) {
            long it = get(o, IT);
            if (it == 0) return 0;
            long old = get(o, OLD);
            if (old == 0) {
                long first = nextOrClear(o, it);
                set(o, OLD, first);
                if (first == 0) {
                    set(o, IT, 0);
                    return 0;
                }
                it = get(o, IT);
                if (it == 0) {
                    set(o, OLD, 0);
                    return 0;
                }
                old = first;
            }
            vm.incref(old);
            long neu;
            try {
                neu = nextOrClear(o, it);
            } catch (PyException e) {
                heap.decref(old);
                throw e;
            }
            if (neu == 0) {
                set(o, IT, 0);
                set(o, OLD, 0);
                heap.decref(old);
                return 0;
            }
            long result = heap.tuples.of(old, neu);
            set(o, OLD, neu);
            heap.decref(old);
            return result;
        }

        /** next(it) with {@code it} held for the call; an exception clears both fields, as exhaustion does. */
        private long nextOrClear(long o, long it) {
            vm.incref(it);
            try {
                return vm.next(it);
            } catch (PyException e) {
                set(o, IT, 0);
                set(o, OLD, 0);
                throw e;
            } finally {
                heap.decref(it);
            }
        }
    }

    /** ziplongestobject: tuplesize | numactive | ittuple | result (reused when unshared) | fillvalue. 56 bytes. */
    static final class ZipLongest extends ItType {
        static final int TUPLESIZE = 16, NUMACTIVE = 24, ITTUPLE = 32, RESULT = 40, FILLVALUE = 48;

        ZipLongest(VmApi vm) { super(vm, "zip_longest", 56, ITTUPLE, RESULT, FILLVALUE); }

        @Override
        boolean reducible() { return true; }

        /** zip_longest_reduce: (type, iterators with () for the exhausted ones, fillvalue). */
        @Override
        long reduceOf(long o) {
            long ittuple = get(o, ITTUPLE);
            long size = TupleType.size(ittuple);
            long args = heap.tuples.alloc(size);
            for (long i = 0; i < size; i++) {
                long it = TupleType.item(ittuple, i);
                TupleType.setItemSteal(args, i, it == 0 ? heap.tuples.alloc(0) : vm.incref(it));
            }
            long t = dev.refheap.object.Heap.typeAddress(o);
            try {
                return heap.tuples.of(t, args, get(o, FILLVALUE));
            } finally {
                heap.decref(args);
            }
        }

        @Override
        boolean hasSetState() { return true; }

        /** zip_longest_setstate: the state becomes the fill value. */
        @Override
        void setStateOf(long o, long state) { set(o, FILLVALUE, vm.incref(state)); }

        @Override
        public long newInstance(long[] a, int off, int n, long kw) {
            int nkw = Params.nkw(kw);
            long fill = heap.None;
            if (nkw > 0) {
                if (nkw != 1 || !vm.strValue(TupleType.item(kw, 0)).equals("fillvalue")) {
                    throw vm.error("TypeError", "zip_longest() got an unexpected keyword argument");
                }
                fill = a[off + n - 1];
            }
            int size = n - nkw;
            long ittuple = heap.tuples.alloc(size);
            for (int i = 0; i < size; i++) {
                long it;
                try {
                    it = vm.iter(a[off + i]);
                } catch (PyException e) {
                    heap.decref(ittuple);
                    throw e;
                }
                TupleType.setItemSteal(ittuple, i, it);
            }
            long result = heap.tuples.alloc(size);
            for (int i = 0; i < size; i++) TupleType.setItemSteal(result, i, vm.incref(heap.None));
            long fv = vm.incref(fill);
            return create(o -> {
                put(o, ITTUPLE, ittuple);
                Native.putLong(o + TUPLESIZE, size);
                Native.putLong(o + NUMACTIVE, size);
                put(o, RESULT, result);
                put(o, FILLVALUE, fv);
            });
        }

        @Override
        public long nextOf(long o) {
            long size = Native.getLong(o + TUPLESIZE);
            if (size == 0 || Native.getLong(o + NUMACTIVE) == 0) return 0;
            long result = get(o, RESULT);
            boolean reuse = heap.refcount(result) == 1;
            if (reuse) heap.incref(result);
            else result = heap.tuples.alloc(size);
            long ittuple = get(o, ITTUPLE);
            for (long i = 0; i < size; i++) {
                long it = TupleType.item(ittuple, i);
                long item;
                if (it == 0) {
                    item = vm.incref(get(o, FILLVALUE));
                } else {
                    try {
                        item = vm.next(it);
                    } catch (PyException e) {
                        Native.putLong(o + NUMACTIVE, 0);
                        heap.decref(result);
                        throw e;
                    }
                    if (item == 0) {
                        long active = Native.getLong(o + NUMACTIVE) - 1;
                        Native.putLong(o + NUMACTIVE, active);
                        if (active == 0) {
                            heap.decref(result);
                            return 0;
                        }
                        item = vm.incref(get(o, FILLVALUE));
                        TupleType.setItemSteal(ittuple, i, 0);
                        heap.decref(it);
                    }
                }
                long old = TupleType.item(result, i);
                TupleType.setItemSteal(result, i, item);
                if (old != 0) heap.decref(old);
            }
            // bpo-42536: the collector may have untracked the recycled result tuple
            if (reuse && !Heap.isTracked(result)) heap.track(result);
            return result;
        }
    }
}

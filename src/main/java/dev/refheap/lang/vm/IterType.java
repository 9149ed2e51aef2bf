package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.DictType;
import dev.refheap.object.ListType;
import dev.refheap.object.SetType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.util.function.LongConsumer;

/**
 * The iterators of the builtin containers ({@code list_iterator}, {@code tuple_iterator},
 * {@code dict_keyiterator}, ...). One descriptor per kind, sharing one layout:
 * <pre> refcnt | type | seq (owned) | index | extra (owned or 0) </pre>
 * Sizes follow CPython where observable ({@code getsizeof(iter([])) == 48}). {@code map} and
 * {@code filter} are lazy, as in CPython, in the same 32 bytes as theirs: seq holds map's tuple
 * of iterators or filter's iterator, and the index word holds the function (owned; filter's may
 * be None); they keep both when exhausted.
 */
final class IterType extends LangType {
    static final int SEQ = 16, INDEX = 24, EXTRA = 32;
    /** enumerate's en_result and zip's result: the tuple next() hands out again while nothing else holds it. */
    static final int RESULT = 40;
    /** callable_iterator's sentinel, where the other kinds keep their index. */
    private static final int SENTINEL = INDEX;

    /** STR is str_ascii_iterator (a compact ASCII str), STR_ANY str_iterator (any other str, a subclass instance's too). */
    enum Kind { LIST, TUPLE, STR, DICT_KEYS, DICT_VALUES, DICT_ITEMS, SET, ENUMERATE, ZIP, CALLABLE_SENTINEL, MAP, FILTER, BYTES, BYTEARRAY, STR_ANY,
        LIST_REVERSE, REVERSED, DICT_REVERSE_KEYS, DICT_REVERSE_VALUES, DICT_REVERSE_ITEMS,
        /** {@code iterator}: iter() of an object with __getitem__ and no __iter__ (seq[0], seq[1]... until IndexError or StopIteration). */
        SEQ,
        /** {@code generic_alias_iterator} (gaiterobject, 24 bytes): iter(list[int]) hands out one starred alias, *list[int], then ends. */
        GA }

    /**
     * A dict iterator's len (dictiterobject.len, 56-byte kinds): set to the dict's size when made,
     * one less per item given. Its length hint, and a forward iterator that finds an entry when it
     * is 0 raises "dictionary keys changed during iteration" (keys deleted and added, the size the same).
     */
    private static final int DICT_LEN = 48;

    /** map's and filter's function, in the word other kinds use as the index. */
    private static final int FUNC = INDEX;

    private final Kind kind;
    private final IterType[] byKind;

    IterType(Runtime rt) {
        this(rt, Kind.LIST, "list_iterator", 32, new IterType[Kind.values().length]);
        byKind[Kind.LIST.ordinal()] = this;
        String[] names = {null, "tuple_iterator", "str_ascii_iterator", "dict_keyiterator", "dict_valueiterator",
                "dict_itemiterator", "set_iterator", "enumerate", "zip", "callable_iterator", "map", "filter",
                "bytes_iterator", "bytearray_iterator", "str_iterator", "list_reverseiterator", "reversed",
                "dict_reversekeyiterator", "dict_reversevalueiterator", "dict_reverseitemiterator", "iterator", "generic_alias_iterator"};
        long[] sizes = {0, 32, 32, 56, 56, 56, 48, 56, 48, 32, 32, 32, 32, 32, 32, 32, 32, 56, 56, 56, 32, 24};
        for (Kind k : Kind.values()) {
            if (k == Kind.LIST) continue;
            byKind[k.ordinal()] = new IterType(rt, k, names[k.ordinal()], sizes[k.ordinal()], byKind);
        }
    }

    private IterType(Runtime rt, Kind kind, String name, long size, IterType[] byKind) {
        super(rt, name, null, HAVE_GC | (subclassable(kind) ? BASETYPE : 0), size, 0, 0);
        this.kind = kind;
        this.byKind = byKind;
    }

    /**
     * enumerate, zip, map, filter and reversed have Py_TPFLAGS_BASETYPE: a class may derive from
     * them, its instances this layout and then the class's weakref slot and managed dict; their
     * next() is the base's (tp_iternext inherited) unless the class defines {@code __next__}.
     */
    private static boolean subclassable(Kind k) {
        return k == Kind.ENUMERATE || k == Kind.ZIP || k == Kind.MAP || k == Kind.FILTER || k == Kind.REVERSED;
    }

    /** The iterator type whose layout {@code it} has: its own, or a subclass's builtin base. */
    private IterType iterTypeOf(long it) {
        dev.refheap.object.PyType t = heap.typeOf(it);
        return t instanceof IterType i ? i : (IterType) ((ClassType) t).builtinBase;
    }

    /** An instance of this type, or of the subclass {@code alloc} makes (zeroed after the header); untracked. */
    private long allocOf(java.util.function.LongSupplier alloc) {
        if (alloc == null) return heap.allocObject(this, 0);
        long it = alloc.getAsLong();
        heap.untrackIfTracked(it);
        return it;
    }

    /** Registers the other kinds (this one is registered by the runtime). */
    void registerKinds() {
        for (IterType t : byKind) if (t != this) heap.register(t);
    }

    /** A new iterator of {@code kind} over {@code seq} (borrowed, incref'd). */
    long create(Kind k, long seq, long extra) { return create(k, seq, extra, null); }

    /** As {@link #create(Kind, long, long)}, into the instance {@code alloc} makes (a subclass's; null: of the kind's type). */
    private long create(Kind k, long seq, long extra, java.util.function.LongSupplier alloc) {
        IterType t = byKind[k.ordinal()];
        long it = t.allocOf(alloc);
        heap.incref(seq);
        put(it, SEQ, seq);
        if (k == Kind.GA) {  // ga_iter: only the alias (gi->obj)
            heap.track(it);
            return it;
        }
        if (k == Kind.CALLABLE_SENTINEL) {
            // calliterobject: it_callable, it_sentinel (32 bytes)
            put(it, SENTINEL, extra);
            heap.track(it);
            return it;
        }
        put(it, INDEX, 0);
        // Only the kinds whose layout has room for it get the extra field (list/tuple/str
        // iterators are 32 bytes, as in CPython, and end right after the index).
        if (t.basicSize() > EXTRA) {
            put(it, EXTRA, extra);
            for (int off = EXTRA + 8; off < t.basicSize(); off += 8) put(it, off, 0);
            // di_used, si_used: the size at creation, so a dict or set that changes size before the
            // first next() makes it raise, as CPython's (it was taken at the first next())
            if (k == Kind.DICT_KEYS || k == Kind.DICT_VALUES || k == Kind.DICT_ITEMS) {
                put(it, 40, DictType.size(seq) + 1);
                put(it, DICT_LEN, DictType.size(seq));  // dictiterobject's len: the items still to give
            }
            else if (k == Kind.SET) put(it, 40, SetType.size(seq) + 1);
        } else if (extra != 0) {
            throw new IllegalArgumentException(t.name() + " has no extra field");
        }
        heap.track(it);
        return it;
    }

    IterType typeFor(Kind k) { return byKind[k.ordinal()]; }

    /** Whether this is the zip type (called through _PyObject_MakeTpCall in 3.11: no vectorcall). */
    boolean isZip() { return kind == Kind.ZIP; }

    /**
     * A reverse iterator: list_reverseiterator over a list (from its last index, no copy),
     * reversed over a sequence (its index counts down, PySequence_GetItem each step), or a dict's
     * reverse key/value/item iterator (from its last entry; the size it had is kept, as di_used).
     */
    long createReverse(Kind k, long seq) { return createReverse(k, seq, null); }

    private long createReverse(Kind k, long seq, java.util.function.LongSupplier alloc) {
        long it = create(k, seq, 0, alloc);
        switch (k) {
            case LIST_REVERSE -> put(it, INDEX, ListType.size(seq) - 1);
            case REVERSED -> put(it, INDEX, rt.ops.len(seq) - 1);
            default -> {
                put(it, INDEX, Long.MAX_VALUE);
                put(it, 40, DictType.size(seq) + 1);
                put(it, DICT_LEN, DictType.size(seq));
            }
        }
        return it;
    }

    /** The reverse iterator kind of a dict view's kind. */
    static Kind reverseOf(Kind k) {
        return switch (k) {
            case DICT_KEYS -> Kind.DICT_REVERSE_KEYS;
            case DICT_VALUES -> Kind.DICT_REVERSE_VALUES;
            default -> Kind.DICT_REVERSE_ITEMS;
        };
    }

    /**
     * reversed(seq): {@code type(seq).__reversed__()} if it has one (None: not reversible), else a
     * reversed object over a sequence (a type with __getitem__ that is not a dict).
     */
    private long constructReversed(long[] a, int o, int n, long kw, java.util.function.LongSupplier alloc) {
        Args.noKeywords(rt, "reversed", kw);
        if (n != 1) throw rt.typeError("reversed expected 1 argument, got " + n);
        long seq = a[o];
        dev.refheap.object.PyType t = heap.typeOf(seq);
        long rev = rt.ops.lookupType(t, "__reversed__");
        if (rev == heap.None) throw rt.typeError("'" + rt.ops.typeName(seq) + "' object is not reversible");
        if (rev != 0) return rt.ops.callMethod(seq, "__reversed__");
        if (rt.ops.lookupType(t, "__getitem__") == 0 || rt.ops.isInstance(seq, heap.dicts)) {
            throw rt.typeError("'" + rt.ops.typeName(seq) + "' object is not reversible");
        }
        return createReverse(Kind.REVERSED, seq, alloc);
    }

    /** enumerate(it, start=0) and zip(*its) as callables. */
    long construct(long[] a, int o, int n, long kw) { return construct(a, o, n, kw, null); }

    /** The type's tp_new called on class {@code c} derived from it: the same construction, into an instance of the class. */
    long constructSubtype(ClassType c, long[] a, int o, int n, long kw) {
        int nkw = Args.nkw(kw);
        if (nkw > 0 && (kind == Kind.MAP || kind == Kind.FILTER || kind == Kind.REVERSED)
                && !TypeCall.isObjectMethod(rt, rt.ops.lookupType(c, "__init__"))) {
            // the keywords are refused only while tp_init is the type's own (object's): the class's __init__ takes them
            return construct(a, o, n - nkw, 0, c::allocInstance);
        }
        return construct(a, o, n, kw, c::allocInstance);
    }

    private long construct(long[] a, int o, int n, long kw, java.util.function.LongSupplier alloc) {
        int nkw = Args.nkw(kw);
        if (kind == Kind.ENUMERATE) {
            // enum_vectorcall's manual parse of (iterable, start=0): a keyword must be the name its place has
            int np = n - nkw;
            long iterable, start = 0;
            if (np + nkw == 2) {
                if (nkw == 2 && kwName(kw, 0).equals("start")) {
                    checkKeyword(kw, 1, "iterable");
                    iterable = a[o + 1];
                    start = a[o];
                } else {
                    if (nkw == 2) checkKeyword(kw, 0, "iterable");
                    if (nkw >= 1) checkKeyword(kw, nkw - 1, "start");
                    iterable = a[o];
                    start = a[o + 1];
                }
            } else if (np + nkw == 1) {
                if (nkw == 1) checkKeyword(kw, 0, "iterable");
                iterable = a[o];
            } else if (np == 0) {
                throw rt.typeError("enumerate() missing required argument 'iterable'");
            } else {
                throw rt.typeError("enumerate() takes at most 2 arguments (" + (np + nkw) + " given)");
            }
            // enum_new_impl: the object first (tracked), then PyNumber_Index(start), the iterator, en_result = (None, None)
            long it = allocOf(alloc);
            for (int off = SEQ; off < basicSize(); off += 8) put(it, off, 0);
            heap.track(it);
            if (start != 0) {
                try {
                    start = heap.typeOf(start) == heap.ints ? incref(start) : heap.ints.of(new VmApi(rt).asIndex(start));
                } catch (RuntimeException e) {
                    heap.decref(it);
                    throw e;
                }
                if (dev.refheap.object.IntType.fitsLong(start) && dev.refheap.object.IntType.asLong(start) == 0) {
                    heap.decref(start);
                    start = 0;
                }
            }
            put(it, EXTRA, start);
            long inner;
            try {
                inner = rt.ops.iter(iterable);
            } catch (RuntimeException e) {
                heap.decref(it);
                throw e;
            }
            put(it, SEQ, inner);
            put(it, RESULT, noneTuple(2));
            return it;
        }
        if (kind == Kind.ZIP) {
            boolean strict = false;
            int nkwZip = Args.nkw(kw);
            for (int k = 0; k < nkwZip; k++) {
                String kn = StrType.value(TupleType.item(kw, k));
                if (!kn.equals("strict")) throw rt.typeError("'" + kn + "' is an invalid keyword argument for zip()");
                strict = rt.ops.truthy(a[o + n - nkwZip + k]);
            }
            n -= nkwZip;
            long iters = heap.tuples.alloc(n);
            for (int i = 0; i < n; i++) {
                long it;
                try {
                    it = rt.ops.iter(a[o + i]);
                } catch (RuntimeException e) {  // 3.11 passes PyObject_GetIter's error on ("'int' object is not iterable")
                    heap.decref(iters);
                    throw e;
                }
                dev.refheap.object.TupleType.setItemSteal(iters, i, it);
            }
            long result = noneTuple(n);  // zip_new's result holder, made before the object
            long z = create(Kind.ZIP, iters, strict ? 1 : 0, alloc);  // EXTRA: zip's strict flag (not a reference)
            heap.decref(iters);
            put(z, RESULT, result);
            return z;
        }
        if (kind == Kind.MAP || kind == Kind.FILTER) return constructMapFilter(a, o, n, kw, alloc);
        if (kind == Kind.REVERSED) return constructReversed(a, o, n, kw, alloc);
        throw rt.typeError("cannot create '" + name() + "' instances");
    }

    private static String kwName(long kw, int i) { return StrType.value(TupleType.item(kw, i)); }

    /** enum_vectorcall's check_keyword: keyword {@code i} must be {@code name}. */
    private void checkKeyword(long kw, int i, String name) {
        if (!kwName(kw, i).equals(name)) throw rt.typeError("'" + kwName(kw, i) + "' is an invalid keyword argument for enumerate()");
    }

    /** map(func, *iterables) and filter(func or None, iterable): lazy iterators. */
    private long constructMapFilter(long[] a, int o, int n, long kw, java.util.function.LongSupplier alloc) {
        boolean map = kind == Kind.MAP;
        Args.noKeywords(rt, name(), kw);
        if (map && n < 2) throw rt.typeError("map() must have at least two arguments.");
        if (!map && n != 2) throw rt.typeError("filter expected 2 arguments, got " + n);
        long seq;
        if (map) {
            seq = heap.tuples.alloc(n - 1);
            for (int i = 1; i < n; i++) {
                long it;
                try {
                    it = rt.ops.iter(a[o + i]);
                } catch (RuntimeException e) {
                    heap.decref(seq);
                    throw e;
                }
                TupleType.setItemSteal(seq, i - 1, it);
            }
        } else {
            seq = rt.ops.iter(a[o + 1]);
        }
        long r = allocOf(alloc);
        put(r, SEQ, seq);
        heap.incref(a[o]);
        put(r, FUNC, a[o]);
        heap.track(r);
        return r;
    }

    private long nextMap(long it, long iters) {
        int n = (int) TupleType.size(iters);
        long[] args = new long[n];
        for (int i = 0; i < n; i++) {
            long v;
            try {
                v = rt.ops.next(TupleType.item(iters, i));
            } catch (RuntimeException e) {
                for (int j = 0; j < i; j++) heap.decref(args[j]);
                throw e;
            }
            if (v == 0) {
                for (int j = 0; j < i; j++) heap.decref(args[j]);
                return 0;
            }
            args[i] = v;
        }
        try {
            return rt.ops.call(get(it, FUNC), args, 0, n, 0);
        } finally {
            for (long v : args) heap.decref(v);
        }
    }

    private long nextFilter(long it, long inner) {
        long func = get(it, FUNC);
        while (true) {
            long v = rt.ops.next(inner);
            if (v == 0) return 0;
            boolean keep;
            try {
                if (func == heap.None || func == heap.bools.address()) {
                    keep = rt.ops.truthy(v);
                } else {
                    long r = rt.ops.call(func, new long[] {v}, 0, 1, 0);
                    try {
                        keep = rt.ops.truthy(r);
                    } finally {
                        heap.decref(r);
                    }
                }
            } catch (RuntimeException e) {
                heap.decref(v);
                throw e;
            }
            if (keep) return v;
            heap.decref(v);
        }
    }

    boolean isIterator(long o) {
        for (IterType t : byKind) if (heap.typeOf(o) == t) return true;
        return false;
    }

    /** The next item (a new reference), or 0 when exhausted. */
    long next(long it) {
        IterType t = iterTypeOf(it);
        long seq = get(it, SEQ);
        if (t.kind == Kind.MAP) return nextMap(it, seq);
        if (t.kind == Kind.FILTER) return nextFilter(it, seq);
        if (t.kind == Kind.CALLABLE_SENTINEL) return nextCallable(it, seq);
        if (t.kind == Kind.GA) return nextGa(it, seq);
        if (seq == 0) return 0;
        long i = get(it, INDEX);
        long r = switch (t.kind) {
            case LIST -> i < ListType.size(seq) ? incref(ListType.item(seq, i)) : 0;
            case TUPLE -> i < TupleType.size(seq) ? incref(TupleType.item(seq, i)) : 0;
            case STR, STR_ANY -> i < StrType.length(seq) ? heap.strs.of(new String(Character.toChars(StrType.codePointAt(seq, i)))) : 0;
            case BYTES -> i < dev.refheap.object.BytesType.length(seq) ? heap.ints.of(Native.getByte(seq + dev.refheap.object.BytesType.SVAL + i) & 0xff) : 0;
            case BYTEARRAY -> i < ByteArrayType.size(seq) ? heap.ints.of(Native.getByte(ByteArrayType.start(seq) + i) & 0xff) : 0;
            case DICT_KEYS, DICT_VALUES, DICT_ITEMS -> nextDict(it, t.kind, seq, i);
            case LIST_REVERSE -> {
                if (i >= 0 && i < ListType.size(seq)) {
                    put(it, INDEX, i - 1);
                    yield incref(ListType.item(seq, i));
                }
                put(it, INDEX, -1);
                yield 0;
            }
            case REVERSED -> nextReversed(it, seq, i);
            case SEQ -> nextSeq(it, seq, i);
            case DICT_REVERSE_KEYS, DICT_REVERSE_VALUES, DICT_REVERSE_ITEMS -> nextDictReverse(it, t.kind, seq, i);
            case SET -> nextSet(it, seq, i);
            case ENUMERATE -> nextEnumerate(it, seq, i);
            case ZIP -> get(it, EXTRA) != 0 ? ZipStrict.next(rt, seq, recyclable(it)) : nextZip(seq, recyclable(it));
            case CALLABLE_SENTINEL, MAP, FILTER, GA -> throw new IllegalStateException("handled above");
        };
        if (r == 0) {
            put(it, SEQ, 0);
            heap.decref(seq);
            return 0;
        }
        if (t.kind.ordinal() < Kind.LIST_REVERSE.ordinal() && t.kind != Kind.DICT_KEYS && t.kind != Kind.DICT_VALUES
                && t.kind != Kind.DICT_ITEMS && t.kind != Kind.SET) {
            put(it, INDEX, i + 1);
        }
        return r;
    }

    /**
     * __length_hint__ of the container iterators (3.11's listiter_len, tupleiter_len, dictiter_len,
     * setiter_len, reversed_len...): the items still to come; 0 once exhausted, or when the dict or
     * set changed size since iteration began (its next() would raise). -1 for the kinds that have
     * none (enumerate, zip, map, filter, callable_iterator); {@link #NO_HINT} for a sequence
     * iterator over an object without a length (iter_len answers NotImplemented).
     */
    long lengthHint(long it) {
        IterType t = iterTypeOf(it);
        if (t.kind == Kind.ENUMERATE || t.kind == Kind.ZIP || t.kind == Kind.MAP || t.kind == Kind.FILTER || t.kind == Kind.CALLABLE_SENTINEL
                || t.kind == Kind.GA) return -1;
        long seq = get(it, SEQ);
        if (seq == 0) return 0;
        long i = get(it, INDEX);
        return switch (t.kind) {
            case LIST -> Math.max(0, ListType.size(seq) - i);
            case TUPLE -> Math.max(0, TupleType.size(seq) - i);
            case STR, STR_ANY -> Math.max(0, StrType.length(seq) - i);
            case BYTES -> Math.max(0, dev.refheap.object.BytesType.length(seq) - i);
            case BYTEARRAY -> Math.max(0, ByteArrayType.size(seq) - i);
            case LIST_REVERSE -> i + 1 <= ListType.size(seq) ? Math.max(0, i + 1) : 0;
            case REVERSED -> {
                long size = rt.ops.len(seq);
                yield size < i + 1 ? 0 : Math.max(0, i + 1);
            }
            case SEQ -> {
                // iter_len: the length still to come when the object has one (sq_length or mp_length), else NotImplemented
                if (rt.ops.lookupType(heap.typeOf(seq), "__len__") == 0) yield NO_HINT;
                yield Math.max(0, rt.ops.len(seq) - i);
            }
            case DICT_KEYS, DICT_VALUES, DICT_ITEMS, DICT_REVERSE_KEYS, DICT_REVERSE_VALUES, DICT_REVERSE_ITEMS ->
                // dictiter_len: len while the dict keeps the size it had, else 0
                get(it, 40) == DictType.size(seq) + 1 ? get(it, DICT_LEN) : 0;
            case SET -> {
                long used = get(it, 40);
                if (used != 0 && used != SetType.size(seq) + 1) yield 0;
                long c = 0;
                for (long slot = heap.sets.nextSlot(seq, i); slot >= 0; slot = heap.sets.nextSlot(seq, slot + 1)) c++;
                yield c;
            }
            default -> -1;
        };
    }

    /** {@link #lengthHint}'s answer for a sequence iterator whose object has no length: __length_hint__ returns NotImplemented. */
    static final long NO_HINT = Long.MIN_VALUE;

    /** {@link #next} for a list iterator (this descriptor is list_iterator's), without the dispatch on the kind. */
    long nextOfList(long it) {
        long seq = get(it, SEQ);
        if (seq == 0) return 0;
        long i = get(it, INDEX);
        if (i < ListType.size(seq)) {
            put(it, INDEX, i + 1);
            return incref(ListType.item(seq, i));
        }
        put(it, SEQ, 0);
        heap.decref(seq);
        return 0;
    }

    private long incref(long o) {
        heap.incref(o);
        return o;
    }

    private long nextDict(long it, Kind k, long d, long pos) {
        if (get(it, 40) == 0) put(it, 40, DictType.size(d) + 1);
        if (DictType.size(d) + 1 != get(it, 40)) {
            put(it, 40, -1);
            throw rt.error("RuntimeError", "dictionary changed size during iteration");
        }
        long ix = DictType.nextEntry(d, pos);
        if (ix < 0) return 0;
        long len = get(it, DICT_LEN);
        if (len == 0) {  // an entry it did not expect: the iterator lets go of the dict, as at its end
            put(it, SEQ, 0);
            heap.decref(d);
            throw rt.error("RuntimeError", "dictionary keys changed during iteration");
        }
        put(it, DICT_LEN, len - 1);
        put(it, INDEX, ix + 1);
        long key = DictType.entryKeyAt(d, ix), value = DictType.entryValueAt(d, ix);
        return switch (k) {
            case DICT_KEYS -> incref(key);
            case DICT_VALUES -> incref(value);
            default -> heap.tuples.of(key, value);
        };
    }

    /** reversed's next: seq[index], index counting down; an IndexError or StopIteration ends it. */
    private long nextReversed(long it, long seq, long i) {
        if (i < 0) return 0;
        long key = heap.ints.of(i);
        try {
            long v = rt.ops.getItem(seq, key);
            put(it, INDEX, i - 1);
            return v;
        } catch (PyException e) {
            if (!rt.ops.isInstance(e.exc(), rt.exceptionType("IndexError")) && !rt.ops.isInstance(e.exc(), rt.exceptionType("StopIteration"))) {
                throw e;
            }
            heap.decref(e.exc());
            put(it, INDEX, -1);
            return 0;
        } finally {
            heap.decref(key);
        }
    }

    /**
     * iter_iternext: seq[index] (PySequence_GetItem), the index advancing after each item; an
     * IndexError or StopIteration ends it (and {@link #next} lets the sequence go).
     */
    private long nextSeq(long it, long seq, long i) {
        if (i == Long.MAX_VALUE) throw rt.error("OverflowError", "iter index too large");
        long key = heap.ints.of(i);
        try {
            long v = rt.ops.getItem(seq, key);
            put(it, INDEX, i + 1);
            return v;
        } catch (PyException e) {
            if (!rt.ops.isInstance(e.exc(), rt.exceptionType("IndexError")) && !rt.ops.isInstance(e.exc(), rt.exceptionType("StopIteration"))) {
                throw e;
            }
            heap.decref(e.exc());
            return 0;
        } finally {
            heap.decref(key);
        }
    }

    /** dictreviter_iternext: the entries from the last one down; a size change since creation is an error. */
    private long nextDictReverse(long it, Kind k, long d, long pos) {
        if (DictType.size(d) + 1 != get(it, 40)) {
            put(it, 40, -1);
            throw rt.error("RuntimeError", "dictionary changed size during iteration");
        }
        long ix = pos < 0 ? -1 : DictType.prevEntry(d, pos);
        if (ix < 0) return 0;
        put(it, DICT_LEN, get(it, DICT_LEN) - 1);
        put(it, INDEX, ix - 1);
        long key = DictType.entryKeyAt(d, ix), value = DictType.entryValueAt(d, ix);
        return switch (k) {
            case DICT_REVERSE_KEYS -> incref(key);
            case DICT_REVERSE_VALUES -> incref(value);
            default -> heap.tuples.of(key, value);
        };
    }

    private long nextSet(long it, long s, long pos) {
        if (get(it, 40) == 0) put(it, 40, SetType.size(s) + 1);
        if (SetType.size(s) + 1 != get(it, 40)) {
            put(it, 40, -1);
            throw rt.error("RuntimeError", "Set changed size during iteration");
        }
        long slot = heap.sets.nextSlot(s, pos);
        if (slot < 0) return 0;
        put(it, INDEX, slot + 1);
        return incref(SetType.keyAt(s, slot));
    }

    private long nextEnumerate(long it, long inner, long i) {
        long v = rt.ops.next(inner);
        if (v == 0) return 0;
        long start = get(it, EXTRA);
        long n = start == 0 ? heap.ints.of(i) : rt.ops.binaryOp(dev.refheap.lang.bytecode.BinaryOp.ADD, start, heap.ints.of(i), true);
        long t = recyclable(it);
        if (t != 0) {  // enum_next: en_result again, its old items released after the new ones are in
            long oldIndex = TupleType.item(t, 0), oldItem = TupleType.item(t, 1);
            TupleType.setItemSteal(t, 0, n);
            TupleType.setItemSteal(t, 1, v);
            heap.decref(oldIndex);
            heap.decref(oldItem);
            retrack(t);
            return t;
        }
        t = heap.tuples.alloc(2);
        TupleType.setItemSteal(t, 0, n);
        TupleType.setItemSteal(t, 1, v);
        return t;
    }

    /**
     * The iterator's result tuple with a new reference when only the iterator holds it (CPython's
     * Py_REFCNT(result) == 1 test: the caller dropped the previous one, as unpacking in a for loop
     * does), else 0: next() then makes a new tuple.
     */
    private long recyclable(long it) {
        long t = get(it, RESULT);
        if (t == 0 || heap.refcount(t) != 1) return 0;
        heap.incref(t);
        return t;
    }

    /** A recycled result tuple is tracked again (bpo-42536): a collection may have untracked it. */
    void retrack(long t) {
        if (!dev.refheap.object.Heap.isTracked(t)) heap.track(t);
    }

    /** A new tuple of {@code n} Nones (enumerate's and zip's first result holder). */
    private long noneTuple(long n) {
        long t = heap.tuples.alloc(n);
        for (long j = 0; j < n; j++) TupleType.setItemSteal(t, j, incref(heap.None));
        return t;
    }

    /** zip_next without strict: into {@code recycled} (a new reference to the result holder) when given. */
    private long nextZip(long iterators, long recycled) {
        long n = TupleType.size(iterators);
        if (n == 0) {
            if (recycled != 0) heap.decref(recycled);
            return 0;
        }
        long t = recycled != 0 ? recycled : heap.tuples.alloc(n);
        for (long j = 0; j < n; j++) {
            long v = rt.ops.next(TupleType.item(iterators, j));
            if (v == 0) {
                heap.decref(t);
                return 0;
            }
            if (recycled != 0) {
                long old = TupleType.item(t, j);
                TupleType.setItemSteal(t, j, v);
                heap.decref(old);
            } else {
                TupleType.setItemSteal(t, j, v);
            }
        }
        if (recycled != 0) retrack(t);
        return t;
    }

    // ---- pickling: __reduce__ and __setstate__ (3.11's *_reduce and *_setstate) ----------------------

    /** A builtin's object (borrowed): iter, next. */
    private long builtin(String name) { return heap.dicts.getItem(rt.builtinsDict, name); }

    /** (callable, args) or (callable, args, state) as a new tuple; args is stolen, callable and state borrowed. */
    private long reduceValue(long callable, long args, long state) {
        try {
            return state == 0 ? heap.tuples.of(callable, args) : heap.tuples.of(callable, args, state);
        } finally {
            heap.decref(args);
        }
    }

    /** (iter, (x,)) with x stolen. */
    private long iterOf1(long x) {
        long args = heap.tuples.alloc(1);
        TupleType.setItemSteal(args, 0, x);
        return reduceValue(builtin("iter"), args, 0);
    }

    /** (callable, (seq,), index). */
    private long withIndex(long callable, long seq, long index) {
        long i = heap.ints.of(index);
        try {
            return reduceValue(callable, heap.tuples.of(seq), i);
        } finally {
            heap.decref(i);
        }
    }

    /**
     * The iterator's {@code __reduce__}: how pickle and copy rebuild it (the kinds' own reduce
     * functions of CPython 3.11): a sequence's iterator is iter(seq) advanced by {@code __setstate__},
     * a dict's or set's the list of its remaining items, enumerate, zip, map and filter their type
     * over their iterators (the same objects, as pickle shares them).
     */
    long reduce(long it) {
        IterType t = iterTypeOf(it);
        long seq = get(it, SEQ);
        long iter = builtin("iter");
        switch (t.kind) {
            case LIST, TUPLE, STR, STR_ANY, BYTES, BYTEARRAY, SEQ -> {
                if (seq != 0) return withIndex(iter, seq, get(it, INDEX));
                return iterOf1(switch (t.kind) {
                    case LIST -> heap.lists.alloc(0);
                    case STR, STR_ANY -> heap.strs.of("");
                    default -> heap.tuples.alloc(0);
                });
            }
            case LIST_REVERSE -> {
                if (seq != 0) return withIndex(typeFor(Kind.REVERSED).address(), seq, get(it, INDEX));
                return iterOf1(heap.lists.alloc(0));
            }
            case REVERSED -> {
                if (seq != 0) return withIndex(typeFor(Kind.REVERSED).address(), seq, get(it, INDEX));
                long empty = heap.tuples.alloc(0);
                long args = heap.tuples.of(empty);
                heap.decref(empty);
                return reduceValue(typeFor(Kind.REVERSED).address(), args, 0);
            }
            case DICT_KEYS, DICT_VALUES, DICT_ITEMS, DICT_REVERSE_KEYS, DICT_REVERSE_VALUES, DICT_REVERSE_ITEMS, SET -> {
                long list = heap.lists.alloc(0);
                try {
                    if (seq != 0) remaining(t.kind, seq, get(it, INDEX), list);
                } catch (RuntimeException e) {
                    heap.decref(list);
                    throw e;
                }
                return iterOf1(list);
            }
            case CALLABLE_SENTINEL -> {
                if (seq != 0) return reduceValue(iter, heap.tuples.of(seq, get(it, SENTINEL)), 0);
                return iterOf1(heap.tuples.alloc(0));
            }
            case GA -> {
                return iterOf1(seq != 0 ? incref(seq) : heap.tuples.alloc(0));
            }
            case ENUMERATE -> {
                long start = get(it, EXTRA);
                long i = heap.ints.of(get(it, INDEX));
                long index;
                try {
                    index = start == 0 ? incref(i) : rt.ops.binaryOp(dev.refheap.lang.bytecode.BinaryOp.ADD, start, i);  // i is released below
                } finally {
                    heap.decref(i);
                }
                long inner = seq != 0 ? incref(seq) : rt.ops.iter(heap.tuples.emptyTuple());
                long args = heap.tuples.alloc(2);
                TupleType.setItemSteal(args, 0, inner);
                TupleType.setItemSteal(args, 1, index);
                return reduceValue(dev.refheap.object.Heap.typeAddress(it), args, 0);
            }
            case ZIP -> {
                long iters = seq != 0 ? incref(seq) : heap.tuples.alloc(0);
                return reduceValue(dev.refheap.object.Heap.typeAddress(it), iters, get(it, EXTRA) != 0 ? heap.True : 0);
            }
            case MAP -> {
                long n = seq == 0 ? 0 : TupleType.size(seq);
                long args = heap.tuples.alloc(n + 1);
                TupleType.setItemSteal(args, 0, incref(get(it, FUNC)));
                for (long j = 0; j < n; j++) TupleType.setItemSteal(args, j + 1, incref(TupleType.item(seq, j)));
                return reduceValue(dev.refheap.object.Heap.typeAddress(it), args, 0);
            }
            case FILTER -> {
                return reduceValue(dev.refheap.object.Heap.typeAddress(it), heap.tuples.of(get(it, FUNC), seq), 0);
            }
            default -> throw new IllegalStateException(t.kind.name());
        }
    }

    /** The items a dict's or set's iterator has still to give, appended to {@code list} (dictiter_reduce's copy, iterated). */
    private void remaining(Kind k, long seq, long i, long list) {
        if (k == Kind.SET) {
            for (long slot = heap.sets.nextSlot(seq, i); slot >= 0; slot = heap.sets.nextSlot(seq, slot + 1)) heap.lists.append(list, SetType.keyAt(seq, slot));
            return;
        }
        boolean reverse = k == Kind.DICT_REVERSE_KEYS || k == Kind.DICT_REVERSE_VALUES || k == Kind.DICT_REVERSE_ITEMS;
        long ix = reverse ? (i < 0 ? -1 : DictType.prevEntry(seq, i)) : DictType.nextEntry(seq, i);
        while (ix >= 0) {
            long key = DictType.entryKeyAt(seq, ix), value = DictType.entryValueAt(seq, ix);
            switch (k) {
                case DICT_KEYS, DICT_REVERSE_KEYS -> heap.lists.append(list, key);
                case DICT_VALUES, DICT_REVERSE_VALUES -> heap.lists.append(list, value);
                default -> {
                    long pair = heap.tuples.of(key, value);
                    heap.lists.append(list, pair);
                    heap.decref(pair);
                }
            }
            ix = reverse ? (ix == 0 ? -1 : DictType.prevEntry(seq, ix - 1)) : DictType.nextEntry(seq, ix + 1);
        }
    }

    /**
     * The iterator's {@code __setstate__}: a sequence iterator's index (clamped to the sequence,
     * as 3.11's *_setstate; nothing once exhausted), zip's strict flag.
     */
    void setState(long it, long state) {
        IterType t = iterTypeOf(it);
        if (t.kind == Kind.ZIP) {
            put(it, EXTRA, rt.ops.truthy(state) ? 1 : 0);
            return;
        }
        if (!(rt.ops.baseView(state) instanceof dev.refheap.object.IntType)) throw rt.typeError("an integer is required");  // PyLong_AsSsize_t
        java.math.BigInteger big = dev.refheap.object.IntType.toBig(state);
        if (big.bitLength() > 63) throw rt.error("OverflowError", "Python int too large to convert to C ssize_t");
        long index = big.longValue();
        long seq = get(it, SEQ);
        if (seq == 0) return;
        long len = switch (t.kind) {
            case LIST, LIST_REVERSE -> ListType.size(seq);
            case TUPLE -> TupleType.size(seq);
            case STR, STR_ANY -> StrType.length(seq);
            case BYTES -> dev.refheap.object.BytesType.length(seq);
            case BYTEARRAY -> ByteArrayType.size(seq);
            case REVERSED -> rt.ops.len(seq);
            case SEQ -> Long.MAX_VALUE;
            default -> throw new IllegalStateException(t.kind.name());
        };
        if (t.kind == Kind.LIST_REVERSE || t.kind == Kind.REVERSED) index = Math.max(-1, Math.min(index, len - 1));
        else index = Math.max(0, Math.min(index, len));
        put(it, INDEX, index);
    }

    /** ga_iternext: the starred alias of the alias's origin and args (an exact GenericAlias), once; the alias is let go. */
    private long nextGa(long it, long alias) {
        if (alias == 0) return 0;
        long starred = rt.genericAliasType.starred(alias);
        put(it, SEQ, 0);
        heap.decref(alias);
        return starred;
    }

    /** calliter_iternext: the sentinel (compared as sentinel == result) or StopIteration ends it and drops both. */
    private long nextCallable(long it, long callable) {
        if (callable == 0) return 0;
        long v;
        try {
            v = rt.ops.call(callable, new long[0], 0, 0, 0);
        } catch (PyException e) {
            if (!rt.ops.isInstance(e.exc(), rt.exceptionType("StopIteration"))) throw e;
            heap.decref(e.exc());
            clearCallable(it);
            return 0;
        }
        long sentinel = get(it, SENTINEL);
        if (sentinel == 0) {  // the call exhausted this iterator itself (gh-101892): it is done
            heap.decref(v);
            return 0;
        }
        boolean done;
        heap.incref(sentinel);  // held across its __eq__, which may exhaust the iterator too
        try {
            done = v == sentinel || rt.ops.eq(sentinel, v);
        } catch (RuntimeException e) {
            heap.decref(v);
            throw e;
        } finally {
            heap.decref(sentinel);
        }
        if (!done) return v;
        heap.decref(v);
        clearCallable(it);
        return 0;
    }

    private void clearCallable(long it) {
        long c = get(it, SEQ), s = get(it, SENTINEL);
        put(it, SEQ, 0);
        put(it, SENTINEL, 0);
        heap.xdecref(c);
        heap.xdecref(s);
    }

    @Override
    public void traverse(long o, LongConsumer visit) {
        visitField(o, SEQ, visit);
        if (kind == Kind.MAP || kind == Kind.FILTER) visitField(o, FUNC, visit);
        if (kind == Kind.ENUMERATE || kind == Kind.ZIP) visitField(o, RESULT, visit);
        if (kind == Kind.ENUMERATE) visitField(o, EXTRA, visit);
        if (kind == Kind.CALLABLE_SENTINEL) visitField(o, SENTINEL, visit);
    }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        heap.xdecref(get(o, SEQ));
        if (kind == Kind.MAP || kind == Kind.FILTER) heap.xdecref(get(o, FUNC));
        if (kind == Kind.ENUMERATE || kind == Kind.ZIP) heap.xdecref(get(o, RESULT));
        if (kind == Kind.ENUMERATE) heap.xdecref(get(o, EXTRA));
        if (kind == Kind.CALLABLE_SENTINEL) heap.xdecref(get(o, SENTINEL));
        heap.freeObject(o);
    }

    @Override
    public long sizeOf(long o) { return basicSize(); }

    static long seqOf(long it) { return Native.getLong(it + SEQ); }
}

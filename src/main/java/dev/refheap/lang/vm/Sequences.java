package dev.refheap.lang.vm;

import dev.refheap.lang.bytecode.BinaryOp;
import dev.refheap.memory.Native;
import dev.refheap.object.BytesType;
import dev.refheap.object.DictType;
import dev.refheap.object.Heap;
import dev.refheap.object.IntType;
import dev.refheap.object.ListType;
import dev.refheap.object.PyError;
import dev.refheap.object.PyType;
import dev.refheap.object.SetType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;

/** Sequence and container operations: concatenation, repetition, set algebra, indexing, slicing. */
final class Sequences {
    private Sequences() {}

    /** a op b for str/bytes/list/tuple/set/dict operands (new reference), or 0 if not applicable. */
    static long binary(Runtime rt, BinaryOp op, long a, long b) {
        Heap heap = rt.heap;
        BinaryOp base = op.base();
        // an instance of a subclass of a builtin that does not define the operator takes its base's
        // (list_concat, set_or...: the result is of the base type; an in-place one changes the instance)
        PyType ta = rt.ops.asBuiltin(heap.typeOf(a), base.dunder);
        PyType tb = rt.ops.asBuiltin(heap.typeOf(b), "__r" + base.dunder.substring(2));
        if (op.isInplace() && heap.typeOf(a) instanceof ClassType c && rt.ops.lookupUserOnly(c, op.dunder) != 0) ta = c;
        return binary(rt, op, a, b, ta, tb);
    }

    /** a op b with {@code ta} and {@code tb} the builtin types whose operations apply to them (their types, or builtin bases). */
    static long binary(Runtime rt, BinaryOp op, long a, long b, PyType ta, PyType tb) {
        Heap heap = rt.heap;
        BinaryOp base = op.base();
        boolean exact = ta == heap.typeOf(a) && tb == heap.typeOf(b);
        if (base == BinaryOp.ADD && ta == tb) {
            if (ta == heap.strs) {
                if (StrType.length(b) == 0) return heap.strs.asExact(a);  // PyUnicode_Concat: PyUnicode_FromObject of the other
                if (StrType.length(a) == 0) return heap.strs.asExact(b);
                return heap.strs.of(StrType.value(a) + StrType.value(b));
            }
            if (ta == heap.tuples && TupleType.size(b) == 0 && exact) return Builtins.incref(heap, a);
            if (ta == heap.tuples && TupleType.size(a) == 0 && exact) return Builtins.incref(heap, b);
            if (ta == heap.bytes) {
                byte[] x = BytesType.value(a), y = BytesType.value(b), r = new byte[x.length + y.length];
                System.arraycopy(x, 0, r, 0, x.length);
                System.arraycopy(y, 0, r, x.length, y.length);
                return heap.bytes.of(r);
            }
            if (ta == heap.lists) {
                if (op.isInplace()) {
                    extend(rt, a, b);
                    heap.incref(a);
                    return a;
                }
                if (!exact) return concatLists(rt, a, b);
                long r = heap.lists.alloc(0);
                extend(rt, r, a);
                extend(rt, r, b);
                return r;
            }
            if (ta == heap.tuples) {
                long n = TupleType.size(a), m = TupleType.size(b);
                long r = heap.tuples.alloc(n + m);
                for (long i = 0; i < n; i++) { long v = TupleType.item(a, i); heap.incref(v); TupleType.setItemSteal(r, i, v); }
                for (long i = 0; i < m; i++) { long v = TupleType.item(b, i); heap.incref(v); TupleType.setItemSteal(r, n + i, v); }
                return r;
            }
        }
        if (base == BinaryOp.ADD && ta == heap.bytes && tb != heap.bytes) {  // bytes_concat: any buffer on the right (an array, a memoryview)
            byte[] y = BufferProtocol.bytesOrNull(rt, b);
            if (y != null) {
                byte[] x = BytesType.value(a), r = new byte[x.length + y.length];
                System.arraycopy(x, 0, r, 0, x.length);
                System.arraycopy(y, 0, r, x.length, y.length);
                return heap.bytes.of(r);
            }
        }
        if (base == BinaryOp.ADD && ta == heap.lists && op.isInplace()) {
            extend(rt, a, b);
            heap.incref(a);
            return a;
        }
        if (base == BinaryOp.MULTIPLY) {
            if ((ta == heap.strs || ta == heap.lists || ta == heap.tuples || ta == heap.bytes) && tb instanceof IntType) return repeat(rt, ta, a, b, op.isInplace());
            if ((tb == heap.strs || tb == heap.lists || tb == heap.tuples || tb == heap.bytes) && ta instanceof IntType) return repeat(rt, tb, b, a, false);
        }
        if ((ta == heap.sets || ta == heap.frozensets) && (tb == heap.sets || tb == heap.frozensets)) {
            if (op.isInplace() && ta == heap.sets) return setInplace(rt, base, a, b);
            return switch (base) {  // set_or, set_and, set_sub, set_xor
                case OR -> SetMethods.or(rt, a, b);
                case AND -> SetMethods.intersection(rt, a, b);
                case SUBTRACT -> SetMethods.difference(rt, a, b);
                case XOR -> SetMethods.symmetricDifference(rt, a, b);
                default -> 0;
            };
        }
        if (ta == heap.dicts && op.isInplace() && base == BinaryOp.OR) {  // dict_ior: dict_update_arg, any mapping or pairs
            Builtins.dictUpdateArg(rt, a, b);
            heap.incref(a);
            return a;
        }
        if (ta == heap.dicts && tb == heap.dicts && base == BinaryOp.OR) {
            long r = op.isInplace() ? a : copyDict(rt, a);
            if (op.isInplace()) heap.incref(a);
            try {
                Builtins.dictUpdate(rt, r, b, false, 0);  // dict_update_arg: dict_merge
            } catch (PyException e) {
                heap.decref(r);
                throw e;
            }
            return r;
        }
        if (ta == heap.strs && base == BinaryOp.REMAINDER) return Formats.percent(rt, a, b);
        return 0;
    }

    static long copyDict(Runtime rt, long d) {
        if (Builtins.iteratesAsDict(rt, d)) return rt.heap.dicts.copy(d);  // PyDict_Copy: the table cloned or merged, no key hashed
        long r = rt.heap.dicts.create();
        rt.heap.dicts.forEach(d, (k, v) -> rt.heap.dicts.setItem(r, k, v));
        return r;
    }

    /**
     * Strings and bytes refheap builds as Java arrays first: past this many units, or past the
     * heap's limit, a repeat is a MemoryError.
     */
    static final long MAX_JAVA_UNITS = Integer.MAX_VALUE / 2;

    /** list_concat of a and b (either a list subclass instance): a new exact list of exactly their sizes. */
    private static long concatLists(Runtime rt, long a, long b) {
        Heap heap = rt.heap;
        long n = ListType.size(a), m = ListType.size(b);
        long r = heap.lists.alloc(n + m);
        for (long i = 0; i < n; i++) ListType.setItemSteal(r, i, Builtins.incref(heap, ListType.item(a, i)));
        for (long i = 0; i < m; i++) ListType.setItemSteal(r, n + i, Builtins.incref(heap, ListType.item(b, i)));
        return r;
    }

    /** {@code seq * count} where {@code t} is the builtin whose repeat applies ({@code seq}'s type, or its base for a subclass instance). */
    private static long repeat(Runtime rt, PyType t, long seq, long count, boolean inplace) {
        Heap heap = rt.heap;
        if (!IntType.fitsLong(count)) throw rt.error("OverflowError", "cannot fit 'int' into an index-sized integer");
        long n = Math.max(0, IntType.asLong(count));
        boolean exact = t == heap.typeOf(seq);
        if (t == heap.strs) {
            if (n == 1) return heap.strs.asExact(seq);  // unicode_result_unchanged
            long len = StrType.length(seq);
            if (n > 0 && len > Long.MAX_VALUE / n) throw rt.error("OverflowError", "repeated string is too long");
            String s = StrType.value(seq);
            if (n > 0 && s.length() > MAX_JAVA_UNITS / n || len * n > heap.allocator().limit()) throw rt.error("MemoryError", null);
            return heap.strs.of(s.repeat((int) n));
        }
        if (t == heap.bytes) {
            long len = BytesType.length(seq);
            if (n > 0 && len > Long.MAX_VALUE / n) throw rt.error("OverflowError", "repeated bytes are too long");
            // past the heap's limit (--max-heap) before the Java array is built: it could not be stored
            if (n > 0 && len > MAX_JAVA_UNITS / n || len * n > heap.allocator().limit()) throw rt.error("MemoryError", null);
            // bytes_repeat: the operand itself when the size is unchanged, else its own new object
            // (b'' included: it does not use the empty singleton)
            if (len * n == len && exact) return Builtins.incref(heap, seq);
            byte[] b = BytesType.value(seq);
            byte[] r = new byte[(int) (b.length * n)];
            for (int i = 0; i < n; i++) {
                if ((i & 0xffff) == 0xffff) rt.checkInterrupt();  // only the Java array exists yet
                System.arraycopy(b, 0, r, i * b.length, b.length);
            }
            return heap.bytes.fresh(r);
        }
        // list_repeat, tuple_repeat: a size past PY_SSIZE_T_MAX is a MemoryError; the allocation
        // itself refuses sizes past the heap's limit (MemoryError) before anything is changed.
        long len = t == heap.lists ? ListType.size(seq) : TupleType.size(seq);
        if (n > 0 && len > Long.MAX_VALUE / n) throw rt.error("MemoryError", null);
        if (t == heap.lists) {
            if (inplace) {
                // list_inplace_repeat: one list_resize to the whole size (a MemoryError leaves the
                // list as it was), then the copies
                if (n == 0 || len == 0) {
                    heap.lists.clear(seq);
                } else if (n > 1) {
                    heap.lists.resize(seq, len * n);
                    for (long k = 1; k < n; k++) {
                        for (long i = 0; i < len; i++) {
                            long v = ListType.item(seq, i);
                            heap.incref(v);
                            ListType.setItemSteal(seq, k * len + i, v);
                        }
                    }
                }
                heap.incref(seq);
                return seq;
            }
            long r = heap.lists.alloc(len * n);
            for (long k = 0; k < n; k++) {
                for (long i = 0; i < len; i++) {
                    long v = ListType.item(seq, i);
                    heap.incref(v);
                    ListType.setItemSteal(r, k * len + i, v);
                }
            }
            return r;
        }
        if (n == 1 && len > 0 && exact) {
            heap.incref(seq);
            return seq;
        }
        long r = heap.tuples.alloc(len * n);
        for (long k = 0; k < n; k++) {
            for (long i = 0; i < len; i++) {
                long v = TupleType.item(seq, i);
                heap.incref(v);
                TupleType.setItemSteal(r, k * len + i, v);
            }
        }
        return r;
    }

    /** set's |=, &=, -=, ^=: a changed in place (set_ior, set_iand, set_isub, set_ixor), a new reference to it; 0 for other operators. */
    private static long setInplace(Runtime rt, BinaryOp base, long a, long b) {
        switch (base) {
            case OR -> SetMethods.updateInternal(rt, a, b);
            case SUBTRACT -> SetMethods.differenceUpdateInternal(rt, a, b);
            case XOR -> SetMethods.symmetricDifferenceUpdate(rt, a, b);
            case AND -> SetMethods.takeBody(rt, a, SetMethods.intersection(rt, a, b));
            default -> { return 0; }
        }
        rt.heap.incref(a);
        return a;
    }

    /**
     * list___init__ with an iterable: a list that has items is emptied; an iterable with a length
     * (_PyObject_HasLen) gets room for exactly that many items (rounded up to even) when the list
     * has no item array, then list_extend.
     */
    static void listInit(Runtime rt, long l, long iterable) {
        Heap heap = rt.heap;
        heap.lists.clear(l);
        PyType it = heap.typeOf(iterable);
        boolean hasLen = it == heap.lists || it == heap.tuples || it == heap.strs || it == heap.dicts || it == heap.sets
                || it == heap.frozensets || it == heap.bytes || it == rt.rangeType || it instanceof DictViewType
                || (it instanceof ClassType c && rt.ops.lookupType(c, "__len__") != 0);
        if (hasLen) heap.lists.preallocateExact(l, rt.ops.len(iterable));
        extend(rt, l, iterable);
    }

    /**
     * list.extend(iterable) as CPython 3.11 sizes it: a list or tuple is copied after one resize
     * to the final length; any other iterable is appended after a resize to the current length
     * plus its length hint (8 when unknown; a list with no item array gets exactly the hint, rounded
     * up to even, list_preallocate_exact), and the list is cut back if the guess was too large.
     */
    static void extend(Runtime rt, long list, long iterable) {
        Heap heap = rt.heap;
        PyType t = heap.typeOf(iterable);
        if (t == heap.lists || t == heap.tuples) {
            long n = t == heap.lists ? ListType.size(iterable) : TupleType.size(iterable);
            if (n == 0) return;
            long[] items = new long[(int) n];
            for (int i = 0; i < n; i++) items[i] = t == heap.lists ? ListType.item(iterable, i) : TupleType.item(iterable, i);
            long m = ListType.size(list);
            if (dev.refheap.memory.Native.getLong(list + ListType.OB_ITEM) == 0) {
                heap.lists.preallocateExact(list, n);
                dev.refheap.memory.Native.putLong(list + dev.refheap.object.Layout.OB_SIZE, n);
            } else {
                heap.lists.resize(list, m + n);
            }
            for (int i = 0; i < n; i++) {
                heap.incref(items[i]);
                ListType.setItemSteal(list, m + i, items[i]);
            }
            return;
        }
        long it = rt.ops.iter(iterable);
        try {
            long n = lengthHint(rt, iterable, 8);
            long m = ListType.size(list);
            if (dev.refheap.memory.Native.getLong(list + ListType.OB_ITEM) == 0) {
                if (n > 0) heap.lists.preallocateExact(list, n);  // a list without an item array: room for exactly the hint, rounded up to even
            } else {
                heap.lists.resize(list, m + n);
                dev.refheap.memory.Native.putLong(list + dev.refheap.object.Layout.OB_SIZE, m);
            }
            for (long v = rt.ops.next(it); v != 0; v = rt.ops.next(it)) {
                heap.lists.append(list, v);
                heap.decref(v);
            }
            if (ListType.size(list) < ListType.allocated(list)) heap.lists.resize(list, ListType.size(list));
        } finally {
            heap.decref(it);
        }
    }

    /** PyObject_LengthHint: len() when the object has one, else the iterator's remaining length, else the default. */
    static long lengthHint(Runtime rt, long o, long dflt) {
        Heap heap = rt.heap;
        PyType t = heap.typeOf(o);
        if (t == heap.strs || t == heap.dicts || t == heap.sets || t == heap.frozensets || t == heap.bytes
                || t == rt.rangeType || t instanceof DictViewType) return rt.ops.len(o);
        if (t == rt.rangeType.iterType) return RangeType.RangeIterType.remaining(o);
        if (t == rt.rangeType.longIterType) return rt.rangeType.longIterType.remaining(o);
        if (t instanceof IterType) {
            // the iterator's own __length_hint__ (IterType.lengthHint); none, or NotImplemented: the default
            long h = rt.iterType.lengthHint(o);
            if (h >= 0) return h;
        }
        if (t instanceof ClassType c && rt.ops.lookupType(c, "__len__") != 0) return rt.ops.len(o);
        return dflt;
    }

    /** PySeqIter_New: a lazy {@code iterator} over an object with __getitem__ (see IterType.Kind.SEQ). */
    static long sequenceIterator(Runtime rt, long o) {
        return rt.iterType.create(IterType.Kind.SEQ, o, 0);
    }

    // ---- indexing ----------------------------------------------------------------------------

    private static long index(Runtime rt, long key, long len, String what) {
        return index(rt, key, len, what, 0);
    }

    /**
     * The index {@code key} names, counted from the end when negative: of {@code len} items, or,
     * when {@code list} is not 0, of the items that list has after {@code key.__index__} ran (an
     * __index__ may shrink the list, as list_subscript reads Py_SIZE only after converting).
     */
    private static long index(Runtime rt, long key, long len, String what, long list) {
        Heap heap = rt.heap;
        if (!(rt.ops.baseView(key) instanceof IntType)) {
            // _PyIndex_Check: an object whose type has __index__ (a class's, a weakref proxy's) is
            // an index through it (PyNumber_AsSsize_t), as in CPython's list_subscript
            if (rt.ops.lookupType(heap.typeOf(key), "__index__") == 0) {
                if (what.equals("string")) throw rt.typeError("string indices must be integers, not '" + heap.typeOf(key).name() + "'");  // 3.11's unicode_subscript
                throw rt.typeError(what + " indices must be integers or slices, not " + heap.typeOf(key).name());
            }
            long r = rt.ops.numberIndex(key);  // PyNumber_AsSsize_t: _PyNumber_Index's checks and warning
            try {
                if (!IntType.fitsLong(r)) throw rt.error("IndexError", "cannot fit '" + rt.ops.typeName(key) + "' into an index-sized integer");
                long i = IntType.asLong(r);
                if (list != 0) len = ListType.size(list);
                return i < 0 ? i + len : i;
            } finally {
                heap.decref(r);
            }
        }
        if (!IntType.fitsLong(key)) throw rt.error("IndexError", "cannot fit 'int' into an index-sized integer");
        long i = IntType.asLong(key);
        if (i < 0) i += len;
        return i;
    }

    /** (start, stop, step, length) of a slice applied to a sequence of {@code len} items. */
    static long[] sliceIndices(Runtime rt, long slice, long len) {
        return sliceAdjust(sliceUnpack(rt, slice), len);
    }

    /**
     * PySlice_Unpack: (start, stop, step) of a slice, each converted in that order (step first, an
     * __index__ called for each), None as the bounds that adjust to the ends, a step below
     * -(2**63-1) raised to it; not yet applied to a length.
     */
    static long[] sliceUnpack(Runtime rt, long slice) {
        long startO = Native.getLong(slice + SliceType.START), stopO = Native.getLong(slice + SliceType.STOP),
                stepO = Native.getLong(slice + SliceType.STEP);
        Heap heap = rt.heap;
        long step = stepO == heap.None ? 1 : sliceInt(rt, stepO);
        if (step == 0) throw rt.error("ValueError", "slice step cannot be zero");
        if (step < -Long.MAX_VALUE) step = -Long.MAX_VALUE;
        long start = startO == heap.None ? (step < 0 ? Long.MAX_VALUE : 0) : sliceInt(rt, startO);
        long stop = stopO == heap.None ? (step < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sliceInt(rt, stopO);
        return new long[] {start, stop, step};
    }

    /** PySlice_AdjustIndices: an unpacked slice applied to {@code len} items, as (start, stop, step, length). */
    static long[] sliceAdjust(long[] u, long len) {
        long start = u[0], stop = u[1], step = u[2];
        if (start < 0) {
            start += len;
            if (start < 0) start = step < 0 ? -1 : 0;
        } else if (start >= len) {
            start = step < 0 ? len - 1 : len;
        }
        if (stop < 0) {
            stop += len;
            if (stop < 0) stop = step < 0 ? -1 : 0;
        } else if (stop >= len) {
            stop = step < 0 ? len - 1 : len;
        }
        long n;
        if (step < 0) n = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
        else n = start < stop ? (stop - start - 1) / step + 1 : 0;
        return new long[] {start, stop, step, n};
    }

    /**
     * _PyEval_SliceIndex: an int, or an object whose type has __index__ (called), clamped to the
     * index range instead of overflowing; else TypeError.
     */
    static long sliceInt(Runtime rt, long o) {
        if (!(rt.ops.baseView(o) instanceof IntType)) {
            if (rt.ops.lookupType(rt.heap.typeOf(o), "__index__") == 0) {
                throw rt.typeError("slice indices must be integers or None or have an __index__ method");
            }
            long r = rt.ops.numberIndex(o);  // PyNumber_AsSsize_t: _PyNumber_Index's checks and warning
            try {
                return clampedIndex(r);
            } finally {
                rt.heap.decref(r);
            }
        }
        return clampedIndex(o);
    }

    private static long clampedIndex(long o) {
        if (!IntType.fitsLong(o)) return IntType.toBig(o).signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;  // PY_SSIZE_T_MIN/MAX
        return IntType.asLong(o);
    }

    static long getItem(Runtime rt, long o, long key) {
        return getItem(rt, rt.ops.asBuiltin(rt.heap.typeOf(o), "__getitem__"), o, key);
    }

    /**
     * dict_subscript: o[key] for a dict or a subclass with dict's layout, a new reference; on a miss
     * a subclass's {@code __missing__}, else KeyError. {@link #getItem(Runtime, PyType, long, long)}'s
     * dict case, and BINARY_SUBSCR's own path for an exact dict, so a dict lookup in a loop does not
     * make the JIT compile getItem, every kind of subscript in one method.
     */
    static long dictItem(Runtime rt, long o, long key) {
        Heap heap = rt.heap;
        long v;
        try {
            v = heap.dicts.getItem(o, key);
        } catch (PyError e) {
            throw rt.fromPyError(e);
        }
        if (v == 0) {
            if (heap.typeOf(o) != heap.dicts && rt.ops.lookupType(heap.typeOf(o), "__missing__") != 0) {
                return rt.ops.callMethod(o, "__missing__", key);  // dict_subscript on a subclass
            }
            throw keyError(rt, key, new PyException(0));
        }
        heap.incref(v);
        return v;
    }

    /** dict_ass_sub: o[key] = v for a dict (setItem's dict case, and STORE_SUBSCR's own path, as {@link #dictItem}). */
    static void dictSetItem(Runtime rt, long o, long key, long v) {
        try {
            rt.heap.dicts.setItem(o, key, v);
        } catch (PyError e) {
            throw rt.fromPyError(e);
        }
    }

    /** o[key] by type {@code t}'s mp_subscript ({@code o}'s type, or a builtin base whose layout it has). */
    static long getItem(Runtime rt, PyType t, long o, long key) {
        Heap heap = rt.heap;
        boolean isSlice = heap.typeOf(key) == rt.sliceType;
        if (t == heap.dicts) return dictItem(rt, o, key);
        if (t == heap.lists || t == heap.tuples) {
            boolean list = t == heap.lists;
            long len = list ? ListType.size(o) : TupleType.size(o);
            if (isSlice) {
                long[] u = sliceUnpack(rt, key);
                if (list) len = ListType.size(o);  // list_subscript: the size after the bounds' __index__
                long[] s = sliceAdjust(u, len);
                if (!list && s[0] == 0 && s[2] == 1 && s[3] == len && Heap.typeAddress(o) == t.address()) return Builtins.incref(heap, o);
                long r = list ? heap.lists.alloc(s[3]) : heap.tuples.alloc(s[3]);
                for (long i = 0, j = s[0]; i < s[3]; i++, j += s[2]) {
                    long v = list ? ListType.item(o, j) : TupleType.item(o, j);
                    heap.incref(v);
                    if (list) ListType.setItemSteal(r, i, v); else TupleType.setItemSteal(r, i, v);
                }
                return r;
            }
            long i = index(rt, key, len, list ? "list" : "tuple", list ? o : 0);
            if (list) len = ListType.size(o);
            if (i < 0 || i >= len) throw rt.error("IndexError", (list ? "list" : "tuple") + " index out of range");
            long v = list ? ListType.item(o, i) : TupleType.item(o, i);
            heap.incref(v);
            return v;
        }
        if (t == heap.strs) {
            String s = StrType.value(o);
            int[] cps = s.codePoints().toArray();
            if (isSlice) {
                long[] sl = sliceIndices(rt, key, cps.length);
                if (sl[0] == 0 && sl[2] == 1 && sl[3] == cps.length) return heap.strs.asExact(o);  // unicode_result_unchanged
                StringBuilder sb = new StringBuilder();
                for (long i = 0, j = sl[0]; i < sl[3]; i++, j += sl[2]) sb.appendCodePoint(cps[(int) j]);
                return heap.strs.of(sb.toString());
            }
            long i = index(rt, key, cps.length, "string");
            if (i < 0 || i >= cps.length) throw rt.error("IndexError", "string index out of range");
            return heap.strs.of(new String(Character.toChars(cps[(int) i])));
        }
        if (t == heap.bytes) {
            byte[] b = BytesType.value(o);
            if (isSlice) {
                long[] sl = sliceIndices(rt, key, b.length);
                byte[] r = new byte[(int) sl[3]];
                for (int i = 0, j = (int) sl[0]; i < sl[3]; i++, j += (int) sl[2]) r[i] = b[j];
                return heap.bytes.of(r);
            }
            long i = index(rt, key, b.length, "byte");
            if (i < 0 || i >= b.length) throw rt.error("IndexError", "index out of range");
            return heap.ints.of(b[(int) i] & 0xff);
        }
        if (t == rt.rangeType) {
            if (isSlice) return rt.rangeType.slice(o, key);  // compute_slice: a range of the picked values
            if (!RangeType.isBig(o) && heap.typeOf(key) == heap.ints && IntType.fitsLong(key)) {
                long len = RangeType.length(o), i = IntType.asLong(key);
                if (i < 0) i += len;
                if (i < 0 || i >= len) throw rt.error("IndexError", "range object index out of range");
                return heap.ints.of(RangeType.start(o) + i * RangeType.step(o));
            }
            if (!rt.ops.hasIndex(key)) throw rt.typeError("range indices must be integers or slices, not " + rt.ops.typeName(key));
            long i = rt.ops.numberIndex(key);  // range_subscript: PyNumber_Index, then the item in ints of any size
            try {
                return rt.rangeType.bigItem(o, i);
            } finally {
                heap.decref(i);
            }
        }
        if (t instanceof ExtType x) {  // a native type's own subscript (bytearray.__getitem__ on a subclass instance)
            long r = x.getItem(o, key);
            if (r != 0) return r;
        }
        if (t instanceof ClassType c && rt.ops.lookupType(c, "__getitem__") != 0) return rt.ops.callMethod(o, "__getitem__", key);
        if (t instanceof GenericAliasType ga) return ga.getItem(o, key);
        if (rt.ops.isTypeObject(o)) return TypeSubscripts.subscript(rt, o, key);
        throw rt.typeError("'" + t.name() + "' object is not subscriptable");
    }

    private static PyException keyError(Runtime rt, long key, PyException e) {
        if (e.exc() != 0) rt.heap.decref(e.exc());
        long args = rt.heap.tuples.of(key);
        return new PyException(rt.ops.instantiateException(rt.exceptionType("KeyError"), args));
    }

    static void setItem(Runtime rt, long o, long key, long v) {
        setItem(rt, rt.ops.asBuiltin(rt.heap.typeOf(o), "__setitem__"), o, key, v);
    }

    /** o[key] = v by type {@code t}'s mp_ass_subscript (its own type or a builtin base). */
    static void setItem(Runtime rt, PyType t, long o, long key, long v) {
        Heap heap = rt.heap;
        if (t == heap.dicts) {
            dictSetItem(rt, o, key, v);
            return;
        }
        if (t == heap.lists) {
            if (heap.typeOf(key) == rt.sliceType) {
                setSlice(rt, o, key, v);
                return;
            }
            long i = index(rt, key, ListType.size(o), "list", o);
            if (i < 0 || i >= ListType.size(o)) throw rt.error("IndexError", "list assignment index out of range");
            heap.lists.setItem(o, i, v);
            return;
        }
        if (t instanceof ExtType x && x.setItem(o, key, v)) return;
        if (t instanceof ClassType c && rt.ops.lookupType(c, "__setitem__") != 0) {
            heap.decref(rt.ops.callMethod(o, "__setitem__", key, v));
            return;
        }
        throw rt.typeError("'" + t.name() + "' object does not support item assignment");
    }

    private static void setSlice(Runtime rt, long list, long slice, long v) {
        Heap heap = rt.heap;
        long[] u = sliceUnpack(rt, slice);  // once: each bound's __index__ runs once, as in list_ass_subscript
        long[] s0 = sliceAdjust(u, ListType.size(list));
        if (s0[2] == 1) {
            listAssSlice(rt, list, s0[0], s0[1], v);
            return;
        }
        long items = heap.lists.alloc(0);
        try {
            extend(rt, items, v);
            long[] s = sliceAdjust(u, ListType.size(list));  // the size after the value's iteration, which may change it
            if (ListType.size(items) != s[3]) {
                throw rt.error("ValueError", "attempt to assign sequence of size " + ListType.size(items) + " to extended slice of size " + s[3]);
            }
            for (long i = 0, j = s[0]; i < s[3]; i++, j += s[2]) heap.lists.setItem(list, j, ListType.item(items, i));
        } finally {
            heap.decref(items);
        }
    }

    /**
     * list_ass_slice: {@code list[ilow:ihigh] = v} ({@code v} 0: del). As 3.11 does it (found by the
     * memory fuzzer: sizes and release order differed when it was pops and inserts): a list or
     * tuple is used in place (another iterable becomes a list first, the list itself a copy);
     * emptying the list frees its item array (_list_clear); otherwise one list_resize, and the
     * replaced items are released after the new ones are in, last first.
     */
    static void listAssSlice(Runtime rt, long list, long ilow, long ihigh, long v) {
        Heap heap = rt.heap;
        if (v == list) {
            long copy = heap.lists.alloc(0);
            try {
                extend(rt, copy, list);
                listAssSlice(rt, list, ilow, ihigh, copy);
            } finally {
                heap.decref(copy);
            }
            return;
        }
        long seq = 0;  // PySequence_Fast's result when it had to make a list
        if (v != 0 && heap.typeOf(v) != heap.lists && heap.typeOf(v) != heap.tuples) {
            seq = heap.lists.alloc(0);
            try {
                extend(rt, seq, v);
            } catch (RuntimeException e) {
                heap.decref(seq);
                throw e;
            }
            v = seq;
        }
        try {
            boolean isTuple = v != 0 && heap.typeOf(v) == heap.tuples;
            long n = v == 0 ? 0 : isTuple ? TupleType.size(v) : ListType.size(v);
            long size = ListType.size(list);
            ilow = Math.max(0, Math.min(ilow, size));
            ihigh = Math.max(ilow, Math.min(ihigh, size));
            long norig = ihigh - ilow, d = n - norig;
            if (size + d == 0) {
                heap.lists.clear(list);
                return;
            }
            long[] recycle = new long[(int) norig];
            for (int k = 0; k < norig; k++) recycle[k] = ListType.item(list, ilow + k);
            if (d < 0) {
                long items = Native.getLong(list + ListType.OB_ITEM);
                Native.copy(items + 8 * ihigh, items + 8 * (ihigh + d), 8 * (size - ihigh));
                heap.lists.resize(list, size + d);
            } else if (d > 0) {
                heap.lists.resize(list, size + d);
                long items = Native.getLong(list + ListType.OB_ITEM);
                Native.copy(items + 8 * ihigh, items + 8 * (ihigh + d), 8 * (size - ihigh));
            }
            for (long k = 0; k < n; k++) {
                long w = isTuple ? TupleType.item(v, k) : ListType.item(v, k);
                heap.incref(w);
                ListType.setItemSteal(list, ilow + k, w);
            }
            for (int k = (int) norig - 1; k >= 0; k--) heap.xdecref(recycle[k]);
        } finally {
            if (seq != 0) heap.decref(seq);
        }
    }

    static void delItem(Runtime rt, long o, long key) {
        delItem(rt, rt.ops.asBuiltin(rt.heap.typeOf(o), "__delitem__"), o, key);
    }

    /** del o[key] by type {@code t}'s mp_ass_subscript (its own type or a builtin base). */
    static void delItem(Runtime rt, PyType t, long o, long key) {
        Heap heap = rt.heap;
        try {
            if (t == heap.dicts) {
                if (!heap.dicts.delItem(o, key)) throw keyError(rt, key, new PyException(0));
                return;
            }
        } catch (PyError e) {
            throw rt.fromPyError(e);
        }
        if (t == heap.lists) {
            if (heap.typeOf(key) == rt.sliceType) {
                long[] u = sliceUnpack(rt, key);
                long[] s = sliceAdjust(u, ListType.size(o));  // list_ass_subscript: the size after the bounds' __index__
                if (s[2] == 1) {
                    listAssSlice(rt, o, s[0], s[1], 0);
                    return;
                }
                java.util.List<Long> idx = new java.util.ArrayList<>();
                for (long i = 0, j = s[0]; i < s[3]; i++, j += s[2]) idx.add(j);
                idx.sort(java.util.Comparator.reverseOrder());
                for (long j : idx) heap.decref(heap.lists.pop(o, j));
                return;
            }
            long i = index(rt, key, ListType.size(o), "list", o);
            if (i < 0 || i >= ListType.size(o)) throw rt.error("IndexError", "list assignment index out of range");
            heap.decref(heap.lists.pop(o, i));
            return;
        }
        if (t instanceof ExtType x && x.delItem(o, key)) return;
        if (t instanceof ClassType c && rt.ops.lookupType(c, "__delitem__") != 0) {
            heap.decref(rt.ops.callMethod(o, "__delitem__", key));
            return;
        }
        throw rt.typeError("'" + t.name() + "' object doesn't support item deletion");
    }
}

package dev.refheap.lang.modules.collections;

import dev.refheap.lang.bytecode.BinaryOp;
import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.PyType;
import java.util.function.LongConsumer;

/**
 * {@code collections.deque}: CPython 3.11's dequeobject (216 bytes plus the GC head) over a
 * doubly linked list of 528-byte blocks of 64 item slots in PyMem memory:
 * <pre>
 *  deque: refcnt | type | ob_size (len) | leftblock | rightblock | leftindex | rightindex | state
 *         | maxlen (-1: none) | numfreeblocks | freeblocks[16] | weakreflist
 *  block: leftlink | data[64] | rightlink
 * </pre>
 * Invariants (deque_new's): there is always at least one block; an empty deque has
 * leftindex == rightindex + 1 (centred at 32/31, or 1/0 and 63/62 once extend/extendleft found it
 * empty: the "space saving heuristic"); items are leftblock.data[leftindex] ..
 * rightblock.data[rightindex]. A block emptied by a pop goes to the deque's own cache of up to 16
 * free blocks (reused before PyMem_Malloc). {@code state} counts mutations, so iterators and
 * searches can raise "deque mutated during iteration". {@code __sizeof__} counts the blocks the
 * span from leftindex needs, as deque_sizeof does.
 */
final class DequeType extends FieldsType {
    /** Py_TPFLAGS_SEQUENCE | HAVE_GC | BASETYPE | IMMUTABLETYPE | READY, as CPython 3.11.7 reports. */
    @Override
    public long tpFlags() { return 0x5520; }

    static final int OB_SIZE = 16, LEFTBLOCK = 24, RIGHTBLOCK = 32, LEFTINDEX = 40, RIGHTINDEX = 48, STATE = 56, MAXLEN = 64,
            NUMFREEBLOCKS = 72, FREEBLOCKS = 80, WEAKREFLIST = 208;
    static final int BLOCKLEN = 64, CENTER = (BLOCKLEN - 1) / 2, MAXFREEBLOCKS = 16;
    static final long BLOCK_SIZE = 8 * (BLOCKLEN + 2);
    private static final String[] NAMES = {"iterable", "maxlen"};
    final DequeIterType iterType, reverseIterType;

    DequeType(VmApi vm) {
        super(vm, "collections.deque", PyType.HAVE_GC | PyType.BASETYPE, 216, WEAKREFLIST);
        iterType = new DequeIterType(vm, this, false);
        reverseIterType = new DequeIterType(vm, this, true);
    }

    // ---- blocks -----------------------------------------------------------------------------------

    static long len(long d) { return Native.getLong(d + OB_SIZE); }
    private static void setLen(long d, long n) { Native.putLong(d + OB_SIZE, n); }
    static long leftblock(long d) { return Native.getLong(d + LEFTBLOCK); }
    static long rightblock(long d) { return Native.getLong(d + RIGHTBLOCK); }
    static long leftindex(long d) { return Native.getLong(d + LEFTINDEX); }
    static long rightindex(long d) { return Native.getLong(d + RIGHTINDEX); }
    static long state(long d) { return Native.getLong(d + STATE); }
    static long maxlen(long d) { return Native.getLong(d + MAXLEN); }
    private static void bumpState(long d) { Native.putLong(d + STATE, state(d) + 1); }

    static long leftlink(long b) { return Native.getLong(b); }
    static long rightlink(long b) { return Native.getLong(b + 8 + 8 * BLOCKLEN); }
    private static void setLeftlink(long b, long v) { Native.putLong(b, v); }
    private static void setRightlink(long b, long v) { Native.putLong(b + 8 + 8 * BLOCKLEN, v); }
    static long data(long b, long i) { return Native.getLong(b + 8 + 8 * i); }
    static void setData(long b, long i, long v) { Native.putLong(b + 8 + 8 * i, v); }

    /** newblock: one from the deque's cache, else PyMem_Malloc. */
    private long newblock(long d) {
        long n = Native.getLong(d + NUMFREEBLOCKS);
        if (n > 0) {
            Native.putLong(d + NUMFREEBLOCKS, n - 1);
            return Native.getLong(d + FREEBLOCKS + 8 * (n - 1));
        }
        return heap.memAlloc(BLOCK_SIZE);
    }

    private void freeblock(long d, long b) {
        long n = Native.getLong(d + NUMFREEBLOCKS);
        if (n < MAXFREEBLOCKS) {
            Native.putLong(d + FREEBLOCKS + 8 * n, b);
            Native.putLong(d + NUMFREEBLOCKS, n + 1);
        } else {
            heap.memFree(b);
        }
    }

    /** deque_new: an empty deque with one centred block, tracked; maxlen -1. */
    long createEmpty() {
        long d = alloc();
        heap.track(d);
        initSubtypeInstance(d);
        return d;
    }

    /** deque_new's fields for a new instance (of deque or of a Python subclass): one centred block, maxlen -1. */
    @Override
    public void initSubtypeInstance(long d) {
        long b = newblock(d);
        setLeftlink(b, 0);
        setRightlink(b, 0);
        put(d, LEFTBLOCK, b);
        put(d, RIGHTBLOCK, b);
        Native.putLong(d + LEFTINDEX, CENTER + 1);
        Native.putLong(d + RIGHTINDEX, CENTER);
        Native.putLong(d + MAXLEN, -1);
    }

    @Override
    public long sizeOf(long d) { return subtypeSizeOf(d, basicSize()); }

    /** deque_sizeof: the instance type's basicsize (a subclass's) plus the blocks the items span. */
    @Override
    public long subtypeSizeOf(long d, long basic) {
        long blocks = (leftindex(d) + len(d) + BLOCKLEN - 1) / BLOCKLEN;
        return basic + blocks * BLOCK_SIZE;
    }

    /** A class may derive from deque: its instances are deques (the weakref list is deque's own; a subclass adds only __dict__). */
    @Override
    public boolean allowsPythonSubclasses() { return true; }

    @Override
    public boolean isDataBase() { return true; }

    /** deque_init: empties the deque, takes maxlen, then extends by the iterable. */
    void init(long d, long[] a, int off, int n, long kw) {
        long[] p = Params.parse(vm, "deque", NAMES, 0, 2, 0, a, off, n, kw);
        long maxlen = -1;
        if (p[1] != 0 && p[1] != heap.None) {
            maxlen = Params.ssize(vm, p[1]);
            if (maxlen < 0) throw vm.error("ValueError", "maxlen must be non-negative");
        }
        Native.putLong(d + MAXLEN, maxlen);
        if (len(d) > 0) clearItems(d);
        if (p[0] != 0) extend(d, p[0], false);
    }

    // ---- the primitive operations (deque_append_internal and friends) ----------------------------

    /** Appends {@code item} (a new reference, stolen) on the right, trimming the left past maxlen. */
    void appendInternal(long d, long item, long maxlen) {
        if (rightindex(d) == BLOCKLEN - 1) {
            long b = newblock(d);
            setLeftlink(b, rightblock(d));
            setRightlink(rightblock(d), b);
            put(d, RIGHTBLOCK, b);
            setRightlink(b, 0);
            Native.putLong(d + RIGHTINDEX, -1);
        }
        setLen(d, len(d) + 1);
        Native.putLong(d + RIGHTINDEX, rightindex(d) + 1);
        setData(rightblock(d), rightindex(d), item);
        if (Long.compareUnsigned(maxlen, len(d)) < 0) heap.decref(popleft(d));
        else bumpState(d);
    }

    void appendleftInternal(long d, long item, long maxlen) {
        if (leftindex(d) == 0) {
            long b = newblock(d);
            setRightlink(b, leftblock(d));
            setLeftlink(leftblock(d), b);
            put(d, LEFTBLOCK, b);
            setLeftlink(b, 0);
            Native.putLong(d + LEFTINDEX, BLOCKLEN);
        }
        setLen(d, len(d) + 1);
        Native.putLong(d + LEFTINDEX, leftindex(d) - 1);
        setData(leftblock(d), leftindex(d), item);
        if (Long.compareUnsigned(maxlen, len(d)) < 0) heap.decref(pop(d));
        else bumpState(d);
    }

    /** deque_pop: the rightmost item (a new reference); IndexError when empty. */
    long pop(long d) {
        if (len(d) == 0) throw vm.error("IndexError", "pop from an empty deque");
        long item = data(rightblock(d), rightindex(d));
        Native.putLong(d + RIGHTINDEX, rightindex(d) - 1);
        setLen(d, len(d) - 1);
        bumpState(d);
        if (rightindex(d) < 0) {
            if (len(d) > 0) {
                long prev = leftlink(rightblock(d));
                freeblock(d, rightblock(d));
                setRightlink(prev, 0);
                put(d, RIGHTBLOCK, prev);
                Native.putLong(d + RIGHTINDEX, BLOCKLEN - 1);
            } else {  // re-centre instead of freeing a block
                Native.putLong(d + LEFTINDEX, CENTER + 1);
                Native.putLong(d + RIGHTINDEX, CENTER);
            }
        }
        return item;
    }

    long popleft(long d) {
        if (len(d) == 0) throw vm.error("IndexError", "pop from an empty deque");
        long item = data(leftblock(d), leftindex(d));
        Native.putLong(d + LEFTINDEX, leftindex(d) + 1);
        setLen(d, len(d) - 1);
        bumpState(d);
        if (leftindex(d) == BLOCKLEN) {
            if (len(d) > 0) {
                long next = rightlink(leftblock(d));
                freeblock(d, leftblock(d));
                setLeftlink(next, 0);
                put(d, LEFTBLOCK, next);
                Native.putLong(d + LEFTINDEX, 0);
            } else {
                Native.putLong(d + LEFTINDEX, CENTER + 1);
                Native.putLong(d + RIGHTINDEX, CENTER);
            }
        }
        return item;
    }

    /** Item i (0 <= i < len), borrowed. */
    long item(long d, long i) {
        long at = leftindex(d) + i;
        long b = leftblock(d);
        for (long k = at / BLOCKLEN; k > 0; k--) b = rightlink(b);
        return data(b, at % BLOCKLEN);
    }

    private void setItemAt(long d, long i, long v) {
        long at = leftindex(d) + i;
        long b = leftblock(d);
        for (long k = at / BLOCKLEN; k > 0; k--) b = rightlink(b);
        long old = data(b, at % BLOCKLEN);
        setData(b, at % BLOCKLEN, v);
        heap.decref(old);
    }

    /** deque_extend: the items of {@code iterable} appended (from an empty deque, filling starts at index 1). */
    void extend(long d, long iterable, boolean left) {
        if (iterable == d) {
            long list = vm.call(heap.lists.address(), iterable);
            try {
                extend(d, list, left);
            } finally {
                heap.decref(list);
            }
            return;
        }
        long it = vm.iter(iterable);
        try {
            long maxlen = maxlen(d);
            if (maxlen == 0) {
                for (long v = vm.next(it); v != 0; v = vm.next(it)) heap.decref(v);
                return;
            }
            if (len(d) == 0) {
                Native.putLong(d + LEFTINDEX, left ? BLOCKLEN - 1 : 1);
                Native.putLong(d + RIGHTINDEX, left ? BLOCKLEN - 2 : 0);
            }
            for (long v = vm.next(it); v != 0; v = vm.next(it)) {
                if (left) appendleftInternal(d, v, maxlen);
                else appendInternal(d, v, maxlen);
            }
        } finally {
            heap.decref(it);
        }
    }

    /**
     * deque_clear: the deque is first made empty on a new block, then the old blocks' items are
     * released (a decref may run code that mutates the deque) and their blocks freed.
     */
    void clearItems(long d) {
        long n = len(d);
        if (n == 0) return;
        long b = newblock(d);
        long left = leftblock(d), leftIndex = leftindex(d);
        setLeftlink(b, 0);
        setRightlink(b, 0);
        setLen(d, 0);
        put(d, LEFTBLOCK, b);
        put(d, RIGHTBLOCK, b);
        Native.putLong(d + LEFTINDEX, CENTER + 1);
        Native.putLong(d + RIGHTINDEX, CENTER);
        bumpState(d);
        long idx = leftIndex;
        while (n > 0) {
            if (idx == BLOCKLEN) {
                long prev = left;
                left = rightlink(left);
                idx = 0;
                freeblock(d, prev);
            }
            long item = data(left, idx++);
            n--;
            heap.decref(item);
        }
        freeblock(d, left);
    }

    /** _deque_rotate by moving items between the ends (no refcount changes). */
    void rotate(long d, long n) {
        long length = len(d);
        if (length <= 1) return;
        long half = length >> 1;
        if (n > half || n < -half) {
            n %= length;
            if (n > half) n -= length;
            else if (n < -half) n += length;
        }
        long saved = maxlen(d);
        Native.putLong(d + MAXLEN, -1);
        try {
            for (; n > 0; n--) appendleftInternal(d, pop(d), -1);
            for (; n < 0; n++) appendInternal(d, popleft(d), -1);
        } finally {
            Native.putLong(d + MAXLEN, saved);
        }
    }

    // ---- slots ------------------------------------------------------------------------------------

    @Override
    public void traverse(long d, LongConsumer visit) {
        long b = leftblock(d);
        long index = leftindex(d);
        for (long i = 0, n = len(d); i < n; i++) {
            if (index == BLOCKLEN) {
                b = rightlink(b);
                index = 0;
            }
            visit.accept(data(b, index++));
        }
    }

    @Override
    public boolean hasClear() { return true; }

    @Override
    public void clear(long d) { clearItems(d); }

    @Override
    public void dealloc(long d) {
        heap.untrackIfTracked(d);
        heap.weakrefs.clearWeakrefs(d);
        if (leftblock(d) != 0) {
            clearItems(d);
            freeblock(d, leftblock(d));
        }
        put(d, LEFTBLOCK, 0);
        put(d, RIGHTBLOCK, 0);
        for (long i = 0, n = Native.getLong(d + NUMFREEBLOCKS); i < n; i++) heap.memFree(Native.getLong(d + FREEBLOCKS + 8 * i));
        free(d);
    }

    @Override
    public long hash(long o) { throw vm.error("TypeError", "unhashable type: 'collections.deque'"); }

    @Override
    public long newInstance(long[] a, int off, int n, long kw) {
        long[] p = Params.parse(vm, "deque", NAMES, 0, 2, 0, a, off, n, kw);
        long d = createEmpty();
        try {
            if (p[1] != 0 && p[1] != heap.None) {
                long maxlen = Params.ssize(vm, p[1]);
                if (maxlen < 0) throw vm.error("ValueError", "maxlen must be non-negative");
                Native.putLong(d + MAXLEN, maxlen);
            }
            if (p[0] != 0) extend(d, p[0], false);
            return d;
        } catch (PyException e) {
            heap.decref(d);
            throw e;
        }
    }

    @Override
    public long lenOf(long o) { return len(o); }

    @Override
    public long iterOf(long o) { return iterType.create(o); }

    /** A normalised index for d[i] (IndexError "deque index out of range"). */
    long index(long d, long key) {
        if (!vm.isInt(key) && !vm.typeHas(key, "__index__")) {
            throw vm.error("TypeError", "sequence index must be integer, not '" + vm.typeName(key) + "'");
        }
        java.math.BigInteger big = vm.asIndex(key);
        long n = len(d);
        if (big.bitLength() > 63) throw vm.error("IndexError", "cannot fit 'int' into an index-sized integer");
        long i = big.longValue();
        if (i < 0) i += n;
        if (i < 0 || i >= n) throw vm.error("IndexError", "deque index out of range");
        return i;
    }

    @Override
    public long getItemOf(long o, long key) { return vm.incref(item(o, index(o, key))); }

    @Override
    public boolean setItemOf(long o, long key, long v) {
        long i = index(o, key);
        if (v != 0) {
            setItemAt(o, i, vm.incref(v));
        } else {
            rotate(o, -i);
            long item = popleft(o);
            rotate(o, i);
            heap.decref(item);
        }
        return true;
    }

    @Override
    public int containsOf(long o, long item) {
        long start = state(o);
        for (long i = 0, n = len(o); i < n; i++) {
            long v = vm.incref(item(o, i));
            boolean eq;
            try {
                eq = v == item || vm.equal(v, item);
            } finally {
                heap.decref(v);
            }
            if (start != state(o)) throw vm.error("RuntimeError", "deque mutated during iteration");
            if (eq) return 1;
        }
        return 0;
    }

    @Override
    public String reprOf(long o) {
        return vm.reprRecursive(o, "[...]", () -> {
            long list = vm.call(heap.lists.address(), o);
            try {
                String items = vm.repr(list);
                String tn = heap.typeOf(o) == this ? "deque" : heap.typeOf(o).name();  // _PyType_Name: a subclass's __name__
                return maxlen(o) >= 0 ? tn + "(" + items + ", maxlen=" + maxlen(o) + ")" : tn + "(" + items + ")";
            } finally {
                heap.decref(list);
            }
        });
    }

    @Override
    public long attrOf(long o, String name) {
        if (name.equals("maxlen")) return maxlen(o) < 0 ? vm.incref(heap.None) : heap.ints.of(maxlen(o));
        return 0;
    }

    @Override
    public boolean setAttrOf(long o, String name, long v) {
        if (name.equals("maxlen")) throw vm.error("AttributeError", "attribute 'maxlen' of 'collections.deque' objects is not writable");
        return false;
    }

    /** deque_copy: a new deque with the same items and maxlen; for a subclass instance, its class called with it (and maxlen). */
    long copy(long d) {
        if (heap.typeOf(d) != this) {
            long m = maxlen(d) < 0 ? 0 : heap.ints.of(maxlen(d));
            try {
                return m == 0 ? vm.call(heap.typeOf(d).address(), d) : vm.call(heap.typeOf(d).address(), d, m);
            } finally {
                if (m != 0) heap.decref(m);
            }
        }
        long c = createEmpty();
        Native.putLong(c + MAXLEN, maxlen(d));
        try {
            if (len(d) == 1) appendInternal(c, vm.incref(item(d, 0)), maxlen(c));
            else extend(c, d, false);
        } catch (PyException e) {
            heap.decref(c);
            throw e;
        }
        return c;
    }

    @Override
    public long binaryOf(BinaryOp op, long a, long b) {
        if (op == BinaryOp.ADD && vm.isInstanceOf(a, this)) {
            if (!vm.isInstanceOf(b, this)) throw vm.error("TypeError", "can only concatenate deque (not \"" + vm.typeName(b) + "\") to deque");
            long c = copy(a);
            try {
                extend(c, b, false);
            } catch (PyException e) {
                heap.decref(c);
                throw e;
            }
            return c;
        }
        if (op == BinaryOp.MULTIPLY) {
            long d = vm.isInstanceOf(a, this) ? a : b, times = d == a ? b : a;
            if (!vm.isInt(times)) return 0;
            long c = copy(d);
            try {
                return repeat(c, Params.ssize(vm, times));
            } catch (PyException e) {
                heap.decref(c);
                throw e;
            }
        }
        return 0;
    }

    @Override
    public long inplaceOf(BinaryOp op, long a, long b) {
        if (op == BinaryOp.ADD) {
            extend(a, b, false);
            return vm.incref(a);
        }
        if (op == BinaryOp.MULTIPLY && vm.isInt(b)) return repeat(vm.incref(a), Params.ssize(vm, b));
        return 0;
    }

    /** deque_inplace_repeat: d (a reference, returned) extended by its own items n - 1 times; n <= 0 clears. */
    private long repeat(long d, long n) {
        long size = len(d);
        if (size == 0 || n == 1) return d;
        if (n <= 0) {
            clearItems(d);
            return d;
        }
        long list = vm.call(heap.lists.address(), d);
        try {
            for (long i = 1; i < n; i++) {
                extend(d, list, false);
                if (maxlen(d) >= 0 && len(d) >= maxlen(d) && i * size >= maxlen(d)) break;
            }
        } finally {
            heap.decref(list);
        }
        return d;
    }

    @Override
    public Boolean eqOf(long a, long b) {
        if (!vm.isInstanceOf(a, this) || !vm.isInstanceOf(b, this)) return null;
        return orderOf(2, a, b) == 0;
    }

    @Override
    public Integer orderOf(int op, long a, long b) {
        if (!vm.isInstanceOf(a, this) || !vm.isInstanceOf(b, this)) return null;
        long na = len(a), nb = len(b);
        if ((op == 2 || op == 3) && na != nb) return na < nb ? -1 : 1;
        for (long i = 0; i < Math.min(na, nb); i++) {
            long x = vm.incref(item(a, i)), y = vm.incref(item(b, i));
            try {
                if (x == y || vm.equal(x, y)) continue;
                if (op == 2 || op == 3) return 1;
                if (vm.truthyNew(vm.compare(0, x, y))) return -1;
                if (vm.truthyNew(vm.compare(4, x, y))) return 1;
                return 0;
            } finally {
                heap.decref(x);
                heap.decref(y);
            }
        }
        return Long.compare(na, nb);
    }
}

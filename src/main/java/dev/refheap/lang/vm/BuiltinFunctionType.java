package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.PyType;
import java.util.function.LongConsumer;

/**
 * {@code builtin_function_or_method}: a Java {@link Builtin}, optionally bound to {@code m_self}
 * (56 bytes + GC head: {@code getsizeof(len) == 72}). m_ml holds the handle of the Java side.
 * Also used, unbound and with a type, as the method descriptors of builtin types.
 */
final class BuiltinFunctionType extends LangType {
    static final int ML = 16, SELF = 24, MODULE = 32, WEAKREFLIST = 40, VECTORCALL = 48;
    final Handles<Entry> entries = new Handles<>();

    /**
     * A builtin's implementation; {@code owner} is the type a method descriptor belongs to (null for
     * functions); {@code doc} the docstring refheap carries for it (null: not carried, reading
     * {@code __doc__} is refused by name).
     */
    record Entry(String name, Builtin impl, PyType owner, String doc) {
        Entry(String name, Builtin impl, PyType owner) { this(name, impl, owner, null); }

        /** The owner's name, or null. */
        String ownerType() { return owner == null ? null : owner.name(); }
    }

    /**
     * The doc of a function a C extension makes with PyCFunction_NewEx(ml, self, NULL) from a method
     * whose ml_doc is NULL: its {@code __doc__} and {@code __module__} (m_module NULL) are None.
     * Compared by identity.
     */
    @SuppressWarnings("StringOperationCanBeSimplified")
    static final String NULL_DOC = new String("");

    BuiltinFunctionType(Runtime rt) {
        super(rt, "builtin_function_or_method", null, HAVE_GC, 56, 0, WEAKREFLIST);
    }

    /** A new builtin function object; {@code self} (borrowed, incref'd) may be 0. */
    long create(String name, Builtin impl, long self, PyType owner) { return create(name, impl, self, owner, null); }

    /** The same, with the docstring CPython's ml_doc gives it. */
    long create(String name, Builtin impl, long self, PyType owner, String doc) {
        long f = heap.allocObject(this, 0);
        Native.putLong(f + ML, entries.add(new Entry(name, impl, owner, doc)));
        heap.xincref(self);
        put(f, SELF, self);
        put(f, MODULE, 0);
        put(f, VECTORCALL, 0);
        heap.track(f);
        return f;
    }

    /** {@link #create}'s entry without the function object (a runtime made to adopt a start-up image, whose memory has it). */
    void defineEntry(String name, Builtin impl, PyType owner, String doc) { entries.add(new Entry(name, impl, owner, doc)); }

    Entry entry(long f) { return entries.get((int) get(f, ML)); }

    /**
     * meth_richcompare's ==: the same m_self (by identity) and the same C function (ml_meth: here
     * the same implementation object), so {@code l.append == l.append} although each access
     * makes a new object.
     */
    @Override
    public boolean equals(long a, long b) {
        return heap.typeOf(b) == this && self(a) == self(b) && entry(a).impl() == entry(b).impl();
    }

    /**
     * meth_hash: m_self's pointer hash xor the function's. The function's stands in for CPython's
     * ml_meth pointer: a number per implementation class (a lambda's class is its call site), given
     * in the order classes are first hashed. Not the Java identity hash, which differs from process
     * to process (a set of builtins that start-up makes, such as os's supports_fd, must be laid out
     * the same in every process for the start-up image), and not a number per implementation
     * object, which would keep every one ever hashed (some are made per call, capturing their
     * object). Equal functions (the same implementation object) hash alike; two implementations
     * of one call site share a number, and differ by m_self where they are bound.
     */
    @Override
    public long hash(long o) {
        long x = Long.rotateRight(self(o), 4) ^ implNumber(entry(o).impl());
        return x == -1 ? -2 : x;
    }

    /** The implementation classes hashed so far, each with its number (as many as there are call sites). */
    private final java.util.IdentityHashMap<Class<?>, Long> implNumbers = new java.util.IdentityHashMap<>();

    private long implNumber(Builtin impl) {
        Class<?> c = implClass(impl);  // a native function's key does not change its number
        Long n = implNumbers.get(c);
        if (n == null) implNumbers.put(c, n = 0x5bd1e995L + 16L * implNumbers.size());
        return n;
    }

    /** The implementation classes numbered so far, in the order they were numbered (a start-up image records them). */
    java.util.List<Class<?>> numberedImpls() {
        Class<?>[] byNumber = new Class<?>[implNumbers.size()];
        implNumbers.forEach((c, n) -> byNumber[(int) ((n - 0x5bd1e995L) / 16)] = c);
        return java.util.Arrays.asList(byNumber);
    }

    /** Numbers {@code impls} as {@link #numberedImpls} gave them in a start-up image's maker, in place of this runtime's. */
    void adoptNumberedImpls(java.util.List<Class<?>> impls) {
        implNumbers.clear();
        for (Class<?> c : impls) {
            if (implNumbers.put(c, 0x5bd1e995L + 16L * implNumbers.size()) != null) throw new IllegalStateException("an implementation class numbered twice: " + c);
        }
    }

    /** The implementation class whose number {@code impl}'s hash uses. */
    static Class<?> implClass(Builtin impl) { return NativeFunction.unwrap(impl).getClass(); }

    /** How many implementation classes have a number (tests). */
    int implNumberCount() { return implNumbers.size(); }

    static long self(long f) { return get(f, SELF); }

    /** m_module (borrowed, 0 for NULL): the name of the module a native module's function was defined in. */
    static long module(long f) { return get(f, MODULE); }

    /** Sets m_self to {@code v} (borrowed, incref'd; 0 for NULL), releasing the old value. */
    void setSelf(long f, long v) {
        long old = get(f, SELF);
        heap.xincref(v);
        put(f, SELF, v);
        heap.xdecref(old);
    }

    /** Sets m_module to {@code v} (borrowed, incref'd; 0 for NULL), releasing the old value. */
    void setModule(long f, long v) {
        long old = get(f, MODULE);
        heap.xincref(v);
        put(f, MODULE, v);
        heap.xdecref(old);
    }

    @Override public void traverse(long o, LongConsumer visit) { visitField(o, SELF, visit); visitField(o, MODULE, visit); }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        heap.weakrefs.clearWeakrefs(o);
        entries.remove((int) get(o, ML));
        heap.xdecref(get(o, SELF));
        heap.xdecref(get(o, MODULE));
        heap.freeObject(o);
    }
}

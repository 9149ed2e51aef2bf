package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;
import java.util.function.LongConsumer;

/**
 * The type object of a type CPython 3.11 makes from C as a heap type (PyType_FromSpec and
 * PyStructSequence_NewType: {@code os.stat_result}, {@code time.struct_time}...), for a refheap
 * type that is not a class ({@link ExtType}): a GC-tracked object of type {@code type} in the
 * allocator's memory, PyType_GenericAlloc's size (sizeof(PyHeapTypeObject) and a PyMemberDef per
 * member plus one, so a large block as CPython's), holding what 3.11's heap type holds:
 * <ul>
 *   <li>{@link #T_DICT}, {@link #T_MRO}, {@link #T_BASES}, {@link #T_BASE} (tp_base, a counted
 *       reference for a heap type) and {@link #T_MODULE} (ht_module, the module a spec type was made
 *       with, or 0): what type_traverse visits, in its order;</li>
 *   <li>{@link #T_NAME} and {@link #T_QUALNAME} (ht_name, ht_qualname: one str, two references),
 *       owned and not traversed.</li>
 * </ul>
 * The offsets are {@link ClassType}'s where a class has the same field. The runtime's tables of
 * the builtin types (the dict {@code SlotWrappers.dicts}, the tuples {@code BuiltinTypeInfo}) point
 * at these objects without owning them: the type object does. The type's own reference (the
 * module state's strong reference in CPython) is held by the runtime, so such a type lives until
 * the runtime closes.
 *
 * <p>States of a type object: allocated (zeroed, untracked) → bound ({@link Heap#registerHeapType})
 * → filled and tracked ({@link #fill}) → cleared by the collector or released at the runtime's close
 * → freed ({@link #dealloc}).
 */
final class HeapTypeObjects {
    private HeapTypeObjects() {}

    static final int T_DICT = ClassType.T_DICT, T_BASES = ClassType.T_BASES, T_MRO = ClassType.T_MRO,
            T_NAME = ClassType.T_NAME, T_QUALNAME = ClassType.T_QUALNAME;
    /** ht_module and tp_base (counted), after ClassType's fields. */
    static final int T_MODULE = 104, T_BASE = 112;
    /** sizeof(PyMemberDef) on 64-bit: PyType_GenericAlloc gives a spec type nmembers + 1 of them after the struct. */
    private static final int MEMBER_DEF = 40;

    /**
     * The heap types CPython 3.11's start-up makes (its first line has them), by tp_name. A runtime
     * that did not run that start-up (--startup=refheap, whose first line has CPython's count0) makes
     * them later, at the program's first import of their module: then their allocations leave count0
     * as it was ({@link #quietStart}), as the constructor's types do, so the program's collections fall
     * where CPython's do.
     */
    private static final java.util.Set<String> STARTUP_TYPES = java.util.Set.of("os.stat_result", "os.statvfs_result",
            "os.terminal_size", "posix.sched_param", "posix.times_result", "posix.uname_result", "posix.waitid_result",
            "signal.struct_siginfo", "time.struct_time", "_thread._ExceptHookArgs", "_thread.lock", "_thread.RLock",
            "_thread._localdummy", "_thread._local", "posix.DirEntry", "posix.ScandirIterator", "_abc._abc_data");

    /**
     * Before making heap type {@code name}: when it is one of {@link #STARTUP_TYPES} and the runtime
     * did not run CPython's start-up, count0 (returned) is set to 0 until {@link #quietEnd}; else -1.
     */
    static long quietStart(Runtime rt, String name) {
        if (rt.ranCpythonStartup || !STARTUP_TYPES.contains(name)) return -1;
        long count0 = rt.gc.count()[0];
        rt.gc.setYoungCount(0);  // the few objects a type makes cannot reach the threshold from 0
        return count0;
    }

    /** After making the type {@link #quietStart} returned {@code count0} for: count0 as it was (nothing for -1). */
    static void quietEnd(Runtime rt, long count0) {
        if (count0 >= 0) rt.gc.setYoungCount(count0);
    }

    /** Whether {@code t} is a type of this kind: a heap type refheap does not make as a class. */
    static boolean is(PyType t) { return (t instanceof ExtType || ExceptionGroups.isHeapGroup(t)) && t.hasFlag(PyType.HEAPTYPE); }

    /**
     * Allocates and binds {@code t}'s type object (untracked until {@link #fill}): PyType_GenericAlloc
     * of {@code type} with {@code nmembers} members, which counts toward count0 as CPython's does.
     */
    static long allocate(Runtime rt, PyType t, int nmembers) {
        if (!t.hasFlag(PyType.HEAPTYPE)) throw new IllegalStateException(t.name() + " is not a heap type");
        Heap heap = rt.heap;
        long size = ClassType.HEAP_TYPE_STRUCT_SIZE + (long) MEMBER_DEF * (nmembers + 1);
        long o = heap.allocObjectOfSize(heap.typeType, size, 0);
        Native.fill(o + 16, size - 16, (byte) 0);
        heap.registerHeapType(t, o);
        return o;
    }

    /**
     * Fills the type object of {@code t} (allocated by {@link #allocate}) and tracks it: ht_name and
     * ht_qualname from the part of {@code qualified} after its last dot, tp_bases {@code (base,)}
     * (PyTuple_Pack, a new tracked tuple), tp_base, ht_module ({@code module}, borrowed; 0 for none).
     * The dict and mro come later ({@link #setDict}, {@link #setMro}), as PyType_Ready makes them.
     */
    static void fill(Runtime rt, PyType t, String qualified, PyType base, long module) {
        Heap heap = rt.heap;
        long o = t.address();
        int dot = qualified.lastIndexOf('.');
        long name = heap.strs.of(dot < 0 ? qualified : qualified.substring(dot + 1));
        Native.putLong(o + T_NAME, name);
        heap.incref(name);
        Native.putLong(o + T_QUALNAME, name);
        heap.track(o);
        Native.putLong(o + T_BASES, heap.tuples.of(base.address()));
        heap.incref(base.address());
        Native.putLong(o + T_BASE, base.address());
        if (module != 0) {
            heap.incref(module);
            Native.putLong(o + T_MODULE, module);
        }
    }

    /** The type's dict (a new reference, which the type object takes). */
    static void setDict(long o, long dict) { Native.putLong(o + T_DICT, dict); }

    /**
     * tp_mro as mro_internal makes it for a single-inheritance type: the type, then its base's mro
     * (a new tuple the type object owns); returns it (borrowed).
     */
    static long setMro(Runtime rt, PyType t, long baseMro) {
        Heap heap = rt.heap;
        long n = TupleType.size(baseMro);
        long mro = heap.tuples.alloc(n + 1);
        heap.incref(t.address());
        TupleType.setItemSteal(mro, 0, t.address());
        for (long i = 0; i < n; i++) TupleType.setItemSteal(mro, i + 1, Builtins.incref(heap, TupleType.item(baseMro, i)));
        Native.putLong(t.address() + T_MRO, mro);
        return mro;
    }

    static long dict(long o) { return Native.getLong(o + T_DICT); }

    static long mro(long o) { return Native.getLong(o + T_MRO); }

    static long bases(long o) { return Native.getLong(o + T_BASES); }

    static long name(long o) { return Native.getLong(o + T_NAME); }

    static long qualname(long o) { return Native.getLong(o + T_QUALNAME); }

    /** type_traverse: tp_dict, tp_mro, tp_bases, tp_base, ht_module (tp_cache is always NULL in 3.11). */
    static void traverse(long o, LongConsumer visit) {
        LangType.visitField(o, T_DICT, visit);
        LangType.visitField(o, T_MRO, visit);
        LangType.visitField(o, T_BASES, visit);
        LangType.visitField(o, T_BASE, visit);
        LangType.visitField(o, T_MODULE, visit);
    }

    /** Every reference the type object owns: the traversed ones, then the names. */
    static void references(long o, LongConsumer visit) {
        traverse(o, visit);
        LangType.visitField(o, T_NAME, visit);
        LangType.visitField(o, T_QUALNAME, visit);
    }

    /** type_clear: the dict emptied (the object kept: the runtime's tables point at it) and tp_mro released. */
    static void clear(Heap heap, long o) {
        long d = dict(o);
        if (d != 0) heap.dicts.clear(d);
        release(heap, o, T_MRO);
    }

    /** type_dealloc: out of the bases' registries, weak references cleared, every reference released, the memory freed. */
    static void dealloc(Runtime rt, long o) {
        Heap heap = rt.heap;
        heap.untrackIfTracked(o);
        if (rt.subclasses != null) rt.subclasses.removeFromBases(o, bases(o));
        heap.weakrefs.clearWeakrefs(o);
        for (int off : new int[] {T_DICT, T_MRO, T_BASES, T_BASE, T_MODULE, T_NAME, T_QUALNAME}) release(heap, o, off);
        heap.freeObject(o);
    }

    private static void release(Heap heap, long o, int off) {
        long v = Native.getLong(o + off);
        if (v != 0) {
            Native.putLong(o + off, 0);
            heap.decref(v);
        }
    }
}

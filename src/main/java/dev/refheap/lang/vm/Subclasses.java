package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;
import dev.refheap.object.WeakrefType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * tp_subclasses: every type's registry of its direct subclasses, as CPython 3.11 keeps it. A
 * class statement adds, to each of its bases, an entry {@code id(cls) -> weakref(cls)} in the
 * base's subclasses dict (so every class has one weak reference from birth:
 * {@code weakref.getweakrefcount(C) == 1}, and a class statement allocates one more GC object than
 * its type, dict, tuples and descriptors); the entry is removed when the class drops its bases.
 * {@code type.__subclasses__()} lists the live referents in insertion order.
 *
 * <p>Where the dict lives: a class's is in its type object ({@link ClassType#T_SUBCLASSES}, owned,
 * not traversed: it only holds weak references); a builtin type's is held by the runtime. A dict
 * is made on the first subclass, except for the builtin types that already have subclasses when a
 * 3.11 program starts ({@link #HAVE_SUBCLASSES_AT_START}), whose dicts exist from the start.
 * Every type the runtime defines at start-up is registered with its bases as PyType_Ready
 * registers CPython's static types ({@link #addReadied}: the weak references exist, so
 * {@code weakref.getweakrefcount(bool) == 1}); a native module's types, registered when it is
 * imported, are not yet. A builtin type's
 * __subclasses__() lists its builtin subclasses first, in CPython's order, from the table
 * {@code builtin-subclasses.txt} ({@code int.__subclasses__()} starts with bool), then the classes
 * made by the program; object's and tuple's, which in CPython also list the interpreter's own types
 * and struct sequences, are refused.
 */
final class Subclasses {
    /**
     * Builtin types with subclasses when a CPython 3.11.7 program starts (measured with
     * cpython_nbrun.py on a program listing the builtins whose __subclasses__() is not empty).
     */
    static final List<String> HAVE_SUBCLASSES_AT_START = List.of("ArithmeticError", "BaseException",
            "ConnectionError", "Exception", "ImportError", "IndentationError", "LookupError", "NameError",
            "OSError", "RuntimeError", "SyntaxError", "SystemError", "UnicodeError", "ValueError", "Warning",
            "dict", "int", "list", "object", "str", "tuple");

    private final Runtime rt;
    private final Heap heap;
    final Map<PyType, Long> builtinDicts = new HashMap<>();

    Subclasses(Runtime rt) {
        this.rt = rt;
        this.heap = rt.heap;
    }

    /** Makes the dicts of the builtin types that have subclasses at start-up. */
    void createStartupDicts() {
        for (String name : HAVE_SUBCLASSES_AT_START) {
            long t = heap.dicts.getItem(rt.builtinsDict, name); // every one of them is a builtin name
            if (t != 0) dictOf(t, true);
        }
        // count0 at start is refheap's own (StartupState): these objects leave it, and so the
        // collector's schedule from the first line on, as it was without them (no collection starts here)
        long count0 = rt.gc.count()[0];
        rt.gc.setYoungCount(0);
        for (int i = 0; i < heap.typeCount(); i++) {
            PyType s = heap.typeByIndex(i);
            if (!(s instanceof ClassType)) addReadied(s);
        }
        rt.gc.setYoungCount(count0);
    }

    /**
     * PyType_Ready's add_subclass for a type refheap defines: an entry {@code id(t) -> weakref(t)}
     * in each base's dict, as CPython 3.11 makes for every static type it readies (so
     * {@code weakref.getweakrefcount(bool) == 1}, and the first line's gc.get_objects() holds
     * these weak references). {@link #list} takes builtin subclasses from the table, not from
     * these entries.
     */
    void addReadied(PyType t) {
        long bases = rt.builtinTypeInfo.bases(t);
        for (long i = 0; i < TupleType.size(bases); i++) {
            long d = dictOf(TupleType.item(bases, i), true);
            long key = heap.ints.of(t.address());
            long wr = heap.weakrefs.newRef(t.address(), 0);
            heap.dicts.setItem(d, key, wr);
            heap.decref(key);
            heap.decref(wr);
        }
    }

    /** The subclasses dict of a type object (borrowed), made if {@code create}; 0 if none. */
    private long dictOf(long typeObject, boolean create) {
        PyType t = heap.typeAt(typeObject);
        if (t instanceof ClassType) {
            long d = Native.getLong(typeObject + ClassType.T_SUBCLASSES);
            if (d == 0 && create) {
                d = heap.dicts.create();
                Native.putLong(typeObject + ClassType.T_SUBCLASSES, d);
            }
            return d;
        }
        Long d = builtinDicts.get(t);
        if (d == null && create) {
            d = rt.hold(heap.dicts.create());
            builtinDicts.put(t, d);
        }
        return d == null ? 0 : d;
    }

    /** add_subclass for each base of a new class. */
    void addToBases(long cls, long bases) {
        for (long i = 0; i < TupleType.size(bases); i++) {
            long d = dictOf(TupleType.item(bases, i), true);
            long key = heap.ints.of(cls);
            long wr = heap.weakrefs.newRef(cls, 0);
            heap.dicts.setItem(d, key, wr);
            heap.decref(key);
            heap.decref(wr);
        }
    }

    /** remove_all_subclasses: takes {@code cls} out of its bases' dicts (before it drops them). */
    void removeFromBases(long cls, long bases) {
        if (bases == 0) return;
        for (long i = 0; i < TupleType.size(bases); i++) {
            long d = dictOf(TupleType.item(bases, i), false);
            if (d == 0) continue;
            long key = heap.ints.of(cls);
            heap.dicts.delItem(d, key);
            heap.decref(key);
        }
    }

    /**
     * Forgets the builtin types' dicts, which the runtime is about to release (at close): classes
     * freed after that no longer have an entry to remove.
     */
    void forgetBuiltinDicts() {
        builtinDicts.clear();
    }

    /** Each builtin type's subclasses in the builtins module, in CPython's order; "*" last when it has others. */
    private static Map<String, List<String>> builtinTable;

    private static synchronized Map<String, List<String>> builtinTable() {
        if (builtinTable != null) return builtinTable;
        Map<String, List<String>> table = new HashMap<>();
        try (var in = Subclasses.class.getResourceAsStream("builtin-subclasses.txt")) {
            if (in == null) throw new IllegalStateException("builtin-subclasses.txt is missing from refheap's resources");
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.trim().split(" ");
                if (parts.length > 1) table.put(parts[0], List.of(parts).subList(1, parts.length));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return builtinTable = table;
    }

    /** Calls {@code visit} with each live subclass in a class's registry, in insertion order (none for a builtin type). */
    void forEachLive(long typeObject, java.util.function.LongConsumer visit) {
        if (!(heap.typeAt(typeObject) instanceof ClassType)) return;
        long d = dictOf(typeObject, false);
        if (d == 0) return;
        List<Long> live = new java.util.ArrayList<>();
        heap.dicts.forEach(d, (k, wr) -> {
            long r = heap.weakrefs.liveReferent(wr);
            if (r != heap.None) live.add(r);
        });
        for (long r : live) visit.accept(r);
    }

    /** True for a dunder name ({@code __x__}): what a slot function looks up on the class. */
    static boolean isSpecialName(String name) {
        return name.length() > 4 && name.startsWith("__") && name.endsWith("__");
    }

    /**
     * The types refheap itself defines (not classes) whose tp_base is {@code t}: those CPython
     * readies at start-up in its order ({@code order}, the builtins' names in the table), then
     * the rest in the order refheap registered them (its other start-up types, then a native
     * module's as it is imported). For object and tuple, whose CPython lists also hold the
     * interpreter's own types and struct sequences: the set is refheap's.
     */
    private List<PyType> interpreterSubclasses(PyType t, List<String> order) {
        List<PyType> found = new java.util.ArrayList<>();
        for (int i = 0; i < heap.typeCount(); i++) {
            PyType s = heap.typeByIndex(i);
            if (!(s instanceof ClassType) && s != t && rt.builtinTypeInfo.base(s) == t) found.add(s);
        }
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < order.size(); i++) rank.putIfAbsent(order.get(i), i);
        List<PyType> sorted = new java.util.ArrayList<>(found);
        sorted.sort(java.util.Comparator.comparingInt(s -> rank.getOrDefault(s.name().replace(' ', '_'), Integer.MAX_VALUE)));  // the table's symtable_entry
        return sorted;
    }

    /** type.__subclasses__(): a new list of the live subclasses (a builtin type's builtin ones first). */
    long list(long typeObject) {
        PyType t = heap.typeAt(typeObject);
        List<String> builtin = t instanceof ClassType ? null : builtinTable().get(Ops.shortName(t));
        long l = heap.lists.alloc(0);
        if (builtin != null && builtin.getLast().equals("*")) {
            for (PyType sub : interpreterSubclasses(t, builtin)) heap.lists.append(l, sub.address());
        } else if (builtin != null && t.name().indexOf('.') < 0) {
            for (String name : builtin) {
                long sub = heap.dicts.getItem(rt.builtinsDict, name);
                if (sub == 0) {
                    heap.decref(l);
                    throw rt.error("NotImplementedError", "refheap does not support " + Ops.shortName(t) + ".__subclasses__() yet (it lacks " + name + ")");
                }
                heap.lists.append(l, sub);
            }
        }
        long d = dictOf(typeObject, false);
        if (d != 0) {
            heap.dicts.forEach(d, (k, wr) -> {
                long r = heap.weakrefs.liveReferent(wr);
                if (r != heap.None && heap.typeAt(r) instanceof ClassType) heap.lists.append(l, r);  // builtin ones are listed above
            });
        }
        return l;
    }
}

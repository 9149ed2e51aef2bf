package dev.refheap.lang.vm;

import dev.refheap.object.PyType;

/**
 * A static type CPython 3.11 readies at start-up (_PyTypes_InitTypes) whose objects refheap never
 * makes: {@code stderrprinter} (the pre-io stderr), {@code InterpreterID} (subinterpreters),
 * {@code symtable entry} ({@code _symtable}), {@code moduledef},
 * {@code instancemethod}, {@code pickle.PickleBuffer}, {@code builtin_method}, and the hamt's nodes and
 * iterators ({@code hamt_array_node}..., {@code keys}, {@code values}, {@code items}: refheap's
 * {@code hamt} keeps its entries in a dict, so it makes none of them). refheap makes the
 * type as CPython readies it, so what readying makes is there at the first line as in CPython: its
 * dict with the slot wrappers, method and getset/member descriptors of {@code builtin-type-dicts.txt}
 * (tracked; made without moving count0: SlotWrappers.QUIET), the weak reference in its base's {@code __subclasses__()} dict, and
 * CPython's layout figures ({@code __basicsize__}, {@code __flags__}: the table's).
 *
 * <p>Invariant: no instance of it ever exists, so none of its descriptors can be applied (each checks
 * its object's type first and refuses another one, as CPython's). Calling the type refuses: a type
 * CPython's can instantiate ({@link #instantiable}: its dict has {@code __new__}) raises
 * NotImplementedError naming it, another raises CPython's "cannot create 'X' instances".
 * States: registered once per runtime by its constructor, never changed.
 */
final class UnmodelledStaticType extends ExtType {
    /** The tp_name of each, its base (null: object), its tp_basicsize, and whether CPython's has tp_new and GC. */
    record Spec(String name, boolean builtinMethodBase, long basicSize, long itemSize, long weaklistOffset, boolean instantiable, boolean gc) {
        Spec(String name, boolean builtinMethodBase, long basicSize, long weaklistOffset, boolean instantiable, boolean gc) {
            this(name, builtinMethodBase, basicSize, 0, weaklistOffset, instantiable, gc);
        }
    }

    /** CPython 3.11.7's figures (type.__basicsize__, __weakrefoffset__, __flags__ of each on a clean start-up). */
    static final Spec[] SPECS = {
        new Spec("stderrprinter", false, 24, 0, false, false),
        new Spec("InterpreterID", false, 24, 0, true, false),
        new Spec("symtable entry", false, 120, 0, false, false),
        new Spec("moduledef", false, 104, 0, false, false),
        new Spec("instancemethod", false, 24, 0, true, true),
        new Spec("pickle.PickleBuffer", false, 104, 96, true, true),
        new Spec("builtin_method", true, 64, 40, false, true),
        // the hamt's nodes and iterators (refheap's hamt keeps its entries in a dict: ContextVarsModule)
        new Spec("hamt_array_node", false, 280, 0, false, true),
        new Spec("hamt_bitmap_node", false, 32, 8, 0, false, true),
        new Spec("hamt_collision_node", false, 32, 8, 0, false, true),
        new Spec("keys", false, 168, 0, false, true),
        new Spec("values", false, 168, 0, false, true),
        new Spec("items", false, 168, 0, false, true),
    };

    private final boolean instantiable;

    private UnmodelledStaticType(Runtime rt, Spec s) {
        super(rt, s.name(), s.builtinMethodBase() ? rt.builtinFunctionType : null, s.gc() ? PyType.HAVE_GC : 0, s.basicSize(), s.itemSize(), s.weaklistOffset());
        this.instantiable = s.instantiable();
    }

    /** Registers every one of them in {@code rt}'s heap (the constructor, before the types' dicts are made). */
    static void registerAll(Runtime rt) {
        for (Spec s : SPECS) rt.heap.register(new UnmodelledStaticType(rt, s));
    }

    /** The name builtin-type-dicts.txt gives the type: its __name__, a space written as '_' ("symtable_entry"). */
    String tableName() {
        int dot = name().lastIndexOf('.');
        return (dot < 0 ? name() : name().substring(dot + 1)).replace(' ', '_');
    }

    /** True for a type CPython's start-up readies without objects of it in refheap. */
    static boolean isOne(PyType t) { return t instanceof UnmodelledStaticType; }

    @Override
    String repr(long o) { return "<" + name() + " object at " + Ops.hex(o) + ">"; }

    @Override
    long construct(long typeObject, long[] a, int off, int n, long kw) {
        if (instantiable) throw rt.error("NotImplementedError", "refheap does not support " + name() + " objects yet");
        return super.construct(typeObject, a, off, n, kw);
    }
}

package dev.refheap.lang.vm;

import dev.refheap.lang.ast.Special;
import dev.refheap.lang.bytecode.CodeUnit;
import dev.refheap.object.Heap;
import dev.refheap.object.TupleType;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the compiler's {@link CodeUnit}s into code objects in the heap. Within one compilation
 * unit, equal constants become one heap object (each co_consts tuple that uses it holds one
 * reference); string constants made only of ASCII letters, digits and underscores are interned,
 * as CPython 3.11 does, so they are shared across compilation units too.
 *
 * <p>The GC objects are made in the order CPython 3.11's compile() makes the ones that survive it,
 * which decides their places in generation 0 (observable once gc.unfreeze() lets a collection
 * see them together with what the program made, e.g. which tuples untrack_tuples reaches first):
 * first every constant tuple and frozenset of the whole unit tree, items before the tuple holding
 * them, in the order the code generator first adds them (the AST optimizer folds them all before
 * any code is generated); then the code objects, nested ones before the one holding them (a
 * nested body is assembled while its parent is generated), each as makecode does: co_names,
 * co_consts, co_localsplusnames.
 */
final class Materializer {
    private final Runtime rt;
    private final Heap heap;
    private final Map<Object, Long> constants = new HashMap<>();
    private final Map<CodeUnit, Long> codes = new IdentityHashMap<>();
    private final long filename;

    private Materializer(Runtime rt, String filename) {
        this.rt = rt;
        this.heap = rt.heap;
        this.filename = heap.strs.of(filename);
    }

    /** A new code object for {@code unit} and everything nested in it. */
    static long materialize(Runtime rt, CodeUnit unit) {
        Materializer m = new Materializer(rt, unit.filename());
        try {
            m.constantsOf(unit);
            return m.code(unit);
        } finally {
            for (long o : m.constants.values()) rt.heap.decref(o);
            for (long o : m.codes.values()) rt.heap.decref(o);
            rt.heap.decref(m.filename);
        }
    }

    /** The constant tuples and frozensets of {@code unit} and its nested units, made in first-use order. */
    private void constantsOf(CodeUnit unit) {
        if (!seenUnits.add(unit)) return;
        for (Object c : unit.consts()) {
            if (c instanceof CodeUnit u) constantsOf(u);
            else if (c instanceof CodeUnit.ConstTuple || c instanceof CodeUnit.ConstFrozenset) heap.decref(constant(c));
        }
    }

    private final java.util.Set<CodeUnit> seenUnits = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    private long code(CodeUnit unit) {
        Long cached = codes.get(unit);
        if (cached != null) {
            heap.incref(cached);
            return cached;
        }
        List<Object> consts = unit.consts();
        // Nested code objects first: CPython assembles a nested body while generating its parent.
        for (Object c : consts) if (c instanceof CodeUnit u) heap.decref(code(u));
        long names = internedTuple(unit.names());
        // co_consts itself is merged like a constant tuple (CPython's merge_const_one): code objects
        // with equal constants, and an equal constant tuple, share one tuple object.
        Object constsKey = new TupleKey(consts.stream().map(c -> c instanceof CodeUnit ? (Object) new IdentityKey(c) : key(c)).toList());
        long constsTuple;
        Long shared = constants.get(constsKey);
        if (shared != null) {
            constsTuple = shared;
            heap.incref(constsTuple);
        } else {
            long[] items = new long[consts.size()];
            for (int i = 0; i < items.length; i++) items[i] = constant(consts.get(i));
            constsTuple = heap.tuples.alloc(items.length);
            for (int i = 0; i < items.length; i++) TupleType.setItemSteal(constsTuple, i, items[i]);
            constants.put(constsKey, constsTuple);
            heap.incref(constsTuple);
        }
        long[] constAddrs = new long[consts.size()];
        for (int i = 0; i < consts.size(); i++) constAddrs[i] = TupleType.item(constsTuple, i);
        long[] nameAddrs = new long[unit.names().size()];
        for (int i = 0; i < nameAddrs.length; i++) nameAddrs[i] = TupleType.item(names, i);
        long localsplus = internedTuple(unit.localsplusNames());
        heap.incref(filename);
        long code = rt.codeType.create(new CodeType.Code(unit, constAddrs, nameAddrs), constsTuple, names, localsplus,
                filename, heap.strs.internedOf(unit.name()), heap.strs.internedOf(unit.qualname()));
        codes.put(unit, code);
        heap.incref(code);
        return code;
    }

    private long internedTuple(List<String> items) {
        long t = heap.tuples.alloc(items.size());
        for (int i = 0; i < items.size(); i++) TupleType.setItemSteal(t, i, heap.strs.internedOf(items.get(i)));
        return t;
    }

    /** A new reference to the heap object for constant {@code c}. */
    private long constant(Object c) {
        if (c instanceof CodeUnit u) return code(u);
        Object key = key(c);
        Long cached = constants.get(key);
        if (cached != null) {
            heap.incref(cached);
            return cached;
        }
        long o = create(c);
        constants.put(key, o);
        heap.incref(o);
        return o;
    }

    private static Object key(Object c) {
        if (c instanceof byte[] b) return ByteBuffer.wrap(b);
        if (c instanceof CodeUnit.ConstTuple t) return new TupleKey(t.items().stream().map(Materializer::key).toList());
        if (c instanceof Double d) return new DoubleKey(Double.doubleToRawLongBits(d));
        if (c instanceof dev.refheap.lang.ast.Complex x) return new ComplexKey(Double.doubleToRawLongBits(x.real()), Double.doubleToRawLongBits(x.imag()));
        if (c instanceof CodeUnit.ConstFrozenset f) return new FrozenKey(f.items().stream().map(Materializer::key).toList());
        return c;
    }

    // The keys spell out equals and hashCode: a record's generated ones are bound by an
    // invokedynamic bootstrap on first use, which JDK 25's AOT cache does not keep (some
    // milliseconds of every start-up, for the first code object's constants).

    private record TupleKey(List<Object> items) {
        @Override public boolean equals(Object o) { return o instanceof TupleKey k && k.items.equals(items); }
        @Override public int hashCode() { return items.hashCode(); }
    }

    private record DoubleKey(long bits) {
        @Override public boolean equals(Object o) { return o instanceof DoubleKey k && k.bits == bits; }
        @Override public int hashCode() { return Long.hashCode(bits); }
    }

    private record ComplexKey(long real, long imag) {
        @Override public boolean equals(Object o) { return o instanceof ComplexKey k && k.real == real && k.imag == imag; }
        @Override public int hashCode() { return 31 * Long.hashCode(real) + Long.hashCode(imag); }
    }

    /** A nested code unit compared by identity inside a co_consts key. */
    private record IdentityKey(Object unit) {
        @Override public boolean equals(Object o) { return o instanceof IdentityKey k && k.unit == unit; }
        @Override public int hashCode() { return System.identityHashCode(unit); }
    }

    private record FrozenKey(List<Object> items) {
        @Override public boolean equals(Object o) { return o instanceof FrozenKey k && k.items.equals(items); }
        @Override public int hashCode() { return ~items.hashCode(); }
    }

    private long create(Object c) {
        return switch (c) {
            case Long v -> heap.ints.of(v);
            case BigInteger v -> heap.ints.of(v);
            case Double v -> heap.floats.of(v);
            case dev.refheap.lang.ast.Complex v -> rt.complexType.of(v.real(), v.imag());
            case Boolean v -> heap.bools.of(v);
            case String s -> isIdentifierLike(s) ? heap.strs.internedOf(s) : heap.strs.of(s);
            case byte[] b -> heap.bytes.of(b);
            case Special s -> {
                long o = s == Special.None ? heap.None : rt.ellipsis;
                heap.incref(o);
                yield o;
            }
            case CodeUnit.ConstTuple t -> {
                // Items first: the AST optimizer folds the innermost tuple first.
                long[] items = new long[t.items().size()];
                for (int i = 0; i < items.length; i++) items[i] = constant(t.items().get(i));
                long tuple = heap.tuples.alloc(items.length);
                for (int i = 0; i < items.length; i++) TupleType.setItemSteal(tuple, i, items[i]);
                yield tuple;
            }
            case CodeUnit.ConstFrozenset f -> {
                long[] items = new long[f.items().size()];
                for (int i = 0; i < items.length; i++) items[i] = constant(f.items().get(i));
                long set = heap.frozensets.create();
                for (long x : items) {
                    heap.sets.add(set, x);
                    heap.decref(x);
                }
                yield set;
            }
            default -> throw new IllegalArgumentException("not a constant: " + c.getClass());
        };
    }

    /** CPython 3.11 interns constant strings made of ASCII letters, digits and underscores. */
    static boolean isIdentifierLike(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!(ch < 128 && (Character.isLetterOrDigit(ch) || ch == '_'))) return false;
        }
        return true;
    }
}

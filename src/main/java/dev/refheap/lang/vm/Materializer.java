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
 * co_consts, co_localsplusnames, each merged with an equal tuple seen before in the same compile
 * (merge_const_one: equal names tuples, constants tuples and constant tuples are one object).
 *
 * <p>For code CPython compiles from source at this point (the program itself, compile(), exec and
 * eval of a string: {@code fromSource}), the compiler's const cache is modelled too, because its
 * keys pass through the tuple free lists: _PyCode_ConstantKey makes a key tuple for every tuple,
 * frozenset, float, complex, bool and bytes constant it registers (code generation registers each
 * constant a body loads, with a tuple's items; makecode its three tuples), a key made for a
 * constant already registered is released at once, and the rest are released, in registration
 * order, when the compile ends. What a program's first statement finds on the free lists of 1-
 * and 2-tuples is mostly these keys: the _ast classes 3.11's first compile() makes take every
 * free 1-tuple before (Runtime.firstCompile). The keys of co_exceptiontable, co_linetable and
 * co_code (assemble merges those bytes too: 2-tuples) are made as each unit is assembled, and the
 * parser's, symbol table's and compiler's dicts and lists ({@link CompileTemps}) around the whole
 * compile. Not modelled: the duplicate constant objects the parser and AST optimizer make for
 * equal literals (refheap makes one per distinct constant), and a frozenset constant's rebuilt set.
 */
final class Materializer {
    private final Runtime rt;
    private final Heap heap;
    private final Map<Object, Long> constants = new HashMap<>();
    private final Map<CodeUnit, Long> codes = new IdentityHashMap<>();
    private final long filename;
    /**
     * The compiler's const cache (3.11's c_const_cache) when this compile stands for one CPython
     * makes from source: each constant's key (_PyCode_ConstantKey) in insertion order, a heap tuple
     * (or frozenset pair) where CPython's key is one, 0 where the key is the constant itself. Null
     * when the code stands for what CPython would load from a .pyc or define in C.
     */
    private final java.util.LinkedHashMap<Object, Long> constCache;

    private Materializer(Runtime rt, String filename, boolean fromSource) {
        this.rt = rt;
        this.heap = rt.heap;
        this.filename = heap.strs.of(filename);
        this.constCache = fromSource ? new java.util.LinkedHashMap<>() : null;
        this.temps = fromSource ? new CompileTemps(heap) : null;
    }

    /** The compiler's own dicts and lists when this compile stands for one CPython makes from source, else null. */
    private final CompileTemps temps;

    /** A new code object for {@code unit} and everything nested in it (no compiler temporaries modelled). */
    static long materialize(Runtime rt, CodeUnit unit) {
        return materialize(rt, unit, false);
    }

    /**
     * A new code object for {@code unit}; {@code fromSource} when CPython would compile it from
     * source at this point (the program, compile(), exec and eval of a string): then the key tuples
     * of the compiler's const cache are made and released as 3.11's compiler makes and releases
     * them, since they pass through the tuple free lists the program then draws from.
     */
    static long materialize(Runtime rt, CodeUnit unit, boolean fromSource) {
        Materializer m = new Materializer(rt, unit.filename(), fromSource);
        try {
            if (m.temps != null) m.temps.begin();
            m.constantsOf(unit);
            if (m.temps != null) m.temps.symtable(unit);
            return m.code(unit);
        } finally {
            // compiler_free: the symbol table, the const cache (its keys in insertion order, then
            // its dict), the unit stack; then the constants the code objects do not hold and the
            // parser's arena's list
            if (m.temps != null) m.temps.freeSymtable();
            if (m.constCache != null) for (long k : m.constCache.values()) if (k != 0) rt.heap.decref(k);
            if (m.temps != null) m.temps.freeCompiler();
            for (long o : m.constants.values()) rt.heap.decref(o);
            if (m.temps != null) m.temps.freeArena();
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
        long[] unitDicts = temps != null ? temps.enterUnit() : null;
        // Nested code objects first: CPython assembles a nested body while generating its parent.
        // With the const cache modelled, each other constant is registered where code generation
        // first loads it (compiler_add_const: merge_consts_recursive), between the nested bodies.
        for (Object c : consts) {
            if (c instanceof CodeUnit u) heap.decref(code(u));
            else if (constCache != null) {
                long o = constant(c);
                registerRecursive(o);
                heap.decref(o);
            }
        }
        // assemble: the list of the unit's constants, then co_exceptiontable, co_linetable and
        // co_code merged through the const cache (a (bytes, value) key each, released at once
        // when an equal one is known), then makecode.
        long constsList = 0;
        dev.refheap.lang.bytecode.CpythonLayout layout = null;
        if (temps != null) {
            constsList = temps.beginAssemble();
            layout = dev.refheap.lang.bytecode.CpythonLayout.of(unit);
            registerBytes(layout.exceptionTable());
            registerBytes(layout.lineTable(unit.firstLineno()));
            registerBytes(layout.code());
        }
        // makecode: co_names, co_consts and co_localsplusnames are each made, then merged with an
        // equal tuple already known (merge_const_one): code objects with equal names or constants,
        // and an equal constant tuple, share one tuple object.
        long names = namesTuple(unit.names());
        long constsTuple;
        if (constCache != null) {
            long[] items = new long[consts.size()];
            for (int i = 0; i < items.length; i++) items[i] = constant(consts.get(i));
            long t = heap.tuples.alloc(items.length);
            for (int i = 0; i < items.length; i++) TupleType.setItemSteal(t, i, items[i]);
            constsTuple = mergeTuple(t);
        } else {
            List<Object> constKeys = new java.util.ArrayList<>(consts.size());
            for (Object c : consts) constKeys.add(c instanceof CodeUnit ? new IdentityKey(c) : key(c));
            Object constsKey = new TupleKey(constKeys);
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
        }
        long[] constAddrs = new long[consts.size()];
        for (int i = 0; i < consts.size(); i++) constAddrs[i] = TupleType.item(constsTuple, i);
        long[] nameAddrs = new long[unit.names().size()];
        for (int i = 0; i < nameAddrs.length; i++) nameAddrs[i] = TupleType.item(names, i);
        long localsplus = namesTuple(unit.localsplusNames());
        heap.incref(filename);
        long code = rt.codeType.create(new CodeType.Code(unit, constAddrs, nameAddrs), constsTuple, names, localsplus,
                filename, heap.strs.internedOf(unit.name()), heap.strs.internedOf(unit.qualname()));
        if (layout != null) rt.codeType.code(code).presetLayout(layout);
        if (temps != null) {
            temps.endAssemble(constsList);
            temps.exitUnit(unitDicts);
        }
        codes.put(unit, code);
        heap.incref(code);
        return code;
    }

    /**
     * co_names or co_localsplusnames: as makecode makes and merges it when CPython compiles from
     * source ({@link #mergeTuple}); for code CPython would load from a .pyc (or has deep-frozen), an
     * equal tuple already known is shared without making one first, as marshal's references share
     * the one object the compiler had merged (a tuple made and released at once would have gone to
     * the free lists).
     */
    private long namesTuple(List<String> items) {
        if (constCache != null) return mergeTuple(internedTuple(items));
        return shared(new TupleKey(new java.util.ArrayList<Object>(items)), () -> internedTuple(items));
    }

    /**
     * merge_const_one on a tuple makecode just made (a new reference, consumed): the equal tuple
     * already known (the new one released), else this one, now known. With the const cache
     * modelled, its key is made first and released at once when the tuple is a duplicate.
     */
    private long mergeTuple(long t) {
        Object k = heapKey(t);
        long cacheKey = constCache != null ? constantKey(t) : 0;
        Long shared = constants.get(k);
        if (constCache != null) {
            if (constCache.containsKey(k)) {
                if (cacheKey != 0) heap.decref(cacheKey);
            } else {
                constCache.put(k, cacheKey);
            }
        }
        if (shared != null) {
            heap.incref(shared);
            heap.decref(t);
            return shared;
        }
        constants.put(k, t);
        heap.incref(t);
        return t;
    }

    /**
     * merge_const_one on bytes the assembler made (co_exceptiontable, co_linetable, co_code): their
     * key, (bytes, value), joins the const cache unless an equal one is there (then it is released at
     * once). The key's second item stands for the bytes: the key is never seen, only its tuple's
     * passage through the free lists is, and refheap makes co_code's bytes when they are asked for.
     */
    private void registerBytes(byte[] value) {
        Object k = ByteBuffer.wrap(value);
        long empty = heap.bytes.of(new byte[0]);
        long key = heap.tuples.of(Heap.typeAddress(empty), empty);
        heap.decref(empty);
        if (constCache.containsKey(k)) heap.decref(key);
        else constCache.put(k, key);
    }

    /**
     * merge_consts_recursive: registers constant {@code o} (borrowed) in the const cache, and the
     * items of a tuple or frozenset newly registered (a frozenset's through a temporary tuple of
     * its items). A key made for a constant already registered is released at once.
     */
    private void registerRecursive(long o) {
        Object k = heapKey(o);
        long cacheKey = constantKey(o);
        if (constCache.containsKey(k)) {
            if (cacheKey != 0) heap.decref(cacheKey);
            return;
        }
        constCache.put(k, cacheKey);
        if (heap.typeOf(o) == heap.tuples) {
            for (long i = 0, n = TupleType.size(o); i < n; i++) registerRecursive(TupleType.item(o, i));
        } else if (heap.typeOf(o) == heap.frozensets && dev.refheap.object.SetType.size(o) > 0) {
            long[] items = frozensetItems(o);
            long t = heap.tuples.alloc(items.length);
            for (int i = 0; i < items.length; i++) {
                registerRecursive(items[i]);
                heap.incref(items[i]);
                TupleType.setItemSteal(t, i, items[i]);
            }
            heap.decref(t);
        }
    }

    /**
     * _PyCode_ConstantKey of heap constant {@code o}, as a new heap object: 0 where 3.11's key is
     * the object itself (None, Ellipsis, int, str, code); (type, o) for bool and bytes; for a float
     * or complex the same with a third item telling the zeros' signs apart; for a tuple, a tuple of
     * its items' keys paired with it; for a frozenset, a frozenset of its items' keys paired with it.
     */
    private long constantKey(long o) {
        var type = heap.typeOf(o);
        long typeObj = Heap.typeAddress(o);
        if (o == heap.None || o == rt.ellipsis || type == heap.strs || type == rt.codeType
                || (type instanceof dev.refheap.object.IntType && type != heap.bools)) return 0;
        if (type == heap.bools || type == heap.bytes) return heap.tuples.of(typeObj, o);
        if (type == heap.floats) {
            double d = dev.refheap.object.FloatType.value(o);
            return d == 0.0 && Math.copySign(1.0, d) < 0 ? heap.tuples.of(typeObj, o, heap.None) : heap.tuples.of(typeObj, o);
        }
        if (type == rt.complexType) {
            double re = ComplexType.real(o), im = ComplexType.imag(o);
            boolean reNeg = re == 0.0 && Math.copySign(1.0, re) < 0, imNeg = im == 0.0 && Math.copySign(1.0, im) < 0;
            if (reNeg && imNeg) return heap.tuples.of(typeObj, o, heap.True);
            if (imNeg) return heap.tuples.of(typeObj, o, heap.False);
            if (reNeg) return heap.tuples.of(typeObj, o, heap.None);
            return heap.tuples.of(typeObj, o);
        }
        if (type == heap.tuples) {
            long n = TupleType.size(o);
            long inner = heap.tuples.alloc(n);
            for (long i = 0; i < n; i++) {
                long item = TupleType.item(o, i);
                long k = constantKey(item);
                if (k == 0) {
                    heap.incref(item);
                    k = item;
                }
                TupleType.setItemSteal(inner, i, k);
            }
            long pair = heap.tuples.of(inner, o);
            heap.decref(inner);
            return pair;
        }
        if (type == heap.frozensets) {
            long set = heap.frozensets.create();
            for (long item : frozensetItems(o)) {
                long k = constantKey(item);
                if (k == 0) heap.sets.add(set, item);
                else {
                    heap.sets.add(set, k);
                    heap.decref(k);
                }
            }
            long pair = heap.tuples.of(set, o);
            heap.decref(set);
            return pair;
        }
        throw new IllegalStateException("not a constant: " + type.name());
    }

    /** A frozenset's items in its table's order (_PySet_NextEntry's). */
    private long[] frozensetItems(long o) {
        long[] items = new long[(int) dev.refheap.object.SetType.size(o)];
        int[] n = {0};
        heap.frozensets.forEach(o, x -> items[n[0]++] = x);
        return items;
    }

    /** The Java key of heap constant {@code o}: equal to {@link #key} of the compiler's constant it was made from. */
    private Object heapKey(long o) {
        if (o == heap.None) return Special.None;
        if (o == rt.ellipsis) return Special.Ellipsis;
        var type = heap.typeOf(o);
        if (type == heap.bools) return o == heap.True;
        if (type instanceof dev.refheap.object.IntType) {
            return dev.refheap.object.IntType.fitsLong(o) ? (Object) dev.refheap.object.IntType.asLong(o) : dev.refheap.object.IntType.toBig(o);
        }
        if (type == heap.strs) return dev.refheap.object.StrType.value(o);
        if (type == heap.bytes) return ByteBuffer.wrap(dev.refheap.object.BytesType.value(o));
        if (type == heap.floats) return new DoubleKey(Double.doubleToRawLongBits(dev.refheap.object.FloatType.value(o)));
        if (type == rt.complexType) return new ComplexKey(Double.doubleToRawLongBits(ComplexType.real(o)), Double.doubleToRawLongBits(ComplexType.imag(o)));
        if (type == rt.codeType) return new IdentityKey(rt.codeType.code(o).unit);
        if (type == heap.tuples) {
            List<Object> items = new java.util.ArrayList<>();
            for (long i = 0, n = TupleType.size(o); i < n; i++) items.add(heapKey(TupleType.item(o, i)));
            return new TupleKey(items);
        }
        if (type == heap.frozensets) {
            List<Object> items = new java.util.ArrayList<>();
            for (long x : frozensetItems(o)) items.add(heapKey(x));
            return new FrozenKey(items);
        }
        throw new IllegalStateException("not a constant: " + type.name());
    }

    private long internedTuple(List<String> items) {
        long t = heap.tuples.alloc(items.size());
        for (int i = 0; i < items.size(); i++) TupleType.setItemSteal(t, i, heap.strs.internedOf(items.get(i)));
        return t;
    }

    /** A new reference to the heap object for constant {@code c}. */
    private long constant(Object c) {
        if (c instanceof CodeUnit u) return code(u);
        return shared(key(c), () -> create(c));
    }

    /**
     * A new reference to the object the code being made already has under {@code key}, or to the
     * one {@code make} makes now (a new reference, which the table keeps).
     */
    private long shared(Object key, java.util.function.LongSupplier make) {
        Long cached = constants.get(key);
        if (cached != null) {
            heap.incref(cached);
            return cached;
        }
        long o = make.getAsLong();
        constants.put(key, o);
        heap.incref(o);
        return o;
    }

    private static Object key(Object c) {
        if (c instanceof byte[] b) return ByteBuffer.wrap(b);
        if (c instanceof CodeUnit.ConstTuple t) return new TupleKey(keys(t.items()));
        if (c instanceof Double d) return new DoubleKey(Double.doubleToRawLongBits(d));
        if (c instanceof dev.refheap.lang.ast.Complex x) return new ComplexKey(Double.doubleToRawLongBits(x.real()), Double.doubleToRawLongBits(x.imag()));
        if (c instanceof CodeUnit.ConstFrozenset f) return new FrozenKey(keys(f.items()));
        return c;
    }

    // Loops, not streams, for the keys: every code object of every import comes here, in code the
    // JVM still interprets in a short process (a stream pipeline is a dozen calls per item there).
    private static List<Object> keys(List<Object> items) {
        List<Object> out = new java.util.ArrayList<>(items.size());
        for (Object c : items) out.add(key(c));
        return out;
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

    /** A frozenset's items as a set: the compiler's order and the heap table's need not agree. */
    private record FrozenKey(List<Object> items) {
        @Override public boolean equals(Object o) { return o instanceof FrozenKey k && new java.util.HashSet<>(k.items).equals(new java.util.HashSet<>(items)); }
        @Override public int hashCode() { return ~new java.util.HashSet<>(items).hashCode(); }
    }

    // A chain of instanceof tests, not a pattern switch: a pattern switch's first run bootstraps a
    // class generated at run time (SwitchBootstraps.typeSwitch), which the JVM's start-up cache
    // does not keep, and every program's first constant comes here (milliseconds of the bytecode
    // interpreter in each process).
    private long create(Object c) {
        if (c instanceof Long v) return heap.ints.of(v);
        if (c instanceof BigInteger v) return heap.ints.of(v);
        if (c instanceof Double v) return heap.floats.of(v);
        if (c instanceof dev.refheap.lang.ast.Complex v) return rt.complexType.of(v.real(), v.imag());
        if (c instanceof Boolean v) return heap.bools.of(v);
        if (c instanceof String s) return isIdentifierLike(s) ? heap.strs.internedOf(s) : heap.strs.of(s);
        if (c instanceof byte[] b) return heap.bytes.of(b);
        if (c instanceof Special s) {
            long o = s == Special.None ? heap.None : rt.ellipsis;
            heap.incref(o);
            return o;
        }
        if (c instanceof CodeUnit.ConstTuple t) {
            // Items first: the AST optimizer folds the innermost tuple first.
            long[] items = new long[t.items().size()];
            for (int i = 0; i < items.length; i++) items[i] = constant(t.items().get(i));
            long tuple = heap.tuples.alloc(items.length);
            for (int i = 0; i < items.length; i++) TupleType.setItemSteal(tuple, i, items[i]);
            return tuple;
        }
        if (c instanceof CodeUnit.ConstFrozenset f) {
            long[] items = new long[f.items().size()];
            for (int i = 0; i < items.length; i++) items[i] = constant(f.items().get(i));
            long set = heap.frozensets.create();
            for (long x : items) {
                heap.sets.add(set, x);
                heap.decref(x);
            }
            return set;
        }
        throw new IllegalArgumentException("not a constant: " + c.getClass());
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

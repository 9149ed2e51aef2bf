package dev.refheap.lang.compiler;

import dev.refheap.lang.bytecode.CodeUnit;
import dev.refheap.lang.bytecode.CodeUnit.ConstFrozenset;
import dev.refheap.lang.bytecode.CodeUnit.ConstTuple;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The constants of one compilation (one {@link Compiler#compileModule} call), interned: equal
 * constants are returned as the same Java object, so the VM creates one heap object for each
 * distinct Java object (CPython's {@code c_const_cache} / {@code merge_consts_recursive}).
 *
 * <p>Equality is CPython's {@code _PyCode_ConstantKey}: values of different types never merge
 * ({@code 1}, {@code 1.0} and {@code True} stay apart), floats compare by bits (so {@code 0.0} and
 * {@code -0.0} stay apart), tuples compare item by item with the same rule, code units by identity.
 * Ints are normalised: a {@code BigInteger} that fits in a long becomes a {@code Long}.
 *
 * <p>State: the map from key to canonical object; it only grows.
 */
final class ConstCache {
    private final Map<Key, Object> canonical = new HashMap<>();

    /** Returns the canonical object equal to {@code value} (interning it, and its items, if new). */
    Object intern(Object value) {
        Object v = normalise(value);
        if (v instanceof ConstTuple t) {
            List<Object> items = new ArrayList<>(t.items().size());
            for (Object item : t.items()) {
                items.add(intern(item));
            }
            v = new ConstTuple(List.copyOf(items));
        } else if (v instanceof ConstFrozenset f) {
            List<Object> items = new ArrayList<>(f.items().size());
            for (Object item : f.items()) {
                items.add(intern(item));
            }
            v = new ConstFrozenset(List.copyOf(items));
        }
        return canonical.computeIfAbsent(new Key(v), k -> k.value);
    }

    /** Longs for ints that fit; other values unchanged. */
    static Object normalise(Object value) {
        if (value instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        if (value instanceof Integer i) {
            return (long) i;
        }
        return value;
    }

    /** True if a and b are the same constant in the sense of {@code _PyCode_ConstantKey}. */
    static boolean same(Object a, Object b) {
        a = normalise(a);
        b = normalise(b);
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a.getClass() != b.getClass()) {
            return false;
        }
        return switch (a) {
            case Double d -> Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits((Double) b)
                    && !d.isNaN();
            case byte[] bs -> Arrays.equals(bs, (byte[]) b);
            case dev.refheap.lang.ast.Complex c -> Double.doubleToRawLongBits(c.real()) == Double.doubleToRawLongBits(((dev.refheap.lang.ast.Complex) b).real())
                    && Double.doubleToRawLongBits(c.imag()) == Double.doubleToRawLongBits(((dev.refheap.lang.ast.Complex) b).imag())
                    && !Double.isNaN(c.real()) && !Double.isNaN(c.imag());
            case ConstTuple t -> sameItems(t.items(), ((ConstTuple) b).items());
            case ConstFrozenset f -> sameSet(f.items(), ((ConstFrozenset) b).items());
            case CodeUnit c -> false;
            default -> a.equals(b);
        };
    }

    private static boolean sameItems(List<Object> a, List<Object> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Set equality: same size and every item of a is in b. */
    private static boolean sameSet(List<Object> a, List<Object> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Object x : a) {
            if (b.stream().noneMatch(y -> same(x, y))) {
                return false;
            }
        }
        return true;
    }

    static int hash(Object v) {
        v = normalise(v);
        return switch (v) {
            case null -> 0;
            case Double d -> Long.hashCode(Double.doubleToRawLongBits(d));
            case byte[] bs -> Arrays.hashCode(bs) * 31 + 7;
            case dev.refheap.lang.ast.Complex c -> Long.hashCode(Double.doubleToRawLongBits(c.real()) * 31 + Double.doubleToRawLongBits(c.imag()));
            case ConstTuple t -> {
                int h = 17;
                for (Object item : t.items()) {
                    h = h * 31 + hash(item);
                }
                yield h;
            }
            case ConstFrozenset f -> {
                int h = 23;
                for (Object item : f.items()) {
                    h += hash(item);
                }
                yield h;
            }
            case CodeUnit c -> System.identityHashCode(c);
            default -> v.hashCode() * 31 + v.getClass().hashCode();
        };
    }

    /** A hash key with {@link #same} as equality. */
    private record Key(Object value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && same(value, k.value);
        }

        @Override
        public int hashCode() {
            return hash(value);
        }
    }
}

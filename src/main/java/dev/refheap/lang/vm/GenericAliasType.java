package dev.refheap.lang.vm;

import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * {@code types.GenericAlias} ({@code list[int]}) and {@code types.UnionType} ({@code int | str}),
 * as CPython 3.11 lays them out.
 * <pre>
 *  GenericAlias (64 bytes + GC head, getsizeof 80): refcnt | type | origin | args | parameters | weakreflist | starred | vectorcall
 *  UnionType    (32 bytes + GC head, getsizeof 48): refcnt | type | args | parameters
 * </pre>
 * {@code parameters} stays NULL until asked for (so {@code gc.get_referents} shows origin and args,
 * or args). Calling an alias calls its origin; its other attributes are the origin's.
 */
final class GenericAliasType extends LangType {
    static final int ORIGIN = 16, ARGS = 24, PARAMETERS = 32, WEAKLIST = 40, STARRED = 48, VECTORCALL = 56;
    static final int U_ARGS = 16, U_PARAMETERS = 24;
    final boolean union;

    GenericAliasType(Runtime rt, boolean union) {
        super(rt, union ? "types.UnionType" : "types.GenericAlias", null, HAVE_GC | (union ? 0 : BASETYPE), union ? 32 : 64, 0, union ? 0 : WEAKLIST);
        this.union = union;
    }

    /** origin[args]: args is a tuple (stolen) of the subscript's items. */
    long alias(long origin, long args) {
        long g = heap.allocObject(this, 0);
        heap.incref(origin);
        put(g, ORIGIN, origin);
        put(g, ARGS, args);
        put(g, PARAMETERS, 0);
        put(g, WEAKLIST, 0);
        put(g, STARRED, 0);
        put(g, VECTORCALL, 0);
        heap.track(g);
        return g;
    }

    /** The subscript {@code item} of {@code origin[item]} as the args tuple (a new reference). */
    static long argsOf(Heap heap, long item) {
        if (heap.typeOf(item) == heap.tuples) {
            heap.incref(item);
            return item;
        }
        return heap.tuples.of(item);
    }

    // ---- unions --------------------------------------------------------------------------------

    /** True if {@code o} may be an operand of a union: a class, None, a GenericAlias or a union. */
    boolean unionable(long o) {
        PyType t = heap.typeOf(o);
        return o == heap.None || rt.ops.isTypeObject(o) || t == rt.genericAliasType || t == rt.unionType;
    }

    /** {@code a | b}: the flattened, deduplicated union (the one type itself when only one remains); 0 if not unionable. */
    long union(long a, long b) {
        if (!unionable(a) || !unionable(b)) return 0;
        List<Long> items = new ArrayList<>();
        for (long x : new long[] {a, b}) {
            if (heap.typeOf(x) == rt.unionType) {
                long args = get(x, U_ARGS);
                for (long i = 0; i < TupleType.size(args); i++) addUnique(items, TupleType.item(args, i));
            } else {
                addUnique(items, x == heap.None ? heap.noneType.address() : x);
            }
        }
        if (items.size() == 1) {
            heap.incref(items.getFirst());
            return items.getFirst();
        }
        long args = heap.tuples.alloc(items.size());
        for (int i = 0; i < items.size(); i++) TupleType.setItemSteal(args, i, Builtins.incref(heap, items.get(i)));
        long u = heap.allocObject(rt.unionType, 0);
        put(u, U_ARGS, args);
        put(u, U_PARAMETERS, 0);
        heap.track(u);
        return u;
    }

    private void addUnique(List<Long> items, long x) {
        for (long y : items) if (y == x || (heap.typeOf(x) == rt.genericAliasType && rt.ops.eq(x, y))) return;
        items.add(x);
    }

    /** isinstance(o, union): o is an instance of one of its classes (a GenericAlias in it is refused). */
    boolean unionInstance(long o, long u) {
        long args = get(u, U_ARGS);
        for (long i = 0; i < TupleType.size(args); i++) {
            if (heap.typeOf(TupleType.item(args, i)) == rt.genericAliasType) throw rt.typeError("isinstance() argument 2 cannot be a parameterized generic");
        }
        for (long i = 0; i < TupleType.size(args); i++) {
            if (rt.ops.isInstance(o, heap.typeAt(TupleType.item(args, i)))) return true;
        }
        return false;
    }

    // ---- repr, attributes, comparison ------------------------------------------------------------

    String repr(long o) {
        if (union) {
            long args = get(o, U_ARGS);
            StringBuilder sb = new StringBuilder();
            for (long i = 0; i < TupleType.size(args); i++) {
                if (i > 0) sb.append(" | ");
                long x = TupleType.item(args, i);
                sb.append(x == heap.noneType.address() ? "None" : itemRepr(x));
            }
            return sb.toString();
        }
        StringBuilder sb = new StringBuilder(itemRepr(get(o, ORIGIN))).append('[');
        long args = get(o, ARGS);
        if (TupleType.size(args) == 0) sb.append("()");
        for (long i = 0; i < TupleType.size(args); i++) {
            if (i > 0) sb.append(", ");
            sb.append(itemRepr(TupleType.item(args, i)));
        }
        return sb.append(']').toString();
    }

    /** ga_repr_item: ... for Ellipsis, module.qualname for classes (no module for builtins), else repr. */
    private String itemRepr(long x) {
        if (x == rt.ellipsis) return "...";
        PyType t = heap.typeOf(x);
        if (t == rt.genericAliasType || t == rt.unionType) return rt.ops.repr(x);
        if (rt.ops.isTypeObject(x)) {
            String q = rt.ops.qualifiedTypeName(x);
            return q.startsWith("builtins.") ? q.substring(9) : q;
        }
        return rt.ops.repr(x);
    }

    /** __origin__, __args__, __parameters__ (a new reference), or 0 to look on the origin. */
    long attr(long o, String name) {
        long args = get(o, union ? U_ARGS : ARGS);
        switch (name) {
            case "__args__": heap.incref(args); return args;
            case "__parameters__": {
                int off = union ? U_PARAMETERS : PARAMETERS;
                if (get(o, off) == 0) put(o, off, heap.tuples.alloc(0));
                long p = get(o, off);
                heap.incref(p);
                return p;
            }
            case "__origin__": if (!union) { heap.incref(get(o, ORIGIN)); return get(o, ORIGIN); } return 0;
            default: return 0;
        }
    }

    long origin(long o) { return get(o, ORIGIN); }

    boolean equal(long a, long b) {
        if (heap.typeOf(b) != this) return false;
        if (!union) return get(a, ORIGIN) == get(b, ORIGIN) && rt.ops.eq(get(a, ARGS), get(b, ARGS));
        long x = get(a, U_ARGS), y = get(b, U_ARGS);
        if (TupleType.size(x) != TupleType.size(y)) return false;
        outer:
        for (long i = 0; i < TupleType.size(x); i++) {
            for (long j = 0; j < TupleType.size(y); j++) if (TupleType.item(x, i) == TupleType.item(y, j)) continue outer;
            return false;
        }
        return true;
    }

    @Override
    public long hash(long o) {
        if (union) {  // 3.11 hashes a frozenset of the args: independent of their order (the value itself differs)
            long args = get(o, U_ARGS), h = 0;
            for (long i = 0; i < TupleType.size(args); i++) h ^= rt.ops.hash(TupleType.item(args, i));
            return h == -1 ? -2 : h;
        }
        return rt.ops.hash(get(o, ORIGIN)) ^ rt.ops.hash(get(o, ARGS));
    }

    @Override
    public boolean equals(long a, long b) { return equal(a, b); }

    @Override
    public void traverse(long o, LongConsumer visit) {
        if (union) {
            visitField(o, U_ARGS, visit);
            visitField(o, U_PARAMETERS, visit);
        } else {
            visitField(o, ORIGIN, visit);
            visitField(o, ARGS, visit);
            visitField(o, PARAMETERS, visit);
        }
    }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        if (!union) heap.weakrefs.clearWeakrefs(o);
        if (union) {
            clearField(o, U_ARGS);
            clearField(o, U_PARAMETERS);
        } else {
            clearField(o, ORIGIN);
            clearField(o, ARGS);
            clearField(o, PARAMETERS);
        }
        heap.freeObject(o);
    }

}

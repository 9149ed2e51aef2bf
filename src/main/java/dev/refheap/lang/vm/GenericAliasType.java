package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * {@code types.GenericAlias} ({@code list[int]}) and {@code types.UnionType} ({@code int | str}),
 * as CPython 3.11 lays them out.
 * <pre>
 *  GenericAlias (64 bytes + GC head, getsizeof 80): refcnt | type | origin | args | parameters | weakreflist | starred | vectorcall
 *  UnionType    (32 bytes + GC head, getsizeof 48): refcnt | type | args | parameters
 * </pre>
 * {@code parameters} stays NULL until asked for ({@code __parameters__}, or a subscript), then
 * holds what _Py_make_parameters collects from the args: the type variables (anything with
 * {@code __typing_subst__}) and the {@code __parameters__} of nested aliases, each once.
 *
 * <p>GenericAlias is subclassable ({@code _collections_abc._CallableGenericAlias}): a subclass's
 * instance is this layout then what the class adds (3.11's type_new: a managed dict without
 * {@code __slots__}; {@code __weakref__} is already here), made by {@link #construct} (ga_new).
 * Its methods ({@link #install}) read the layout, so they apply to instances of subclasses; the
 * object protocol reaches them through the class's lookup. Attribute access is ga_getattro's:
 * every name except {@link #OWN_ATTRS} is the origin's ({@code list[int].__name__ == 'list'}).
 * Calling an alias calls its origin and sets {@code __orig_class__} on the result when it can.
 * Iterating an alias (ga_iter: a generic_alias_iterator, {@link IterType.Kind#GA}) gives its
 * starred form once ({@code *tuple[int]}: PEP 646's unpacking, {@code __unpacked__} true), which
 * pickles as {@code next(iter(tuple[int]))}.
 */
final class GenericAliasType extends LangType {
    static final int ORIGIN = 16, ARGS = 24, PARAMETERS = 32, WEAKLIST = 40, STARRED = 48, VECTORCALL = 56;
    static final int U_ARGS = 16, U_PARAMETERS = 24;
    /** attr_exceptions: the names ga_getattro looks up on the alias itself, not on its origin. */
    static final Set<String> OWN_ATTRS = Set.of("__class__", "__origin__", "__args__", "__unpacked__", "__parameters__",
            "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__");
    /** The same names in attr_exceptions' order (ga_dir appends the missing ones in it). */
    private static final String[] OWN_ATTRS_ORDER = {"__class__", "__origin__", "__args__", "__unpacked__", "__parameters__",
            "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__"};
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

    /** Py_GenericAlias(origin, args) of alias {@code o} with starred set: {@code *tuple[int]} (ga_iternext). */
    long starred(long o) {
        long g = alias(get(o, ORIGIN), Builtins.incref(heap, get(o, ARGS)));
        Native.putByte(g + STARRED, (byte) 1);
        return g;
    }

    /** True if {@code o} has the GenericAlias layout: an alias or an instance of a subclass (_PyGenericAlias_Check). */
    boolean isAlias(long o) {
        PyType t = heap.typeOf(o);
        return t == rt.genericAliasType || t instanceof ClassType c && c.builtinBase == rt.genericAliasType;
    }

    /**
     * ga_new: {@code GenericAlias(origin, args)} or {@code cls.__new__(cls, origin, args)} for a
     * subclass {@code cls} (null: GenericAlias itself); args not a tuple is packed in one.
     */
    long construct(ClassType cls, long[] a, int off, int n, long kw) {
        if (Args.nkw(kw) > 0) throw rt.typeError("GenericAlias() takes no keyword arguments");
        if (n != 2) throw rt.typeError("GenericAlias expected 2 arguments, got " + n);
        long args = argsOf(heap, a[off + 1]);
        if (cls == null) return alias(a[off], args);
        long g = cls.allocInstance();  // zero-filled after the head, tracked
        heap.incref(a[off]);
        put(g, ORIGIN, a[off]);
        put(g, ARGS, args);
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

    /** True if {@code o} may be an operand of a union: a class, None, a GenericAlias (or subclass) or a union. */
    boolean unionable(long o) {
        PyType t = heap.typeOf(o);
        return o == heap.None || rt.ops.isTypeObject(o) || rt.genericAliasType.isAlias(o) || t == rt.unionType;
    }

    /** {@code a | b}: the flattened, deduplicated union (the one type itself when only one remains); 0 if not unionable. */
    long union(long a, long b) {
        // type_or, ga's and union's nb_or make it: None has no nb_or, so None | None is unsupported
        if (!unionable(a) || !unionable(b) || a == heap.None && b == heap.None) return 0;
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
        long args = borrowedTuple(items);
        long u = heap.allocObject(rt.unionType, 0);
        put(u, U_ARGS, args);
        put(u, U_PARAMETERS, 0);
        heap.track(u);
        return u;
    }

    private void addUnique(List<Long> items, long x) {
        for (long y : items) if (y == x || (rt.genericAliasType.isAlias(x) && rt.ops.eq(x, y))) return;
        items.add(x);
    }

    /** A union's args (borrowed): isinstance and issubclass take a union as this tuple of its classes. */
    long unionArgs(long u) { return get(u, U_ARGS); }

    // ---- repr, attributes, comparison ------------------------------------------------------------

    /** ga_repr / union_repr, for an alias or union or an instance of a GenericAlias subclass. */
    String repr(long o) {
        if (union) {
            long args = get(o, U_ARGS);
            StringBuilder sb = new StringBuilder();
            for (long i = 0; i < TupleType.size(args); i++) {
                if (i > 0) sb.append(" | ");
                sb.append(itemRepr(TupleType.item(args, i), true));
            }
            return sb.toString();
        }
        StringBuilder sb = new StringBuilder();
        if (Native.getByte(o + STARRED) != 0) sb.append('*');
        sb.append(itemRepr(get(o, ORIGIN), false)).append('[');
        long args = get(o, ARGS);
        if (TupleType.size(args) == 0) sb.append("()");
        for (long i = 0; i < TupleType.size(args); i++) {
            if (i > 0) sb.append(", ");
            sb.append(itemRepr(TupleType.item(args, i), false));
        }
        return sb.append(']').toString();
    }

    /**
     * ga_repr_item / union_repr_item: "..." for Ellipsis (None for NoneType in a union), repr for
     * what looks like an alias (has __origin__ and __args__), module.qualname for what has both
     * (no module for builtins), else repr.
     */
    private String itemRepr(long x, boolean inUnion) {
        if (!inUnion && x == rt.ellipsis) return "...";
        if (inUnion && x == heap.noneType.address()) return "None";
        PyType t = heap.typeOf(x);
        if (t == rt.genericAliasType || t == rt.unionType) return rt.ops.repr(x);
        long origin = lookupAttr(x, "__origin__");
        if (origin != 0) {
            heap.decref(origin);
            long args = lookupAttr(x, "__args__");
            if (args != 0) {
                heap.decref(args);
                return rt.ops.repr(x);
            }
        }
        long qualname = lookupAttr(x, "__qualname__");
        if (qualname == 0) return rt.ops.repr(x);
        try {
            long module = lookupAttr(x, "__module__");
            if (module == 0 || module == heap.None) {
                if (module != 0) heap.decref(module);
                return rt.ops.repr(x);
            }
            try {
                if (heap.typeOf(module) == heap.strs && StrType.value(module).equals("builtins")) return rt.ops.str(qualname);
                return rt.ops.str(module) + "." + rt.ops.str(qualname);
            } finally {
                heap.decref(module);
            }
        } finally {
            heap.decref(qualname);
        }
    }

    /** _PyObject_LookupAttr: o.name as a new reference, or 0 when absent (AttributeError swallowed). */
    private long lookupAttr(long o, String name) {
        return Attributes.getOrSwallow(rt, o, name);
    }

    /**
     * The alias's own attributes (members and getsets): __origin__, __args__, __parameters__,
     * __unpacked__, __typing_unpacked_tuple_args__ (a new reference), or 0 for any other name.
     */
    long attr(long o, String name) {
        long args = get(o, union ? U_ARGS : ARGS);
        switch (name) {
            case "__args__": heap.incref(args); return args;
            case "__parameters__": return Builtins.incref(heap, parameters(o));
            case "__origin__": if (!union) { heap.incref(get(o, ORIGIN)); return get(o, ORIGIN); } return 0;
            case "__unpacked__": return union ? 0 : heap.bools.of(Native.getByte(o + STARRED) != 0);
            case "__typing_unpacked_tuple_args__":
                if (union) return 0;
                if (Native.getByte(o + STARRED) != 0 && get(o, ORIGIN) == heap.tuples.address()) return Builtins.incref(heap, args);
                return Builtins.incref(heap, heap.None);
            default: return 0;
        }
    }

    long origin(long o) { return get(o, ORIGIN); }

    /** The alias's parameters (borrowed): made by {@link #makeParameters} on first use. */
    long parameters(long o) {
        int off = union ? U_PARAMETERS : PARAMETERS;
        long p = get(o, off);
        if (p == 0) {
            p = makeParameters(get(o, union ? U_ARGS : ARGS));
            long again = get(o, off);  // the lookups ran Python code, which may have asked already
            if (again != 0) {
                heap.decref(p);
                return again;
            }
            put(o, off, p);
        }
        return p;
    }

    /**
     * _Py_make_parameters: the args' type variables (what has {@code __typing_subst__}) and the
     * items of the other args' {@code __parameters__}, in order, each once; classes are skipped.
     * A new tuple (the empty one when there are none).
     */
    private long makeParameters(long args) {
        List<Long> params = new ArrayList<>();  // owned
        try {
            for (long i = 0; i < TupleType.size(args); i++) {
                long t = TupleType.item(args, i);
                if (rt.ops.isTypeObject(t)) continue;
                long subst = lookupAttr(t, "__typing_subst__");
                if (subst != 0) {
                    heap.decref(subst);
                    addParam(params, t);
                    continue;
                }
                long sub = lookupAttr(t, "__parameters__");
                if (sub == 0) continue;
                try {
                    if (rt.ops.isTuple(sub)) for (long j = 0; j < TupleType.size(sub); j++) addParam(params, TupleType.item(sub, j));
                } finally {
                    heap.decref(sub);
                }
            }
        } catch (RuntimeException e) {
            throw releaseAll(params, e);
        }
        return ownedTuple(params);
    }

    /** Releases the owned references in {@code owned} and returns {@code e} for the caller to throw. */
    private RuntimeException releaseAll(List<Long> owned, RuntimeException e) {
        for (long v : owned) heap.decref(v);
        return e;
    }

    /** A new tuple that steals the owned references in {@code owned} (released if the tuple cannot be made). */
    private long ownedTuple(List<Long> owned) {
        long tuple;
        try {
            tuple = heap.tuples.alloc(owned.size());
        } catch (RuntimeException e) {
            throw releaseAll(owned, e);
        }
        for (int i = 0; i < owned.size(); i++) TupleType.setItemSteal(tuple, i, owned.get(i));
        return tuple;
    }

    /** A new tuple of the borrowed references in {@code items} (each incref'd). */
    private long borrowedTuple(List<Long> items) {
        long tuple = heap.tuples.alloc(items.size());
        for (int i = 0; i < items.size(); i++) TupleType.setItemSteal(tuple, i, Builtins.incref(heap, items.get(i)));
        return tuple;
    }

    private void addParam(List<Long> params, long p) {
        if (params.contains(p)) return;
        heap.incref(p);
        params.add(p);
    }

    // ---- subscripting: substituting the parameters -------------------------------------------------

    /** ga_getitem / union_getitem: {@code alias[item]} with the alias's parameters replaced by the items. */
    long getItem(long o, long item) {
        long params = parameters(o);
        heap.incref(params);
        long newargs;
        try {
            newargs = subsParameters(o, get(o, union ? U_ARGS : ARGS), params, item);
        } finally {
            heap.decref(params);
        }
        if (!union) {
            long r = alias(get(o, ORIGIN), newargs);
            Native.putByte(r + STARRED, Native.getByte(o + STARRED));
            return r;
        }
        try {
            long r = Builtins.incref(heap, TupleType.item(newargs, 0));
            for (long i = 1; i < TupleType.size(newargs); i++) {
                long next = rt.ops.binaryOp(dev.refheap.lang.bytecode.BinaryOp.OR, r, TupleType.item(newargs, i));
                heap.decref(r);
                r = next;
            }
            return r;
        } finally {
            heap.decref(newargs);
        }
    }

    /** _Py_subs_parameters: the args with each parameter replaced by its item (a new tuple). */
    private long subsParameters(long self, long args, long params, long item) {
        long nparams = TupleType.size(params);
        if (nparams == 0) throw rt.typeError(rt.ops.repr(self) + " is not a generic class");
        long items = unpackArgs(item);
        try {
            for (long i = 0; i < nparams; i++) {
                long prepare = lookupAttr(TupleType.item(params, i), "__typing_prepare_subst__");
                if (prepare == 0) continue;
                try {
                    if (prepare == heap.None) continue;
                    long packed = rt.ops.isTuple(items) ? Builtins.incref(heap, items) : heap.tuples.of(items);
                    long tmp;
                    try {
                        tmp = rt.ops.call0(prepare, self, packed);
                    } finally {
                        heap.decref(packed);
                    }
                    heap.decref(items);
                    items = tmp;
                } finally {
                    heap.decref(prepare);
                }
            }
            boolean isTuple = rt.ops.isTuple(items);
            long nitems = isTuple ? TupleType.size(items) : 1;
            if (nitems != nparams) {
                throw rt.typeError("Too " + (nitems > nparams ? "many" : "few") + " arguments for " + rt.ops.repr(self)
                        + "; actual " + nitems + ", expected " + nparams);
            }
            List<Long> out = new ArrayList<>();  // owned
            try {
                for (long i = 0; i < TupleType.size(args); i++) {
                    long arg = TupleType.item(args, i);
                    if (rt.ops.isTypeObject(arg)) {
                        out.add(Builtins.incref(heap, arg));
                        continue;
                    }
                    boolean unpack = isUnpackedTypeVarTuple(arg);
                    long subst = lookupAttr(arg, "__typing_subst__");
                    long r;
                    if (subst != 0) {
                        try {
                            r = rt.ops.call0(subst, itemAt(items, isTuple, indexOf(params, arg)));
                        } finally {
                            heap.decref(subst);
                        }
                    } else {
                        r = subsTvars(arg, params, items, isTuple);
                    }
                    if (unpack) {
                        try {
                            if (!rt.ops.isTuple(r)) throw rt.typeError("expected a tuple from substituting an unpacked TypeVarTuple, not '" + rt.ops.typeName(r) + "'");
                            for (long j = 0; j < TupleType.size(r); j++) out.add(Builtins.incref(heap, TupleType.item(r, j)));
                        } finally {
                            heap.decref(r);
                        }
                    } else {
                        out.add(r);
                    }
                }
            } catch (RuntimeException e) {
                throw releaseAll(out, e);
            }
            return ownedTuple(out);
        } finally {
            heap.decref(items);
        }
    }

    private static long itemAt(long items, boolean isTuple, long i) { return isTuple ? TupleType.item(items, i) : items; }

    private static long indexOf(long tuple, long x) {
        for (long i = 0; i < TupleType.size(tuple); i++) if (TupleType.item(tuple, i) == x) return i;
        return -1;
    }

    /** _is_unpacked_typevartuple: {@code arg.__typing_is_unpacked_typevartuple__} is true (never for a class). */
    private boolean isUnpackedTypeVarTuple(long arg) {
        if (rt.ops.isTypeObject(arg)) return false;
        long v = lookupAttr(arg, "__typing_is_unpacked_typevartuple__");
        if (v == 0) return false;
        try {
            return rt.ops.truthy(v);
        } finally {
            heap.decref(v);
        }
    }

    /**
     * _unpack_args: the subscript's items as a new tuple, each unpacked tuple alias
     * ({@code *tuple[int, str]}, not one ending in ...) replaced by its args.
     */
    private long unpackArgs(long item) {
        boolean isTuple = rt.ops.isTuple(item);
        long n = isTuple ? TupleType.size(item) : 1;
        List<Long> out = new ArrayList<>();  // owned
        try {
            for (long i = 0; i < n; i++) {
                long x = itemAt(item, isTuple, i);
                if (!rt.ops.isTypeObject(x)) {
                    long sub = unpackedTupleArgs(x);
                    if (sub != 0) {
                        try {
                            long k = rt.ops.isTuple(sub) ? TupleType.size(sub) : -1;
                            if (k >= 0 && !(k > 0 && TupleType.item(sub, k - 1) == rt.ellipsis)) {
                                for (long j = 0; j < k; j++) out.add(Builtins.incref(heap, TupleType.item(sub, j)));
                                continue;
                            }
                        } finally {
                            heap.decref(sub);
                        }
                    }
                }
                out.add(Builtins.incref(heap, x));
            }
        } catch (RuntimeException e) {
            throw releaseAll(out, e);
        }
        return ownedTuple(out);
    }

    /** _unpacked_tuple_args: a starred tuple alias's args, else {@code __typing_unpacked_tuple_args__} unless None; 0 if none. */
    private long unpackedTupleArgs(long x) {
        if (rt.genericAliasType.isAlias(x) && Native.getByte(x + STARRED) != 0 && get(x, ORIGIN) == heap.tuples.address()) {
            return Builtins.incref(heap, get(x, ARGS));
        }
        long v = lookupAttr(x, "__typing_unpacked_tuple_args__");
        if (v == heap.None) {
            heap.decref(v);
            return 0;
        }
        return v;
    }

    /**
     * subs_tvars: {@code obj[subargs]} where subargs are obj's own {@code __parameters__} with each
     * one that is a parameter here replaced by its item (a TypeVarTuple's tuple spread out); obj
     * itself when it has no parameters. New reference.
     */
    private long subsTvars(long obj, long params, long items, boolean isTuple) {
        long sub = lookupAttr(obj, "__parameters__");
        if (sub == 0) return Builtins.incref(heap, obj);
        try {
            if (!rt.ops.isTuple(sub) || TupleType.size(sub) == 0) return Builtins.incref(heap, obj);
            List<Long> subargs = new ArrayList<>();  // borrowed: held by sub, params or items
            for (long i = 0; i < TupleType.size(sub); i++) {
                long arg = TupleType.item(sub, i);
                long iparam = indexOf(params, arg);
                if (iparam >= 0) {
                    long param = TupleType.item(params, iparam);
                    arg = itemAt(items, isTuple, iparam);
                    if (rt.ops.lookupType(heap.typeOf(param), "__iter__") != 0 && rt.ops.isTuple(arg)) {  // a TypeVarTuple
                        for (long j = 0; j < TupleType.size(arg); j++) subargs.add(TupleType.item(arg, j));
                        continue;
                    }
                }
                subargs.add(arg);
            }
            long tuple = borrowedTuple(subargs);
            try {
                return rt.ops.getItem(obj, tuple);
            } finally {
                heap.decref(tuple);
            }
        } finally {
            heap.decref(sub);
        }
    }

    // ---- calling, comparing, hashing ---------------------------------------------------------------

    /** ga_call: origin(*args, **kw), then {@code result.__orig_class__ = alias} unless that raises AttributeError or TypeError. */
    long call(long o, long[] a, int off, int n, long kw) {
        long r = rt.ops.call(get(o, ORIGIN), a, off, n, kw);
        long key = heap.strs.internedOf("__orig_class__");
        try {
            rt.ops.setAttr(r, key, o);
        } catch (PyException e) {
            if (!rt.ops.isInstance(e.exc(), rt.exceptionType("AttributeError")) && !rt.ops.isInstance(e.exc(), rt.exceptionType("TypeError"))) {
                heap.decref(r);
                throw e;
            }
            heap.decref(e.exc());
        } finally {
            heap.decref(key);
        }
        return r;
    }

    /** ga_richcompare's == for two aliases (b of any type: false unless it is one too); unions: the same set of args. */
    boolean equal(long a, long b) {
        if (!union) {
            if (!isAlias(b)) return false;
            if (Native.getByte(a + STARRED) != Native.getByte(b + STARRED)) return false;
            return rt.ops.eq(get(a, ORIGIN), get(b, ORIGIN)) && rt.ops.eq(get(a, ARGS), get(b, ARGS));
        }
        if (heap.typeOf(b) != this) return false;
        // union_richcompare: the two args as sets, compared as sets (members equal by __eq__, not identity)
        long x = argsSet(a, heap.sets), y = argsSet(b, heap.sets);
        try {
            return heap.sets.equals(x, y);
        } finally {
            heap.decref(x);
            heap.decref(y);
        }
    }

    /** A new set (or frozenset) of a union's args: what union_richcompare and union_hash build. */
    private long argsSet(long u, dev.refheap.object.SetType kind) {
        long s = kind.create();
        try {
            long args = get(u, U_ARGS);
            for (long i = 0; i < TupleType.size(args); i++) kind.add(s, TupleType.item(args, i));
        } catch (RuntimeException e) {
            heap.decref(s);
            throw e;
        }
        return s;
    }

    @Override
    public long hash(long o) {
        if (union) {  // union_hash: the hash of a frozenset of the args (so typing.Union's, which hashes the same)
            long f = argsSet(o, heap.frozensets);
            try {
                return heap.frozensets.hash(f);
            } finally {
                heap.decref(f);
            }
        }
        long h = rt.ops.hash(get(o, ORIGIN)) ^ rt.ops.hash(get(o, ARGS));
        return h == -1 ? -2 : h;
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

    // ---- the type's dict ---------------------------------------------------------------------------

    /**
     * The slot wrappers and methods of GenericAlias and UnionType (their getsets and members come
     * from the builtin type table): each reads the layout, so it applies to an instance of a
     * GenericAlias subclass as well ({@code super().__getitem__(item)} in _CallableGenericAlias).
     */
    void install() {
        slot("__repr__", 0, (s, a, o, n, kw) -> heap.strs.of(repr(s)));
        slot("__hash__", 0, (s, a, o, n, kw) -> heap.ints.of(hash(s)));
        slot("__getitem__", 1, (s, a, o, n, kw) -> getItem(s, a[o]));
        slot("__getattribute__", 1, (s, a, o, n, kw) -> {
            if (heap.typeOf(a[o]) != heap.strs) throw rt.typeError("attribute name must be string, not '" + rt.ops.typeName(a[o]) + "'");
            long v = getAttribute(s, a[o]);
            if (v == 0) throw rt.ops.attributeError(s, StrType.value(a[o]));
            return v;
        });
        slot("__or__", 1, (s, a, o, n, kw) -> orResult(s, a[o]));
        slot("__ror__", 1, (s, a, o, n, kw) -> orResult(a[o], s));
        String[] cmp = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
        for (int i = 0; i < cmp.length; i++) {
            int op = i;
            slot(cmp[i], 1, (s, a, o, n, kw) -> {
                boolean aliases = union ? heap.typeOf(a[o]) == this : rt.genericAliasType.isAlias(a[o]);
                if ((op != 2 && op != 3) || !aliases) return Builtins.incref(heap, rt.notImplemented);
                return heap.bools.of(equal(s, a[o]) == (op == 2));
            });
        }
        if (union) return;
        slot("__call__", -1, (s, a, o, n, kw) -> call(s, a, o, n, kw));
        slot("__iter__", 0, (s, a, o, n, kw) -> rt.iterType.create(IterType.Kind.GA, s, 0));
        rt.defMethod(this, "__mro_entries__", (s, a, o, n, kw) -> {
            Args.exactly(rt, "__mro_entries__", n, kw, 1);
            return heap.tuples.of(get(s, ORIGIN));
        });
        rt.defMethod(this, "__instancecheck__", (s, a, o, n, kw) -> {
            Args.exactly(rt, "__instancecheck__", n, kw, 1);
            throw rt.typeError("isinstance() argument 2 cannot be a parameterized generic");
        });
        rt.defMethod(this, "__subclasscheck__", (s, a, o, n, kw) -> {
            Args.exactly(rt, "__subclasscheck__", n, kw, 1);
            throw rt.typeError("issubclass() argument 2 cannot be a parameterized generic");
        });
        rt.defMethod(this, "__reduce__", (s, a, o, n, kw) -> {
            Args.exactly(rt, "__reduce__", n, kw, 0);
            if (Native.getByte(s + STARRED) != 0) {
                // (next, (iter(GenericAlias(origin, args)),))
                long plain = alias(get(s, ORIGIN), Builtins.incref(heap, get(s, ARGS)));
                long it;
                try {
                    it = rt.iterType.create(IterType.Kind.GA, plain, 0);
                } finally {
                    heap.decref(plain);
                }
                long one = heap.tuples.alloc(1);
                TupleType.setItemSteal(one, 0, it);
                try {
                    return heap.tuples.of(heap.dicts.getItem(rt.builtinsDict, "next"), one);
                } finally {
                    heap.decref(one);
                }
            }
            long pair = heap.tuples.of(get(s, ORIGIN), get(s, ARGS));
            try {
                return heap.tuples.of(Heap.typeAddress(s), pair);
            } finally {
                heap.decref(pair);
            }
        });
        rt.defMethod(this, "__dir__", (s, a, o, n, kw) -> {
            Args.exactly(rt, "__dir__", n, kw, 0);
            long dir = Dir.dir(rt, new long[] {get(s, ORIGIN)}, 0, 1, 0);
            for (String name : OWN_ATTRS_ORDER) {
                long k = heap.strs.of(name);
                try {
                    if (!rt.ops.contains(dir, k)) heap.lists.append(dir, k);
                } finally {
                    heap.decref(k);
                }
            }
            return dir;
        });
    }

    /** A slot wrapper taking {@code nargs} arguments (-1: any, with keywords). */
    private void slot(String name, int nargs, Builtin impl) {
        rt.defDescr(BuiltinDescrType.Kind.WRAPPER, this, name, nargs < 0 ? impl : (s, a, o, n, kw) -> {
            Args.noKeywords(rt, "wrapper " + name, kw);
            if (n != nargs) throw rt.typeError("expected " + nargs + " argument" + (nargs == 1 ? "" : "s") + ", got " + n);
            return impl.call(s, a, o, n, kw);
        });
    }

    private long orResult(long a, long b) {
        long u = rt.unionType.union(a, b);
        return u != 0 ? u : Builtins.incref(heap, rt.notImplemented);
    }

    /**
     * ga_getattro: a name outside {@link #OWN_ATTRS} is the origin's; the others are the alias's own
     * or its type's. union_getattro: {@code __module__} is its type's ('types'), the rest generic.
     * New reference, or 0 when absent.
     */
    long getAttribute(long o, long nameObj) {
        String name = StrType.value(nameObj);
        if (union && name.equals("__module__")) return rt.ops.getAttrOrNull(Heap.typeAddress(o), nameObj, name);  // (as Ops.getAttrOrNull)
        if (!union && !OWN_ATTRS.contains(name)) return rt.ops.getAttrOrNull(get(o, ORIGIN), nameObj, name);
        return rt.ops.genericGetAttrOrNull(o, nameObj, name);
    }
}

package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.ListType;
import dev.refheap.object.PyError;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * {@code BaseExceptionGroup} and {@code ExceptionGroup} (PEP 654) and what {@code except*} needs from
 * them at run time (CHECK_EG_MATCH's split, PREP_RERAISE_STAR's combination).
 *
 * <p>Layout (3.11's PyBaseExceptionGroupObject): the 72 bytes of BaseException, then {@code msg} at
 * 72 and {@code excs} (a tuple) at 80: 88 bytes, getsizeof 104. In CPython ExceptionGroup is a heap
 * type created at start-up with bases (BaseExceptionGroup, Exception), which adds a weakref slot at 88
 * (getsizeof 112) and makes its instances visit their type first. refheap's ExceptionGroup is that heap
 * type (its type object a {@link HeapTypeObjects} object: allocated by {@link #register}, filled by
 * {@link #completeHeapType}, then tracked; instances hold a reference to it), with Exception as its
 * Java base (so {@code except Exception} catches it), BaseExceptionGroup first on its mro (where its
 * methods are found) and recognised by {@link #isGroup}.
 *
 * <p>gc.get_referents order: (type,) msg, excs, then BaseException's dict, args, notes, traceback,
 * context, cause.
 *
 * <p>Subclasses (ClassType, exceptionBased, builtinBase a GroupType) have the group's layout, then a
 * __weakref__ slot when the base lacks one (a BaseExceptionGroup subclass: 96 bytes, getsizeof
 * 112); {@link #construct} makes them as BaseExceptionGroup.__new__ does, keeping the class (only
 * BaseExceptionGroup itself becomes ExceptionGroup when every member is an Exception). Their
 * traversal visits the class once: ExceptionGroup's (a heap type in 3.11) does it.
 */
final class ExceptionGroups {
    private ExceptionGroups() {}

    static final int MSG = 72, EXCS = 80;

    /**
     * The type of the two group classes; {@code heapLike}: ExceptionGroup, a heap type as
     * PyErr_NewException makes it (weakref slot, instances holding and visiting their type, its
     * type object a {@link HeapTypeObjects} object whose slots this type gives).
     */
    static final class GroupType extends ExceptionType implements HeapTypeObjectSlots {
        final boolean heapLike;

        GroupType(Runtime rt, String name, PyType base, boolean heapLike) {
            super(rt, name, base, heapLike ? 96 : 88, heapLike ? 88 : 0, heapLike ? PyType.HEAPTYPE : 0);
            this.heapLike = heapLike;
        }

        @Override
        public Runtime runtime() { return rt; }


        @Override
        public void traverse(long o, LongConsumer visit) {
            if (heapLike) visit.accept(Heap.typeAddress(o));
            visitField(o, MSG, visit);
            visitField(o, EXCS, visit);
            super.traverse(o, visit);
        }

        @Override
        public void references(long o, LongConsumer visit) {
            if (heapLike && heap.typeOf(o) == this) visit.accept(address());  // an ExceptionGroup holds its heap type
            visitField(o, MSG, visit);
            visitField(o, EXCS, visit);
            super.traverse(o, visit);
        }

        @Override
        public void clear(long o) {
            clearField(o, MSG);
            clearField(o, EXCS);
            super.clear(o);
        }

        @Override
        public void dealloc(long o) {
            heap.untrackIfTracked(o);
            if (heapLike) heap.weakrefs.clearWeakrefs(o);
            clear(o);
            heap.freeObject(o);
        }
    }

    static boolean isGroup(Runtime rt, long o) {
        PyType t = rt.heap.typeOf(o);
        if (t instanceof GroupType) return true;
        return t instanceof ClassType c && c.exceptionBased && c.builtinBase instanceof GroupType;
    }

    static long message(long eg) { return Native.getLong(eg + MSG); }
    static long exceptions(long eg) { return Native.getLong(eg + EXCS); }

    /**
     * Creates the two types, registers them as builtins and installs BaseExceptionGroup's methods
     * (ExceptionGroup inherits them through its mro, as in CPython). ExceptionGroup's type object is
     * allocated here, the runtime holding the interpreter's reference (its exception state's), with
     * count0 as it was (as the constructor's other types leave it); {@link #completeHeapType} fills it.
     */
    static void register(Runtime rt) {
        GroupType base = rt.heap.register(new GroupType(rt, "BaseExceptionGroup", rt.baseException, false));
        rt.exceptions.put("BaseExceptionGroup", base);
        GroupType eg = new GroupType(rt, "ExceptionGroup", rt.exceptions.get("Exception"), true);
        long count0 = rt.gc.count()[0];
        long egObject = rt.hold(HeapTypeObjects.allocate(rt, eg, 0));
        // and the reference of the interpreter's copy of the builtins dict (interp->builtins_copy),
        // which refheap does not make: sys.getrefcount(ExceptionGroup) is CPython's
        rt.hold(Builtins.incref(rt.heap, egObject));
        rt.gc.setYoungCount(count0);
        rt.exceptions.put("ExceptionGroup", eg);
        {
            GroupType t = base;
            def(rt, t, "derive", (self, a, o, n, kw) -> {
                if (n != 1) throw rt.typeError("derive() takes exactly one argument (" + n + " given)");
                return derive(rt, self, a[o]);
            });
            def(rt, t, "split", (self, a, o, n, kw) -> {
                if (n != 1) throw rt.typeError("split() takes exactly one argument (" + n + " given)");
                long[] r = split(rt, self, a[o], true);
                long pair = rt.heap.tuples.alloc(2);
                TupleType.setItemSteal(pair, 0, r[0] == 0 ? Builtins.incref(rt.heap, rt.heap.None) : r[0]);
                TupleType.setItemSteal(pair, 1, r[1] == 0 ? Builtins.incref(rt.heap, rt.heap.None) : r[1]);
                return pair;
            });
            def(rt, t, "subgroup", (self, a, o, n, kw) -> {
                if (n != 1) throw rt.typeError("subgroup() takes exactly one argument (" + n + " given)");
                long[] r = split(rt, self, a[o], false);
                return r[0] == 0 ? Builtins.incref(rt.heap, rt.heap.None) : r[0];
            });
        }
    }

    /** Whether {@code t} is ExceptionGroup (a heap type, whose bases are (BaseExceptionGroup, Exception)). */
    static boolean isHeapGroup(PyType t) { return t instanceof GroupType g && g.heapLike; }

    /**
     * The end of PyErr_NewException("builtins.ExceptionGroup", (BaseExceptionGroup, Exception)) for
     * the type object {@link #register} allocated, once the builtin types' dicts and tuples are made
     * (the constructor's end; a runtime adopting a start-up image has it in the image's memory):
     * ht_name and ht_qualname, tp_base (BaseExceptionGroup, counted), the dict (the builtin types'
     * table's: {@code __module__}, {@code __weakref__}, {@code __doc__}), which the type object now
     * owns instead of the runtime, tp_bases and tp_mro ({@link BuiltinTypeInfo} makes them into the
     * type object); then the type object is tracked.
     */
    static void completeHeapType(Runtime rt) {
        Heap heap = rt.heap;
        PyType eg = rt.exceptions.get("ExceptionGroup");
        long t = eg.address();
        long name = heap.strs.of("ExceptionGroup");
        heap.incref(name);
        Native.putLong(t + HeapTypeObjects.T_NAME, name);
        Native.putLong(t + HeapTypeObjects.T_QUALNAME, name);
        PyType base = rt.exceptions.get("BaseExceptionGroup");
        heap.incref(base.address());
        Native.putLong(t + HeapTypeObjects.T_BASE, base.address());
        long dict = rt.slotWrappers.typeDict(eg);
        heap.incref(dict);
        rt.release(dict);  // the type object's reference now
        HeapTypeObjects.setDict(t, dict);
        rt.builtinTypeInfo.bases(eg);
        rt.builtinTypeInfo.mro(eg);
        heap.track(t);
    }

    private static void def(Runtime rt, PyType t, String name, Builtin impl) {
        rt.defMethod(t, name, impl);
    }

    /** The attributes only groups have: message and exceptions (new references), else 0. */
    static long attr(Runtime rt, long o, String name) {
        return switch (name) {
            case "message" -> Builtins.incref(rt.heap, message(o));
            case "exceptions" -> Builtins.incref(rt.heap, exceptions(o));
            default -> 0;
        };
    }

    /** str(eg): "message (N sub-exceptions)". */
    static String str(long o) {
        long n = TupleType.size(exceptions(o));
        return StrType.value(message(o)) + " (" + n + " sub-exception" + (n > 1 ? "s" : "") + ")";
    }

    /**
     * BaseExceptionGroup.__new__(cls, message, exceptions): validates the arguments and picks
     * ExceptionGroup for a BaseExceptionGroup call whose exceptions are all Exceptions. args holds
     * (message, exceptions) as given; excs is tuple(exceptions).
     */
    static long construct(Runtime rt, PyType cls, long[] a, int o, int n, long kw) {
        Heap heap = rt.heap;
        String name = cls.name();
        if (kw != 0 && TupleType.size(kw) > 0) throw rt.typeError(name + "() takes no keyword arguments");
        if (n != 2) {
            throw rt.typeError("BaseExceptionGroup.__new__() takes exactly 2 arguments (" + n + " given)");
        }
        long msg = a[o], seq = a[o + 1];
        if (heap.typeOf(msg) != heap.strs && !rt.ops.isSubtype(heap.typeOf(msg), heap.strs)) {
            throw rt.typeError("BaseExceptionGroup.__new__() argument 1 must be str, not " + rt.ops.typeName(msg));
        }
        PyType st = heap.typeOf(seq);
        if (!(st == heap.lists || st == heap.tuples || st == rt.rangeType || rt.ops.isSubtype(st, heap.lists)
                || rt.ops.isSubtype(st, heap.tuples))) {
            throw rt.typeError("second argument (exceptions) must be a sequence");
        }
        long excs;
        if (st == heap.tuples) {
            excs = Builtins.incref(heap, seq);
        } else {
            long l = Builtins.toList(rt, seq);
            excs = rt.interpreter.listToTuple(l);
            heap.decref(l);
        }
        try {
            long count = TupleType.size(excs);
            if (count == 0) throw rt.error("ValueError", "second argument (exceptions) must be a non-empty sequence");
            boolean nestedBase = false;
            for (long i = 0; i < count; i++) {
                long e = TupleType.item(excs, i);
                if (!rt.ops.isInstance(e, rt.baseException)) {
                    throw rt.error("ValueError", "Item " + i + " of second argument (exceptions) is not an exception");
                }
                if (!rt.ops.isInstance(e, rt.exceptionType("Exception"))) nestedBase = true;
            }
            PyType target = cls;
            if (cls == rt.exceptions.get("BaseExceptionGroup")) {
                if (!nestedBase) target = rt.exceptions.get("ExceptionGroup");
            } else if (nestedBase && rt.ops.isSubtype(cls, rt.exceptionType("Exception"))) {
                throw rt.typeError(cls instanceof ClassType ? "Cannot nest BaseExceptions in '" + name + "'"
                        : "Cannot nest BaseExceptions in an " + name);
            }
            long args = heap.tuples.alloc(2);
            TupleType.setItemSteal(args, 0, Builtins.incref(heap, msg));
            TupleType.setItemSteal(args, 1, Builtins.incref(heap, seq));
            long eg;
            if (target instanceof ClassType sub) {
                // a subclass: its layout (the group's fields, then its slots, __weakref__ if added)
                eg = sub.allocInstance();
                long empty = ExceptionType.args(eg);
                Native.putLong(eg + ExceptionType.ARGS, args);
                heap.decref(empty);
            } else {
                eg = heap.allocObject(target, 0);
                ExceptionType.init(eg, args);
                if (((GroupType) target).heapLike) Native.putLong(eg + 88, 0);
            }
            Native.putLong(eg + MSG, Builtins.incref(heap, msg));
            Native.putLong(eg + EXCS, excs);
            excs = 0;
            if (!(target instanceof ClassType)) heap.track(eg);
            return eg;
        } finally {
            if (excs != 0) heap.decref(excs);
        }
    }

    /** A new group of {@code excs} (borrowed) and message {@code msg}: BaseExceptionGroup(msg, excs). */
    static long create(Runtime rt, long msg, long excs) {
        long[] args = {msg, excs};
        return construct(rt, rt.exceptions.get("BaseExceptionGroup"), args, 0, 2, 0);
    }

    /** eg.derive(excs): BaseExceptionGroup(eg.message, excs). */
    static long derive(Runtime rt, long eg, long excs) {
        return create(rt, message(eg), excs);
    }

    private enum Matcher { TYPE, PREDICATE, INSTANCE_IDS }

    private static Matcher matcherType(Runtime rt, long value) {
        if (rt.ops.isTypeObject(value) && rt.ops.isSubtype(rt.heap.typeAt(value), rt.baseException)) return Matcher.TYPE;
        if (Builtins.isCallable(rt, value) && !rt.ops.isTypeObject(value)) return Matcher.PREDICATE;
        if (rt.heap.typeOf(value) == rt.heap.tuples) {
            for (long i = 0; i < TupleType.size(value); i++) {
                long t = TupleType.item(value, i);
                if (!(rt.ops.isTypeObject(t) && rt.ops.isSubtype(rt.heap.typeAt(t), rt.baseException))) {
                    throw rt.typeError("expected a function, exception type or tuple of exception types");
                }
            }
            return Matcher.TYPE;
        }
        throw rt.typeError("expected a function, exception type or tuple of exception types");
    }

    private static boolean matches(Runtime rt, long exc, Matcher m, Object value) {
        return switch (m) {
            case TYPE -> Builtins.exceptionMatches(rt, exc, (Long) value);
            case PREDICATE -> {
                long r = rt.ops.call0((Long) value, exc);
                try {
                    yield rt.ops.truthy(r);
                } finally {
                    rt.heap.decref(r);
                }
            }
            case INSTANCE_IDS -> !isGroup(rt, exc) && ((java.util.Set<?>) value).contains(exc);
        };
    }

    /** eg.split(cond) / eg.subgroup(cond): {match, rest} as new references or 0 for None. */
    static long[] split(Runtime rt, long eg, long cond, boolean constructRest) {
        Matcher m = matcherType(rt, cond);
        return splitRecursive(rt, eg, m, cond, constructRest);
    }

    private static long[] splitRecursive(Runtime rt, long exc, Matcher m, Object value, boolean constructRest) {
        Heap heap = rt.heap;
        if (matches(rt, exc, m, value)) return new long[] {Builtins.incref(heap, exc), 0};
        if (!isGroup(rt, exc)) return new long[] {0, constructRest ? Builtins.incref(heap, exc) : 0};
        long excs = exceptions(exc);
        long matchList = heap.lists.alloc(0);
        long restList = constructRest ? heap.lists.alloc(0) : 0;
        try {
            for (long i = 0; i < TupleType.size(excs); i++) {
                long[] r = splitRecursive(rt, TupleType.item(excs, i), m, value, constructRest);
                if (r[0] != 0) {
                    heap.lists.append(matchList, r[0]);
                    heap.decref(r[0]);
                }
                if (r[1] != 0) {
                    heap.lists.append(restList, r[1]);
                    heap.decref(r[1]);
                }
            }
            long match = subset(rt, exc, matchList);
            long rest = 0;
            if (constructRest) {
                try {
                    rest = subset(rt, exc, restList);
                } catch (RuntimeException e) {
                    if (match != 0) heap.decref(match);
                    throw e;
                }
            }
            return new long[] {match, rest};
        } finally {
            heap.decref(matchList);
            if (restList != 0) heap.decref(restList);
        }
    }

    /** exceptiongroup_subset: orig.derive(excs) with orig's traceback, context, cause and notes; 0 if excs is empty. */
    private static long subset(Runtime rt, long orig, long excs) {
        Heap heap = rt.heap;
        if (ListType.size(excs) == 0) return 0;
        long eg = rt.ops.callMethod(orig, "derive", excs);
        if (!isGroup(rt, eg)) {
            heap.decref(eg);
            throw rt.typeError("derive must return an instance of BaseExceptionGroup");
        }
        copyField(rt, orig, eg, ExceptionType.TRACEBACK);
        copyField(rt, orig, eg, ExceptionType.CONTEXT);
        copyField(rt, orig, eg, ExceptionType.CAUSE);
        Native.putLong(eg + ExceptionType.SUPPRESS, 1);  // PyException_SetCause always sets it
        long notesName = heap.strs.internedOf("__notes__");
        try {
            long notes = rt.ops.getAttrOrNull(orig, notesName, "__notes__");
            if (notes != 0) {
                try {
                    if (heap.typeOf(notes) == heap.lists || heap.typeOf(notes) == heap.tuples) {
                        long copy = Builtins.toList(rt, notes);
                        try {
                            rt.ops.setAttr(eg, notesName, "__notes__", copy);
                        } finally {
                            heap.decref(copy);
                        }
                    }
                } finally {
                    heap.decref(notes);
                }
            }
        } finally {
            heap.decref(notesName);
        }
        return eg;
    }

    private static void copyField(Runtime rt, long from, long to, int off) {
        long v = Native.getLong(from + off);
        if (v != 0) rt.heap.incref(v);
        long old = Native.getLong(to + off);
        Native.putLong(to + off, v);
        rt.heap.xdecref(old);
    }

    // ---- except* -------------------------------------------------------------------------------------

    /**
     * CHECK_EG_MATCH's check of the handler's type: a class (or tuple of classes) deriving from
     * BaseException, and not an exception group type.
     */
    static void checkStarType(Runtime rt, long type) {
        Heap heap = rt.heap;
        long[] types = heap.typeOf(type) == heap.tuples ? new long[(int) TupleType.size(type)] : new long[] {type};
        if (heap.typeOf(type) == heap.tuples) for (int i = 0; i < types.length; i++) types[i] = TupleType.item(type, i);
        for (long t : types) {
            if (!rt.ops.isExceptionType(t)) {
                throw rt.typeError("catching classes that do not inherit from BaseException is not allowed");
            }
        }
        for (long t : types) {
            if (heap.typeAt(t) instanceof GroupType || (heap.typeAt(t) instanceof ClassType c && c.exceptionBased
                    && c.builtinBase instanceof GroupType)) {
                throw rt.typeError("catching ExceptionGroup with except* is not allowed. Use except instead.");
            }
        }
    }

    /** exception_group_match: {match, rest} (new references; None for none) of exc against type. */
    static long[] match(Runtime rt, long exc, long type) {
        Heap heap = rt.heap;
        if (exc == heap.None) return new long[] {Builtins.incref(heap, heap.None), Builtins.incref(heap, heap.None)};
        if (Builtins.exceptionMatches(rt, exc, type)) {
            long match;
            if (isGroup(rt, exc)) {
                match = Builtins.incref(heap, exc);
            } else {
                long excs = heap.tuples.alloc(1);
                TupleType.setItemSteal(excs, 0, Builtins.incref(heap, exc));
                long empty = heap.strs.of("");
                try {
                    match = create(rt, empty, excs);
                } finally {
                    heap.decref(empty);
                    heap.decref(excs);
                }
            }
            return new long[] {match, Builtins.incref(heap, heap.None)};
        }
        if (isGroup(rt, exc)) {
            long[] r = split(rt, exc, type, true);
            return new long[] {r[0] == 0 ? Builtins.incref(heap, heap.None) : r[0],
                    r[1] == 0 ? Builtins.incref(heap, heap.None) : r[1]};
        }
        return new long[] {Builtins.incref(heap, heap.None), Builtins.incref(heap, heap.None)};
    }

    private static boolean sameMetadata(long a, long b) {
        return Native.getLong(a + ExceptionType.NOTES) == Native.getLong(b + ExceptionType.NOTES)
                && Native.getLong(a + ExceptionType.TRACEBACK) == Native.getLong(b + ExceptionType.TRACEBACK)
                && Native.getLong(a + ExceptionType.CAUSE) == Native.getLong(b + ExceptionType.CAUSE)
                && Native.getLong(a + ExceptionType.CONTEXT) == Native.getLong(b + ExceptionType.CONTEXT);
    }

    private static void collectLeafIds(Runtime rt, long e, java.util.Set<Long> ids) {
        if (!isGroup(rt, e)) {
            ids.add(e);
            return;
        }
        long excs = exceptions(e);
        for (long i = 0; i < TupleType.size(excs); i++) collectLeafIds(rt, TupleType.item(excs, i), ids);
    }

    /**
     * _PyExc_PrepReraiseStar: what an except* statement re-raises (a new reference, None for nothing),
     * from the original exception and the list of what each handler raised or left unhandled.
     */
    static long prepReraiseStar(Runtime rt, long orig, long excs) {
        Heap heap = rt.heap;
        long n = ListType.size(excs);
        if (n == 0) return Builtins.incref(heap, heap.None);
        if (!isGroup(rt, orig)) return Builtins.incref(heap, ListType.item(excs, 0));
        long raised = heap.lists.alloc(0);
        long reraised = heap.lists.alloc(0);
        try {
            for (long i = 0; i < n; i++) {
                long e = ListType.item(excs, i);
                if (e == heap.None) continue;
                heap.lists.append(sameMetadata(e, orig) ? reraised : raised, e);
            }
            java.util.Set<Long> leafIds = new java.util.HashSet<>();
            long leafSet = heap.sets.create();
            long reraisedEg;
            try {
                for (long i = 0; i < ListType.size(reraised); i++) collectLeafIds(rt, ListType.item(reraised, i), leafIds);
                for (long id : leafIds) {
                    long idObj = heap.ints.of(id);
                    try {
                        heap.sets.add(leafSet, idObj);
                    } catch (PyError e) {
                        throw rt.fromPyError(e);
                    } finally {
                        heap.decref(idObj);
                    }
                }
                long[] r = splitRecursive(rt, orig, Matcher.INSTANCE_IDS, leafIds, false);
                reraisedEg = r[0] == 0 ? Builtins.incref(heap, heap.None) : r[0];
            } finally {
                heap.decref(leafSet);
            }
            long numRaised = ListType.size(raised);
            if (numRaised == 0) return reraisedEg;
            if (reraisedEg != heap.None) heap.lists.append(raised, reraisedEg);
            heap.decref(reraisedEg);
            if (ListType.size(raised) > 1) {
                long empty = heap.strs.of("");
                try {
                    return create(rt, empty, raised);
                } finally {
                    heap.decref(empty);
                }
            }
            return Builtins.incref(heap, ListType.item(raised, 0));
        } finally {
            heap.decref(raised);
            heap.decref(reraised);
        }
    }
}

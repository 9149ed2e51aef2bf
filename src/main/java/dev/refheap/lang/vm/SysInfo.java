package dev.refheap.lang.vm;

import dev.refheap.lang.bytecode.BinaryOp;
import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.Layout;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * sys's introspection: {@code sys._getframe}, the struct sequences {@code sys.flags},
 * {@code sys.float_info}, {@code sys.int_info}, {@code sys.hash_info}, {@code sys.version_info}
 * and {@code sys.implementation}, plus the code-object attributes beyond the basic ones.
 *
 * <p>A struct sequence is a tuple subtype with a tuple's layout (ob_size, then the items) whose
 * fields also have names; like the ones CPython creates in C (PyStructSequence_New) it is not
 * tracked by the collector.
 */
final class SysInfo {
    private SysInfo() {}

    /** refheap's own version: in sys.implementation._refheap and in sys.version's compiler part. */
    static final String REFHEAP_VERSION = "0.1.0";

    /**
     * sys.version in the form CPython's build gives it, {@code '3.11.7 (main, May  9 2026, 07:35:25) [GCC 12.2.0]'},
     * which platform._sys_version parses (python_implementation() 'CPython', python_version() '3.11.7'): the build
     * date and time are when refheap's classes were built (C's __DATE__ and __TIME__ format, UTC), and the
     * compiler part names refheap and the Java it runs on, so platform.python_compiler() says what runs.
     */
    static String version() {
        return VirtualEnv.VERSION + " (main, " + buildDateAndTime(buildInstant().getEpochSecond()) + ") [refheap " + REFHEAP_VERSION
                + " on Java " + java.lang.Runtime.version().feature() + "]";
    }

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    /**
     * {@code epochSecond} (UTC) as C's __DATE__ and __TIME__ give a build's, joined by ", ":
     * "Dec  7 2026, 21:06:05" (the day padded with a space). Written out rather than through
     * java.time's formatter, whose locale data (some 150 classes) every start would load for it.
     */
    static String buildDateAndTime(long epochSecond) {
        long day = Math.floorDiv(epochSecond, 86_400);
        int secs = (int) Math.floorMod(epochSecond, 86_400);
        java.time.LocalDate d = java.time.LocalDate.ofEpochDay(day);
        int dom = d.getDayOfMonth();
        return MONTHS[d.getMonthValue() - 1] + (dom < 10 ? "  " : " ") + dom + " " + d.getYear() + ", "
                + twoDigits(secs / 3600) + ":" + twoDigits(secs / 60 % 60) + ":" + twoDigits(secs % 60);
    }

    private static String twoDigits(int n) { return n < 10 ? "0" + n : Integer.toString(n); }

    /** The modification time of the jar (or class directory) refheap's classes come from; the epoch if it cannot be read. */
    private static java.time.Instant buildInstant() {
        try {
            var source = SysInfo.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                return java.nio.file.Files.getLastModifiedTime(java.nio.file.Path.of(source.getLocation().toURI())).toInstant();
            }
        } catch (java.net.URISyntaxException | java.io.IOException | SecurityException | IllegalArgumentException e) {
            // fall through
        }
        return java.time.Instant.EPOCH;
    }

    /**
     * A struct sequence type: a tuple with named fields, repr {@code sys.float_info(max=..., ...)}.
     * {@code fields} are all n_fields names in item order, null for an unnamed field; the first
     * {@code visible} (n_sequence_fields) are the tuple (ob_size), the rest are hidden items after
     * them, reachable by name only (os.stat_result's float times), as PyStructSequence keeps them.
     */
    static final class StructSeqType extends ExtType {
        final String qualified;
        final List<String> fields;
        final int visible;
        /** The named fields in order: repr labels the i-th visible item with the i-th of these (3.11's tp_members). */
        final List<String> members;

        StructSeqType(Runtime rt, String qualified, List<String> fields) { this(rt, qualified, fields.size(), fields); }

        /**
         * A named tuple type of a C module that is not a struct sequence (datetime.IsoCalendarDate):
         * its basic size is PyTupleObject's own (with ob_item[1], 8 bytes more than a struct
         * sequence's), its dict has no n_* fields or __match_args__, and it pickles as a plain tuple.
         */
        final boolean plainTuple;

        StructSeqType(Runtime rt, String qualified, int visible, List<String> fields) { this(rt, qualified, visible, fields, false); }

        StructSeqType(Runtime rt, String qualified, int visible, List<String> fields, boolean plainTuple) {
            super(rt, qualified, rt.heap.tuples, HAVE_GC | (isHeapKind(qualified, plainTuple) ? HEAPTYPE : 0),
                    plainTuple ? TupleType.OB_ITEM + 8 : TupleType.OB_ITEM, 8, 0);  // tp_name: module.name
            this.plainTuple = plainTuple;
            this.qualified = qualified;
            this.fields = fields;
            this.visible = visible;
            this.members = fields.stream().filter(java.util.Objects::nonNull).toList();
        }

        /** A new (untracked, as PyStructSequence_New makes it) instance holding {@code items} (stolen): all n_fields of them. */
        long create(long... items) {
            long o = heap.allocObject(this, items.length);
            Native.putLong(o + Layout.OB_SIZE, visible);
            for (int i = 0; i < items.length; i++) TupleType.setItemSteal(o, i, items[i]);
            return o;
        }

        /**
         * Registers the type ({@code rt.heap.register}) and makes its dict as PyStructSequence_InitType
         * fills it, in its order: {@code __new__} (tp_new's builtin method, but for sys.flags and
         * sys.version_info), {@code __repr__} (a slot wrapper), {@code __reduce__} (a method
         * descriptor), a member descriptor per named field (T_OBJECT at the item's offset, READONLY),
         * n_sequence_fields, n_fields, n_unnamed_fields and {@code __match_args__} (the visible named
         * fields). The dict owns them ({@link SlotWrappers#dicts}; typeAttrs borrows). They are
         * made without moving count0 (and so without starting a collection): the small start-up
         * makes sys at a program's first {@code import sys}, where CPython's program finds it made,
         * and CPython's start-up makes some 600 GC objects more than refheap's does, so counting
         * these alone moved the first line's count0 from 531 to 2 (the same 7 collections as
         * CPython, the last just before the first line, where CPython's is 592 allocations before
         * it: programs that rely on no collection between their compile and their first lines,
         * tracking/constant_tuples.py, then differ). docs/performance.md, session 24.
         */
        StructSeqType registered() {
            if (hasFlag(HEAPTYPE)) return registeredAsHeapType();
            rt.heap.register(this);
            if (rt.slotWrappers == null) {  // made by the runtime's constructor: the dict once the builtin types' are made
                rt.constructorStructSeqs.add(this);
                return this;
            }
            makeDict();
            rt.readiedAfterConstructor(this);
            return this;
        }

        /**
         * Whether a struct sequence named {@code qualified} is a heap type in CPython 3.11: a native
         * module's (PyStructSequence_NewType), not the interpreter's static ones (sys's,
         * UnraisableHookArgs, asyncgen_hooks: PyStructSequence_InitType2) nor a named tuple type.
         */
        static boolean isHeapKind(String qualified, boolean plainTuple) {
            return !plainTuple && !qualified.startsWith("sys.") && !qualified.equals("UnraisableHookArgs") && !qualified.equals("asyncgen_hooks");
        }

        /**
         * PyStructSequence_NewType: the type object a GC-tracked heap object ({@link HeapTypeObjects}),
         * made as PyType_FromSpecWithBases and PyType_Ready make it, each allocation counted as
         * CPython counts it: the bases tuple {@code (tuple,)}, the type object with its name, the
         * dict, the mro tuple, the dict's entries ({@code __new__}, {@code __repr__}, {@code __reduce__},
         * the members, {@code __doc__} from tp_doc, {@code __module__} from the spec's name, then
         * initialize_structseq_dict's), and the weak reference in tuple's subclasses. The runtime
         * holds the type's own reference (the module state's strong one in CPython).
         */
        private StructSeqType registeredAsHeapType() {
            if (rt.slotWrappers == null) throw new IllegalStateException(qualified + ": a heap type made in the runtime's constructor");
            long quiet = HeapTypeObjects.quietStart(rt, qualified);
            long t = HeapTypeObjects.allocate(rt, this, members.size());
            HeapTypeObjects.fill(rt, this, qualified, heap.tuples, 0);
            long dict = heap.dicts.create();
            HeapTypeObjects.setDict(t, dict);
            long mro = HeapTypeObjects.setMro(rt, this, rt.builtinTypeInfo.mro(heap.tuples));
            rt.builtinTypeInfo.setHeapTypeTuples(this, HeapTypeObjects.bases(t), mro);
            rt.slotWrappers.dicts.put(this, dict);
            fillDict(dict, true);
            if (rt.subclasses != null) rt.subclasses.addReadied(this);
            rt.hold(Builtins.incref(heap, t));
            heap.decref(t);  // the runtime's reference is the one
            HeapTypeObjects.quietEnd(rt, quiet);
            return this;
        }

        /**
         * The dict of a type the constructor made ({@link #registered}), after the builtin types'
         * dicts; for a runtime made to adopt a start-up image (whose memory has the objects), the
         * descriptors' entries only, in the same tables' places.
         */
        void completeInConstructor(boolean objects) {
            if (objects) {
                makeDict();
            } else {
                if (hasNew()) rt.builtinFunctionType.defineEntry("__new__", newImpl, null, null);
                rt.wrapperDescrType.defineEntry(this, "__repr__", reprImpl);
                rt.methodDescrType.defineEntry(this, "__reduce__", reduceImpl);
            }
        }

        private void makeDict() {
            long count0 = rt.gc.count()[0];
            rt.gc.setYoungCount(0);  // the objects below cannot reach the threshold from 0
            fillDict(0, false);
            rt.gc.setYoungCount(count0);
        }

        /**
         * Makes the dict's entries (see {@link #registered}) and puts them in {@code heapDict}, a
         * heap type's dict ({@code heapType} true: {@code __doc__} and {@code __module__} too, as
         * PyType_Ready and PyType_FromSpec add them), or in a new dict the runtime holds.
         */
        private void fillDict(long heapDict, boolean heapType) {
            var attrs = rt.typeAttrs.computeIfAbsent(this, k -> new java.util.HashMap<>());
            java.util.List<String> order = new java.util.ArrayList<>();
            java.util.List<Long> values = new java.util.ArrayList<>();
            if (hasNew()) {  // tp_new's wrapper, which add_operators puts first
                order.add("__new__");
                values.add(rt.builtinFunctionType.create("__new__", newImpl, address(), null));
            }
            order.add("__repr__");
            values.add(rt.wrapperDescrType.create(this, "__repr__", reprImpl));
            order.add("__reduce__");
            values.add(rt.methodDescrType.create(this, "__reduce__", reduceImpl));
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i) == null) continue;
                order.add(fields.get(i));
                values.add(rt.memberType.create(address(), fields.get(i), TupleType.OB_ITEM + 8L * i));
            }
            if (plainTuple) {
                long d = rt.hold(heap.dicts.create(false));
                for (int i = 0; i < order.size(); i++) {
                    heap.dicts.setItem(d, order.get(i), values.get(i));
                    heap.decref(values.get(i));
                    attrs.put(order.get(i), values.get(i));
                }
                rt.slotWrappers.dicts.put(this, d);
                return;
            }
            if (heapType) {
                String raw = BuiltinDocs.startupDoc(name());  // type_dict_set_doc: tp_doc without its signature, None without one
                if (raw != null) {
                    order.add("__doc__");
                    values.add(raw == BuiltinDocs.NULL ? Builtins.incref(heap, heap.None) : heap.strs.of(BuiltinDocs.withoutSignature(name(), raw)));
                }
                order.add("__module__");  // PyType_FromSpec: the spec name's part before its last dot
                values.add(heap.strs.of(qualified.substring(0, qualified.lastIndexOf('.'))));
            }
            order.add("n_sequence_fields");
            values.add(heap.ints.of(visible));
            order.add("n_fields");
            values.add(heap.ints.of(fields.size()));
            order.add("n_unnamed_fields");
            values.add(heap.ints.of(fields.size() - members.size()));
            java.util.List<String> match = new java.util.ArrayList<>();
            for (int i = 0; i < visible; i++) if (fields.get(i) != null) match.add(fields.get(i));
            long matchArgs = heap.tuples.allocFresh(match.size());  // fresh, as the dict: the free lists are left as they were
            for (int i = 0; i < match.size(); i++) TupleType.setItemSteal(matchArgs, i, heap.strs.of(match.get(i)));
            order.add("__match_args__");
            values.add(matchArgs);
            long dict = heapType ? heapDict : rt.hold(heap.dicts.create(false));
            for (int i = 0; i < order.size(); i++) {
                heap.dicts.setItem(dict, order.get(i), values.get(i));
                heap.decref(values.get(i));  // the dict's reference is the one
                attrs.put(order.get(i), values.get(i));
            }
            rt.slotWrappers.dicts.put(this, dict);
        }

        /** The part of tp_name after its last dot (the descriptors' __qualname__ prefix and method messages use it). */
        private String shortName() {
            int dot = qualified.lastIndexOf('.');
            return dot < 0 ? qualified : qualified.substring(dot + 1);
        }

        /** structseq_repr through its slot wrapper: {@code sys.flags(debug=0, ...)}. */
        final Builtin reprImpl = (s, a, o, n, kw) -> {
            Args.noKeywords(rt, "wrapper __repr__", kw);
            if (n != 0) throw rt.typeError("expected 0 arguments, got " + n);
            return heap.strs.of(rt.ops.repr(s));
        };

        /** structseq_reduce: {@code (type, (visible items as a tuple, {hidden field name: value}))}. */
        final Builtin reduceImpl = (s, a, o, n, kw) -> reduce(s, n, kw);
        /** {@code T.__new__(T, ...)}: tp_new_wrapper over structseq_new ({@link #construct}). */
        final Builtin newImpl = (s, a, o, n, kw) -> TypeCall.wrappedNew(rt, this, a, o, n, kw);

        /**
         * Whether the type's dict has {@code __new__}: every struct sequence's but sys.flags' and
         * sys.version_info's, whose tp_new CPython's sys module clears (their instances are its own).
         */
        boolean hasNew() { return !qualified.equals("sys.flags") && !qualified.equals("sys.version_info"); }

        /** Py_TPFLAGS_VALID_VERSION_TAG as the type attribute cache would have set it (Ops.versionTag). */
        boolean validVersionTag;

        /**
         * CPython 3.11.7's tp_flags: TUPLE_SUBCLASS | MATCH_SELF | HAVE_GC | READY | SEQUENCE, then
         * IMMUTABLETYPE for the interpreter's static types (sys's, UnraisableHookArgs,
         * asyncgen_hooks: PyStructSequence_InitType2) or HEAPTYPE for a native module's
         * (PyStructSequence_NewType), DISALLOW_INSTANTIATION where 3.11 clears tp_new (sys.flags,
         * sys.version_info), and the version tag once a lookup set it. A named tuple type that is
         * not a struct sequence (datetime.IsoCalendarDate) is static and instantiable.
         */
        long tpFlags() {
            long f = 0x4405020L;
            boolean interpreters = plainTuple || qualified.startsWith("sys.") || qualified.equals("UnraisableHookArgs") || qualified.equals("asyncgen_hooks");
            f |= interpreters ? PyType.IMMUTABLETYPE : PyType.HEAPTYPE;
            if (!plainTuple && !hasNew()) f |= 1 << 7;  // DISALLOW_INSTANTIATION
            return f | (validVersionTag ? PyType.VALID_VERSION_TAG : 0);
        }

        private long reduce(long s, int n, long kw) {
            Args.exactly(rt, shortName() + ".__reduce__", n, kw, 0);
            if (plainTuple) {  // (tuple, (tuple(self),))
                long items = asTuple(s);
                long args = heap.tuples.alloc(1);
                TupleType.setItemSteal(args, 0, items);
                long r = heap.tuples.alloc(2);
                TupleType.setItemSteal(r, 0, Builtins.incref(heap, heap.tuples.address()));
                TupleType.setItemSteal(r, 1, args);
                return r;
            }
            long tup = heap.tuples.alloc(visible);
            for (int i = 0; i < visible; i++) TupleType.setItemSteal(tup, i, Builtins.incref(heap, TupleType.item(s, i)));
            long dict = heap.dicts.create();
            for (int i = visible; i < fields.size(); i++) {
                if (fields.get(i) != null) heap.dicts.setItem(dict, fields.get(i), TupleType.item(s, i));
            }
            long inner = heap.tuples.alloc(2);
            TupleType.setItemSteal(inner, 0, tup);
            TupleType.setItemSteal(inner, 1, dict);
            long r = heap.tuples.alloc(2);
            TupleType.setItemSteal(r, 0, Builtins.incref(heap, Heap.typeAddress(s)));
            TupleType.setItemSteal(r, 1, inner);
            return r;
        }

        /** The implementations of the type's {@code __new__}, {@code __repr__} and {@code __reduce__}, by name (a start-up image's entries find them again), or null. */
        Builtin definedMethod(String name) {
            return switch (name) {
                case "__repr__" -> reprImpl;
                case "__reduce__" -> reduceImpl;
                case "__new__" -> hasNew() ? newImpl : null;
                default -> null;
            };
        }

        /** The fields are READONLY members: setting or deleting one is refused as member_set refuses it. */
        @Override
        boolean setAttr(long o, long nameObj, long v) {
            if (members.contains(StrType.value(nameObj))) throw rt.error("AttributeError", "readonly attribute");
            return false;
        }

        /** Items stored, hidden ones included (REAL_SIZE). */
        private long realSize() { return fields.size(); }

        /** structseq_new: {@code T(sequence, dict=None)}, the hidden fields from the dict or None; tracked. */
        @Override
        long construct(long typeObject, long[] a, int off, int n, long kw) {
            // sys.flags and sys.version_info: tp_new cleared (type_call's "cannot create" for a type without one)
            if (!plainTuple && !hasNew()) throw rt.typeError("cannot create '" + qualified + "' instances");
            if (qualified.equals("posix.sched_param")) {  // os_sched_param: sched_param(sched_priority), untracked
                long[] p = dev.refheap.lang.modules.Params.parse(new VmApi(rt), "sched_param", new String[] {"sched_priority"}, 1, 1, 0, a, off, n, kw);
                return create(Builtins.incref(heap, p[0]));
            }
            if (plainTuple) {  // T(field, ...): one argument per field
                long[] p = dev.refheap.lang.modules.Params.parse(new VmApi(rt), "__new__", fields.toArray(new String[0]), fields.size(), fields.size(), 0, a, off, n, kw);
                long[] items = new long[p.length];
                for (int i = 0; i < p.length; i++) items[i] = Builtins.incref(heap, p[i]);
                long o = create(items);
                heap.track(o);
                return o;
            }
            // argument clinic's structseq(sequence, dict=NULL): its name in the messages, keywords taken
            long[] p = dev.refheap.lang.modules.Params.parse(new VmApi(rt), "structseq", new String[] {"sequence", "dict"}, 1, 2, 0, a, off, n, kw);
            long list = heap.lists.alloc(0, false);
            try {
                long it;
                try {
                    it = rt.ops.iter(p[0]);
                } catch (PyException e) {  // PySequence_Fast's message replaces iter()'s TypeError
                    rt.ops.dropTypeError(e);
                    throw rt.typeError("constructor requires a sequence");
                }
                try {
                    for (long v = rt.ops.next(it); v != 0; v = rt.ops.next(it)) {
                        heap.lists.append(list, v);
                        heap.decref(v);
                    }
                } finally {
                    heap.decref(it);
                }
                long len = dev.refheap.object.ListType.size(list);
                String name = qualified;
                if (len < visible) {
                    throw rt.typeError(name + "() takes " + (visible == fields.size() ? "a " : "an at least ") + visible + "-sequence (" + len + "-sequence given)");
                }
                if (len > fields.size()) {
                    throw rt.typeError(name + "() takes " + (visible == fields.size() ? "a " : "an at most ") + fields.size() + "-sequence (" + len + "-sequence given)");
                }
                long dict = p[1];  // None too must be a dict (3.11)
                if (dict != 0 && !rt.ops.isInstance(dict, heap.dicts)) {
                    throw rt.typeError(name + "() takes a dict as second arg, if any");
                }
                long[] items = new long[fields.size()];
                for (int i = 0; i < items.length; i++) {
                    long v = i < len ? dev.refheap.object.ListType.item(list, i) : 0;
                    if (v == 0 && dict != 0 && fields.get(i) != null) v = heap.dicts.getItem(dict, fields.get(i));  // a hidden field, by name
                    items[i] = Builtins.incref(heap, v != 0 ? v : heap.None);
                }
                if (qualified.equals("os.stat_result")) {  // statresult_new: float times missing → the int ones
                    for (int i = 7; i < 10; i++) {
                        if (items[i + 3] == heap.None) {
                            heap.decref(items[i + 3]);
                            items[i + 3] = Builtins.incref(heap, items[i]);
                        }
                    }
                }
                long o = create(items);
                heap.track(o);
                return o;
            } finally {
                heap.decref(list);
            }
        }

        static long size(long o) { return Native.getLong(o + Layout.OB_SIZE); }

        /** structseq_traverse: a heap type's instance visits its type first, then the items. */
        @Override
        public void traverse(long o, LongConsumer visit) {
            if (hasFlag(HEAPTYPE)) visit.accept(address());
            for (long i = 0; i < realSize(); i++) {
                long v = TupleType.item(o, i);
                if (v != 0) visit.accept(v);
            }
        }

        @Override
        public void dealloc(long o) {
            heap.untrackIfTracked(o);
            for (long i = 0; i < realSize(); i++) heap.xdecref(TupleType.item(o, i));
            heap.freeObject(o);
        }

        @Override
        public long hash(long o) {
            long[] hs = new long[(int) size(o)];
            for (int i = 0; i < hs.length; i++) hs[i] = heap.hash(TupleType.item(o, i));
            return dev.refheap.object.Hashing.hashTuple(hs, hs.length);
        }

        @Override
        public boolean equals(long a, long b) {
            Boolean r = eq(a, b);
            return r != null && r;
        }

        @Override
        String repr(long o) {
            StringBuilder sb = new StringBuilder(qualified).append('(');
            for (int i = 0; i < size(o); i++) {
                if (i > 0) sb.append(", ");
                sb.append(members.get(i)).append('=').append(rt.ops.repr(TupleType.item(o, i)));
            }
            return sb.append(')').toString();
        }

        @Override
        Boolean truthy(long o) { return size(o) != 0; }

        @Override
        long attr(long o, String name) {
            int i = name.isEmpty() ? -1 : fields.indexOf(name);
            if (i >= 0) return Builtins.incref(heap, TupleType.item(o, i));
            if (name.equals("n_fields")) return heap.ints.of(fields.size());
            if (name.equals("n_sequence_fields")) return heap.ints.of(visible);
            if (name.equals("n_unnamed_fields")) return heap.ints.of(fields.size() - members.size());
            return 0;
        }

        /** An exact tuple of the same items (for the tuple protocol). */
        long asTuple(long o) {
            long t = heap.tuples.alloc(size(o));
            for (int i = 0; i < size(o); i++) TupleType.setItemSteal(t, i, Builtins.incref(heap, TupleType.item(o, i)));
            return t;
        }

        private <T> T viaTuple(long o, java.util.function.LongFunction<T> f) {
            long t = asTuple(o);
            try {
                return f.apply(t);
            } finally {
                heap.decref(t);
            }
        }

        private long other(long x) { return heap.typeOf(x) instanceof StructSeqType s ? s.asTuple(x) : Builtins.incref(heap, x); }

        @Override
        Boolean eq(long a, long b) {
            long x = other(a), y = other(b);
            try {
                if (heap.typeOf(x) != heap.tuples || heap.typeOf(y) != heap.tuples) return null;
                return rt.ops.eqOrSame(x, y);
            } finally {
                heap.decref(x);
                heap.decref(y);
            }
        }

        @Override
        Integer order(int op, long a, long b) {
            long x = other(a), y = other(b);
            try {
                if (heap.typeOf(x) != heap.tuples || heap.typeOf(y) != heap.tuples) return null;
                if (rt.ops.eqOrSame(x, y)) return 0;
                return rt.ops.compareBool(0, x, y) ? -1 : 1;
            } finally {
                heap.decref(x);
                heap.decref(y);
            }
        }

        @Override long len(long o) { return size(o); }
        @Override long getItem(long o, long key) { return viaTuple(o, t -> rt.ops.getItem(t, key)); }
        @Override long iter(long o) { return viaTuple(o, t -> rt.ops.iter(t)); }
        @Override int contains(long o, long item) { return viaTuple(o, t -> rt.ops.contains(t, item)) ? 1 : 0; }

        @Override
        long binary(BinaryOp op, long a, long b) {
            if (op != BinaryOp.ADD && op != BinaryOp.MULTIPLY) return 0;
            long x = other(a), y = other(b);
            try {
                return rt.ops.binaryOp(op, x, y);
            } finally {
                heap.decref(x);
                heap.decref(y);
            }
        }
    }

    private static long i(Heap heap, long v) { return heap.ints.of(v); }

    /**
     * sys.thread_info.version: what PyThread_GetInfo reads with confstr(_CS_GNU_LIBPTHREAD_VERSION)
     * ("NPTL 2.36" on glibc), once per JVM; null (None) when the C library has no answer.
     */
    private static final class ThreadVersion {
        static final String VALUE = read();

        private static String read() {
            try (var arena = java.lang.foreign.Arena.ofConfined()) {
                var linker = java.lang.foreign.Linker.nativeLinker();
                var confstr = linker.downcallHandle(linker.defaultLookup().find("confstr").orElseThrow(),
                        java.lang.foreign.FunctionDescriptor.of(java.lang.foreign.ValueLayout.JAVA_LONG, java.lang.foreign.ValueLayout.JAVA_INT,
                                java.lang.foreign.ValueLayout.ADDRESS, java.lang.foreign.ValueLayout.JAVA_LONG));
                var buf = arena.allocate(128);
                long len = (long) confstr.invokeExact(3, buf, 128L);  // _CS_GNU_LIBPTHREAD_VERSION
                return len > 1 && len <= 128 ? buf.getString(0) : null;
            } catch (Throwable t) {
                return null;
            }
        }
    }

    /** sys's introspection functions, into {@code fns} ({@link Modules#sysFunctions}). */
    static void functions(Runtime rt, java.util.Map<String, Builtin> fns) {
        fns.put("_getframe", (s, a, o, n, kw) -> {
            Args.range(rt, "_getframe", n, kw, 0, 1);
            long depth = n == 0 ? 0 : Builtins.intArg(rt, a[o]);
            Frame f = rt.interpreter.current;
            for (long k = 0; k < depth && f != null; k++) f = Frame.complete(f.back);
            if (f == null || depth < 0 && false) throw rt.error("ValueError", "call stack is not deep enough");
            return rt.frameType.of(f);
        });
        fns.put("_current_frames", (s, a, o, n, kw) -> currentFrames(rt));  // arity: ModuleArity
    }

    /** Adds the introspection attributes to the sys module {@code m}, its functions from {@code fns}. */
    static void install(Runtime rt, long m, java.util.Map<String, Builtin> fns) {
        Heap heap = rt.heap;
        Modules.def(rt, m, "_getframe", fns.get("_getframe"));
        Modules.def(rt, m, "_current_frames", fns.get("_current_frames"));  // arity: ModuleArity
        Modules.def(rt, m, "_current_exceptions", fns.get("_current_exceptions"));  // arity: ModuleArity
        StructSeqType vi = seq(rt, "sys.version_info", "major", "minor", "micro", "releaselevel", "serial");
        long version = vi.create(i(heap, 3), i(heap, 11), i(heap, 7), heap.strs.of("final"), i(heap, 0));
        Modules.set(rt, m, "version_info", Builtins.incref(heap, version));
        Modules.set(rt, m, "hexversion", i(heap, 0x030b07f0));
        // a build from a release's sources, without git or a macOS framework: what python3 shows
        long git = heap.tuples.alloc(3);
        TupleType.setItemSteal(git, 0, heap.strs.of("CPython"));
        TupleType.setItemSteal(git, 1, heap.strs.of(""));
        TupleType.setItemSteal(git, 2, heap.strs.of(""));
        Modules.set(rt, m, "_git", git);
        Modules.set(rt, m, "_framework", heap.strs.of(""));
        Modules.set(rt, m, "api_version", i(heap, 1013));
        StructSeqType fi = seq(rt, "sys.float_info", "max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig",
                "mant_dig", "epsilon", "radix", "rounds");
        Modules.set(rt, m, "float_info", fi.create(heap.floats.of(Double.MAX_VALUE), i(heap, 1024), i(heap, 308),
                heap.floats.of(Double.MIN_NORMAL), i(heap, -1021), i(heap, -307), i(heap, 15), i(heap, 53),
                heap.floats.of(Math.ulp(1.0)), i(heap, 2), i(heap, 1)));
        StructSeqType ii = seq(rt, "sys.int_info", "bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold");
        Modules.set(rt, m, "int_info", ii.create(i(heap, 30), i(heap, 4), i(heap, 4300), i(heap, 640)));
        StructSeqType hi = seq(rt, "sys.hash_info", "width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff");
        Modules.set(rt, m, "hash_info", hi.create(i(heap, 64), i(heap, (1L << 61) - 1), i(heap, 314159), i(heap, 0), i(heap, 1000003),
                heap.strs.of("siphash13"), i(heap, 64), i(heap, 128), i(heap, 0)));
        StructSeqType fl = seq(rt, "sys.flags", "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site",
                "no_site", "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode",
                "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits");
        long f = heap.False;
        Runtime.StartFlags start = rt.mainConfig.start();
        Modules.set(rt, m, "flags", fl.create(i(heap, 0), i(heap, 0), i(heap, 0), i(heap, 0), i(heap, start.dontWriteBytecode() ? 1 : 0), i(heap, start.noUserSite() ? 1 : 0),
                i(heap, start.noSite() ? 1 : 0), i(heap, start.ignoreEnvironment() ? 1 : 0), i(heap, 0), i(heap, 0), i(heap, 0), i(heap, 1),
                i(heap, start.isolated() ? 1 : 0), Builtins.incref(heap, f), i(heap, rt.utf8Mode() ? 1 : 0), i(heap, 0),
                Builtins.incref(heap, start.isolated() ? heap.True : f), i(heap, -1)));
        Modules.set(rt, m, "float_repr_style", heap.strs.of("short"));
        StructSeqType ti = seq(rt, "sys.thread_info", "name", "lock", "version");
        String threadVersion = ThreadVersion.VALUE;
        Modules.set(rt, m, "thread_info", ti.create(heap.strs.of("pthread"), heap.strs.of("semaphore"),
                threadVersion == null ? Builtins.incref(heap, heap.None) : heap.strs.of(threadVersion)));
        Modules.set(rt, m, "maxunicode", i(heap, 0x10ffff));
        // sys.implementation: a types.SimpleNamespace in CPython. refheap reproduces CPython 3.11's memory details on
        // purpose, so it answers 'cpython' to implementation-detail checks (test.support.check_impl_detail); its own
        // name and version are in the private attribute _refheap (PEP 421 leaves underscore names to implementations).
        // cache_tag stays None: refheap writes no .pyc files, and importlib then writes and looks for none.
        // a types.SimpleNamespace made as CPython's make_impl_info makes it: its dict filled in this order
        long name = heap.strs.of("cpython"), hexversion = heap.ints.of(0x030b07f0), multiarch = heap.strs.of("x86_64-linux-gnu");
        long refheapVersion = heap.strs.of(REFHEAP_VERSION);
        try {
            Modules.set(rt, m, "implementation", rt.namespaceType.of(new String[] {"name", "cache_tag", "version", "hexversion", "_multiarch", "_refheap"},
                    new long[] {name, heap.None, version, hexversion, multiarch, refheapVersion}));
        } finally {
            heap.decref(name);
            heap.decref(hexversion);
            heap.decref(multiarch);
            heap.decref(refheapVersion);
            heap.decref(version);
        }
    }

    /**
     * sys._current_frames() (_PyThread_CurrentFrames): a dict from each thread's ident to its
     * topmost complete frame (a frame object), in the order of the interpreter's thread states,
     * newest first (the main thread last); a thread with no Python frame is left out. The other
     * threads wait for the interpreter lock while this runs, so their frames stand still.
     */
    private static long currentFrames(Runtime rt) {
        return perThread(rt, t -> {
            Frame f = Frame.complete(t.current);
            return f == null ? 0 : rt.frameType.of(f);
        }, t -> Frame.complete(t.current) != null);
    }

    /**
     * sys._current_exceptions() (3.11's _PyThread_CurrentExceptions): a dict from each thread's
     * ident to its topmost handled exception as sys.exc_info() gives it, (None, None, None) for a
     * thread handling none; every thread state, in the order {@link #currentFrames} uses.
     */
    static long currentExceptions(Runtime rt) {
        return perThread(rt, t -> excInfo(rt, t.topmostHandled()), t -> true);
    }

    /** sys.exc_info()'s tuple for the handled exception {@code e} (0: none): a new reference. */
    static long excInfo(Runtime rt, long e) {
        Heap heap = rt.heap;
        if (e == 0) return heap.tuples.of(heap.None, heap.None, heap.None);
        long tb = ExceptionType.traceback(e);
        return heap.tuples.of(Heap.typeAddress(e), e, tb == 0 ? heap.None : tb);
    }

    /**
     * A dict from the ident of each thread state that {@code include} accepts to {@code value} of
     * it (a new reference), thread states newest first (the main thread last); the ident is made
     * before the value, as CPython makes them. The other threads wait for the interpreter lock
     * meanwhile, so their states stand still.
     */
    private static long perThread(Runtime rt, java.util.function.ToLongFunction<Interpreter> value,
            java.util.function.Predicate<Interpreter> include) {
        Heap heap = rt.heap;
        List<Interpreter> states = new java.util.ArrayList<>();
        states.add(rt.mainInterpreter);
        states.addAll(rt.gil.threads());
        java.util.Collections.reverse(states);
        long d = heap.dicts.create();
        try {
            for (Interpreter t : states) {
                if (!include.test(t)) continue;
                long ident = t == rt.interpreter ? Thread.currentThread().threadId() : t.main ? rt.mainIdent : t.ident;
                long key = heap.ints.of(ident);
                long v = 0;
                try {
                    v = value.applyAsLong(t);
                    heap.dicts.setItem(d, key, v);
                } finally {
                    heap.decref(key);
                    if (v != 0) heap.decref(v);
                }
            }
        } catch (RuntimeException e) {
            heap.decref(d);
            throw e;
        }
        return d;
    }

    /** CPython 3.11's sys.stdlib_module_names (scripts/gen_stdlib_module_names.py), read once. */
    private static volatile List<String> stdlibNames;

    /** sys.stdlib_module_names: a frozenset of the names, made as list_stdlib_module_names makes it. */
    static long stdlibModuleNames(Runtime rt) {
        List<String> names = stdlibNames;
        if (names == null) {
            try (var in = SysInfo.class.getResourceAsStream("stdlib-module-names.txt")) {
                if (in == null) throw new IllegalStateException("stdlib-module-names.txt missing from the build");
                names = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            stdlibNames = names;
        }
        Heap heap = rt.heap;
        long set = heap.frozensets.create();
        for (String name : names) {
            long s = heap.strs.of(name);
            heap.frozensets.add(set, s);
            heap.decref(s);
        }
        return set;
    }

    /** The free tuples of each size, for {@link #giveBackTuples}. */
    static int[] freeTuples(Heap heap) {
        int[] free = new int[dev.refheap.object.TupleType.MAX_SAVE_SIZE];
        for (int k = 0; k < free.length; k++) free[k] = heap.tuples.freeCount(k + 1);
        return free;
    }

    /**
     * Puts as many fresh tuples of each size on the free lists as were taken from them since
     * {@code before} (count0 unchanged): for objects CPython makes at start-up, before the free
     * lists a program draws from, which refheap makes later (the sys module at its first import).
     */
    static void giveBackTuples(Runtime rt, int[] before) {
        long count0 = rt.gc.count()[0];
        for (int k = 0; k < before.length; k++) rt.heap.tuples.parkFresh(k + 1, Math.max(0, before[k] - rt.heap.tuples.freeCount(k + 1)));
        rt.gc.setYoungCount(count0);
    }

    private static StructSeqType seq(Runtime rt, String name, String... fields) {
        StructSeqType t = new StructSeqType(rt, name, List.of(fields)).registered();
        return t;
    }

    /**
     * code.co_positions(), co_lines() and _varname_from_oparg(i), over 3.11's code units
     * ({@link dev.refheap.lang.bytecode.CpythonLayout}): one positions entry per code unit (caches,
     * PRECALL, RESUME and EXTENDED_ARG included), so tb_lasti // 2 and f_lasti // 2 index them as
     * traceback and inspect do. The iterators are a list's, not CPython's positionsiterator and
     * lineiterator.
     */
    static void installCodeMethods(Runtime rt) {
        TypeMethodsAccess.def(rt, rt.codeType, "co_positions", (self, a, o, n, kw) -> {
            noArguments(rt, "co_positions", n, kw);
            var layout = rt.codeType.code(self).layout();
            long list = rt.heap.lists.alloc(layout.positionCount);
            for (int u = 0; u < layout.positionCount; u++) {
                var p = layout.position(u);
                dev.refheap.object.ListType.setItemSteal(list, u, intsOrNone(rt, p.line(), p.endLine(), p.col(), p.endCol()));
            }
            return iterOver(rt, list);
        });
        TypeMethodsAccess.def(rt, rt.codeType, "co_lines", (self, a, o, n, kw) -> {
            noArguments(rt, "co_lines", n, kw);
            var layout = rt.codeType.code(self).layout();
            long list = rt.heap.lists.alloc(layout.lineEntryCount());
            for (int k = 0; k < layout.lineEntryCount(); k++) {
                int[] e = layout.lineEntry(k);
                dev.refheap.object.ListType.setItemSteal(list, k, intsOrNone(rt, e[0], e[1], e[2]));
            }
            return iterOver(rt, list);
        });
        TypeMethodsAccess.def(rt, rt.codeType, "_varname_from_oparg", (self, a, o, n, kw) -> {
            if (kw != 0 && TupleType.size(kw) > 0) throw rt.typeError("_varname_from_oparg() takes no keyword arguments");
            if (n != 1) throw rt.typeError("_varname_from_oparg() takes exactly one argument (" + n + " given)");
            var names = rt.codeType.code(self).unit.localsplusNames();
            long i = Builtins.intArg(rt, a[o]);
            if (i < 0 || i >= names.size()) throw rt.error("IndexError", "tuple index out of range");
            return rt.heap.strs.internedOf(names.get((int) i));
        });
    }

    private static void noArguments(Runtime rt, String name, int n, long kw) {
        if (n != 0 || kw != 0 && TupleType.size(kw) > 0) throw rt.typeError("code." + name + "() takes no arguments (" + n + " given)");
    }

    /** A tuple of the ints {@code v}, None for each negative one. */
    private static long intsOrNone(Runtime rt, int... v) {
        Heap heap = rt.heap;
        long t = heap.tuples.alloc(v.length);
        for (int k = 0; k < v.length; k++) TupleType.setItemSteal(t, k, v[k] < 0 ? Builtins.incref(heap, heap.None) : heap.ints.of(v[k]));
        return t;
    }

    private static long iterOver(Runtime rt, long list) {
        try {
            return rt.ops.iter(list);
        } finally {
            rt.heap.decref(list);
        }
    }

    /** The code-object attributes Ops does not answer (co_argcount, co_flags, ...), or 0. */
    static long codeAttr(Runtime rt, long code, String name) {
        Heap heap = rt.heap;
        var unit = rt.codeType.code(code).unit;
        return switch (name) {
            case "co_argcount" -> heap.ints.of(unit.argcount());
            case "co_posonlyargcount" -> heap.ints.of(unit.posonlyargcount());
            case "co_kwonlyargcount" -> heap.ints.of(unit.kwonlyargcount());
            case "co_nlocals" -> heap.ints.of(unit.nlocals());
            case "co_flags" -> heap.ints.of(unit.flags());
            case "co_stacksize" -> heap.ints.of(unit.stacksize());
            case "co_cellvars" -> names(rt, unit, dev.refheap.lang.bytecode.CodeUnit.KIND_CELL, true);
            case "co_freevars" -> names(rt, unit, dev.refheap.lang.bytecode.CodeUnit.KIND_FREE, false);
            case "co_code" -> rt.codeType.coCode(code);
            case "co_exceptiontable" -> heap.bytes.of(rt.codeType.code(code).layout().exceptionTable());
            case "co_linetable" -> heap.bytes.of(rt.codeType.code(code).layout().lineTable(unit.firstLineno()));
            case "co_lnotab" -> heap.bytes.of(rt.codeType.code(code).layout().lnotab(unit.firstLineno()));
            default -> 0;
        };
    }

    /** co_cellvars (cells that are not also arguments are listed; 3.11 lists every cell) / co_freevars. */
    private static long names(Runtime rt, dev.refheap.lang.bytecode.CodeUnit unit, byte kind, boolean cells) {
        java.util.List<String> out = new java.util.ArrayList<>();
        byte[] kinds = unit.localsplusKinds();
        for (int k = 0; k < kinds.length; k++) if ((kinds[k] & kind) != 0) out.add(unit.localsplusNames().get(k));
        long t = rt.heap.tuples.alloc(out.size());
        for (int k = 0; k < out.size(); k++) TupleType.setItemSteal(t, k, rt.heap.strs.internedOf(out.get(k)));
        return t;
    }

    /** frame attributes Ops does not answer: f_back, f_lasti, f_trace, f_trace_lines, f_trace_opcodes. */
    static long frameAttr(Runtime rt, Frame f, String name) {
        return switch (name) {
            case "f_back" -> {
                if (f.owner == Frame.OWNED_BY_THREAD) {
                    Frame back = Frame.complete(f.back);
                    yield back != null ? rt.frameType.of(back) : Builtins.incref(rt.heap, rt.heap.None);
                }
                if (f.owner == Frame.OWNED_BY_GENERATOR) yield Builtins.incref(rt.heap, rt.heap.None);  // suspended: no caller
                long back = f.frameObject != 0 ? FrameType.back(f.frameObject) : 0;  // take_ownership's link
                yield Builtins.incref(rt.heap, back != 0 ? back : rt.heap.None);
            }
            case "f_lasti" -> rt.heap.ints.of(lastiBytes(rt, f));
            case "f_trace" -> {
                long t = f.frameObject != 0 ? FrameType.trace(f.frameObject) : 0;
                yield Builtins.incref(rt.heap, t != 0 ? t : rt.heap.None);
            }
            case "f_trace_lines", "f_trace_opcodes" -> {
                boolean on = f.frameObject != 0 ? FrameType.flag(f.frameObject, name.equals("f_trace_lines") ? FrameType.TRACE_LINES : FrameType.TRACE_OPCODES)
                        : name.equals("f_trace_lines");
                yield Builtins.incref(rt.heap, on ? rt.heap.True : rt.heap.False);
            }
            case "f_builtins" -> Builtins.incref(rt.heap, f.builtins);
            default -> 0;
        };
    }

    /**
     * frame.f_lasti: 3.11's byte offset of the frame's last instruction (CpythonLayout); an
     * unstarted generator's frame stands on RETURN_GENERATOR; a frame whose CALL entered a Python
     * function inline stands on that CALL's last cache entry, as in 3.11 (a call through C: on the CALL).
     */
    private static int lastiBytes(Runtime rt, Frame f) {
        var layout = f.code.layout();
        if (layout.returnGenerator >= 0 && f.owner == Frame.OWNED_BY_GENERATOR && f.pc <= f.code.prologue && !f.yielded) {
            return 2 * layout.returnGenerator;
        }
        if (f.inPrecall) return layout.precallBytes(f.lasti);
        int bytes = layout.lastiBytes(f.lasti);
        if (f.code.ops[f.lasti] == Op.CALL) {
            for (Frame g = rt.interpreter.currentFrame(); g != null && g != f; g = g.back) {
                if (g.back == f) {
                    if (g.callBase >= 0) bytes += 2 * dev.refheap.lang.bytecode.CpythonLayout.CALL_CACHES;
                    break;
                }
            }
        }
        return bytes;
    }

    static PyType typeOf(Runtime rt, long o) { return rt.heap.typeOf(o); }
}

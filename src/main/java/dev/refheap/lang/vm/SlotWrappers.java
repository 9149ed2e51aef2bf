package dev.refheap.lang.vm;

import dev.refheap.lang.bytecode.BinaryOp;
import dev.refheap.object.Heap;
import dev.refheap.object.IntType;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What PyType_Ready's add_operators and add_methods put in the dicts of CPython 3.11's builtin
 * types, for refheap's builtin types: a slot wrapper ({@code wrapper_descriptor}) for each slot a
 * type defines ({@code list.__iter__}, {@code int.__add__}, {@code object.__init__}), a method or
 * classmethod descriptor for each method, {@code __new__} as a builtin method of the type.
 *
 * <p>Which names a type has, in its dict's order and with their kinds, is the table
 * {@code builtin-type-dicts.txt} (names and kinds only, written by
 * {@code scripts/builtin_type_dicts.py} from python3). A descriptor refheap implements elsewhere
 * (TypeMethods, Attributes...) is kept; a slot wrapper gets the generic implementation of its slot
 * here, which applies the type's own operation (number operands of another kind give
 * NotImplemented, as the C slots do); a name refheap does not implement yet still exists (so
 * {@code dir()}, {@code hasattr} and the type's {@code __dict__} keys are CPython's) and raises
 * {@code NotImplementedError} naming it when called.
 *
 * <p>The table's order per type is kept ({@link #names}) for {@code T.__dict__} and {@code dir()}.
 * Invariant: made once per runtime at start-up, before any program runs.
 */
final class SlotWrappers {
    /** One entry of a builtin type's dict: its name and kind letter (see the table's generator). */
    record Slot(String name, char kind) {}

    /**
     * The builtin types whose {@code __doc__} is None in CPython 3.11 (no tp_doc): refheap has that
     * value even without CPython's docs (BuiltinDocs), so {@code None.__doc__} works
     * (types.DynamicClassAttribute reads {@code fget.__doc__} of a None fget).
     */
    private static final java.util.Set<String> DOC_NONE = java.util.Set.of("NoneType", "NotImplementedType", "ellipsis", "frame",
            "generator", "coroutine", "async_generator", "mappingproxy", "list_iterator", "tuple_iterator", "str_ascii_iterator", "str_iterator",
            "set_iterator", "dict_keyiterator", "range_iterator", "longrange_iterator", "bytearray_iterator", "bytes_iterator",
            "dict_keys", "dict_values", "dict_items", "weakref.ReferenceType", "weakref.ProxyType", "weakref.CallableProxyType", "generic_alias_iterator",
            "callable_iterator", "async_generator_wrapped_value", "managedbuffer", "memory_iterator", "stderrprinter", "symtable entry",
            "moduledef", "builtin_method", "hamt_array_node", "hamt_bitmap_node", "hamt_collision_node", "keys", "values", "items",
            "_contextvars.Context", "_contextvars.ContextVar", "_contextvars.Token", "Token.MISSING", "hamt", "formatteriterator", "fieldnameiterator");

    private final Runtime rt;
    private final Heap heap;
    /** Each builtin type's dict entries in CPython's order. */
    final Map<PyType, List<Slot>> names = new LinkedHashMap<>();  // in the table's order: the type dicts are made in it (same ids in every run)
    private final Map<String, BinaryOp> binary = new HashMap<>();
    private final Map<String, BinaryOp> reflected = new HashMap<>();

    SlotWrappers(Runtime rt) {
        this.rt = rt;
        this.heap = rt.heap;
        for (BinaryOp op : BinaryOp.values()) {
            binary.put(op.dunder, op);
            if (!op.isInplace()) reflected.put("__r" + op.dunder.substring(2), op);
        }
    }

    /**
     * The implementations {@link #install} gave the names it defined when it made no objects, by
     * type (null for a name whose value is not a wrapper or method descriptor); null when it made them.
     */
    private Map<PyType, Map<String, Builtin>> defined;

    /**
     * Reads the table and fills in the types' attributes (called once the other methods are
     * installed). With {@code objects} false (a runtime made to adopt a start-up image, {@link
     * Runtime#Runtime(RuntimeOptions, boolean)}: the image has the descriptors, the types' dicts
     * and the runtime's map of them) it makes only their Java side, each entry in the same place of
     * its table as when the objects are made, and no object.
     */
    void install(boolean objects) {
        defined = objects ? null : rt.definedForImage != null ? rt.definedForImage : new HashMap<>();  // with the descriptors the other installs defined without objects
        Map<String, PyType> byName = new HashMap<>();
        for (int i = 0; i < heap.typeCount(); i++) byName.putIfAbsent(heap.typeByIndex(i).name(), heap.typeByIndex(i));
        byName.putIfAbsent("GenericAlias", rt.genericAliasType);  // the table names types by __name__; these by tp_name
        byName.putIfAbsent("UnionType", rt.unionType);
        byName.putIfAbsent("ReferenceType", heap.weakrefs);  // weakref's three: tp_name "weakref.X"
        byName.putIfAbsent("ProxyType", rt.proxyType);
        byName.putIfAbsent("CallableProxyType", rt.callableProxyType);
        byName.putIfAbsent("SimpleNamespace", rt.namespaceType);  // tp_name "types.SimpleNamespace"
        for (int i = 0; i < heap.typeCount(); i++) {
            if (heap.typeByIndex(i) instanceof UnmodelledStaticType u) byName.putIfAbsent(u.tableName(), u);  // "symtable_entry", "PickleBuffer"
        }
        for (PyType t : rt.readiedModuleTypes) byName.putIfAbsent(t.name().substring(t.name().lastIndexOf('.') + 1), t);  // "Context", "MISSING"
        for (Map.Entry<String, List<Slot>> e : Table.dicts().entrySet()) {
            PyType t = byName.get(e.getKey());
            if (t == null) continue;
            names.put(t, e.getValue());
            tableNames.put(t, e.getKey());
            long quietCount = objects && QUIET.contains(e.getKey()) ? rt.gc.count()[0] : -1;
            Map<String, Long> attrs = rt.typeAttrs.computeIfAbsent(t, k -> new HashMap<>());
            Map<String, Builtin> made = objects ? null : defined.computeIfAbsent(t, k -> new HashMap<>());
            for (Slot s : e.getValue()) {
                if (attrs.containsKey(s.name()) || !objects && made.containsKey(s.name())) continue;
                // a type that overrides a slot or method refheap implements on a base (Exception.__init__,
                // list.__sizeof__) runs the base's implementation unless it has one of its own here
                Builtin inherited = inheritedImpl(t, s.name());
                if (!objects) {
                    defineJavaSide(t, s, inherited, made);
                    continue;
                }
                switch (s.kind()) {
                    case 'X' -> {
                        if (s.name().equals("__hash__")) attrs.put("__hash__", heap.None);  // unhashable: __hash__ = None
                        else if (s.name().equals("__doc__")) typeDictDoc(t, attrs);
                        else if (s.name().equals("__module__") && HeapTypeObjects.is(t)) attrs.put("__module__", rt.hold(heap.strs.of("builtins")));  // PyErr_NewException's
                    }
                    case 'S' -> {
                        Builtin own = t == heap.objectType ? null : genericSlot(t, s.name());
                        rt.defDescr(BuiltinDescrType.Kind.WRAPPER, t, s.name(), own == null && inherited != null ? inherited : slot(t, s.name()));
                    }
                    case 'M' -> {
                        Builtin own = method(t, s.name());
                        rt.defMethod(t, s.name(), own != null ? own : inherited != null ? inherited : unsupportedImpl(t, s.name()));
                    }
                    case 'C' -> rt.defDescr(BuiltinDescrType.Kind.CLASSMETHOD, t, s.name(), classMethod(t, s.name()));
                    case 'T' -> {  // a staticmethod around a builtin method bound to the type (str.maketrans)
                        long f = rt.builtinFunctionType.create(s.name(), staticMethod(t, s.name()), t.address(), null);
                        long sm = rt.staticMethodType.construct(new long[] {f}, 0, 1, 0);
                        heap.decref(f);
                        attrs.put(s.name(), rt.hold(sm));  // the runtime's reference, until the type dict takes it
                    }
                    case 'G', 'g', 'D', 'd' -> attrs.put(s.name(), rt.hold(rt.builtinGetSets.create(t, s.name(), s.kind())));
                    case 'N' -> attrs.put("__new__", rt.hold(rt.builtinFunctionType.create("__new__",
                            (self, a, o, n, kw) -> TypeCall.wrappedNew(rt, t, a, o, n, kw), t.address(), null)));
                    default -> { }
                }
            }
            if (quietCount >= 0) rt.gc.setYoungCount(quietCount);
        }
        if (!objects) {
            defined = null;  // the install's scratch
            return;
        }
        // one release for all the dicts: the runtime's list of held objects is walked once, not once per type
        OwnerCounts owned = new OwnerCounts(2048);  // some 1,600 descriptors and getsets
        for (PyType t : names.keySet()) {
            long quietCount = QUIET.contains(tableNames.get(t)) ? rt.gc.count()[0] : -1;
            typeDict(t, owned);
            if (quietCount >= 0) rt.gc.setYoungCount(quietCount);
        }
        rt.unhold(owned);
    }

    /**
     * type_dict_set_doc: the {@code __doc__} PyType_Ready puts in a builtin type's dict, tp_doc
     * without its text signature as a new str (None without tp_doc). Without CPython 3.11's docs
     * (BuiltinDocs) a type with a docstring has none in its dict (reading {@code T.__doc__} says why).
     */
    private void typeDictDoc(PyType t, Map<String, Long> attrs) {
        String raw = BuiltinDocs.startupDoc(t.name());
        if (raw == null ? DOC_NONE.contains(t.name()) : raw == BuiltinDocs.NULL) attrs.put("__doc__", heap.None);
        else if (raw != null) attrs.put("__doc__", rt.hold(heap.strs.of(BuiltinDocs.dictDoc(t.name(), raw))));
    }

    /**
     * What {@link #install}'s switch makes for slot {@code s} of {@code t}, without an object: the
     * entries (the same implementations, in the same order) and, in {@code made}, what the name's
     * lookup finds (the implementation of a wrapper or method descriptor, null for another value).
     */
    private void defineJavaSide(PyType t, Slot s, Builtin inherited, Map<String, Builtin> made) {
        String name = s.name();
        switch (s.kind()) {
            case 'X' -> {
                if (name.equals("__hash__") || name.equals("__module__") && HeapTypeObjects.is(t)) made.put(name, null);
                else if (name.equals("__doc__")) {
                    String raw = BuiltinDocs.startupDoc(t.name());
                    if (raw != null || DOC_NONE.contains(t.name())) made.put(name, null);  // typeDictDoc's None or str
                }
            }
            case 'S' -> {
                Builtin own = t == heap.objectType ? null : genericSlot(t, name);
                Builtin impl = own == null && inherited != null ? inherited : slot(t, name);
                rt.wrapperDescrType.defineEntry(t, name, impl);
                made.put(name, impl);
            }
            case 'M' -> {
                Builtin own = method(t, name);
                Builtin impl = own != null ? own : inherited != null ? inherited : unsupportedImpl(t, name);
                rt.methodDescrType.defineEntry(t, name, impl);
                made.put(name, impl);
            }
            case 'C' -> {
                rt.classMethodDescrType.defineEntry(t, name, classMethod(t, name));
                made.put(name, null);
            }
            case 'T' -> {
                rt.builtinFunctionType.defineEntry(name, staticMethod(t, name), null, null);
                made.put(name, null);
            }
            case 'G', 'g', 'D', 'd' -> {
                rt.builtinGetSets.defineEntry(t, name, s.kind());
                made.put(name, null);
            }
            case 'N' -> {
                rt.builtinFunctionType.defineEntry("__new__", (self, a, o, n, kw) -> TypeCall.wrappedNew(rt, t, a, o, n, kw), null, null);
                made.put("__new__", null);
            }
            default -> { }
        }
    }

    /** The implementation of a builtin descriptor named {@code name} on t's bases, or null. */
    private Builtin inheritedImpl(PyType t, String name) {
        PyType base = t.base() != null ? t.base() : t == heap.objectType ? null : heap.objectType;
        if (base == null) return null;
        if (defined != null) {
            // Ops.lookupType's walk over builtin types (the base's chain, then object), the names
            // install defined without objects found at each step as the others are
            if (base instanceof ClassType) throw new IllegalStateException("a builtin type " + t.name() + " derives from a class");
            for (PyType b = base; b != null; b = b.base()) {
                Builtin[] found = definedImpl(b, name);
                if (found != null) return found[0];
            }
            Builtin[] found = definedImpl(heap.objectType, name);
            return found == null ? null : found[0];
        }
        long v = rt.ops.lookupType(base, name);
        return descriptorImpl(v);
    }

    /** What the lookup of {@code name} finds on {@code b} itself (its implementation, null for another value), or null for nothing. */
    private Builtin[] definedImpl(PyType b, String name) {
        Map<String, Builtin> made = defined.get(b);
        if (made != null && made.containsKey(name)) return new Builtin[] {made.get(name)};
        Map<String, Long> attrs = rt.typeAttrs.get(b);
        Long v = attrs == null ? null : attrs.get(name);
        return v == null || v == 0 ? null : new Builtin[] {descriptorImpl(v)};
    }

    private Builtin descriptorImpl(long v) {
        return v != 0 && heap.typeOf(v) instanceof BuiltinDescrType bd && bd.kind != BuiltinDescrType.Kind.CLASSMETHOD ? bd.entry(v).impl() : null;
    }

    /**
     * The dict a builtin type's {@code __dict__} shows (borrowed): made once, its entries in the
     * table's order (then names refheap adds). The dict then owns the descriptors in it instead
     * of the runtime, so each keeps CPython's one reference from its type's dict. Names refheap has
     * no object for (a builtin type's {@code __doc__} without CPython's docs) are absent.
     */
    long typeDict(PyType t) {
        Long d = dicts.get(t);
        if (d != null) return d;
        OwnerCounts owned = new OwnerCounts(64);
        long dict = typeDict(t, owned);
        rt.unhold(owned);
        return dict;
    }

    /** Makes t's dict; counts in {@code owned} the objects it now owns, for the caller to unhold. */
    private long typeDict(PyType t, OwnerCounts owned) {
        long dict = rt.hold(heap.dicts.create());
        dicts.put(t, dict);
        owned.nextDict();
        Map<String, Long> attrs = rt.typeAttrs.getOrDefault(t, Map.of());
        java.util.Set<String> done = new java.util.HashSet<>();
        List<String> order = new ArrayList<>();
        for (Slot s : names.getOrDefault(t, List.of())) order.add(s.name());
        List<String> rest = new ArrayList<>(attrs.keySet());
        java.util.Collections.sort(rest);  // no stream: this runs cold, at every start-up
        order.addAll(rest);
        for (String name : order) {
            Long v = attrs.get(name);
            if (v == null || !done.add(name)) continue;
            heap.dicts.setItem(dict, name, v);
            if (v != heap.None && heap.typeOf(v) != rt.heap.typeType) owned.countOnce(v);
        }
        return dict;
    }

    final Map<PyType, Long> dicts = new HashMap<>();

    /**
     * The dict of a native module's heap type ({@link VmApi#readyHeapType}), a new reference its
     * type object takes: the entries made so far in the order they were made (the type's methods,
     * descriptors and {@code __new__}, as PyType_Ready puts a spec's slots, methods, members and
     * getsets), then {@code extra}'s; the dict owns them instead of the runtime.
     */
    long heapTypeDict(PyType t, Map<String, Long> extra) {
        OwnerCounts owned = new OwnerCounts(64);
        owned.nextDict();
        long dict = heap.dicts.create();
        Map<String, Long> attrs = rt.typeAttrs.computeIfAbsent(t, k -> new java.util.LinkedHashMap<>());
        for (var e : attrs.entrySet()) {
            long v = e.getValue();
            heap.dicts.setItem(dict, e.getKey(), v);
            if (v != heap.None && heap.typeOf(v) != rt.heap.typeType) owned.countOnce(v);
        }
        for (var e : extra.entrySet()) {
            heap.dicts.setItem(dict, e.getKey(), e.getValue());
            heap.decref(e.getValue());  // the dict's reference is the one
            attrs.put(e.getKey(), e.getValue());
        }
        rt.unhold(owned);
        dicts.put(t, dict);
        return dict;
    }

    /** CPython's {basicsize, itemsize, weakrefoffset, dictoffset} of builtin type t, or null if the table has no line for it. */
    long[] layout(PyType t) {
        String name = tableNames.get(t);
        return name == null ? null : Table.layouts().get(name);
    }

    /**
     * Types whose dicts the table gives after the small start-up's count0 was settled (weakref's
     * three, session 21): their descriptors and dicts are made without moving count0, so the
     * collector's schedule from a program's first line is what it was without them (count0 at
     * start is refheap's own, StartupState; the seed notebook's collections depend on it), as the
     * builtin types' subclass weakrefs are made (Subclasses.createStartupDicts).
     */
    private static final java.util.Set<String> QUIET = java.util.Set.of("ReferenceType", "ProxyType", "CallableProxyType", "generic_alias_iterator",
            // session 26: the other static types CPython readies at start-up (the last four refheap implements; the
            // others are UnmodelledStaticType): their objects are at the first line, count0 as it was (the small
            // start-up's seed notebook schedule depends on it, and the constructor does not know which start-up follows)
            "stderrprinter", "InterpreterID", "symtable_entry", "moduledef", "instancemethod", "PickleBuffer",
            "builtin_method", "callable_iterator", "async_generator_wrapped_value", "managedbuffer", "memory_iterator",
            "hamt_array_node", "hamt_bitmap_node", "hamt_collision_node", "keys", "values", "items",
            // the context types and the hamt, readied in the constructor as CPython's start-up readies them (ContextVarsModule.readyTypes)
            "Context", "ContextVar", "Token", "MISSING", "hamt", "formatteriterator", "fieldnameiterator");

    /** The table's name of each type it has a line for (its __name__: weakref's types' tp_name is "weakref.X"). */
    private final Map<PyType, String> tableNames = new HashMap<>();

    /**
     * Reads the table now, if no runtime has yet: {@code Main} calls it on the launching thread
     * while the interpreter's thread compiles the program and makes the heap, so the runtime's
     * set-up finds it parsed (it is the same for every runtime of the process). A failure is
     * left for the runtime to report.
     */
    static void preload() {
        try {
            Table.dicts();
        } catch (RuntimeException e) {
            // reported where a runtime needs the table
        }
    }

    /**
     * {@code builtin-type-dicts.txt}, parsed once per process (class initialisation: a second
     * thread asking waits for the first): each line is a type's name, then its dict's entries as
     * {@code name:K} (K the kind letter) and its layout as {@code =basicsize,itemsize,weakrefoffset,dictoffset,flags}.
     * The file is ASCII; it is scanned by hand, as start-up runs this in the bytecode interpreter.
     * Immutable once made.
     */
    private static final class Table {
        private static final Map<String, List<Slot>> DICTS = new LinkedHashMap<>();
        /** Each builtin type's tp_basicsize, tp_itemsize, tp_weaklistoffset and tp_dictoffset (and flags) in CPython 3.11, by name. */
        private static final Map<String, long[]> LAYOUTS = new HashMap<>();
        private static final RuntimeException FAILURE;

        static {
            RuntimeException failure = null;
            try (var in = SlotWrappers.class.getResourceAsStream("builtin-type-dicts.txt")) {
                if (in == null) throw new IllegalStateException("builtin-type-dicts.txt is missing from refheap's resources");
                parse(in.readAllBytes());
            } catch (IOException e) {
                failure = new UncheckedIOException(e);
            } catch (RuntimeException e) {
                failure = e;
            }
            FAILURE = failure;
        }

        static Map<String, List<Slot>> dicts() {
            if (FAILURE != null) throw FAILURE;
            return DICTS;
        }

        static Map<String, long[]> layouts() {
            if (FAILURE != null) throw FAILURE;
            return LAYOUTS;
        }

        private static void parse(byte[] text) {
            int i = 0, n = text.length;
            while (i < n) {
                int eol = i;
                while (eol < n && text[eol] != '\n') eol++;
                String type = null;
                List<Slot> slots = new ArrayList<>();
                long[] layout = null;
                int p = i;
                while (p < eol) {
                    while (p < eol && (text[p] == ' ' || text[p] == '\r' || text[p] == '\t')) p++;
                    int end = p;
                    while (end < eol && text[end] != ' ' && text[end] != '\r' && text[end] != '\t') end++;
                    if (end == p) break;
                    if (type == null) {
                        type = new String(text, p, end - p, StandardCharsets.ISO_8859_1);
                    } else if (text[p] == '=') {
                        if (layout == null) layout = numbers(text, p + 1, end);
                    } else {
                        int colon = end - 1;
                        while (colon > p && text[colon] != ':') colon--;
                        if (colon == p || colon + 1 >= end) throw new IllegalStateException("builtin-type-dicts.txt: bad entry in " + type);
                        slots.add(new Slot(new String(text, p, colon - p, StandardCharsets.ISO_8859_1), (char) text[colon + 1]));
                    }
                    p = end;
                }
                if (type != null) {
                    DICTS.putIfAbsent(type, java.util.Collections.unmodifiableList(slots));
                    if (layout != null) LAYOUTS.putIfAbsent(type, layout);
                }
                i = eol + 1;
            }
        }

        /** The comma-separated decimal numbers in text[from, to). */
        private static long[] numbers(byte[] text, int from, int to) {
            int count = 1;
            for (int k = from; k < to; k++) if (text[k] == ',') count++;
            long[] out = new long[count];
            int at = 0;
            boolean negative = false;
            long v = 0;
            for (int k = from; k <= to; k++) {
                if (k == to || text[k] == ',') {
                    out[at++] = negative ? -v : v;
                    v = 0;
                    negative = false;
                } else if (text[k] == '-') {
                    negative = true;
                } else if (text[k] >= '0' && text[k] <= '9') {
                    v = v * 10 + (text[k] - '0');
                } else {
                    throw new IllegalStateException("builtin-type-dicts.txt: bad number in a layout");
                }
            }
            return out;
        }
    }

    // ---- implementations ---------------------------------------------------------------------

    private PyException unsupported(PyType t, String name) {
        return rt.error("NotImplementedError", "refheap does not support " + Ops.shortName(t) + "." + name + " yet");
    }

    private Builtin method(PyType t, String name) {
        if (t == heap.objectType) {
            switch (name) {
                case "__format__": return (s, a, o, n, kw) -> {
                    Args.exactly(rt, "__format__", n, kw, 1);
                    if (!Heap.isStr(a[o])) throw rt.typeError("__format__() argument must be str, not " + rt.ops.typeName(a[o]));
                    if (StrType.length(a[o]) > 0) throw rt.typeError("unsupported format string passed to " + rt.ops.typeName(s) + ".__format__");
                    return rt.ops.strObject(s);
                };
                case "__dir__": return (s, a, o, n, kw) -> {
                    Args.exactly(rt, "__dir__", n, kw, 0);
                    return Dir.objectDir(rt, s);
                };
                // object___reduce___impl: _common_reduce at protocol 0 (copyreg._reduce_ex(self, 0))
                case "__reduce__": return (s, a, o, n, kw) -> {
                    Args.exactly(rt, "object.__reduce__", n, kw, 0);
                    return ObjectReduce.commonReduce(rt, s, 0);
                };
                default:
            }
        }
        if (t == rt.frameType && name.equals("clear")) return (s, a, o, n, kw) -> {
            Args.exactly(rt, "frame.clear", n, kw, 0);
            rt.frameType.clearFrame(s);
            return Builtins.incref(heap, heap.None);
        };
        if (t == heap.typeType && (name.equals("__instancecheck__") || name.equals("__subclasscheck__"))) {
            // type___instancecheck__ / type___subclasscheck__: the real checks, without asking a
            // metaclass again (what a metaclass's own check reaches with super())
            boolean instance = name.equals("__instancecheck__");
            return (s, a, o, n, kw) -> {
                Args.exactly(rt, name, n, kw, 1);
                if (instance) return rt.ops.bool(Builtins.realIsInstance(rt, a[o], s));
                if (!rt.ops.isTypeObject(a[o])) throw rt.typeError("issubclass() arg 1 must be a class");
                return rt.ops.bool(rt.ops.isSubtype(heap.typeAt(a[o]), heap.typeAt(s)));
            };
        }
        if (t == heap.typeType && name.equals("mro")) {
            // type.mro: the C3 linearization of the type's bases as a list (a class's computed again: a
            // metaclass's own mro() may have given its __mro__ another order); a builtin type's __mro__
            return (s, a, o, n, kw) -> {
                Args.exactly(rt, Ops.shortName(heap.typeAt(s)) + ".mro", n, kw, 0);  // the bound method's qualname
                if (heap.typeAt(s) instanceof ClassType c) return heap.lists.of(ClassFactory.c3Of(rt, c, s));
                long mro = rt.ops.typeSpecial(s, "__mro__");
                try {
                    long[] items = new long[(int) dev.refheap.object.TupleType.size(mro)];
                    for (int i = 0; i < items.length; i++) items[i] = dev.refheap.object.TupleType.item(mro, i);
                    return heap.lists.of(items);
                } finally {
                    heap.decref(mro);
                }
            };
        }
        switch (name) {
            case "count", "index":
                if (t == rt.rangeType) return rangeCountIndex(name.equals("index"));
                break;
            case "__reduce__":  // the builtin iterators' (on an instance of a subclass of enumerate, map...: its own type)
                if (t == heap.typeOf(rt.ellipsis)) return unary(name, s -> heap.strs.of("Ellipsis"));  // ellipsis_reduce: the global's name
                if (t == heap.typeOf(rt.notImplemented)) return unary(name, s -> heap.strs.of("NotImplemented"));  // notimplemented_reduce
                if (t instanceof IterType) return unary(name, s -> rt.iterType.reduce(s));
                // set_reduce: (type(self), (list(self),), self.__getstate__()), the list made first
                if (t == heap.sets || t == heap.frozensets) return unary(name, s -> {
                    long keys = Builtins.toList(rt, s), args = 0, state = 0;
                    try {
                        args = heap.tuples.of(keys);
                        state = rt.ops.callMethod(s, "__getstate__");
                        return heap.tuples.of(Heap.typeAddress(s), args, state);
                    } finally {
                        heap.decref(keys);
                        heap.xdecref(args);
                        heap.xdecref(state);
                    }
                });
                // method_reduce, descr_reduce, wrapper_reduce: (getattr, (owner, name)), so pickle finds them again
                if (t == rt.methodType) return unary(name, s -> {
                    long nameStr = heap.strs.internedOf("__name__");
                    long fname;
                    try {
                        fname = rt.ops.getAttr(MethodType.func(s), nameStr);
                    } finally {
                        heap.decref(nameStr);
                    }
                    try {
                        return getattrReduce(MethodType.self(s), fname);
                    } finally {
                        heap.decref(fname);
                    }
                });
                if (t == rt.methodDescrType || t == rt.wrapperDescrType) return unary(name, s -> {
                    BuiltinFunctionType.Entry e = ((BuiltinDescrType) t).entry(s);
                    long n = heap.strs.of(e.name());
                    try {
                        return getattrReduce(e.owner().address(), n);
                    } finally {
                        heap.decref(n);
                    }
                });
                if (t == rt.methodWrapperType) return unary(name, s -> {
                    long n = heap.strs.of(rt.methodWrapperType.entry(s).name());
                    try {
                        return getattrReduce(MethodWrapperType.self(s), n);
                    } finally {
                        heap.decref(n);
                    }
                });
                if (t == rt.rangeType.iterType || t == rt.rangeType.longIterType) return unary(name, s -> rangeIterReduce(s));
                if (t == rt.rangeType) return unary(name, s -> {  // range_reduce: (range, (start, stop, step))
                    long args = heap.tuples.of(dev.refheap.memory.Native.getLong(s + RangeType.START),
                            dev.refheap.memory.Native.getLong(s + RangeType.STOP), dev.refheap.memory.Native.getLong(s + RangeType.STEP));
                    try {
                        return heap.tuples.of(Heap.typeAddress(s), args);
                    } finally {
                        heap.decref(args);
                    }
                });
                break;
            case "__setstate__":
                if (t == rt.rangeType.iterType || t == rt.rangeType.longIterType) return (s, a, o, n, kw) -> {
                    args(name, n, kw, 1);
                    rangeIterSetState(s, a[o]);
                    return Builtins.incref(heap, heap.None);
                };
                if (t instanceof IterType) return (s, a, o, n, kw) -> {
                    args(name, n, kw, 1);
                    rt.iterType.setState(s, a[o]);
                    return Builtins.incref(heap, heap.None);
                };
                break;
            case "__length_hint__":  // the builtin iterators' (the items still to come)
                if (t instanceof IterType) return (s, a, o, n, kw) -> {
                    Args.exactly(rt, Ops.shortName(t) + ".__length_hint__", n, kw, 0);
                    long h = rt.iterType.lengthHint(s);
                    if (h == IterType.NO_HINT) return Builtins.incref(heap, rt.notImplemented);
                    if (h < 0) throw unsupported(t, name);
                    return heap.ints.of(h);
                };
                if (t == rt.rangeType.iterType) return (s, a, o, n, kw) -> {
                    Args.exactly(rt, Ops.shortName(t) + ".__length_hint__", n, kw, 0);
                    return heap.ints.of(RangeType.RangeIterType.remaining(s));
                };
                if (t == rt.rangeType.longIterType) return (s, a, o, n, kw) -> {
                    Args.exactly(rt, Ops.shortName(t) + ".__length_hint__", n, kw, 0);
                    return heap.ints.of(rt.rangeType.longIterType.remainingBig(s));  // len - index, an int of any size
                };
                break;
            case "__getitem__", "__contains__": {
                Builtin b = genericSlot(t, name);
                Builtin asBase = t.isDataBase() ? baseSlot(t, name) : null;
                return (s, a, o, n, kw) -> {
                    if (asBase != null && heap.typeOf(s) != t && rt.ops.baseView(s) == t) return asBase.call(s, a, o, n, kw);
                    builtinSelf(t, name, s);
                    return b.call(s, a, o, n, kw);
                };
            }
            case "__format__": return (s, a, o, n, kw) -> {
                Args.exactly(rt, "__format__", n, kw, 1);
                if (!Heap.isStr(a[o])) throw rt.typeError("__format__() argument must be str, not " + rt.ops.typeName(a[o]));
                if (StrType.length(a[o]) == 0 && heap.typeOf(s) != t && (t instanceof IntType || t == heap.floats || t == heap.strs || t == rt.complexType)
                        && rt.ops.isInstance(s, t)) {
                    // format_obj: an empty spec on an instance of a subclass of int, float, str or
                    // complex (a bool too) is str(self), its own __str__ included (an enum's member's name)
                    return rt.ops.strObject(s);
                }
                if (t.isDataBase() && heap.typeOf(s) != t && rt.ops.baseView(s) == t) {
                    return heap.strs.of(Formats.format(rt, s, StrType.value(a[o])));  // the base's own formatting, not an override
                }
                builtinSelf(t, name, s);
                return heap.strs.of(rt.ops.format(s, StrType.value(a[o])));
            };
            case "__round__":
                if (t instanceof IntType || t == heap.floats) return (s, a, o, n, kw) -> {  // int's or float's own, on any instance
                    Args.range(rt, "__round__", n, kw, 0, 1);
                    return Builtins.roundAs(rt, t, s, n == 0 ? 0 : a[o]);
                };
                return (s, a, o, n, kw) -> {
                Args.range(rt, "__round__", n, kw, 0, 1);
                if (!(t.isDataBase() && heap.typeOf(s) != t && rt.ops.baseView(s) == t && rt.ops.asBuiltin(heap.typeOf(s), "__round__") == t)) builtinSelf(t, name, s);
                return n == 0 ? callBuiltin("round", s) : callBuiltin("round", s, a[o]);
            };
            case "__bytes__":  // bytes___bytes__: an exact bytes is itself, a subclass instance's bytes are copied
                if (t == heap.bytes) return unary(name, s -> heap.typeOf(s) == heap.bytes ? Builtins.incref(heap, s)
                        : heap.bytes.of(dev.refheap.object.BytesType.value(s)));
                break;
            case "__trunc__", "__floor__", "__ceil__":
                if (t instanceof IntType) return unary(name, s -> heap.typeOf(s) == heap.ints ? Builtins.incref(heap, s) : heap.ints.of(IntType.toBig(s)));  // int_int
                if (t == heap.floats) return unary(name, s -> {  // float___trunc__, float___floor__, float___ceil__
                    double d = dev.refheap.object.FloatType.value(s);
                    if (Double.isNaN(d)) throw rt.error("ValueError", "cannot convert float NaN to integer");
                    if (Double.isInfinite(d)) throw rt.error("OverflowError", "cannot convert float infinity to integer");
                    double r = name.equals("__floor__") ? Math.floor(d) : name.equals("__ceil__") ? Math.ceil(d) : d;
                    return heap.ints.of(new java.math.BigDecimal(r).toBigInteger());
                });
                break;
            default:
        }
        if (name.equals("__dir__") && (t == heap.typeType || t == rt.moduleType)) {
            return (s, a, o, n, kw) -> {
                Args.exactly(rt, "__dir__", n, kw, 0);
                return t == heap.typeType ? Dir.typeDir(rt, s) : Dir.objectDir(rt, s);
            };
        }
        return null;
    }

    /**
     * rangeiter_reduce / longrangeiter_reduce: (iter, (range(start, start + len * step, step),), index)
     * (a range_iterator's stop in C long arithmetic, as 3.11 computes it).
     */
    private long rangeIterReduce(long it) {
        if (heap.typeOf(it) == rt.rangeType.iterType) {
            long s0 = RangeType.RangeIterType.start(it), st = RangeType.RangeIterType.step(it), n = RangeType.RangeIterType.length(it);
            long range = rt.rangeType.create(java.math.BigInteger.valueOf(s0), java.math.BigInteger.valueOf(s0 + n * st), java.math.BigInteger.valueOf(st));
            return rangeIterReduced(range, java.math.BigInteger.valueOf(RangeType.RangeIterType.index(it)));
        }
        java.math.BigInteger start = IntType.toBig(dev.refheap.memory.Native.getLong(it + RangeType.LongRangeIterType.START));
        java.math.BigInteger step = IntType.toBig(dev.refheap.memory.Native.getLong(it + RangeType.LongRangeIterType.STEP));
        java.math.BigInteger len = IntType.toBig(dev.refheap.memory.Native.getLong(it + RangeType.LongRangeIterType.LEN));
        java.math.BigInteger index = IntType.toBig(dev.refheap.memory.Native.getLong(it + RangeType.LongRangeIterType.INDEX));
        return rangeIterReduced(rt.rangeType.create(start, start.add(len.multiply(step)), step), index);
    }

    /** (iter, (range,), index), the range's reference taken over. */
    private long rangeIterReduced(long range, java.math.BigInteger index) {
        long args = heap.tuples.of(range);
        heap.decref(range);
        long i = heap.ints.of(index);
        try {
            return heap.tuples.of(heap.dicts.getItem(rt.builtinsDict, "iter"), args, i);
        } finally {
            heap.decref(args);
            heap.decref(i);
        }
    }

    /** rangeiter_setstate: the index clipped to [0, len]. */
    private void rangeIterSetState(long it, long state) {
        if (!(rt.ops.baseView(state) instanceof IntType)) throw rt.typeError("an integer is required");
        java.math.BigInteger index = IntType.toBig(state);
        if (heap.typeOf(it) == rt.rangeType.iterType) {
            if (index.bitLength() > 63) throw rt.error("OverflowError", "Python int too large to convert to C long");
            RangeType.RangeIterType.setIndex(it, Math.max(0, Math.min(index.longValue(), RangeType.RangeIterType.length(it))));
            return;
        }
        java.math.BigInteger len = IntType.toBig(dev.refheap.memory.Native.getLong(it + RangeType.LongRangeIterType.LEN));
        if (index.signum() < 0) index = java.math.BigInteger.ZERO;
        else if (index.compareTo(len) > 0) index = len;
        long old = dev.refheap.memory.Native.getLong(it + RangeType.LongRangeIterType.INDEX);
        dev.refheap.memory.Native.putLong(it + RangeType.LongRangeIterType.INDEX, heap.ints.of(index));
        heap.decref(old);
    }

    /** range.count(x) and range.index(x): arithmetic for an int, a scan by == for anything else. */
    private Builtin rangeCountIndex(boolean index) {
        return (s, a, o, n, kw) -> {
            Args.exactly(rt, index ? "index" : "count", n, kw, 1);
            return rt.rangeType.countOrIndex(s, a[o], index);
        };
    }

    private Builtin unsupportedImpl(PyType t, String name) {
        return (s, a, o, n, kw) -> { throw unsupported(t, name); };
    }

    private Builtin classMethod(PyType t, String name) {
        if (t == heap.objectType && name.equals("__subclasshook__")) return (s, a, o, n, kw) -> Builtins.incref(heap, rt.notImplemented);
        if (name.equals("__class_getitem__")) return (s, a, o, n, kw) -> {
            Args.exactly(rt, "__class_getitem__", n, kw, 1);
            return rt.genericAliasType.alias(s, GenericAliasType.argsOf(heap, a[o]));
        };
        return unsupportedImpl(t, name);
    }

    /** The builtin static methods: str.maketrans, bytes.maketrans and bytearray.maketrans. */
    private Builtin staticMethod(PyType t, String name) {
        if (!name.equals("maketrans")) return unsupportedImpl(t, name);
        if (t == heap.strs) return (s, a, o, n, kw) -> strMaketrans(a, o, n, kw);
        return (s, a, o, n, kw) -> {
            Args.exactly(rt, "maketrans", n, kw, 2);
            byte[] from = BufferProtocol.bytesOrNull(rt, a[o]), to = BufferProtocol.bytesOrNull(rt, a[o + 1]);
            if (from == null) throw rt.typeError("a bytes-like object is required, not '" + rt.ops.typeName(a[o]) + "'");
            if (to == null) throw rt.typeError("a bytes-like object is required, not '" + rt.ops.typeName(a[o + 1]) + "'");
            if (from.length != to.length) throw rt.error("ValueError", "maketrans arguments must have same length");
            byte[] table = new byte[256];
            for (int i = 0; i < 256; i++) table[i] = (byte) i;
            for (int i = 0; i < from.length; i++) table[from[i] & 0xff] = to[i];
            return heap.bytes.of(table);
        };
    }

    /** str.maketrans(x[, y[, z]]): the translation dict of code points that str.translate takes. */
    private long strMaketrans(long[] a, int o, int n, long kw) {
        Args.range(rt, "maketrans", n, kw, 1, 3);
        for (int i = 1; i < n; i++) {
            if (heap.typeOf(a[o + i]) != heap.strs && !rt.ops.isInstance(a[o + i], heap.strs)) {
                throw rt.typeError("maketrans() argument " + (i + 1) + " must be str, not " + rt.ops.typeName(a[o + i]));
            }
        }
        long d = heap.dicts.create();
        try {
            if (n == 1) {
                long x = a[o];
                if (!(heap.typeOf(x) instanceof dev.refheap.object.DictType) && !rt.ops.isInstance(x, heap.dicts)) {
                    throw rt.typeError("if you give only one argument to maketrans it must be a dict");
                }
                java.util.List<long[]> items = new ArrayList<>();
                heap.dicts.forEach(x, (k, v) -> items.add(new long[] {k, v}));
                for (long[] kv : items) {
                    long key;
                    if (rt.ops.isInstance(kv[0], heap.strs)) {
                        String ks = StrType.value(kv[0]);
                        if (ks.codePointCount(0, ks.length()) != 1) throw rt.error("ValueError", "string keys in translate table must be of length 1");
                        key = heap.ints.of(ks.codePointAt(0));
                    } else if (heap.typeOf(kv[0]) instanceof IntType) {
                        key = Builtins.incref(heap, kv[0]);
                    } else {
                        throw rt.typeError("keys in translate table must be strings or integers");
                    }
                    try {
                        heap.dicts.setItem(d, key, kv[1]);
                    } finally {
                        heap.decref(key);
                    }
                }
                return d;
            }
            if (!rt.ops.isInstance(a[o], heap.strs)) throw rt.typeError("first maketrans argument must be a string if there is a second argument");
            int[] x = StrType.value(a[o]).codePoints().toArray(), y = StrType.value(a[o + 1]).codePoints().toArray();
            if (x.length != y.length) throw rt.error("ValueError", "the first two maketrans arguments must have equal length");
            for (int i = 0; i < x.length; i++) {
                long k = heap.ints.of(x[i]), v = heap.ints.of(y[i]);
                try {
                    heap.dicts.setItem(d, k, v);
                } finally {
                    heap.decref(k);
                    heap.decref(v);
                }
            }
            if (n == 3) {
                for (int c : StrType.value(a[o + 2]).codePoints().toArray()) {
                    long k = heap.ints.of(c);
                    try {
                        heap.dicts.setItem(d, k, heap.None);
                    } finally {
                        heap.decref(k);
                    }
                }
            }
            return d;
        } catch (dev.refheap.object.PyError e) {
            heap.decref(d);
            throw rt.fromPyError(e);
        } catch (RuntimeException e) {
            heap.decref(d);
            throw e;
        }
    }

    /** "expected N argument(s), got M" (check_num_args) and no keywords. */
    private void args(String name, int n, long kw, int want) {
        Args.noKeywords(rt, "wrapper " + name, kw);
        if (n != want) throw rt.typeError("expected " + want + " argument" + (want == 1 ? "" : "s") + ", got " + n);
    }

    /** Refuses an instance of a class derived from t (its own methods would be called instead of t's), module's excepted. */
    private void builtinSelf(PyType t, String name, long s) {
        // (module's slots read md_dict, which a module subclass's instance has where a module has it)
        if (t != heap.objectType && t != rt.moduleType && heap.typeOf(s) instanceof ClassType c && !c.exceptionBased
                && !(c.dataBase == t && rt.ops.lookupUserOnly(c, name) == 0) && !(name.equals("__getattribute__") && genericGetattro(t))) {
            // (a tuple, list, dict or set subclass that does not define the method itself gets its
            // base's behaviour from the object protocol, Ops.asBuiltin, so the generic slot applies
            // the base's operation)
            throw rt.error("NotImplementedError", "refheap does not support " + Ops.shortName(t) + "." + name
                    + " on an instance of a subclass ('" + c.name() + "') yet");
        }
    }

    /** Whether t's tp_getattro is PyObject_GenericGetAttr (the containers, numbers, str and bytes): object's, on any instance. */
    private boolean genericGetattro(PyType t) {
        return t == heap.tuples || t == heap.lists || t == heap.dicts || t == heap.sets || t == heap.frozensets || t == heap.strs
                || t == heap.bytes || t == heap.ints || t == heap.floats;
    }

    private Builtin slot(PyType t, String name) {
        Builtin b = objectSlot(t, name);
        if (b != null) return b;
        if (t == heap.typeType && (name.equals("__or__") || name.equals("__ror__"))) {
            // type_or (nb_or, which metaclasses inherit): the union of the two, or NotImplemented
            boolean reflected = name.equals("__ror__");
            return (s, a, o, n, kw) -> {
                args(name, n, kw, 1);
                long u = reflected ? rt.unionType.union(a[o], s) : rt.unionType.union(s, a[o]);
                return u != 0 ? u : Builtins.incref(heap, rt.notImplemented);
            };
        }
        if (name.equals("__len__") && (t == heap.tuples || t == heap.lists || t == heap.dicts)) {
            // the size in the base's own layout, which an instance of a subclass shares
            return (s, a, o, n, kw) -> {
                args(name, n, kw, 0);
                return heap.ints.of(t == heap.tuples ? dev.refheap.object.TupleType.size(s)
                        : t == heap.lists ? dev.refheap.object.ListType.size(s) : dev.refheap.object.DictType.size(s));
            };
        }
        if (t instanceof IterType && name.equals("__iter__")) return unary(name, s -> Builtins.incref(heap, s));  // PyObject_SelfIter
        if (t instanceof IterType && name.equals("__next__")) {
            // the builtin iterator's own tp_iternext, on a subclass's instance too (super().__next__())
            return unary(name, s -> {
                long r = rt.iterType.next(s);
                if (r == 0) throw new PyException(rt.newException("StopIteration", null));
                return r;
            });
        }
        Builtin generic = genericSlot(t, name);
        if (generic == null) return unsupportedImpl(t, name);
        Builtin asBase = t.isDataBase() ? baseSlot(t, name) : null;
        boolean typeRepr = t == heap.typeType && name.equals("__repr__");
        return (s, a, o, n, kw) -> {
            if (asBase != null && heap.typeOf(s) != t && rt.ops.baseView(s) == t) return asBase.call(s, a, o, n, kw);
            if (typeRepr && rt.ops.isTypeObject(s)) {  // type_repr on a class whose metaclass overrides __repr__ (super().__repr__())
                args(name, n, kw, 0);
                return heap.strs.of("<class '" + rt.ops.qualifiedTypeName(s) + "'>");
            }
            builtinSelf(t, name, s);
            return generic.call(s, a, o, n, kw);
        };
    }

    /**
     * A container's slot applied to an instance of a subclass ({@code super().__setitem__(k, v)},
     * {@code list.__len__(self)}): the base's own operation on the base's layout, never the
     * subclass's override; null for the slots that are the generic ones' already (__init__) or
     * that refheap applies only through the protocol (refused by {@link #builtinSelf}).
     */
    private Builtin baseSlot(PyType t, String name) {
        BinaryOp op = binary.get(name);
        BinaryOp rop = reflected.get(name);
        if ((op != null || rop != null) && t instanceof ExtType x) {  // complex's, bytearray's own nb_/sq_ slots
            BinaryOp bop = op != null ? op : rop;
            return (s, a, o, n, kw) -> {
                args(name, n, kw, 1);
                long other = a[o];
                if (t == rt.complexType && !numberOperand(t, other)) return Builtins.incref(heap, rt.notImplemented);
                if (t != rt.complexType && bop.base() == BinaryOp.MULTIPLY) repeatCount(other);
                long r = bop.isInplace() ? x.inplace(bop.base(), s, other) : 0;
                if (r == 0) r = rop != null ? x.binary(bop.base(), other, s) : x.binary(bop.base(), s, other);
                return r != 0 ? r : Builtins.incref(heap, rt.notImplemented);
            };
        }
        if ((op != null || rop != null) && isNumberType(t)) {
            BinaryOp bop = op != null ? op : rop;
            return (s, a, o, n, kw) -> {
                args(name, n, kw, 1);
                long other = a[o];
                if (!numberOperand(t, other)) return Builtins.incref(heap, rt.notImplemented);
                PyType ot = rt.ops.baseView(other);
                try {
                    long r = rop != null ? Numbers.binary(rt, bop.base(), other, s, ot, t) : Numbers.binary(rt, bop.base(), s, other, t, ot);
                    return r != 0 ? r : Builtins.incref(heap, rt.notImplemented);
                } catch (dev.refheap.object.PyError e) {
                    throw rt.fromPyError(e);
                }
            };
        }
        if (op != null || rop != null) {
            BinaryOp bop = op != null ? op : rop;
            return (s, a, o, n, kw) -> {
                args(name, n, kw, 1);
                long other = a[o];
                PyType ot = rt.ops.baseView(other);
                if (bop.base() == BinaryOp.MULTIPLY) repeatCount(other);
                if (isSetLike(t) && !isSetLike(ot)) return Builtins.incref(heap, rt.notImplemented);
                if (t == heap.dicts && bop == BinaryOp.OR && ot != heap.dicts) return Builtins.incref(heap, rt.notImplemented);  // dict_ior takes any mapping or pairs
                long r = rop != null ? Sequences.binary(rt, bop, other, s, ot, t) : Sequences.binary(rt, bop, s, other, t, ot);
                return r != 0 ? r : Builtins.incref(heap, rt.notImplemented);
            };
        }
        int cmp = switch (name) { case "__lt__" -> 0; case "__le__" -> 1; case "__eq__" -> 2; case "__ne__" -> 3; case "__gt__" -> 4; case "__ge__" -> 5; default -> -1; };
        if (cmp >= 0) return (s, a, o, n, kw) -> {
            args(name, n, kw, 1);
            Boolean r = rt.ops.compareAsBuiltin(cmp, s, t, a[o], rt.ops.baseView(a[o]));
            return r == null ? Builtins.incref(heap, rt.notImplemented) : rt.ops.bool(r);
        };
        return switch (name) {
            case "__repr__" -> unary(name, s -> heap.strs.of(rt.ops.reprAs(t, s)));
            case "__str__" -> t == heap.strs ? unary(name, s -> heap.strs.fresh(StrType.value(s)))  // unicode_str: _PyUnicode_Copy
                    : t == rt.byteArrayType ? unary(name, s -> heap.strs.of(rt.byteArrayType.repr(s)))  // bytearray_str
                    : t == heap.bytes ? unary(name, s -> heap.strs.of(rt.ops.reprAs(heap.bytes, s))) : null;  // bytes_str
            case "__len__" -> unary(name, s -> heap.ints.of(rt.ops.lenAs(t, s)));
            case "__iter__" -> unary(name, s -> rt.ops.iterAs(t, s));
            case "__hash__" -> unary(name, s -> {
                try {
                    return heap.ints.of(t.hash(s));
                } catch (dev.refheap.object.PyError e) {
                    throw rt.fromPyError(e);
                }
            });
            case "__getitem__" -> (s, a, o, n, kw) -> {
                args(name, n, kw, 1);
                return Sequences.getItem(rt, t, s, a[o]);
            };
            case "__contains__" -> (s, a, o, n, kw) -> {
                args(name, n, kw, 1);
                return rt.ops.bool(rt.ops.containsAs(t, s, a[o]));
            };
            case "__setitem__" -> (s, a, o, n, kw) -> {
                args(name, n, kw, 2);
                Sequences.setItem(rt, t, s, a[o], a[o + 1]);
                return Builtins.incref(heap, heap.None);
            };
            case "__delitem__" -> (s, a, o, n, kw) -> {
                args(name, n, kw, 1);
                Sequences.delItem(rt, t, s, a[o]);
                return Builtins.incref(heap, heap.None);
            };
            case "__init__" -> initSlot(t);
            case "__divmod__", "__rdivmod__" -> isNumberType(t) && t != rt.complexType ? (s, a, o, n, kw) -> {
                args(name, n, kw, 1);
                long other = a[o];
                if (!numberOperand(t, other)) return Builtins.incref(heap, rt.notImplemented);
                boolean swapped = name.equals("__rdivmod__");
                long r = swapped ? NumberBuiltins.divmodAs(rt, other, s, rt.ops.baseView(other), t)
                        : NumberBuiltins.divmodAs(rt, s, other, t, rt.ops.baseView(other));
                return r != 0 ? r : Builtins.incref(heap, rt.notImplemented);
            } : null;
            case "__int__", "__index__" -> isNumberType(t) ? unary(name, s -> heap.ints.of(t == heap.floats ? truncated(s) : IntType.toBig(s))) : null;
            case "__float__" -> isNumberType(t) ? unary(name, s -> heap.floats.of(Numbers.toDouble(rt, s))) : null;
            case "__bool__" -> isNumberType(t) ? unary(name, s -> rt.ops.bool(t == rt.complexType ? rt.complexType.truthy(s)
                    : t == heap.floats ? dev.refheap.object.FloatType.value(s) != 0 : IntType.obSize(s) != 0)) : null;
            case "__neg__", "__pos__", "__invert__" -> isNumberType(t)
                    ? unary(name, s -> rt.ops.unaryAs(t, name.equals("__neg__") ? "-" : name.equals("__pos__") ? "+" : "~", s)) : null;
            case "__abs__" -> isNumberType(t) ? unary(name, s -> t == rt.complexType ? rt.complexType.abs(s) : t == heap.floats
                    ? heap.floats.of(Math.abs(dev.refheap.object.FloatType.value(s))) : heap.ints.of(IntType.toBig(s).abs())) : null;
            default -> null;
        };
    }

    /** float.__int__: the value truncated toward zero (ValueError for NaN, OverflowError for infinities). */
    private java.math.BigInteger truncated(long s) {
        double d = dev.refheap.object.FloatType.value(s);
        if (Double.isNaN(d)) throw rt.error("ValueError", "cannot convert float NaN to integer");
        if (Double.isInfinite(d)) throw rt.error("OverflowError", "cannot convert float infinity to integer");
        return new java.math.BigDecimal(d).toBigInteger();
    }

    /** object's own slots, which apply to every object (and must not call the instance's overrides). */
    private Builtin objectSlot(PyType t, String name) {
        if (t != heap.objectType) return null;
        return switch (name) {
            case "__repr__" -> (s, a, o, n, kw) -> {
                args(name, n, kw, 0);
                return heap.strs.of("<" + rt.ops.qualifiedTypeNameOf(heap.typeOf(s)) + " object at " + Ops.hex(s) + ">");
            };
            case "__str__" -> (s, a, o, n, kw) -> {
                args(name, n, kw, 0);
                return rt.ops.reprObject(s);
            };
            case "__hash__" -> (s, a, o, n, kw) -> {
                args(name, n, kw, 0);
                long y = Long.rotateRight(s, 4);
                return heap.ints.of(y == -1 ? -2 : y);
            };
            case "__eq__" -> (s, a, o, n, kw) -> {
                args(name, n, kw, 1);
                return Builtins.incref(heap, s == a[o] ? heap.True : rt.notImplemented);
            };
            case "__ne__" -> (s, a, o, n, kw) -> {
                args(name, n, kw, 1);
                // object_richcompare: the type's own == inverted, unless it is NotImplemented
                long r = heap.typeOf(s) instanceof ClassType c && rt.ops.lookupUserOnly(c, "__eq__") != 0
                        ? rt.ops.callMethod(s, "__eq__", a[o])
                        : Builtins.incref(heap, s == a[o] ? heap.True : rt.notImplemented);
                if (r == rt.notImplemented) return r;
                boolean v = rt.ops.truthy(r);
                heap.decref(r);
                return rt.ops.bool(!v);
            };
            case "__lt__", "__le__", "__gt__", "__ge__" -> (s, a, o, n, kw) -> {
                args(name, n, kw, 1);
                return Builtins.incref(heap, rt.notImplemented);
            };
            case "__init__" -> (s, a, o, n, kw) -> {
                PyType st = heap.typeOf(s);
                boolean ownInit, ownNew;
                if (st instanceof ClassType c) {
                    ownInit = !(Ops.isBuiltinDescr(rt, rt.ops.lookupType(c, "__init__")));
                    // tp_new != object_new: the class's own __new__, or a builtin base's (frozenset_new, int's...)
                    long nw = rt.ops.lookupType(c, "__new__");
                    ownNew = rt.ops.lookupUserOnly(c, "__new__") != 0 || nw != 0 && nw != rt.objectNew;
                } else {
                    // a builtin type's instance (object.__init__(1, x), reached by super(int, 1).__init__): its
                    // tp_init and tp_new as object_init tests them (int has object's tp_init and a tp_new of its own)
                    long init = rt.ops.lookupType(st, "__init__");
                    ownInit = init != 0 && !TypeCall.isObjectMethod(rt, init);
                    long nw = rt.ops.lookupType(st, "__new__");
                    ownNew = nw != 0 && nw != rt.objectNew;
                }
                if (n > 0 && (ownInit || !ownNew) && !(st instanceof ClassType cx && cx.exceptionBased)) {
                    if (ownInit || st == heap.objectType) throw rt.typeError("object.__init__() takes exactly one argument (the instance to initialize)");
                    throw rt.typeError(Ops.shortName(st) + ".__init__() takes exactly one argument (the instance to initialize)");
                }
                return Builtins.incref(heap, heap.None);
            };
            default -> null;
        };
    }

    private Builtin genericSlot(PyType t, String name) {
        BinaryOp op = binary.get(name);
        if (op != null) return binarySlot(t, name, op, false);
        op = reflected.get(name);
        if (op != null) return binarySlot(t, name, op, true);
        int cmp = switch (name) { case "__lt__" -> 0; case "__le__" -> 1; case "__eq__" -> 2; case "__ne__" -> 3; case "__gt__" -> 4; case "__ge__" -> 5; default -> -1; };
        if (cmp >= 0) return (s, a, o, n, kw) -> {
            args(name, n, kw, 1);
            return compareSlot(t, cmp, s, a[o]);
        };
        if (t instanceof ExceptionType && !(t instanceof ExceptionGroups.GroupType)) {
            // the exception's own tp_str/tp_repr, not the instance's override (super().__str__() ends here)
            if (name.equals("__str__")) return unary(name, s -> heap.strs.of(rt.ops.exceptionStr(t, s)));
            if (name.equals("__repr__")) return unary(name, s -> heap.strs.of(rt.ops.exceptionRepr(s)));
        }
        return switch (name) {
            case "__repr__" -> unary(name, s -> rt.ops.reprObject(s));
            case "__str__" -> unary(name, s -> rt.ops.strObject(s));
            case "__hash__" -> unary(name, s -> heap.ints.of(rt.ops.hash(s)));
            case "__len__" -> unary(name, s -> heap.ints.of(rt.ops.len(s)));
            case "__iter__" -> unary(name, s -> rt.ops.iter(s));
            case "__next__" -> unary(name, s -> {
                long r = rt.ops.next(s);
                if (r == 0) throw new PyException(rt.newException("StopIteration", null));
                return r;
            });
            case "__bool__" -> unary(name, s -> rt.ops.bool(rt.ops.truthy(s)));
            case "__neg__" -> unary(name, s -> rt.ops.unary("-", s));
            case "__pos__" -> unary(name, s -> rt.ops.unary("+", s));
            case "__invert__" -> unary(name, s -> rt.ops.unary("~", s));
            case "__abs__" -> unary(name, s -> callBuiltin("abs", s));
            case "__int__", "__index__" -> unary(name, s -> rt.ops.call0(heap.ints.address(), s));
            case "__float__" -> unary(name, s -> rt.ops.call0(heap.floats.address(), s));
            case "__getitem__" -> (s, a, o, n, kw) -> {
                args(name, n, kw, 1);
                return rt.ops.getItem(s, a[o]);
            };
            case "__contains__" -> (s, a, o, n, kw) -> {
                args(name, n, kw, 1);
                return rt.ops.bool(rt.ops.contains(s, a[o]));
            };
            case "__setitem__" -> (s, a, o, n, kw) -> {
                args(name, n, kw, 2);
                rt.ops.setItem(s, a[o], a[o + 1]);
                return Builtins.incref(heap, heap.None);
            };
            case "__delitem__" -> (s, a, o, n, kw) -> {
                args(name, n, kw, 1);
                rt.ops.delItem(s, a[o]);
                return Builtins.incref(heap, heap.None);
            };
            case "__call__" -> (s, a, o, n, kw) -> rt.ops.call(s, a, o, n, kw);
            case "__getattribute__" -> (s, a, o, n, kw) -> {
                args(name, n, kw, 1);
                if (!Heap.isStr(a[o])) throw rt.typeError("attribute name must be string, not '" + rt.ops.typeName(a[o]) + "'");
                if (t != rt.moduleType && !(genericGetattro(t) && heap.typeOf(s) instanceof ClassType)) return rt.ops.getAttr(s, a[o]);
                // tuple.__getattribute__(self, name) in a subclass's own __getattribute__ (unittest.mock's _Call): the generic lookup
                // module_getattro on a module subclass's instance: without the class's own hooks
                long v = rt.ops.genericGetAttrOrNull(s, a[o], StrType.value(a[o]), true);
                if (v == 0) throw rt.ops.attributeError(s, StrType.value(a[o]));
                return v;
            };
            case "__setattr__" -> (s, a, o, n, kw) -> {
                args(name, n, kw, 2);
                if (!Heap.isStr(a[o])) throw rt.typeError("attribute name must be string, not '" + rt.ops.typeName(a[o]) + "'");
                if (t == rt.moduleType && heap.typeOf(s) instanceof ClassType c) Attributes.genericSet(rt, s, c, a[o], StrType.value(a[o]), a[o + 1]);
                else rt.ops.setAttr(s, a[o], a[o + 1]);
                return Builtins.incref(heap, heap.None);
            };
            case "__delattr__" -> (s, a, o, n, kw) -> {
                args(name, n, kw, 1);
                if (!Heap.isStr(a[o])) throw rt.typeError("attribute name must be string, not '" + rt.ops.typeName(a[o]) + "'");
                if (t == rt.moduleType && heap.typeOf(s) instanceof ClassType c) Attributes.genericSet(rt, s, c, a[o], StrType.value(a[o]), 0);
                else rt.ops.delAttr(s, a[o]);
                return Builtins.incref(heap, heap.None);
            };
            case "__divmod__" -> binaryBuiltin(t, name, "divmod", false);
            case "__rdivmod__" -> binaryBuiltin(t, name, "divmod", true);
            case "__init__" -> initSlot(t);
            case "__get__" -> t instanceof BuiltinDescrType bd ? (s, a, o, n, kw) -> {
                Args.range(rt, "__get__", n, kw, 1, 2);
                if (a[o] == heap.None && (n < 2 || a[o + 1] == heap.None)) throw rt.typeError("__get__(None, None) is invalid");
                return bd.bind(s, a[o] == heap.None ? 0 : a[o], n > 1 ? a[o + 1] : 0);
            } : null;
            default -> null;
        };
    }

    private interface Unary { long call(long s); }

    /** {@code (getattr, (obj, name))}: a new reference. */
    private long getattrReduce(long obj, long name) {
        long args = heap.tuples.of(obj, name);
        try {
            return heap.tuples.of(heap.dicts.getItem(rt.builtinsDict, "getattr"), args);
        } finally {
            heap.decref(args);
        }
    }

    private Builtin unary(String name, Unary f) {
        return (s, a, o, n, kw) -> {
            args(name, n, kw, 0);
            return f.call(s);
        };
    }

    private long callBuiltin(String name, long... args) {
        long f = heap.dicts.getItem(rt.builtinsDict, name);
        return rt.ops.call0(f, args);
    }

    private Builtin binaryBuiltin(PyType t, String name, String builtin, boolean swapped) {
        return (s, a, o, n, kw) -> {
            args(name, n, kw, 1);
            if (!numberOperand(t, a[o])) return Builtins.incref(heap, rt.notImplemented);
            return swapped ? callBuiltin(builtin, a[o], s) : callBuiltin(builtin, s, a[o]);
        };
    }

    private boolean isNumberType(PyType t) { return t instanceof IntType || t == heap.floats || t == rt.complexType; }

    /** Whether the number slot of {@code t} takes {@code other} (CHECK_BINOP, CONVERT_TO_DOUBLE, TO_COMPLEX). */
    private boolean numberOperand(PyType t, long other) {
        PyType ot = rt.ops.baseView(other);
        if (t instanceof IntType) return ot instanceof IntType;
        if (t == heap.floats) return ot instanceof IntType || ot == heap.floats;
        if (t == rt.complexType) return ot instanceof IntType || ot == heap.floats || ot == rt.complexType;
        return true;
    }

    private boolean isSetLike(PyType t) { return t == heap.sets || t == heap.frozensets; }

    private Builtin binarySlot(PyType t, String name, BinaryOp op, boolean swapped) {
        boolean ternary = op == BinaryOp.POWER || op == BinaryOp.INPLACE_POWER;
        return (s, a, o, n, kw) -> {
            Args.noKeywords(rt, "wrapper " + name, kw);
            if (ternary ? n < 1 || n > 2 : n != 1) {
                if (ternary) throw rt.typeError(name + " expected " + (n < 1 ? "at least 1 argument" : "at most 2 arguments") + ", got " + n);
                throw rt.typeError("expected 1 argument, got " + n);
            }
            long other = a[o];
            if (isNumberType(t) && !numberOperand(t, other)) return Builtins.incref(heap, rt.notImplemented);
            if (isSetLike(t) && !isSetLike(rt.ops.baseView(other))) return Builtins.incref(heap, rt.notImplemented);
            if (t == heap.dicts && op == BinaryOp.OR && !rt.ops.isInstance(other, heap.dicts)) return Builtins.incref(heap, rt.notImplemented);
            if (swapped && (t == heap.strs || t == heap.bytes || t == rt.byteArrayType) && op == BinaryOp.REMAINDER) {
                if (!rt.ops.isInstance(other, t)) return Builtins.incref(heap, rt.notImplemented);
            }
            if (ternary && n == 2 && a[o + 1] != heap.None) {
                return swapped ? callBuiltin("pow", other, s, a[o + 1]) : callBuiltin("pow", s, other, a[o + 1]);
            }
            if (op.base() == BinaryOp.MULTIPLY && !isNumberType(t)) repeatCount(other);
            if (swapped && op == BinaryOp.MULTIPLY && !isNumberType(t)) return rt.ops.binaryOp(op, s, other);  // sq_repeat
            return swapped ? rt.ops.binaryOp(op, other, s) : rt.ops.binaryOp(op, s, other);
        };
    }

    /** wrap_indexargfunc: a sequence's __mul__/__rmul__/__imul__ takes an index (TypeError for anything else). */
    private void repeatCount(long other) {
        if (rt.ops.baseView(other) instanceof IntType) return;
        if (heap.typeOf(other) instanceof ClassType c && rt.ops.lookupType(c, "__index__") != 0) return;
        throw rt.typeError("'" + rt.ops.typeName(other) + "' object cannot be interpreted as an integer");
    }

    /** Whether == between an object of t and {@code other} is t's to answer (else NotImplemented). */
    private boolean comparable(PyType t, long other) {
        PyType ot = heap.typeOf(other);
        if (isNumberType(t)) return numberOperand(t, other);
        if (isSetLike(t)) return isSetLike(ot);
        if (t == heap.bytes) return ot == heap.bytes;  // bytes_richcompare: NotImplemented for a bytearray (its reflected one answers)
        if (t == rt.byteArrayType) return ot == heap.bytes || ot == rt.byteArrayType;
        return rt.ops.isInstance(other, t);
    }

    private long compareSlot(PyType t, int op, long s, long other) {
        if (t instanceof WeakProxyType) return rt.ops.compare(op, s, other);  // proxy_richcompare: the referents compared
        if (!comparable(t, other)) return Builtins.incref(heap, rt.notImplemented);
        if (op == 2 || op == 3) {
            boolean eq = rt.ops.eq(s, other);
            return rt.ops.bool(op == 2 ? eq : !eq);
        }
        if (t == heap.dicts || t == rt.complexType || t == rt.rangeType || !orderable(t)) return Builtins.incref(heap, rt.notImplemented);
        return rt.ops.compare(op, s, other);
    }

    private boolean orderable(PyType t) {
        return isNumberType(t) || isSetLike(t) || t == heap.strs || t == heap.bytes || t == rt.byteArrayType
                || t == heap.lists || t == heap.tuples || t == rt.sliceType;
    }

    private Builtin initSlot(PyType t) {
        if (t == rt.byteArrayType) return (s, a, o, n, kw) -> {
            rt.byteArrayType.init(s, a, o, n, kw);
            return Builtins.incref(heap, heap.None);
        };
        if (t == heap.lists) return (s, a, o, n, kw) -> {
            // list___init__ refuses keywords only for a list or a class whose tp_new is still list's
            // (a class with its own __new__ may take keywords there, which reach __init__ too)
            int nkw = Args.nkw(kw);
            PyType st = heap.typeOf(s);
            if (nkw > 0 && (st == heap.lists || rt.ops.lookupType(st, "__new__") == rt.ops.lookupType(heap.lists, "__new__"))) {
                throw rt.typeError("list() takes no keyword arguments");
            }
            n -= nkw;
            Args.range(rt, "list", n, 0, 0, 1);
            if (n == 1) Sequences.listInit(rt, s, a[o]);
            else heap.lists.clear(s);
            return Builtins.incref(heap, heap.None);
        };
        if (t == rt.moduleType) return (s, a, o, n, kw) -> {  // module___init__
            long[] nameDoc = ModuleType.initArgs(rt, a, o, n, kw);
            rt.moduleType.initDict(s, nameDoc[0], nameDoc[1]);
            return Builtins.incref(heap, heap.None);
        };
        if (t == heap.dicts || t == heap.sets) return (s, a, o, n, kw) -> {
            if (t == heap.sets) {
                Args.range(rt, "set", n, kw, 0, 1);
                heap.sets.clear(s);  // set_clear_internal, not an override's clear
            }
            if (n == 0) return Builtins.incref(heap, heap.None);
            long update = rt.ops.lookupType(t, "update");
            long[] args = new long[n + 1];
            args[0] = s;
            System.arraycopy(a, o, args, 1, n);
            return rt.ops.call(update, args, 0, n + 1, kw);
        };
        return null;
    }

    /** The kinds of entry in T.__dict__ (for T.__dict__ and dir()): the table's names for t, or null. */
    List<Slot> namesOf(PyType t) { return names.get(t); }
}

package dev.refheap.lang.modules;

import dev.refheap.lang.vm.Builtin;
import dev.refheap.lang.vm.ModuleImage;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;
import dev.refheap.object.ListType;
import dev.refheap.object.PyError;
import dev.refheap.object.PyType;
import dev.refheap.object.SetType;
import dev.refheap.object.TupleType;
import dev.refheap.object.WeakrefType;

/**
 * {@code _abc}: the C half of {@code abc.ABCMeta} as CPython 3.11 builds it in (Modules/_abc.c),
 * which abc.py imports before its pure-Python fallback {@code _py_abc}.
 *
 * <p>Each ABC holds an {@code _abc_data} object in its {@code _abc_impl} attribute: three sets of
 * weak references (the registry of virtual subclasses, the cache of classes known to be
 * subclasses, the negative cache of classes known not to be), each made on its first addition, and
 * the invalidation counter's value when the negative cache was last valid. Each weak reference in a
 * set has a callback, a {@code _destroy} builtin whose self is a weak reference to the set, which
 * takes the dead entry out of the set if the set still lives. The module's counter goes up with every
 * registration anywhere, and a negative cache older than the counter is cleared before its next use.
 *
 * <p>Invariants: an {@code _abc_data} set field is NULL or an owned set of weakrefs;
 * {@code version <= counter}. The module state (type, counter) is per runtime.
 * {@code _abc_init} also moves an ABC's {@code __abc_tpflags__} into its Py_TPFLAGS_SEQUENCE/MAPPING
 * bits (deleting the entry from the class dict), and {@code _abc_register} copies an ABC's bit onto
 * the registered class and its subclasses: the flags {@code match} reads.
 */
public final class AbcModule {
    private AbcModule() {}

    /**
     * The module state: the {@code _abc_data} type, abc_invalidation_counter, and the
     * {@code _destroy} callbacks' implementation (one per runtime, under its key). A start-up
     * image carries it: the counter is its one Java-only value, the type is made again by
     * {@link #restore}.
     */
    static final class State implements ModuleImage {
        final AbcDataType type;
        final Builtin destroy;
        long counter;

        State(VmApi vm, AbcDataType type) {
            this.type = type;
            type.state = this;
            Heap heap = vm.heap;
            this.destroy = vm.keyedFunction("_abc", "_destroy", (self, a, o, n, kw) -> {
                long set = heap.weakrefs.liveReferent(self);
                if (set != heap.None) {
                    heap.incref(set);
                    try {
                        heap.sets.discard(set, a[o]);
                    } finally {
                        heap.decref(set);
                    }
                }
                return vm.incref(heap.None);
            });
        }

        @Override
        public java.util.List<? extends PyType> imageTypes() { return java.util.List.of(type); }

        @Override
        public long[] imageValues() { return new long[] {counter}; }
    }

    /** The runtime's state, made (its type registered) on first use. */
    private static State state(VmApi vm) { return state(vm, 0); }

    /**
     * The runtime's state, made on first use by the module's exec ({@code module}, the module
     * object _abc_data's ht_module refers to: PyType_FromModuleAndSpec) or by a first use without
     * it (0): _abc_data a heap type with a GC-tracked type object, its dict {@code __new__},
     * {@code __doc__} and {@code __module__}.
     */
    private static State state(VmApi vm, long module) {
        return vm.moduleState("_abc", () -> {
            AbcDataType t = vm.registerHeapType(new AbcDataType(vm), module);
            t.defTypeNew();
            vm.readyHeapType(t);
            return new State(vm, t);
        });
    }

    /** The state made again for a runtime adopting a start-up image: the type's descriptor (its object is the image's) and the counter. */
    public static ModuleImage restore(VmApi vm, long[] values) {
        if (values.length != 1) throw new IllegalArgumentException("_abc's image state is its counter, not " + values.length + " values");
        AbcDataType t = new AbcDataType(vm);
        t.defineForImage(t::defTypeNew);  // its __new__'s implementation, for the image's function
        State s = new State(vm, t);
        s.counter = values[0];
        return s;
    }

    /**
     * {@code _abc._abc_data}: a heap type (PyType_FromSpec) with GC, 48 bytes: the header, the
     * registry, cache and negative cache (owned, NULL until first used, traversed in that order
     * after the type), and the negative cache's version (unsigned long long).
     */
    static final class AbcDataType extends FieldsType {
        static final int REGISTRY = 16, CACHE = 24, NEGATIVE = 32, VERSION = 40;
        State state;

        // a heap type: the heap takes and releases each instance's reference to it
        AbcDataType(VmApi vm) { super(vm, "_abc._abc_data", PyType.HAVE_GC | PyType.HEAPTYPE, 48, 0, REGISTRY, CACHE, NEGATIVE); }

        /** Py_TPFLAGS_DEFAULT | HAVE_GC of a spec-made heap type, ready; VALID_VERSION_TAG once a lookup on it assigned one. */
        @Override
        protected long declaredFlags() { return 20992; }

        @Override
        public boolean hasClear() { return true; }

        @Override
        public void clear(long o) {
            set(o, REGISTRY, 0);
            set(o, CACHE, 0);
            set(o, NEGATIVE, 0);
        }

        /** abc_data_new: the three sets NULL, the version the counter's value now; tracked. */
        long create() {
            long o = alloc();
            put(o, VERSION, state.counter);
            heap.track(o);
            return o;
        }

        @Override
        public long newInstance(long[] a, int off, int n, long kwnames) { return create(); }
    }

    /** The functions {@link #create} defines, in that order. */
    private static final String[] FUNCTIONS = {"get_cache_token", "_abc_init", "_reset_registry", "_reset_caches", "_get_dump", "_abc_register",
        "_abc_instancecheck", "_abc_subclasscheck"};

    /**
     * The module's functions by name over the runtime's state (made first if it is not yet), and
     * {@code _destroy}, the weak sets' callbacks' implementation: made from the runtime alone, no
     * object allocated once the state exists. {@link #create} defines the functions from this
     * table, and a runtime adopting a start-up image makes them again from it.
     */
    public static java.util.Map<String, Builtin> functions(VmApi vm) {
        Heap heap = vm.heap;
        State st = state(vm);
        Impl impl = new Impl(vm, st, st.destroy);
        java.util.Map<String, Builtin> f = new java.util.HashMap<>();
        f.put("_destroy", st.destroy);
        f.put("get_cache_token", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "_abc.get_cache_token", n, kw);
            return vm.newInt(java.math.BigInteger.valueOf(st.counter));
        });
        f.put("_abc_init", (s, a, o, n, kw) -> {
            methO(vm, "_abc._abc_init", n, kw);
            impl.init(a[o]);
            return vm.incref(heap.None);
        });
        f.put("_reset_registry", (s, a, o, n, kw) -> {
            methO(vm, "_abc._reset_registry", n, kw);
            long d = impl.getImpl(a[o]);
            try {
                clearSet(heap, AbcDataType.get(d, AbcDataType.REGISTRY));
            } finally {
                heap.decref(d);
            }
            return vm.incref(heap.None);
        });
        f.put("_reset_caches", (s, a, o, n, kw) -> {
            methO(vm, "_abc._reset_caches", n, kw);
            long d = impl.getImpl(a[o]);
            try {
                clearSet(heap, AbcDataType.get(d, AbcDataType.CACHE));
                clearSet(heap, AbcDataType.get(d, AbcDataType.NEGATIVE));
            } finally {
                heap.decref(d);
            }
            return vm.incref(heap.None);
        });
        f.put("_get_dump", (s, a, o, n, kw) -> {
            methO(vm, "_abc._get_dump", n, kw);
            return impl.dump(a[o]);
        });
        f.put("_abc_register", (s, a, o, n, kw) -> {
            twoArgs(vm, "_abc_register", n, kw);
            return impl.register(a[o], a[o + 1]);
        });
        f.put("_abc_instancecheck", (s, a, o, n, kw) -> {
            twoArgs(vm, "_abc_instancecheck", n, kw);
            return impl.instanceCheck(a[o], a[o + 1]);
        });
        f.put("_abc_subclasscheck", (s, a, o, n, kw) -> {
            twoArgs(vm, "_abc_subclasscheck", n, kw);
            return impl.subclassCheck(a[o], a[o + 1]);
        });
        return f;
    }

    public static long create(VmApi vm) {
        long m = vm.newModule("_abc");
        state(vm, m);  // _abc_exec's type, made with the module
        java.util.Map<String, Builtin> fns = functions(vm);
        for (String name : FUNCTIONS) vm.def(m, name, fns.get(name));
        return m;
    }

    /** METH_O's checks: no keywords, exactly one argument. */
    private static void methO(VmApi vm, String shown, int n, long kw) {
        Params.noKeywords(vm, shown, kw);
        if (n != 1) throw vm.error("TypeError", shown + "() takes exactly one argument (" + n + " given)");
    }

    /** Argument Clinic's positional-only pair (_PyArg_CheckPositional). */
    private static void twoArgs(VmApi vm, String name, int n, long kw) {
        Params.noKeywords(vm, "_abc." + name, kw);
        if (n != 2) throw vm.error("TypeError", name + " expected 2 arguments, got " + n);
    }

    private static void clearSet(Heap heap, long set) {
        if (set != 0) heap.sets.clear(set);
    }

    /** The module's functions over one runtime's state. */
    private static final class Impl {
        private final VmApi vm;
        private final Heap heap;
        private final State st;
        private final Builtin destroy;

        Impl(VmApi vm, State st, Builtin destroy) {
            this.vm = vm;
            this.heap = vm.heap;
            this.st = st;
            this.destroy = destroy;
        }

        /** _get_impl: {@code self._abc_impl}, a new reference, which must be an {@code _abc_data}. */
        long getImpl(long self) {
            long d = attr(self, "_abc_impl");
            if (heap.typeOf(d) != st.type) {
                heap.decref(d);
                throw vm.error("TypeError", "_abc_impl is set to a wrong type");
            }
            return d;
        }

        /** _in_weak_set: whether a weak reference to {@code o} is in {@code set} (NULL or empty: no; o not weakly referenceable: no). */
        boolean inWeakSet(long set, long o) {
            if (set == 0 || SetType.size(set) == 0) return false;
            long ref;
            try {
                ref = heap.weakrefs.newRef(o, 0);
            } catch (PyError e) {
                if (e.pythonType().equals("TypeError")) return false;
                throw e;
            }
            try {
                return heap.sets.contains(set, ref);
            } finally {
                heap.decref(ref);
            }
        }

        /**
         * _add_to_weak_set: makes the set at {@code field} of {@code d} if it is NULL, then adds a
         * weak reference to {@code o} whose callback is a new {@code _destroy} bound to a weak
         * reference to the set.
         */
        void addToWeakSet(long d, int field, long o) {
            long set = AbcDataType.get(d, field);
            if (set == 0) {
                set = heap.sets.create();
                AbcDataType.put(d, field, set);
            }
            long wr = newRef(set, 0);
            long ref;
            try {
                long cb = vm.newBuiltinFunctionWithoutDoc("_destroy", destroy, wr);
                try {
                    ref = newRef(o, cb);
                } finally {
                    heap.decref(cb);
                }
            } catch (RuntimeException e) {
                heap.decref(wr);
                throw e;
            }
            try {
                heap.sets.add(set, ref);
            } finally {
                heap.decref(wr);
                heap.decref(ref);
            }
        }

        private long newRef(long o, long cb) { return heap.weakrefs.newRef(o, cb); }

        /** PyObject_GetAttr with a str name: a new reference, or the exception. */
        private long attr(long o, String name) {
            long n = vm.internedStr(name);
            try {
                return vm.getAttr(o, n);
            } finally {
                heap.decref(n);
            }
        }

        /** _get_dump: (registry, cache, negative cache) copied as new sets, and the negative cache's version. */
        long dump(long self) {
            long d = getImpl(self);
            long[] items = new long[4];
            try {
                items[0] = copy(AbcDataType.get(d, AbcDataType.REGISTRY));
                items[1] = copy(AbcDataType.get(d, AbcDataType.CACHE));
                items[2] = copy(AbcDataType.get(d, AbcDataType.NEGATIVE));
                items[3] = vm.newInt(new java.math.BigInteger(Long.toUnsignedString(AbcDataType.get(d, AbcDataType.VERSION))));
                long t = heap.tuples.alloc(4);
                for (int i = 0; i < 4; i++) TupleType.setItemSteal(t, i, items[i]);
                return t;
            } catch (RuntimeException e) {
                for (long x : items) if (x != 0) heap.decref(x);
                throw e;
            } finally {
                heap.decref(d);
            }
        }

        /** PySet_New(set): a new set with set's items (an empty one for NULL). */
        private long copy(long set) {
            long s = heap.sets.create();
            if (set != 0) heap.sets.forEach(set, k -> heap.sets.add(s, k));
            return s;
        }

        /** _abc_init: {@code __abstractmethods__}, a new {@code _abc_impl}, and {@code __abc_tpflags__} moved into the class's flags. */
        void init(long self) {
            computeAbstractMethods(self);
            long d = st.type.create();
            try {
                vm.setAttr(self, "_abc_impl", d);
            } finally {
                heap.decref(d);
            }
            if (!vm.isType(self)) return;
            long dict = vm.classDict(self);
            if (dict == 0) return;
            long flags = heap.dicts.getItem(dict, "__abc_tpflags__");
            if (flags == 0) return;
            if (heap.typeOf(flags) == heap.ints) {
                java.math.BigInteger v = vm.asIndex(flags);
                if (v.bitLength() > 63) throw vm.error("OverflowError", "Python int too large to convert to C long");
                long val = v.longValue();
                int coll = PyType.SEQUENCE | PyType.MAPPING;
                if ((val & coll) == coll) {
                    throw vm.error("TypeError", "__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING");
                }
                vm.addCollectionFlags(self, (int) (val & coll));
            }
            long key = vm.internedStr("__abc_tpflags__");
            try {
                heap.dicts.delItem(dict, key);
            } finally {
                heap.decref(key);
            }
        }

        /**
         * compute_abstract_methods: the names in {@code self.__dict__.items()} whose values are
         * abstract, then for each base's {@code __abstractmethods__} the names whose value on self is
         * still abstract, set as {@code self.__abstractmethods__} (a frozenset).
         */
        private void computeAbstractMethods(long self) {
            long abstracts = heap.frozensets.create();
            long ns = 0, items = 0, bases = 0;
            try {
                ns = attr(self, "__dict__");
                items = mappingItems(ns);
                for (long pos = 0; pos < ListType.size(items); pos++) {
                    long it = ListType.item(items, pos);
                    if (heap.typeOf(it) != heap.tuples) {
                        throw vm.error("TypeError", "items() returned item which size is not 2");
                    }
                    if (TupleType.size(it) != 2) throw vm.error("TypeError", "items() returned item which size is not 2");
                    long key = TupleType.item(it, 0);
                    heap.incref(it);
                    try {
                        if (isAbstract(TupleType.item(it, 1))) addName(abstracts, key);
                    } finally {
                        heap.decref(it);
                    }
                }
                bases = attr(self, "__bases__");
                if (heap.typeOf(bases) != heap.tuples) throw vm.error("TypeError", "__bases__ is not tuple");
                for (long pos = 0; pos < TupleType.size(bases); pos++) {
                    long base = TupleType.item(bases, pos);
                    long baseAbstracts = vm.lookupAttr(base, "__abstractmethods__");
                    if (baseAbstracts == 0) continue;
                    long iter;
                    try {
                        iter = vm.iter(baseAbstracts);
                    } finally {
                        heap.decref(baseAbstracts);
                    }
                    try {
                        long key;
                        while ((key = vm.next(iter)) != 0) {
                            try {
                                long value = vm.lookupAttr(self, key);
                                if (value == 0) continue;
                                boolean abs;
                                try {
                                    abs = isAbstract(value);
                                } finally {
                                    heap.decref(value);
                                }
                                if (abs) addName(abstracts, key);
                            } finally {
                                heap.decref(key);
                            }
                        }
                    } finally {
                        heap.decref(iter);
                    }
                }
                vm.setAttr(self, "__abstractmethods__", abstracts);
            } finally {
                heap.decref(abstracts);
                if (ns != 0) heap.decref(ns);
                if (items != 0) heap.decref(items);
                if (bases != 0) heap.decref(bases);
            }
        }

        private void addName(long frozen, long key) {
            heap.frozensets.add(frozen, key);
        }

        /** PyMapping_Items of a non-dict mapping (a class's {@code __dict__} is a mappingproxy): {@code list(iter(o.items()))}. */
        private long mappingItems(long o) {
            long out = vm.callMethod(o, "items");
            if (heap.typeOf(out) == heap.lists) return out;
            long it;
            try {
                it = vm.iter(out);
            } finally {
                heap.decref(out);
            }
            try {
                long l = heap.lists.alloc(0);
                try {
                    long x;
                    while ((x = vm.next(it)) != 0) {
                        heap.lists.append(l, x);
                        heap.decref(x);
                    }
                } catch (RuntimeException e) {
                    heap.decref(l);
                    throw e;
                }
                return l;
            } finally {
                heap.decref(it);
            }
        }

        /** _PyObject_IsAbstract: the truth of {@code o.__isabstractmethod__}, false when it has none. */
        private boolean isAbstract(long o) {
            long v = vm.lookupAttr(o, "__isabstractmethod__");
            return v != 0 && vm.truthyNew(v);
        }

        /** _abc_register: a class only; already a subclass is a no-op; a cycle refused; then registry, counter, flags. */
        long register(long self, long subclass) {
            if (!vm.isType(subclass)) throw vm.error("TypeError", "Can only register classes");
            if (vm.isSubclass(subclass, self)) return vm.incref(subclass);
            if (vm.isType(self) && vm.isSubclass(self, subclass)) {
                throw vm.error("RuntimeError", "Refusing to create an inheritance cycle");
            }
            long d = getImpl(self);
            try {
                addToWeakSet(d, AbcDataType.REGISTRY, subclass);
            } finally {
                heap.decref(d);
            }
            st.counter++;
            if (vm.isType(self)) {
                int flag = vm.collectionFlags(self);
                if (flag != 0) vm.setCollectionFlagRecursive(subclass, flag);
            }
            return vm.incref(subclass);
        }

        long instanceCheck(long self, long instance) {
            long d = getImpl(self);
            long subclass = 0;
            try {
                subclass = attr(instance, "__class__");
                if (inWeakSet(AbcDataType.get(d, AbcDataType.CACHE), subclass)) return vm.incref(heap.True);
                long subtype = heap.typeOf(instance).address();
                if (subtype == subclass) {
                    if (AbcDataType.get(d, AbcDataType.VERSION) == st.counter
                            && inWeakSet(AbcDataType.get(d, AbcDataType.NEGATIVE), subclass)) {
                        return vm.incref(heap.False);
                    }
                    return vm.callMethod(self, "__subclasscheck__", subclass);
                }
                long r = vm.callMethod(self, "__subclasscheck__", subclass);
                boolean yes;
                try {
                    yes = vm.truthy(r);
                } catch (RuntimeException e) {
                    heap.decref(r);
                    throw e;
                }
                if (yes) return r;
                heap.decref(r);
                return vm.callMethod(self, "__subclasscheck__", subtype);
            } finally {
                heap.decref(d);
                if (subclass != 0) heap.decref(subclass);
            }
        }

        long subclassCheck(long self, long subclass) {
            if (!vm.isType(subclass)) throw vm.error("TypeError", "issubclass() arg 1 must be a class");
            long d = getImpl(self);
            try {
                return vm.incref(subclassCheck(d, self, subclass) ? heap.True : heap.False);
            } finally {
                heap.decref(d);
            }
        }

        private boolean subclassCheck(long d, long self, long subclass) {
            // 1. the cache
            if (inWeakSet(AbcDataType.get(d, AbcDataType.CACHE), subclass)) return true;
            // 2. the negative cache, cleared first if a registration happened since it was valid
            if (Long.compareUnsigned(AbcDataType.get(d, AbcDataType.VERSION), st.counter) < 0) {
                clearSet(heap, AbcDataType.get(d, AbcDataType.NEGATIVE));
                AbcDataType.put(d, AbcDataType.VERSION, st.counter);
            } else if (inWeakSet(AbcDataType.get(d, AbcDataType.NEGATIVE), subclass)) {
                return false;
            }
            // 3. the subclass hook
            long ok = vm.callMethod(self, "__subclasshook__", subclass);
            try {
                if (ok == heap.True) {
                    addToWeakSet(d, AbcDataType.CACHE, subclass);
                    return true;
                }
                if (ok == heap.False) {
                    addToWeakSet(d, AbcDataType.NEGATIVE, subclass);
                    return false;
                }
                if (ok != vm.notImplemented()) {
                    throw vm.error("AssertionError", "__subclasshook__ must return either False, True, or NotImplemented");
                }
            } finally {
                heap.decref(ok);
            }
            // 4. a direct subclass
            if (vm.mroContains(subclass, self)) {
                addToWeakSet(d, AbcDataType.CACHE, subclass);
                return true;
            }
            // 5. a subclass of a registered class
            Boolean reg = checkRegistry(d, subclass);
            if (reg != null) return reg;
            // 6. a subclass of a subclass
            long subs = vm.callMethod(self, "__subclasses__");
            try {
                if (heap.typeOf(subs) != heap.lists) throw vm.error("TypeError", "__subclasses__() must return a list");
                for (long pos = 0; pos < ListType.size(subs); pos++) {
                    long scls = ListType.item(subs, pos);
                    heap.incref(scls);
                    boolean r;
                    try {
                        r = vm.isSubclass(subclass, scls);
                    } finally {
                        heap.decref(scls);
                    }
                    if (r) {
                        addToWeakSet(d, AbcDataType.CACHE, subclass);
                        return true;
                    }
                }
            } finally {
                heap.decref(subs);
            }
            addToWeakSet(d, AbcDataType.NEGATIVE, subclass);
            return false;
        }

        /** subclasscheck_check_registry: true when subclass is registered or a subclass of a live registered class; null otherwise. */
        private Boolean checkRegistry(long d, long subclass) {
            long registry = AbcDataType.get(d, AbcDataType.REGISTRY);
            if (inWeakSet(registry, subclass)) return true;
            if (registry == 0 || SetType.size(registry) == 0) return null;
            // a callback may take entries out of the set meanwhile: walk a snapshot (a PyMem array in CPython)
            int size = (int) SetType.size(registry);
            long block = heap.memAlloc(8L * size);
            long[] copy = new long[size];
            int i = 0;
            for (long slot = heap.sets.nextSlot(registry, 0); slot >= 0 && i < size; slot = heap.sets.nextSlot(registry, slot + 1)) {
                copy[i] = SetType.keyAt(registry, slot);
                heap.incref(copy[i++]);
            }
            try {
                for (int k = 0; k < i; k++) {
                    if (!heap.weakrefs.isWeakrefKind(heap.typeOf(copy[k]))) throw vm.error("SystemError", "bad argument to internal function");
                    long rkey = heap.weakrefs.liveReferent(copy[k]);
                    if (rkey == heap.None) continue;
                    heap.incref(rkey);
                    boolean r;
                    try {
                        r = vm.isSubclass(subclass, rkey);
                    } finally {
                        heap.decref(rkey);
                    }
                    if (r) {
                        addToWeakSet(d, AbcDataType.CACHE, subclass);
                        return true;
                    }
                }
                return null;
            } finally {
                for (int k = 0; k < i; k++) heap.decref(copy[k]);
                heap.memFree(block);
            }
        }
    }
}

package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.ListType;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.util.ArrayList;
import java.util.List;

/** type_new for class statements: layout from the bases, C3 mro, the heap type object, __class__ cell. */
final class ClassFactory {
    private ClassFactory() {}

    static long create(Runtime rt, long nameObj, long bases, long ns, long func) {
        return create(rt, null, nameObj, bases, ns, func, null, 0);
    }

    static long create(Runtime rt, long nameObj, long bases, long ns, long func, long[] kwValues, long kwNames) {
        return create(rt, null, nameObj, bases, ns, func, kwValues, kwNames);
    }

    /**
     * The builtin types a class may extend beyond object and the exceptions: their layouts, slots
     * and constructors chain from {@link ClassType} and {@link TypeCall}. Every other type
     * CPython lets one subclass is refused with NotImplementedError naming it. A tuple subclass's
     * instances are tuples to the object protocol ({@link Ops#asBuiltin}) for what the class does
     * not define itself.
     */
    static boolean extendable(Runtime rt, PyType b) {
        return b == rt.classMethodType || b == rt.staticMethodType || b == rt.propertyType || b == rt.superType || b == rt.namespaceType || b == rt.heap.typeType
                || b == rt.genericAliasType || b == rt.moduleType || b.dataBase() != null || b instanceof NativeType nt && nt.allowsPythonSubclasses()
                || b instanceof IterType;  // those with BASETYPE: enumerate, zip, map, filter, reversed
    }

    /** The offset of a builtin type's own instance dict (tp_dictoffset), 0 if it has none. */
    private static long ownDictOffset(Runtime rt, PyType b) {
        if (b instanceof StaticMethodType) return StaticMethodType.DICT;
        if (b == rt.heap.typeType) return ClassType.T_DICT;
        if (b == rt.moduleType) return ModuleType.DICT;
        if (b == rt.namespaceType) return NamespaceType.DICT;
        if (b instanceof NativeType nt) return nt.ownDictOffset();
        return 0;
    }

    /**
     * As {@link #create(Runtime, long, long, long, long, long[], long)}, for metatype {@code meta}
     * (a class derived from {@code type}; null for {@code type} itself): the new class object is an
     * instance of it.
     */
    static long create(Runtime rt, ClassType meta, long nameObj, long bases, long ns, long func, long[] kwValues, long kwNames) {
        Heap heap = rt.heap;
        String name = StrType.value(nameObj);
        long cellItem = heap.dicts.getItem(ns, "__classcell__");
        if (cellItem != 0 && heap.typeOf(cellItem) != rt.cellType) {
            // type_new_set_classcell refuses anything but a cell (the class is not made)
            PyType ct = heap.typeOf(cellItem);
            throw rt.typeError("__classcell__ must be a nonlocal cell, not " + rt.ops.repr(ct instanceof ClassType c ? c.typeObject : ct.address()));
        }
        List<PyType> allBases = new ArrayList<>();
        PyType builtinBase = heap.objectType;
        PyType bestSolid = heap.objectType;
        for (long i = 0; i < TupleType.size(bases); i++) {
            PyType b = heap.typeAt(TupleType.item(bases, i));
            allBases.add(b);
            PyType solid;
            if (b instanceof ClassType c) {
                solid = c.builtinBase == null ? heap.objectType : c.builtinBase;
            } else if (!b.hasFlag(PyType.BASETYPE)) {
                throw rt.typeError("type '" + b.name() + "' is not an acceptable base type");
            } else if (!(b instanceof ExceptionType) && b != heap.objectType && !extendable(rt, b)) {
                throw rt.error("NotImplementedError", "refheap does not support subclassing '" + b.name() + "' yet");
            } else {
                solid = b;
            }
            // best_base: the solid bases (the builtin layouts, without the subclasses that add no
            // fields: ValueError's is BaseException's) must lie on one line; the first base with the
            // most derived one gives the layout
            PyType s = solidBase(heap, solid);
            if (rt.ops.isSubtype(s, bestSolid)) {
                if (s != bestSolid || builtinBase == heap.objectType) {
                    builtinBase = solid;
                    bestSolid = s;
                }
            } else if (!rt.ops.isSubtype(bestSolid, s)) throw rt.typeError("multiple bases have instance lay-out conflict");
        }
        boolean exc = builtinBase instanceof ExceptionType;
        PyType solidBuiltin = builtinBase == heap.objectType ? null : builtinBase;
        // type_new_get_bases: no bases means (object,), a tuple made before the slots' tuples (the
        // order decides which of them the tuple free list serves, and so count0)
        long tpBases = TupleType.size(bases) == 0 ? heap.tuples.of(heap.objectType.address()) : Builtins.incref(heap, bases);
        Layout layout;
        try {
            layout = layout(rt, name, bases, ns, builtinBase);
        } catch (RuntimeException e) {
            heap.decref(tpBases);
            throw e;
        }
        ClassType cls = new ClassType(rt, name, solidBuiltin, exc, layout.basicSize, layout.itemSize, layout.weaklistOffset,
                layout.dictOffset, layout.flags);
        cls.heapBase = layout.heapBase;
        cls.slotNames = layout.slotNames;
        cls.slotOffsets = layout.slotOffsets;
        cls.solid = layout.slotNames.length > 0 ? cls : layout.heapBase == null ? null : layout.heapBase.solid;
        List<PyType> fullMro;
        try {
            fullMro = c3(rt, cls, allBases);
        } catch (RuntimeException e) {
            heap.xdecref(layout.htSlots);
            heap.decref(tpBases);
            throw e;
        }
        cls.fullMro.addAll(fullMro);
        for (PyType m : fullMro) if (m instanceof ClassType c) cls.mro.add(c);
        List<ClassType> mro = cls.mro;

        long t = heap.allocObjectOfSize(meta == null ? heap.typeType : meta, ClassType.HEAP_TYPE_STRUCT_SIZE, 0);
        Native.fill(t + 16, ClassType.HEAP_TYPE_STRUCT_SIZE - 16, (byte) 0);
        cls.typeObject = t;
        Native.putLong(t + ClassType.T_SLOTS, layout.htSlots);
        heap.registerHeapType(cls, t);
        if (cls.managed()) {
            // ht_cached_keys (_PyDict_NewKeysForClass): a block of its own, as 3.11 allocates it
            cls.cachedKeys = heap.dicts.newSharedKeys();
            rt.sharedKeys.register(cls);
        }
        long dict = heap.dicts.create();
        long[] classcell = {0};
        heap.dicts.forEach(ns, (k, v) -> {
            String key = StrType.value(k);
            if (key.equals("__classcell__")) classcell[0] = v;
            else if ((key.equals("__init_subclass__") || key.equals("__class_getitem__")) && heap.typeOf(v) == rt.functionType) {
                long cm = rt.classMethodType.construct(new long[] {v}, 0, 1, 0);  // type_new: implicitly a classmethod
                heap.dicts.setItem(dict, k, cm);
                heap.decref(cm);
            } else if (key.equals("__new__") && heap.typeOf(v) == rt.functionType) {
                long sm = rt.staticMethodType.construct(new long[] {v}, 0, 1, 0);  // type_new: implicitly a staticmethod
                heap.dicts.setItem(dict, k, sm);
                heap.decref(sm);
            } else if (!key.equals("__qualname__")) heap.dicts.setItem(dict, k, v);
        });
        Native.putLong(t + ClassType.T_DICT, dict);
        heap.dicts.watch(dict);  // the class's lookup cache forgets when any class dict changes
        // What type_new adds: the __dict__ and __weakref__ slots' descriptors when no base has them, and __doc__.
        for (int i = 0; i < layout.slotNames.length; i++) {
            long d = rt.memberType.create(t, layout.slotNames[i], layout.slotOffsets[i]);
            heap.dicts.setItem(dict, layout.slotNames[i], d);
            heap.decref(d);
        }
        if (layout.addDict) addDescriptor(rt, dict, t, "__dict__");
        if (layout.addWeak) addDescriptor(rt, dict, t, "__weakref__");
        // type_new_set_hash: a class that defines __eq__ but not __hash__ is unhashable.
        if (heap.dicts.getItem(dict, "__eq__") != 0 && heap.dicts.getItem(dict, "__hash__") == 0) heap.dicts.setItem(dict, "__hash__", heap.None);
        if (heap.dicts.getItem(dict, "__doc__") == 0) heap.dicts.setItem(dict, "__doc__", heap.None);
        Native.putLong(t + ClassType.T_BASES, tpBases);
        long tpBase = rt.builtinGetSets.bestBase(cls).address();  // type_new: tp_base, a counted reference
        heap.incref(tpBase);
        Native.putLong(t + ClassType.T_BASE, tpBase);
        long mroTuple = heap.tuples.alloc(fullMro.size());
        for (int j = 0; j < fullMro.size(); j++) {
            PyType m = fullMro.get(j);
            TupleType.setItemSteal(mroTuple, j, Builtins.incref(heap, m == cls ? t : m instanceof ClassType c ? c.typeObject : m.address()));
        }
        Native.putLong(t + ClassType.T_MRO, mroTuple);
        heap.incref(nameObj);
        Native.putLong(t + ClassType.T_NAME, nameObj);
        long qual = heap.dicts.getItem(ns, "__qualname__");
        if (qual == 0) qual = nameObj;
        heap.incref(qual);
        Native.putLong(t + ClassType.T_QUALNAME, qual);
        rt.subclasses.addToBases(t, Native.getLong(t + ClassType.T_BASES));
        cls.collectionFlags = collectionFlags(rt, cls);
        if (classcell[0] != 0 && heap.typeOf(classcell[0]) == rt.cellType) {
            // type_new_set_classcell, before mro(), __set_name__ and __init_subclass__ run: a method they
            // call (an enum member's __new__, a metaclass's mro()) may use __class__ or super() already
            heap.incref(t);
            rt.cellType.set(classcell[0], t);
        }
        try {
            if (meta != null && rt.ops.lookupUserOnly(meta, "mro") != 0) customMro(rt, t, cls);
            setNames(rt, t, dict);  // a failing __set_name__ releases the class as a failing __init_subclass__ does
            initSubclass(rt, t, cls, kwValues, kwNames);
        } catch (PyException e) {
            heap.track(t);
            heap.decref(t);
            throw e;
        }
        for (ClassType m : mro) if (heap.dicts.getItem(m == cls ? dict : m.dict(), "__del__") != 0) cls.hasDel = true;
        // a native base's tp_finalize (the _io types' close-on-delete) is inherited, as __del__
        if (solidBuiltin instanceof NativeType nt && nt.hasFinalizer()) cls.hasDel = true;
        heap.track(t);
        return t;
    }

    /**
     * mro_internal with a metaclass that defines mro(): its result (any iterable) becomes the
     * class's __mro__ and the order its attributes are looked up in, checked as mro_check does
     * (every entry a class whose layout the new class's extends).
     */
    private static void customMro(Runtime rt, long t, ClassType cls) {
        Heap heap = rt.heap;
        long r = rt.ops.callMethod(t, "mro");
        long list;
        try {
            list = Builtins.toList(rt, r);
        } finally {
            heap.decref(r);
        }
        try {
            PyType own = cls.solid != null ? cls.solid : builtinSolid(heap, cls);
            List<PyType> full = new ArrayList<>();
            for (long i = 0; i < ListType.size(list); i++) {
                long item = ListType.item(list, i);
                if (!rt.ops.isTypeObject(item)) throw rt.typeError("mro() returned a non-class ('" + rt.ops.typeName(item) + "')");
                PyType p = item == t ? cls : heap.typeAt(item);
                PyType solid = p instanceof ClassType c ? (c.solid != null ? c.solid : builtinSolid(heap, c)) : solidBase(heap, p);
                if (!rt.ops.isSubtype(own, solid)) throw rt.typeError("mro() returned base with unsuitable layout ('" + Ops.shortName(p) + "')");
                full.add(p);
            }
            long tuple = heap.tuples.alloc(full.size());
            for (int j = 0; j < full.size(); j++) TupleType.setItemSteal(tuple, j, Builtins.incref(heap, ListType.item(list, j)));
            heap.decref(Native.getLong(t + ClassType.T_MRO));
            Native.putLong(t + ClassType.T_MRO, tuple);
            cls.fullMro.clear();
            cls.fullMro.addAll(full);
            cls.mro.clear();
            for (PyType m : full) if (m instanceof ClassType c) cls.mro.add(c);
            heap.dicts.watch(Native.getLong(t + ClassType.T_DICT));  // (advances the version the lookup caches check)
        } finally {
            heap.decref(list);
        }
    }

    /**
     * Py_TPFLAGS_SEQUENCE/MAPPING of a new class: inherit_patma_flags (the first type after the
     * class on its mro that has one). An ABCMeta class adds its own {@code __abc_tpflags__} later
     * ({@code _abc._abc_init}), and a registration with a collections ABC replaces them
     * ({@code _abc._abc_register}).
     */
    private static int collectionFlags(Runtime rt, ClassType cls) {
        for (PyType m : cls.fullMro) {
            if (m == cls) continue;
            int f = collectionFlagsOf(rt, m);
            if (f != 0) return f;
        }
        return 0;
    }

    /** The Py_TPFLAGS_SEQUENCE/MAPPING bits of type {@code t}'s tp_flags (0 for a builtin type refheap has no figure for). */
    static int collectionFlagsOf(Runtime rt, PyType t) {
        if (t instanceof ClassType c) return c.collectionFlags;
        return (int) Math.max(0, builtinFlags(rt, t)) & (PyType.SEQUENCE | PyType.MAPPING);
    }

    /** A builtin type's tp_flags as CPython 3.11.7 reports them (its __flags__), -1 when refheap has no figure. */
    static long builtinFlags(Runtime rt, PyType t) {
        if (t == rt.heap.weakrefs) return 548096;
        if (t instanceof NativeType nt) return nt.tpFlags();
        if (t instanceof SysInfo.StructSeqType ss) return ss.tpFlags();
        long[] layout = rt.slotWrappers.layout(t);
        return layout == null ? -1 : layout[4];
    }

    /**
     * type_new_set_names: over a copy of the class dict (a temporary dict, as in 3.11), calls
     * {@code value.__set_name__(cls, name)} for each value whose class defines it.
     */
    private static void setNames(Runtime rt, long t, long dict) {
        Heap heap = rt.heap;
        long names = heap.dicts.create();
        try {
            heap.dicts.forEach(dict, (k, v) -> heap.dicts.setItem(names, k, v));
            heap.dicts.forEach(names, (k, v) -> {
                if (heap.typeOf(v) == rt.propertyType) rt.propertyType.setName(v, k);
                rt.ops.versionTag(heap.typeOf(v), "__set_name__");  // _PyObject_LookupSpecial
                if (heap.typeOf(v) instanceof ClassType c && rt.ops.lookupUserOnly(c, "__set_name__") != 0) {
                    try {
                        heap.decref(rt.ops.callMethod(v, "__set_name__", t, k));
                    } catch (PyException e) {
                        // 3.11's _PyErr_FormatFromCause: a RuntimeError whose __cause__ and __context__ are the error
                        PyException w = rt.error("RuntimeError", "Error calling __set_name__ on '" + c.name() + "' instance "
                                + rt.ops.repr(k) + " in '" + StrType.value(Native.getLong(t + ClassType.T_NAME)) + "'");
                        Native.putLong(w.exc() + ExceptionType.CAUSE, e.exc());  // takes the caught reference
                        Native.putLong(w.exc() + ExceptionType.CONTEXT, Builtins.incref(heap, e.exc()));
                        Native.putLong(w.exc() + ExceptionType.SUPPRESS, 1);
                        throw w;
                    }
                }
            });
        } finally {
            heap.decref(names);
        }
    }

    /**
     * type_new_init_subclass: {@code super(cls, cls).__init_subclass__()}: the first
     * {@code __init_subclass__} a base class defines (an implicit classmethod) is called with the new
     * class; object's does nothing. (The super object and the bound method are GC objects made and
     * freed at once, so they leave count0 as it was; they are not modelled.)
     */
    private static void initSubclass(Runtime rt, long t, ClassType cls, long[] kwValues, long kwNames) {
        Heap heap = rt.heap;
        int nkw = kwValues == null ? 0 : kwValues.length;
        long[] args = new long[1 + nkw];
        args[0] = t;
        if (nkw > 0) System.arraycopy(kwValues, 0, args, 1, nkw);
        for (int i = 1; i < cls.mro.size(); i++) {
            long f = heap.dicts.getItem(cls.mro.get(i).dict(), "__init_subclass__");
            if (f == 0) continue;
            if (heap.typeOf(f) instanceof StaticMethodType sm && sm.classMethod) f = StaticMethodType.callable(f);
            heap.incref(f);
            try {
                heap.decref(rt.ops.call(f, args, 0, args.length, nkw == 0 ? 0 : kwNames));
            } finally {
                heap.decref(f);
            }
            return;
        }
        Long nativeInit = cls.builtinBase instanceof NativeType nt ? rt.typeAttrs.getOrDefault(nt, java.util.Map.of()).get("__init_subclass__") : null;
        if (nativeInit != null) {  // a native base's own (ctypes' Structure: what PyCStructType does to the new class)
            heap.decref(rt.ops.call(nativeInit, args, 0, args.length, nkw == 0 ? 0 : kwNames));
            return;
        }
        if (nkw > 0) throw rt.typeError(cls.name() + ".__init_subclass__() takes no keyword arguments");
    }

    /** An instance layout as type_new computes it: best base, slots, __dict__ and __weakref__. */
    private record Layout(ClassType heapBase, long basicSize, long itemSize, long weaklistOffset, long dictOffset, int flags,
                          String[] slotNames, long[] slotOffsets, boolean addDict, boolean addWeak,
                          long htSlots) {}

    /**
     * best_base, type_new_slots and type_new_descriptors: the heap base whose layout this one
     * extends (TypeError on a lay-out conflict), the {@code __slots__} (checked, mangled, sorted,
     * placed after the base's layout), then the weakref slot and the managed dict when added.
     */
    private static Layout layout(Runtime rt, String name, long bases, long ns, PyType builtinBase) {
        Heap heap = rt.heap;
        boolean exc = builtinBase instanceof ExceptionType;
        ClassType best = null;
        for (long i = 0; i < TupleType.size(bases); i++) {
            if (!(heap.typeAt(TupleType.item(bases, i)) instanceof ClassType c)) continue;
            if (best == null) { best = c; continue; }
            ClassType bs = best.solid, cs = c.solid;
            if (cs == null || bs == cs || (bs != null && bs.mro.contains(cs))) continue;
            if (bs == null || cs.mro.contains(bs)) best = c;
            else throw rt.typeError("multiple bases have instance lay-out conflict");
        }
        if (best != null && builtinSolid(heap, best) != solidBase(heap, builtinBase)) {
            // the best base is a builtin one (class E(ValueError, Mixin)): the layout extends
            // ValueError's, and a class base can only add a dict or weakref slot it already has
            if (best.solid != null) throw rt.typeError("multiple bases have instance lay-out conflict");
            ClassType same = null;
            for (long i = 0; i < TupleType.size(bases) && same == null; i++) {
                if (heap.typeAt(TupleType.item(bases, i)) instanceof ClassType c && builtinSolid(heap, c) == solidBase(heap, builtinBase)) same = c;
            }
            best = same;
        }
        long baseSize = best != null ? best.basicSize() : builtinBase.basicSize();
        long itemSize = builtinBase.itemSize();
        long baseDictOffset = best != null ? best.dictOffset : ownDictOffset(rt, builtinBase);
        boolean baseHasDict = exc || best != null && best.managed() || baseDictOffset != 0;
        boolean baseHasWeak = (best != null ? best.weaklistOffset() : builtinBase.weaklistOffset()) != 0;
        boolean addDict, addWeak;
        List<String> slots = new ArrayList<>();
        long htSlots = 0;
        long slotsObj = heap.dicts.getItem(ns, "__slots__");
        if (slotsObj == 0) {
            addDict = !baseHasDict;
            addWeak = !baseHasWeak && itemSize == 0;
        } else {
            addDict = false;
            addWeak = false;
            long held = slotsTuple(rt, slotsObj);  // ctx->slots
            try {
                if (itemSize != 0 && TupleType.size(held) > 0) {
                    throw rt.typeError("nonempty __slots__ not supported for subtype of '" + Ops.shortName(builtinBase) + "'");
                }
                for (long i = 0; i < TupleType.size(held); i++) {
                    long item = TupleType.item(held, i);
                    if (heap.typeOf(item) != heap.strs) throw rt.typeError("__slots__ items must be strings, not '" + rt.ops.typeName(item) + "'");
                    String s = StrType.value(item);
                    if (!isIdentifier(s)) throw rt.typeError("__slots__ must be identifiers");
                    if (s.equals("__dict__")) {
                        if (baseHasDict || addDict) throw rt.typeError("__dict__ slot disallowed: we already got one");
                        addDict = true;
                    } else if (s.equals("__weakref__")) {
                        if (baseHasWeak || addWeak) throw rt.typeError("__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
                        addWeak = true;
                    }
                }
                htSlots = copySlots(rt, name, ns, held, addDict, addWeak, slots);
            } finally {
                heap.decref(held);
            }
        }
        long off = baseSize;
        long[] offsets = new long[slots.size()];
        for (int i = 0; i < offsets.length; i++, off += 8) offsets[i] = off;
        long weak = best != null ? best.weaklistOffset() : builtinBase.weaklistOffset();
        if (addWeak) {
            weak = off;
            off += 8;
        }
        long dictOffset = baseDictOffset;
        if (addDict && itemSize != 0) {  // a variable-sized base: the dict pointer after the items
            dictOffset = -8;
            off += 8;
        }
        int flags = PyType.HAVE_GC | PyType.HEAPTYPE | PyType.BASETYPE | (exc ? PyType.BASE_EXC_SUBCLASS : 0) | (builtinBase.flags() & SUBCLASS_FLAGS);
        if (!exc && (addDict && itemSize == 0 || best != null && best.managed())) flags |= PyType.MANAGED_DICT;
        return new Layout(best, off, itemSize, weak, dictOffset, flags, slots.toArray(new String[0]), offsets, addDict, addWeak, htSlots);
    }

    /**
     * type_new_get_slots' tuple of {@code __slots__} (a new reference): a str is packed in a new
     * 1-tuple, a tuple is used as it is, a list becomes a tuple (PyList_AsTuple) and any other
     * iterable is iterated into one (PySequence_Tuple). Which of these allocate matters: each is a
     * GC allocation that count0 sees, and a tuple freed here goes to the tuple free list.
     */
    private static long slotsTuple(Runtime rt, long slotsObj) {
        Heap heap = rt.heap;
        PyType t = heap.typeOf(slotsObj);
        if (t == heap.strs) return heap.tuples.of(slotsObj);
        if (t == heap.tuples) return Builtins.incref(heap, slotsObj);
        if (t == heap.lists) return rt.interpreter.listToTuple(slotsObj);
        List<Long> items = new ArrayList<>();
        long it = rt.ops.iter(slotsObj);
        try {
            for (long v; (v = rt.ops.next(it)) != 0; ) items.add(v);
        } catch (RuntimeException e) {
            for (long v : items) heap.decref(v);
            throw e;
        } finally {
            heap.decref(it);
        }
        long tuple = heap.tuples.alloc(items.size());
        for (int i = 0; i < items.size(); i++) TupleType.setItemSteal(tuple, i, items.get(i));
        return tuple;
    }

    /**
     * type_new_copy_slots: the slots other than {@code __dict__} and {@code __weakref__} (when
     * those are added), mangled, into a new list (checked against the class variables), sorted,
     * and copied into a tuple: the ht_slots tuple, returned as a new reference (the list goes,
     * to the list free list). Their names are added to {@code names} in that order. Duplicates
     * stay, as in 3.11 (each gets its own slot; the later member descriptor wins).
     */
    private static long copySlots(Runtime rt, String className, long ns, long slotsTuple, boolean addDict, boolean addWeak,
                                  List<String> names) {
        Heap heap = rt.heap;
        long n = TupleType.size(slotsTuple);
        long keep = heap.lists.alloc(n - (addDict ? 1 : 0) - (addWeak ? 1 : 0));
        try {
            List<Long> objs = new ArrayList<>();
            int j = 0;
            for (long i = 0; i < n; i++) {
                long item = TupleType.item(slotsTuple, i);
                String s = StrType.value(item);
                if (addDict && s.equals("__dict__") || addWeak && s.equals("__weakref__")) continue;
                String m = mangle(className, s);
                long mangled = m.equals(s) ? Builtins.incref(heap, item) : heap.strs.of(m);
                ListType.setItemSteal(keep, j, mangled);
                objs.add(mangled);
                j++;
                if (heap.dicts.getItem(ns, m) != 0 && !m.equals("__qualname__") && !m.equals("__classcell__")) {
                    throw rt.error("ValueError", "'" + m + "' in __slots__ conflicts with class variable");
                }
            }
            objs.sort((a, b) -> Strings.compareCodePoints(StrType.value(a), StrType.value(b)));
            for (int i = 0; i < objs.size(); i++) {
                ListType.setItemSteal(keep, i, objs.get(i));
                names.add(StrType.value(objs.get(i)));
            }
            return rt.interpreter.listToTuple(keep);
        } finally {
            heap.decref(keep);
        }
    }

    /** The tp_flags bits a class inherits from its builtin base (Py_TPFLAGS_LONG_SUBCLASS .. TYPE_SUBCLASS). */
    private static final int SUBCLASS_FLAGS = 0xFF000000;

    /** _Py_Mangle: {@code __x} inside class {@code _C} is {@code _C__x}. */
    static String mangle(String className, String name) {
        if (!name.startsWith("__") || name.endsWith("__") || name.contains(".")) return name;
        String c = className.replaceFirst("^_+", "");
        return c.isEmpty() ? name : "_" + c + name;
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || !Character.isUnicodeIdentifierStart(s.codePointAt(0)) && s.charAt(0) != '_') return false;
        for (int i = 1; i < s.length(); i++) if (!Character.isUnicodeIdentifierPart(s.charAt(i))) return false;
        return true;
    }

    private static void addDescriptor(Runtime rt, long dict, long type, String name) {
        if (rt.heap.dicts.getItem(dict, name) != 0) return;  // type_add_getset's PyDict_SetDefault: the class body's own wins
        long d = rt.getsetType.create(type, name);
        rt.heap.dicts.setItem(dict, name, d);
        rt.heap.decref(d);
    }

    /**
     * C3 linearization over the bases' mros, classes and builtin types alike (a builtin type's mro
     * is its chain of bases).
     */
    /** type.mro() of a class: the C3 linearization of its current bases, as type objects (a metaclass's mro() may have given __mro__ another order). */
    static long[] c3Of(Runtime rt, ClassType cls, long t) {
        Heap heap = rt.heap;
        long bases = Native.getLong(t + ClassType.T_BASES);
        List<PyType> bs = new ArrayList<>();
        for (long i = 0; i < TupleType.size(bases); i++) bs.add(heap.typeAt(TupleType.item(bases, i)));
        List<PyType> full = c3(rt, cls, bs);
        long[] out = new long[full.size()];
        for (int i = 0; i < out.length; i++) {
            PyType m = full.get(i);
            out[i] = m == cls ? t : m instanceof ClassType c ? c.typeObject : m.address();
        }
        return out;
    }

    private static List<PyType> c3(Runtime rt, ClassType cls, List<PyType> bases) {
        for (int i = 0; i < bases.size(); i++) {  // check_duplicates: a base named twice has no linearization
            for (int j = i + 1; j < bases.size(); j++) {
                if (bases.get(i) == bases.get(j)) throw rt.typeError("duplicate base class " + Ops.shortName(bases.get(i)));
            }
        }
        List<List<PyType>> seqs = new ArrayList<>();
        for (PyType b : bases) seqs.add(mroOf(rt, b));
        seqs.add(new ArrayList<>(bases));
        List<PyType> out = new ArrayList<>();
        out.add(cls);
        if (bases.isEmpty()) out.add(rt.heap.objectType);
        while (true) {
            seqs.removeIf(List::isEmpty);
            if (seqs.isEmpty()) return out;
            PyType pick = null;
            for (List<PyType> s : seqs) {
                PyType head = s.getFirst();
                boolean inTail = false;
                for (List<PyType> s2 : seqs) if (s2.indexOf(head) > 0) inTail = true;
                if (!inTail) { pick = head; break; }
            }
            if (pick == null) throw rt.typeError("Cannot create a consistent method resolution order (MRO)");
            out.add(pick);
            for (List<PyType> s : seqs) if (s.getFirst() == pick) s.removeFirst();
        }
    }

    /** A base's mro: a class's {@link ClassType#fullMro}, a builtin type's chain of bases. */
    private static List<PyType> mroOf(Runtime rt, PyType b) {
        Heap heap = rt.heap;
        if (b instanceof ClassType c) return new ArrayList<>(c.fullMro);
        List<PyType> chain = new ArrayList<>();
        for (PyType t = b; t != null; t = t.base()) {
            chain.add(t);
            // ExceptionGroup's bases are (BaseExceptionGroup, Exception), as BuiltinTypeInfo gives them
            if (t instanceof ExceptionGroups.GroupType g && g.heapLike) chain.add(rt.exceptionType("BaseExceptionGroup"));
        }
        if (chain.getLast() != heap.objectType) chain.add(heap.objectType);  // the exceptions' chains stop at BaseException
        return chain;
    }

    /** The solid base of the builtin layout a class's instances extend (object when none). */
    private static PyType builtinSolid(Heap heap, ClassType c) {
        return solidBase(heap, c.builtinBase == null ? heap.objectType : c.builtinBase);
    }

    /**
     * solid_base of a builtin type: the nearest type on its chain of bases that adds fields to its
     * base's layout (ValueError's is BaseException, OSError's is OSError itself).
     */
    private static PyType solidBase(Heap heap, PyType t) {
        while (t != heap.objectType && t.base() != null && t.base() != heap.objectType
                && t.basicSize() == t.base().basicSize() && t.itemSize() == t.base().itemSize()) {
            t = t.base();
        }
        return t;
    }
}

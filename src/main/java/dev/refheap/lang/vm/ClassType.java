package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.DictType;
import dev.refheap.object.DictValues;
import dev.refheap.object.HeapTypeSlots;
import dev.refheap.object.Layout;
import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * A class defined by Python code: a heap type. The descriptor describes the class's instances;
 * the class object itself (an instance of {@code type}, GC-tracked) holds the class dict, bases
 * and mro, and every instance holds a reference to it.
 *
 * <p>Instances of classes based on {@code object} have 3.11's managed dict: a 32-byte pre-header
 * whose values pointer (at -32) leads to an inline values array shared-keys style (the attribute
 * names are the class's {@link #keys}), so an instance has no dict object unless {@code __dict__}
 * is asked for: {@code getsizeof(A()) == 56}, and a two-instance cycle is 2 objects to the
 * collector. Instances of exception subclasses extend the exception layout instead.
 *
 * <p>A class with a builtin base other than object and the exceptions ({@link #builtinBase}:
 * classmethod, staticmethod, property, tuple, type) lays its instances out as 3.11's type_new
 * does: the base's layout first, then the slots, then {@code __weakref__} when the base has none
 * and its items are not variable-sized, and the dict: the base's own (classmethod's cm_dict,
 * type's tp_dict), a managed dict for bases without items (property), or a pointer after the
 * items for variable-sized bases (tuple: tp_dictoffset -8). The slots below chain to the base's
 * as subtype_traverse/subtype_clear/subtype_dealloc do: the slots and the dict first, then the
 * class, then the base's own traverse/clear/dealloc (which frees the object and, through
 * {@code Heap.freeObject}, releases the class). A class whose base is {@code type} is a
 * metaclass: its instances are class objects, made by {@link ClassFactory} with it as their type.
 */
final class ClassType extends LangType implements HeapTypeSlots {
    /** Type object layout (our PyHeapTypeObject): dict, bases, mro, name, qualname, module. */
    static final int T_DICT = 32 + 8, T_BASES = 48, T_MRO = 56, T_NAME = 64, T_QUALNAME = 72, T_SUBCLASSES = 88; // 80 is Layout.TP_WEAKLIST
    /** ht_slots: the tuple of the slot names this class adds (type_new_copy_slots), or 0 without {@code __slots__}; owned, not traversed (only strings). */
    static final int T_SLOTS = 96;
    /**
     * tp_base: the best base (best_base: the base whose solid base is the most derived, the first
     * of equals), a counted reference as type_new takes it; visited last by type_traverse. The
     * offset is {@link HeapTypeObjects#T_BASE}'s (104 is ht_module there, always 0 for a class).
     */
    static final int T_BASE = 112;
    static final int TYPE_OBJECT_SIZE = 1672;
    /** sizeof(PyHeapTypeObject) in 3.11 (type.__basicsize__): what a class without instance shared keys reports. */
    static final int HEAP_TYPE_STRUCT_SIZE = 904;

    /** The classes of {@link #fullMro} (this class first), in its order: the class dicts a lookup reads. */
    final List<ClassType> mro = new ArrayList<>();
    /**
     * The method resolution order as CPython's tp_mro: the C3 linearization over classes and builtin
     * types alike (this class first, object last), so a builtin base can come before a Python
     * mixin ({@code class E(ValueError, Mixin)}: E, ValueError, Exception, BaseException, Mixin, object).
     */
    final List<PyType> fullMro = new ArrayList<>();
    /** The builtin type whose layout instances extend: null for object, an exception type when {@link #exceptionBased}. */
    final PyType builtinBase;
    /**
     * The builtin container or number whose slots instances use for what the class does not define
     * ({@link Ops#asBuiltin}): tuple, list, dict, set, frozenset, int, float (the data base of a
     * native base such as defaultdict); null for other bases.
     */
    final PyType dataBase;
    final boolean exceptionBased;
    /**
     * Where the instance dict pointer lives when it is not managed: a fixed offset from the
     * base's own layout (classmethod's cm_dict), -8 for a pointer after a variable-sized base's
     * items (tp_dictoffset -8), 0 for none.
     */
    final long dictOffset;
    /** True if this class derives from {@code type} (Py_TPFLAGS_TYPE_SUBCLASS): its instances are classes. */
    final boolean metaclass;
    /** Attribute names of the inline values, in insertion order (the shared keys). */
    final List<String> keys = new ArrayList<>();
    final Map<String, Integer> keyIndex = new HashMap<>();
    long typeObject;
    boolean hasDel;
    /**
     * A legacy finalizer (tp_del) that calls the class's {@code __tp_del__}: only _testcapi.with_tp_del
     * sets it (CPython's slot_tp_del there), and subclasses do not inherit it. Unreachable cycles
     * holding such an instance are uncollectable (gc.garbage).
     */
    boolean tpDel;
    /**
     * Results of {@link Ops#lookupType} on this class (borrowed; 0 for absent), valid while
     * {@link #lookupCacheVersion} equals the dicts' watched version: every class dict is watched,
     * so any change to any class dict (or its death) empties the cache before the next lookup
     * (CPython's type attribute cache with its version tags).
     */
    final Map<String, Long> lookupCache = new HashMap<>();
    long lookupCacheVersion = -1;
    /**
     * {@link Ops#lookupType} of {@code __init__}, {@code __new__} and {@code __del__} (a CALL of
     * the class and each finalizer ask for them per instance), or {@link Ops#NOT_LOOKED_UP}: the
     * same results as {@link #lookupCache}, valid under the same rule, at {@link #specialsVersion}.
     */
    long cachedInit = Ops.NOT_LOOKED_UP, cachedNew = Ops.NOT_LOOKED_UP, cachedDel = Ops.NOT_LOOKED_UP;
    long specialsVersion = -1;
    /** Which of the specials' type-cache tagging ({@link Ops#lookupInit}) is known to tag nothing at {@link #specialsVersion}. */
    int specialsSettled;
    /** object's __init__ slot once {@link Ops#isObjectInit} has seen it as this class's __init__, else 0. */
    long objectInit;
    /**
     * Py_TPFLAGS_VALID_VERSION_TAG: set when the type attribute cache first looks a name up on this
     * class (CPython's assign_version_tag, from _PyType_Lookup: an attribute read or write on an
     * instance or the class, a special method Python code defines), cleared by PyType_Modified
     * (an attribute set or deleted on the class or on a base). Only {@code __flags__} shows it.
     */
    boolean validVersionTag;
    /** Py_TPFLAGS_IS_ABSTRACT: the truth of the last {@code __abstractmethods__} assigned (type_set_abstractmethods). */
    boolean abstractFlag;
    /**
     * Py_TPFLAGS_SEQUENCE or Py_TPFLAGS_MAPPING (or 0): the first base on the mro that has one
     * (inherit_patma_flags), or'ed with an ABCMeta class's own {@code __abc_tpflags__} (_abc_init),
     * replaced by a registration with an ABC that has one (_abc_register, on the class and its subclasses).
     */
    int collectionFlags;
    /** The {@code __slots__} this class adds itself (mangled, sorted as type_new sorts them) and their byte offsets. */
    String[] slotNames = {};
    long[] slotOffsets = {};
    /** tp_base when it is a class defined by Python code (its slots precede ours), else null. */
    ClassType heapBase;
    /** The class whose slots last extended the layout (CPython's solid_base), or null for the builtin base's layout. */
    ClassType solid;
    /** {@link Attributes}' hook bits (user __getattribute__, __getattr__, __setattr__, __delattr__), valid at {@link #hooksVersion}. */
    int hooks;
    long hooksVersion = -1;
    /**
     * ht_cached_keys: the native shared keys table of a class whose instances have a managed dict
     * (made with the class, released when the class object is freed; split dicts hold their own
     * references), else 0. Its dk_usable is 30 at first, one less for each instance made while
     * above 1 and one less for each new attribute name; no new name joins at 0. {@link #keys}
     * mirrors its entries in order.
     */
    long cachedKeys;
    /** True once the class object is freed: the descriptor stays in the heap's types (its index is not reused). */
    boolean typeObjectFreed;

    ClassType(Runtime rt, String name, PyType builtinBase, boolean exceptionBased, long basicSize, long itemSize,
              long weaklistOffset, long dictOffset, int flags) {
        super(rt, name, builtinBase, flags, basicSize, itemSize, weaklistOffset);
        this.builtinBase = builtinBase;
        this.dataBase = builtinBase != null ? builtinBase.dataBase() : null;
        this.exceptionBased = exceptionBased;
        this.dictOffset = dictOffset;
        this.metaclass = (flags & TYPE_SUBCLASS) != 0;
    }

    /** True if the layout extends a builtin base other than object and the exceptions (its slots chain to the base's). */
    boolean builtinLayout() { return builtinBase != null && !exceptionBased; }


    /** The address of the instance's dict pointer when the dict is not managed ({@link #dictOffset}), else 0. */
    long dictSlot(long o) {
        if (dictOffset > 0) return o + dictOffset;
        if (dictOffset < 0) {
            long n = Math.abs(Native.getLong(o + Layout.OB_SIZE));
            return o + ((basicSize() + n * itemSize() + 7) & ~7L) + dictOffset;
        }
        return 0;
    }

    long dict() { return get(typeObject, T_DICT); }

    /** True if instances keep their attributes in the managed dict (inline values, then a dict). */
    boolean managed() { return hasFlag(MANAGED_DICT); }

    /** True if instances have a {@code __dict__} at all (managed, the exception's own, or at {@link #dictOffset}). */
    boolean hasDict() { return exceptionBased || managed() || dictOffset != 0; }

    /** Visits the slots of this class and its heap bases (traverse_slots up the tp_base chain). */
    void visitSlots(long o, LongConsumer visit) {
        for (ClassType b = this; b != null; b = b.heapBase) {
            for (long off : b.slotOffsets) {
                long v = Native.getLong(o + off);
                if (v != 0) visit.accept(v);
            }
        }
    }

    /** clear_slots from this class up: each slot emptied (Py_CLEAR) in order. */
    void clearSlots(long o) {
        for (ClassType b = this; b != null; b = b.heapBase) {
            for (long off : b.slotOffsets) {
                long v = Native.getLong(o + off);
                if (v != 0) {
                    Native.putLong(o + off, 0);
                    heap.decref(v);
                }
            }
        }
    }

    /** The index of attribute {@code name} in the inline values, adding it to the shared keys if asked. */
    int keyIndex(String name, boolean add) {
        Integer i = keyIndex.get(name);
        if (i != null) return i;
        if (!add || cachedKeys == 0 || DictType.keysUsable(cachedKeys) <= 0) return -1;
        long key = heap.strs.internedOf(name);
        long ix = heap.dicts.sharedKeysIndex(cachedKeys, key);  // insert_into_dictkeys: the table takes a reference
        heap.decref(key);
        if (ix >= 0) mirrorKey(name, (int) ix);
        return (int) ix;
    }

    /** The shared keys gained {@code name} at entry {@code ix} (always the next one): the mirror follows. */
    void mirrorKey(String name, int ix) {
        if (ix != keys.size()) throw new IllegalStateException("shared keys of " + name() + ": entry " + ix + " joined a mirror of " + keys.size());
        keys.add(name);
        keyIndex.put(name, ix);
    }

    // ---- instances --------------------------------------------------------------------------

    /** A new, tracked instance with no attributes (object_new or PyType_GenericNew of the builtin base: fields zero). */
    long allocInstance() {
        return allocInstance(0);
    }

    /** As {@link #allocInstance()} with {@code nitems} items (zeroed) for a variable-sized base. */
    long allocInstance(long nitems) {
        // _PyObject_VAR_SIZE: a variable-sized base's items rounded up to a pointer (int's digits), so
        // the dict pointer after them (tp_dictoffset -8) lies inside the object
        long size = (basicSize() + heap.bytesFor(nitems, itemSize(), basicSize() + 64) + 7) & ~7L;
        long o = heap.allocObjectOfSize(this, size, nitems);
        if (builtinLayout()) {
            Native.fill(o + Layout.OBJECT_HEAD, size - Layout.OBJECT_HEAD, (byte) 0);
            if (itemSize() != 0) Native.putLong(o + Layout.OB_SIZE, nitems);
            builtinBase.initSubtypeInstance(o);
            heap.track(o);
            return o;
        }
        if (exceptionBased) {
            Native.fill(o + ExceptionType.SIZE, basicSize() - ExceptionType.SIZE, (byte) 0);
            ExceptionType.init(o, heap.tuples.alloc(0));
            if (builtinBase instanceof OSErrorType) OSErrorType.initFields(o);
        } else {
            Native.fill(o + Layout.OBJECT_HEAD, basicSize() - Layout.OBJECT_HEAD, (byte) 0);
            if (managed() && cachedKeys != 0) {
                // _PyObject_InitInlineValues: the values array is made with the object, as many
                // slots as the shared keys have entries and usable places then (never grown)
                DictType.takeUsablePlace(cachedKeys);
                long values;
                try {
                    values = DictValues.newValues(heap, DictType.sharedKeysUsableSize(cachedKeys));
                } catch (RuntimeException e) {
                    heap.track(o);
                    heap.decref(o);
                    throw e;
                }
                Native.putLong(o + Layout.MANAGED_VALUES, values);
            }
        }
        if (isGc()) heap.track(o);  // not a class _testcapi.without_gc made non-GC
        return o;
    }

    // ---- calling the class (type_call) ---------------------------------------------------------

    /*
     * A heap class has no vectorcall in 3.11: calling it goes through _PyObject_MakeTpCall, which
     * packs the positional arguments into a tuple and the keyword arguments into a dict before
     * tp_new, and releases them (tuple, then dict) after tp_init; with keywords, slot_tp_init
     * unpacks them again for __init__ (_PyStack_UnpackDict: every value once more and a tuple of
     * the names). So inside __init__ each argument has those references too, and the tuples and
     * dicts move count0 as CPython's do.
     */

    /** The argument tuple of a class call: a new reference (the empty tuple for none). */
    long callArgsTuple(long[] a, int o, int n, long kwnames) {
        int npos = n - (kwnames == 0 ? 0 : (int) TupleType.size(kwnames));
        long t = heap.tuples.alloc(npos);
        for (int i = 0; i < npos; i++) {
            heap.incref(a[o + i]);
            TupleType.setItemSteal(t, i, a[o + i]);
        }
        return t;
    }

    /** The keyword dict of a class call, or 0 without keywords: a new reference. */
    long callKwargsDict(long[] a, int o, int n, long kwnames) {
        int nkw = kwnames == 0 ? 0 : (int) TupleType.size(kwnames);
        if (nkw == 0) return 0;
        long d = heap.dicts.create();
        for (int i = 0; i < nkw; i++) heap.dicts.setItem(d, TupleType.item(kwnames, i), a[o + n - nkw + i]);
        return d;
    }

    /** slot_tp_init's unpacked copy when there are keywords (values, then a names tuple), or null. */
    long[] unpackForInit(long[] a, int o, int n, long kwnames) {
        int nkw = kwnames == 0 ? 0 : (int) TupleType.size(kwnames);
        if (nkw == 0) return null;
        long[] held = new long[n + 1];
        for (int i = 0; i < n; i++) {
            heap.incref(a[o + i]);
            held[i] = a[o + i];
        }
        long names = heap.tuples.alloc(nkw);
        for (int i = 0; i < nkw; i++) {
            heap.incref(TupleType.item(kwnames, i));
            TupleType.setItemSteal(names, i, TupleType.item(kwnames, i));
        }
        held[n] = names;
        return held;
    }

    /** Releases slot_tp_init's copy (after __init__ returns); null is none. */
    void releaseUnpacked(long[] unpacked) {
        if (unpacked != null) for (long v : unpacked) heap.decref(v);
    }

    /** Releases the call's tuple, then its dict (0 is none), as _PyObject_MakeTpCall does last. */
    void releasePacked(long argsTuple, long kwargs) {
        heap.decref(argsTuple);
        heap.xdecref(kwargs);
    }

    /** The values array of an instance (0 if it has none): its value slots; {@link Instances} describes the block. */
    static long values(long o) { return Native.getLong(o + Layout.MANAGED_VALUES); }

    @Override
    public boolean hasFinalizer() { return hasDel; }

    @Override
    public boolean hasLegacyFinalizer() { return tpDel; }

    /** _testcapi.with_tp_del: gives the class a tp_del calling its {@code __tp_del__}. */
    void setLegacyFinalizer() {
        tpDel = true;
        heap.legacyFinalizerTypeAdded();
    }

    /**
     * _testcapi.without_gc: takes Py_TPFLAGS_HAVE_GC (and tp_traverse, tp_clear) off the class, so
     * its instances have no GC head and are never tracked; their dealloc then neither clears slots
     * nor a dict nor weakrefs (subtype_dealloc's non-GC branch). refheap does it only for the
     * layout where that loses nothing, an object with no slots, dict or weakref slot, and only
     * while the class has no instances (their GC heads decide where their memory starts).
     */
    void dropGc() {
        if (!isGc()) return;
        if (builtinBase != null || exceptionBased || basicSize() != Layout.OBJECT_HEAD || managed()
                || weaklistOffset() != 0 || dictOffset != 0) {
            throw rt.error("NotImplementedError", "refheap does not support _testcapi.without_gc on a class whose instances have "
                    + "slots, a __dict__, a __weakref__ or a builtin base other than object");
        }
        for (int g = 0; g <= dev.refheap.gc.CycleCollector.NUM_GENERATIONS; g++) {
            boolean[] found = {false};
            rt.gc.forEachInGeneration(g, x -> { if (dev.refheap.object.Heap.typeAddress(x) == typeObject) found[0] = true; });
            if (found[0]) {
                throw rt.error("NotImplementedError", "refheap does not support _testcapi.without_gc on a class that already has instances");
            }
        }
        dropFlag(HAVE_GC);
    }

    /**
     * slot_tp_del of _testcapi: the object (refcount 0, in its dealloc) is resurrected for the call
     * of {@code type(o).__tp_del__(o)}, whose errors are reported as unraisable; true if the call
     * left references to it (resurrected: the dealloc stops), with the refcount they make.
     */
    private boolean callLegacyFinalizer(long o) {
        Native.putLong(o + Layout.OB_REFCNT, 1);
        rt.callTpDel(o);
        long n = Native.getLong(o + Layout.OB_REFCNT) - 1;
        Native.putLong(o + Layout.OB_REFCNT, n);
        return n != 0;
    }

    @Override
    public void finalize(long o) { rt.callDel(o, this); }

    /** Whether an instance's weakref list (if this class has one) holds a weak reference. */
    private boolean hasWeakrefs(long o) {
        long off = weaklistOffset();
        return off != 0 && Native.getLong(o + off) != 0;
    }

    @Override
    public void traverse(long o, LongConsumer visit) {
        // subtype_traverse: the slots up the heap bases, the instance dict, the class, then the builtin base's traverse.
        visitSlots(o, visit);
        if (exceptionBased) {
            // ExceptionGroup is a heap type in 3.11: its traverse visits the type, once
            if (!(builtinBase instanceof ExceptionGroups.GroupType g && g.heapLike)) visit.accept(typeObject);
            ((ExceptionType) builtinBase).traverse(o, visit);
            return;
        }
        visitDict(o, visit);
        visit.accept(typeObject);
        if (builtinBase != null) builtinBase.traverse(o, visit);
    }

    @Override
    public void references(long o, LongConsumer visit) {
        if (!builtinLayout()) {
            traverse(o, visit);
            return;
        }
        visitSlots(o, visit);
        visitDict(o, visit);
        visit.accept(typeObject);
        builtinBase.references(o, visit);
    }

    /** The dict (or the inline values) the subclass added: managed, or after a variable-sized base's items. */
    private void visitDict(long o, LongConsumer visit) {
        if (managed()) {
            long d = get(o, Layout.MANAGED_DICT);
            if (d != 0) {
                visit.accept(d);
            } else {
                long v = values(o);
                if (v != 0) {
                    // _PyObject_VisitInstanceAttributes: by slot up to the keys' entries, not in the insertion order
                    int n = keys.size();
                    for (long i = 0; i < n; i++) {
                        long x = Native.getLong(Instances.slot(v, i));
                        if (x != 0) visit.accept(x);
                    }
                }
            }
        } else if (dictOffset < 0) {
            long d = Native.getLong(dictSlot(o));
            if (d != 0) visit.accept(d);
        }
    }

    @Override
    public boolean hasClear() { return true; }

    @Override
    public void clear(long o) {
        clearSlots(o);
        if (exceptionBased) {
            ((ExceptionType) builtinBase).clear(o);
            return;
        }
        clearAttributes(o);
        if (builtinBase != null && builtinBase.hasClear()) builtinBase.clear(o);
    }

    /** Releases the dict this class added (managed, or after the items); the base's own dict is its base's to clear. */
    private void clearAttributes(long o) {
        if (dictOffset < 0) {
            long slot = dictSlot(o);
            long d = Native.getLong(slot);
            if (d != 0) {
                Native.putLong(slot, 0);
                heap.decref(d);
            }
            return;
        }
        if (!managed()) return;
        long d = get(o, Layout.MANAGED_DICT);
        if (d != 0) {
            put(o, Layout.MANAGED_DICT, 0);
            heap.decref(d);
        }
        long v = values(o);
        if (v != 0) {
            put(o, Layout.MANAGED_VALUES, 0);
            int n = keys.size();
            for (long i = 0; i < n; i++) heap.xdecref(Native.getLong(Instances.slot(v, i)));
            Instances.freeValues(heap, v);
        }
    }

    /**
     * subtype_dealloc: finalizer (may resurrect), weakrefs, slots, attributes, then the builtin
     * base's dealloc (which frees the object; a free list only takes its exact type) or the memory,
     * then the class.
     */
    @Override
    public void dealloc(long o) {
        if (!isGc()) {
            // a class _testcapi.without_gc made non-GC: finalizer, tp_del, then the memory (its layout has nothing to clear)
            if (hasDel && heap.callFinalizerFromDealloc(o, this)) return;
            if (tpDel && callLegacyFinalizer(o)) return;
            heap.freeObject(o);
            return;
        }
        heap.untrackIfTracked(o);
        if (hasDel) {
            heap.track(o);
            if (heap.callFinalizerFromDealloc(o, this)) return;
            heap.untrackIfTracked(o);
        }
        // PyObject_ClearWeakRefs does nothing for an empty list: test the word here, not after its type lookup
        if (hasWeakrefs(o)) heap.weakrefs.clearWeakrefs(o);
        if (tpDel) {
            heap.track(o);
            if (callLegacyFinalizer(o)) return;
            heap.untrackIfTracked(o);
        }
        // weakrefs a finalizer made after the clearing above die without their callbacks
        if ((hasDel || tpDel) && hasWeakrefs(o)) heap.weakrefs.clearRefsWithoutCallbacks(o);
        clearSlots(o);
        if (exceptionBased) {
            ((ExceptionType) builtinBase).clear(o);
            heap.freeObject(o);
            return;
        }
        clearAttributes(o);
        if (builtinBase != null) builtinBase.dealloc(o);
        else if (dev.refheap.object.Heap.typeAddress(o) == address()) heap.freeObject(o, this);
        else heap.freeObject(o);  // a finalizer assigned __class__
    }

    @Override
    public long sizeOf(long o) {
        // the base's __sizeof__ reads tp_basicsize of the object's own type: this class's
        return builtinLayout() ? builtinBase.subtypeSizeOf(o, basicSize()) : super.sizeOf(o);
    }

    @Override
    public long hash(long o) { return rt.ops.hashInstance(o, this); }

    @Override
    public boolean equals(long a, long b) { return rt.ops.instanceEquals(a, b); }

    // ---- the class object itself ----------------------------------------------------------------

    @Override
    public void traverseTypeObject(long t, LongConsumer visit) {
        // type_traverse's order: tp_dict, tp_mro, tp_bases, tp_base (tp_cache and ht_module are NULL for a class)
        visitField(t, T_DICT, visit);
        visitField(t, T_MRO, visit);
        visitField(t, T_BASES, visit);
        visitField(t, T_BASE, visit);
    }

    @Override
    public void referencesOfTypeObject(long t, LongConsumer visit) {
        traverseTypeObject(t, visit);
        visitField(t, T_NAME, visit);
        visitField(t, T_QUALNAME, visit);
        visitField(t, T_SUBCLASSES, visit); // owned but not traversed, as tp_subclasses: it holds only weakrefs
        visitField(t, T_SLOTS, visit); // owned but not traversed, as ht_slots: it holds only strings
    }

    @Override
    public void clearTypeObject(long t) {
        if (cachedKeys != 0) {  // type_clear: the class lets go of its shared keys (split dicts keep their own references)
            long k = cachedKeys;
            cachedKeys = 0;
            heap.dicts.decrefKeys(k);
        }
        clearField(t, T_DICT);
        clearField(t, T_MRO);
        rt.subclasses.removeFromBases(t, get(t, T_BASES));
        clearField(t, T_BASES);
    }

    @Override
    public void deallocTypeObject(long t) {
        typeObjectFreed = true;
        heap.untrackIfTracked(t);
        rt.subclasses.removeFromBases(t, get(t, T_BASES));
        heap.weakrefs.clearWeakrefs(t);
        clearField(t, T_BASE);  // type_dealloc releases tp_base first
        clearTypeObject(t);
        clearField(t, T_NAME);
        clearField(t, T_QUALNAME);
        clearField(t, T_SUBCLASSES);
        clearField(t, T_SLOTS);
        heap.freeObject(t);
    }

    @Override
    public long typeObjectSize(long t) {
        // type.__sizeof__: the PyHeapTypeObject, plus the cached shared keys of a class whose instances have a managed dict
        return cachedKeys != 0 ? TYPE_OBJECT_SIZE : HEAP_TYPE_STRUCT_SIZE;
    }
}

package dev.refheap.lang.modules.ctypes;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.PyType;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * {@code _ctypes._Pointer}: the abstract base of ctypes' pointer classes. {@code POINTER(T)} makes,
 * once per T (cached in {@code ctypes._pointer_type_cache}, as CPython's ctypes does), the class
 * {@code LP_T} derived from it with {@code _type_ = T}; its metaclass is PyCPointerType. A class's
 * target type is worked out when the class is made (the base's {@code __init_subclass__}).
 *
 * <p>An instance is CPython's CDataObject ({@link CDataType}) whose 8 bytes of data are an address:
 * 0 (NULL: falsy; {@code contents} and items raise "NULL pointer access") or the data of the object
 * it was made from ({@code pointer(obj)}, {@code POINTER(T)(obj)}, {@code .contents = obj}: that
 * object is kept in {@code _objects} under "1"), or any address ({@code cast}). {@code p[i]} is the
 * T at address + i * sizeof(T): reads are refused outside refheap's heap and writes meet the write
 * contract, whoever owns the memory, since a pointer owns none of it. {@code contents} is a new
 * instance of T at the address whose {@code _b_base_} is the pointer. States: NULL or pointing;
 * pointer classes live as long as the cache holds them (the runtime's life).
 */
final class PointerType extends CDataType {
    /** The target types of this base's Python subclasses (a class's entry goes when the class does). */
    private final Map<PyType, Long> targets = new WeakHashMap<>();
    /** Each pointer class's buffer format, fixed when the class is made (a target's later _fields_ do not change it, as in CPython). */
    private final Map<PyType, String> formats = new WeakHashMap<>();
    long metaclass;
    /** {@code ctypes._pointer_type_cache}: target type to pointer class (held by the runtime). */
    long cache;

    PointerType(VmApi vm) {
        super(vm, "_ctypes._Pointer", null, SIZE);
    }

    CType targetOf(long cls) {
        if (cls == typeObject()) throw vm.error("TypeError", "Cannot create instance: has no _type_");
        Long t = targets.get(vm.typeAt(cls));  // the class (kept by cls's _type_), its layout looked up each time: a Structure's _fields_ may come later
        return t != null ? CType.of(vm, t) : define(cls);
    }

    @Override
    long sizeOfClass(long cls) { return 8; }

    @Override
    int alignOfClass(long cls) { return 8; }

    @Override
    String formatOfClass(long cls) {
        String f = formats.get(vm.typeAt(cls));
        if (f != null) return f;
        CType t = targetOf(cls);
        return "&" + (t.data() instanceof ArrayType at ? at.fieldFormat(t.cls()) : t.format());
    }

    /** PyCPointerType_new's work: class {@code cls}'s {@code _type_} checked and recorded. */
    CType define(long cls) {
        long typeObj = vm.getAttrOrNull(cls, "_type_");
        if (typeObj == 0) throw vm.error("TypeError", "Cannot create instance: has no _type_");
        CType t;
        try {
            t = CType.of(vm, typeObj);
        } finally {
            vm.heap.decref(typeObj);
        }
        if (t == null) throw vm.error("TypeError", "_type_ must have storage info");
        targets.put(vm.typeAt(cls), t.cls());
        formats.put(vm.typeAt(cls), "&" + (t.data() instanceof ArrayType at ? at.fieldFormat(t.cls()) : t.format()));
        return t;
    }

    /** {@code POINTER(cls)}: the cached class, made on first use (POINTER(None) is c_void_p, the cache's entry). A new reference. */
    long pointerTo(long cls) {
        long hit = vm.heap.dicts.getItem(cache, cls);
        if (hit != 0) return vm.incref(hit);
        if (vm.isStr(cls)) throw StructType.notBuilt(vm, "incomplete pointer types (POINTER of a str)");
        if (!vm.isType(cls)) throw vm.error("TypeError", "must be a ctypes type");
        if (CType.of(vm, cls) == null) throw vm.error("TypeError", "_type_ must have storage info");
        String tn = vm.typeAt(cls).name();
        long name = vm.str("LP_" + tn.substring(tn.lastIndexOf('.') + 1));
        long bases = vm.heap.tuples.of(typeObject());
        long ns = vm.heap.dicts.create();
        long p;
        try {
            vm.heap.dicts.setItem(ns, "_type_", cls);
            p = vm.call(metaclass, name, bases, ns);
        } finally {
            vm.heap.decref(ns);
            vm.heap.decref(bases);
            vm.heap.decref(name);
        }
        vm.heap.dicts.setItem(cache, cls, p);
        return p;
    }

    // ---- instances -------------------------------------------------------------------------------

    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) { throw vm.error("TypeError", "Cannot create instance: has no _type_"); }

    @Override
    public long newSubtypeInstance(java.util.function.LongSupplier alloc, long cls, boolean objectInit, long[] a, int off, int n, long kw) {
        targetOf(cls);
        long o = alloc.getAsLong();
        giveBuffer(o, 8);
        return o;
    }

    /** Pointer_init: no argument is NULL, one is the object to point at. */
    void init(long o, long[] a, int off, int n, long kwnames) {
        Params.noKeywords(vm, "POINTER", kwnames);
        if (n > 1) throw vm.error("TypeError", "POINTER expected at most 1 argument, got " + n);
        if (n == 1) setContents(o, a[off]);
    }

    /** A new pointer of class {@code cls} holding {@code address} (a cast's result), nothing kept. */
    long holding(long cls, long address) {
        long o = vm.call(cls);
        Native.putLong(ptr(o), address);
        return o;
    }

    /** The address the pointer holds. */
    static long target(long o) {
        return Native.getLong(ptr(o));
    }

    private long targetChecked(long o) {
        if (!owns(o)) vm.ctypesCheckRead(ptr(o), 8);
        long t = target(o);
        if (t == 0) throw vm.error("ValueError", "NULL pointer access");
        return t;
    }

    /** Pointer_set_contents: {@code v} must be an instance of the target type; its data's address is stored and v kept under "1". */
    void setContents(long o, long v) {
        if (v == 0) throw vm.error("TypeError", "Pointer does not support item deletion");
        CType t = targetOf(vm.heap.typeOf(o).address());
        if (!vm.isInstanceOf(v, vm.typeAt(t.cls()))) {
            throw vm.error("TypeError", "expected " + vm.typeAt(t.cls()).name() + " instead of " + vm.typeName(v));
        }
        long address = CtypesModule.dataAddress(vm, v);
        if (owns(o)) Native.putLong(ptr(o), address);
        else vm.ctypesStore(ptr(o), 8, address);
        keep(o, 1, v);
        long kept = vm.layoutType(v) instanceof CDataType ? get(v, B_OBJECTS) : 0;
        if (kept != 0) keep(o, 0, kept);
    }

    /** {@code p.contents}: an instance of the target type at the address, its {@code _b_base_} the pointer. */
    long contents(long o) {
        long address = targetChecked(o);
        CType t = targetOf(vm.heap.typeOf(o).address());
        return CtypesModule.instanceAt(vm, t, address, o, 0);
    }

    private long itemIndex(long key) {
        java.math.BigInteger b = vm.asIndex(key);
        if (b.bitLength() > 63) throw vm.error("IndexError", "cannot fit '" + vm.typeName(key) + "' into an index-sized integer");
        return b.longValue();
    }

    private long itemAt(long o, long i) {
        long base = targetChecked(o);
        CType t = targetOf(vm.heap.typeOf(o).address());
        long address = base + i * t.size();
        if (t.scalar() == null) return CtypesModule.instanceAt(vm, t, address, o, i);
        vm.ctypesCheckRead(address, t.size());
        if (!t.scalar().isObject()) return t.scalar().read(vm, address);
        long obj = Native.getLong(address);
        if (obj == 0) throw vm.error("ValueError", "PyObject is NULL");
        return vm.objectAtAddress(obj);
    }

    @Override
    public long getItemOf(long o, long key) {
        if (!vm.isSlice(key)) {
            if (!vm.isInt(key) && !vm.typeHas(key, "__index__")) throw vm.error("TypeError", "Pointer indices must be integer");
            return itemAt(o, itemIndex(key));
        }
        long start = sliceField(key, "start", 0), stop = sliceField(key, "stop", Long.MIN_VALUE), step = sliceField(key, "step", 1);
        if (step == 0) throw vm.error("ValueError", "slice step cannot be zero");
        if (stop == Long.MIN_VALUE) throw vm.error("ValueError", "slice stop is required");
        CType t = targetOf(vm.heap.typeOf(o).address());
        long len = step > 0 ? (stop > start ? (stop - start - 1) / step + 1 : 0) : (start > stop ? (start - stop - 1) / -step + 1 : 0);
        if (t.scalar() != null && t.scalar().code() == 'c') {
            long base = len > 0 ? targetChecked(o) : 0;
            byte[] b = new byte[(int) len];
            for (int k = 0; k < len; k++) {
                long p = base + start + k * step;
                vm.ctypesCheckRead(p, 1);
                b[k] = Native.getByte(p);
            }
            return vm.heap.bytes.of(b);
        }
        return itemsList(start, len, step, cur -> itemAt(o, cur));
    }

    /** A pointer slice's start, stop or step: {@code dflt} when None (a pointer has no length to clip them to). */
    private long sliceField(long slice, String name, long dflt) {
        long v = vm.getAttrOrNull(slice, name);
        try {
            if (v == 0 || v == vm.heap.None) return dflt;
            return itemIndex(v);
        } finally {
            if (v != 0) vm.heap.decref(v);
        }
    }

    @Override
    public boolean setItemOf(long o, long key, long v) {
        if (v == 0) throw vm.error("TypeError", "Pointer does not support item deletion");
        if (vm.isSlice(key) || (!vm.isInt(key) && !vm.typeHas(key, "__index__"))) throw vm.error("TypeError", "Pointer indices must be integer");
        long i = itemIndex(key);
        long base = targetChecked(o);
        CType t = targetOf(vm.heap.typeOf(o).address());
        long address = base + i * t.size();
        storeAt(o, address, i, t, v);
        return true;
    }

    /** Pointer_ass_item's PyCData_set into memory the pointer does not own: every write under the contract. */
    private void storeAt(long o, long address, long i, CType t, long v) {
        if (vm.isCtypesInt(v) || vm.layoutType(v) instanceof CDataType) {
            if (!vm.isInstanceOf(v, vm.typeAt(t.cls()))) {
                throw vm.error("TypeError", "incompatible types, " + vm.typeName(v) + " instance instead of " + t.name(vm) + " instance");
            }
            long src = CtypesModule.dataAddress(vm, v);
            vm.ctypesCheckRead(src, t.size());
            vm.ctypesStoreBytes(address, src, t.size());
            long kept = vm.isCtypesInt(v) ? 0 : get(v, B_OBJECTS);
            if (kept != 0) keep(o, i, kept);
            return;
        }
        if (t.scalar() != null) {
            vm.ctypesStore(address, t.scalar().size(), t.scalar().bits(vm, v));
            if (t.scalar().keeps()) keep(o, i, t.scalar().isObject() || vm.heap.typeOf(v) == vm.heap.bytes ? v : vm.heap.None);
            return;
        }
        if (vm.heap.typeOf(v) == vm.heap.tuples && !(t.data() instanceof PointerType)) {
            long made = vm.callWith(t.cls(), v, 0);
            try {
                storeAt(o, address, i, t, made);
            } finally {
                vm.heap.decref(made);
            }
            return;
        }
        throw vm.error("TypeError", "expected " + t.name(vm) + " instance, got " + vm.typeName(v));
    }

    @Override
    public Boolean truthOf(long o) {
        if (!owns(o)) vm.ctypesCheckRead(ptr(o), 8);
        return target(o) != 0;
    }

    @Override
    public long attrOf(long o, String attrName) {
        if (attrName.equals("contents")) return contents(o);
        return cdataAttr(o, attrName);
    }

    @Override
    public boolean setAttrOf(long o, String attrName, long v) {
        if (!attrName.equals("contents")) return false;
        setContents(o, v);
        return true;
    }

    @Override
    public boolean writableDescriptor(String attrName) { return attrName.equals("contents"); }

    @Override
    public void setDescriptorValue(long o, String attrName, long v) {
        if (v == 0) throw vm.error("TypeError", "Pointer does not support item deletion");
        setAttrOf(o, attrName, v);
    }
}

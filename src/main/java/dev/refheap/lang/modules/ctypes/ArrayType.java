package dev.refheap.lang.modules.ctypes;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.PyType;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * {@code _ctypes.Array}: the abstract base of ctypes' array classes. {@code T * n} (the
 * metaclasses' {@code __mul__}) makes, once per (T, n) as CPython's cache does, the class
 * {@code T_Array_n} derived from it with {@code _type_ = T} and {@code _length_ = n}; a class
 * statement deriving from Array with those two attributes makes one too. A class's layout (its item
 * type, length, size, alignment, format and shape) is worked out when the class is made (the
 * base's {@code __init_subclass__}) and kept per class on the Java side.
 *
 * <p>An instance is CPython's CDataObject ({@link CDataType}) with b_length the array's length and
 * its data {@code n * sizeof(T)} bytes. Items are read and written as CPython's Array_item and
 * Array_ass_item do: a scalar item's value (a c_char array's items are 1-byte bytes and its slices
 * bytes; other slices are lists), a Structure or array item a new instance over the array's memory
 * whose {@code _b_base_} is the array. A c_char array has {@code value} (the bytes up to the
 * first NUL) and {@code raw} (all of them). Writes of a placed array (from_address) meet the write
 * contract. Item types refheap has no array of (c_char_p...) do not exist here either.
 */
final class ArrayType extends CDataType {
    record Layout(CType item, long length) {
        long size() { return item.size() * length; }
    }

    /** The layouts of this base's Python subclasses (a class's entry goes when the class does). */
    private final Map<PyType, Layout> layouts = new WeakHashMap<>();
    /** CPython's cache of array types by (item type, length): the classes, held by the runtime. */
    private final Map<String, Long> cache = new HashMap<>();
    long metaclass;

    ArrayType(VmApi vm) {
        super(vm, "_ctypes.Array", null, SIZE);
    }

    Layout layoutOf(long cls) {
        if (cls == typeObject()) throw vm.error("TypeError", "abstract class");
        Layout l = layouts.get(vm.typeAt(cls));
        return l != null ? l : define(cls);
    }

    @Override
    long sizeOfClass(long cls) { return cls == typeObject() ? 0 : layoutOf(cls).size(); }

    @Override
    int alignOfClass(long cls) { return cls == typeObject() ? 0 : layoutOf(cls).item().align(); }

    @Override
    String formatOfClass(long cls) {
        Layout l = layoutOf(cls);
        return l.item().format();
    }

    @Override
    long[] shapeOfClass(long cls) {
        Layout l = layoutOf(cls);
        long[] inner = l.item().shape();
        long[] s = new long[inner.length + 1];
        s[0] = l.length();
        System.arraycopy(inner, 0, s, 1, inner.length);
        return s;
    }

    @Override
    long itemSizeOfClass(long cls) { return layoutOf(cls).item().itemsize(); }

    /** The format a Structure field of this class shows: {@code (2,3)<i}. */
    String fieldFormat(long cls) {
        long[] shape = shapeOfClass(cls);
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) b.append(i > 0 ? "," : "").append(shape[i]);
        return b.append(')').append(layoutOf(cls).item().format()).toString();
    }

    /** PyCArrayType_new's work for class {@code cls}: its {@code _length_} and {@code _type_} checked and recorded. */
    Layout define(long cls) {
        long lenObj = vm.getAttrOrNull(cls, "_length_");
        if (lenObj == 0) throw vm.error("AttributeError", "class must define a '_length_' attribute");
        long length;
        try {
            if (!vm.isInt(lenObj)) throw vm.error("TypeError", "The '_length_' attribute must be an integer");
            java.math.BigInteger b = vm.asIndex(lenObj);
            if (b.signum() < 0) throw vm.error("ValueError", "The '_length_' attribute must not be negative");
            if (b.bitLength() > 63) throw vm.error("OverflowError", "The '_length_' attribute is too large");
            length = b.longValue();
        } finally {
            vm.heap.decref(lenObj);
        }
        long typeObj = vm.getAttrOrNull(cls, "_type_");
        if (typeObj == 0) throw vm.error("AttributeError", "class must define a '_type_' attribute");
        CType item;
        try {
            item = CType.of(vm, typeObj);
        } finally {
            vm.heap.decref(typeObj);
        }
        if (item == null) throw vm.error("TypeError", "_type_ must have storage info");
        if (item.size() > 0 && length > Long.MAX_VALUE / item.size()) throw vm.error("OverflowError", "array too large");
        Layout l = new Layout(item, length);
        layouts.put(vm.typeAt(cls), l);
        if (isChar(l)) {  // CharArray_getsets, put in the new class's dict as PyCArrayType_new does
            for (String name : new String[] {"raw", "value"}) {
                long d = vm.newGetSet(this, name);
                try {
                    vm.setAttr(cls, name, d);
                } finally {
                    vm.heap.decref(d);
                }
            }
        }
        return l;
    }

    /** {@code itemType * length} (PyCArrayType_from_ctype): the cached class, made on first use. A new reference. */
    long arrayOf(long itemType, long length) {
        if (length < 0) throw vm.error("ValueError", "Array length must be >= 0, not " + length);
        String key = Long.toHexString(itemType) + "/" + length;
        Long cached = cache.get(key);
        if (cached != null) return vm.incref(cached);
        if (CType.of(vm, itemType) == null) throw vm.error("TypeError", "_type_ must have storage info");
        long name = vm.str(vm.typeAt(itemType).name().substring(vm.typeAt(itemType).name().lastIndexOf('.') + 1) + "_Array_" + length);
        long bases = vm.heap.tuples.of(typeObject());
        long ns = vm.heap.dicts.create();
        long lenObj = vm.newInt(length);
        long cls;
        try {
            vm.heap.dicts.setItem(ns, "_length_", lenObj);
            vm.heap.dicts.setItem(ns, "_type_", itemType);
            cls = vm.call(metaclass, name, bases, ns);
        } finally {
            vm.heap.decref(lenObj);
            vm.heap.decref(ns);
            vm.heap.decref(bases);
            vm.heap.decref(name);
        }
        cache.put(key, vm.hold(vm.incref(cls)));
        return cls;
    }

    // ---- instances -------------------------------------------------------------------------------

    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) { throw vm.error("TypeError", "abstract class"); }

    @Override
    public long newSubtypeInstance(java.util.function.LongSupplier alloc, long cls, boolean objectInit, long[] a, int off, int n, long kw) {
        Layout l = layoutOf(cls);
        long o = alloc.getAsLong();
        giveBuffer(o, l.size());
        put(o, B_LENGTH, l.length());
        return o;
    }

    @Override
    void placedInside(long o, long cls) { put(o, B_LENGTH, layoutOf(cls).length()); }

    /** Array_init: the positional arguments become the first items. */
    void init(long o, long[] a, int off, int n, long kwnames) {
        Params.noKeywords(vm, vm.heap.typeOf(o).name(), kwnames);
        Layout l = layout(o);
        if (n > l.length()) throw vm.error("IndexError", "invalid index");
        for (int i = 0; i < n; i++) setItem(o, l, i, a[off + i]);
    }

    private Layout layout(long o) { return layoutOf(vm.heap.typeOf(o).address()); }

    private boolean isChar(Layout l) { return l.item().scalar() != null && l.item().scalar().code() == 'c'; }

    private long item(long o, Layout l, long i) {
        return readItem(o, ptr(o) + i * l.item().size(), i, l.item());
    }

    private void setItem(long o, Layout l, long i, long v) {
        writeItem(o, ptr(o) + i * l.item().size(), i, l.item(), v);
    }

    private long index(long o, Layout l, long key) {
        java.math.BigInteger b = vm.asIndex(key);
        if (b.bitLength() > 63) throw vm.error("IndexError", "cannot fit '" + vm.typeName(key) + "' into an index-sized integer");
        long i = b.longValue();
        if (i < 0) i += l.length();
        if (i < 0 || i >= l.length()) throw vm.error("IndexError", "invalid index");
        return i;
    }

    private boolean isIndex(long key) { return vm.isInt(key) || (!vm.isSlice(key) && vm.typeHas(key, "__index__")); }

    @Override
    public long lenOf(long o) { return layout(o).length(); }

    @Override
    public long getItemOf(long o, long key) {
        Layout l = layout(o);
        if (isIndex(key)) return item(o, l, index(o, l, key));
        if (!vm.isSlice(key)) throw vm.error("TypeError", "indices must be integers");
        long[] s = vm.sliceIndices(key, l.length());
        long start = s[0], step = s[2], len = s[3];
        if (isChar(l)) {
            byte[] b = new byte[(int) Math.max(0, len)];
            if (!owns(o) && len > 0) vm.ctypesCheckRead(ptr(o), l.size());
            for (int k = 0; k < len; k++) b[k] = Native.getByte(ptr(o) + start + (long) k * step);
            return vm.heap.bytes.of(b);
        }
        return itemsList(start, len, step, cur -> item(o, l, cur));
    }

    @Override
    public boolean setItemOf(long o, long key, long v) {
        if (v == 0) throw vm.error("TypeError", "Array does not support item deletion");
        Layout l = layout(o);
        if (isIndex(key)) {
            setItem(o, l, index(o, l, key), v);
            return true;
        }
        if (!vm.isSlice(key)) throw vm.error("TypeError", "indices must be integer");
        long[] s = vm.sliceIndices(key, l.length());
        long start = s[0], step = s[2], len = s[3];
        if (!vm.typeHas(v, "__len__") || !vm.typeHas(v, "__getitem__")) throw vm.error("TypeError", "can only assign sequence of same size");
        if (vm.callLen(v) != len) throw vm.error("ValueError", "Can only assign sequence of same size");
        for (long k = 0, cur = start; k < len; k++, cur += step) {
            long idx = vm.newInt(k), item;
            try {
                item = vm.getItem(v, idx);
            } finally {
                vm.heap.decref(idx);
            }
            try {
                setItem(o, l, cur, item);
            } finally {
                vm.heap.decref(item);
            }
        }
        return true;
    }

    @Override
    public long attrOf(long o, String attrName) {
        if ((attrName.equals("value") || attrName.equals("raw")) && isChar(layout(o))) {
            Layout l = layout(o);
            if (!owns(o)) vm.ctypesCheckRead(ptr(o), l.size());
            int n = (int) l.length();
            if (attrName.equals("value")) {
                int k = 0;
                while (k < n && Native.getByte(ptr(o) + k) != 0) k++;
                n = k;
            }
            byte[] b = new byte[n];
            for (int k = 0; k < n; k++) b[k] = Native.getByte(ptr(o) + k);
            return vm.heap.bytes.of(b);
        }
        return cdataAttr(o, attrName);
    }

    @Override
    public boolean setAttrOf(long o, String attrName, long v) {
        if (!(attrName.equals("value") || attrName.equals("raw")) || !isChar(layout(o))) return false;
        setCharAttr(o, attrName, v);
        return true;
    }

    /** CharArray_set_value / CharArray_set_raw: bytes (raw: any bytes-like) no longer than the array; value adds a NUL when room is left. */
    private void setCharAttr(long o, String attrName, long v) {
        if (v == 0) throw vm.error("AttributeError", "cannot delete attribute");
        Layout l = layout(o);
        byte[] b;
        if (attrName.equals("value")) {
            if (vm.heap.typeOf(v) != vm.heap.bytes) throw vm.error("TypeError", "bytes expected instead of " + vm.typeName(v) + " instance");
            b = vm.bytesLike(v);
            if (b.length > l.length()) throw vm.error("ValueError", "byte string too long");
            if (b.length < l.length()) b = java.util.Arrays.copyOf(b, b.length + 1);
        } else {
            b = vm.bytesLike(v);
            if (b == null) throw vm.error("TypeError", "a bytes-like object is required, not '" + vm.typeName(v) + "'");
            if (b.length > l.length()) throw vm.error("ValueError", "byte string too long");
        }
        if (b.length == 0) return;
        if (owns(o)) Native.copyFrom(b, 0, ptr(o), b.length);
        else {
            long tmp = vm.heap.bytes.of(b);
            try {
                vm.ctypesStoreBytes(ptr(o), tmp + dev.refheap.object.BytesType.SVAL, b.length);
            } finally {
                vm.heap.decref(tmp);
            }
        }
    }

    @Override
    public boolean writableDescriptor(String attrName) { return attrName.equals("value") || attrName.equals("raw"); }

    @Override
    public void setDescriptorValue(long o, String attrName, long v) {
        if (!setAttrOf(o, attrName, v)) throw vm.error("AttributeError", "'" + vm.typeName(o) + "' object has no attribute '" + attrName + "'");
    }
}

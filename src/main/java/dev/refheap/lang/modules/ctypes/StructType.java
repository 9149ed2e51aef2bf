package dev.refheap.lang.modules.ctypes;

import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.PyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * {@code _ctypes.Structure} and {@code _ctypes.Union} ({@code union} true): abstract bases whose
 * Python subclasses describe C structs with {@code _fields_} (pairs of a name and one of the
 * scalar ctypes types), optionally {@code _pack_}. A class's layout (CPython's StgDict: size,
 * alignment, buffer format, fields) is worked out when the class is made (the base's
 * {@code __init_subclass__}, as PyCStructType's tp_new does it; or at first use for a class whose
 * {@code __init_subclass__} did not reach this one) and kept per class on the Java side; each field
 * becomes a {@link CFieldType} descriptor in the class. A subclass that gives no {@code _fields_}
 * has its base's layout; one that does appends its fields after the base's.
 *
 * <p>Offsets follow the x86-64 ABI: each field aligned to its size (at most {@code _pack_}), the
 * struct's size rounded up to its largest alignment; a Union's fields all at offset 0. The buffer
 * format is CPython 3.11's: {@code T{<i:a:<c:b:}} for a Structure with fields of its own and no
 * {@code _pack_}, {@code B} otherwise (an empty Structure, a Union, a packed one). A field may be of
 * any ctypes type refheap has: a scalar, or a Structure, Union, array or pointer class (read as an
 * instance over the structure's memory whose {@code _b_base_} is the structure, assigned by copying
 * an instance's bytes). Not built, each refused with an error that names it: bit fields,
 * {@code _anonymous_}. {@code _fields_} may be set after the class statement ({@link #setFields})
 * until the layout is final.
 */
final class StructType extends CDataType {
    final boolean union;
    private final CFieldType fields;
    /** The layouts of this base's Python subclasses (a class's entry goes when the class does). */
    private final Map<PyType, Layout> layouts = new WeakHashMap<>();
    /** The classes whose layout is final (an instance made, a subclass, a field of the type): _fields_ may no longer be set. */
    private final java.util.Set<PyType> finals = java.util.Collections.newSetFromMap(new WeakHashMap<>());

    /** StgDict's DICTFLAG_FINAL: class {@code cls}'s layout is in use. */
    void markFinal(long cls) {
        if (cls != typeObject()) finals.add(vm.typeAt(cls));
    }

    /**
     * {@code cls._fields_ = v} after the class statement (PyCStructType's setattr: how a Structure
     * refers to itself through a POINTER): refused once the layout is final (an instance made, a
     * subclass, a field of the type) or the class has fields of its own; else the attribute is set
     * and the layout worked out again.
     */
    void setFields(long cls, long v, Runnable assign) {
        long own = ownAttr(cls, "_fields_");
        if (own != 0) vm.heap.decref(own);
        if (own != 0 || finals.contains(vm.typeAt(cls))) throw vm.error("AttributeError", "_fields_ is final");
        assign.run();
        define(cls);  // replaces the old layout, which a POINTER to the class made while building sees (its format '&B', as CPython's)
    }

    record Field(String name, CType type, long offset) {}

    record Layout(long size, int align, String format, List<Field> fields) {}

    private static final Layout EMPTY = new Layout(0, 0, "B", List.of());  // alignment 0 until _fields_ says otherwise, as CPython reports

    StructType(VmApi vm, String name, boolean union, CFieldType fields) {
        super(vm, name, null, SIZE);
        this.union = union;
        this.fields = fields;
    }

    @Override
    long sizeOfClass(long cls) { return layoutOf(cls).size(); }

    @Override
    int alignOfClass(long cls) { return layoutOf(cls).align(); }

    @Override
    String formatOfClass(long cls) { return layoutOf(cls).format(); }

    /** The layout of type object {@code cls} (this base itself: the empty one). */
    Layout layoutOf(long cls) {
        if (cls == typeObject()) return EMPTY;
        PyType t = vm.typeAt(cls);
        Layout l = layouts.get(t);
        if (l == null) l = define(cls);
        return l;
    }

    /** __init_subclass__'s work: class {@code cls}'s layout from its base's and its own {@code _fields_}, its field descriptors set. */
    Layout define(long cls) {
        PyType t = vm.typeAt(cls);
        long baseObj = vm.getAttrOrNull(cls, "__base__");
        Layout base;
        try {
            base = baseObj == 0 || !vm.isType(baseObj) ? EMPTY : layoutOf(baseObj);
            if (baseObj != 0 && vm.isType(baseObj)) markFinal(baseObj);
        } finally {
            if (baseObj != 0) vm.heap.decref(baseObj);
        }
        long own = ownAttr(cls, "_fields_");
        if (own == 0) {
            layouts.put(t, base);
            return base;
        }
        try {
            Layout l = build(cls, base, own);
            layouts.put(t, l);
            return l;
        } finally {
            vm.heap.decref(own);
        }
    }

    /** {@code cls.__dict__[name]} (a new reference), or 0. */
    private long ownAttr(long cls, String name) {
        long d = vm.getAttrOrNull(cls, "__dict__");
        if (d == 0) return 0;
        long key = vm.str(name);
        try {
            if (!vm.contains(d, key)) return 0;
            return vm.getItem(d, key);
        } finally {
            vm.heap.decref(key);
            vm.heap.decref(d);
        }
    }

    private Layout build(long cls, Layout base, long fieldsObj) {
        int pack = 0;
        long packObj = ownAttr(cls, "_pack_");
        if (packObj != 0) {
            try {
                if (!vm.isInt(packObj)) throw vm.error("TypeError", "_pack_ must be an integer");
                java.math.BigInteger p = vm.asIndex(packObj);
                if (p.signum() < 0 || p.bitLength() > 31) throw vm.error("ValueError", "_pack_ must be a non-negative integer");
                pack = p.intValue();
            } finally {
                vm.heap.decref(packObj);
            }
        }
        long anon = ownAttr(cls, "_anonymous_");
        if (anon != 0) {
            vm.heap.decref(anon);
            throw vm.error("NotImplementedError", "refheap's ctypes does not support _anonymous_ fields yet");
        }
        if (!vm.typeHas(fieldsObj, "__len__") || !vm.typeHas(fieldsObj, "__getitem__")) throw vm.error("TypeError", "'_fields_' must be a sequence of pairs");
        long n = vm.callLen(fieldsObj);
        List<Field> list = new ArrayList<>(base.fields());
        long offset = union ? 0 : base.size(), size = union ? base.size() : 0;
        int align = Math.max(1, base.align());
        StringBuilder fmt = new StringBuilder("T{");
        for (long i = 0; i < n; i++) {
            long idx = vm.newInt(i);
            long pair;
            try {
                pair = vm.getItem(fieldsObj, idx);
            } finally {
                vm.heap.decref(idx);
            }
            try {
                if (!(vm.heap.typeOf(pair) == vm.heap.tuples) || vm.callLen(pair) < 2 || vm.callLen(pair) > 3) {
                    throw vm.error("TypeError", "'_fields_' must be a sequence of (name, C type) pairs");
                }
                long nameObj = dev.refheap.object.TupleType.item(pair, 0), proto = dev.refheap.object.TupleType.item(pair, 1);
                if (!vm.isStr(nameObj)) throw vm.error("TypeError", "'_fields_' must be a sequence of (name, C type) pairs");
                CType s = ctypeOf(proto, i);
                if (s.data() instanceof StructType st) st.markFinal(proto);
                if (vm.callLen(pair) == 3) throw vm.error("NotImplementedError", "refheap's ctypes does not support bit fields yet");
                int a = pack > 0 ? Math.min(pack, Math.max(1, s.align())) : Math.max(1, s.align());
                long at;
                if (union) {
                    at = 0;
                    size = Math.max(size, s.size());
                } else {
                    at = (offset + a - 1) / a * a;
                    offset = at + s.size();
                }
                align = Math.max(align, a);
                String name = vm.strValue(nameObj);
                list.add(new Field(name, s, at));
                String f0 = s.data() instanceof ArrayType at0 ? at0.fieldFormat(s.cls()) : s.format();
                fmt.append(f0).append(':').append(name).append(':');
                long f = fields.create(proto, s, at, list.size() - 1);
                try {
                    vm.setAttr(cls, name, f);
                } finally {
                    vm.heap.decref(f);
                }
            } finally {
                vm.heap.decref(pair);
            }
        }
        long total = union ? size : offset;
        total = (total + align - 1) / align * align;
        String format = union || pack > 0 ? "B" : fmt.append('}').toString();
        return new Layout(total, align, format, List.copyOf(list));
    }

    private CType ctypeOf(long proto, long index) {
        CType t = CType.of(vm, proto);
        if (t == null) throw vm.error("TypeError", "second item in _fields_ tuple (index " + index + ") must be a C type");
        return t;
    }

    // ---- instances -------------------------------------------------------------------------------

    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) { throw vm.error("TypeError", "abstract class"); }

    /** GenericPyCData_new on a subclass: a zeroed buffer of the class's size (the fields are set by __init__). */
    @Override
    public long newSubtypeInstance(java.util.function.LongSupplier alloc, long cls, boolean objectInit, long[] a, int off, int n, long kw) {
        Layout l = layoutOf(cls);
        markFinal(cls);
        long o = alloc.getAsLong();
        giveBuffer(o, l.size());
        return o;
    }

    /** Struct_init: positional arguments fill the fields in order (the bases' first), keywords set attributes by name. */
    void init(long o, long[] a, int off, int n, long kwnames) {
        int nkw = kwnames == 0 ? 0 : (int) vm.callLen(kwnames);
        int npos = n - nkw;
        Layout l = layoutOf(vm.heap.typeOf(o).address());
        if (npos > l.fields().size()) throw vm.error("TypeError", "too many initializers");
        for (int i = 0; i < npos; i++) {
            Field f = l.fields().get(i);
            writeField(o, ptr(o) + f.offset(), i, f.type(), a[off + i]);
        }
        for (int i = 0; i < nkw; i++) {
            long key = dev.refheap.object.TupleType.item(kwnames, i);
            vm.setAttr(o, vm.strValue(key), a[off + npos + i]);
        }
    }

    @Override
    public long attrOf(long o, String attrName) { return cdataAttr(o, attrName); }

    @Override
    void placedInside(long o, long cls) { markFinal(cls); }

    static PyException notBuilt(VmApi vm, String what) {
        return vm.error("NotImplementedError", "refheap's ctypes does not support " + what + " yet");
    }
}

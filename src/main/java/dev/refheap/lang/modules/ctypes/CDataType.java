package dev.refheap.lang.modules.ctypes;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.PyType;

/**
 * The instances of ctypes' data types that live in this package (Structure, Union, arrays, pointers
 * and the scalar types c_char, c_bool, c_float, c_double, c_char_p, py_object): CPython 3.11's
 * CDataObject, 96 bytes plus the GC head,
 * GC tracked from birth:
 * <pre>
 *  refcnt | type | b_ptr | b_needsfree (int) | b_base | b_size | b_length | b_index | b_objects | pad | b_value (16 bytes)
 * </pre>
 * The object's C data is {@code b_size} bytes at {@code b_ptr}: its own {@code b_value} while it
 * fits there, else a PyMem block it owns (b_needsfree is 1 either way for data it made, as
 * PyCData_MallocBuffer sets it). traverse visits b_objects then b_base (PyCData_traverse); dealloc
 * releases them and frees an owned block. An object made by {@code from_address} owns no buffer
 * (b_needsfree 0): its b_ptr is the address given, its reads are refused outside refheap's heap and
 * its writes meet the write contract of docs/architecture.md ("ctypes writes"), as the VM's integer
 * types' do; an owned buffer is plain data for anyone's writes (recorded with the VM while it
 * lives). An item, field or pointer target made over another object's memory is placed too, with
 * that object as its b_base (kept alive, traversed). States: made (buffer zeroed) or placed (at an address), resized ({@code ctypes.resize}:
 * a larger zeroed block with the old bytes copied, never below the type's size), dead.
 */
abstract class CDataType extends FieldsType {
    static final int B_PTR = 16, B_NEEDSFREE = 24, B_BASE = 32, B_SIZE = 40, B_LENGTH = 48, B_INDEX = 56, B_OBJECTS = 64, B_VALUE = 80, SIZE = 96;
    static final int INLINE = 16;

    CDataType(VmApi vm, String name, PyType base, long basicSize) {
        super(vm, name, base, PyType.HAVE_GC | PyType.BASETYPE, basicSize, 0, B_OBJECTS, B_BASE);
    }

    @Override
    public boolean allowsPythonSubclasses() { return true; }

    @Override
    public boolean hasClear() { return true; }

    /** object's repr, with the instance's class as {@code module.qualname} (a Python class's). */
    @Override
    public String reprOf(long o) {
        return "<" + vm.qualifiedTypeName(vm.heap.typeOf(o).address()) + " object at 0x" + Long.toHexString(o) + ">";
    }

    @Override
    public void clear(long o) { set(o, B_OBJECTS, 0); }

    /** The size in bytes of instances of type object {@code cls} (a subclass or this type). */
    abstract long sizeOfClass(long cls);

    /** The alignment of type object {@code cls}'s data. */
    abstract int alignOfClass(long cls);

    /** The buffer format of type object {@code cls}'s data (memoryview's {@code format}). */
    abstract String formatOfClass(long cls);

    /** The buffer shape of type object {@code cls}'s data (an array's lengths, outermost first; empty for others). */
    long[] shapeOfClass(long cls) { return new long[0]; }

    /** The buffer item size of type object {@code cls}'s data (an array's innermost item's size; the whole size for others). */
    long itemSizeOfClass(long cls) { return sizeOfClass(cls); }

    /**
     * What a ctypes type object is to an array's items, a pointer's target or a structure's field:
     * a scalar ({@code scalar} set: the VM's integers, the simple types) or a C data class
     * ({@code data} set: a Structure, Union, array or pointer class), with its size, alignment,
     * buffer format, shape and item size. Immutable.
     */
    record CType(long cls, Scalar scalar, CDataType data, long size, int align, String format, long[] shape, long itemsize) {
        /** The ctypes type {@code cls} is, or null when it is none (a plain class, an abstract base). */
        static CType of(VmApi vm, long cls) {
            if (!vm.isType(cls)) return null;
            int w = vm.ctypesIntType(cls);
            if (w != 0) {
                Scalar s = vm.typeAt(cls).name().equals("c_void_p") ? new Scalar('P', 8) : Scalar.ofInt(w);
                return new CType(cls, s, null, s.size(), s.align(), s.format(), new long[0], s.size());
            }
            CDataType c = CtypesModule.cdataClass(vm, cls);
            if (c == null) return null;
            if (c instanceof SimpleType st && cls == st.typeObject()) {
                Scalar s = st.scalar;
                return new CType(cls, s, null, s.size(), s.align(), s.format(), new long[0], s.size());
            }
            if (cls == c.typeObject() && !(c instanceof SimpleType)) return null;  // Structure, Union, Array, _Pointer themselves
            return new CType(cls, null, c, c.sizeOfClass(cls), c.alignOfClass(cls), c.formatOfClass(cls), c.shapeOfClass(cls), c.itemSizeOfClass(cls));
        }

        String name(VmApi vm) { return vm.typeAt(cls).name(); }
    }

    /**
     * The item of type {@code t} at {@code address} inside {@code o}'s data (index {@code index}): a
     * scalar's value, or a new instance of t's class over that memory whose {@code _b_base_} is
     * {@code o} (PyCData_FromBaseObj). A new reference.
     */
    final long readItem(long o, long address, long index, CType t) {
        if (t.scalar() != null) return readAt(o, address - ptr(o), t.scalar());
        long sub = t.data().atAddress(t.cls(), address);
        put(sub, B_BASE, vm.incref(o));
        put(sub, B_INDEX, index);
        return sub;
    }

    /** Whether {@code t} is a c_char array class (a Structure field of one reads and writes bytes, CPython's 's' getfunc and setfunc). */
    static boolean isCharArray(CType t) {
        return t.data() instanceof ArrayType at && at.layoutOf(t.cls()).item().scalar() != null && at.layoutOf(t.cls()).item().scalar().code() == 'c';
    }

    /** s_get: the bytes of a c_char array field at {@code address} of {@code o}, up to the first NUL. */
    final long readCharField(long o, long address, long size) {
        if (!owns(o)) vm.ctypesCheckRead(address, size);
        int n = 0;
        while (n < size && Native.getByte(address + n) != 0) n++;
        byte[] b = new byte[n];
        for (int k = 0; k < n; k++) b[k] = Native.getByte(address + k);
        return vm.heap.bytes.of(b);
    }

    /** s_set: bytes {@code v} (up to its first NUL, with a NUL after it when there is room) into a c_char array field. */
    final void writeCharField(long o, long address, long size, long v) {
        if (vm.heap.typeOf(v) != vm.heap.bytes) throw vm.error("TypeError", "expected bytes, " + vm.typeName(v) + " found");
        byte[] b = vm.bytesLike(v);
        int n = 0;
        while (n < b.length && b[n] != 0) n++;
        if (n < size) n++;
        else if (n > size) throw vm.error("ValueError", "bytes too long (" + n + ", maximum length " + size + ")");
        byte[] out = java.util.Arrays.copyOf(b, n);
        if (owns(o)) Native.copyFrom(out, 0, address, n);
        else {
            long tmp = vm.heap.bytes.of(out);
            try {
                vm.ctypesStoreBytes(address, tmp + dev.refheap.object.BytesType.SVAL, n);
            } finally {
                vm.heap.decref(tmp);
            }
        }
    }

    /** A Structure field's read: as {@link #readItem}, a c_char array field's bytes. */
    final long readField(long o, long address, long index, CType t) {
        return isCharArray(t) ? readCharField(o, address, t.size()) : readItem(o, address, index, t);
    }

    /** A Structure field's write: as {@link #writeItem}, a c_char array field's from bytes. */
    final void writeField(long o, long address, long index, CType t, long v) {
        if (isCharArray(t)) writeCharField(o, address, t.size(), v);
        else writeItem(o, address, index, t, v);
    }

    /** Hook for an instance {@code atAddress} made of class {@code cls} (an array sets b_length). */
    void placedInside(long o, long cls) {}

    /**
     * Stores {@code v} (borrowed) as the item of type {@code t} at {@code address} inside {@code o}'s
     * data, as _PyCData_set does: a C data instance of t's type is copied byte for byte (what it
     * keeps kept by o), an array into a pointer item stores the array's address, any other C data
     * instance is "incompatible types"; otherwise a scalar is converted (a py_object or c_char_p
     * keeps what it was given in the root's b_objects), a tuple for a Structure or array item is
     * made into one first, and anything else is TypeError. A placed object's writes meet the contract.
     */
    final void writeItem(long o, long address, long index, CType t, long v) {
        boolean cdata = vm.isCtypesInt(v) || vm.layoutType(v) instanceof CDataType;
        if (cdata) {
            if (vm.isInstanceOf(v, vm.typeAt(t.cls()))) {
                long src = CtypesModule.dataAddress(vm, v);
                if (vm.isCtypesInt(v) || !owns(v)) vm.ctypesCheckRead(src, t.size());
                copyInto(o, address, src, t.size());
                long kept = vm.isCtypesInt(v) ? 0 : get(v, B_OBJECTS);
                if (kept != 0) keep(o, index, kept);
                return;
            }
            if (t.data() instanceof PointerType && vm.layoutType(v) instanceof ArrayType) {
                long a = ptr(v);
                if (owns(o)) Native.putLong(address, a);
                else vm.ctypesStore(address, 8, a);
                keep(o, index, v);
                return;
            }
            throw vm.error("TypeError", "incompatible types, " + vm.typeName(v) + " instance instead of " + t.name(vm) + " instance");
        }
        if (t.scalar() != null) {
            writeAt(o, address - ptr(o), t.scalar(), v);
            if (t.scalar().isObject()) keep(o, index, v);
            else if (t.scalar().keeps()) keep(o, index, vm.heap.typeOf(v) == vm.heap.bytes ? v : vm.heap.None);
            return;
        }
        if (vm.heap.typeOf(v) == vm.heap.tuples && !(t.data() instanceof PointerType)) {  // made from the tuple, then copied
            long made = vm.callWith(t.cls(), v, 0);
            try {
                writeItem(o, address, index, t, made);
            } finally {
                vm.heap.decref(made);
            }
            return;
        }
        throw vm.error("TypeError", "expected " + t.name(vm) + " instance, got " + vm.typeName(v));
    }

    /** A slice's items as a new list: {@code len} of them from index {@code start} by {@code step}, each read by {@code item} (a new reference). */
    protected final long itemsList(long start, long len, long step, java.util.function.LongUnaryOperator item) {
        long list = vm.heap.lists.of();
        try {
            for (long k = 0, cur = start; k < len; k++, cur += step) {
                long v = item.applyAsLong(cur);
                try {
                    vm.heap.lists.append(list, v);
                } finally {
                    vm.heap.decref(v);
                }
            }
        } catch (RuntimeException e) {
            vm.heap.decref(list);
            throw e;
        }
        return list;
    }

    /** Copies {@code len} bytes from {@code src} into {@code o}'s data at {@code address} (a placed object's under the contract). */
    final void copyInto(long o, long address, long src, long len) {
        if (owns(o)) Native.copy(src, address, len);
        else vm.ctypesStoreBytes(address, src, len);
    }

    /** PyCData_MallocBuffer: gives new instance {@code o} a zeroed buffer of {@code size} bytes. */
    final void giveBuffer(long o, long size) {
        if (size <= INLINE) {
            put(o, B_PTR, o + B_VALUE);
            vm.ctypesBuffer(o + B_VALUE, INLINE, true);
        } else {
            long p = heap.memAlloc(size);
            Native.fill(p, size, (byte) 0);
            put(o, B_PTR, p);
            vm.ctypesBuffer(p, size, true);
        }
        Native.putInt(o + B_NEEDSFREE, 1);
        put(o, B_SIZE, size);
    }

    /**
     * {@code cls.from_address(address)} (PyCData_AtAddress): a new, tracked instance of type object
     * {@code cls} (this type or a Python class derived from it) whose data is at {@code address},
     * not owned; nothing is read until a field or value is.
     */
    final long atAddress(long cls, long address) {
        java.util.function.LongSupplier sub = vm.subtypeAllocator(this, cls);
        long o;
        if (sub != null) {
            o = sub.getAsLong();
            heap.untrackIfTracked(o);
        } else {
            o = alloc();
        }
        put(o, B_PTR, address);
        put(o, B_SIZE, sizeOfClass(cls));
        placedInside(o, cls);
        heap.track(o);
        return o;
    }

    /** Defines {@code from_address} on this type (a class method, as CPython's CDataType_from_address). */
    final void defFromAddress() {
        defClassMethod("from_address", (cls, a, o, n, kw) -> {
            String fname = vm.typeAt(cls).name() + ".from_address";
            Params.noKeywords(vm, fname, kw);
            if (n != 1) throw vm.error("TypeError", fname + "() takes exactly one argument (" + n + " given)");
            if (!vm.isInt(a[o])) throw vm.error("TypeError", "integer expected");
            long address = vm.ctypesAddress(a[o]);
            if (!(this instanceof SimpleType) && cls == typeObject()) throw vm.error("TypeError", "abstract class");
            return atAddress(cls, address);
        });
    }

    /**
     * Defines {@code from_buffer_copy(source[, offset])} (a new instance whose own buffer holds a
     * copy of the source's bytes, as CPython's) and {@code from_buffer}, refused by name: sharing a
     * bytearray's memory would put ctypes' writes outside the write contract's buffers.
     */
    final void defFromBuffer() {
        defClassMethod("from_buffer_copy", (cls, a, o, n, kw) -> {
            dev.refheap.lang.modules.Params.noKeywords(vm, "from_buffer_copy", kw);
            if (n < 1 || n > 2) throw vm.error("TypeError", "from_buffer_copy expected at most 2 arguments, got " + n);
            if (cls == typeObject() && !(this instanceof SimpleType)) throw vm.error("TypeError", "abstract class");
            byte[] data = vm.bytesLike(a[o]);
            if (data == null) throw vm.error("TypeError", "a bytes-like object is required, not '" + vm.typeName(a[o]) + "'");
            long offset = n == 2 ? Params.ssize(vm, a[o + 1]) : 0;
            if (offset < 0) throw vm.error("ValueError", "offset cannot be negative");
            long size = sizeOfClass(cls);
            if (data.length < offset + size) {
                throw vm.error("ValueError", "Buffer size too small (" + data.length + " instead of at least " + (offset + size) + " bytes)");
            }
            long r = vm.call(cls);
            Native.copyFrom(data, (int) offset, ptr(r), (int) size);
            return r;
        });
        defClassMethod("from_buffer", (cls, a, o, n, kw) -> {
            throw vm.error("NotImplementedError", "refheap's ctypes does not support from_buffer yet (from_buffer_copy copies)");
        });
    }

    /** Whether {@code o}'s data is its own buffer (made with it), not an address it was placed at. */
    static boolean owns(long o) { return Native.getInt(o + B_NEEDSFREE) != 0; }

    /** The scalar at {@code offset} of {@code o}'s data, a new reference (a placed object's address checked first). */
    final long readAt(long o, long offset, Scalar s) {
        long p = ptr(o) + offset;
        if (!owns(o)) vm.ctypesCheckRead(p, s.size());
        if (!s.isObject()) return s.read(vm, p);
        long target = Native.getLong(p);
        if (target == 0) throw vm.error("ValueError", "PyObject is NULL");
        return vm.objectAtAddress(target);
    }

    /**
     * KeepRef: the root object's b_objects (a dict made on first use; the root is {@code o} or the
     * last {@code _b_base_} above it) holds {@code v} (borrowed) under CPython's unique key, the
     * hex index of the item within each object up the chain ({@code "1:0"}).
     */
    final void keep(long o, long index, long v) {
        StringBuilder k = new StringBuilder(Long.toHexString(index));
        long root = o;
        while (get(root, B_BASE) != 0) {
            k.append(':').append(Long.toHexString(get(root, B_INDEX)));
            root = get(root, B_BASE);
        }
        long d = get(root, B_OBJECTS);
        if (d == 0) {
            d = heap.dicts.create();
            put(root, B_OBJECTS, d);
        }
        if (heap.typeOf(d) != heap.dicts) return;  // a simple type's own kept object: nothing to add to
        long key = vm.str(k.toString());
        try {
            vm.setItem(d, key, v);
        } finally {
            heap.decref(key);
        }
    }

    /** Stores {@code v} (borrowed) as the scalar at {@code offset} of {@code o}'s data (a placed object's write meets the contract). */
    final void writeAt(long o, long offset, Scalar s, long v) {
        long bits = s.bits(vm, v);
        if (owns(o)) s.store(ptr(o) + offset, bits);
        else vm.ctypesStore(ptr(o) + offset, s.size(), bits);
    }

    static long ptr(long o) { return get(o, B_PTR); }

    static long size(long o) { return get(o, B_SIZE); }

    /** ctypes.resize: the buffer grown to {@code size} bytes (the old bytes kept, the rest zeroed); smaller sizes only move b_size. */
    final void resize(long o, long size) {
        long min = sizeOfClass(vm.heap.typeOf(o).address());
        if (size < min) throw vm.error("ValueError", "minimum size is " + min);
        if (Native.getInt(o + B_NEEDSFREE) == 0) throw vm.error("ValueError", "Memory cannot be resized because this object doesn't own it");
        long old = ptr(o), oldSize = size(o);
        if (size <= INLINE) {
            put(o, B_SIZE, size);
            return;
        }
        if (size <= oldSize) {
            put(o, B_SIZE, size);
            return;
        }
        long p = heap.memAlloc(size);
        Native.fill(p, size, (byte) 0);
        Native.copy(old, p, oldSize);
        vm.ctypesBuffer(old, 0, false);
        if (old != o + B_VALUE) heap.memFree(old);
        vm.ctypesBuffer(p, size, true);
        put(o, B_PTR, p);
        put(o, B_SIZE, size);
    }

    @Override
    protected void freeArrays(long o) {
        long p = ptr(o);
        if (p != 0 && owns(o)) {
            vm.ctypesBuffer(p, 0, false);
            if (p != o + B_VALUE) heap.memFree(p);
        }
        put(o, B_PTR, 0);
    }

    // ---- the buffer protocol (PyCData_NewGetBuffer) --------------------------------------------

    @Override
    public boolean exportsBuffer() { return true; }

    /**
     * The whole of the object's data, writable: a scalar's ({@code shape} empty) with the item size
     * of its type (a Structure's size, 0 for an empty one) and its format. A placed object's data
     * (from_address) is exported read-only, after its address is checked: a view's writes could
     * not meet the write contract (CPython exports it writable).
     */
    @Override
    public Buffer getBuffer(long o) {
        long cls = vm.heap.typeOf(o).address();
        if (!owns(o)) vm.ctypesCheckRead(ptr(o), size(o));
        return new Buffer(ptr(o), size(o), !owns(o), 'B', itemSizeOfClass(cls), formatOfClass(cls), shapeOfClass(cls));
    }

    /** The common attributes of _CData: {@code _objects}, {@code _b_base_}, {@code _b_needsfree_}; 0 for others. */
    final long cdataAttr(long o, String name) {
        return switch (name) {
            case "_objects" -> vm.incref(get(o, B_OBJECTS) == 0 ? vm.heap.None : get(o, B_OBJECTS));
            case "_b_base_" -> vm.incref(get(o, B_BASE) == 0 ? vm.heap.None : get(o, B_BASE));
            case "_b_needsfree_" -> vm.newInt(Native.getInt(o + B_NEEDSFREE));
            default -> 0;
        };
    }
}

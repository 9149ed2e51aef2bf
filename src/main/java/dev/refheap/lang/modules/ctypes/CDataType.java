package dev.refheap.lang.modules.ctypes;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.PyType;

/**
 * The instances of ctypes' data types that live in this package (Structure, Union and the scalar
 * types c_char, c_bool, c_float, c_double): CPython 3.11's CDataObject, 96 bytes plus the GC head,
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
 * lives). States: made (buffer zeroed) or placed (at an address), resized ({@code ctypes.resize}:
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

    @Override
    public void clear(long o) { set(o, B_OBJECTS, 0); }

    /** The size in bytes of instances of type object {@code cls} (a subclass or this type). */
    abstract long sizeOfClass(long cls);

    /** The alignment of type object {@code cls}'s data. */
    abstract int alignOfClass(long cls);

    /** The buffer format of type object {@code cls}'s data (memoryview's {@code format}). */
    abstract String formatOfClass(long cls);

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
            if (this instanceof StructType && cls == typeObject()) throw vm.error("TypeError", "abstract class");
            return atAddress(cls, address);
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

    /** KeepRef: {@code o}'s b_objects (a dict made on first use) holds {@code v} (borrowed) under {@code str(index)}. */
    final void keep(long o, long index, long v) {
        long d = get(o, B_OBJECTS);
        if (d == 0) {
            d = heap.dicts.create();
            put(o, B_OBJECTS, d);
        }
        long key = vm.str(Long.toString(index));
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
        return new Buffer(ptr(o), size(o), !owns(o), 'B', sizeOfClass(cls), formatOfClass(cls), new long[0]);
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

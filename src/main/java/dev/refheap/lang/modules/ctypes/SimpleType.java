package dev.refheap.lang.modules.ctypes;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;

/**
 * The scalar ctypes types this package adds to the VM's integers: {@code c_char}, {@code c_bool},
 * {@code c_float}, {@code c_double}, {@code c_char_p} and {@code py_object}. An instance is a {@link CDataType}
 * object whose data is one {@link Scalar} in its own b_value (or at the address
 * {@code from_address} placed it at); its basic size is 120 so that getsizeof is CPython's 136 (its
 * classes are Python classes there, with a managed dict and a weakref slot; refheap's have
 * neither). {@code value} reads and writes the scalar, repr is {@code c_double(1.5)}.
 *
 * <p>A py_object's data is an object's address; the object it was given is kept alive in its
 * b_objects (O_set's keep), and {@code value} returns the object at the address, which refheap
 * checks is a live object (CPython takes any address and crashes on a bad one).
 */
final class SimpleType extends CDataType {
    final Scalar scalar;

    SimpleType(VmApi vm, String name, Scalar scalar) {
        super(vm, name, null, 120);
        this.scalar = scalar;
    }

    @Override
    long sizeOfClass(long cls) { return scalar.size(); }

    @Override
    int alignOfClass(long cls) { return scalar.align(); }

    @Override
    String formatOfClass(long cls) { return scalar.format(); }

    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) {
        Params.noKeywords(vm, name(), kwnames);
        if (n > 1) throw vm.error("TypeError", "function takes at most 1 argument (" + n + " given)");
        long o = alloc();
        giveBuffer(o, scalar.size());
        return trackAndInit(o, a, off, n, kwnames, (x, args, at, cnt, kw) -> {
            if (cnt == 1) setValue(x, args[at]);
        });
    }

    /** A new instance of this type whose own data holds {@code bits} (a cast's result), nothing kept. */
    long holding(long bits) {
        long o = alloc();
        giveBuffer(o, scalar.size());
        scalar.store(ptr(o), bits);
        vm.heap.track(o);
        return o;
    }

    @Override
    public long newSubtypeInstance(java.util.function.LongSupplier alloc, long cls, boolean objectInit, long[] a, int off, int n, long kw) {
        return newInstanceAs(alloc, a, off, n, kw);
    }

    @Override
    public long attrOf(long o, String attrName) {
        if (attrName.equals("value")) return readAt(o, 0, scalar);
        return cdataAttr(o, attrName);
    }

    /** Sets the value (borrowed {@code v}); a py_object keeps {@code v} alive in b_objects, dropping what it kept before. */
    private void setValue(long o, long v) {
        writeAt(o, 0, scalar, v);
        if (scalar.keeps()) {  // py_object's object; c_char_p's bytes (nothing for an address or None)
            long old = get(o, B_OBJECTS);
            put(o, B_OBJECTS, scalar.isObject() || vm.heap.typeOf(v) == vm.heap.bytes ? vm.incref(v) : 0);
            if (old != 0) vm.heap.decref(old);
        }
    }

    @Override
    public boolean setAttrOf(long o, String attrName, long v) {
        if (!attrName.equals("value")) return false;
        if (v == 0) throw vm.error("TypeError", "can't delete attribute");
        setValue(o, v);
        return true;
    }

    @Override
    public boolean writableDescriptor(String attrName) { return attrName.equals("value"); }

    @Override
    public void setDescriptorValue(long o, String attrName, long v) { setAttrOf(o, attrName, v); }

    @Override
    public String reprOf(long o) {
        if (vm.heap.typeOf(o) != this) return "<" + vm.heap.typeOf(o).name() + " object at 0x" + Long.toHexString(o) + ">";  // Simple_repr on a subclass
        if (scalar.isObject() && (owns(o) || vm.heap.isReadable(ptr(o), 8)) && Native.getLong(ptr(o)) == 0) return name() + "(<NULL>)";
        if (scalar.code() == 'z') {  // ctypes/__init__.py's c_char_p.__repr__: the address, as c_void_p shows it
            if (!owns(o)) vm.ctypesCheckRead(ptr(o), 8);
            long address = Native.getLong(ptr(o));
            return name() + "(" + (address == 0 ? "None" : Long.toUnsignedString(address)) + ")";
        }
        long v = readAt(o, 0, scalar);
        try {
            return vm.heap.typeOf(o).name() + "(" + vm.repr(v) + ")";
        } finally {
            vm.heap.decref(v);
        }
    }
}

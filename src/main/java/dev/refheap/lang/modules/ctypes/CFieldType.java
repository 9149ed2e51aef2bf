package dev.refheap.lang.modules.ctypes;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.PyType;

/**
 * {@code _ctypes.CField}: the data descriptor a Structure or Union class holds for each of its
 * {@code _fields_}, CPython 3.11's CFieldObject, 72 bytes plus the GC head, tracked:
 * <pre> refcnt | type | offset | size | index | proto | setfunc | getfunc | anonymous </pre>
 * proto (the field's ctypes type) is the one reference, traversed. refheap keeps the field's
 * scalar code in setfunc's word (0 for a field of Structure, Union, array or pointer type) and its
 * size in getfunc's (no C function pointers here).
 * {@code instance.name} reads the scalar at b_ptr + offset of the instance, assignment writes it
 * there (an instance placed by from_address: under the write contract); on the class it is the
 * descriptor itself. A py_object field's object is kept in the instance's b_objects.
 * Immutable once made.
 */
final class CFieldType extends FieldsType {
    static final int OFFSET = 16, SIZE = 24, INDEX = 32, PROTO = 40, SETFUNC = 48, GETFUNC = 56, ANONYMOUS = 64;

    CFieldType(VmApi vm) {
        super(vm, "_ctypes.CField", PyType.HAVE_GC, 72, 0, PROTO);
    }

    long create(long proto, CDataType.CType type, long offset, long index) {
        long f = alloc();
        put(f, OFFSET, offset);
        put(f, SIZE, type.size());
        put(f, INDEX, index);
        put(f, PROTO, vm.incref(proto));
        put(f, SETFUNC, type.scalar() == null ? 0 : type.scalar().code());
        put(f, GETFUNC, type.size());
        heap.track(f);
        return f;
    }

    /** The field's type: its scalar (kept in the descriptor), or the C data class its proto is. */
    private CDataType.CType type(long f) {
        if (get(f, SETFUNC) == 0) return CDataType.CType.of(vm, get(f, PROTO));
        Scalar s = new Scalar((char) get(f, SETFUNC), (int) get(f, GETFUNC));
        return new CDataType.CType(get(f, PROTO), s, null, s.size(), s.align(), s.format(), new long[0], s.size());
    }

    private CDataType owner(long obj) {
        if (!(vm.layoutType(obj) instanceof CDataType c)) {
            throw vm.error("TypeError", "not a ctype instance");
        }
        return c;
    }

    @Override
    public boolean isDataDescriptorType() { return true; }

    @Override
    public long descrGet(long self, long obj, long type) {
        if (obj == 0 || obj == vm.heap.None) return vm.incref(self);
        return owner(obj).readField(obj, CDataType.ptr(obj) + get(self, OFFSET), get(self, INDEX), type(self));
    }

    @Override
    public void descrSet(long self, long obj, long v) {
        if (v == 0) throw vm.error("TypeError", "can't delete attribute");
        owner(obj).writeField(obj, CDataType.ptr(obj) + get(self, OFFSET), get(self, INDEX), type(self), v);
    }

    @Override
    public long attrOf(long o, String attrName) {
        return switch (attrName) {
            case "offset" -> vm.newInt(get(o, OFFSET));
            case "size" -> vm.newInt(get(o, SIZE));
            default -> 0;
        };
    }

    @Override
    public String reprOf(long o) {
        String proto = vm.heap.typeAt(get(o, PROTO)).name();
        return "<Field type=" + proto.substring(proto.lastIndexOf('.') + 1) + ", ofs=" + get(o, OFFSET) + ", size=" + get(o, SIZE) + ">";
    }
}

package dev.refheap.lang.modules.ctypes;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.vm.VmApi;

/**
 * {@code CArgObject}: what {@code ctypes.byref(obj[, offset])} returns, CPython 3.11's PyCArgObject,
 * 64 bytes, no GC:
 * <pre> refcnt | type | pffi_type | tag (char) | value (16 bytes: the address) | obj | size </pre>
 * tag is {@code 'P'} and value the address of obj's data plus the offset; obj (the instance it
 * refers to) is the one reference, kept alive by it. It is only an argument: refheap's C API
 * functions ({@code ctypes.pythonapi}), memmove, memset and cast take it as that address.
 * It cannot be made by calling its type. Immutable once made.
 */
final class CArgType extends FieldsType {
    static final int TAG = 24, VALUE = 32, OBJ = 48, SIZE = 56;

    CArgType(VmApi vm) {
        super(vm, "CArgObject", 0, 64, 0, OBJ);
    }

    long create(long obj, long address) {
        long o = alloc();
        dev.refheap.memory.Native.putByte(o + TAG, (byte) 'P');
        put(o, VALUE, address);
        put(o, OBJ, vm.incref(obj));
        return o;
    }

    static long address(long o) { return get(o, VALUE); }

    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) { throw vm.error("TypeError", "cannot create 'CArgObject' instances"); }

    @Override
    public long attrOf(long o, String attrName) {
        return attrName.equals("_obj") ? vm.incref(get(o, OBJ)) : 0;
    }

    @Override
    public String reprOf(long o) { return "<cparam 'P' (0x" + Long.toHexString(address(o)) + ")>"; }
}

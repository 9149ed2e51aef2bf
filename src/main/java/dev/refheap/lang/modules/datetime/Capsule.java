package dev.refheap.lang.modules.datetime;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;

/**
 * A minimal {@code PyCapsule} (CPython 3.11's capsule type: 48 bytes, not GC-tracked, no
 * subclasses): {@code refcnt | type | pointer | name | context | destructor}. refheap's capsules
 * carry no C API (the pointer stays NULL): they exist so a module's capsule attribute has
 * CPython's type, size and repr. The name is held as a Java string keyed by the instance.
 * States: made with its name, immutable, freed with its last reference.
 */
final class Capsule extends FieldsType {
    private final java.util.Map<Long, String> names = new java.util.HashMap<>();

    Capsule(VmApi vm) {
        super(vm, "PyCapsule", 0, 48, 0);
    }

    /** READY | IMMUTABLETYPE | DISALLOW_INSTANTIATION, as CPython 3.11.7 reports. */
    @Override
    protected long declaredFlags() { return 0x1180; }

    static long make(VmApi vm, Capsule t, String name) {
        long o = t.alloc();
        Native.putLong(o + 24, 1);  // the name pointer is not NULL
        t.names.put(o, name);
        return o;
    }

    @Override
    public String reprOf(long o) {
        String n = names.get(o);
        return "<capsule object " + (n == null ? "NULL" : "\"" + n + "\"") + " at 0x" + Long.toHexString(o) + ">";
    }

    @Override
    public void dealloc(long o) {
        names.remove(o);
        super.dealloc(o);
    }
}

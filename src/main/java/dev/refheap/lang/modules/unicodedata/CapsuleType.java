package dev.refheap.lang.modules.unicodedata;

import dev.refheap.lang.vm.NativeType;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;

/**
 * {@code PyCapsule}: CPython 3.11's capsule object, 48 bytes, not GC (refcnt | type | pointer |
 * name | context | destructor). refheap has no C API to hand out, so a capsule only carries its
 * name (kept on the Java side; the C words are 0) and shows it in its repr, as
 * {@code unicodedata._ucnhash_CAPI} does in CPython. Instances are made by native modules only.
 */
final class CapsuleType extends NativeType {
    private final java.util.Map<Long, String> names = new java.util.concurrent.ConcurrentHashMap<>();

    CapsuleType(VmApi vm) {
        super(vm, "PyCapsule", 0, 48, 0, 0);
    }

    /** READY | IMMUTABLETYPE | DISALLOW_INSTANTIATION, VALID_VERSION_TAG once a lookup assigned one. */
    @Override
    protected long declaredFlags() { return 4480; }

    long create(String name) {
        long o = heap.allocObject(this, 0);
        Native.fill(o + 16, 32, (byte) 0);
        names.put(o, name);
        return o;
    }

    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) {
        throw vm.error("TypeError", "cannot create 'PyCapsule' instances");
    }

    @Override
    public String reprOf(long o) {
        String name = names.get(o);
        return "<capsule object " + (name == null ? "NULL" : "\"" + name + "\"") + " at 0x" + Long.toHexString(o) + ">";
    }

    @Override
    public void traverse(long o, java.util.function.LongConsumer visit) {}

    @Override
    public void dealloc(long o) {
        names.remove(o);
        heap.freeObject(o);
    }
}

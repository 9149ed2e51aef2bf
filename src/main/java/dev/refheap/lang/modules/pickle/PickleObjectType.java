package dev.refheap.lang.modules.pickle;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.vm.VmApi;

/**
 * What {@code _pickle.Pickler} and {@code _pickle.Unpickler} share: fields owned as FieldsType owns
 * them, and _pickle.c's init_method_ref, which both use for their hook methods (persistent_id,
 * persistent_load). Stateless beyond the type object.
 */
abstract class PickleObjectType extends FieldsType {
    PickleObjectType(VmApi vm, String name, int flags, long basicSize, long weaklistOffset, int... ownedFields) {
        super(vm, name, flags, basicSize, weaklistOffset, ownedFields);
    }

    /**
     * init_method_ref: {@code self.name} kept at {@code funcOff}; a method bound to {@code s} itself is
     * kept as its function, with {@code s} (not a reference: no cycle) at {@code selfOff}; absent, both 0.
     */
    final void initMethodRef(long s, String name, int funcOff, int selfOff) {
        long f = vm.lookupAttr(s, name);
        if (f == 0) {
            set(s, funcOff, 0);
            put(s, selfOff, 0);
            return;
        }
        long[] parts = vm.boundMethodParts(f);
        if (parts != null && parts[1] == s) {
            long func = vm.incref(parts[0]);
            heap.decref(f);
            set(s, funcOff, func);
            put(s, selfOff, s);
            return;
        }
        put(s, selfOff, 0);
        set(s, funcOff, f);
    }
}

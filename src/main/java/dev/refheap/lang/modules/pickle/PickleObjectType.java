package dev.refheap.lang.modules.pickle;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.vm.VmApi;

/**
 * What {@code _pickle.Pickler} and {@code _pickle.Unpickler} share: fields owned as FieldsType owns
 * them, and the method reference _pickle.c keeps for their hook methods (persistent_id,
 * persistent_load): init_method_ref, reconstruct_method, the attribute's setter, call_method.
 * Stateless beyond the type object.
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

    /** reconstruct_method: the attribute's value, a bound method again when only the function was kept; AttributeError when absent. */
    final long methodRefObject(long s, String name, int funcOff, int selfOff) {
        long f = get(s, funcOff);
        if (f == 0) throw vm.error("AttributeError", name);
        long self = get(s, selfOff);
        return self == 0 ? vm.incref(f) : vm.newBoundMethod(f, self);
    }

    /** The attribute's setter: any callable, kept as it is; deletion refused. */
    final void setMethodRef(long s, String name, long v, int funcOff, int selfOff) {
        if (v == 0) throw vm.error("TypeError", "attribute deletion is not supported");
        if (!vm.isCallable(v)) throw vm.error("TypeError", name + " must be a callable taking one argument");
        put(s, selfOff, 0);
        set(s, funcOff, vm.incref(v));
    }

    /** call_method: the kept function with the kept self first, when there is one. */
    final long callMethodRef(long s, int funcOff, int selfOff, long arg) {
        long f = get(s, funcOff), self = get(s, selfOff);
        return self != 0 ? vm.call(f, self, arg) : vm.call(f, arg);
    }
}

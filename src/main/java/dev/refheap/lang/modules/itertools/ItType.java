package dev.refheap.lang.modules.itertools;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.PyType;

/**
 * Base of itertools' iterator types: a {@link FieldsType} (CPython 3.11's struct, GC-tracked
 * unless said otherwise) whose instances are their own iterators, with {@code __iter__} and
 * {@code __next__} as methods. Subclasses implement {@link #nextOf} and {@link #newInstance}.
 */
abstract class ItType extends FieldsType {
    ItType(VmApi vm, String name, long basicSize, int... ownedFields) {
        this(vm, name, PyType.HAVE_GC | PyType.BASETYPE, basicSize, 0L, ownedFields);
    }

    ItType(VmApi vm, String name, int flags, long basicSize, long weaklistOffset, int[] ownedFields) {
        super(vm, "itertools." + name, flags, basicSize, weaklistOffset, ownedFields);
    }

    /** Registers the type in the runtime and its iterator methods. */
    ItType install() {
        vm.registerType(this);
        defIteratorMethods();
        return this;
    }

    @Override
    public boolean isIteratorType() { return true; }

    /** The type's short name, as _PyType_Name gives it for reprs. */
    final String shortName() { return name().substring(name().lastIndexOf('.') + 1); }

    /** Allocates, fills by {@code init}, then tracks (the fields are complete before the collector can see it). */
    final long create(java.util.function.LongConsumer init) {
        long o = alloc();
        init.accept(o);
        if (isGc()) heap.track(o);
        return o;
    }

    /** func(arg): a new reference. */
    final long call1(long func, long arg) { return vm.call(func, arg); }

    /** PyObject_IsTrue of a new reference, which it releases. */
    final boolean truthOfNew(long v) {
        try {
            return vm.truthy(v);
        } finally {
            heap.decref(v);
        }
    }
}

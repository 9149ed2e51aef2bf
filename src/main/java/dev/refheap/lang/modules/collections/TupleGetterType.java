package dev.refheap.lang.modules.collections;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;

/**
 * {@code _collections._tuplegetter}: the descriptor namedtuple puts in its classes for each field,
 * CPython 3.11's _tuplegetterobject (32 bytes plus the GC head, tracked): {@code index | doc}.
 * On an instance it is {@code instance[index]} for a tuple or a tuple subclass (IndexError past
 * its end, TypeError for any other object), on the class the descriptor itself; it refuses
 * assignment and deletion ("can't set attribute"). {@code __doc__} is a writable member (namedtuple
 * sets it to "Alias for field number N"), the one reference, traversed. Immutable but for the doc.
 */
final class TupleGetterType extends FieldsType {
    static final int INDEX = 16, DOC = 24;

    TupleGetterType(VmApi vm) {
        super(vm, "_collections._tuplegetter", PyType.HAVE_GC, 32, 0, DOC);
        cpythonFlags(0x5100);  // HAVE_GC | READY | IMMUTABLETYPE: a static type, not subclassable
    }

    /** Defines the type's members and slot wrappers (once per runtime). */
    void install() {
        vm.defMember(this, "__doc__");
        defSlotWrapper("__get__", (self, a, o, n, kw) -> {
            Params.unpack(vm, "__get__", n, kw, 1, 2);
            long obj = a[o], type = n == 2 ? a[o + 1] : vm.heap.None;
            if (obj == vm.heap.None && type == vm.heap.None) throw vm.error("TypeError", "__get__(None, None) is invalid");
            return descrGet(self, obj, type);
        });
        defSlotWrapper("__set__", (self, a, o, n, kw) -> {
            Params.unpack(vm, "__set__", n, kw, 2, 2);
            descrSet(self, a[o], a[o + 1]);
            return vm.incref(vm.heap.None);
        });
        defSlotWrapper("__delete__", (self, a, o, n, kw) -> {
            Params.unpack(vm, "__delete__", n, kw, 1, 1);
            descrSet(self, a[o], 0);
            return vm.incref(vm.heap.None);
        });
        defMethod("__reduce__", (self, a, o, n, kw) -> {
            Params.noArgs(vm, "_tuplegetter.__reduce__", n, kw);
            long index = vm.newInt(Native.getLong(self + INDEX));
            try {
                long args = vm.heap.tuples.of(index, get(self, DOC));
                try {
                    return vm.heap.tuples.of(typeObject(), args);
                } finally {
                    vm.heap.decref(args);
                }
            } finally {
                vm.heap.decref(index);
            }
        });
    }

    /** tuplegetter_new: {@code _tuplegetter(index, doc)}, positional only. */
    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) {
        Params.noKeywords(vm, "_tuplegetter", kwnames);
        if (n != 2) throw vm.error("TypeError", "_tuplegetter expected 2 arguments, got " + n);
        if (!vm.isInt(a[off]) && !vm.typeHas(a[off], "__index__")) {
            throw vm.error("TypeError", "'" + vm.typeName(a[off]) + "' object cannot be interpreted as an integer");
        }
        long index = Params.ssize(vm, a[off]);
        long g = alloc();
        Native.putLong(g + INDEX, index);
        put(g, DOC, vm.incref(a[off + 1]));
        heap.track(g);
        return g;
    }

    @Override
    public boolean isDataDescriptorType() { return true; }

    @Override
    public long descrGet(long self, long obj, long type) {
        if (obj == 0 || obj == vm.heap.None) return vm.incref(self);
        long index = Native.getLong(self + INDEX);
        if (!vm.isSubtype(obj, vm.heap.tuples)) {  // PyTuple_Check: a tuple or an instance of a subclass (a struct sequence too)
            throw vm.error("TypeError", "descriptor for index '" + index + "' for tuple subclasses doesn't apply to '" + vm.typeName(obj) + "' object");
        }
        if (index < 0 || index >= TupleType.size(obj)) throw vm.error("IndexError", "tuple index out of range");
        return vm.incref(TupleType.item(obj, index));
    }

    @Override
    public void descrSet(long self, long obj, long v) {
        throw vm.error("AttributeError", v == 0 ? "can't delete attribute" : "can't set attribute");
    }

    @Override
    public long attrOf(long o, String attrName) {
        if (!attrName.equals("__doc__")) return 0;
        return vm.incref(get(o, DOC) == 0 ? vm.heap.None : get(o, DOC));
    }

    @Override
    public boolean writableDescriptor(String attrName) { return attrName.equals("__doc__"); }

    @Override
    public void setDescriptorValue(long o, String attrName, long v) {
        set(o, DOC, v == 0 ? 0 : vm.incref(v));
    }

    @Override
    public String reprOf(long o) {
        return "_tuplegetter(" + Native.getLong(o + INDEX) + ", " + vm.repr(get(o, DOC) == 0 ? vm.heap.None : get(o, DOC)) + ")";
    }
}

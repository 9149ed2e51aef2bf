package dev.refheap.lang.modules.ctypes;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.PyType;

/**
 * {@code ctypes.PyDLL}, of which refheap has one instance, {@code ctypes.pythonapi}: the C API
 * functions refheap implements itself ({@link VmApi#cApiNames}), each a {@link FuncPtrType}
 * function made on first attribute access and cached (as CPython's CDLL.__getattr__ sets the
 * attribute), {@code pythonapi['name']} a new one each time. Any other name is AttributeError
 * naming the ones there are. Loading a library ({@code PyDLL(name)}) is refused by name.
 * refheap's layout, tracked: {@code refcnt | type | functions (dict)}. States: made with the
 * module, its dict growing as functions are looked up.
 */
final class PyDllType extends FieldsType {
    static final int FUNCTIONS = 16;
    private final FuncPtrType funcs;

    PyDllType(VmApi vm, FuncPtrType funcs) {
        super(vm, "ctypes.PyDLL", PyType.HAVE_GC, 24, 0, FUNCTIONS);
        this.funcs = funcs;
    }

    long create() {
        long o = alloc();
        put(o, FUNCTIONS, vm.heap.dicts.create());
        vm.heap.track(o);
        return o;
    }

    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) { throw StructType.notBuilt(vm, "loading libraries (PyDLL)"); }

    private long function(long o, String name, boolean cached) {
        if (!vm.cApiNames().contains(name)) {
            throw vm.error("AttributeError", "refheap's pythonapi has no function '" + name + "': refheap implements these C API functions: "
                    + String.join(", ", vm.cApiNames()));
        }
        long d = get(o, FUNCTIONS);
        if (cached) {
            long f = vm.heap.dicts.getItem(d, name);
            if (f != 0) return vm.incref(f);
        }
        long f = funcs.create(name);
        if (cached) vm.heap.dicts.setItem(d, name, f);
        return f;
    }

    @Override
    public long attrOf(long o, String attrName) {
        if (attrName.equals("_name")) return vm.incref(vm.heap.None);
        if (attrName.equals("_FuncPtr")) return vm.incref(funcs.typeObject());
        if (attrName.startsWith("__") && attrName.endsWith("__")) {  // CDLL.__getattr__: AttributeError(name), never a function
            if (vm.typeLookup(this, attrName) != 0) return 0;
            throw vm.error("AttributeError", attrName);
        }
        return function(o, attrName, true);
    }

    @Override
    public long getItemOf(long o, long key) {
        if (!vm.isStr(key)) throw StructType.notBuilt(vm, "pythonapi functions by ordinal");
        return function(o, vm.strValue(key), false);
    }

    @Override
    public String reprOf(long o) { return "<PyDLL 'None' (refheap's C API functions) at 0x" + Long.toHexString(o) + ">"; }
}

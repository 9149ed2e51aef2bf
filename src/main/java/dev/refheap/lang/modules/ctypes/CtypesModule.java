package dev.refheap.lang.modules.ctypes;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.PyType;

/**
 * What refheap's {@code ctypes} module has beyond the VM's integer types (which the VM's own
 * {@code ctypes} gives: {@code c_int}..., {@code from_address}, the write contract): Structure and
 * Union ({@link StructType}) with their field descriptors ({@link CFieldType}), the scalar types
 * c_char, c_bool, c_float and c_double ({@link SimpleType}), and the functions that span both:
 * {@code sizeof}, {@code alignment}, {@code addressof}, {@code resize}. The types are made once
 * per runtime (module state) and added to the module the VM made.
 *
 * <p>Not built (each raises NotImplementedError naming it): arrays ({@code c_char * 4}),
 * {@code create_string_buffer}, pointers ({@code POINTER}, {@code pointer}), foreign functions
 * ({@code CDLL}, {@code CFUNCTYPE}...).
 */
public final class CtypesModule {
    private CtypesModule() {}

    record Types(StructType structure, StructType union, CFieldType field, SimpleType[] simple) {}

    /** Adds the types and functions to {@code module}, the VM's freshly made {@code ctypes}. */
    public static void extend(VmApi vm, long module) {
        Types t = vm.moduleState("ctypes", () -> {
            CFieldType field = vm.registerType(new CFieldType(vm));
            vm.defGetSet(field, "offset");
            vm.defGetSet(field, "size");
            StructType s = vm.registerType(new StructType(vm, "_ctypes.Structure", false, field));
            StructType u = vm.registerType(new StructType(vm, "_ctypes.Union", true, field));
            for (StructType st : new StructType[] {s, u}) {
                vm.defTpNew(st);
                st.defClassMethod("__init_subclass__", (self, a, o, n, kw) -> {
                    Params.noKeywords(vm, "__init_subclass__", kw);
                    st.define(self);
                    return vm.incref(vm.heap.None);
                });
                st.defSlotWrapper("__init__", (self, a, o, n, kw) -> {
                    st.init(self, a, o, n, kw);
                    return vm.incref(vm.heap.None);
                });
                for (String name : new String[] {"_objects", "_b_base_", "_b_needsfree_"}) vm.defGetSet(st, name);
            }
            SimpleType[] simple = {
                vm.registerType(new SimpleType(vm, "c_char", new Scalar('c', 1))),
                vm.registerType(new SimpleType(vm, "c_bool", new Scalar('?', 1))),
                vm.registerType(new SimpleType(vm, "c_float", new Scalar('f', 4))),
                vm.registerType(new SimpleType(vm, "c_double", new Scalar('d', 8))),
            };
            for (SimpleType st : simple) {
                vm.defTpNew(st);
                vm.defGetSet(st, "value");
                for (String name : new String[] {"_objects", "_b_base_", "_b_needsfree_"}) vm.defGetSet(st, name);
            }
            return new Types(s, u, field, simple);
        });
        long d = vm.moduleDict(module);
        vm.heap.dicts.setItem(d, "Structure", t.structure().typeObject());
        vm.heap.dicts.setItem(d, "Union", t.union().typeObject());
        for (SimpleType st : t.simple()) vm.heap.dicts.setItem(d, st.name(), st.typeObject());
        long intSizeof = vm.heap.dicts.getItem(d, "sizeof"), intAddressof = vm.heap.dicts.getItem(d, "addressof");
        vm.hold(vm.incref(intSizeof));
        vm.hold(vm.incref(intAddressof));
        vm.def(module, "sizeof", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "sizeof", kw);
            if (n != 1) throw vm.error("TypeError", "sizeof() takes exactly one argument (" + n + " given)");
            long x = a[o];
            if (vm.isType(x) && cdataClass(vm, x) != null) return vm.newInt(cdataClass(vm, x).sizeOfClass(x));
            if (vm.layoutType(x) instanceof CDataType) return vm.newInt(CDataType.size(x));
            return vm.call(intSizeof, x);
        });
        vm.def(module, "alignment", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "alignment", kw);
            if (n != 1) throw vm.error("TypeError", "alignment() takes exactly one argument (" + n + " given)");
            long x = a[o];
            long cls = vm.isType(x) ? x : vm.heap.typeOf(x).address();
            CDataType c = cdataClass(vm, cls);
            if (c != null) return vm.newInt(c.alignOfClass(cls));
            int w = vm.ctypesIntType(cls);
            if (w != 0) return vm.newInt(Math.abs(w));
            throw vm.error("TypeError", "no alignment info");
        });
        vm.def(module, "addressof", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "addressof", kw);
            if (n != 1) throw vm.error("TypeError", "addressof() takes exactly one argument (" + n + " given)");
            if (vm.layoutType(a[o]) instanceof CDataType) return vm.newInt(CDataType.ptr(a[o]));
            return vm.call(intAddressof, a[o]);
        });
        vm.def(module, "resize", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "resize", kw);
            if (n != 2) throw vm.error("TypeError", "resize expected 2 arguments, got " + n);
            if (!(vm.layoutType(a[o]) instanceof CDataType c)) {
                if (vm.isCtypesInt(a[o])) throw StructType.notBuilt(vm, "resizing its integer types' objects");
                throw vm.error("TypeError", "excepted ctypes instance");
            }
            if (!vm.isInt(a[o + 1])) throw vm.error("TypeError", "'" + vm.typeName(a[o + 1]) + "' object cannot be interpreted as an integer");
            java.math.BigInteger size = vm.asIndex(a[o + 1]);
            if (size.bitLength() > 63) throw vm.error("OverflowError", "Python int too large to convert to C ssize_t");
            c.resize(a[o], size.longValue());
            return vm.incref(vm.heap.None);
        });
        for (String missing : new String[] {"create_string_buffer", "create_unicode_buffer", "POINTER", "pointer", "cast", "CDLL", "PyDLL",
                "CFUNCTYPE", "PYFUNCTYPE", "memmove", "memset", "string_at", "byref", "ARRAY"}) {
            vm.def(module, missing, (s, a, o, n, kw) -> {
                throw StructType.notBuilt(vm, missing);
            });
        }
    }

    /** The CData type behind type object {@code cls} (itself or a Python class's native base), or null. */
    static CDataType cdataClass(VmApi vm, long cls) {
        return vm.layoutOfClass(cls) instanceof CDataType c ? c : null;
    }
}

package dev.refheap.lang.modules.ctypes;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.PyType;

/**
 * What refheap's {@code ctypes} module has beyond the VM's integer types (which the VM's own
 * {@code ctypes} gives: {@code c_int}..., {@code from_address}, the write contract): Structure and
 * Union ({@link StructType}) with their field descriptors ({@link CFieldType}), the scalar types
 * c_char, c_bool, c_float, c_double, c_char_p and py_object ({@link SimpleType}), arrays
 * ({@link ArrayType}), pointers ({@link PointerType}), byref's argument object ({@link CArgType}),
 * {@code pythonapi} ({@link PyDllType}, {@link FuncPtrType}), {@code from_address} on each, and the
 * functions that span them: {@code sizeof}, {@code alignment}, {@code addressof}, {@code resize},
 * {@code cast} (to py_object, c_void_p, c_char_p and pointer types), {@code string_at},
 * {@code create_string_buffer}, {@code memmove}, {@code memset}, {@code POINTER}, {@code pointer},
 * {@code byref}, {@code ARRAY}, and {@code ArgumentError}. The types are made once per runtime
 * (module state) and added to the module the VM made; _ctypes' metaclasses (PyCSimpleType,
 * PyCArrayType, PyCStructType, UnionType, PyCPointerType) are heap classes derived from type, and
 * the types are made their instances.
 *
 * <p>Not built (each raises NotImplementedError naming it): {@code CDLL} and loading libraries,
 * {@code CFUNCTYPE}, {@code create_unicode_buffer}, {@code c_wchar_p} and the wide types,
 * {@code wstring_at}, bit fields, {@code _anonymous_}.
 */
public final class CtypesModule {
    private CtypesModule() {}

    record Types(StructType structure, StructType union, CFieldType field, SimpleType[] simple, long argumentError, ArrayType array,
            PointerType pointer, CArgType carg, PyDllType pyDll, long pythonapi) {}

    /** The address of C data object {@code v}'s data (addressof's answer), for a CDataType or VM integer instance. */
    static long dataAddress(VmApi vm, long v) {
        if (vm.layoutType(v) instanceof CDataType) return CDataType.ptr(v);
        if (vm.isCtypesInt(v)) return vm.ctypesIntData(v);
        throw vm.error("TypeError", "invalid type");
    }

    /** A new instance of ctypes type {@code t} over the memory at {@code address}, its {@code _b_base_} {@code base} (b_index {@code index}). */
    static long instanceAt(VmApi vm, CDataType.CType t, long address, long base, long index) {
        if (vm.ctypesIntType(t.cls()) != 0) return vm.ctypesIntAt(t.cls(), address, base);
        CDataType c = cdataClass(vm, t.cls());
        long o = c.atAddress(t.cls(), address);
        dev.refheap.memory.Native.putLong(o + CDataType.B_BASE, vm.incref(base));
        dev.refheap.memory.Native.putLong(o + CDataType.B_INDEX, index);
        return o;
    }

    /** The VM's integer types (they live in the module dict the VM made). */
    private static final String[] INT_TYPES = {"c_long", "c_int", "c_ulong", "c_uint", "c_short", "c_ushort", "c_byte", "c_ubyte", "c_void_p"};

    /**
     * One of _ctypes' metaclasses ({@code PyCSimpleType}, {@code PyCArrayType}, {@code PyCStructType},
     * {@code UnionType}, {@code PyCPointerType}): a class derived from {@code type} in module
     * {@code _ctypes} whose {@code __mul__} and {@code __rmul__} make array types (CDataType_as_sequence's
     * sq_repeat), held by the runtime. CPython's are static C types; these are heap classes.
     */
    private static long metaclass(VmApi vm, String name, ArrayType arrays) { return metaclass(vm, name, arrays, null); }

    /** As above; {@code structs} not null: the metaclass's {@code __setattr__} lets {@code _fields_} be set after the class statement. */
    private static long metaclass(VmApi vm, String name, ArrayType arrays, StructType structs) {
        long ns = vm.heap.dicts.create();
        long bases = vm.heap.tuples.of(vm.heap.typeType.address());
        long nameObj = vm.str(name);
        try {
            long mod = vm.str("_ctypes");
            vm.heap.dicts.setItem(ns, "__module__", mod);
            vm.heap.decref(mod);
            for (String dunder : new String[] {"__mul__", "__rmul__"}) {
                long d = vm.typeMethodDescriptor(dunder, (self, a, o, n, kw) -> {
                    Params.noKeywords(vm, dunder, kw);
                    if (n != 1) throw vm.error("TypeError", "expected 1 argument, got " + n);
                    long x = a[o];
                    if (!vm.isInt(x) && !vm.typeHas(x, "__index__")) {
                        throw vm.error("TypeError", "can't multiply sequence by non-int of type '" + vm.typeName(x) + "'");
                    }
                    java.math.BigInteger len = vm.asIndex(x);
                    if (len.bitLength() > 63) throw vm.error("OverflowError", "cannot fit '" + vm.typeName(x) + "' into an index-sized integer");
                    return arrays.arrayOf(self, len.longValue());
                });
                vm.heap.dicts.setItem(ns, dunder, d);
                vm.heap.decref(d);
            }
            if (structs != null) {
                long typeSetattr = vm.getAttrOrNull(vm.heap.typeType.address(), "__setattr__");
                vm.hold(typeSetattr);
                long d = vm.typeMethodDescriptor("__setattr__", (self, a, o, n, kw) -> {
                    Params.noKeywords(vm, "__setattr__", kw);
                    if (n != 2) throw vm.error("TypeError", "expected 2 arguments, got " + n);
                    Runnable assign = () -> vm.heap.decref(vm.call(typeSetattr, self, a[o], a[o + 1]));
                    if (vm.isStr(a[o]) && vm.strValue(a[o]).equals("_fields_") && self != structs.typeObject() && cdataClass(vm, self) == structs) {
                        structs.setFields(self, a[o + 1], assign);
                    } else {
                        assign.run();
                    }
                    return vm.incref(vm.heap.None);
                });
                vm.heap.dicts.setItem(ns, "__setattr__", d);
                vm.heap.decref(d);
            }
            return vm.hold(vm.call(vm.heap.typeType.address(), nameObj, bases, ns));
        } finally {
            vm.heap.decref(nameObj);
            vm.heap.decref(bases);
            vm.heap.decref(ns);
        }
    }

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
                vm.registerType(new SimpleType(vm, "c_char_p", new Scalar('z', 8))),
                vm.registerType(new SimpleType(vm, "py_object", new Scalar('O', 8))),
            };
            for (StructType st : new StructType[] {s, u}) {
                st.defFromAddress();
                st.defFromBuffer();
            }
            for (SimpleType st : simple) {
                vm.defTpNew(st);
                st.defFromAddress();
                st.defFromBuffer();
                vm.defGetSet(st, "value");
                for (String name : new String[] {"_objects", "_b_base_", "_b_needsfree_"}) vm.defGetSet(st, name);
            }
            ArrayType array = vm.registerType(new ArrayType(vm));
            vm.defTpNew(array);
            array.defClassMethod("__init_subclass__", (self, a, o, n, kw) -> {
                Params.noKeywords(vm, "__init_subclass__", kw);
                array.define(self);
                return vm.incref(vm.heap.None);
            });
            array.defSlotWrapper("__init__", (self, a, o, n, kw) -> {
                array.init(self, a, o, n, kw);
                return vm.incref(vm.heap.None);
            });
            for (String name : new String[] {"_objects", "_b_base_", "_b_needsfree_"}) vm.defGetSet(array, name);
            array.defFromAddress();
            array.defFromBuffer();
            array.defSlotWrapper("__len__", (self, a, o, n, kw) -> vm.newInt(array.lenOf(self)));
            array.defSlotWrapper("__getitem__", (self, a, o, n, kw) -> {
                Params.unpack(vm, "__getitem__", n, kw, 1, 1);
                return array.getItemOf(self, a[o]);
            });
            array.defSlotWrapper("__setitem__", (self, a, o, n, kw) -> {
                Params.unpack(vm, "__setitem__", n, kw, 2, 2);
                array.setItemOf(self, a[o], a[o + 1]);
                return vm.incref(vm.heap.None);
            });
            array.defSlotWrapper("__delitem__", (self, a, o, n, kw) -> {
                Params.unpack(vm, "__delitem__", n, kw, 1, 1);
                array.setItemOf(self, a[o], 0);
                return vm.incref(vm.heap.None);
            });
            PointerType pointer = vm.registerType(new PointerType(vm));
            vm.defTpNew(pointer);
            pointer.defClassMethod("__init_subclass__", (self, a, o, n, kw) -> {
                Params.noKeywords(vm, "__init_subclass__", kw);
                pointer.define(self);
                return vm.incref(vm.heap.None);
            });
            pointer.defSlotWrapper("__init__", (self, a, o, n, kw) -> {
                pointer.init(self, a, o, n, kw);
                return vm.incref(vm.heap.None);
            });
            for (String name : new String[] {"_objects", "_b_base_", "_b_needsfree_"}) vm.defGetSet(pointer, name);
            vm.defGetSet(pointer, "contents");
            pointer.defFromAddress();
            pointer.defFromBuffer();
            pointer.defSlotWrapper("__getitem__", (self, a, o, n, kw) -> {
                Params.unpack(vm, "__getitem__", n, kw, 1, 1);
                return pointer.getItemOf(self, a[o]);
            });
            pointer.defSlotWrapper("__setitem__", (self, a, o, n, kw) -> {
                Params.unpack(vm, "__setitem__", n, kw, 2, 2);
                pointer.setItemOf(self, a[o], a[o + 1]);
                return vm.incref(vm.heap.None);
            });
            pointer.defSlotWrapper("__delitem__", (self, a, o, n, kw) -> {
                throw vm.error("TypeError", "Pointer does not support item deletion");
            });
            pointer.defSlotWrapper("__bool__", (self, a, o, n, kw) -> {
                Params.unpack(vm, "__bool__", n, kw, 0, 0);
                return vm.incref(pointer.truthOf(self) ? vm.heap.True : vm.heap.False);
            });
            pointer.metaclass = metaclass(vm, "PyCPointerType", array);
            vm.setMetaclass(pointer.typeObject(), pointer.metaclass);
            pointer.cache = vm.hold(vm.heap.dicts.create());
            vm.heap.dicts.setItem(pointer.cache, vm.heap.None, vm.heap.dicts.getItem(vm.moduleDict(module), "c_void_p"));  // ctypes/__init__.py's _pointer_type_cache[None] = c_void_p
            CArgType carg = vm.registerType(new CArgType(vm));
            vm.defMember(carg, "_obj");
            FuncPtrType funcPtr = vm.registerType(new FuncPtrType(vm));
            for (String name : new String[] {"argtypes", "restype", "errcheck"}) vm.defGetSet(funcPtr, name);
            PyDllType pyDll = vm.registerType(new PyDllType(vm, funcPtr));
            long simpleMeta = metaclass(vm, "PyCSimpleType", array);
            array.metaclass = metaclass(vm, "PyCArrayType", array);
            vm.setMetaclass(array.typeObject(), array.metaclass);
            vm.setMetaclass(s.typeObject(), metaclass(vm, "PyCStructType", array, s));
            vm.setMetaclass(u.typeObject(), metaclass(vm, "UnionType", array, u));
            for (SimpleType st : simple) vm.setMetaclass(st.typeObject(), simpleMeta);
            long md = vm.moduleDict(module);
            for (String name : INT_TYPES) vm.setMetaclass(vm.heap.dicts.getItem(md, name), simpleMeta);
            long ctypesName = vm.str("ctypes");  // classes of ctypes/__init__.py in CPython
            for (String name : INT_TYPES) vm.setTypeAttr(vm.typeAt(vm.heap.dicts.getItem(md, name)), "__module__", ctypesName);
            for (SimpleType st : simple) vm.setTypeAttr(st, "__module__", ctypesName);
            vm.heap.decref(ctypesName);
            long argumentError = vm.newExceptionClass("ctypes", "ArgumentError", "Exception");
            funcPtr.argumentError = argumentError;
            funcPtr.cInt = vm.heap.dicts.getItem(md, "c_int");
            return new Types(s, u, field, simple, argumentError, array, pointer, carg, pyDll, vm.hold(pyDll.create()));
        });
        long d = vm.moduleDict(module);
        vm.heap.dicts.setItem(d, "Array", t.array().typeObject());
        vm.heap.dicts.setItem(d, "_Pointer", t.pointer().typeObject());
        vm.heap.dicts.setItem(d, "PyDLL", t.pyDll().typeObject());
        vm.heap.dicts.setItem(d, "pythonapi", t.pythonapi());
        vm.heap.dicts.setItem(d, "_pointer_type_cache", t.pointer().cache);
        PointerType pointers = t.pointer();
        vm.def(module, "POINTER", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "POINTER", kw);
            if (n != 1) throw vm.error("TypeError", "POINTER() takes exactly one argument (" + n + " given)");
            return pointers.pointerTo(a[o]);
        });
        ArrayType arrays = t.array();
        SimpleType cChar = t.simple()[0];
        vm.def(module, "create_string_buffer", (s, a, o, n, kw) -> {
            long[] args = pythonArgs(vm, "create_string_buffer", a, o, n, kw, 1, "init", "size");
            long init = args[0], sizeObj = args[1] == vm.heap.None ? 0 : args[1];
            long size;
            boolean isBytes = vm.heap.typeOf(init) == vm.heap.bytes;
            if (isBytes) size = sizeObj == 0 ? vm.callLen(init) + 1 : Params.ssize(vm, sizeObj);
            else if (vm.isInt(init)) size = Params.ssize(vm, init);
            else throw vm.error("TypeError", vm.toStr(init));  // ctypes' raise TypeError(init)
            long cls = arrays.arrayOf(cChar.typeObject(), size);
            long buf;
            try {
                buf = vm.call(cls);
            } finally {
                vm.heap.decref(cls);
            }
            if (isBytes) {
                try {
                    vm.setAttr(buf, "value", init);
                } catch (RuntimeException e) {
                    vm.heap.decref(buf);
                    throw e;
                }
            }
            return buf;
        });
        vm.def(module, "memmove", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "memmove", kw);
            if (n != 3) throw vm.error("TypeError", "this function takes 3 arguments (" + n + " given)");
            long dst = voidPointer(vm, t.argumentError(), a[o], 1), src = voidPointer(vm, t.argumentError(), a[o + 1], 2);
            long count = sizeArg(vm, t.argumentError(), a[o + 2], 3);
            vm.ctypesCheckRead(src, count);
            vm.ctypesStoreBytes(dst, src, count);
            return addressResult(vm, dst);
        });
        vm.def(module, "memset", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "memset", kw);
            if (n != 3) throw vm.error("TypeError", "this function takes 3 arguments (" + n + " given)");
            long dst = voidPointer(vm, t.argumentError(), a[o], 1);
            if (!vm.isInt(a[o + 1])) throw argError(vm, t.argumentError(), 2);
            byte c = (byte) vm.asIndex(a[o + 1]).intValue();
            long count = sizeArg(vm, t.argumentError(), a[o + 2], 3);
            vm.ctypesFill(dst, c, count);
            return addressResult(vm, dst);
        });
        vm.def(module, "byref", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "byref", kw);
            if (n < 1 || n > 2) throw vm.error("TypeError", "byref expected at least 1 argument" + (n > 2 ? "s, got " + n : ", got 0"));
            long obj = a[o];
            if (!vm.isCtypesInt(obj) && !(vm.layoutType(obj) instanceof CDataType)) {
                throw vm.error("TypeError", "byref() argument must be a ctypes instance, not '" + vm.typeName(obj) + "'");
            }
            long offset = n == 2 ? Params.ssize(vm, a[o + 1]) : 0;
            return t.carg().create(obj, dataAddress(vm, obj) + offset);
        });
        vm.def(module, "pointer", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "pointer", kw);
            if (n != 1) throw vm.error("TypeError", "pointer() takes exactly one argument (" + n + " given)");
            long cls = pointers.pointerTo(vm.heap.typeOf(a[o]).address());
            try {
                return vm.call(cls, a[o]);
            } finally {
                vm.heap.decref(cls);
            }
        });
        vm.heap.dicts.setItem(d, "Structure", t.structure().typeObject());
        vm.heap.dicts.setItem(d, "Union", t.union().typeObject());
        for (SimpleType st : t.simple()) vm.heap.dicts.setItem(d, st.name(), st.typeObject());
        vm.heap.dicts.setItem(d, "ArgumentError", t.argumentError());
        SimpleType pyObject = t.simple()[t.simple().length - 1];
        vm.def(module, "cast", (s, a, o, n, kw) -> {
            long[] args = pythonArgs(vm, "cast", a, o, n, kw, 2, "obj", "typ");
            return cast(vm, t.argumentError(), pyObject, t.pointer(), args[0], args[1]);
        });
        vm.def(module, "string_at", (s, a, o, n, kw) -> {
            long[] args = pythonArgs(vm, "string_at", a, o, n, kw, 1, "ptr", "size");
            return stringAt(vm, t.argumentError(), args[0], args[1]);
        });
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
        vm.def(module, "ARRAY", (s, a, o, n, kw) -> {
            long[] args = pythonArgs(vm, "ARRAY", a, o, n, kw, 2, "typ", "len");
            return vm.binary(dev.refheap.lang.bytecode.BinaryOp.MULTIPLY, args[0], args[1]);
        });
        for (String missing : new String[] {"create_unicode_buffer", "CDLL",
                "CFUNCTYPE", "PYFUNCTYPE", "wstring_at"}) {
            vm.def(module, missing, (s, a, o, n, kw) -> {
                throw StructType.notBuilt(vm, missing);
            });
        }
        // PEP 562: the names of CPython's ctypes that are not functions, refused by name when read
        java.util.Set<String> unbuiltNames = java.util.Set.of("pydll", "cdll", "c_wchar_p", "c_wchar",
                "c_longdouble", "LibraryLoader", "SetPointerType");
        vm.def(module, "__getattr__", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "__getattr__", kw);
            if (n != 1 || !vm.isStr(a[o])) throw vm.error("TypeError", "__getattr__ expected one str argument");
            String name = vm.strValue(a[o]);
            if (unbuiltNames.contains(name)) throw StructType.notBuilt(vm, name);
            throw vm.error("AttributeError", "module 'ctypes' has no attribute '" + name + "'");
        });
    }

    /**
     * ctypes.cast(obj, typ) for the pointer-like types refheap has, py_object, c_void_p and the
     * {@code POINTER(T)} classes: the address obj stands for (c_void_p.from_param's: an int taken
     * modulo 2**64, None, bytes' data, a c_void_p's value, an array's data, a pointer's value) as a
     * new instance of typ. A cast of a ctypes instance keeps it in the result's {@code _objects},
     * keyed by its id, as CPython's cast does.
     */
    private static long cast(VmApi vm, long argumentError, SimpleType pyObject, PointerType pointers, long obj, long typ) {
        boolean voidP = vm.isType(typ) && vm.ctypesIntType(typ) != 0 && vm.typeAt(typ).name().equals("c_void_p");
        boolean pointerClass = vm.isType(typ) && cdataClass(vm, typ) == pointers && typ != pointers.typeObject();
        boolean charP = vm.isType(typ) && vm.typeAt(typ) instanceof SimpleType st && st.scalar.code() == 'z';
        if (!voidP && !pointerClass && !charP && typ != pyObject.typeObject()) {
            if (vm.isType(typ) && (vm.ctypesIntType(typ) != 0 || cdataClass(vm, typ) != null)) {
                throw vm.error("TypeError", "cast() argument 2 must be a pointer type, not " + vm.typeAt(typ).name());
            }
            throw vm.error("TypeError", "cast() argument 2 must be a pointer type, not " + vm.typeName(typ));
        }
        long address = voidPointer(vm, argumentError, obj, 1);
        long result;
        if (voidP) {
            long v = vm.newInt(new java.math.BigInteger(Long.toUnsignedString(address)));
            try {
                result = vm.call(typ, v);
            } finally {
                vm.heap.decref(v);
            }
        } else {
            result = pointerClass ? pointers.holding(typ, address) : charP ? ((SimpleType) vm.typeAt(typ)).holding(address) : pyObject.holding(address);
            if (vm.isCtypesInt(obj) || vm.layoutType(obj) instanceof CDataType) {  // the source kept alive by the result, under its id
                long d = vm.heap.dicts.create();
                long id = vm.newInt(obj);
                vm.heap.dicts.setItem(d, id, obj);
                vm.heap.decref(id);
                long old = dev.refheap.memory.Native.getLong(result + CDataType.B_OBJECTS);
                dev.refheap.memory.Native.putLong(result + CDataType.B_OBJECTS, d);
                if (old != 0) vm.heap.decref(old);
            }
        }
        return result;
    }

    /**
     * The arguments of a function ctypes defines in Python ({@code def cast(obj, typ)}): {@code names}
     * by position or keyword, the first {@code required} required, with the messages a Python
     * function's call gives; a parameter not given is 0.
     */
    static long[] pythonArgs(VmApi vm, String fname, long[] a, int off, int n, long kwnames, int required, String... names) {
        int nkw = Params.nkw(kwnames), npos = n - nkw;
        if (npos > names.length) {
            String takes = required == names.length ? String.valueOf(names.length) : "from " + required + " to " + names.length;
            throw vm.error("TypeError", fname + "() takes " + takes + " positional argument" + (names.length == 1 && required == 1 ? "" : "s")
                    + " but " + npos + (npos == 1 ? " was" : " were") + " given");
        }
        long[] out = new long[names.length];
        System.arraycopy(a, off, out, 0, npos);
        for (int k = 0; k < nkw; k++) {
            String key = vm.strValue(dev.refheap.object.TupleType.item(kwnames, k));
            int i = java.util.Arrays.asList(names).indexOf(key);
            if (i < 0) throw vm.error("TypeError", fname + "() got an unexpected keyword argument '" + key + "'");
            if (out[i] != 0) throw vm.error("TypeError", fname + "() got multiple values for argument '" + key + "'");
            out[i] = a[off + npos + k];
        }
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (int i = 0; i < required; i++) if (out[i] == 0) missing.add("'" + names[i] + "'");
        if (!missing.isEmpty()) {
            String list = missing.size() == 1 ? missing.get(0)
                    : String.join(", ", missing.subList(0, missing.size() - 1)) + " and " + missing.get(missing.size() - 1);
            throw vm.error("TypeError", fname + "() missing " + missing.size() + " required positional argument" + (missing.size() == 1 ? "" : "s") + ": " + list);
        }
        return out;
    }

    /** ctypes.string_at(ptr, size=-1): size bytes at the address (a C string's when -1), read only inside refheap's heap. */
    private static long stringAt(VmApi vm, long argumentError, long ptr, long sizeObj) {
        long address = voidPointer(vm, argumentError, ptr, 1);
        int size = -1;
        if (sizeObj != 0) {
            if (!vm.isInt(sizeObj)) throw argError(vm, argumentError, 2);
            size = vm.asIndex(sizeObj).intValue();  // a C int: the low 32 bits
        }
        if (size < -1) throw vm.error("SystemError", "Negative size passed to PyBytes_FromStringAndSize");
        if (size == -1) {
            size = 0;
            while (true) {
                vm.ctypesCheckRead(address + size, 1);
                if (dev.refheap.memory.Native.getByte(address + size) == 0) break;
                size++;
            }
        }
        vm.ctypesCheckRead(address, size);
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) b[i] = dev.refheap.memory.Native.getByte(address + i);
        return vm.heap.bytes.of(b);
    }

    /** c_void_p.from_param for argument {@code position}: the address {@code obj} stands for, or ctypes.ArgumentError "wrong type". */
    private static long voidPointer(VmApi vm, long argumentError, long obj, int position) {
        if (obj == vm.heap.None) return 0;
        if (vm.isInt(obj)) return vm.asIndex(obj).longValue();  // PyLong_AsUnsignedLongLongMask
        if (vm.heap.typeOf(obj) == vm.heap.bytes) return obj + dev.refheap.object.BytesType.SVAL;
        if (vm.isStr(obj)) throw StructType.notBuilt(vm, "str arguments (a wchar_t pointer)");
        if (vm.layoutType(obj) instanceof ArrayType) return CDataType.ptr(obj);
        if (vm.heap.typeOf(obj) instanceof CArgType) return CArgType.address(obj);
        if (vm.heap.typeOf(obj) instanceof SimpleType st && st.scalar.code() == 'z') {  // a c_char_p passes its value
            if (!CDataType.owns(obj)) vm.ctypesCheckRead(CDataType.ptr(obj), 8);
            return dev.refheap.memory.Native.getLong(CDataType.ptr(obj));
        }
        if (vm.layoutType(obj) instanceof PointerType) {
            if (!CDataType.owns(obj)) vm.ctypesCheckRead(CDataType.ptr(obj), 8);
            return PointerType.target(obj);
        }
        if (vm.isCtypesInt(obj) && vm.heap.typeOf(obj).name().equals("c_void_p")) {
            long v = vm.getAttrOrNull(obj, "value");
            try {
                return vm.asIndex(v).longValue();
            } finally {
                vm.heap.decref(v);
            }
        }
        throw argError(vm, argumentError, position);
    }

    /** A c_size_t argument at {@code position}: an int taken modulo 2**64 (ArgumentError otherwise). */
    private static long sizeArg(VmApi vm, long argumentError, long v, int position) {
        if (!vm.isInt(v)) throw argError(vm, argumentError, position);
        return vm.asIndex(v).longValue();
    }

    /** A c_void_p result's value: the address as an int, None for NULL. */
    private static long addressResult(VmApi vm, long address) {
        if (address == 0) return vm.incref(vm.heap.None);
        return vm.newInt(new java.math.BigInteger(Long.toUnsignedString(address)));
    }

    private static dev.refheap.lang.vm.PyException argError(VmApi vm, long argumentError, int position) {
        return argumentError(vm, argumentError, "argument " + position + ": TypeError: wrong type");
    }

    /** A ctypes.ArgumentError with {@code message}, to throw. */
    static dev.refheap.lang.vm.PyException argumentError(VmApi vm, long argumentError, String message) {
        long m = vm.str(message);
        try {
            return new dev.refheap.lang.vm.PyException(vm.call(argumentError, m));
        } finally {
            vm.heap.decref(m);
        }
    }

    /** The CData type behind type object {@code cls} (itself or a Python class's native base), or null. */
    static CDataType cdataClass(VmApi vm, long cls) {
        return vm.layoutOfClass(cls) instanceof CDataType c ? c : null;
    }
}

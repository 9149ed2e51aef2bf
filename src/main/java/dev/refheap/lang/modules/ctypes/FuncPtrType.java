package dev.refheap.lang.modules.ctypes;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.PyType;

/**
 * {@code _FuncPtr}: a function of {@code ctypes.pythonapi}, one of the C API functions refheap
 * implements itself ({@link VmApi#cApiCall}), with CPython's foreign function attributes
 * {@code argtypes} (None or a tuple of ctypes types), {@code restype} (a ctypes type, None or a
 * callable; c_int when never set) and {@code errcheck}. refheap's layout, tracked:
 * <pre> refcnt | type | name (str) | argtypes | restype (0: c_int) | errcheck </pre>
 * (CPython's is a 200-byte CFuncPtrObject holding a C function pointer, which refheap has no use for).
 *
 * <p>A call converts its arguments as ctypes does: by {@code argtypes} when set (at least that
 * many arguments; py_object takes any object, the integer types ints, c_void_p and pointer types
 * addresses), else by their own type (None, int, bytes, py_object, the integer types, c_char_p,
 * arrays, pointers and byref); anything else is ctypes.ArgumentError. A function called with fewer
 * arguments than it takes is refused (TypeError naming it): C would read whatever the registers
 * held. The result is converted by {@code restype} (a void function's is 0 under an integer restype,
 * undefined on CPython), then passed through {@code errcheck}. States: made (attributes as given
 * by assignment), dead.
 */
final class FuncPtrType extends FieldsType {
    static final int NAME = 16, ARGTYPES = 24, RESTYPE = 32, ERRCHECK = 40;
    /** ctypes.ArgumentError and c_int (the default restype), set when the module's types are made. */
    long argumentError, cInt;

    FuncPtrType(VmApi vm) {
        super(vm, "_FuncPtr", PyType.HAVE_GC, 48, 0, NAME, ARGTYPES, RESTYPE, ERRCHECK);
    }

    long create(String name) {
        long f = alloc();
        put(f, NAME, vm.str(name));
        vm.heap.track(f);
        return f;
    }

    @Override
    public boolean hasClear() { return true; }

    @Override
    public void clear(long o) {
        for (int field : new int[] {ARGTYPES, RESTYPE, ERRCHECK}) set(o, field, 0);
    }

    @Override
    public long attrOf(long o, String attrName) {
        return switch (attrName) {
            case "__name__" -> vm.incref(get(o, NAME));
            case "argtypes" -> vm.incref(get(o, ARGTYPES) == 0 ? vm.heap.None : get(o, ARGTYPES));
            case "restype" -> vm.incref(get(o, RESTYPE) == 0 ? cInt : get(o, RESTYPE));
            case "errcheck" -> vm.incref(get(o, ERRCHECK) == 0 ? vm.heap.None : get(o, ERRCHECK));
            default -> 0;
        };
    }

    @Override
    public boolean setAttrOf(long o, String attrName, long v) {
        switch (attrName) {
            case "argtypes" -> {
                if (v == 0 || v == vm.heap.None) {
                    setBorrowed(o, ARGTYPES, 0);
                    return true;
                }
                if (!vm.typeHas(v, "__len__") || !vm.typeHas(v, "__getitem__") || vm.isStr(v)) {
                    throw vm.error("TypeError", "_argtypes_ must be a sequence of types");
                }
                long t = vm.call(vm.heap.tuples.address(), v);
                try {
                    for (long i = 0; i < dev.refheap.object.TupleType.size(t); i++) {
                        long item = dev.refheap.object.TupleType.item(t, i);
                        if (CDataType.CType.of(vm, item) == null) {
                            throw vm.error("TypeError", "item " + (i + 1) + " in _argtypes_ has no from_param method");
                        }
                    }
                } finally {
                    vm.heap.decref(t);
                }
                setBorrowed(o, ARGTYPES, v);  // kept as given (a list stays a list), as CPython's attribute shows it
            }
            case "restype" -> {
                if (v == 0) {  // back to the default, c_int
                    setBorrowed(o, RESTYPE, 0);
                    return true;
                }
                if (v != vm.heap.None && !vm.isType(v) && !vm.isCallable(v)) throw vm.error("TypeError", "restype must be a type, a callable, or None");
                setBorrowed(o, RESTYPE, v);
            }
            case "errcheck" -> {
                if (v != 0 && !vm.isCallable(v)) throw vm.error("TypeError", "the errcheck attribute must be callable");
                setBorrowed(o, ERRCHECK, v);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Replaces field {@code field} with {@code v} (borrowed; 0 for none), dropping what it held. */
    private void setBorrowed(long o, int field, long v) { set(o, field, v == 0 ? 0 : vm.incref(v)); }

    @Override
    public boolean writableDescriptor(String attrName) { return attrName.equals("argtypes") || attrName.equals("restype") || attrName.equals("errcheck"); }

    @Override
    public void setDescriptorValue(long o, String attrName, long v) { setAttrOf(o, attrName, v); }

    @Override
    public boolean callableInstances() { return true; }

    @Override
    public long callOf(long o, long[] a, int off, int n, long kwnames) {
        dev.refheap.lang.modules.Params.noKeywords(vm, vm.strValue(get(o, NAME)), kwnames);
        String name = vm.strValue(get(o, NAME));
        String[] sig = vm.cApiSignature(name);
        long argtypes = get(o, ARGTYPES);
        int required = argtypes == 0 ? 0 : (int) vm.callLen(argtypes);
        if (n < required) {
            throw vm.error("TypeError", "this function takes at least " + required + " argument" + (required == 1 ? "" : "s") + " (" + n + " given)");
        }
        long[] words = new long[n];
        for (int i = 0; i < n; i++) {
            if (i < required) {
                long idx = vm.newInt(i), type;
                try {
                    type = vm.getItem(argtypes, idx);
                } finally {
                    vm.heap.decref(idx);
                }
                try {
                    words[i] = convertAs(type, a[off + i], i + 1);
                } finally {
                    vm.heap.decref(type);
                }
            } else {
                words[i] = convert(a[off + i], i + 1);
            }
        }
        if (n < sig[0].length()) {
            throw vm.error("TypeError", "refheap's " + name + " takes " + sig[0].length() + " argument" + (sig[0].length() == 1 ? "" : "s")
                    + " (" + n + " given): C would read arguments that were never passed");
        }
        long r = vm.cApiCall(name, words);
        long result = result(o, r);
        long check = get(o, ERRCHECK);
        if (check == 0) return result;
        long args = vm.heap.tuples.of(java.util.Arrays.copyOfRange(a, off, off + n));
        try {
            return vm.call(check, result, o, args);
        } finally {
            vm.heap.decref(args);
            vm.heap.decref(result);
        }
    }

    /** The C word for argument {@code v} at {@code position} as its own type converts it (no argtypes). */
    private long convert(long v, int position) {
        if (v == vm.heap.None) return 0;
        if (vm.isInt(v)) return vm.asIndex(v).longValue();
        if (vm.heap.typeOf(v) == vm.heap.bytes) return v + dev.refheap.object.BytesType.SVAL;
        if (vm.isCtypesInt(v)) {
            long x = vm.getAttrOrNull(v, "value");
            try {
                return x == vm.heap.None ? 0 : vm.asIndex(x).longValue();
            } finally {
                vm.heap.decref(x);
            }
        }
        if (vm.heap.typeOf(v) instanceof SimpleType st && (st.scalar.isObject() || st.scalar.code() == 'z')) return storedWord(v);
        if (vm.layoutType(v) instanceof ArrayType) return CDataType.ptr(v);
        if (vm.layoutType(v) instanceof PointerType) return storedWord(v);
        if (vm.heap.typeOf(v) instanceof CArgType) return CArgType.address(v);
        throw CtypesModule.argumentError(vm, argumentError, "argument " + position + ": TypeError: Don't know how to convert parameter " + position);
    }

    /** The word a py_object, c_char_p or pointer holds. */
    private long storedWord(long v) {
        if (!CDataType.owns(v)) vm.ctypesCheckRead(CDataType.ptr(v), 8);
        return dev.refheap.memory.Native.getLong(CDataType.ptr(v));
    }

    /** The C word for argument {@code v} at {@code position} as argtype {@code type}'s from_param converts it. */
    private long convertAs(long type, long v, int position) {
        CDataType.CType t = CDataType.CType.of(vm, type);
        if (vm.isInstanceOf(v, vm.typeAt(type))) return t.scalar() != null && !vm.isCtypesInt(v) ? storedWordOrValue(v, t) : convert(v, position);
        if (t.scalar() != null && t.scalar().isObject()) return v;  // py_object.from_param: any object, by its address
        if (t.scalar() != null && t.scalar().code() == 'P') return convert(v, position);
        if (t.scalar() != null && t.scalar().isInt() && vm.isInt(v)) return vm.asIndex(v).longValue();
        if (t.scalar() != null && t.scalar().code() == 'z' && (v == vm.heap.None || vm.isInt(v) || vm.heap.typeOf(v) == vm.heap.bytes)) return convert(v, position);
        if (t.data() instanceof PointerType && (v == vm.heap.None || vm.heap.typeOf(v) instanceof CArgType || vm.layoutType(v) instanceof ArrayType)) {
            return convert(v, position);
        }
        throw CtypesModule.argumentError(vm, argumentError, "argument " + position + ": TypeError: wrong type");
    }

    private long storedWordOrValue(long v, CDataType.CType t) {
        if (t.scalar().isObject() || t.scalar().code() == 'z') return storedWord(v);
        if (!CDataType.owns(v)) vm.ctypesCheckRead(CDataType.ptr(v), t.size());
        long bits = dev.refheap.memory.Native.getLong(CDataType.ptr(v));
        return t.size() == 8 ? bits : bits & ((1L << (8 * t.size())) - 1);
    }

    /** The C result word {@code r} as restype converts it: a new reference. */
    private long result(long o, long r) {
        long restype = get(o, RESTYPE);
        if (restype == 0) return vm.newInt((int) r);  // c_int
        if (restype == vm.heap.None) return vm.incref(vm.heap.None);
        if (!vm.isType(restype) || CDataType.CType.of(vm, restype) == null) {  // a callable (a type that is no ctypes type too): called with the C int
            long v = vm.newInt((int) r);
            try {
                return vm.call(restype, v);
            } finally {
                vm.heap.decref(v);
            }
        }
        CDataType.CType t = CDataType.CType.of(vm, restype);
        if (t != null && t.scalar() != null && t.scalar().isInt()) {
            int w = t.scalar().size();
            long v = w == 8 ? r : t.scalar().signed() ? (r << (64 - 8 * w)) >> (64 - 8 * w) : r & ((1L << (8 * w)) - 1);
            if (t.scalar().code() == 'P' && v == 0) return vm.incref(vm.heap.None);
            if (w == 8 && !t.scalar().signed() && v < 0) return vm.newInt(new java.math.BigInteger(Long.toUnsignedString(v)));
            return vm.newInt(v);
        }
        if (t != null && t.scalar() != null && t.scalar().isObject()) return vm.objectAtAddress(r);
        if (t != null && t.data() instanceof PointerType pt) return pt.holding(restype, r);
        throw StructType.notBuilt(vm, "restype " + vm.typeAt(restype).name() + " for refheap's C API functions");
    }

    @Override
    public String reprOf(long o) { return "<_FuncPtr object at 0x" + Long.toHexString(o) + ">"; }
}

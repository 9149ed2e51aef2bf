package dev.refheap.lang.modules.array;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.BytesType;
import dev.refheap.object.Heap;
import dev.refheap.object.ListType;
import dev.refheap.object.TupleType;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@code array} as CPython 3.11's arraymodule: the types {@code array} (also {@code ArrayType};
 * {@link ArrayType}) and {@code arrayiterator} ({@link ArrayIterType}), {@code typecodes},
 * {@code _array_reconstructor} (unpickling, with the conversion from another machine's format),
 * and at import the registration of array with {@code collections.abc.MutableSequence}, which
 * imports {@code collections.abc} as 3.11's module exec does. The types are made once per runtime
 * (module state); the module's {@code __doc__} is CPython's, from the host (BuiltinDocs).
 */
public final class ArrayModule {
    private ArrayModule() {}

    public static long create(VmApi vm) {
        Heap heap = vm.heap;
        ArrayType t = vm.moduleState("array", () -> install(vm));
        long m = vm.newModule("array");
        long d = vm.moduleDict(m);
        vm.def(m, "_array_reconstructor", (s, a, o, n, kw) -> reconstruct(vm, t, a, o, n, kw));
        heap.dicts.setItem(d, "ArrayType", t.typeObject());
        long abcName = vm.str("collections.abc");
        try {
            heap.decref(vm.call(heap.dicts.getItem(vm.builtinsDict(), "__import__"), abcName));
        } finally {
            heap.decref(abcName);
        }
        long collectionsAbc = heap.dicts.getItem(vm.sysModules(), "collections.abc");
        if (collectionsAbc != 0) {
            long mutable = vm.getAttrOrNull(collectionsAbc, "MutableSequence");
            if (mutable != 0) {
                try {
                    heap.decref(vm.callMethod(mutable, "register", t.typeObject()));
                } finally {
                    heap.decref(mutable);
                }
            }
        }
        heap.dicts.setItem(d, "array", t.typeObject());
        long codes = vm.str(ArrayType.TYPECODES);
        heap.dicts.setItem(d, "typecodes", codes);
        heap.decref(codes);
        return m;
    }

    private static ArrayType install(VmApi vm) {
        Heap heap = vm.heap;
        ArrayType t = vm.registerType(new ArrayType(vm));
        t.iterType.install();
        vm.defTpNew(t);
        vm.defGetSet(t, "typecode");
        vm.defGetSet(t, "itemsize");
        long moduleName = vm.str("array");  // a heap type's dict holds __module__ (type_new_set_module)
        vm.setTypeAttr(t, "__module__", moduleName);
        vm.setTypeAttr(t.iterType, "__module__", moduleName);
        heap.decref(moduleName);
        t.defMethod("append", (s, a, o, n, kw) -> {
            oneArg(vm, "append", n, kw);
            t.ins1(s, ArrayType.size(s), a[o]);
            return vm.incref(heap.None);
        });
        t.defMethod("buffer_info", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "array.buffer_info", n, kw);
            long r = heap.tuples.alloc(2);
            long p = ArrayType.items(s);
            TupleType.setItemSteal(r, 0, heap.ints.of(p));  // PyLong_FromVoidPtr: the address is below 2**63
            TupleType.setItemSteal(r, 1, heap.ints.of(ArrayType.size(s)));
            return r;
        });
        t.defMethod("byteswap", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "array.byteswap", n, kw);
            int isz = ArrayType.itemsize(s);
            long p = ArrayType.items(s);
            for (long i = 0, len = ArrayType.size(s); i < len; i++, p += isz) {
                switch (isz) {
                    case 2 -> Native.putShort(p, Short.reverseBytes(Native.getShort(p)));
                    case 4 -> Native.putInt(p, Integer.reverseBytes(Native.getInt(p)));
                    case 8 -> Native.putLong(p, Long.reverseBytes(Native.getLong(p)));
                    default -> { }
                }
            }
            return vm.incref(heap.None);
        });
        t.defMethod("__copy__", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "array.__copy__", n, kw);
            return t.slice(s, 0, ArrayType.size(s));
        });
        t.defMethod("count", (s, a, o, n, kw) -> {
            oneArg(vm, "count", n, kw);
            long count = 0;
            for (long i = 0; i < ArrayType.size(s); i++) {
                long x = t.item(s, i);
                try {
                    if (vm.equal(x, a[o])) count++;
                } finally {
                    heap.decref(x);
                }
            }
            return heap.ints.of(count);
        });
        t.defMethod("__deepcopy__", (s, a, o, n, kw) -> {
            oneArg(vm, "__deepcopy__", n, kw);
            return t.slice(s, 0, ArrayType.size(s));
        });
        t.defMethod("extend", (s, a, o, n, kw) -> {
            definingClassArgs(vm, "extend", 1, "", n, kw);
            t.extend(s, a[o]);
            return vm.incref(heap.None);
        });
        t.defMethod("fromfile", (s, a, o, n, kw) -> {
            definingClassArgs(vm, "fromfile", 2, "s", n, kw);
            long f = a[o];
            long count = Params.ssize(vm, a[o + 1]);
            if (count < 0) throw vm.error("ValueError", "negative count");
            int isz = ArrayType.itemsize(s);
            if (count > Long.MAX_VALUE / isz) throw vm.error("MemoryError", null);
            long nbytes = count * isz;
            long nb = heap.ints.of(nbytes);
            long b;
            try {
                b = vm.callMethod(f, "read", nb);
            } finally {
                heap.decref(nb);
            }
            try {
                if (!vm.isInstanceOf(b, heap.bytes)) throw vm.error("TypeError", "read() didn't return bytes");
                t.frombytes(s, BytesType.value(b), 1);
                if (BytesType.length(b) != nbytes) throw vm.error("EOFError", "read() didn't return enough bytes");
            } finally {
                heap.decref(b);
            }
            return vm.incref(heap.None);
        });
        t.defMethod("fromlist", (s, a, o, n, kw) -> {
            oneArg(vm, "fromlist", n, kw);
            long list = a[o];
            if (!vm.isInstanceOf(list, heap.lists)) throw vm.error("TypeError", "arg must be list");
            long count = ListType.size(list);
            if (count > 0) {
                long old = ArrayType.size(s);
                t.resize(s, old + count);
                for (long i = 0; i < count; i++) {
                    try {
                        t.setItemAt(s, ArrayType.size(s) - count + i, ListType.item(list, i));
                    } catch (PyException e) {
                        t.resize(s, old);
                        throw e;
                    }
                    if (count != ListType.size(list)) {
                        t.resize(s, old);
                        throw vm.error("RuntimeError", "list changed size during iteration");
                    }
                }
            }
            return vm.incref(heap.None);
        });
        t.defMethod("frombytes", (s, a, o, n, kw) -> {
            oneArg(vm, "frombytes", n, kw);
            t.frombytesObject(s, a[o]);
            return vm.incref(heap.None);
        });
        t.defMethod("fromunicode", (s, a, o, n, kw) -> {
            oneArg(vm, "fromunicode", n, kw);
            if (!vm.isStr(a[o])) throw vm.error("TypeError", "fromunicode() argument must be str, not " + vm.typeName(a[o]));
            if (ArrayType.typecode(s) != 'u') throw vm.error("ValueError", "fromunicode() may only be called on unicode type arrays");
            t.appendUnicode(s, vm.strValue(a[o]));
            return vm.incref(heap.None);
        });
        t.defMethod("index", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "index", kw);
            if (n < 1) throw vm.error("TypeError", "index expected at least 1 argument, got " + n);
            if (n > 3) throw vm.error("TypeError", "index expected at most 3 arguments, got " + n);
            long start = n > 1 ? sliceIndex(vm, a[o + 1]) : 0, stop = n > 2 ? sliceIndex(vm, a[o + 2]) : Long.MAX_VALUE;
            if (start < 0) {
                start += ArrayType.size(s);
                if (start < 0) start = 0;
            }
            if (stop < 0) stop += ArrayType.size(s);
            for (long i = start; i < stop && i < ArrayType.size(s); i++) {
                long x = t.item(s, i);
                try {
                    if (vm.equal(x, a[o])) return heap.ints.of(i);
                } finally {
                    heap.decref(x);
                }
            }
            throw vm.error("ValueError", "array.index(x): x not in array");
        });
        t.defMethod("insert", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "insert", kw);
            if (n != 2) throw vm.error("TypeError", "insert expected 2 arguments, got " + n);
            t.ins1(s, Params.ssize(vm, a[o]), a[o + 1]);
            return vm.incref(heap.None);
        });
        t.defMethod("pop", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "pop", kw);
            if (n > 1) throw vm.error("TypeError", "pop expected at most 1 argument, got " + n);
            long i = n == 1 ? Params.ssize(vm, a[o]) : -1;
            long size = ArrayType.size(s);
            if (size == 0) throw vm.error("IndexError", "pop from empty array");
            if (i < 0) i += size;
            if (i < 0 || i >= size) throw vm.error("IndexError", "pop index out of range");
            long v = t.item(s, i);
            try {
                t.delSlice(s, i, i + 1);
            } catch (PyException e) {
                heap.decref(v);
                throw e;
            }
            return v;
        });
        t.defMethod("__reduce_ex__", (s, a, o, n, kw) -> {
            definingClassArgs(vm, "__reduce_ex__", 1, "", n, kw);
            return reduceEx(vm, t, s, a[o]);
        });
        t.defMethod("remove", (s, a, o, n, kw) -> {
            oneArg(vm, "remove", n, kw);
            for (long i = 0; i < ArrayType.size(s); i++) {
                long x = t.item(s, i);
                boolean eq;
                try {
                    eq = vm.equal(x, a[o]);
                } finally {
                    heap.decref(x);
                }
                if (eq) {
                    t.delSlice(s, i, i + 1);
                    return vm.incref(heap.None);
                }
            }
            throw vm.error("ValueError", "array.remove(x): x not in array");
        });
        t.defMethod("reverse", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "array.reverse", n, kw);
            int isz = ArrayType.itemsize(s);
            long size = ArrayType.size(s);
            if (size > 1) {
                byte[] tmp = new byte[isz], tmq = new byte[isz];
                for (long p = ArrayType.items(s), q = p + (size - 1) * isz; p < q; p += isz, q -= isz) {
                    Native.copyTo(p, tmp, 0, isz);
                    Native.copyTo(q, tmq, 0, isz);
                    Native.copyFrom(tmq, 0, p, isz);
                    Native.copyFrom(tmp, 0, q, isz);
                }
            }
            return vm.incref(heap.None);
        });
        t.defMethod("tofile", (s, a, o, n, kw) -> {
            definingClassArgs(vm, "tofile", 1, "", n, kw);
            long nbytes = ArrayType.size(s) * ArrayType.itemsize(s);
            final int blocksize = 64 * 1024;  // written 64K at a time, as 3.11's
            for (long done = 0; done < nbytes; done += blocksize) {
                int len = (int) Math.min(blocksize, nbytes - done);
                byte[] chunk = new byte[len];
                Native.copyTo(ArrayType.items(s) + done, chunk, 0, len);
                long b = heap.bytes.of(chunk);
                try {
                    heap.decref(vm.callMethod(a[o], "write", b));
                } finally {
                    heap.decref(b);
                }
            }
            return vm.incref(heap.None);
        });
        t.defMethod("tolist", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "array.tolist", n, kw);
            return t.tolist(s);
        });
        t.defMethod("tobytes", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "array.tobytes", n, kw);
            return heap.bytes.of(t.tobytes(s));
        });
        t.defMethod("tounicode", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "array.tounicode", n, kw);
            if (ArrayType.typecode(s) != 'u') throw vm.error("ValueError", "tounicode() may only be called on unicode type arrays");
            return vm.str(t.unicode(s));
        });
        // the slot wrappers (what super().__getitem__(i) in a subclass and array.__len__(a) reach)
        t.defMethod("__len__", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "array.__len__", n, kw);
            return heap.ints.of(ArrayType.size(s));
        });
        t.defMethod("__getitem__", (s, a, o, n, kw) -> {
            oneArg(vm, "__getitem__", n, kw);
            return t.getItemOf(s, a[o]);
        });
        t.defMethod("__setitem__", (s, a, o, n, kw) -> {
            Params.unpack(vm, "__setitem__", n, kw, 2, 2);
            t.setItemOf(s, a[o], a[o + 1]);
            return vm.incref(heap.None);
        });
        t.defMethod("__delitem__", (s, a, o, n, kw) -> {
            oneArg(vm, "__delitem__", n, kw);
            t.setItemOf(s, a[o], 0);
            return vm.incref(heap.None);
        });
        t.defMethod("__contains__", (s, a, o, n, kw) -> {
            oneArg(vm, "__contains__", n, kw);
            return vm.incref(t.containsOf(s, a[o]) == 1 ? heap.True : heap.False);
        });
        t.defMethod("__iter__", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "array.__iter__", n, kw);
            return t.iterOf(s);
        });
        t.defMethod("__add__", (s, a, o, n, kw) -> {
            oneArg(vm, "__add__", n, kw);
            return t.binaryOf(dev.refheap.lang.bytecode.BinaryOp.ADD, s, a[o]);
        });
        t.defMethod("__iadd__", (s, a, o, n, kw) -> {
            oneArg(vm, "__iadd__", n, kw);
            return t.inplaceOf(dev.refheap.lang.bytecode.BinaryOp.ADD, s, a[o]);
        });
        for (String name : new String[] {"__mul__", "__rmul__", "__imul__"}) {
            t.defMethod(name, (s, a, o, n, kw) -> {
                oneArg(vm, name, n, kw);
                long count = Params.ssize(vm, a[o]);
                long times = heap.ints.of(count);
                try {
                    return name.equals("__imul__") ? t.inplaceOf(dev.refheap.lang.bytecode.BinaryOp.MULTIPLY, s, times)
                            : t.binaryOf(dev.refheap.lang.bytecode.BinaryOp.MULTIPLY, s, times);
                } finally {
                    heap.decref(times);
                }
            });
        }
        t.defMethod("__sizeof__", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "array.__sizeof__", n, kw);
            return heap.ints.of(heap.typeOf(s).sizeOf(s));
        });
        return t;
    }

    /** METH_O: "array.name() takes exactly one argument (n given)". */
    private static void oneArg(VmApi vm, String name, int n, long kw) {
        Params.noKeywords(vm, "array." + name, kw);
        if (n != 1) throw vm.error("TypeError", "array." + name + "() takes exactly one argument (" + n + " given)");
    }

    /**
     * The positional-only parameters of a clinic method taking the defining class (extend, fromfile,
     * tofile, __reduce_ex__: _PyArg_UnpackKeywords with no keyword names): "name() takes exactly N
     * positional argument[s] (n given)", or "at most N arguments" for too many.
     */
    private static void definingClassArgs(VmApi vm, String name, int count, String plural, int n, long kw) {
        int npos = n - Params.nkw(kw);
        if (npos > count) throw vm.error("TypeError", name + "() takes at most " + count + " argument" + plural + " (" + n + " given)");
        if (npos < count) throw vm.error("TypeError", name + "() takes exactly " + count + " positional argument" + plural + " (" + npos + " given)");
        if (Params.nkw(kw) > 0) {
            throw vm.error("TypeError", "'" + dev.refheap.object.StrType.value(TupleType.item(kw, 0)) + "' is an invalid keyword argument for " + name + "()");
        }
    }

    /** _PyEval_SliceIndexNotNone: an int or __index__, clamped to Py_ssize_t. */
    private static long sliceIndex(VmApi vm, long v) {
        if (!vm.isInt(v) && !vm.typeHas(v, "__index__")) throw vm.error("TypeError", "slice indices must be integers or have an __index__ method");
        BigInteger x = vm.asIndex(v);
        if (x.bitLength() > 63) return x.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        return x.longValue();
    }

    /** array.__reduce_ex__(protocol): the items as a list below protocol 3, else _array_reconstructor with the machine bytes. */
    private static long reduceEx(VmApi vm, ArrayType t, long s, long protocolObj) {
        Heap heap = vm.heap;
        if (t.reconstructor == 0) {
            long m = heap.dicts.getItem(vm.sysModules(), "array");
            long r = m == 0 ? 0 : vm.getAttrOrNull(m, "_array_reconstructor");
            if (r == 0) throw vm.error("AttributeError", "module 'array' has no attribute '_array_reconstructor'");
            t.reconstructor = vm.hold(r);  // the state keeps the reference getattr gave
        }
        if (!vm.isInt(protocolObj)) throw vm.error("TypeError", "__reduce_ex__ argument should be an integer");
        BigInteger protocol = vm.asIndex(protocolObj);
        if (protocol.bitLength() > 63) throw vm.error("OverflowError", "Python int too large to convert to C long");
        long dict = vm.getAttrOrNull(s, "__dict__");
        if (dict == 0) dict = vm.incref(heap.None);
        char tc = ArrayType.typecode(s);
        long typeObj = vm.incref(heap.typeOf(s).address());
        long args;
        long result = heap.tuples.alloc(3);
        try {
            if (protocol.longValue() < 3) {
                args = heap.tuples.alloc(2);
                TupleType.setItemSteal(args, 0, vm.str(String.valueOf(tc)));
                TupleType.setItemSteal(args, 1, t.tolist(s));
                TupleType.setItemSteal(result, 0, typeObj);
            } else {
                args = heap.tuples.alloc(4);
                TupleType.setItemSteal(args, 0, typeObj);
                TupleType.setItemSteal(args, 1, vm.str(String.valueOf(tc)));
                TupleType.setItemSteal(args, 2, heap.ints.of(ArrayType.mformatCode(tc)));
                TupleType.setItemSteal(args, 3, heap.bytes.of(t.tobytes(s)));
                TupleType.setItemSteal(result, 0, vm.incref(t.reconstructor));
            }
        } catch (RuntimeException e) {
            heap.decref(result);
            heap.decref(dict);
            throw e;
        }
        TupleType.setItemSteal(result, 1, args);
        TupleType.setItemSteal(result, 2, dict);
        return result;
    }

    /** mformat_descriptors: size, signed, big-endian per machine format code 0..21. */
    private static final int[][] MFORMATS = {
        {1, 0, 0}, {1, 1, 0}, {2, 0, 0}, {2, 0, 1}, {2, 1, 0}, {2, 1, 1}, {4, 0, 0}, {4, 0, 1}, {4, 1, 0}, {4, 1, 1},
        {8, 0, 0}, {8, 0, 1}, {8, 1, 0}, {8, 1, 1}, {4, 0, 0}, {4, 0, 1}, {8, 0, 0}, {8, 0, 1}, {4, 0, 0}, {4, 0, 1}, {8, 0, 0}, {8, 0, 1}};

    /**
     * _array_reconstructor(arraytype, typecode, mformat_code, items): the array made as
     * {@code arraytype(typecode, items)} when the format is this machine's, else the items decoded
     * from the other machine's format (integers into the typecode of that size and signedness).
     */
    private static long reconstruct(VmApi vm, ArrayType t, long[] a, int o, int n, long kw) {
        Heap heap = vm.heap;
        Params.unpack(vm, "_array_reconstructor", n, kw, 4, 4);
        long arraytype = a[o], tcObj = a[o + 1], items = a[o + 3];
        if (!vm.isStr(tcObj) || dev.refheap.object.StrType.length(tcObj) != 1) {
            throw vm.error("TypeError", "_array_reconstructor() argument 2 must be a unicode character, not " + vm.typeName(tcObj));
        }
        int tc = vm.strValue(tcObj).codePointAt(0);
        int code = Params.cInt(vm, a[o + 2]);
        if (!vm.isType(arraytype)) throw vm.error("TypeError", "first argument must be a type object, not " + vm.typeName(arraytype));
        if (!vm.isSubclass(arraytype, t.typeObject())) {
            throw vm.error("TypeError", vm.typeAt(arraytype).name() + " is not a subtype of array.array");
        }
        if (tc >= 0x80 || ArrayType.TYPECODES.indexOf(tc) < 0) throw vm.error("ValueError", "second argument must be a valid type code");
        if (code < 0 || code > 21) throw vm.error("ValueError", "third argument must be a valid machine format code.");
        if (!vm.isInstanceOf(items, heap.bytes)) throw vm.error("TypeError", "fourth argument should be bytes, not " + vm.typeName(items));
        if (code == ArrayType.mformatCode((char) tc)) return vm.call(arraytype, tcObj, items);
        byte[] b = BytesType.value(items);
        int size = MFORMATS[code][0];
        if (b.length % size != 0) throw vm.error("ValueError", "string length not a multiple of item size");
        ByteBuffer buf = ByteBuffer.wrap(b).order(MFORMATS[code][2] == 1 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        long converted;
        char newTc = (char) tc;
        switch (code) {
            case 14, 15, 16, 17 -> {
                converted = heap.lists.alloc(b.length / size);
                for (int i = 0; i < b.length / size; i++) {
                    double v = size == 4 ? buf.getFloat(i * 4) : buf.getDouble(i * 8);
                    ListType.setItemSteal(converted, i, heap.floats.of(v));
                }
            }
            case 18, 19 -> converted = vm.decode(b, code == 18 ? "utf-16-le" : "utf-16-be", "strict");
            case 20, 21 -> converted = vm.decode(b, code == 20 ? "utf-32-le" : "utf-32-be", "strict");
            default -> {
                boolean signed = MFORMATS[code][1] == 1;
                for (char c : ArrayType.TYPECODES.toCharArray()) {  // the last integer descriptor of that size and signedness
                    if (c == 'u' || c == 'f' || c == 'd') continue;
                    boolean cSigned = Character.isLowerCase(c);
                    if (ArrayType.itemsizeOf(c) == size && cSigned == signed) newTc = c;
                }
                converted = heap.lists.alloc(b.length / size);
                for (int i = 0; i < b.length / size; i++) {
                    byte[] be = new byte[size];
                    for (int k = 0; k < size; k++) be[k] = b[i * size + (MFORMATS[code][2] == 1 ? k : size - 1 - k)];
                    BigInteger v = signed ? new BigInteger(be) : new BigInteger(1, be);
                    ListType.setItemSteal(converted, i, heap.ints.of(v));
                }
            }
        }
        long tcNew = vm.str(String.valueOf(newTc));
        try {
            return vm.call(arraytype, tcNew, converted);
        } finally {
            heap.decref(tcNew);
            heap.decref(converted);
        }
    }
}

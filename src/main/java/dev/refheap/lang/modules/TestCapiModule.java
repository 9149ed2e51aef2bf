package dev.refheap.lang.modules;

import dev.refheap.lang.vm.NativeType;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.PyType;
import java.util.function.LongConsumer;

/**
 * {@code _testcapi}: the part of CPython's C-API test module that CPython 3.11's memory tests
 * (test_gc, test_weakref, test_finalization) and test_traceback use, with its semantics. Nothing else of the module
 * exists: a test that reaches for another name gets AttributeError and skips or fails visibly.
 *
 * <ul>
 *   <li>{@code with_tp_del(cls)}: gives a class a legacy finalizer (tp_del) that calls its
 *       {@code __tp_del__}: called from the dealloc after the PEP 442 finalizer and the weakref
 *       clearing, it may resurrect the object; cyclic garbage holding such an instance is
 *       uncollectable and goes to {@code gc.garbage}. Not inherited by subclasses.</li>
 *   <li>{@code without_gc(cls)}: takes Py_TPFLAGS_HAVE_GC off a class with no instances yet: its
 *       instances have no GC head, are never tracked, and their {@code __del__} runs at every
 *       death (there is no "finalized" bit without a GC head).</li>
 *   <li>{@code create_cfunction()}: a new builtin function (itself, again) bound to the module.</li>
 *   <li>{@code ContainerNoGC(value)}: a non-GC object holding one reference it does not traverse:
 *       the collector cannot see what it holds.</li>
 *   <li>{@code tracemalloc_track(domain, ptr, size, release_gil=0)},
 *       {@code tracemalloc_untrack(domain, ptr, release_gil=0)},
 *       {@code tracemalloc_get_traceback(domain, ptr)}: tracemalloc's C API
 *       (PyTraceMalloc_Track/Untrack, _PyTraceMalloc_GetTraceback), as test_tracemalloc uses it;
 *       RuntimeError when tracemalloc is not tracing.</li>
 *   <li>{@code test_pymem_alloc0()}: PyMem_RawMalloc(0), PyMem_Malloc(0), PyObject_Malloc(0) and
 *       their callocs give non-NULL blocks, freed again.</li>
 *   <li>the C limits ({@code SHRT_MIN}, {@code INT_MAX}, {@code ULONG_MAX}, {@code DBL_MAX},
 *       {@code PY_SSIZE_T_MAX}, {@code SIZEOF_TIME_T}...) other tests read.</li>
 *   <li>{@code docstring_empty()}, {@code docstring_no_signature()}, {@code docstring_with_signature()}
 *       and the other {@code docstring_*} functions: no arguments, None; their docs (CPython's, by
 *       name) hold the text signatures inspect's tests parse (one default names the module's
 *       {@code the_number_three}, 3).</li>
 *   <li>{@code exception_print(value)}: PyErr_Display of the exception (its traceback and chain, as
 *       sys.excepthook prints it) to sys.stderr (test_traceback's C-printer tests).</li>
 *   <li>{@code traceback_print(tb, file)}: PyTraceBack_Print, the C printer's frames of a traceback
 *       (the last sys.tracebacklimit, 1000 by default; nothing for a limit of 0 or less) written to
 *       {@code file}; a non-traceback is SystemError's "bad argument to internal function".</li>
 * </ul>
 */
public final class TestCapiModule {
    private TestCapiModule() {}

    public static long create(VmApi vm) {
        long m = vm.newModule("_testcapi");
        ContainerNoGC container = vm.moduleState("_testcapi", () -> vm.registerType(new ContainerNoGC(vm)));
        vm.def(m, "with_tp_del", (s, a, o, n, kw) -> {
            // METH_VARARGS, PyArg_ParseTuple "O:with_tp_del"
            Params.noKeywords(vm, "with_tp_del", kw);
            if (n != 1) throw vm.error("TypeError", "with_tp_del() takes exactly 1 argument (" + n + " given)");
            vm.changeHeapType(a[o], false, "with_tp_del");
            return vm.incref(a[o]);
        });
        vm.def(m, "float_pack", (s, a, o, n, kw) -> {
            // METH_VARARGS "id|i:float_pack" (size, x, le): PyFloat_Pack2/4/8
            Params.noKeywords(vm, "float_pack", kw);
            if (n != 3) throw vm.error("TypeError", "float_pack() takes exactly 3 arguments (" + n + " given)");
            long size = Params.cInt(vm, a[o]);
            double x = vm.asDouble(a[o + 1]);
            long le = Params.cInt(vm, a[o + 2]);
            if (size != 2 && size != 4 && size != 8) throw vm.error("ValueError", "size must 2, 4 or 8");
            return vm.heap.bytes.of(dev.refheap.lang.modules.struct.StructModule.packFloat(vm, (int) size, x, le != 0));
        });
        vm.def(m, "float_unpack", (s, a, o, n, kw) -> {
            // METH_VARARGS "y#i:float_unpack" (data, le): PyFloat_Unpack2/4/8
            Params.noKeywords(vm, "float_unpack", kw);
            if (n != 2) throw vm.error("TypeError", "float_unpack() takes exactly 2 arguments (" + n + " given)");
            byte[] data = vm.bytesLike(a[o]);
            if (data == null) throw vm.error("TypeError", "float_unpack() argument 1 must be read-only bytes-like object, not " + vm.typeName(a[o]));
            long le = Params.cInt(vm, a[o + 1]);
            if (data.length != 2 && data.length != 4 && data.length != 8) throw vm.error("ValueError", "data length must 2, 4 or 8 bytes");
            return vm.heap.floats.of(dev.refheap.lang.modules.struct.StructModule.unpackFloat(data, le != 0));
        });
        vm.def(m, "without_gc", (s, a, o, n, kw) -> {
            // METH_O
            Params.noKeywords(vm, "_testcapi.without_gc", kw);
            if (n != 1) throw vm.error("TypeError", "_testcapi.without_gc() takes exactly one argument (" + n + " given)");
            vm.changeHeapType(a[o], true, "without_gc");
            return vm.incref(a[o]);
        });
        // one implementation for every function it makes (one ml_meth): they compare equal, bound to the module
        dev.refheap.lang.vm.Builtin[] made = new dev.refheap.lang.vm.Builtin[1];
        made[0] = (s, a, o, n, kw) -> {
            Params.noArgs(vm, "create_cfunction", n, kw);  // __module__ None: not qualified
            return vm.newBuiltinFunctionWithoutDoc("create_cfunction", made[0], m);
        };
        vm.def(m, "create_cfunction", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "_testcapi.create_cfunction", n, kw);
            return vm.newBuiltinFunctionWithoutDoc("create_cfunction", made[0], m);
        });
        // test_with_docstring: METH_NOARGS functions returning None whose C docs (read as every
        // builtin's, by name) carry signatures valid, invalid or absent, for inspect's tests
        for (String name : new String[] {"docstring_empty", "docstring_no_signature", "docstring_with_invalid_signature",
                "docstring_with_invalid_signature2", "docstring_with_signature", "docstring_with_signature_but_no_doc",
                "docstring_with_signature_and_extra_newlines", "docstring_with_signature_with_defaults"}) {
            vm.def(m, name, (s, a, o, n, kw) -> {
                Params.noArgs(vm, "_testcapi." + name, n, kw);
                return vm.incref(vm.heap.None);
            });
        }
        vm.def(m, "tracemalloc_track", (s, a, o, n, kw) -> {
            // PyArg_ParseTuple "IOn|i": unsigned int domain (truncated, unchecked), a pointer, Py_ssize_t size
            Params.noKeywords(vm, "tracemalloc_track", kw);
            tupleArity(vm, "tracemalloc_track", n, 3, 4);
            int domain = unsignedInt(vm, a[o]);
            long ptr = voidPtr(vm, a[o + 1]), size = Params.ssize(vm, a[o + 2]);
            if (n == 4) Params.cInt(vm, a[o + 3]);  // release_gil: tracking takes no lock of the interpreter here, so it is the same either way
            if (TracemallocModule.track(vm, domain, ptr, size) < 0) throw vm.error("RuntimeError", "PyTraceMalloc_Track error");
            return vm.incref(vm.heap.None);
        });
        vm.def(m, "tracemalloc_untrack", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "tracemalloc_untrack", kw);
            tupleArity(vm, "tracemalloc_untrack", n, 2, 3);
            int domain = unsignedInt(vm, a[o]);
            long ptr = voidPtr(vm, a[o + 1]);
            if (n == 3) Params.cInt(vm, a[o + 2]);
            if (TracemallocModule.untrack(vm, domain, ptr) < 0) throw vm.error("RuntimeError", "PyTraceMalloc_Untrack error");
            return vm.incref(vm.heap.None);
        });
        vm.def(m, "tracemalloc_get_traceback", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "tracemalloc_get_traceback", kw);
            tupleArity(vm, "tracemalloc_get_traceback", n, 2, 2);
            return TracemallocModule.tracebackOf(vm, unsignedInt(vm, a[o]), voidPtr(vm, a[o + 1]));
        });
        vm.def(m, "test_pymem_alloc0", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "_testcapi.test_pymem_alloc0", n, kw);
            // the raw, mem and object domains are one allocator here: each zero-byte request must still give a block
            for (int i = 0; i < 6; i++) {
                long p = vm.heap.memAlloc(0);
                if (p == 0) throw vm.error("RuntimeError", "PyMem_Malloc(0) returns NULL");
                vm.heap.memFree(p);
            }
            return vm.incref(vm.heap.None);
        });
        vm.def(m, "exception_print", (s, a, o, n, kw) -> {
            // METH_VARARGS "O:exception_print": PyErr_Display(type(value), value, value.__traceback__)
            Params.noKeywords(vm, "exception_print", kw);
            if (n != 1) throw vm.error("TypeError", "exception_print() takes exactly 1 argument (" + n + " given)");
            long value = a[o];
            String text = vm.isInstanceOf(value, vm.exceptionType("BaseException")) ? vm.formatExceptionDisplay(value)
                    : "TypeError: print_exception(): Exception expected for value, " + vm.typeName(value) + " found\n";
            long sys = vm.dictGet(vm.sysModules(), "sys");
            long err = sys == 0 ? 0 : vm.getAttrOrNull(sys, "stderr");
            if (err != 0 && err != vm.heap.None) {
                long str = vm.str(text);
                try {
                    vm.heap.decref(vm.callMethod(err, "write", str));
                } finally {
                    vm.heap.decref(str);
                }
            }
            if (err != 0) vm.heap.decref(err);
            return vm.incref(vm.heap.None);
        });
        vm.def(m, "pymem_getallocatorsname", (s, a, o, n, kw) -> {
            // _PyMem_GetCurrentAllocatorName: refheap's allocator is pymalloc's; tracemalloc's hooks hide it
            Params.noArgs(vm, "pymem_getallocatorsname", n, kw);
            if (TracemallocModule.tracer(vm).tracing) throw vm.error("RuntimeError", "cannot get allocators name");
            return vm.str("pymalloc");
        });
        vm.def(m, "write_unraisable_exc", (s, a, o, n, kw) -> {
            // METH_VARARGS "OOO": the exception set as (type(exc), exc), then _PyErr_WriteUnraisableMsg:
            // "Exception ignored " + err_msg, or PyErr_WriteUnraisable's "Exception ignored in" for None
            Params.noKeywords(vm, "write_unraisable_exc", kw);
            tupleArity(vm, "write_unraisable_exc", n, 3, 3);
            long msg = a[o + 1];
            if (msg != vm.heap.None && !vm.isStr(msg)) throw vm.error("TypeError", "bad argument type for built-in operation");
            String errMsg = msg == vm.heap.None ? null : "Exception ignored " + vm.strValue(msg);
            vm.writeUnraisable(new dev.refheap.lang.vm.PyException(vm.incref(a[o])), errMsg, a[o + 2]);
            return vm.incref(vm.heap.None);
        });
        vm.def(m, "traceback_print", (s, a, o, n, kw) -> {
            // METH_VARARGS "OO:traceback_print": PyTraceBack_Print(traceback, file)
            Params.noKeywords(vm, "traceback_print", kw);
            tupleArity(vm, "traceback_print", n, 2, 2);
            String text = vm.formatTracebackC(a[o]);
            if (!text.isEmpty()) {
                long str = vm.str(text);
                try {
                    vm.heap.decref(vm.callMethod(a[o + 1], "write", str));
                } finally {
                    vm.heap.decref(str);
                }
            }
            return vm.incref(vm.heap.None);
        });
        vm.heap.dicts.setItem(vm.moduleDict(m), "ContainerNoGC", container.typeObject());
        limits(vm, m);
        return m;
    }

    /** PyArg_ParseTuple's count check: "function takes exactly N arguments (M given)" / "at least" / "at most". */
    private static void tupleArity(VmApi vm, String name, int n, int min, int max) {
        if (n >= min && n <= max) return;
        String how = min == max ? "exactly" : n < min ? "at least" : "at most";
        int want = n < min ? min : max;
        throw vm.error("TypeError", name + "() takes " + how + " " + want + " argument" + (want == 1 ? "" : "s") + " (" + n + " given)");
    }

    /** The "I" format: any int, its low 32 bits (no overflow check), as an unsigned int. */
    private static int unsignedInt(VmApi vm, long v) {
        return vm.asIndex(v).intValue();
    }

    /** PyLong_AsVoidPtr: an int in [-2**63, 2**64) as a pointer. */
    private static long voidPtr(VmApi vm, long v) {
        java.math.BigInteger b = vm.asIndex(v);
        if (b.signum() < 0 ? b.bitLength() > 63 : b.bitLength() > 64) throw vm.error("OverflowError", "int too big to convert");
        return b.longValue();
    }

    /**
     * The C limits CPython's _testcapi exports (limits.h, float.h and Py_ssize_t on x86-64 Linux, as
     * CPython 3.11.7's): test_struct's range messages and test_time's time_t size read them.
     */
    private static void limits(VmApi vm, long m) {
        java.math.BigInteger u64 = java.math.BigInteger.ONE.shiftLeft(64).subtract(java.math.BigInteger.ONE);
        Object[][] table = {
            {"CHAR_MAX", 127L}, {"CHAR_MIN", -128L}, {"UCHAR_MAX", 255L},
            {"SHRT_MAX", 32767L}, {"SHRT_MIN", -32768L}, {"USHRT_MAX", 65535L},
            {"INT_MAX", (long) Integer.MAX_VALUE}, {"INT_MIN", (long) Integer.MIN_VALUE}, {"UINT_MAX", 4294967295L},
            {"LONG_MAX", Long.MAX_VALUE}, {"LONG_MIN", Long.MIN_VALUE}, {"ULONG_MAX", u64},
            {"LLONG_MAX", Long.MAX_VALUE}, {"LLONG_MIN", Long.MIN_VALUE}, {"ULLONG_MAX", u64},
            {"PY_SSIZE_T_MAX", Long.MAX_VALUE}, {"PY_SSIZE_T_MIN", Long.MIN_VALUE},
            {"FLT_MAX", (double) Float.MAX_VALUE}, {"FLT_MIN", (double) Float.MIN_NORMAL},
            {"DBL_MAX", Double.MAX_VALUE}, {"DBL_MIN", Double.MIN_NORMAL},
            {"SIZEOF_TIME_T", 8L},
            {"the_number_three", 3L},  // a module constant docstring_with_signature_with_defaults' signature names as a default
        };
        long d = vm.moduleDict(m);
        for (Object[] row : table) {
            long v = row[1] instanceof Long l ? vm.heap.ints.of(l)
                    : row[1] instanceof Double x ? vm.heap.floats.of(x) : vm.heap.ints.of((java.math.BigInteger) row[1]);
            vm.heap.dicts.setItem(d, (String) row[0], v);
            vm.heap.decref(v);
        }
    }

    /**
     * {@code _testcapi.ContainerNoGC}: a static type without Py_TPFLAGS_HAVE_GC, 24 bytes:
     * <pre> refcnt | type | value </pre>
     * It has no tp_traverse, so the collector never sees {@code value} (the verifier does:
     * {@link #references}); its dealloc releases it. {@code value} is a read-only member.
     */
    static final class ContainerNoGC extends NativeType {
        static final int VALUE = 16;

        ContainerNoGC(VmApi vm) {
            super(vm, "_testcapi.ContainerNoGC", PyType.BASETYPE, 24, 0, 0);
        }

        /** Py_TPFLAGS_DEFAULT | BASETYPE, IMMUTABLETYPE and READY: CPython 3.11.7's figure, plus the version tag once set. */
        @Override
        protected long declaredFlags() { return 0x1500; }

        @Override
        public long newInstance(long[] a, int off, int n, long kwnames) {
            // PyArg_ParseTupleAndKeywords(args, kwargs, "O", {"value"}): no function name in the messages
            int nkw = Params.nkw(kwnames);
            int npos = n - nkw;
            if (n > 1) {
                throw vm.error("TypeError", "function takes at most 1 " + (npos == 0 ? "keyword " : "") + "argument (" + n + " given)");
            }
            long value = npos == 1 ? a[off] : 0;
            if (nkw == 1 && vm.strValue(dev.refheap.object.TupleType.item(kwnames, 0)).equals("value")) value = a[off];
            if (value == 0) throw vm.error("TypeError", "function missing required argument 'value' (pos 1)");
            long self = heap.allocObject(this, 0);
            Native.putLong(self + VALUE, vm.incref(value));
            return self;
        }

        @Override
        public long attrOf(long o, String attrName) {
            return attrName.equals("value") ? vm.incref(Native.getLong(o + VALUE)) : 0;
        }

        @Override
        public boolean setAttrOf(long o, String attrName, long v) {
            if (attrName.equals("value")) throw vm.error("AttributeError", "readonly attribute");
            return false;
        }

        /** No tp_traverse: nothing for the collector. */
        @Override
        public void traverse(long o, LongConsumer visit) {}

        /** The one reference it owns, for the heap verifier. */
        @Override
        public void references(long o, LongConsumer visit) { visit.accept(Native.getLong(o + VALUE)); }

        @Override
        public void dealloc(long o) {
            long v = Native.getLong(o + VALUE);
            Native.putLong(o + VALUE, 0);
            heap.decref(v);
            heap.freeObject(o);
        }
    }
}

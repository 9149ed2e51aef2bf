package dev.refheap.lang.modules.csv;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;

/**
 * {@code _csv} as CPython 3.11 has it, under {@code csv.py}: {@code Dialect} ({@link DialectType}),
 * {@code reader} ({@link ReaderType}: 3.11's parser state machine over lines of str),
 * {@code writer} ({@link WriterType}), the dialect registry ({@code _dialects}, register/
 * unregister/get/list), {@code field_size_limit}, {@code Error} and the QUOTE_* constants, with
 * 3.11's messages. The module's {@code __doc__} is CPython's, from the host (BuiltinDocs). State per
 * runtime: the three types, the error class, the registry and the field size limit.
 */
public final class CsvModule {
    private CsvModule() {}

    static final int QUOTE_MINIMAL = 0, QUOTE_ALL = 1, QUOTE_NONNUMERIC = 2, QUOTE_NONE = 3;

    /** The module's state in one runtime. */
    static final class State {
        DialectType dialectType;
        ReaderType readerType;
        WriterType writerType;
        long error, dialects;
        long fieldLimit = 128 * 1024;
    }

    public static long create(VmApi vm) {
        Heap heap = vm.heap;
        long m = vm.newModule("_csv");
        long d = vm.moduleDict(m);
        State st = vm.moduleState("_csv", () -> {
            State s = new State();
            s.dialectType = new DialectType(vm, s);
            s.readerType = new ReaderType(vm, s);
            s.writerType = new WriterType(vm, s);
            s.dialectType.install();
            s.readerType.install();
            s.writerType.install();
            s.error = vm.newExceptionClassFromSpec("_csv", "Error", "Exception");  // 3.11 makes it from a spec: 72 bytes, no weakref slot
            s.dialects = vm.hold(heap.dicts.create());
            return s;
        });
        heap.dicts.setItem(d, "Error", st.error);
        heap.dicts.setItem(d, "_dialects", st.dialects);
        heap.dicts.setItem(d, "Dialect", st.dialectType.typeObject());
        heap.dicts.setItem(d, "Reader", st.readerType.typeObject());
        heap.dicts.setItem(d, "Writer", st.writerType.typeObject());
        long version = vm.str("1.0");
        heap.dicts.setItem(d, "__version__", version);
        heap.decref(version);
        String[] quotes = {"QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE"};
        for (int i = 0; i < quotes.length; i++) {
            long v = vm.newInt(i);
            heap.dicts.setItem(d, quotes[i], v);
            heap.decref(v);
        }
        vm.def(m, "reader", (s, a, o, n, kw) -> {
            int npos = oneOrTwo(vm, "", n, kw);
            long iterable = a[o];
            long dialect = callDialect(vm, st, npos == 2 ? a[o + 1] : 0, a, o + npos, n - npos, kw);
            return st.readerType.create(iterable, dialect);
        });
        vm.def(m, "writer", (s, a, o, n, kw) -> {
            int npos = oneOrTwo(vm, "", n, kw);
            long file = a[o];
            long write = vm.lookupAttr(file, "write");
            if (write == 0 || !vm.isCallable(write)) {
                if (write != 0) heap.decref(write);
                throw vm.error("TypeError", "argument 1 must have a \"write\" method");
            }
            long dialect;
            try {
                dialect = callDialect(vm, st, npos == 2 ? a[o + 1] : 0, a, o + npos, n - npos, kw);
            } catch (PyException e) {
                heap.decref(write);
                throw e;
            }
            return st.writerType.create(write, dialect);
        });
        vm.def(m, "register_dialect", (s, a, o, n, kw) -> {
            int npos = oneOrTwo(vm, "register_dialect()", n, kw);
            long name = a[o];
            if (!vm.isStr(name)) throw vm.error("TypeError", "dialect name must be a string");
            long dialect = callDialect(vm, st, npos == 2 ? a[o + 1] : 0, a, o + npos, n - npos, kw);
            try {
                heap.dicts.setItem(st.dialects, name, dialect);
            } finally {
                heap.decref(dialect);
            }
            return vm.incref(heap.None);
        });
        vm.def(m, "unregister_dialect", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "unregister_dialect", new String[] {"name"}, 1, 1, 0, a, o, n, kw);
            if (heap.dicts.getItem(st.dialects, p[0]) == 0) throw error(vm, st, "unknown dialect");
            heap.dicts.delItem(st.dialects, p[0]);
            return vm.incref(heap.None);
        });
        vm.def(m, "get_dialect", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "get_dialect", new String[] {"name"}, 1, 1, 0, a, o, n, kw);
            return vm.incref(fromRegistry(vm, st, p[0]));
        });
        vm.def(m, "list_dialects", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "list_dialects", n, kw);
            return vm.call(heap.lists.address(), st.dialects);
        });
        vm.def(m, "field_size_limit", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "field_size_limit", new String[] {"new_limit"}, 0, 1, 0, a, o, n, kw);
            long old = st.fieldLimit;
            if (p[0] != 0) {
                if (vm.heap.typeOf(p[0]) != heap.ints && !vm.isInstanceOf(p[0], heap.ints)) throw vm.error("TypeError", "limit must be an integer");
                java.math.BigInteger v = vm.asIndex(p[0]);
                if (v.bitLength() > 63) throw vm.error("OverflowError", "Python int too large to convert to C long");
                st.fieldLimit = v.longValue();
            }
            return vm.newInt(old);
        });
        return m;
    }

    /** PyArg_UnpackTuple(args, name, 1, 2): the positional count, 1 or 2 (the reader's and writer's name is empty, as 3.11's). */
    private static int oneOrTwo(VmApi vm, String shown, int n, long kw) {
        int npos = n - Params.nkw(kw);
        if (npos < 1) throw vm.error("TypeError", shown + " expected at least 1 argument, got " + npos);
        if (npos > 2) throw vm.error("TypeError", shown + " expected at most 2 arguments, got " + npos);
        return npos;
    }

    /** get_dialect_from_registry: the registered dialect (borrowed), or Error "unknown dialect". */
    static long fromRegistry(VmApi vm, State st, long name) {
        long d = vm.heap.dicts.getItem(st.dialects, name);
        if (d == 0) throw error(vm, st, "unknown dialect");
        return d;
    }

    /**
     * _call_dialect: {@code Dialect(dialect_inst, **kwargs)} or {@code Dialect(**kwargs)}; the
     * keyword arguments are {@code a[off..off+nkw)} named by {@code kwnames}. A new reference.
     */
    static long callDialect(VmApi vm, State st, long inst, long[] a, int off, int nkw, long kwnames) {
        long[] args = new long[(inst != 0 ? 1 : 0) + nkw];
        if (inst != 0) args[0] = inst;
        System.arraycopy(a, off, args, inst != 0 ? 1 : 0, nkw);
        return vm.callArgs(st.dialectType.typeObject(), args, 0, args.length, nkw == 0 ? 0 : kwnames);
    }

    static PyException error(VmApi vm, State st, String message) {
        long msg = vm.str(message);
        try {
            return new PyException(vm.call(st.error, msg));
        } finally {
            vm.heap.decref(msg);
        }
    }

    /** A kwnames tuple's names, for the Dialect's keyword parsing. */
    static String kwName(long kwnames, int k) { return StrType.value(TupleType.item(kwnames, k)); }
}

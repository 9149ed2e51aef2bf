package dev.refheap.lang.modules.pickle;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;
import dev.refheap.object.TupleType;

/**
 * {@code _pickle} as CPython 3.11 builds it (an extension module in lib-dynload, single-phase, so
 * its names all come before {@code __file__}): the functions {@code dump}, {@code dumps},
 * {@code load}, {@code loads}, the types {@link PicklerType} ({@code _pickle.Pickler}),
 * {@link UnpicklerType} ({@code _pickle.Unpickler}), {@link PickleBufferType}
 * ({@code _pickle.PickleBuffer}), the two memo proxies ({@link MemoProxyType}) and the exceptions
 * {@code PickleError} (an Exception), {@code PicklingError} and {@code UnpicklingError} (both
 * PickleErrors), classes of the module's own as PyErr_NewException makes them.
 *
 * <p>State per runtime ({@link State}), made at the module's first import as 3.11's
 * _Pickle_InitState makes it: the types and exception classes, and what the module takes from
 * other modules then (copyreg's dispatch_table and its three extension dicts, _compat_pickle's four
 * mappings, {@code codecs.encode}, {@code functools.partial}, {@code builtins.getattr}), held for
 * the runtime's life. Importing _pickle so imports copyreg, _compat_pickle, codecs and functools.
 */
public final class PickleModule {
    private PickleModule() {}

    static final int DEFAULT_PROTOCOL = 4, HIGHEST_PROTOCOL = 5;

    /** The module's state in one runtime (the objects are borrowed from the runtime's holds). */
    static final class State {
        PicklerType pickler;
        UnpicklerType unpickler;
        MemoProxyType picklerMemoProxy, unpicklerMemoProxy;
        PickleBufferType pickleBuffer;
        long pickleError, picklingError, unpicklingError;
        long dispatchTable, extensionRegistry, invertedRegistry, extensionCache;
        long nameMapping2to3, importMapping2to3, nameMapping3to2, importMapping3to2;
        long codecsEncode, partial, getattr;
    }

    static State state(VmApi vm) {
        return vm.moduleState("_pickle", () -> {
            State s = new State();
            s.pickler = vm.registerType(new PicklerType(vm, s));
            s.unpickler = vm.registerType(new UnpicklerType(vm, s));
            s.picklerMemoProxy = vm.registerType(new MemoProxyType(vm, s, true));
            s.unpicklerMemoProxy = vm.registerType(new MemoProxyType(vm, s, false));
            s.pickleBuffer = vm.registerType(new PickleBufferType(vm));
            s.pickler.install();
            s.unpickler.install();
            s.picklerMemoProxy.install();
            s.unpicklerMemoProxy.install();
            s.pickleBuffer.install();
            s.pickleError = vm.newExceptionClass("_pickle", "PickleError", "Exception");
            s.picklingError = subclass(vm, "PicklingError", s.pickleError);
            s.unpicklingError = subclass(vm, "UnpicklingError", s.pickleError);
            return s;
        });
    }

    /** _Pickle_InitState's imports: what the module takes from copyreg, _compat_pickle, codecs, functools and builtins. */
    private static void importDependencies(VmApi vm, State st) {
        long copyreg = importModule(vm, "copyreg");
        try {
            st.dispatchTable = vm.hold(attr(vm, copyreg, "dispatch_table"));
            st.extensionRegistry = vm.hold(attr(vm, copyreg, "_extension_registry"));
            st.invertedRegistry = vm.hold(attr(vm, copyreg, "_inverted_registry"));
            st.extensionCache = vm.hold(attr(vm, copyreg, "_extension_cache"));
        } finally {
            vm.heap.decref(copyreg);
        }
        long compat = importModule(vm, "_compat_pickle");
        try {
            st.nameMapping2to3 = vm.hold(mapping(vm, compat, "NAME_MAPPING"));
            st.importMapping2to3 = vm.hold(mapping(vm, compat, "IMPORT_MAPPING"));
            st.nameMapping3to2 = vm.hold(mapping(vm, compat, "REVERSE_NAME_MAPPING"));
            st.importMapping3to2 = vm.hold(mapping(vm, compat, "REVERSE_IMPORT_MAPPING"));
        } finally {
            vm.heap.decref(compat);
        }
        long codecs = importModule(vm, "codecs");
        try {
            st.codecsEncode = vm.hold(attr(vm, codecs, "encode"));
        } finally {
            vm.heap.decref(codecs);
        }
        long functools = importModule(vm, "functools");
        try {
            st.partial = vm.hold(attr(vm, functools, "partial"));
        } finally {
            vm.heap.decref(functools);
        }
        st.getattr = vm.hold(vm.incref(vm.heap.dicts.getItem(vm.builtinsDict(), "getattr")));
    }

    private static long subclass(VmApi vm, String name, long base) {
        Heap heap = vm.heap;
        long n = vm.str(name), bases = heap.tuples.of(base), dict = heap.dicts.create(), mod = vm.str("_pickle");
        heap.dicts.setItem(dict, "__module__", mod);
        try {
            return vm.hold(vm.call(heap.typeType.address(), n, bases, dict));
        } finally {
            heap.decref(n);
            heap.decref(bases);
            heap.decref(dict);
            heap.decref(mod);
        }
    }

    /** _compat_pickle's mapping {@code name}, which must be a dict (3.11's message otherwise). */
    private static long mapping(VmApi vm, long compat, String name) {
        long v = attr(vm, compat, name);
        if (!vm.isInstanceOf(v, vm.heap.dicts)) {
            String t = vm.typeName(v);
            vm.heap.decref(v);
            throw vm.error("RuntimeError", "_compat_pickle." + name + " should be a dict, not " + t);
        }
        return v;
    }

    public static long create(VmApi vm) {
        Heap heap = vm.heap;
        State st = state(vm);
        if (st.getattr == 0) importDependencies(vm, st);
        long m = vm.newModule("_pickle");
        long d = vm.moduleDict(m);
        vm.def(m, "dump", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "dump", new String[] {"obj", "file", "protocol", "fix_imports", "buffer_callback"}, 2, 3, 0, a, o, n, kw);
            st.pickler.dumpTo(p[0], p[1], p[2], p[3], p[4]);
            return vm.incref(heap.None);
        });
        vm.def(m, "dumps", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "dumps", new String[] {"obj", "protocol", "fix_imports", "buffer_callback"}, 1, 2, 0, a, o, n, kw);
            return st.pickler.dumps(p[0], p[1], p[2], p[3]);
        });
        vm.def(m, "load", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "load", new String[] {"file", "fix_imports", "encoding", "errors", "buffers"}, 1, 1, 0, a, o, n, kw);
            return st.unpickler.loadFrom(p[0], 0, p[1], p[2], p[3], p[4]);
        });
        vm.def(m, "loads", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "loads", new String[] {"data", "fix_imports", "encoding", "errors", "buffers"}, 1, 1, 1, a, o, n, kw);
            return st.unpickler.loadFrom(0, p[0], p[1], p[2], p[3], p[4]);
        });
        heap.dicts.setItem(d, "Pickler", st.pickler.typeObject());
        heap.dicts.setItem(d, "Unpickler", st.unpickler.typeObject());
        heap.dicts.setItem(d, "PickleBuffer", st.pickleBuffer.typeObject());
        heap.dicts.setItem(d, "PickleError", st.pickleError);
        heap.dicts.setItem(d, "PicklingError", st.picklingError);
        heap.dicts.setItem(d, "UnpicklingError", st.unpicklingError);
        return m;
    }

    /** o.name as PyObject_GetAttr gives it: a new reference. */
    static long attr(VmApi vm, long o, String name) {
        long n = vm.internedStr(name);
        try {
            return vm.getAttr(o, n);
        } finally {
            vm.heap.decref(n);
        }
    }

    /** PyImport_Import: {@code __import__(name)}, then the module sys.modules holds under the name (a new reference). */
    static long importModule(VmApi vm, String name) {
        long n = vm.str(name);
        try {
            return importModule(vm, n);
        } finally {
            vm.heap.decref(n);
        }
    }

    static long importModule(VmApi vm, long name) {
        Heap heap = vm.heap;
        long fromlist = heap.lists.alloc(0);
        long doc = vm.str("__doc__");
        try {
            heap.lists.append(fromlist, doc);
        } finally {
            heap.decref(doc);
        }
        long zero = vm.newInt(0);
        try {
            heap.decref(vm.call(heap.dicts.getItem(vm.builtinsDict(), "__import__"), name, heap.None, heap.None, fromlist, zero));
        } finally {
            heap.decref(fromlist);
            heap.decref(zero);
        }
        long m = vm.getItem(vm.sysModules(), name);
        return m;
    }

    /** An exception of class {@code cls} (one of the module's) with message {@code msg}, to throw. */
    static PyException error(VmApi vm, long cls, String msg) {
        long s = vm.str(msg);
        try {
            return new PyException(vm.call(cls, s));
        } finally {
            vm.heap.decref(s);
        }
    }

    /** A new tuple of the given objects (each increfed). */
    static long tuple(VmApi vm, long... items) {
        long t = vm.heap.tuples.alloc(items.length);
        for (int i = 0; i < items.length; i++) TupleType.setItemSteal(t, i, vm.incref(items[i]));
        return t;
    }
}

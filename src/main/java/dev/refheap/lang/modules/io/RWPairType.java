package dev.refheap.lang.modules.io;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.PyType;

/**
 * {@code _io.BufferedRWPair}: CPython 3.11's rwpair struct, 48 bytes plus the GC head:
 * <pre> refcnt | type | reader (a BufferedReader) | writer (a BufferedWriter) | dict | weakreflist </pre>
 * Reads go to the reader, writes to the writer (two raw streams, such as a pipe's ends).
 */
final class RWPairType extends IoType {
    static final int READER = 16, WRITER = 24, DICT = 32, WEAKREFLIST = 40;

    RWPairType(VmApi vm, IoModule.State st, PyType base) {
        super(vm, st, "_io.BufferedRWPair", base, PyType.HAVE_GC | PyType.BASETYPE, 48, DICT, WEAKREFLIST, DICT, READER, WRITER);
    }

    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) {
        long o = alloc();
        return trackAndInit(o, a, off, n, kwnames, this::init);
    }

    private void init(long o, long[] a, int off, int n, long kw) {
        Params.noKeywords(vm, "BufferedRWPair", kw);
        if (n < 2 || n > 3) throw vm.error("TypeError", "BufferedRWPair expected " + (n < 2 ? "at least 2" : "at most 3") + " arguments, got " + n);
        long size = n == 3 ? a[off + 2] : 0;
        set(o, READER, size == 0 ? vm.call(st.reader.typeObject(), a[off]) : vm.call(st.reader.typeObject(), a[off], size));
        set(o, WRITER, size == 0 ? vm.call(st.writer.typeObject(), a[off + 1]) : vm.call(st.writer.typeObject(), a[off + 1], size));
    }

    private long part(long o, int off) {
        long p = get(o, off);
        if (p == 0) throw vm.error("ValueError", "I/O operation on uninitialized object");
        return p;
    }

    private long forward(long o, int off, String method, long[] a, int from, int n, long kw) {
        long target = part(o, off);
        long m = vm.getAttrOrNull(target, method);
        if (m == 0) throw vm.error("AttributeError", method);
        try {
            return vm.callArgs(m, a, from, n, kw);
        } finally {
            heap.decref(m);
        }
    }

    @Override
    long ownAttr(long o, String attrName) {
        if (attrName.equals("closed")) {
            if (get(o, WRITER) == 0) throw vm.error("RuntimeError", "the BufferedRWPair object is being garbage-collected");
            long c = vm.getAttrOrNull(get(o, WRITER), "closed");
            return c;
        }
        return 0;
    }

    void install() {
        defSlotWrapper("__init__", (s, a, o, n, kw) -> {
            init(s, a, o, n, kw);
            return vm.incref(heap.None);
        });
        for (String m : new String[] {"read", "peek", "read1", "readinto", "readinto1", "readable"}) {
            defMethod(m, (s, a, o, n, kw) -> forward(s, READER, m, a, o, n, kw));
        }
        for (String m : new String[] {"write", "flush", "writable"}) {
            defMethod(m, (s, a, o, n, kw) -> forward(s, WRITER, m, a, o, n, kw));
        }
        defMethod("isatty", (s, a, o, n, kw) -> {
            long w = vm.callMethod(part(s, WRITER), "isatty");
            if (vm.truthy(w)) return w;
            heap.decref(w);
            return vm.callMethod(part(s, READER), "isatty");
        });
        defMethod("close", (s, a, o, n, kw) -> {
            PyException first = null;
            try {
                heap.decref(vm.callMethod(part(s, WRITER), "close"));
            } catch (PyException e) {
                first = e;
            }
            try {
                heap.decref(vm.callMethod(part(s, READER), "close"));
            } catch (PyException e) {
                if (first != null) {  // _PyErr_ChainExceptions: the reader's error, the writer's as its context
                    vm.setAttr(e.exc(), "__context__", first.exc());
                    heap.decref(first.exc());
                }
                throw e;
            }
            if (first != null) throw first;
            return none();
        });
    }

    /** IOBase's iteration: next() is readline() (IOBase's, over the reader's peek and read) until it is empty. */
    @Override
    public boolean isIteratorType() { return true; }

    @Override
    public long nextOf(long o) { return IOBaseType.nextLine(vm, o); }
}

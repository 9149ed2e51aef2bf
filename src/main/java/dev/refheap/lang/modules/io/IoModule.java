package dev.refheap.lang.modules.io;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;
import dev.refheap.object.TupleType;

/**
 * {@code _io}: the I/O stack io.py re-exports. The abstract bases ({@link IOBaseType}: _IOBase,
 * _RawIOBase, _BufferedIOBase, _TextIOBase, which io.py's ABCs extend), the in-memory streams
 * ({@link StringIOType}, {@link BytesIOType}), {@link NewlineDecoderType
 * IncrementalNewlineDecoder}, the file stack ({@link FileIOType}, {@link BufferedType}'s
 * BufferedReader/Writer/Random and {@link RWPairType BufferedRWPair}, {@link TextIOWrapperType}),
 * {@code open}, {@code open_code}, {@code text_encoding}, DEFAULT_BUFFER_SIZE,
 * UnsupportedOperation (a class deriving from OSError and ValueError, made at first import) and
 * BlockingIOError (the builtin). The types are registered once per runtime ({@link State}).
 */
public final class IoModule {
    private IoModule() {}

    static final int DEFAULT_BUFFER_SIZE = 8192;

    /** The runtime's _io types and the UnsupportedOperation class (held for the runtime's life). */
    static final class State {
        final VmApi vm;
        IOBaseType iobase, rawBase, bufferedBase, textBase;
        StringIOType stringio;
        BytesIOType bytesio;
        NewlineDecoderType newlineDecoder;
        long unsupportedOperation;
        FileIOType fileio;
        BufferedType reader, writer, random;
        RWPairType rwpair;
        TextIOWrapperType textio;

        State(VmApi vm) { this.vm = vm; }

        /** UnsupportedOperation(message) to raise. */
        PyException unsupported(String message) {
            long m = vm.str(message);
            try {
                return new PyException(vm.call(unsupportedOperation, m));
            } finally {
                vm.heap.decref(m);
            }
        }
    }

    private static State install(VmApi vm) {
        Heap heap = vm.heap;
        State st = new State(vm);
        st.iobase = vm.registerType(new IOBaseType(vm, st, IOBaseType.Kind.IOBASE, null));
        st.rawBase = vm.registerType(new IOBaseType(vm, st, IOBaseType.Kind.RAW, st.iobase));
        st.bufferedBase = vm.registerType(new IOBaseType(vm, st, IOBaseType.Kind.BUFFERED, st.iobase));
        st.textBase = vm.registerType(new IOBaseType(vm, st, IOBaseType.Kind.TEXT, st.iobase));
        for (IOBaseType t : new IOBaseType[] {st.iobase, st.rawBase, st.bufferedBase, st.textBase}) t.install();
        st.newlineDecoder = vm.registerType(new NewlineDecoderType(vm, st));
        st.newlineDecoder.install();
        st.stringio = vm.registerType(new StringIOType(vm, st, st.textBase));
        st.stringio.install();
        st.bytesio = vm.registerType(new BytesIOType(vm, st, st.bufferedBase));
        st.bytesio.install();
        st.fileio = vm.registerType(new FileIOType(vm, st, st.rawBase));
        st.fileio.install();
        st.reader = vm.registerType(new BufferedType(vm, st, BufferedType.Kind.READER, st.bufferedBase));
        st.writer = vm.registerType(new BufferedType(vm, st, BufferedType.Kind.WRITER, st.bufferedBase));
        st.random = vm.registerType(new BufferedType(vm, st, BufferedType.Kind.RANDOM, st.bufferedBase));
        for (BufferedType t : new BufferedType[] {st.reader, st.writer, st.random}) t.install();
        st.rwpair = vm.registerType(new RWPairType(vm, st, st.bufferedBase));
        st.rwpair.install();
        st.textio = vm.registerType(new TextIOWrapperType(vm, st, st.textBase));
        st.textio.install();
        // UnsupportedOperation = type('UnsupportedOperation', (OSError, ValueError), {}), as _io's init makes it
        long name = vm.str("UnsupportedOperation");
        long bases = heap.tuples.alloc(2);
        TupleType.setItemSteal(bases, 0, vm.incref(vm.exceptionType("OSError").address()));
        TupleType.setItemSteal(bases, 1, vm.incref(vm.exceptionType("ValueError").address()));
        long ns = heap.dicts.create();
        long module = heap.strs.of("io");
        heap.dicts.setItem(ns, "__module__", module);
        heap.decref(module);
        try {
            st.unsupportedOperation = vm.hold(vm.call(heap.typeType.address(), name, bases, ns));
        } finally {
            heap.decref(name);
            heap.decref(bases);
            heap.decref(ns);
        }
        return st;
    }

    public static long create(VmApi vm) {
        State st = vm.moduleState("_io", () -> install(vm));
        Heap heap = vm.heap;
        long m = vm.newModule("_io");
        long d = vm.moduleDict(m);
        long size = vm.newInt(DEFAULT_BUFFER_SIZE);
        heap.dicts.setItem(d, "DEFAULT_BUFFER_SIZE", size);
        heap.decref(size);
        heap.dicts.setItem(d, "UnsupportedOperation", st.unsupportedOperation);
        heap.dicts.setItem(d, "BlockingIOError", vm.exceptionType("BlockingIOError").address());
        heap.dicts.setItem(d, "_IOBase", st.iobase.typeObject());
        heap.dicts.setItem(d, "_RawIOBase", st.rawBase.typeObject());
        heap.dicts.setItem(d, "_BufferedIOBase", st.bufferedBase.typeObject());
        heap.dicts.setItem(d, "_TextIOBase", st.textBase.typeObject());
        heap.dicts.setItem(d, "StringIO", st.stringio.typeObject());
        heap.dicts.setItem(d, "BytesIO", st.bytesio.typeObject());
        heap.dicts.setItem(d, "IncrementalNewlineDecoder", st.newlineDecoder.typeObject());
        heap.dicts.setItem(d, "FileIO", st.fileio.typeObject());
        heap.dicts.setItem(d, "BufferedReader", st.reader.typeObject());
        heap.dicts.setItem(d, "BufferedWriter", st.writer.typeObject());
        heap.dicts.setItem(d, "BufferedRandom", st.random.typeObject());
        heap.dicts.setItem(d, "BufferedRWPair", st.rwpair.typeObject());
        heap.dicts.setItem(d, "TextIOWrapper", st.textio.typeObject());
        vm.def(m, "text_encoding", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "text_encoding", new String[] {"encoding", "stacklevel"}, 1, 2, 0, a, o, n, kw);
            if (p[0] != heap.None) return vm.incref(p[0]);
            return vm.str("locale");  // not in UTF-8 mode, and no EncodingWarning asked for
        });
        vm.def(m, "open", (s, a, o, n, kw) -> Open.open(vm, st, a, o, n, kw));
        vm.def(m, "open_code", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "open_code", new String[] {"path"}, 1, 1, 0, a, o, n, kw);
            if (!vm.isStr(p[0])) throw vm.error("TypeError", "open_code() argument 'path' must be str, not " + vm.typeName(p[0]));
            long mode = vm.str("rb");
            try {
                return Open.openWith(vm, st, p[0], mode);
            } finally {
                heap.decref(mode);
            }
        });
        return m;
    }
}

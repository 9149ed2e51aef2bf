package dev.refheap.lang.modules.io;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.Builtin;
import dev.refheap.lang.vm.ModuleImage;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;
import java.util.Map;

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

    /**
     * The runtime's _io types and the UnsupportedOperation class (held for the runtime's life). A
     * start-up image carries it: the class's address and the TextIOWrapper decoding states are
     * its Java-only values, the types are made again by {@link #restore}.
     */
    static final class State implements ModuleImage {
        final VmApi vm;
        IOBaseType iobase, rawBase, bufferedBase, textBase;
        StringIOType stringio;
        BytesIOType bytesio;
        BytesIOType.BufferObjectType bytesioBuffer;
        NewlineDecoderType newlineDecoder;
        long unsupportedOperation;
        FileIOType fileio;
        BufferedType reader, writer, random;
        RWPairType rwpair;
        TextIOWrapperType textio;

        State(VmApi vm) { this.vm = vm; }

        /** The types in the order {@link #install} registers them. */
        @Override
        public java.util.List<? extends PyType> imageTypes() {
            return java.util.List.of(iobase, rawBase, bufferedBase, textBase, newlineDecoder, stringio, bytesio, fileio, reader, writer, random, rwpair, textio,
                    bytesioBuffer);
        }

        /**
         * @throws IllegalStateException for a FileIO open on a descriptor other than 0, 1 or 2:
         * a descriptor is the image-maker process's, not the adopter's
         */
        @Override
        public long[] imageValues() {
            vm.heap.forEachObject(o -> {
                if (IoType.ioBase(vm, o) == fileio && FileIOType.fd(o) > 2) {
                    throw new IllegalStateException("an open file (a FileIO on descriptor " + FileIOType.fd(o) + ")");
                }
            });
            long[] texts = textio.textsImage();
            long[] v = new long[1 + texts.length];
            v[0] = unsupportedOperation;
            System.arraycopy(texts, 0, v, 1, texts.length);
            return v;
        }

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

    /**
     * Makes the types: registered, their methods defined ({@code register} true), or for a
     * runtime adopting a start-up image not registered and their methods only recorded (the image
     * has their type objects and descriptors).
     */
    private static State types(VmApi vm, boolean register) {
        State st = new State(vm);
        java.util.function.UnaryOperator<dev.refheap.lang.vm.NativeType> reg = t -> register ? vm.registerType(t) : t;
        st.iobase = (IOBaseType) reg.apply(new IOBaseType(vm, st, IOBaseType.Kind.IOBASE, null));
        st.rawBase = (IOBaseType) reg.apply(new IOBaseType(vm, st, IOBaseType.Kind.RAW, st.iobase));
        st.bufferedBase = (IOBaseType) reg.apply(new IOBaseType(vm, st, IOBaseType.Kind.BUFFERED, st.iobase));
        st.textBase = (IOBaseType) reg.apply(new IOBaseType(vm, st, IOBaseType.Kind.TEXT, st.iobase));
        for (IOBaseType t : new IOBaseType[] {st.iobase, st.rawBase, st.bufferedBase, st.textBase}) define(t, t::install, register);
        st.newlineDecoder = (NewlineDecoderType) reg.apply(new NewlineDecoderType(vm, st));
        define(st.newlineDecoder, st.newlineDecoder::install, register);
        st.stringio = (StringIOType) reg.apply(new StringIOType(vm, st, st.textBase));
        define(st.stringio, st.stringio::install, register);
        st.bytesio = (BytesIOType) reg.apply(new BytesIOType(vm, st, st.bufferedBase));
        define(st.bytesio, st.bytesio::install, register);
        st.fileio = (FileIOType) reg.apply(new FileIOType(vm, st, st.rawBase));
        define(st.fileio, st.fileio::install, register);
        st.reader = (BufferedType) reg.apply(new BufferedType(vm, st, BufferedType.Kind.READER, st.bufferedBase));
        st.writer = (BufferedType) reg.apply(new BufferedType(vm, st, BufferedType.Kind.WRITER, st.bufferedBase));
        st.random = (BufferedType) reg.apply(new BufferedType(vm, st, BufferedType.Kind.RANDOM, st.bufferedBase));
        for (BufferedType t : new BufferedType[] {st.reader, st.writer, st.random}) define(t, t::install, register);
        st.rwpair = (RWPairType) reg.apply(new RWPairType(vm, st, st.bufferedBase));
        define(st.rwpair, st.rwpair::install, register);
        st.textio = (TextIOWrapperType) reg.apply(new TextIOWrapperType(vm, st, st.textBase));
        define(st.textio, st.textio::install, register);
        st.bytesioBuffer = (BytesIOType.BufferObjectType) reg.apply(new BytesIOType.BufferObjectType(vm, st.bytesio));
        // each type's own tp_new (the three abstract bases inherit _IOBase's), getsets and members, its
        // dict's __doc__ and order: CPython 3.11's type dicts (the kinds and names of vars(T) on python3)
        for (IoType t : new IoType[] {st.iobase, st.rawBase, st.bufferedBase, st.textBase, st.newlineDecoder, st.stringio, st.bytesio, st.fileio,
                st.reader, st.writer, st.random, st.rwpair, st.textio}) {
            readyDict(vm, t, register);
        }
        return st;
    }

    /**
     * Each _io type's dict as CPython 3.11's (python3's {@code vars(T)}): its names in order, a
     * getset ({@code :g}, {@code :G} without a docstring) or member ({@code :D}) after its name,
     * {@code __new__} where the type has its own tp_new. The methods and slot wrappers are the
     * types' installs'.
     */
    private static final Map<String, String> DICTS = Map.ofEntries(
            Map.entry("_IOBase", "__new__ __iter__ __next__ __del__ seek tell truncate flush close seekable readable writable _checkClosed _checkSeekable"
                    + " _checkReadable _checkWritable fileno isatty __enter__ __exit__ readline readlines writelines __dict__:G closed:G __doc__"),
            Map.entry("_RawIOBase", "read readall readinto write __doc__"),
            Map.entry("_BufferedIOBase", "detach read read1 readinto readinto1 write __doc__"),
            Map.entry("_TextIOBase", "detach read readline write encoding:g newlines:g errors:g __doc__"),
            Map.entry("FileIO", "__new__ __repr__ __getattribute__ __init__ read readall readinto write seek tell truncate close seekable readable writable"
                    + " fileno isatty _dealloc_warn _blksize:D _finalizing:D closed:g closefd:g mode:g __doc__"),
            Map.entry("BytesIO", "__new__ __iter__ __next__ __init__ readable seekable writable close flush isatty tell write writelines read1 readinto"
                    + " readline readlines read getbuffer getvalue seek truncate __getstate__ __setstate__ __sizeof__ closed:g __doc__"),
            Map.entry("StringIO", "__new__ __next__ __init__ close getvalue read readline tell truncate seek write seekable readable writable"
                    + " __getstate__ __setstate__ closed:G newlines:G line_buffering:G __doc__"),
            Map.entry("BufferedReader", "__new__ __repr__ __next__ __init__ detach flush close seekable readable fileno isatty _dealloc_warn read peek"
                    + " read1 readinto readinto1 readline seek tell truncate __sizeof__ raw:D _finalizing:D closed:G name:G mode:G __doc__"),
            Map.entry("BufferedWriter", "__new__ __repr__ __init__ close detach seekable writable fileno isatty _dealloc_warn write truncate flush seek"
                    + " tell __sizeof__ raw:D _finalizing:D closed:G name:G mode:G __doc__"),
            Map.entry("BufferedRandom", "__new__ __repr__ __next__ __init__ close detach seekable readable writable fileno isatty _dealloc_warn flush"
                    + " seek tell truncate read read1 readinto readinto1 readline peek write __sizeof__ raw:D _finalizing:D closed:G name:G mode:G __doc__"),
            Map.entry("BufferedRWPair", "__new__ __init__ read peek read1 readinto readinto1 write flush readable writable close isatty closed:G __doc__"),
            Map.entry("TextIOWrapper", "__new__ __repr__ __next__ __init__ detach reconfigure write read readline flush close fileno seekable readable"
                    + " writable isatty seek tell truncate encoding:D buffer:D line_buffering:D write_through:D _finalizing:D name:G closed:G"
                    + " newlines:G errors:G _CHUNK_SIZE:G __doc__"),
            Map.entry("IncrementalNewlineDecoder", "__new__ __init__ decode getstate setstate reset newlines:G __doc__"));

    /**
     * Completes type {@code t}'s dict from {@link #DICTS} (its {@code __new__}, getsets, members and
     * {@code __doc__}, made without moving the young count, and the order). For a runtime adopting a
     * start-up image only the Java side is made (the image has the objects).
     */
    private static void readyDict(VmApi vm, IoType t, boolean register) {
        String[] names = DICTS.get(t.shortName()).split(" ");
        String[] order = new String[names.length];
        java.util.List<String[]> descriptors = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            int colon = names[i].indexOf(':');
            order[i] = colon < 0 ? names[i] : names[i].substring(0, colon);
            if (colon >= 0) descriptors.add(new String[] {order[i], names[i].substring(colon + 1)});
        }
        boolean ownNew = order[0].equals("__new__");
        define(t, () -> t.quietly(() -> {
            if (ownNew) t.defTypeNew();
            for (String[] d : descriptors) t.defDescriptor(d[0], d[1].charAt(0));
        }), register);
        for (String[] d : descriptors) {
            if (IoType.SETTABLE.contains(d[0])) t.settable.add(d[0]);
            else (d[1].charAt(0) == 'D' ? t.readonlyMembers : t.getOnly).add(d[0]);
        }
        if (register) vm.defTypeDoc(t);
        vm.orderTypeDict(t, order);
    }

    private static void define(dev.refheap.lang.vm.NativeType t, Runnable install, boolean register) {
        if (register) install.run();
        else t.defineForImage(install);
    }

    /** The state made again for a runtime adopting a start-up image: the types' descriptors, the UnsupportedOperation class (held) and the wrappers' decoding states. */
    public static ModuleImage restore(VmApi vm, long[] values) {
        if (values.length < 1) throw new IllegalArgumentException("_io's image state begins with UnsupportedOperation's address");
        State st = types(vm, false);
        st.unsupportedOperation = values[0];
        if (st.textio.adoptTextsImage(values, 1) != values.length) throw new IllegalArgumentException("_io's image state is damaged");
        return st;
    }

    private static State install(VmApi vm) {
        Heap heap = vm.heap;
        State st = types(vm, true);
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

    /** The runtime's state, made (its types registered, UnsupportedOperation made) on first use. */
    private static State state(VmApi vm) { return vm.moduleState("_io", () -> install(vm)); }

    /**
     * The module's functions by name over the runtime's state (made first if it is not yet):
     * made from the runtime alone, no object allocated once the state exists. {@link #create}
     * defines them from this table, and a runtime adopting a start-up image makes them again from it.
     */
    public static Map<String, Builtin> functions(VmApi vm) {
        State st = state(vm);
        Heap heap = vm.heap;
        Map<String, Builtin> f = new java.util.HashMap<>();
        f.put("text_encoding", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "text_encoding", new String[] {"encoding", "stacklevel"}, 1, 2, 0, a, o, n, kw);
            if (p[0] != heap.None) return vm.incref(p[0]);
            return vm.str(vm.utf8Mode() ? "utf-8" : "locale");  // no EncodingWarning asked for (warn_default_encoding is 0)
        });
        f.put("open", (s, a, o, n, kw) -> Open.open(vm, st, a, o, n, kw));
        f.put("open_code", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "open_code", new String[] {"path"}, 1, 1, 0, a, o, n, kw);
            if (!vm.isStr(p[0])) throw vm.error("TypeError", "open_code() argument 'path' must be str, not " + vm.typeName(p[0]));
            long mode = vm.str("rb");
            try {
                return Open.openWith(vm, st, p[0], mode);
            } finally {
                heap.decref(mode);
            }
        });
        return f;
    }

    public static long create(VmApi vm) {
        State st = state(vm);
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
        Map<String, Builtin> fns = functions(vm);
        for (String name : new String[] {"text_encoding", "open", "open_code"}) vm.def(m, name, fns.get(name));
        return m;
    }
}

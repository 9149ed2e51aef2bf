package dev.refheap.lang.vm;

import dev.refheap.gc.CycleCollector;
import dev.refheap.lang.PySyntaxError;
import dev.refheap.gc.GcStress;
import dev.refheap.gc.HeapObjectModel;
import dev.refheap.gc.HeapVerifier;
import dev.refheap.object.DictType;
import dev.refheap.object.Heap;
import dev.refheap.object.PyError;
import dev.refheap.object.PyType;
import dev.refheap.object.RootProvider;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import dev.refheap.object.WeakrefType;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Python interpreter on one heap: the language's types, the builtins, the imported modules,
 * the interpreter loop and the object protocol. This is the language layer's entry point.
 *
 * <h2>What it holds</h2>
 * The {@link Heap} and its {@link CycleCollector}; the descriptors of the language's types
 * (code, function, cell, module, class, instance, method, frame, traceback, generator, iterators,
 * exceptions); the builtins dict; {@code sys.modules}; standard streams. The objects the runtime
 * itself holds (builtins, modules, method descriptors of builtin types) are reported to the heap
 * as roots, and so are the frames the interpreter is running.
 *
 * <h2>States</h2>
 * created → running programs (any number) → {@link #close()}d: modules are torn down, the heap
 * collects and closes.
 */
public final class Runtime implements AutoCloseable {
    final Heap heap;
    final CycleCollector gc;
    final HeapObjectModel gcModel;
    /**
     * The running thread's state (3.11's current tstate): the main thread's, or, while a thread the
     * program started holds the interpreter lock, that thread's ({@link Gil#take} swaps it).
     */
    Interpreter interpreter;
    /** The main thread's state (Ctrl-C goes there, as signals go to CPython's main thread). */
    final Interpreter mainInterpreter;
    /** Signals that arrived and wait for their Python handlers. */
    final PendingSignals signals = new PendingSignals(this);
    /** The main thread's get_ident() when the program started its first thread. */
    long mainIdent;
    /** The interpreter lock: inactive until the program starts a thread. */
    final Gil gil = new Gil(this);
    /** The sources this runtime compiled, for the lines tracebacks show. */
    final LineCache lineCache = new LineCache();
    { lineCache.setFileReader((file, line) -> Warnings.fileLine(this, file, line)); }  // what the traceback printer reads from files
    final TracebackFormatter tracebacks = new TracebackFormatter(this, lineCache);
    /** "Exception ignored in" reports, with CPython's allocations while it writes them. */
    private final UnraisableHook unraisableHook;
    final Ops ops;
    final Names names;

    final CodeType codeType;
    final FunctionType functionType;
    final CellType cellType;
    final StaticMethodType staticMethodType, classMethodType;
    final ModuleType moduleType;
    final BuiltinFunctionType builtinFunctionType;
    /** method_descriptor, classmethod_descriptor, wrapper_descriptor and method-wrapper (see BuiltinDescrType). */
    final BuiltinDescrType methodDescrType, classMethodDescrType, wrapperDescrType;
    final MethodWrapperType methodWrapperType;
    final MappingProxyType mappingProxyType;
    /** The builtin types' dicts as CPython's (slot wrappers, method descriptors; see SlotWrappers). */
    final SlotWrappers slotWrappers;
    /** __bases__, __base__, __mro__ of the builtin types. */
    final BuiltinTypeInfo builtinTypeInfo = new BuiltinTypeInfo(this);
    final BuiltinGetSets builtinGetSets = new BuiltinGetSets(this);
    final MethodType methodType;
    final FrameType frameType;
    final TracebackType tracebackType;
    final GeneratorType generatorType;
    /** coroutine and async_generator (set up by {@link Coroutines#register}). */
    GeneratorType coroutineType, asyncGeneratorType;
    /** Iterating async generators: their awaitables, wrapped values and sys.set_asyncgen_hooks' hooks. */
    AsyncGenerators asyncGens;
    Coroutines.CoroutineWrapperType coroutineWrapperType;
    Coroutines.AnextAwaitableType anextAwaitableType;
    final IterType iterType;
    final RangeType rangeType;
    final SliceType sliceType;
    final ComplexType complexType;
    final ByteArrayType byteArrayType;
    final MemoryViewType memoryViewType;
    final WeakProxyType proxyType, callableProxyType;
    final SuperType superType;
    final NamespaceType namespaceType;
    final PropertyType propertyType;
    /** object.__new__ (TypeCall.install): a class whose lookup finds it has no __new__ of its own. */
    long objectNew;
    final GetSetDescriptorType getsetType;
    final MemberDescriptorType memberType;
    final SharedKeyTables sharedKeys = new SharedKeyTables();
    final GenericAliasType genericAliasType, unionType;
    final java.util.Map<IterType.Kind, DictViewType> dictViews = new java.util.EnumMap<>(IterType.Kind.class);
    final ExceptionType baseException;
    final Map<String, ExceptionType> exceptions = new LinkedHashMap<>();

    final long builtinsDict;
    final long ellipsis, notImplemented;
    /** sys.modules: the real dict import consults and fills (held). */
    final long sysModules;
    /** sys.__displayhook__ (held for the runtime's life), which PRINT_EXPR runs without a call; 0 before sys exists. */
    long defaultDisplayhook;
    /** The file program's absolute path, which python3's start-up leaves in sys.path_importer_cache as None; null for none. */
    String scriptImporterKey;
    /**
     * interp->sysdict: the sys module's dict (held from sys's making, as CPython's interpreter holds
     * it), which a warning above the outermost frame reads ("sys:1") after sys.modules is emptied at
     * exit; 0 before sys exists.
     */
    long sysDict;
    /** sys.__unraisablehook__ (held for the runtime's life): the default hook, run without a call; 0 before sys exists. */
    long defaultUnraisablehook;
    /** UnraisableHookArgs, the struct sequence a program's sys.unraisablehook is called with; null before sys exists. */
    SysInfo.StructSeqType unraisableHookArgsType;
    /** The struct sequence types the constructor made before the builtin types' dicts (asyncgen_hooks): theirs are made after those. */
    final List<SysInfo.StructSeqType> constructorStructSeqs = new ArrayList<>();
    /** The command line sys is built from (argv, sys.path[0], the standard library option). */
    MainConfig mainConfig = MainConfig.NONE;
    /** While CPython's start-up runs: sys, if made now, is made without sys.path[0], which comes after start-up ({@link CpythonStartup}). */
    boolean deferPath0;
    /** Run first at exit, last added first (the atexit module's callbacks). */
    final List<Runnable> exitHooks = new ArrayList<>();
    /** The import system, created on the first import (see {@link ImportSystem}). */
    private ImportSystem imports;
    /** Attributes of builtin types (method descriptors), by type index. */
    final Map<PyType, Map<String, Long>> typeAttrs = new HashMap<>();
    /** Per-runtime state of the native modules (their registered types), by module name: {@link VmApi#moduleState}. */
    final Map<String, Object> nativeModuleState = new HashMap<>();
    /** ctypes' record of refcounts its writes raised and of its objects' own buffers (made with the first ctypes module). */
    Ctypes.Ledger ctypesLedger;
    /** Every type's registry of its subclasses (tp_subclasses). */
    Subclasses subclasses;
    /** 3.11's PRECALL specialization as far as a program sees it (quickened code only). */
    Specializer specializer;
    /** --gc-stress, or null. */
    private GcStress stress;
    /** Set by close(): finalizers and weakref callbacks no longer run. */
    boolean closing;
    /** Objects the runtime holds (one reference each). */
    private final List<Long> held = new ArrayList<>();
    /**
     * Static type objects made instances of a metaclass ({@link VmApi#setMetaclass}: ctypes' c_int
     * is a PyCSimpleType); each one's reference to its metaclass is held, and the runtime's close
     * makes them instances of {@code type} again before it lets the metaclasses go.
     */
    final List<Long> retypedStaticTypes = new ArrayList<>();
    /** Counts the additions to {@link #held} (hold, replaceHeld, runCode): the exit's test of which modules are held reads it. */
    private long heldAdds;

    Streams streams;
    /** The standard streams as CPython's io objects (--startup=cpython), or null: refheap's own {@link Streams}. */
    StdIo stdio;
    /** Shows a notebook cell's or REPL input's result (its repr); prints it by default. */
    java.util.function.Consumer<String> displayHook = text -> this.out.println(text);
    PrintStream out;
    PrintStream err;
    int recursionLimit = 1000;
    /** sys.set_coroutine_origin_tracking_depth: how many frames a new coroutine's cr_origin records (0: none). */
    int coroutineOriginDepth;
    /** sys.get_int_max_str_digits() (see IntStrLimit). */
    int intMaxStrDigits = IntStrLimit.DEFAULT;
    /** sys.getdlopenflags(): RTLD_NOW, as CPython 3.11 starts with on Linux (refheap loads no extension module with them). */
    int dlopenFlags = 2;
    /** sys._getquickenedcount(): how many code objects have been quickened (their warm-up reached 0, {@link Specializer#warmUp}). */
    long quickenedCount;
    /** sys.is_finalizing(): set once the atexit callbacks have run at exit (Py_FinalizeEx's _PyRuntimeState_SetFinalizing). */
    volatile boolean finalizing;
    /** The exception being handled (sys.exc_info()), 0 if none: a borrowed view of the frame's stack. */
    long handledException;
    /** The argument tuple _PyObject_MakeTpCall packed for the builtin type being called (Builtins.callTypeObject), or 0. */
    long typeCallArgs;

    /**
     * Reads what every runtime's set-up reads from refheap's resources (the builtin types' dict
     * table) and the start-up part of the builtins' docstrings (BuiltinDocs), if not read yet: for a launcher thread that would otherwise wait while another makes
     * the first runtime. Changes nothing a program sees; a failure is left for the runtime to report.
     */
    public static void preloadTables() {
        SlotWrappers.preload();
        BuiltinDocs.preload();
    }

    public Runtime(RuntimeOptions options) { this(options, false); }

    /**
     * A runtime made to adopt a start-up image ({@link #startFromImage}) when {@code forImage}: the
     * constructor leaves out what only makes native objects an adopted image replaces whole (from
     * the builtins' install on, the builtin functions and method descriptors, of which it makes the
     * entries only, and the builtins dict's items; the builtin types' dicts, their tuples and
     * subclass dicts, the free lists as CPython's start-up leaves them; the image carries the Java
     * side of these), and the runtime can do nothing but
     * adopt an image: a refused image leaves it unusable ({@link #requireComplete}), and the caller
     * makes a runtime with {@code forImage} false instead.
     */
    public Runtime(RuntimeOptions options, boolean forImage) {
        this.forImage = forImage;
        dev.refheap.lang.bytecode.CpythonLayout.setDebugRanges(true);  // until configureMain reads the configuration
        heap = new Heap(options.maxHeap(), options.ownedLargeBlocks());
        gcModel = new HeapObjectModel(heap);
        gc = new CycleCollector(gcModel, heap.allocateStatic(CycleCollector.HEADS_BYTES, 0));
        heap.installGc(gc);
        gcModel.trackGarbage();
        if (options.stress()) {
            // From the start: the runtime's own setup (types, builtins, modules) is checked too.
            stress = new GcStress(heap, gc, false);
            stress.onCheckDue(this::restCheckDue);
            stress.install();
        }
        out = options.out();
        err = options.err();
        gcModel.setDebugOut(err);
        names = new Names(heap);
        heap.addRootProvider(names);
        codeType = heap.register(new CodeType(this));
        heap.addDeepFrozenType(codeType);  // 3.11's deep-frozen code objects are static
        functionType = heap.register(new FunctionType(this));
        cellType = heap.register(new CellType(this));
        staticMethodType = heap.register(new StaticMethodType(this, false));
        classMethodType = heap.register(new StaticMethodType(this, true));
        moduleType = heap.register(new ModuleType(this));
        builtinFunctionType = heap.register(new BuiltinFunctionType(this));
        methodDescrType = heap.register(new BuiltinDescrType(this, BuiltinDescrType.Kind.METHOD));
        classMethodDescrType = heap.register(new BuiltinDescrType(this, BuiltinDescrType.Kind.CLASSMETHOD));
        wrapperDescrType = heap.register(new BuiltinDescrType(this, BuiltinDescrType.Kind.WRAPPER));
        methodWrapperType = heap.register(new MethodWrapperType(this));
        mappingProxyType = heap.register(new MappingProxyType(this));
        methodType = heap.register(new MethodType(this));
        frameType = heap.register(new FrameType(this));
        tracebackType = heap.register(new TracebackType(this));
        generatorType = heap.register(new GeneratorType(this));
        iterType = heap.register(new IterType(this));
        rangeType = heap.register(new RangeType(this));
        heap.register(rangeType.iterType);
        heap.register(rangeType.longIterType);
        iterType.registerKinds();
        sliceType = heap.register(new SliceType(this));
        unraisableHook = new UnraisableHook(this);
        complexType = heap.register(new ComplexType(this));
        heap.addDeepFrozenType(complexType);
        byteArrayType = heap.register(new ByteArrayType(this));
        memoryViewType = heap.register(new MemoryViewType(this));
        proxyType = heap.register(new WeakProxyType(this, false));
        callableProxyType = heap.register(new WeakProxyType(this, true));
        heap.weakrefs.registerKind(proxyType);
        heap.weakrefs.registerKind(callableProxyType);
        baseException = heap.register(new ExceptionType(this, "BaseException", null));
        ExceptionHierarchy.register(this);
        ellipsis = heap.register(new SimpleType(this, "ellipsis")).singleton();
        notImplemented = heap.register(new SimpleType(this, "NotImplementedType")).singleton();
        superType = heap.register(new SuperType(this));
        namespaceType = heap.register(new NamespaceType(this));
        propertyType = heap.register(new PropertyType(this));
        getsetType = heap.register(new GetSetDescriptorType(this));
        memberType = heap.register(new MemberDescriptorType(this));
        heap.dicts.setSharedKeys(sharedKeys);
        heap.addRootProvider(sharedKeys);
        genericAliasType = heap.register(new GenericAliasType(this, false));
        unionType = heap.register(new GenericAliasType(this, true));
        dictViews.put(IterType.Kind.DICT_KEYS, heap.register(new DictViewType(this, "dict_keys", IterType.Kind.DICT_KEYS)));
        dictViews.put(IterType.Kind.DICT_VALUES, heap.register(new DictViewType(this, "dict_values", IterType.Kind.DICT_VALUES)));
        dictViews.put(IterType.Kind.DICT_ITEMS, heap.register(new DictViewType(this, "dict_items", IterType.Kind.DICT_ITEMS)));
        UnmodelledStaticType.registerAll(this);  // readied as CPython's start-up readies them (their dicts: SlotWrappers)
        // the context types and the hamt, and _string's two iterators, which CPython readies at start-up too (their
        // modules, _contextvars and _string, implement them)
        List<PyType> moduleTypes = new ArrayList<>(dev.refheap.lang.modules.contextvars.ContextVarsModule.readyTypes(new VmApi(this)));
        moduleTypes.addAll(dev.refheap.lang.modules.StringModule.readyTypes(new VmApi(this)));
        readiedModuleTypes = List.copyOf(moduleTypes);
        ops = new Ops(this);
        interpreter = mainInterpreter = new Interpreter(this);
        interpreter.typesReady();
        heap.setCallbacks(new Heap.Callbacks() {
            @Override
            public void callWeakrefCallback(long callback, long wr) { ops.callWeakrefCallback(callback, wr); }

            @Override
            public boolean richEquals(Heap h, long a, long b) { return ops.richEquals(a, b); }
        });
        heap.addRootProvider(new RootProvider() {
            @Override public void visitRoots(RootVisitor v) {
                for (long o : held) v.root(o, 1);
            }

            @Override public void visitDescribedRoots(DescribedRootVisitor v) {
                for (long o : held) v.root(o, 1, describeHeld(o));
            }
        });
        heap.addRootProvider(interpreter);
        builtinsDict = hold(heap.dicts.create());
        sysModules = hold(heap.dicts.create());
        // from here on a runtime made for an image makes no builtin function or descriptor object (only their
        // entries): nothing made before (builtinsDict, sysModules, the types' objects) moves, and nothing made
        // after is an address the image does not carry
        if (forImage) definedForImage = new HashMap<>();
        Builtins.install(this);
        TypeMethods.install(this);
        TypeCall.install(this);
        Coroutines.register(this);
        complexType.install();
        NumberBuiltins.installMethods(this);
        byteArrayType.install();
        sliceType.install();
        memoryViewType.install();
        BytesMethods.install(this, heap.bytes);
        StrCodecMethods.install(this);
        SysInfo.installCodeMethods(this);
        DictViewSetOps.install(this);
        NumberBuiltins.classMethod(this, heap.dicts, "fromkeys", (s, a, o, n, kw) -> DictFromKeys.fromkeys(this, s, a, o, n, kw));
        mappingProxyType.install();
        proxyType.install();
        callableProxyType.install();
        genericAliasType.install();
        unionType.install();
        long count0 = gc.count()[0];  // their methods, as their dicts (SlotWrappers.QUIET), leave count0 as it was
        dev.refheap.lang.modules.contextvars.ContextVarsModule.defineMethods(new VmApi(this), forImage);
        gc.setYoungCount(count0);
        slotWrappers = new SlotWrappers(this);
        // The builtin types' descriptors, dicts and mro tuples (some 1,500 objects) are made without
        // the stress mode's O(heap) check per allocation; the exact check at the first point of rest
        // still verifies every count they hold and are held by.
        if (stress != null) stress.uninstall();
        slotWrappers.install(!forImage);
        for (SysInfo.StructSeqType t : constructorStructSeqs) t.completeInConstructor(!forImage);
        definedForImage = null;
        if (!forImage) builtinTypeInfo.prepareAll();
        if (!forImage) ExceptionGroups.completeHeapType(this);
        if (stress != null) stress.install();
        subclasses = new Subclasses(this);
        if (!forImage) {
            subclasses.createStartupDicts();
            StartupState.apply(this);
        }
        specializer = forImage ? null : new Specializer(this);  // it looks up list.append, which an adopted image's memory has
        if (stress != null && stress.isRestCheckDue()) interpreter.restCheckDue = true;  // due since the setup
        imageMark = ImageHooks.Mark.of(this);
    }

    // ---- the start-up image (docs/architecture.md, "Start-up image"): the Java side's first step ----

    /**
     * The native modules' types the constructor readies, as CPython's _PyTypes_InitTypes does
     * (Context, ContextVar, Token, Token.MISSING's and hamt of {@code _contextvars}; {@code _string}'s
     * formatteriterator and fieldnameiterator): the builtin types' table names them by their short
     * {@code __name__}.
     */
    final List<PyType> readiedModuleTypes;

    /** Made to adopt an image and not adopted one yet: the constructor left its native side incomplete (see the constructor). */
    private boolean forImage;

    /** Refuses to run anything on a runtime made for an image that it has not adopted. */
    void requireComplete() {
        if (forImage) throw new IllegalStateException("a runtime made to adopt a start-up image that did not adopt one");
    }

    private static final int IMAGE_STATE_MAGIC = 0x52554e32;  // "RUN2"
    /** What the constructor left (the start-up image's hooks carry what came after it). */
    final ImageHooks.Mark imageMark;
    /** The object layer's part of the image being adopted, while its hooks apply; null otherwise. */
    Heap.ImageState adoptingState;

    /**
     * Not used by the launcher yet (tests only, StartupImageTest): both processes run with
     * {@code -Drefheap.ownedLargeBlocks=true}, so the constructor's large blocks are where the
     * image's are; a restored allocator then gives the program the C library's, as usual.
     *
     * <p>Writes the runtime's memory and the Java state that describes it (the object layer's, the
     * collector's, and what the runtime's Java side added after its constructor: {@link ImageHooks})
     * to {@code file} under {@code key}. After the constructor and Python code that made classes,
     * functions and code objects; what has no hook yet (native modules' state and functions,
     * live frames, sys) is refused ({@link ImageHooks.Refused}) and nothing is
     * written. Large blocks must come from the owned range ({@code -Drefheap.ownedLargeBlocks=true}),
     * else the image is refused.
     */
    public void writeImage(java.nio.file.Path file, byte[] key) throws java.io.IOException {
        if (asyncGens != null && !asyncGens.freeListsEmpty()) throw new IllegalStateException("async generators' free lists are not empty");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        heap.writeImageState(out);
        gc.writeImageState(out);
        out.writeInt(IMAGE_STATE_MAGIC);
        ImageHooks.write(this, out);
        out.flush();
        heap.allocator().writeImage(file, key, bytes.toByteArray());
    }

    /**
     * Gives this just-built runtime the memory of the image at {@code file} (written by
     * {@link #writeImage} under {@code key}) in place of its own: the image's section is read and
     * checked against this runtime first (the same types and static objects at the same addresses,
     * the same held objects: it was built as this one was), and only then is the runtime's
     * allocator closed and the image mapped at the same addresses. The interned table is then
     * rebuilt from the memory ({@link StrType#rebuildInterned}), and the Java side the image-maker
     * added after its constructor is made again ({@link ImageHooks}: classes, code objects, handles,
     * the runtime's maps).
     *
     * @throws dev.refheap.memory.BlockAllocator.ImageException if the image does not fit or is damaged
     *         (its header, bookkeeping and memory are checked from the file first): nothing changed then
     * @throws IllegalStateException if the memory was given up and the image could not be mapped
     *         after all (the file changed meanwhile, or a mapping failed): the runtime is unusable
     */
    public void adoptImage(java.nio.file.Path file, byte[] key) throws java.io.IOException {
        // the memory's checksum too; the section is read where it lies in the bookkeeping's bytes, which the restore reads no second time
        dev.refheap.memory.BlockAllocator.ImageRead image = dev.refheap.memory.BlockAllocator.readImage(file, key, true);
        SectionStream in = new SectionStream(new SectionInput(image.bytes(), image.sectionOffset()));
        Heap.ImageState objects;
        Runnable collector, hooks;
        try {
            objects = heap.readImageState(in);
            collector = gc.readImageState(in);
            if (in.readInt() != IMAGE_STATE_MAGIC) throw new dev.refheap.memory.BlockAllocator.ImageException("the image has no runtime section");
            hooks = ImageHooks.read(this, in);
            if (in.read() != -1) throw new dev.refheap.memory.BlockAllocator.ImageException("the image's section is longer than its parts");
        } catch (java.io.EOFException e) {
            throw new dev.refheap.memory.BlockAllocator.ImageException("the image's section is cut short");
        }
        long limit = heap.allocator().limit();
        if (!image.fitsUnder(limit)) {
            throw new dev.refheap.memory.BlockAllocator.ImageException("the image's heap may have come near this run's limit of " + limit + " bytes");
        }
        heap.allocator().close();
        dev.refheap.memory.BlockAllocator restored;
        try {
            restored = dev.refheap.memory.BlockAllocator.restoreImage(file, image, limit);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("the runtime gave up its memory for the image " + file + ", which then could not be mapped: "
                    + e.getMessage(), e);
        }
        heap.adoptAllocator(restored, objects);
        collector.run();
        heap.strs.rebuildInterned(objects.interned(), objects.internedValues());  // the first Java-side hook: the maker's interned table
        adoptingState = objects;
        try {
            hooks.run();
        } finally {
            adoptingState = null;
        }
        if (specializer == null) specializer = new Specializer(this);
        forImage = false;
        int types = heap.typeCount() - objects.laterTypes().length;
        if (types != imageMark.types()) throw new IllegalStateException("the image's hooks made " + (heap.typeCount() - imageMark.types()) + " of its " + objects.laterTypes().length + " later types");
    }

    /**
     * An image's section as a data stream whose long byte runs (the code units' trees) can be kept
     * where they lie ({@link #take}) instead of copied out.
     */
    static final class SectionStream extends java.io.DataInputStream {
        private final SectionInput section;

        SectionStream(SectionInput section) {
            super(section);
            this.section = section;
        }

        /** The bytes {@link #take} ranges are in (not a copy: not to be changed). */
        byte[] bytes() { return section.bytes; }

        /** Skips the next {@code n} bytes and returns where they begin in {@link #bytes}. */
        int take(int n) throws java.io.EOFException {
            if (n < 0 || n > section.available()) throw new java.io.EOFException();
            int from = section.at;
            section.at += n;
            return from;
        }
    }

    /**
     * An image's section (the bytes from {@code at} to the end of an array) as a stream without
     * ByteArrayInputStream's locking: the section's reads are tens of thousands of small ones (each
     * int, long and string of the hooks), on one thread.
     */
    private static final class SectionInput extends java.io.InputStream {
        private final byte[] bytes;
        private int at;

        SectionInput(byte[] bytes, int at) {
            this.bytes = bytes;
            this.at = at;
        }

        @Override
        public int read() { return at < bytes.length ? bytes[at++] & 0xff : -1; }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) return 0;
            if (at >= bytes.length) return -1;
            int n = Math.min(len, bytes.length - at);
            System.arraycopy(bytes, at, b, off, n);
            at += n;
            return n;
        }

        @Override
        public int available() { return bytes.length - at; }
    }

    /** Whether the import system was made (the first import). */
    boolean importsStarted() { return imports != null; }

    /** The objects the runtime holds, in the order it took them. */
    List<Long> heldObjects() { return java.util.Collections.unmodifiableList(held); }

    /** An adopted image's held objects in place of the constructor's (the memory holds their references). */
    void replaceHeld(long[] objects) {
        heldAdds++;
        held.clear();
        for (long o : objects) held.add(o);
    }

    /** --gc-stress: an allocation happened; the interpreter checks at its next boundary at rest (none while the runtime is set up). */
    private void restCheckDue() {
        if (interpreter != null) interpreter.restCheckDue = true;
    }

    /** --gc-stress: the interpreter is at a bytecode boundary where the heap is at rest. */
    void stressAtRest() {
        if (stress != null && gil.othersAtRest(interpreter, mainInterpreter)) stress.atRest();
    }

    /**
     * Programs the web page runs ({@code refheap serve}): no memory writes through ctypes, no file
     * read but the standard library's sources, no import of the modules that reach files,
     * processes or the network ({@link VmApi#checkImport}), and an {@code open} that refuses.
     */
    boolean sandboxed;

    /** Makes this runtime sandboxed (before the program runs; there is no way back). */
    public void setSandboxed(boolean on) {
        if (on && !sandboxed) Builtins.sandbox(this);
        sandboxed = on;
    }

    /** The stress mode's driver, or null without --gc-stress. */
    public GcStress stress() { return stress; }

    /**
     * --gc-stress from here on, for a runtime made without it: one that adopted a start-up image, or
     * ran the start-up live as the image's maker (an image is the memory of a start-up that ran
     * unchecked, so the adopter's constructor and start-up must run as the maker's did). The heap
     * verifier's exact check runs first, over the whole heap the start-up left; from then on every
     * allocation is checked as in a runtime made with the stress mode. Returns the driver (the one
     * there already when the runtime was made with it).
     *
     * @throws HeapVerificationError when the heap is inconsistent already
     */
    public GcStress startStress() {
        if (stress != null) return stress;
        List<String> problems = verify();
        if (!problems.isEmpty()) throw new dev.refheap.gc.HeapVerificationError("after the start-up, before the program", problems);
        stress = new GcStress(heap, gc, false);
        stress.onCheckDue(this::restCheckDue);
        stress.install();
        return stress;
    }

    public Heap heap() { return heap; }

    public void setDisplayHook(java.util.function.Consumer<String> hook) { displayHook = hook; }

    public void setStreams(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        gcModel.setDebugOut(err);
    }

    public PrintStream out() { return out; }

    /**
     * Asks the running code to stop with KeyboardInterrupt at its next loop jump or call, whatever
     * its SIGINT handler (a tool's limit, such as a recording's).
     */
    public void interrupt() {
        mainInterpreter.sigint = true;
        mainInterpreter.breaker = true;
    }

    /**
     * A signal arrived for this runtime (Ctrl-C is {@code signal(2)}): its Python handler runs on
     * the main thread at the next check (SIGINT's default handler raises KeyboardInterrupt).
     */
    public void signal(int signum) { signals.trip(signum); }

    /** Drops a pending interrupt and a tripped SIGINT (a Ctrl-C that came after the code finished). */
    public void clearInterrupt() {
        mainInterpreter.sigint = false;
        signals.clear(PendingSignals.SIGINT);
    }

    /**
     * For a builtin whose loop runs long without reaching a bytecode boundary (a huge power, a
     * long sort, join or repeat): runs tripped signals' handlers (Ctrl-C's raises
     * KeyboardInterrupt) and raises a trace's time limit, as a loop's backward jump or a call does.
     * Call it only where raising, or running Python code, leaves every object whole.
     */
    void checkInterrupt() {
        if (interpreter.interruptDue()) interpreter.takeInterrupts();
    }
    public PrintStream err() { return err; }
    public CycleCollector gc() { return gc; }

    /**
     * What sys is built from: {@code argv} (sys.argv), {@code path0} (sys.path[0]: the script's
     * directory, '' for -c and the REPL, null for none), {@code stdlib} (--stdlib DIR, or null).
     */
    public record MainConfig(List<String> argv, String path0, String stdlib, StartFlags start, List<String> origArgv) {
        public static final MainConfig NONE = new MainConfig(List.of(), null, null);

        public MainConfig(List<String> argv, String path0, String stdlib) { this(argv, path0, stdlib, StartFlags.DEFAULT); }

        /** Without the process's own command line: sys.orig_argv is empty, as an embedding CPython's without one. */
        public MainConfig(List<String> argv, String path0, String stdlib, StartFlags start) { this(argv, path0, stdlib, start, List.of()); }

        /** sys.path[0] as python3 sets it: none in isolated mode (-I implies -P, safe_path). */
        public String effectivePath0() { return start.isolated() ? null : path0; }
    }

    /**
     * python3's start-up options that change what the interpreter sets up: {@code -S} (no site),
     * {@code -s} (no user site), {@code -E} (PYTHON* environment variables ignored), {@code -I}
     * (isolated: -E, -s and -P together), {@code -B} (sys.dont_write_bytecode: refheap writes no
     * .pyc files in any case), {@code -W} (sys.warnoptions, which warnings.py applies when it is
     * imported, at start-up when there are any) and {@code -X} (sys._xoptions: name -> value, or
     * null for True). sys.flags shows them.
     */
    public record StartFlags(boolean noSite, boolean noUserSite, boolean ignoreEnvironment, boolean isolated,
                             boolean dontWriteBytecode, List<String> warnOptions, List<String[]> xOptions) {
        public static final StartFlags DEFAULT = new StartFlags(false, false, false, false);

        public StartFlags(boolean noSite, boolean noUserSite, boolean ignoreEnvironment, boolean isolated) {
            this(noSite, noUserSite, ignoreEnvironment, isolated, false, List.of(), List.of());
        }

        /** These flags as python3 derives them: -I sets no_user_site, ignore_environment and safe_path. */
        public StartFlags {
            if (isolated) {
                noUserSite = true;
                ignoreEnvironment = true;
            }
        }

        /** An environment variable as CPython reads it at start-up: ignored with -E/-I, an empty value as unset. */
        public String env(String name) {
            if (ignoreEnvironment) return null;
            String v = System.getenv(name);
            return v == null || v.isEmpty() ? null : v;
        }

        /**
         * sys.flags.utf8_mode as 3.11's preconfig_init_utf8_mode decides it (PEP 540): the first
         * {@code -X utf8} option (1, or its value, 0 or 1), else PYTHONUTF8 (0 or 1; ignored with
         * -E/-I), else 1 when LC_CTYPE from the environment is the C or POSIX locale. Throws
         * IllegalArgumentException with CPython's fatal error for any other value.
         */
        public int utf8Mode() {
            for (String[] x : xOptions) {
                if (!x[0].equals("utf8")) continue;
                return x.length < 2 || x[1] == null ? 1 : zeroOrOne(x[1], "invalid -X utf8 option value");
            }
            String v = env("PYTHONUTF8");
            if (v != null) return zeroOrOne(v, "invalid PYTHONUTF8 environment variable value");
            return dev.refheap.lang.modules.posix.LocaleModule.legacyLocaleAtStart() ? 1 : 0;
        }

        private static int zeroOrOne(String v, String invalid) {
            if (v.equals("0") || v.equals("1")) return v.charAt(0) - '0';
            throw new IllegalArgumentException(invalid);
        }

        /**
         * PEP 538's coercion of the C locale at a process's start, as CPython's config asks for it
         * (PYTHONCOERCECLOCALE: 0 turns it off, "warn" reports it; ignored with -E/-I): the target
         * locale, or null ({@link dev.refheap.lang.modules.posix.LocaleModule#coerceLegacyLocale}).
         */
        public String coerceLegacyLocale() {
            String v = env("PYTHONCOERCECLOCALE");
            return dev.refheap.lang.modules.posix.LocaleModule.coerceLegacyLocale(!"0".equals(v), "warn".equals(v));
        }
    }

    /**
     * PyType_Ready's add_subclass for a type registered after the constructor (a native module's
     * type or struct sequence, at its import): the weak reference in each base's subclasses dict
     * that CPython makes when it readies the type (the constructor's types get theirs from
     * {@link Subclasses#createStartupDicts}). Made without moving count0, as the constructor's
     * are and as the struct sequences' dicts are ({@code SysInfo.StructSeqType#registered}: the
     * first line's schedule stays what it was while refheap's start-up makes some 500 GC
     * allocations fewer than CPython's).
     */
    void readiedAfterConstructor(PyType t) {
        if (subclasses == null || imageMark == null) return;
        long count0 = gc.count()[0];
        gc.setYoungCount(0);  // the few objects below cannot reach the threshold from 0
        subclasses.addReadied(t);
        gc.setYoungCount(count0);
    }

    /** Whether this runtime ran CPython's start-up sequence ({@link #runCpythonStartup}); an adopted image's maker did. */
    volatile boolean ranCpythonStartup;
    /** The count0 a heap type of CPython's start-up put aside while it is made after a small start-up ({@link HeapTypeObjects#quietStart}). */
    final java.util.Map<PyType, Long> quietHeapTypes = new java.util.HashMap<>();

    private volatile int utf8Mode = -1;

    /**
     * sys.flags.utf8_mode of this runtime ({@link StartFlags#utf8Mode}, read once; a value python3
     * refuses, which the command line reports before a runtime is made, counts as off here).
     */
    public boolean utf8Mode() {
        int m = utf8Mode;
        if (m < 0) utf8Mode = m = utf8Mode(mainConfig);
        return m == 1;
    }

    private static int utf8Mode(MainConfig config) {
        try {
            return config.start().utf8Mode();
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /**
     * sys.getfilesystemencoding(): "utf-8" in UTF-8 mode, else the locale encoding at start by its
     * codec's name ("utf-8", or "ascii" for the C locale's ANSI_X3.4-1968; the command line refuses any other).
     */
    public String fsEncoding() { return fsEncoding(utf8Mode()); }

    /** {@link #fsEncoding()} for a process in UTF-8 mode or not: what the command line decides from before a runtime is made. */
    public static String fsEncoding(boolean utf8Mode) {
        if (utf8Mode) return "utf-8";
        return "ascii".equals(Codecs.normalize(dev.refheap.lang.modules.posix.LocaleModule.codesetAfterCoercion())) ? "ascii" : "utf-8";
    }

    /** _Py_GetLocaleEncoding with UTF-8 mode: "utf-8" in UTF-8 mode, else the LC_CTYPE locale's codeset now (open()'s default). */
    public String defaultTextEncoding() {
        return utf8Mode() ? "utf-8" : dev.refheap.lang.modules.posix.LocaleModule.codeset();
    }

    /** Sets what sys.argv and sys.path start as; call before the program runs. */
    public void configureMain(MainConfig config) {
        mainConfig = config;
        utf8Mode = utf8Mode(config);
        dev.refheap.lang.bytecode.CpythonLayout.setDebugRanges(debugRanges(config.start()));
    }

    /**
     * PyConfig.code_debug_ranges as 3.11's config reads it: off with {@code -X no_debug_ranges}, or
     * with PYTHONNODEBUGRANGES set to anything non-empty unless -E or -I.
     */
    static boolean debugRanges(StartFlags start) {
        for (String[] x : start.xOptions()) if (x[0].equals("no_debug_ranges")) return false;
        if (start.ignoreEnvironment() || start.isolated()) return true;
        String env = System.getenv("PYTHONNODEBUGRANGES");
        return env == null || env.isEmpty();
    }

    /**
     * Runs CPython 3.11's start-up sequence ({@code --startup=cpython}: importlib's modules, the
     * codecs, io, site unless -S; see {@link CpythonStartup}) so the program's first line sees the
     * state it leaves. Call once, after {@link #configureMain} and before the program.
     *
     * @throws PyException when a start-up module raises (CPython would fail to start)
     */
    public void runCpythonStartup() { runCpythonStartup(0); }

    /**
     * {@link #runCpythonStartup()}, with tracemalloc started where 3.11's init_interp_main starts it
     * (-X tracemalloc, PYTHONTRACEMALLOC: after the signal module, before the standard streams and
     * site) tracing {@code tracemallocFrames} frames; 0: not started.
     */
    public void runCpythonStartup(int tracemallocFrames) {
        requireComplete();
        ranCpythonStartup = true;
        CpythonStartup.run(this, tracemallocFrames);
    }

    /**
     * The start-up image's maker: after {@link #configureMain} with {@link StartupImage#makerConfig}
     * and {@link #runCpythonStartup} (and nothing else), writes this runtime's image to {@code file}
     * for runs whose inputs ({@link StartupImage#inputs}) are this process's, under {@code key} (the
     * caller's part: the build and the standard library). Large blocks must come from the owned
     * range ({@code -Drefheap.ownedLargeBlocks=true}).
     */
    public void writeStartupImage(java.nio.file.Path file, byte[] key) throws java.io.IOException { StartupImage.write(this, file, key); }

    /**
     * In place of {@link #runCpythonStartup}: this runtime, just built and configured for the run
     * ({@link #configureMain}), adopts the start-up image at {@code file} written by
     * {@link #writeStartupImage} under {@code key} for this process's inputs, and redoes what the
     * run's own values make (sys.argv, sys.path[0], -W, -X, os.environ: {@link StartupImage}).
     * Returns false, with nothing changed, when the image is refused or unreadable: run start-up live then
     * (the {@code throws} clause is kept for callers written against it; nothing is thrown for a refusal).
     *
     * @throws IllegalStateException if the memory was given up and the image could not be mapped after all
     */
    public boolean startFromImage(java.nio.file.Path file, byte[] key) throws java.io.IOException { return StartupImage.adopt(this, file, key, null); }

    /**
     * As {@link #startFromImage(java.nio.file.Path, byte[])}, with the process's inputs the caller
     * read for this runtime's configuration ({@link StartupImage#inputs}, the process's own streams)
     * just before making it; read again if this runtime's streams are not the process's.
     */
    public boolean startFromImage(java.nio.file.Path file, byte[] key, StartupImage.Inputs processInputs) throws java.io.IOException {
        return StartupImage.adopt(this, file, key, processInputs);
    }

    /**
     * Writes what the interpreter reports on stderr (an uncaught exception's traceback, a
     * SyntaxError): through sys.stderr, flushed, when the standard streams are CPython's io objects
     * ({@code --startup=cpython}); otherwise to the process's stderr.
     */
    public void writeStderr(String text) {
        if (stdio != null) {
            stdio.writeStderr(text);
        } else {
            err.print(text);
        }
    }

    /** Flushes sys.stdout and sys.stderr when they are io objects (the REPL does it after each input, as CPython's flush_io). */
    public void flushStdio() {
        if (stdio == null) return;
        for (String s : new String[] {"stderr", "stdout"}) {
            long f = stdio.current(s);
            if (f == 0 || f == heap.None) continue;
            heap.incref(f);
            try {
                heap.decref(ops.callMethod(f, "flush"));
            } catch (PyException e) {
                heap.decref(e.exc());
            } finally {
                heap.decref(f);
            }
        }
    }

    /** The exit status after {@link #finalizeAtExit}: python3's 120 when a flush of sys.stdout or sys.stderr at exit failed. */
    public int exitStatus(int status) {
        return stdio != null && stdio.failed ? 120 : status;
    }

    private AstBridge astBridge;

    /** The {@code _ast} bridge for compile(), created on first use. */
    AstBridge ast() {
        if (astBridge == null) {
            try {
                astBridge = (AstBridge) Class.forName("dev.refheap.lang.modules.ast.AstBridgeImpl")
                        .getConstructor(VmApi.class).newInstance(new VmApi(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("refheap's _ast module is missing", e);
            }
        }
        return astBridge;
    }

    private CodecRegistry codecRegistry;

    /** The codec registry (search functions, cache, error handlers), created on first use. */
    CodecRegistry codecs() {
        if (codecRegistry == null) codecRegistry = new CodecRegistry(this);
        return codecRegistry;
    }

    /** The import system, created on first use. */
    ImportSystem imports() {
        if (imports == null) {
            try {
                imports = (ImportSystem) Class.forName("dev.refheap.lang.importer.Importer")
                        .getConstructor(VmApi.class).newInstance(new VmApi(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("refheap's import system is missing", e);
            }
        }
        return imports;
    }

    /** Who holds a reference the runtime holds (refcount provenance). */
    private String describeHeld(long o) {
        if (o == builtinsDict) return "runtime (builtins dict)";
        if (o == sysModules) return "runtime (sys.modules dict)";
        if (isModule(o)) return "runtime (its own hold on a module)";
        if (heap.typeOf(o) == codeType) return "runtime (a deep-frozen module's code, static in CPython)";
        return "runtime (" + heap.typeOf(o).name() + " it keeps: a method descriptor or registry)";
    }

    /** Keeps {@code o} (a new reference) alive for the runtime's life; returns it. */
    long hold(long o) {
        heldAdds++;
        held.add(o);
        return o;
    }

    /** Lets go of one reference {@link #hold} keeps (nothing if {@code o} is not held). */
    void release(long o) {
        if (held.remove(Long.valueOf(o))) heap.decref(o);
    }

    /** The _warnings state (filters, once registry, default action), made on first use: {@link Warnings#state}. */
    Warnings.State warningsState;

    /**
     * The thread state's dict (PyThreadState_GetDict): made on first use, as CPython makes it,
     * and held to the end. refheap runs Python on one thread (docs/architecture.md, "Contracts"),
     * so there is one. Py_ReprEnter keeps its 'Py_Repr' list in it, _thread._local its dummies.
     */
    long threadStateDict() {
        Interpreter t = interpreter;
        if (t.tsDict == 0) t.tsDict = heap.dicts.create();
        return t.tsDict;
    }

    /** The thread state's dict, or 0 while no one has asked for it (tstate->dict read directly). */
    long threadStateDictIfMade() { return interpreter.tsDict; }

    /**
     * Gives up the runtime's own references to objects that type dicts now hold: for each object,
     * as many as {@code owners} says (one per dict that took it), as far as the runtime holds it;
     * {@code owners}' counts are used up. The rest of the held list keeps its order.
     */
    void unhold(OwnerCounts owners) {
        List<Long> released = new ArrayList<>();
        held.removeIf(o -> {
            if (!owners.take(o)) return false;
            released.add(o);
            return true;
        });
        for (long o : released) heap.decref(o);
    }

    /**
     * Puts a descriptor of builtin type {@code t} in its attributes (CPython: the type's dict),
     * held by the runtime: a method_descriptor, classmethod_descriptor or wrapper_descriptor as
     * {@code kind} says. Returns it (borrowed).
     */
    long defDescr(BuiltinDescrType.Kind kind, PyType t, String name, Builtin impl) {
        BuiltinDescrType dt = switch (kind) {
            case METHOD -> methodDescrType;
            case CLASSMETHOD -> classMethodDescrType;
            case WRAPPER -> wrapperDescrType;
        };
        if (definedForImage != null) {  // the entry only: the image has the descriptor, the type's dict and typeAttrs
            dt.defineEntry(t, name, impl);
            definedForImage.computeIfAbsent(t, k -> new HashMap<>()).put(name, kind == BuiltinDescrType.Kind.CLASSMETHOD ? null : impl);
            return 0;
        }
        long d = hold(dt.create(t, name, impl));
        typeAttrs.computeIfAbsent(t, k -> new HashMap<>()).put(name, d);
        return d;
    }

    /**
     * While a runtime made for an image is constructed ({@link #forImage}): the descriptors
     * {@link #defDescr} defined without objects, by type and name, with the implementation the
     * name's lookup finds (null for a classmethod descriptor's); {@link SlotWrappers#install}
     * reads them as its own. Null otherwise.
     */
    Map<PyType, Map<String, Builtin>> definedForImage;

    /** Made to adopt a start-up image and not adopted one yet (its constructor makes no object the image replaces). */
    boolean forImage() { return forImage; }

    /**
     * A builtin function of the builtins module ({@code len}): its object in the builtins dict, or,
     * in a runtime made for an image, only its entry (the image's builtins dict has the object, at
     * the entry's handle).
     */
    void defBuiltin(String name, Builtin impl) {
        if (forImage) {
            builtinFunctionType.defineEntry(name, impl, null, null);
            return;
        }
        long f = builtinFunctionType.create(name, impl, 0, null);
        heap.dicts.setItem(builtinsDict, name, f);
        heap.decref(f);
    }

    /** Puts {@code value} (borrowed) in the builtins dict, unless this runtime is made for an image (whose builtins dict has it). */
    void putBuiltin(String name, long value) {
        if (!forImage) heap.dicts.setItem(builtinsDict, name, value);
    }

    /** A method of builtin type {@code t} ({@code list.append}): a method_descriptor. */
    long defMethod(PyType t, String name, Builtin impl) { return defDescr(BuiltinDescrType.Kind.METHOD, t, name, impl); }

    // ---- errors --------------------------------------------------------------------------------

    ExceptionType exceptionType(String name) {
        ExceptionType t = exceptions.get(name);
        if (t == null) throw new IllegalStateException("no exception type " + name);
        return t;
    }

    /** A new exception instance of builtin type {@code name} with one message argument. */
    long newException(String name, String message) {
        return newException(exceptionType(name), message);
    }

    long newException(PyType type, String message) {
        long args;
        if (message == null) {
            args = heap.tuples.alloc(0);
        } else {
            long m = heap.strs.of(message);
            args = heap.tuples.alloc(1);
            TupleType.setItemSteal(args, 0, m);
        }
        return ops.instantiateException(type, args);
    }

    /** Builds a PyException of builtin type {@code name} (for {@code throw}). */
    PyException error(String name, String message) {
        return new PyException(newException(name, message));
    }

    /**
     * OSError(errno, strerror[, filename]) as CPython raises it from a failed system call: the
     * errno's subclass (2: FileNotFoundError, ...), with errno, strerror and filename set.
     */
    PyException osError(int errno, String strerror, String filename) {
        long args = filename == null ? heap.tuples.alloc(2) : heap.tuples.alloc(3);
        TupleType.setItemSteal(args, 0, heap.ints.of(errno));
        TupleType.setItemSteal(args, 1, heap.strs.of(strerror));
        if (filename != null) TupleType.setItemSteal(args, 2, heap.strs.of(filename));
        return new PyException(OSErrorType.construct(this, exceptions.get("OSError"), args));
    }

    PyException typeError(String message) { return error("TypeError", message); }

    /** Turns an object-layer error into a Python exception. */
    PyException fromPyError(PyError e) { return error(e.pythonType(), e.getMessage()); }

    // ---- finalizers and unraisable errors --------------------------------------------------------

    /** Calls {@code o.__del__()}; an error becomes "Exception ignored in: ..." on stderr. */
    void callDel(long o) { callDel(o, heap.typeOf(o)); }

    /** {@link #callDel(long)} for a caller that has {@code o}'s type at hand ({@code t}). */
    void callDel(long o, PyType t) {
        if (closing) return;  // close() runs no Python code: the builtins and modules are being released
        long exc = handledException;
        try {
            // slot_tp_finalize: __del__ is looked up on the type only (an instance attribute of that
            // name is not a finalizer); a Python function is called straight with o as self.
            long del = t instanceof ClassType c ? ops.lookupDel(c) : ops.lookupType(t, "__del__");
            // slot_tp_finalize looks __del__ up and calls nothing when it is gone (deleted from
            // the class after instances were made): no error, and no instance attribute is tried
            if (del == 0) return;
            if (Heap.typeAddress(del) == functionType.address()) {
                heap.decref(interpreter.callFunction(del, new long[] {o}, 0, 1, 0, false));
            } else {
                heap.decref(ops.callMethod(o, "__del__"));
            }
        } catch (PyException e) {
            writeUnraisable(e.exc(), null, ops.delObjectFor(o));
        } finally {
            handledException = exc;
        }
    }

    /**
     * The body of _testcapi's slot_tp_del: {@code __tp_del__} looked up as a special method
     * (_PyObject_LookupSpecial: on the type, then bound to o) and called with no arguments, if the
     * class has one; an error in it is reported as "Exception ignored in: " the bound method's
     * repr. The handled exception is kept across the call.
     */
    void callTpDel(long o) {
        if (closing) return;  // as callDel: close() runs no Python code
        long exc = handledException;
        ops.versionTag(heap.typeOf(o), "__tp_del__");  // _PyObject_LookupSpecial's _PyType_Lookup
        long del = ops.lookupType(heap.typeOf(o), "__tp_del__");
        if (del == 0) return;
        long bound = 0;
        try {
            bound = ops.bindForCall(del, o);
            heap.decref(ops.call0(bound));
        } catch (PyException e) {
            writeUnraisable(e.exc(), null, bound != 0 ? bound : del);
        } finally {
            heap.xdecref(bound);
            handledException = exc;
        }
    }

    /**
     * _PyErr_WriteUnraisableMsg: reports {@code exc} (released) through {@code sys.unraisablehook}.
     * {@code errMsg} null is PyErr_WriteUnraisable's "Exception ignored in"; {@code obj} (borrowed,
     * 0 for NULL) is the object the error happened in. While the hook is the default one (or
     * None, or deleted) the report is written with the allocations CPython's default hook makes
     * ({@link UnraisableHook}); a hook the program set is called with an UnraisableHookArgs
     * (exc_type, exc_value, exc_traceback, err_msg, object), and an exception it raises is
     * reported by the default hook as "Exception ignored in sys.unraisablehook: " and the hook.
     */
    void writeUnraisable(long exc, String errMsg, long obj) {
        try {
            // _PyErr_WriteUnraisableMsg: an exception raised without a traceback (by the runtime, as
            // gen_close's "generator ignored GeneratorExit") gets one made from the current frame
            if (interpreter != null && ops.isInstance(exc, baseException) && ExceptionType.traceback(exc) == 0) {
                interpreter.tracebackFromCurrentFrame(exc);
            }
            long hook = sysDict != 0 ? heap.dicts.getItem(sysDict, "unraisablehook") : 0;  // _PySys_GetAttr: interp->sysdict
            if (hook == 0 || hook == heap.None || hook == defaultUnraisablehook || unraisableHookArgsType == null) {
                unraisableHook.report(exc, errMsg, obj, true);
                return;
            }
            heap.incref(hook);
            try {
                long tb = tracebacks.tracebackOf(exc);
                long args = unraisableHookArgsType.create(
                        Builtins.incref(heap, heap.typeOf(exc).address()), Builtins.incref(heap, exc),
                        Builtins.incref(heap, tb != 0 ? tb : heap.None),
                        errMsg != null ? heap.strs.of(errMsg) : Builtins.incref(heap, heap.None),
                        Builtins.incref(heap, obj != 0 ? obj : heap.None));
                try {
                    heap.decref(ops.call0(hook, args));
                } catch (PyException e) {
                    heap.decref(args);
                    args = 0;
                    try {
                        unraisableHook.report(e.exc(), "Exception ignored in sys.unraisablehook", hook, false);
                    } finally {
                        heap.decref(e.exc());
                    }
                } finally {
                    if (args != 0) heap.decref(args);
                }
            } finally {
                heap.decref(hook);
            }
        } finally {
            heap.decref(exc);
        }
    }

    /**
     * sys.unraisablehook / sys.__unraisablehook__ called by a program with an UnraisableHookArgs
     * (_PyErr_WriteUnraisableDefaultHook): the report of its five parts as they are, written to
     * sys.stderr. An exc_type of None makes CPython's hook fail without an exception set after the
     * traceback (SystemError); an exc_type that is not a class crashes python3 and is refused
     * here before anything is written.
     */
    long callDefaultUnraisablehook(long args) {
        if (unraisableHookArgsType == null || heap.typeOf(args) != unraisableHookArgsType) {
            throw typeError("sys.unraisablehook argument type must be UnraisableHookArgs");
        }
        long type = TupleType.item(args, 0), value = TupleType.item(args, 1), tb = TupleType.item(args, 2);
        long errMsg = TupleType.item(args, 3), obj = TupleType.item(args, 4);
        if (type != heap.None && !ops.isTypeObject(type)) {
            throw typeError("sys.unraisablehook: exc_type must be a class or None, not " + heap.typeOf(type).name()
                    + " (python3 crashes on it)");
        }
        String msg = errMsg == heap.None ? null : ops.str(errMsg);  // err_msg written with str()
        boolean written = unraisableHook.report(type == heap.None ? null : heap.typeAt(type), value == heap.None ? 0 : value,
                heap.typeOf(tb) == tracebackType ? tb : 0, msg, obj, false);
        if (!written) throw error("SystemError", "<built-in function unraisablehook> returned NULL without setting an exception");
        heap.incref(heap.None);
        return heap.None;
    }

    /**
     * What sys.stderr is for the allocations of "Exception ignored in" reports (default: python3's
     * line-buffered stderr), and whether the process has specialized the codec's decode already.
     * An embedder that captures stderr in memory, as the differential fuzzer's CPython side does
     * with io.StringIO in a long-running process, says so here.
     */
    public void setUnraisableStderr(boolean inMemory, boolean decoderSpecialized) {
        unraisableHook.configure(inMemory ? UnraisableHook.Stderr.IN_MEMORY : UnraisableHook.Stderr.LINE_BUFFERED,
                decoderSpecialized);
    }

    /** PyModule_Check: {@code o} is a module, of the module type or of a class derived from it (md_dict at the same place). */
    /**
     * _PyEval_BuiltinsFromGlobals: {@code globals['__builtins__']} (a module's dict when it is a
     * module; any other object as it is), else the running frame's builtins, else the builtins
     * dict; borrowed. What a function made in {@code globals}, or code run in them, looks its
     * builtins up in.
     */
    long builtinsFromGlobals(long globals) {
        long b = heap.dicts.getItem(globals, names.__builtins__);
        if (b != 0) return isModule(b) ? ModuleType.dict(b) : b;
        Frame f = interpreter == null ? null : interpreter.currentFrame();
        return f != null ? f.builtins : builtinsDict;
    }

    boolean isModule(long o) {
        PyType t = heap.typeOf(o);
        return t == moduleType || t instanceof ClassType c && c.builtinBase == moduleType;
    }

    // ---- programs -------------------------------------------------------------------------------

    /**
     * The __main__ module's dict (created on first use) as CPython's start-up makes it before any
     * program runs: PyModule_New's {@code __name__}, {@code __doc__}, {@code __package__},
     * {@code __loader__} and {@code __spec__} (None), then add_main_module's {@code __annotations__}
     * (an empty dict: pylifecycle has made it since PEP 526's 3.6, so that annotated assignments at
     * the interactive prompt have a dict to go in; every entry point's __main__ has it),
     * {@code __builtins__} (the builtins module, which goes into sys.modules) and
     * {@code __loader__} = BuiltinImporter. The loader is importlib's class, which refheap makes
     * at the first import that needs a spec (some 0.3 s): made before __main__ (-m,
     * {@code --startup=cpython}) it is there; otherwise {@code __loader__} is absent (a NameError,
     * listed in the README), never a stand-in.
     */
    long mainGlobals() {
        long m = heap.dicts.getItem(sysModules, "__main__");
        if (m == 0 || !isModule(m)) {
            m = moduleType.create("__main__", true);
            heap.dicts.setItem(sysModules, "__main__", m);
            hold(m);
            long d = ModuleType.dict(m);
            heap.dicts.setItem(d, "__package__", heap.None);
            long loader = imports == null ? 0 : imports.mainLoader(null);
            if (loader != 0) {
                heap.dicts.setItem(d, "__loader__", loader);
                heap.decref(loader);
            }
            heap.dicts.setItem(d, "__spec__", heap.None);
            long annotations = heap.dicts.create();
            heap.dicts.setItem(d, "__annotations__", annotations);
            heap.decref(annotations);
            long builtins = heap.dicts.getItem(sysModules, "builtins");
            if (builtins == 0) {
                builtins = Modules.createBuiltin(this, "builtins");
                heap.dicts.setItem(sysModules, "builtins", builtins);
                heap.decref(builtins);
            }
            heap.dicts.setItem(d, names.__builtins__, builtins);
        }
        return ModuleType.dict(m);
    }

    /**
     * What _PyRun_SimpleFileObject does around a program read from a file or stdin: while it runs,
     * {@code __file__} (the name it was compiled under) and {@code __cached__} (None) unless
     * __main__ has a {@code __file__} already, deleted again when it ends; for a file (not stdin) the
     * loader becomes a SourceFileLoader for it (set_main_loader), when importlib's classes exist.
     * {@code -c} ({@code <string>}) and refheap's own inputs ({@code <...>}) get neither.
     */
    private void runAsMainProgram(long code, String filename) {
        boolean stdin = filename.equals("<stdin>");
        if (!stdin && filename.startsWith("<")) {
            runCode(code);
            return;
        }
        long d = mainGlobals();
        boolean setFile = false;
        if (heap.dicts.getItem(d, "__file__") == 0) {
            long f = heap.strs.of(filename);
            heap.dicts.setItem(d, "__file__", f);
            heap.decref(f);
            heap.dicts.setItem(d, "__cached__", heap.None);
            setFile = true;
        }
        if (!stdin) {
            // pymain_get_importer: the script's absolute path is looked up as a path entry (a
            // directory or zip archive would run its __main__), which leaves None in the cache
            scriptImporterKey = java.nio.file.Path.of(filename).toAbsolutePath().toString();
            long sys = heap.dicts.getItem(sysModules, "sys");
            if (sys != 0 && isModule(sys)) Modules.noteScriptImporter(this, sys);
            long loader = imports == null ? 0 : imports.mainLoader(filename);
            if (loader != 0) {
                heap.dicts.setItem(d, "__loader__", loader);
                heap.decref(loader);
            }
        }
        try {
            runCode(code);
        } finally {
            if (setFile) {
                for (String k : new String[] {"__file__", "__cached__"}) {
                    long key = heap.strs.of(k);
                    try {
                        if (heap.dicts.getItem(d, key) != 0) heap.dicts.delItem(d, key);
                    } finally {
                        heap.decref(key);
                    }
                }
            }
        }
    }

    /** Compiles {@code source} in {@code mode}; SyntaxErrors are thrown as {@link dev.refheap.lang.PySyntaxError}. */
    long compile(String source, String filename, dev.refheap.lang.compiler.Compiler.Mode mode) {
        var warnings = new java.util.ArrayList<dev.refheap.lang.compiler.Compiler.Warning>();
        dev.refheap.lang.bytecode.CodeUnit unit;
        try {
            unit = dev.refheap.lang.compiler.Compiler.compile(source, filename, mode, warnings);
        } catch (dev.refheap.lang.PySyntaxError e) {
            compileWarnings(filename, warnings, true);  // those given before the error
            throw e;
        }
        return materialize(unit, warnings, source, filename, mode == dev.refheap.lang.compiler.Compiler.Mode.EXEC);
    }

    /**
     * A compiled unit as a code object, its warnings shown and its source kept for tracebacks (what
     * compile does after the compiler). A {@code program} is compiled as the reference semantics
     * compile it, by the builtin compile() ({@link #firstCompile}), and the compiler's const cache
     * passes through the tuple free lists (see {@link Materializer}): a program's first statement
     * finds the free 1-tuples CPython's does.
     */
    private long materialize(dev.refheap.lang.bytecode.CodeUnit unit, List<dev.refheap.lang.compiler.Compiler.Warning> warnings,
                             String source, String filename, boolean program) {
        // python3's linecache finds no source for -c programs and REPL inputs, so their tracebacks
        // show no lines (and REPL inputs, all named <stdin>, would show each other's lines)
        if (!filename.equals("<string>") && !filename.equals("<stdin>")) lineCache.register(filename, source);
        compileWarnings(filename, warnings, true);
        if (program) firstCompile();
        return Materializer.materialize(this, unit, program);
    }

    /** Whether a compile standing for CPython's builtin compile() (the program's, or compile()'s) has begun. */
    boolean compiled;

    /**
     * What 3.11's first compile() of a process does to the free lists before it compiles: its
     * PyAST_Check runs get_ast_state, whose init_types makes the 118 _ast classes, and their bases
     * and field tuples take every free 1-tuple (hundreds are made; a start-up leaves a handful).
     * refheap makes those classes only when a program uses them ({@code import _ast}, compile() to
     * or from an AST: AstModule), since making them for every program costs some 0.15 s of
     * start-up; at the first compile the free 1-tuples are released to the allocator instead,
     * unless the classes exist already. Other free lists are left as they are (init_types also
     * takes most 2-, 4-, 5- and 6-tuples and dicts, which is not modelled).
     */
    void firstCompile() {
        if (compiled) return;
        compiled = true;
        if (!nativeModuleState.containsKey("_ast")) heap.tuples.releaseFreeList(1);
    }

    /**
     * compiler_warn for each of a compilation's SyntaxWarnings, in order: through the warnings
     * filters ({@link Warnings#warnExplicit}, module from the file name, no registry). One made an
     * error becomes the SyntaxError compiler_warn raises in its place, its text line read from the
     * file as CPython reads it; any other exception propagates. {@code javaError}: the SyntaxError
     * is thrown as the compiler's own errors are ({@link dev.refheap.lang.PySyntaxError}, for
     * callers of {@link #compile} and programs), else as a Python exception (compile(), imports).
     */
    void compileWarnings(String filename, List<dev.refheap.lang.compiler.Compiler.Warning> warnings, boolean javaError) {
        for (int i = 0; i < warnings.size(); i++) {
            var w = warnings.get(i);
            try {
                Warnings.warnExplicit(this, w.category(), w.message(), filename, w.line(), null, 0);
            } catch (PyException e) {
                if (!ops.isInstance(e.exc(), exceptionType(w.category()))) throw e;
                heap.decref(e.exc());
                if (w.category().equals("DeprecationWarning")) {
                    // the parser's error makes 3.11 tokenize the rest of the source: a tokenizer warning
                    // there that is an error too takes its place
                    for (int j = i + 1; j < warnings.size(); j++) {
                        var t = warnings.get(j);
                        if (!t.fromParser() || !t.category().equals("SyntaxWarning")) continue;
                        try {
                            Warnings.warnExplicit(this, t.category(), t.message(), filename, t.line(), null, 0);
                        } catch (PyException te) {
                            if (!ops.isInstance(te.exc(), exceptionType(t.category()))) throw te;
                            heap.decref(te.exc());
                            w = t;
                            break;
                        }
                    }
                }
                var x = w.asError();
                // the compiler's error reads its line from the file; the parser's (an escape) comes with its line
                String text = w.fromParser() ? x.text() : ExecBuiltins.fileLine(filename, x.line());
                var error = new dev.refheap.lang.PySyntaxError(x.kind(), x.msg(), filename, x.line(), x.column(), x.endLine(),
                        x.endColumn(), text, x.tokenizerError(), x.incomplete());
                if (javaError) throw error;
                throw new PyException(ExecBuiltins.syntaxError(this, error));
            }
        }
    }

    /**
     * Runs {@code source} as a whole program in __main__ (exec(compile(source)) semantics: compiled
     * whole, then run; the code object is released when it finishes).
     *
     * @throws PyException for an uncaught Python exception (see {@link #formatException})
     */
    public void exec(String source, String filename) {
        requireComplete();
        run(source, filename, dev.refheap.lang.compiler.Compiler.Mode.EXEC);
    }

    /**
     * Runs module {@code name} as __main__ ({@code refheap -m name}).
     *
     * @throws ImportSystem.MainModuleError when there is no such module to run
     */
    public void runModuleAsMain(String name) {
        if (stdio != null) {  // CPython's start-up ran (live or adopted): CPython's runpy runs the module
            runModuleThroughRunpy(name);
            return;
        }
        imports().prepareImportlib();  // runpy is imported before __main__ runs: its loader is BuiltinImporter
        long globals = mainGlobals();
        imports().runModuleAsMain(name, globals);
    }

    /**
     * pymain_run_module after CPython's start-up: {@code runpy} imported as PyImport_ImportModule
     * imports it (PyImport_Import with no frame running: an empty fromlist, globals made of the
     * builtins module alone, {@code __import__} called with a 5-tuple), then
     * {@code runpy._run_module_as_main(name, True)} called with a packed 2-tuple. runpy finds the
     * module, sets sys.argv[0] to its file and runs it in {@code __main__}'s dict; a module that
     * cannot be run is runpy's SystemExit ("EXECUTABLE: No module named NAME"), as with python3.
     */
    private void runModuleThroughRunpy(String name) {
        mainGlobals();  // add_main_module made it during start-up; made here if the start-up left none
        long runpyName = heap.strs.of("runpy");
        long runpy;
        try {
            runpy = importModuleAsC(runpyName);
        } finally {
            heap.decref(runpyName);
        }
        try {
            long run = Attributes.get(this, runpy, "_run_module_as_main");
            try {
                long module = heap.strs.of(name);
                long args = heap.tuples.of(module, heap.True);
                heap.decref(module);
                try {
                    heap.decref(ops.call0(run, TupleType.item(args, 0), TupleType.item(args, 1)));
                } finally {
                    heap.decref(args);
                }
            } finally {
                heap.decref(run);
            }
        } finally {
            heap.decref(runpy);
        }
    }

    /**
     * PyImport_Import(name) called from C with no Python frame running: the empty fromlist list,
     * the stand-in globals {'__builtins__': builtins}, builtins' {@code __import__} called with
     * (name, globals, globals, fromlist, 0) packed in a tuple, then sys.modules[name]. A new reference.
     */
    long importModuleAsC(long name) {
        long fromList = heap.lists.alloc(0);
        long globals = 0, imp = 0;
        try {
            long builtins = heap.dicts.getItem(sysModules, "builtins");
            if (builtins == 0) throw error("ImportError", "builtins is not in sys.modules");
            globals = heap.dicts.create();
            heap.dicts.setItem(globals, names.__builtins__, builtins);
            imp = Attributes.get(this, builtins, "__import__");
            long zero = heap.ints.of(0);
            long args = heap.tuples.of(name, globals, globals, fromList, zero);
            heap.decref(zero);
            try {
                heap.decref(ops.call0(imp, name, globals, globals, fromList, TupleType.item(args, 4)));
            } finally {
                heap.decref(args);
            }
            long m = heap.dicts.getItem(sysModules, name);
            if (m == 0) throw error("KeyError", StrType.value(name));
            heap.incref(m);
            return m;
        } finally {
            heap.xdecref(imp);
            heap.xdecref(globals);
            heap.decref(fromList);
        }
    }

    /** Runs one notebook cell or REPL input in __main__; a final expression's repr is shown. */
    public void runCell(String source, String cellName) {
        run(source, cellName, dev.refheap.lang.compiler.Compiler.Mode.CELL);
    }

    /**
     * A whole program compiled before its runtime exists: the compiler needs no heap, so the
     * launcher compiles on the interpreter's thread while another links the heap's native
     * functions ({@code dev.refheap.memory.Native#prelink}). Holds the compiler's result, its
     * warnings not yet shown, or the SyntaxError that {@link #exec(Program)} raises.
     */
    public static final class Program {
        final String source, filename;
        final dev.refheap.lang.bytecode.CodeUnit unit;
        final List<dev.refheap.lang.compiler.Compiler.Warning> warnings = new ArrayList<>();
        final PySyntaxError error;

        private Program(String source, String filename) {
            this.source = source;
            this.filename = filename;
            dev.refheap.lang.bytecode.CodeUnit u = null;
            PySyntaxError e = null;
            try {
                u = dev.refheap.lang.compiler.Compiler.compile(source, filename, dev.refheap.lang.compiler.Compiler.Mode.EXEC, warnings);
            } catch (PySyntaxError x) {
                e = x;
            }
            unit = u;
            error = e;
        }

        /** Compiles {@code source} as {@link #exec(String, String)} would (on the calling thread). */
        public static Program compile(String source, String filename) {
            return new Program(source, filename);
        }
    }

    /** Runs a program compiled ahead: what {@link #exec(String, String)} does with the same source, after the compiler. */
    public void exec(Program program) {
        requireComplete();
        if (program.error != null) {
            compileWarnings(program.filename, program.warnings, true);  // those given before the error
            throw program.error;
        }
        runAsMainProgram(materialize(program.unit, program.warnings, program.source, program.filename, true), program.filename);
    }

    private void run(String source, String filename, dev.refheap.lang.compiler.Compiler.Mode mode) {
        long code = compile(source, filename, mode);
        if (mode == dev.refheap.lang.compiler.Compiler.Mode.EXEC) runAsMainProgram(code, filename);
        else runCode(code);
    }

    /** Runs a module code object in __main__; the reference to {@code code} is consumed. */
    private void runCode(long code) {
        long globals = mainGlobals();
        boolean top = interpreter.current == null;
        if (top) {  // reported as a root while it runs: the program's frames are then at rest
            heldAdds++;
            held.add(code);
        }
        try {
            long r = interpreter.runModule(code, globals, top);
            heap.decref(r);
        } finally {
            if (top) held.remove(Long.valueOf(code));
            heap.decref(code);
        }
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, dev.refheap.lang.bytecode.CodeUnit> MODULE_UNITS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Runs a module implemented in Python source inside {@code module}'s dict. */
    void runModuleSource(long module, String name, String source) {
        // refheap's own module sources compile once per JVM (a CodeUnit is immutable; compiling
        // weakref's was most of a small program's time in the fuzzer, which makes a runtime per program)
        String filename = "<refheap:" + name + ">";
        var unit = MODULE_UNITS.computeIfAbsent(source, s -> dev.refheap.lang.compiler.Compiler.compile(
                s, filename, dev.refheap.lang.compiler.Compiler.Mode.EXEC, new ArrayList<>()));
        lineCache.register(filename, source);
        long code = Materializer.materialize(this, unit);
        try {
            heap.decref(interpreter.runModule(code, ModuleType.dict(module), false));
        } finally {
            heap.decref(code);
        }
    }

    /** What python3 prints for an uncaught exception; releases the exception. */
    public String formatException(PyException e) {
        return formatException(e, false);
    }

    /**
     * As {@link #formatException(PyException)}; {@code display}: as python3's own display
     * (PyErr_Display: the REPL, sys.excepthook) with 3.11's ". Did you mean" suggestions, which
     * the traceback module's text (the notebook's, the conformance runner's) lacks.
     */
    public String formatException(PyException e, boolean display) {
        try {
            return tracebacks.format(e.exc(), display);
        } finally {
            heap.decref(e.exc());
        }
    }

    /**
     * What python3 prints for an exception that ends the program; the exception stays alive, as at
     * exit: the runtime holds it (a root), so a heap check after the program counts it.
     */
    public String formatUncaught(PyException e) {
        return formatUncaught(e, false);
    }

    /** As {@link #formatUncaught(PyException)}; {@code display} as in {@link #formatException(PyException, boolean)}. */
    public String formatUncaught(PyException e, boolean display) {
        hold(e.exc());
        return tracebacks.format(e.exc(), display);
    }

    /** The exception's type name (e.g. ZeroDivisionError), without releasing it. */
    public String exceptionTypeName(PyException e) { return ops.qualifiedTypeNameOf(heap.typeOf(e.exc())); }

    /** str(exception), without releasing it. */
    public String exceptionMessage(PyException e) { return tracebacks.safeStr(e.exc()); }

    /** The exit status python3 uses for an uncaught SystemExit (releases the exception). */
    public int systemExitStatus(PyException e) {
        try {
            // handle_system_exit: the exception's code attribute (SystemExit(3, 4).code is the tuple)
            long key = heap.strs.internedOf("code");
            long code;
            try {
                code = ops.getAttrOrNull(e.exc(), key);
            } finally {
                heap.decref(key);
            }
            try {
                // what is printed goes through sys.stderr (PyFile_WriteObject, then PySys_WriteStderr's
                // newline), after what the program left in its buffer
                if (code == 0) {  // no code attribute: the exception itself is printed
                    writeStderr(strOrEmpty(e.exc()) + "\n");
                    return 1;
                }
                if (code == heap.None) return 0;
                if (ops.baseView(code) instanceof dev.refheap.object.IntType) {  // PyLong_AsLong: -1 past a C long
                    return dev.refheap.object.IntType.fitsLong(code) ? (int) dev.refheap.object.IntType.asLong(code) : -1;
                }
                writeStderr(strOrEmpty(code) + "\n");  // a str() that fails writes nothing before the newline
                return 1;
            } finally {
                heap.xdecref(code);
            }
        } finally {
            heap.decref(e.exc());
        }
    }

    private String strOrEmpty(long o) {
        try {
            return ops.str(o);
        } catch (PyException e) {
            heap.decref(e.exc());
            return "";
        }
    }

    /** The Python type name of an uncaught exception (SystemExit handling). */
    public boolean isSystemExit(PyException e) {
        return ops.isInstance(e.exc(), exceptionType("SystemExit"));
    }

    /** Whether {@code e} is a KeyboardInterrupt (uncaught, python3 then ends killed by SIGINT). */
    public boolean isKeyboardInterrupt(PyException e) {
        return ops.isInstance(e.exc(), exceptionType("KeyboardInterrupt"));
    }

    /**
     * What CPython 3.11 does after the program when the process exits (Py_FinalizeEx), as far as a
     * program can see it: threading._shutdown() (joins the non-daemon threads), the atexit callbacks, newest first (weakref.finalize's among them: CPython's
     * weakref.py registers finalize._exitfunc with atexit when the first finalize is made); the release of the
     * exception that ended the program ({@code uncaught}, may be null: sys.last_value); sys.modules
     * emptied and a collection; the globals of modules still alive cleared, names starting with '_'
     * first, and a last collection. The finalizers and weakref callbacks this triggers run, and
     * print, as they would there. The runtime is not closed: the heap stays inspectable.
     */
    public void finalizeAtExit(PyException uncaught) {
        Threads.shutdown(this);  // wait_for_thread_shutdown: threading._shutdown() joins the non-daemon threads
        for (int i = exitHooks.size() - 1; i >= 0; i--) exitHooks.get(i).run();
        finalizing = true;  // sys.is_finalizing() from here on: the finalizers the module clearing runs see it
        if (stdio != null) stdio.flushStdFiles();  // Py_FinalizeEx's flush_std_files, after atexit
        if (gil.active) gil.finalizeOn(interpreter);  // daemon threads stop when they next ask for the lock
        if (uncaught != null) {
            long exc = uncaught.exc();
            held.remove(Long.valueOf(exc)); // formatUncaught handed its reference to the runtime's roots
            heap.decref(exc);
        }
        if (gc.isEnabled()) gc.collect(2); // PyGC_Collect() before the modules go: the last one gc.callbacks see
        deleteSpecialAtExit();
        List<Long> alive = new ArrayList<>();
        List<Long> keys = new ArrayList<>();
        long[] mods = new long[(int) DictType.size(sysModules)];
        int nm = 0;
        for (long ix = DictType.nextEntry(sysModules, 0); ix >= 0; ix = DictType.nextEntry(sysModules, ix + 1)) {
            keys.add(DictType.entryKeyAt(sysModules, ix));
            if (nm < mods.length) mods[nm++] = DictType.entryValueAt(sysModules, ix);
        }
        // Which of the modules the runtime holds, from one pass over its held list (~770 objects
        // after CPython's start-up) rather than a scan of the whole list per module (1.1-1.3 ms of
        // a cold exit): a module it did not hold then, while nothing was held since, is not held.
        Arrays.sort(mods, 0, nm);
        boolean[] modHeld = new boolean[nm];
        for (long h : held) {
            int i = Arrays.binarySearch(mods, 0, nm, h);
            if (i >= 0) modHeld[i] = true;
        }
        long heldAddsBefore = heldAdds;
        for (long k : keys) heap.incref(k);
        for (long k : keys) {
            long m = heap.dicts.getItem(sysModules, k);
            if (m != 0 && isModule(m)) {  // finalize_remove_modules: a module's entry becomes None, a weakref kept
                alive.add(heap.weakrefs.newRef(m, 0));
                heap.incref(m);
                heap.dicts.setItem(sysModules, k, heap.None);
                int i = heldAdds == heldAddsBefore ? Arrays.binarySearch(mods, 0, nm, m) : -1;
                if ((i < 0 || modHeld[i]) && held.remove(Long.valueOf(m))) heap.decref(m);
                heap.decref(m);
            }
            heap.decref(k);
        }
        heap.dicts.clear(sysModules);  // finalize_clear_modules_dict: the Nones and whatever else sys.modules held
        gc.collectNoFail(2);
        dumpGcShutdownStats();
        // finalize_modules_clear_weaklist: the modules still alive, the latest imported first, have
        // their dicts wiped (sys's and builtins' come after), each module held meanwhile: its own
        // functions may be all that keeps it (their m_self), and they go with its dict
        for (int i = alive.size() - 1; i >= 0; i--) {
            long m = WeakrefType.referent(alive.get(i));
            if (m == heap.None || !isModule(m) || ModuleType.dict(m) == 0) continue;  // sys.modules may hold any object
            long d = ModuleType.dict(m);
            if (d == builtinsDict || d == sysDict) continue;
            heap.incref(m);
            clearModuleDict(d);
            heap.decref(m);
        }
        // finalize_clear_sys_builtins_dict: sys's dict and the builtins' emptied
        if (sysDict != 0) heap.dicts.clear(sysDict);
        heap.dicts.clear(builtinsDict);
        gc.collectNoFail(2);
        for (long wr : alive) heap.decref(wr);
        if (stdio != null) stdio.flushOriginals();
        out.flush();
        err.flush();
    }

    /** sys attributes finalize_modules_delete_special sets to None before the modules go. */
    private static final String[] SYS_DELETES = {"path", "argv", "ps1", "ps2", "last_type", "last_value", "last_traceback",
            "path_hooks", "path_importer_cache", "meta_path", "__interactivehook__"};

    /**
     * 3.11's finalize_modules_delete_special, the exit's first step on the modules: builtins._ and
     * the sys attributes where user values hide (sys.path, sys.meta_path, sys.last_value...) become
     * None, and sys.stdin/stdout/stderr are put back to sys.__stdin__/__stdout__/__stderr__. An
     * import from a finalizer after this fails ("sys.meta_path is None, Python is likely shutting down").
     */
    private void deleteSpecialAtExit() {
        heap.dicts.setItem(builtinsDict, "_", heap.None);
        long sys = heap.dicts.getItem(sysModules, "sys");
        if (sys == 0 || !isModule(sys) || ModuleType.dict(sys) == 0) return;
        long d = ModuleType.dict(sys);
        for (String name : SYS_DELETES) heap.dicts.setItem(d, name, heap.None);
        for (String name : new String[] {"stdin", "stdout", "stderr"}) {
            long orig = heap.dicts.getItem(d, "__" + name + "__");
            heap.dicts.setItem(d, name, orig != 0 ? orig : heap.None);
        }
    }

    /**
     * _PyGC_DumpShutdownStats, after the collection that follows emptying sys.modules: when gc.garbage
     * is not empty (and DEBUG_SAVEALL is off), a ResourceWarning "gc: N uncollectable objects at
     * shutdown", filed as from module "gc", line 0; with DEBUG_UNCOLLECTABLE the list's repr
     * follows on stderr. The warning goes through the _warnings state's filters ({@link Warnings}: the
     * warnings module is gone from sys.modules, so the filters are the ones the last warning saw,
     * warnings.filters itself unless catch_warnings replaced it) and, shown, is written to stderr.
     */
    private void dumpGcShutdownStats() {
        long garbage = gcModel.garbage();
        long n = dev.refheap.object.ListType.size(garbage);
        boolean listThem = (gc.debug() & CycleCollector.DEBUG_UNCOLLECTABLE) != 0;
        if ((gc.debug() & CycleCollector.DEBUG_SAVEALL) != 0 || n == 0) return;
        String message = "gc: " + n + " uncollectable objects at shutdown"
                + (listThem ? "" : "; use gc.set_debug(gc.DEBUG_UNCOLLECTABLE) to list them");
        try {
            Warnings.warnExplicit(this, "ResourceWarning", message, "gc", 0, "gc", 0);
        } catch (PyException e) {
            writeUnraisable(e.exc(), null, 0);
        }
        if (listThem) {
            try {
                err.print("      " + ops.repr(garbage) + "\n");
                err.flush();
            } catch (PyException e) {
                writeUnraisable(e.exc(), null, garbage);
            }
        }
    }

    /**
     * _PyModule_ClearDict: names starting with one '_' are set to None first, then all others but
     * __builtins__ (a '_' name a finalizer set again meanwhile too). Each pass walks the entries by
     * position as PyDict_Next does, so a name a finalizer adds behind the walk is cleared too, and
     * reads each name's first characters in place.
     */
    private void clearModuleDict(long d) {
        for (int pass = 0; pass < 2; pass++) {
            for (long ix = DictType.nextEntry(d, 0); ix >= 0; ix = DictType.nextEntry(d, ix + 1)) {
                long k = DictType.entryKeyAt(d, ix);
                if (DictType.entryValueAt(d, ix) == heap.None || !Heap.isStr(k)) continue;
                long n = StrType.length(k);
                boolean first = n > 0 && StrType.codePointAt(k, 0) == '_';
                if (pass == 0 ? !first || (n > 1 && StrType.codePointAt(k, 1) == '_') : first && n == 12 && StrType.contentEquals(k, "__builtins__")) continue;
                heap.incref(k);
                if (!heap.dicts.replaceValueAt(d, ix, k, heap.None)) heap.dicts.setItem(d, k, heap.None);
                heap.decref(k);
            }
        }
    }

    /** Runs the heap verifier (for --gc-stress and tests). */
    public List<String> verify() { return HeapVerifier.verify(heap, gc); }

    /**
     * Tears down: releases modules and builtins, collects the cycles that leaves, closes the heap.
     * Objects still alive are not reported (a program may legitimately leave cycles with finalizers).
     */
    /**
     * Frees the heap's native memory of a runtime whose program was abandoned in the middle of an
     * operation (its thread unwound by an Error): nothing is deallocated and no Python code runs;
     * the runtime is unusable afterwards.
     */
    public void abandon() {
        if (heap.isClosed()) return;
        closing = true;
        OsSignals.release(this);  // the process's signals go back to what they were before this runtime set them
        if (gil.active) gil.closeHeap(interpreter);
        heap.abandon();
    }

    @Override
    public void close() {
        if (heap.isClosed()) return;
        // From here on no __del__ and no weakref callback runs (they would run Python code on
        // released builtins and modules: a JVM crash, found by the memory fuzzer); a program's
        // finalizers at exit are finalizeAtExit's business.
        closing = true;
        OsSignals.release(this);  // the process's signals go back to what they were before this runtime set them
        if (gil.active) gil.closeHeap(interpreter);  // the program's threads never run again
        heap.removeRootProvider(mainInterpreter);
        subclasses.forgetBuiltinDicts();
        for (long t : retypedStaticTypes) dev.refheap.memory.Native.putLong(t + dev.refheap.object.Layout.OB_TYPE, heap.typeType.address());
        retypedStaticTypes.clear();
        List<Long> drop = new ArrayList<>(held);
        for (long o : new long[] {mainInterpreter.context, mainInterpreter.tsDict, mainInterpreter.profileObj, mainInterpreter.traceObj}) if (o != 0) drop.add(o);
        mainInterpreter.context = mainInterpreter.tsDict = mainInterpreter.profileObj = mainInterpreter.traceObj = 0;
        mainInterpreter.useTracing = false;
        held.clear();
        for (int i = drop.size() - 1; i >= 0; i--) heap.decref(drop.get(i));
        gc.collectNoFail(2);  // as CPython's collections at exit: gc.callbacks do not run on the released runtime
        gcModel.dispose();
        try {
            heap.close();
        } catch (dev.refheap.object.HeapLeakException ignored) {
            // CPython does not free everything at exit either.
        }
    }
}

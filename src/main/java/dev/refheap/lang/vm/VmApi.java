package dev.refheap.lang.vm;

import dev.refheap.lang.PySyntaxError;
import dev.refheap.lang.bytecode.CodeUnit;
import dev.refheap.object.Heap;
import dev.refheap.object.ListType;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.util.function.LongConsumer;

/**
 * The VM's services for the packages built on it (the importer, native modules): module objects,
 * compiling and running code, attribute access, calls and Python exceptions. A thin public face
 * over the package-private runtime; it holds no state of its own.
 *
 * <p>Reference rules as everywhere in the VM: arguments are borrowed, results are new references
 * unless a method says "borrowed", errors are thrown as {@link PyException}.
 */
public final class VmApi {
    private final Runtime rt;
    /**
     * The VM's own built-in modules ({@link Modules#isBuiltinName}); sys.builtin_module_names adds
     * the import system's built-in native ones ({@link ImportSystem#builtinModuleNames}).
     */
    public static final java.util.List<String> VM_MODULE_NAMES = java.util.List.of("_warnings", "_weakref", "builtins", "ctypes", "gc", "refheap", "sys", "time");

    public final Heap heap;

    public VmApi(Runtime rt) {
        this.rt = rt;
        this.heap = rt.heap;
    }

    public Runtime runtime() { return rt; }

    /**
     * The Python frames running now, innermost first, as tracemalloc records them: the first
     * {@code files.length} frames' co_filename and line (3.11's PyCode_Addr2Line of the last
     * instruction) go into {@code files} and {@code lines}; returns how many frames there are in
     * all (the caller stores at most {@code files.length}). Incomplete frames (still in their
     * MAKE_CELL/COPY_FREE_VARS prologue, e.g. allocating a cell) are passed over, as 3.11's
     * traceback_get_frames does. Reads the frame chain only: allocates nothing on the heap and
     * moves no refcount.
     */
    public int stackFrames(String[] files, int[] lines) {
        int total = 0;
        for (Frame f = Frame.complete(rt.interpreter.current); f != null; f = Frame.complete(f.back)) {
            if (total < files.length) {
                files[total] = f.code.unit.filename();
                lines[total] = Math.max(0, f.line());
            }
            total++;
        }
        return total;
    }

    /** True while the runtime is being closed: finalizers run no Python code then (as {@code __del__} does not). */
    public boolean closing() { return rt.closing; }

    /**
     * Where a write to {@code fileio} goes instead of its descriptor: the embedder's stdout or
     * stderr stream when {@code fileio} is the raw stream under sys.stdout or sys.stderr that
     * {@code --startup=cpython} made in a runtime whose output the embedder captures; else null.
     */
    public java.io.PrintStream stdSink(long fileio) { return rt.stdio == null ? null : rt.stdio.sink(fileio); }

    /**
     * A sandboxed runtime (the web page's programs) reads no file but the standard library's
     * sources: anything else is refused with PermissionError-like OSError before it is opened.
     */
    public void checkRead(java.nio.file.Path file, java.nio.file.Path stdlib) {
        if (!rt.sandboxed) return;
        java.nio.file.Path f = file.toAbsolutePath().normalize();
        if (stdlib != null && f.startsWith(stdlib.toAbsolutePath().normalize())) return;
        throw rt.error("OSError", "refheap serve does not let programs read files: '" + file + "'");
    }

    /**
     * The modules a sandboxed runtime may not import, whoever provides them: the file system,
     * processes and the network ({@code socket}, {@code os}, {@code io} and their kin fail on
     * these). A module that offers such access only in some functions is refused whole until it
     * checks the sandbox itself.
     */
    private static final java.util.Set<String> SANDBOX_REFUSED = java.util.Set.of("_socket", "_ssl", "select", "mmap", "fcntl",
            "termios", "resource", "_posixsubprocess", "posix", "nt", "_io", "pwd", "grp", "_multiprocessing", "_posixshmem");

    /** Whether this is a sandboxed runtime (refheap serve's page programs): see {@link #checkImport}. */
    public boolean sandboxed() { return rt.sandboxed; }

    /** In a sandboxed runtime, refuses a top-level import of {@code name} that would give file, process or network access. */
    public void checkImport(String name) {
        if (rt.sandboxed && SANDBOX_REFUSED.contains(name)) {
            throw rt.error("ImportError", "refheap serve does not let programs import '" + name + "' (no file, process or network access from the page)");
        }
    }

    // ---- modules --------------------------------------------------------------------------------

    /** sys.modules (borrowed): the real dict import consults and fills. */
    public long sysModules() { return rt.sysModules; }

    /** interp->sysdict: the sys module's dict (borrowed) whatever sys.modules holds now, 0 before sys exists. */
    public long sysDict() { return rt.sysDict; }

    /**
     * A new, empty module named {@code name}, as PyModule_New makes it: its dict holds __name__,
     * __doc__, __package__, __loader__ and __spec__ (None but the name), so that what a native
     * module's set-up adds comes after them and importlib's _init_module_attrs keeps that order.
     */
    public long newModule(String name) {
        long m = rt.moduleType.create(name);
        long d = ModuleType.dict(m);
        heap.dicts.setItem(d, "__package__", heap.None);
        heap.dicts.setItem(d, "__loader__", heap.None);
        heap.dicts.setItem(d, "__spec__", heap.None);
        return m;
    }

    public boolean isModule(long o) { return rt.isModule(o); }

    /** The module's dict (borrowed). */
    public long moduleDict(long m) { return ModuleType.dict(m); }

    /** A new instance of one of the VM's own built-in modules (sys, gc, ...), or 0 if it has none of that name. */
    public long createBuiltinModule(String name) { return Modules.createBuiltin(rt, name); }

    /** Gives native module {@code m} CPython 3.11's docstring for module {@code name}, if refheap has it (Modules.giveDoc). */
    public void giveModuleDoc(long m, String name) { Modules.giveDoc(rt, m, name); }

    /** Whether {@code name} is one of the VM's own built-in modules. */
    public boolean isBuiltinModuleName(String name) { return Modules.isBuiltinName(name); }

    /** Defines {@code module.name} as a function implemented in Java. */
    public void def(long module, String name, Builtin impl) { Modules.def(rt, module, name, impl); }

    /** The same, with the docstring {@code name.__doc__} gives (CPython's, for a library that copies it). */
    public void def(long module, String name, String doc, Builtin impl) { Modules.def(rt, module, name, doc, impl); }

    /**
     * {@code impl} under key {@code module.name} ({@link NativeFunction}) as a module's function
     * is: for a module's builtin that is not in its dict (a callback made per call), so that a
     * start-up image finds it again in the module's function table.
     */
    public Builtin keyedFunction(String module, String name, Builtin impl) { return Modules.moduleFunction(rt, module, name, impl); }

    /** Gives a native module's type its type object in this runtime; returns it. */
    public <T extends NativeType> T registerType(T type) {
        if (type.hasFlag(PyType.HEAPTYPE)) return registerHeapType(type, 0);
        heap.register(type);
        rt.readiedAfterConstructor(type);
        return type;
    }

    /**
     * Registers a type CPython 3.11 makes as a heap type (PyType_FromSpec, PyType_FromModuleAndSpec
     * with {@code module}, borrowed, 0 for none; HEAPTYPE in the type's flags): its type object a
     * GC-tracked heap object ({@link HeapTypeObjects}) with its name, bases {@code (base,)}, tp_base
     * and ht_module, the runtime holding its own reference (the module state's). Its methods and
     * descriptors are then defined as a static type's are, in the order PyType_Ready makes them;
     * {@link #readyHeapType} makes its dict and mro once they are.
     */
    public <T extends NativeType> T registerHeapType(T type, long module) {
        if (!type.hasFlag(PyType.HEAPTYPE)) throw new IllegalArgumentException(type.name() + " is not a heap type");
        long quiet = HeapTypeObjects.quietStart(rt, type.name());
        if (quiet >= 0) rt.quietHeapTypes.put(type, quiet);
        long t = HeapTypeObjects.allocate(rt, type, 0);
        rt.typeAttrs.put(type, new java.util.LinkedHashMap<>());  // the dict's order is the definitions'
        HeapTypeObjects.fill(rt, type, type.name(), type.base() != null ? type.base() : heap.objectType, module);
        rt.hold(t);
        return type;
    }

    /**
     * The end of PyType_FromSpec for a type {@link #registerHeapType} made, once its methods and
     * descriptors are defined: the dict (those, then {@code __doc__} from tp_doc, None without one,
     * and {@code __module__} from the spec's name), owned by the type object, its mro, and its weak
     * reference in its base's subclasses. Nothing for a runtime adopting a start-up image (the
     * image has the objects).
     */
    public void readyHeapType(NativeType type) {
        if (!type.hasFlag(PyType.HEAPTYPE) || type.definingForImage()) return;
        long t = type.address();
        java.util.Map<String, Long> extra = new java.util.LinkedHashMap<>();
        if (!rt.typeAttrs.get(type).containsKey("__doc__")) {
            String raw = BuiltinDocs.startupDoc(type.name());
            if (raw != null) extra.put("__doc__", raw == BuiltinDocs.NULL ? incref(heap.None) : heap.strs.of(BuiltinDocs.withoutSignature(type.name(), raw)));
        }
        String q = type.name();
        extra.put("__module__", heap.strs.of(q.lastIndexOf('.') < 0 ? "builtins" : q.substring(0, q.lastIndexOf('.'))));
        HeapTypeObjects.setDict(t, rt.slotWrappers.heapTypeDict(type, extra));
        PyType base = type.base() != null ? type.base() : heap.objectType;
        long mro = HeapTypeObjects.setMro(rt, type, rt.builtinTypeInfo.mro(base));
        rt.builtinTypeInfo.setHeapTypeTuples(type, HeapTypeObjects.bases(t), mro);
        if (rt.subclasses != null) rt.subclasses.addReadied(type);
        Long quiet = rt.quietHeapTypes.remove(type);
        if (quiet != null) HeapTypeObjects.quietEnd(rt, quiet);
    }

    /**
     * The state a native module keeps for the runtime's life (its types, registered once even when
     * the module is imported again after leaving sys.modules): made by {@code init} on first use.
     */
    @SuppressWarnings("unchecked")
    public <S> S moduleState(String module, java.util.function.Supplier<S> init) {
        return (S) rt.nativeModuleState.computeIfAbsent(module, k -> init.get());
    }

    /** The type whose type object is at {@code address} (a native module's state restored from an image names its types so). */
    public PyType typeAt(long address) {
        PyType t = heap.typeAt(address);
        if (t.address() != address) throw new IllegalStateException("no type object at 0x" + Long.toHexString(address));
        return t;
    }

    /**
     * PyErr_CheckSignals: runs the handlers of tripped signals (Ctrl-C's raises KeyboardInterrupt)
     * and a tool's pending interrupt: for native loops that can run long without a Python-level
     * call or jump, such as the regular-expression engine.
     */
    public void checkInterrupt() {
        rt.checkInterrupt();
    }

    /** The {@code _signal} module's handler table (a held list indexed by signal number): where tripped signals find their handlers. */
    public void setSignalHandlers(long handlers) { rt.signals.handlers = handlers; }

    /** Whether {@code signal.signal} of this runtime has set a signal's disposition in the process (a start-up image cannot carry it). */
    public boolean setsSignalDispositions() { return OsSignals.setBy(rt); }

    /**
     * Gives the process's signal {@code signum} the disposition {@code signal.signal} asked for
     * (the default action, ignored, or this runtime's Python handler); a signal the JVM keeps is
     * NotImplementedError naming it.
     */
    public void setSignalDisposition(int signum, OsSignals.Disposition d) {
        try {
            OsSignals.set(rt, signum, d);
        } catch (OsSignals.Refused e) {
            throw rt.error("NotImplementedError", "refheap cannot set the handler of " + e.getMessage());
        }
    }

    /**
     * A signal this process sends itself ({@code os.kill(os.getpid(), sig)}, {@code raise_signal})
     * whose handler is a Python one: tripped here and its handlers run before the call returns, as
     * CPython's do at the eval breaker right after it (the JVM would deliver it on its own thread,
     * later). Returns false, doing nothing, when the signal has no Python handler (the caller then
     * sends it for real: its default action, or nothing if ignored).
     */
    public boolean deliverOwnSignal(int signum) {
        PendingSignals ps = rt.signals;
        if (signum < 1 || signum > 64) return false;
        boolean python = ps.handlers == 0 ? signum == PendingSignals.SIGINT : isCallable(ListType.item(ps.handlers, signum));
        if (!python) return false;
        ps.trip(signum);
        if (onMainThread()) checkInterrupt();
        return true;
    }

    /**
     * The wait of a blocking system call, as CPython's around read(2): {@code ready} (a check that
     * waits at most a short slice and touches no Python object) runs without the interpreter lock
     * until it says true; when a signal is tripped or a tool interrupts, its handlers run with the
     * lock (Ctrl-C's KeyboardInterrupt goes on from here, as after read(2)'s EINTR), and a handler
     * that returns lets the wait go on (PEP 475). The JVM delivers a signal to a thread of its own,
     * never as EINTR to the thread blocked in the call: so a call that can block for long waits
     * here first and is made once it will not block.
     */
    public void awaitReady(java.util.function.BooleanSupplier ready) {
        Interpreter me = rt.interpreter;
        while (true) {
            boolean ok = false;
            Interpreter released = Threads.releaseLock(rt);
            try {
                while (!me.interruptDue() && !(ok = ready.getAsBoolean())) {
                    // the next slice
                }
            } finally {
                Threads.reacquireLock(rt, released);
            }
            if (ok) return;
            me.takeInterrupts();
        }
    }

    /**
     * As {@link #awaitReady}, but an interrupt ends the wait without running its handlers: false
     * then, true when {@code ready} said so. For a call that has done part of its work (a write
     * that sent some bytes returns their count, as write(2) does when a signal arrives, and its
     * caller's check runs the handlers).
     */
    public boolean awaitReadyUnlessInterrupted(java.util.function.BooleanSupplier ready) {
        Interpreter me = rt.interpreter;
        Interpreter released = Threads.releaseLock(rt);
        try {
            while (!me.interruptDue()) {
                if (ready.getAsBoolean()) return true;
            }
            return false;
        } finally {
            Threads.reacquireLock(rt, released);
        }
    }

    /** _thread.interrupt_main(signum): the signal is tripped (as if it arrived) and the main thread runs its handler. */
    public void tripSignal(int signum) { rt.signals.trip(signum); }

    /**
     * signal.pause(): waits, without the interpreter lock, until a signal is tripped (or a tool
     * interrupts), then runs the handlers (PyErr_CheckSignals).
     */
    public void waitForSignal() {
        Interpreter me = rt.interpreter;
        Interpreter released = Threads.releaseLock(rt);
        try {
            while (!me.interruptDue()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    me.sigint = true;
                }
            }
        } finally {
            Threads.reacquireLock(rt, released);
        }
        me.takeInterrupts();
    }

    /** A new {@code mappingproxy} over {@code mapping} (borrowed). */
    public long mappingProxy(long mapping) { return rt.mappingProxyType.create(mapping); }

    /** {@code types.GenericAlias(cls, key)}: what a builtin type's __class_getitem__ gives. */
    public long genericAlias(long cls, long key) { return rt.genericAliasType.alias(cls, GenericAliasType.argsOf(heap, key)); }

    /** The builtins dict (borrowed). */
    public long builtinsDict() { return rt.builtinsDict; }

    /** Keeps {@code o} (a new reference) alive for the runtime's life (reported as a root); returns it. */
    public long hold(long o) { return rt.hold(o); }

    /** The command line as sys is built from it: argv, sys.path[0] (null: none), the standard library option. */
    public Runtime.MainConfig mainConfig() { return rt.mainConfig; }

    /** Runs {@code hook} when the program exits (Runtime.finalizeAtExit), before weakref.finalize's callbacks. */
    public void addExitHook(Runnable hook) { rt.exitHooks.add(hook); }

    /**
     * _PyErr_WriteUnraisableMsg: reports the exception (released) through sys.unraisablehook;
     * {@code errMsg} null is "Exception ignored in", {@code obj} (borrowed) the object it happened in.
     */
    public void writeUnraisable(PyException e, String errMsg, long obj) { rt.writeUnraisable(e.exc(), errMsg, obj); }

    // ---- code -----------------------------------------------------------------------------------

    /** Registers {@code source} for tracebacks (linecache) under {@code filename}. */
    public void registerSource(String filename, String source) { rt.lineCache.register(filename, source); }

    /** A code object for a compiled unit (as {@code compile} would make it). */
    public long materialize(CodeUnit unit) { return Materializer.materialize(rt, unit); }

    /**
     * A code object for a compiled unit that CPython 3.11 has deep-frozen in its binary (a frozen
     * standard library module's code: built at build time, static): the code objects and their
     * constants (tuples, strs, bytes, ints, floats) are static objects outside the arenas, with
     * CPython's counts (999,999,999 plus the references from heap objects), never freed and never
     * on a free list; its frozensets are made untracked; nothing counts toward count0. So a program
     * sees the collector's state, the allocated blocks and the refcounts CPython's import of that
     * module leaves ({@link dev.refheap.object.Heap#setDeepFreezing}).
     */
    public long materializeDeepFrozen(CodeUnit unit) {
        boolean was = rt.heap.setDeepFreezing(true);
        try {
            return Materializer.materialize(rt, unit);
        } finally {
            rt.heap.setDeepFreezing(was);
        }
    }

    /**
     * The deep-frozen module code objects the heap has (static code objects named {@code <module>},
     * made by {@link #materializeDeepFrozen} here or in the runtime whose start-up image this one
     * adopted), by co_filename.
     */
    public java.util.Map<String, Long> deepFrozenModuleCodes() {
        java.util.Map<String, Long> found = new java.util.HashMap<>();
        long codeType = rt.codeType.address();
        rt.heap.forEachStaticObject(o -> {
            if (dev.refheap.object.Heap.typeAddress(o) != codeType) return;
            if (!"<module>".equals(dev.refheap.object.StrType.value(LangType.get(o, CodeType.NAME)))) return;
            found.put(dev.refheap.object.StrType.value(LangType.get(o, CodeType.FILENAME)), o);
        });
        return found;
    }

    /** A Python SyntaxError (or IndentationError/TabError) for a compiler error, as an exception to throw. */
    public PyException syntaxError(PySyntaxError e) {
        return new PyException(ExecBuiltins.syntaxError(rt, e));
    }

    /** Runs a module-level code object with {@code globals} as globals and locals. */
    public void exec(long code, long globals) {
        heap.decref(rt.interpreter.runModule(code, globals, false));
    }

    // ---- objects --------------------------------------------------------------------------------

    public long incref(long o) {
        heap.incref(o);
        return o;
    }

    public long str(String s) { return heap.strs.of(s); }

    /** The NotImplemented singleton (borrowed). */
    public long notImplemented() { return rt.notImplemented; }

    public long internedStr(String s) { return heap.strs.internedOf(s); }

    public boolean isStr(long o) { return Heap.isStr(o); }

    public String strValue(long o) { return StrType.value(o); }

    /** The codec refheap has for an encoding name (its aliases as CPython's codec registry spells them), or null. */
    public String codecName(String encoding) { return Codecs.normalize(encoding); }

    /** PyUnicode_EncodeFSDefault: str to bytes in the file system encoding (utf-8, or ascii under the C locale outside UTF-8 mode) with surrogateescape. */
    public long fsEncode(long str) { return encode(str, rt.fsEncoding(), "surrogateescape"); }

    /** PyUnicode_DecodeFSDefault: bytes to a new str in the file system encoding with surrogateescape. */
    public long fsDecode(byte[] b) { return decode(b, rt.fsEncoding(), "surrogateescape"); }

    /** sys.flags.utf8_mode (PEP 540). */
    public boolean utf8Mode() { return rt.utf8Mode(); }

    /** A text file's encoding when none is given: "utf-8" in UTF-8 mode, else the locale's codeset now. */
    public String defaultTextEncoding() { return rt.defaultTextEncoding(); }

    public String repr(long o) { return rt.ops.repr(o); }

    /** repr(o) by builtin type {@code t}'s tp_repr (o has t's layout): PyDict_Type.tp_repr(o) and the like. */
    public String reprAs(PyType t, long o) { return rt.ops.reprAs(t, o); }

    public String toStr(long o) { return rt.ops.str(o); }

    /** {@code body}'s repr of o, or {@code recursive} when o's repr is already being computed (Py_ReprEnter). */
    public String reprRecursive(long o, String recursive, java.util.function.Supplier<String> body) {
        return rt.ops.reprRecursive(o, recursive, body);
    }

    /** Py_ReprEnter: 1 when o's repr is already being computed on this thread, else 0 (o is then marked). */
    public int reprEnter(long o) { return rt.ops.reprEnter(o); }

    /** Py_ReprLeave: o is no longer marked (when it was). */
    public void reprLeave(long o) { rt.ops.reprLeave(o); }

    /** PyThreadState_GetDict: the thread state's dict (borrowed), made on first use. */
    public long threadStateDict() { return rt.threadStateDict(); }

    /** tstate->dict: the thread state's dict (borrowed), or 0 when it has not been made. */
    public long threadStateDictIfMade() { return rt.threadStateDictIfMade(); }

    // ---- threads (see Threads and Gil) ------------------------------------------------------------

    /** _thread.start_new_thread: runs {@code func(*args, **kwargs)} on a new thread (kwargs may be 0); its ident. */
    public long startThread(long func, long args, long kwargs, long stackSize) { return Threads.start(rt, func, args, kwargs, stackSize); }

    /** A second thread was ever started (the interpreter lock is in use): waits can happen. */
    public boolean threadsStarted() { return rt.gil.active; }

    /** _thread._count(): the program's threads that are running. */
    public long threadCount() { return rt.gil.count(); }

    /** _set_sentinel: {@code lock} is released when the running thread's state is cleared. */
    public void setThreadSentinel(long lock) { Threads.setSentinel(rt, lock); }

    /**
     * acquire_timed: {@code tryTake} (an atomic take that touches no Python object: it also runs
     * without the interpreter lock) until it succeeds; timeout in nanoseconds (negative: for ever).
     */
    public boolean acquireLock(java.util.function.BooleanSupplier tryTake, long timeout) { return Threads.acquire(rt, tryTake, timeout); }

    /**
     * Py_BEGIN_ALLOW_THREADS around a blocking system call that touches no Python object: other
     * threads run meanwhile. Returns the token {@link #endAllowThreads} takes (null with one thread).
     */
    public Object allowThreads() { return Threads.releaseLock(rt); }

    /** Py_END_ALLOW_THREADS: waits for the interpreter lock again (before any Python object is touched). */
    public void endAllowThreads(Object token) { Threads.reacquireLock(rt, (Interpreter) token); }

    /** A Python lock was released: threads waiting for one look again. */
    public void lockReleased() { rt.gil.lockReleased(); }

    /** The running thread's current contextvars context (tstate->context, borrowed), 0 if none yet. */
    public long threadContext() { return rt.interpreter.context; }

    /** Sets the running thread's current context (takes the reference; the old one is the caller's to release). */
    public void setThreadContext(long ctx) { rt.interpreter.context = ctx; }

    /** faulthandler.dump_traceback's text for the running thread, or every thread. */
    public String dumpTracebacks(boolean allThreads) { return Threads.dumpTracebacks(rt, allThreads); }

    /** _Py_EnterRecursiveCall(where): one level of a native recursion on the thread's depth; RecursionError past the limit. */
    public void enterRecursiveCall(String where) { rt.interpreter.enterRecursiveCall(where); }

    /** _Py_LeaveRecursiveCall: the level {@link #enterRecursiveCall} counted is given back. */
    public void leaveRecursiveCall() { rt.interpreter.leaveRecursiveCall(); }

    /** The current thread's recursion depth as 3.11 counts it: Python frames and C-level recursions in progress. */
    public int recursionDepth() { return rt.interpreter.recursionDepth(); }

    /**
     * The Java implementation of builtin function {@code o} (its ml_meth: what a C module compares
     * with its own function's pointer), or null when {@code o} is not a builtin_function_or_method.
     */
    public Builtin builtinImpl(long o) {
        if (heap.typeOf(o) != rt.builtinFunctionType) return null;
        return NativeFunction.unwrap(rt.builtinFunctionType.entry(o).impl());
    }

    /** Whether the running thread is the main thread (signals and interrupt_main go there). */
    public boolean onMainThread() { return rt.interpreter == rt.mainInterpreter; }


    public String typeName(long o) { return rt.ops.typeName(o); }

    /** How argument clinic's type errors name an argument (_PyArg_BadArgument): "None", else its type's name. */
    public String argTypeName(long o) { return o == rt.heap.None ? "None" : rt.ops.typeName(o); }

    public boolean truthy(long o) { return rt.ops.truthy(o); }

    /** The truth of {@code o} (a new reference), which is released. */
    public boolean truthyNew(long o) {
        try {
            return rt.ops.truthy(o);
        } finally {
            heap.decref(o);
        }
    }

    /** o.name, or 0 if it has no such attribute (an AttributeError is swallowed). */
    public long getAttrOrNull(long o, String name) {
        long n = heap.strs.internedOf(name);
        try {
            return rt.ops.getAttrOrNull(o, n);
        } finally {
            heap.decref(n);
        }
    }

    /** _PyObject_LookupAttr: o.name, or 0 if it has no such attribute or getting it raised AttributeError (cleared). */
    public long lookupAttr(long o, long name) {
        return Attributes.getOrSwallow(rt, o, name);
    }

    /** As {@link #lookupAttr(long, long)} with the name as a Java string. */
    public long lookupAttr(long o, String name) {
        long n = heap.strs.internedOf(name);
        try {
            return lookupAttr(o, n);
        } finally {
            heap.decref(n);
        }
    }

    public void setAttr(long o, String name, long v) {
        long n = heap.strs.internedOf(name);
        try {
            rt.ops.setAttr(o, n, v);
        } finally {
            heap.decref(n);
        }
    }

    public boolean isCallable(long o) {
        PyType t = heap.typeOf(o);
        return Builtins.isCallable(rt, o) || rt.ops.lookupType(t, "__call__") != 0;
    }

    /** PyObject_RichCompareBool(a, b, Py_EQ), what containers compare items with: the same object is equal (a NaN too), else a == b. */
    public boolean equal(long a, long b) { return rt.ops.eqOrSame(a, b); }

    /** del list[i]. */
    public void listDelete(long list, long i) { heap.decref(heap.lists.pop(list, i)); }

    public long call(long callable, long... args) { return rt.ops.call0(callable, args); }

    /** Calls {@code each} with every item {@code iterable} yields (borrowed for the call). */
    public void forEach(long iterable, LongConsumer each) {
        long it = rt.ops.iter(iterable);
        try {
            for (long v = rt.ops.next(it); v != 0; v = rt.ops.next(it)) {
                try {
                    each.accept(v);
                } finally {
                    heap.decref(v);
                }
            }
        } finally {
            heap.decref(it);
        }
    }

    /** iter(o): a new reference; TypeError "'T' object is not iterable". */
    public long iter(long o) { return rt.ops.iter(o); }

    /**
     * The argument tuple _PyObject_MakeTpCall made for the type call running now, when it holds
     * exactly {@code a[off..off+n)} (a new reference), else 0: for a constructor that keeps
     * CPython's tuple rather than a copy (Builtins.callTypeObject).
     */
    public long packedCallArgs(long[] a, int off, int n) {
        long t = rt.typeCallArgs;
        if (t == 0 || TupleType.size(t) != n) return 0;
        for (int i = 0; i < n; i++) if (TupleType.item(t, i) != a[off + i]) return 0;
        return incref(t);
    }

    /** next(it): a new reference, or 0 when exhausted (StopIteration absorbed). */
    public long next(long it) { return rt.ops.next(it); }

    /** Calls {@code callable(*args[off:off+n])} with keyword names {@code kwnames} (or 0): a new reference. */
    public long callArgs(long callable, long[] args, int off, int n, long kwnames) { return rt.ops.call(callable, args, off, n, kwnames); }

    /** a op b (BINARY_OP's semantics: a's method, then b's reflected one): a new reference. */
    public long binary(dev.refheap.lang.bytecode.BinaryOp op, long a, long b) { return rt.ops.binaryOp(op, a, b); }

    /** The rich comparison a op b (op: CPython's Py_LT..Py_GE, 0..5): a new reference. */
    public long compare(int op, long a, long b) { return rt.ops.compare(op, a, b); }

    /** hash(o). */
    public long hash(long o) { return rt.ops.hash(o); }

    /** isinstance(o, t) for a type descriptor. */
    public boolean isInstanceOf(long o, PyType t) { return rt.ops.isInstance(o, t); }

    /** Whether o is a type object. */
    public boolean isType(long o) { return rt.ops.isTypeObject(o); }

    /** -o, +o, ~o (op "-", "+", "~"): a new reference. */
    public long unary(String op, long o) { return rt.ops.unary(op, o); }

    /** item in container. */
    public boolean contains(long container, long item) { return rt.ops.contains(container, item); }

    /** o[key] = v. */
    public void setItem(long o, long key, long v) { rt.ops.setItem(o, key, v); }

    /** del o[key]. */
    public void delItem(long o, long key) { rt.ops.delItem(o, key); }

    /** o.name for a str object {@code name}: a new reference; AttributeError when absent. */
    public long getAttr(long o, long name) { return rt.ops.getAttr(o, name); }

    /**
     * PyObject_GenericGetAttr(o, name) (a native type's {@code __getattribute__} slot wrapper): the
     * type's descriptors and the instance dict, never a class's own {@code __getattribute__} or
     * {@code __getattr__}; TypeError for a name that is not a str, AttributeError when absent.
     */
    public long genericGetAttr(long o, long name) {
        if (!Heap.isStr(name)) throw rt.typeError("attribute name must be string, not '" + rt.ops.typeName(name) + "'");
        if (!(heap.typeOf(o) instanceof ClassType)) return rt.ops.getAttr(o, name);
        long v = rt.ops.genericGetAttrOrNull(o, name, StrType.value(name), true);
        if (v == 0) throw rt.ops.attributeError(o, StrType.value(name));
        return v;
    }

    /**
     * PyObject_GenericSetAttr(o, name, v) ({@code v} 0 deletes; a native type's {@code __setattr__}
     * and {@code __delattr__} slot wrappers): the type's descriptors and the instance's dict (its
     * native base's where that keeps a subclass's attributes), never a class's own
     * {@code __setattr__} or {@code __delattr__}; TypeError for a name that is not a str.
     */
    public void genericSetAttr(long o, long name, long v) {
        if (!Heap.isStr(name)) throw rt.typeError("attribute name must be string, not '" + rt.ops.typeName(name) + "'");
        if (heap.typeOf(o) instanceof ClassType c) Attributes.genericSet(rt, o, c, name, StrType.value(name), v);
        else if (v != 0) rt.ops.setAttr(o, name, v);
        else rt.ops.delAttr(o, name);
    }

    /** len(o) (PyObject_Size): TypeError "object of type 'T' has no len()". */
    public long callLen(long o) { return rt.ops.len(o); }

    /** o[key]: a new reference. */
    public long getItem(long o, long key) { return rt.ops.getItem(o, key); }

    /** The qualified name CPython's messages use for a callable or type ({@code repr} of types without the class). */
    public String qualifiedTypeName(long typeObject) { return rt.ops.qualifiedTypeName(typeObject); }

    /**
     * A memoryview (its managed buffer made first, as PyMemoryView_FromBuffer makes it) over a new
     * bytes object holding {@code data}: what a buffered stream passes to its raw stream's write.
     */
    public long memoryViewOf(byte[] data) {
        long b = heap.bytes.of(data);
        try {
            return rt.memoryViewType.create(b);
        } finally {
            heap.decref(b);
        }
    }

    /** PyMemoryView_FromObject over an exporter (bytes, bytearray, a native type's buffer): a new view. */
    /** memoryview's unpack_single: the item of struct format {@code format} at {@code p} as a new object. */
    public long unpackItem(char format, long p) { return rt.memoryViewType.unpack(format, p); }

    public long memoryViewOver(long exporter) { return rt.memoryViewType.create(exporter); }

    /**
     * The integer ctypes type {@code typeObject} is (the VM's {@code c_int}, {@code c_ulong}...: its
     * width in bytes, negated for a signed type), or 0 when it is none of them.
     */
    public int ctypesIntType(long typeObject) {
        if (!rt.ops.isTypeObject(typeObject) || !(heap.typeAt(typeObject) instanceof Ctypes c)) return 0;
        return c.signed ? -c.width : c.width;
    }

    /** The builtin or native type whose layout {@code o} has (its own type, or a Python class's builtin base). */
    public PyType layoutType(long o) { return rt.ops.bufferView(o); }

    /** The builtin or native type whose layout instances of type object {@code cls} have (a Python class's builtin base). */
    public PyType layoutOfClass(long cls) {
        PyType t = heap.typeAt(cls);
        return t instanceof ClassType c && c.builtinBase != null ? c.builtinBase : t;
    }

    /**
     * A ctypes write of the low {@code width} bytes of {@code bits} to address {@code p}, which the
     * writing object does not own: done or refused as the write contract says (docs/architecture.md,
     * "ctypes writes").
     */
    public void ctypesStore(long p, int width, long bits) { Ctypes.storeChecked(rt, p, width, bits); }

    /** PyLong_AsVoidPtr of int {@code i}: an address (negative ones as a C long), OverflowError past 64 bits. */
    public long ctypesAddress(long i) { return Ctypes.addressArg(rt, i); }

    /**
     * A ctypes copy of {@code len} bytes from {@code src} to {@code p}, which no object of the
     * writer owns (memmove, memset with {@code src} 0: zeros... as {@link #ctypesFill}): done only
     * when the whole destination is one ctypes object's own buffer, else refused with the write
     * contract's ValueError.
     */
    public void ctypesStoreBytes(long p, long src, long len) { Ctypes.copyChecked(rt, p, src, len, (byte) 0, false); }

    /** memset's write of {@code len} bytes {@code b} at {@code p}, under the same rule as {@link #ctypesStoreBytes}. */
    public void ctypesFill(long p, byte b, long len) { Ctypes.copyChecked(rt, p, 0, len, b, true); }

    /**
     * Makes type object {@code typeObject} (a builtin or native type whose type is {@code type})
     * an instance of metaclass {@code meta} (a class derived from type), which it then holds a
     * reference to: ctypes' types are instances of PyCSimpleType, PyCStructType... as in CPython.
     */
    public void setMetaclass(long typeObject, long meta) {
        if (Heap.typeAddress(typeObject) == meta) return;
        if (Heap.typeAddress(typeObject) != heap.typeType.address()) throw new IllegalStateException("not an instance of type");
        if ((dev.refheap.memory.Native.getInt(typeObject + dev.refheap.object.Layout.TP_FLAGS) & PyType.HEAPTYPE) != 0) {
            throw new IllegalStateException("not a static type");
        }
        rt.hold(incref(meta));  // a root to the verifier: static memory's reference
        rt.retypedStaticTypes.add(typeObject);
        dev.refheap.memory.Native.putLong(typeObject + dev.refheap.object.Layout.OB_TYPE, meta);
    }

    /** A method descriptor of {@code type} (its self any class) named {@code name}, for a metaclass's namespace: a new reference. */
    public long typeMethodDescriptor(String name, Builtin impl) { return rt.methodDescrType.create(heap.typeType, name, impl); }

    /** Refuses (ValueError) a ctypes read of {@code len} bytes at {@code p} outside refheap's heap. */
    public void ctypesCheckRead(long p, long len) { Ctypes.checkRead(rt, p, len); }

    /** Records ({@code own} true) or forgets a ctypes object's own buffer, which writes through other objects may fill. */
    public void ctypesBuffer(long p, long size, boolean own) {
        if (own) Ctypes.ledger(rt).buffers.put(p, size);
        else Ctypes.ledger(rt).buffers.remove(p);
    }

    /**
     * The live object at address {@code p}, a new reference (py_object's value: CPython takes any
     * address for an object and crashes on one that is not; refheap refuses it with ValueError).
     */
    public long objectAtAddress(long p) {
        if (!heap.isLiveObject(p) || heap.refcount(p) <= 0) {
            throw rt.error("ValueError", "address 0x" + Long.toHexString(p)
                    + " is not a live object in refheap's heap: reading it as a py_object is refused");
        }
        return incref(p);
    }

    /**
     * A new instance of the VM's integer ctypes type {@code cls} reading {@code address} (from_address's),
     * whose {@code _b_base_} is {@code base} (0 for none; a pointer's contents).
     */
    public long ctypesIntAt(long cls, long address, long base) {
        long o = ((Ctypes) heap.typeAt(cls)).create(address, 0);
        if (base != 0) dev.refheap.memory.Native.putLong(o + Ctypes.B_BASE, incref(base));
        return o;
    }

    /** The address of the data of an instance of the VM's integer ctypes types (its own buffer's or the one it was placed at). */
    public long ctypesIntData(long o) { return dev.refheap.memory.Native.getLong(o + Ctypes.B_PTR); }

    /** The names of the C API functions refheap implements for {@code ctypes.pythonapi}, in order. */
    public java.util.List<String> cApiNames() { return CApi.FUNCTIONS.stream().map(f -> f[0]).toList(); }

    /** C API function {@code name}'s signature: {parameter kinds ('O' an object), result kind ('v', 'i', 'n')}, or null. */
    public String[] cApiSignature(String name) {
        String[] f = CApi.signature(name);
        return f == null ? null : new String[] {f[1], f[2]};
    }

    /** Calls refheap's C API function {@code name} with C argument words; its C result word. */
    public long cApiCall(String name, long[] args) { return CApi.call(rt, name, args); }

    /** Whether {@code o} is an instance of one of the VM's integer ctypes types. */
    public boolean isCtypesInt(long o) { return heap.typeOf(o) instanceof Ctypes; }

    /** The bytes a bytes-like object (bytes, bytearray, memoryview, a native exporter) exports, copied; null when it is not bytes-like. */
    public byte[] bytesLike(long o) { return BufferProtocol.bytesOrNull(rt, o); }

    /** The item size of the buffer {@code o} exports (Py_buffer.itemsize), or -1 when it exports none. */
    public long bufferItemsize(long o) { return BufferProtocol.itemsize(rt, o); }

    /** The bytearray type (PyByteArray_Check: {@code isInstanceOf(o, byteArrayType())}). */
    public PyType byteArrayType() { return rt.byteArrayType; }

    /** PySlice_Check. */
    public boolean isSlice(long o) { return heap.typeOf(o) == rt.sliceType; }

    /** PySlice_Unpack + PySlice_AdjustIndices of slice {@code s} for a sequence of {@code len}: {start, stop, step, slicelength}. */
    public long[] sliceIndices(long s, long len) { return Sequences.sliceIndices(rt, s, len); }

    /**
     * Writes {@code data} into a writable buffer at {@code offset} (bounds checked by the caller):
     * a bytearray, a writable C-contiguous memoryview or a native type's writable buffer; anything else is TypeError "argument must be
     * read-write bytes-like object, not T".
     */
    public void writeBuffer(long o, long offset, byte[] data) {
        if (heap.typeOf(o) == rt.memoryViewType) {
            rt.memoryViewType.write(o, offset, data);
            return;
        }
        if (rt.ops.bufferView(o) instanceof NativeType nt && nt.exportsBuffer()) {
            NativeType.Buffer b = nt.getBuffer(o);
            try {
                if (b.readonly()) throw rt.typeError("argument must be read-write bytes-like object, not " + rt.ops.typeName(o));
                if (data.length > 0) dev.refheap.memory.Native.copyFrom(data, 0, b.buf() + offset, data.length);
            } finally {
                nt.releaseBuffer(o);
            }
            return;
        }
        if (rt.ops.bufferView(o) != rt.byteArrayType) throw rt.typeError("argument must be read-write bytes-like object, not " + rt.ops.typeName(o));
        for (int i = 0; i < data.length; i++) dev.refheap.memory.Native.putByte(ByteArrayType.start(o) + offset + i, data[i]);
    }

    // ---- numbers --------------------------------------------------------------------------------

    public boolean isInt(long o) { return heap.typeOf(o) instanceof dev.refheap.object.IntType; }

    public boolean isFloat(long o) { return heap.typeOf(o) == heap.floats; }

    /** PyFloat_AsDouble: a float, an int, or an object with __float__ (then __index__); else TypeError "must be real number, not T". */
    public double asDouble(long o) {
        if (isFloat(o) || rt.ops.baseView(o) == heap.floats) return dev.refheap.object.FloatType.value(o);  // PyFloat_Check: a subclass's value, its __float__ not called
        if (isInt(o)) return Numbers.toDouble(rt, o);
        if (rt.ops.lookupType(heap.typeOf(o), "__float__") != 0) {
            // the result checked as PyFloat_AsDouble checks it: a float, a float subclass's value with the DeprecationWarning, else TypeError
            long r = Constructors.floatResult(rt, o, rt.ops.callMethod(o, "__float__"));
            try {
                return dev.refheap.object.FloatType.value(r);
            } finally {
                heap.decref(r);
            }
        }
        if (rt.ops.lookupType(heap.typeOf(o), "__index__") != 0) {
            long r = rt.ops.numberIndex(o);  // _PyNumber_Index: the result an int (a subclass's warned about)
            try {
                return Numbers.toDouble(rt, r);
            } finally {
                heap.decref(r);
            }
        }
        throw rt.typeError("must be real number, not " + rt.ops.typeName(o));
    }

    /** PyNumber_Index as a new reference (an int subclass's instance as it is; a warned-about int subclass result made exact). */
    public long numberIndex(long o) { return rt.ops.numberIndex(o); }

    /** PyNumber_Index: an int, or an object with __index__; else TypeError "'T' object cannot be interpreted as an integer". */
    public java.math.BigInteger asIndex(long o) {
        if (isInt(o)) return dev.refheap.object.IntType.toBig(o);
        long r = rt.ops.numberIndex(o);  // __index__'s result checked, an int subclass's with 3.11's DeprecationWarning
        try {
            return dev.refheap.object.IntType.toBig(r);
        } finally {
            heap.decref(r);
        }
    }

    /** A new int. */
    public long newInt(java.math.BigInteger v) { return heap.ints.of(v); }

    public long newInt(long v) { return heap.ints.of(v); }

    public long newFloat(double v) { return heap.floats.of(v); }

    /** PyMethod_New: a bound method of {@code func} and {@code self} (both borrowed), a new reference. */
    public long newBoundMethod(long func, long self) { return rt.methodType.create(func, self); }

    /** o.name(args...): a new reference; AttributeError if it has no such method. */
    public long callMethod(long o, String name, long... args) { return rt.ops.callMethod(o, name, args); }

    /** Whether o's type has an attribute {@code name} (a special-method lookup). */
    public boolean typeHas(long o, String name) { return rt.ops.lookupType(heap.typeOf(o), name) != 0; }

    /** _PyType_Lookup: {@code name} in type {@code t}'s MRO (borrowed), or 0. */
    public long typeLookup(PyType t, String name) { return rt.ops.lookupType(t, name); }

    /** Calls {@code callable(*args, **kwargs)} with the args tuple and kwargs dict (or 0): a new reference. */
    public long callWith(long callable, long argsTuple, long kwargsDict) {
        int n = (int) TupleType.size(argsTuple);
        int nkw = kwargsDict == 0 ? 0 : (int) dev.refheap.object.DictType.size(kwargsDict);
        long[] a = new long[n + nkw];
        for (int i = 0; i < n; i++) a[i] = TupleType.item(argsTuple, i);
        long kwnames = 0;
        if (nkw > 0) {
            kwnames = heap.tuples.alloc(nkw);
            int[] k = {0};
            long kn = kwnames;
            heap.dicts.forEach(kwargsDict, (key, v) -> {
                heap.incref(key);
                TupleType.setItemSteal(kn, k[0], key);
                a[n + k[0]] = v;
                k[0]++;
            });
        }
        try {
            return rt.ops.call(callable, a, 0, n + nkw, kwnames);
        } finally {
            heap.xdecref(kwnames);
        }
    }

    // ---- exceptions -----------------------------------------------------------------------------

    /** A new exception of builtin type {@code type} with one message argument, to throw. */
    public PyException error(String type, String message) { return rt.error(type, message); }

    /** An OSError for a failed system call: the errno's subclass, with errno, strerror and filename set. */
    public PyException osError(int errno, String strerror, String filename) { return rt.osError(errno, strerror, filename); }

    /** Whether the exception is an instance of builtin type {@code type} (or a subclass). */
    public boolean isInstance(PyException e, String type) { return rt.ops.isInstance(e.exc(), rt.exceptionType(type)); }

    public PyType exceptionType(String name) { return rt.exceptionType(name); }

    /** A new exception class {@code module.name} deriving from builtin exception {@code base}, held for the runtime's life (borrowed). */
    public long newExceptionClass(String module, String name, String base) {
        long n = str(name), bases = heap.tuples.of(exceptionType(base).address()), dict = heap.dicts.create(), mod = str(module);
        heap.dicts.setItem(dict, "__module__", mod);
        try {
            return hold(call(heap.typeType.address(), n, bases, dict));
        } finally {
            heap.decref(n);
            heap.decref(bases);
            heap.decref(dict);
            heap.decref(mod);
        }
    }

    /**
     * A module's exception class made from a type spec (PyType_FromModuleAndSpec with the base's
     * layout, as 3.11's {@code _csv.Error}): no {@code __weakref__} slot (tp_basicsize the base's,
     * tp_weaklistoffset 0) and its dict {@code __doc__} (None: no tp_doc) then {@code __module__},
     * where {@link #newExceptionClass} (PyErr_NewException, type()) adds a weakref slot. Made
     * through type() with an empty {@code __slots__}, which is then taken out of the class dict;
     * its tp_name is the spec's {@code module.name}, its {@code __name__} and {@code __qualname__} the name.
     */
    public long newExceptionClassFromSpec(String module, String name, String base) {
        // tp_name is the spec's "module.name" (what error messages name); __name__ and __qualname__ the part after the dot
        long n = str(module + "." + name), bases = heap.tuples.of(exceptionType(base).address()), dict = heap.dicts.create(), mod = str(module);
        long slots = heap.tuples.alloc(0), slotsName = heap.strs.internedOf("__slots__");
        heap.dicts.setItem(dict, "__doc__", heap.None);
        heap.dicts.setItem(dict, "__module__", mod);
        heap.dicts.setItem(dict, slotsName, slots);
        try {
            long cls = hold(call(heap.typeType.address(), n, bases, dict));
            rt.ops.setClassAttr(cls, slotsName, "__slots__", 0);
            long shortName = str(name);
            try {
                for (String attr : new String[] {"__name__", "__qualname__"}) {
                    long key = heap.strs.internedOf(attr);
                    rt.ops.setClassAttr(cls, key, attr, shortName);
                    heap.decref(key);
                }
            } finally {
                heap.decref(shortName);
            }
            return cls;
        } finally {
            heap.decref(n);
            heap.decref(bases);
            heap.decref(dict);
            heap.decref(mod);
            heap.decref(slots);
            heap.decref(slotsName);
        }
    }

    /** _PyModuleSpec_IsInitializing: {@code spec._initializing} is true. */
    public boolean isInitializingSpec(long spec) { return ModuleAttrs.isInitializing(rt, spec); }

    /** SyntaxWarnings of a compilation, through the warnings filters (one made an error raises the SyntaxError). */
    public void showWarnings(String filename, String source, java.util.List<dev.refheap.lang.compiler.Compiler.Warning> warnings) {
        rt.compileWarnings(filename, warnings, false);
    }

    /** PyErr_WarnEx: a warning of {@code category} as from the Python frame {@code stackLevel} up, through the filters. */
    public void warn(String category, String text, int stackLevel) { Warnings.warn(rt, category, text, stackLevel); }

    /** PyErr_ResourceWarning: a ResourceWarning about {@code source} (borrowed), which the warning keeps for tracemalloc's traceback. */
    public void resourceWarning(long source, String text) { Warnings.warn(rt, "ResourceWarning", text, 1, source); }

    /** dict[key] (borrowed), or 0. */
    public long dictGet(long dict, String key) { return heap.dicts.getItem(dict, key); }

    /** A new builtin_function_or_method whose m_self is {@code self} (borrowed; 0 for none). */
    public long newBuiltinFunction(String name, Builtin impl, long self) { return rt.builtinFunctionType.create(name, impl, self, null); }

    /** PyCFunction_NewEx(ml, self, NULL) for an ml whose ml_doc is NULL: its {@code __doc__} and {@code __module__} are None. */
    public long newBuiltinFunctionWithoutDoc(String name, Builtin impl, long self) {
        return rt.builtinFunctionType.create(name, impl, self, null, BuiltinFunctionType.NULL_DOC);
    }

    /**
     * _testcapi.with_tp_del ({@code withoutGc} false) or without_gc (true) on {@code cls}: a heap type
     * (TypeError "heap type expected, got ..." otherwise, as _testcapi says); refheap does them on
     * classes defined by Python code only.
     */
    public void changeHeapType(long cls, boolean withoutGc, String function) {
        if (!rt.ops.isTypeObject(cls) || !heap.typeAt(cls).hasFlag(PyType.HEAPTYPE)) {
            throw rt.typeError("heap type expected, got " + rt.ops.repr(cls));
        }
        if (!(heap.typeAt(cls) instanceof ClassType c)) {
            throw rt.error("NotImplementedError", "refheap does not support _testcapi." + function + " on a type not defined by a class statement");
        }
        if (withoutGc) c.dropGc();
        else c.setLegacyFinalizer();
    }

    /** _PyTime_FromSecondsObject(ROUND_TIMEOUT): seconds (int or float) as nanoseconds, with 3.11's errors. */
    public long timeoutNanos(long seconds) { return Clocks.timeoutNanos(rt, seconds); }

    /** Sleeps, interruptible by Ctrl-C (KeyboardInterrupt), as time.sleep does. */
    public void sleep(long nanos) { Clocks.sleep(rt, nanos); }

    /**
     * A struct sequence type ({@code os.stat_result}): {@code fields} are all its n_fields names in
     * item order (null for an unnamed field), the first {@code visible} of them the tuple.
     */
    public PyType newStructSeqType(String qualified, int visible, String... fields) {
        return new SysInfo.StructSeqType(rt, qualified, visible, java.util.Arrays.asList(fields.clone())).registered();
    }

    /**
     * A tuple type with named fields that is not a struct sequence (CPython's datetime.IsoCalendarDate):
     * PyTupleObject's basic size, {@code __repr__}, {@code __reduce__} (a plain tuple's) and a
     * member per field in its dict; instances made by {@link #newStructSeq}.
     */
    public PyType newNamedTupleType(String qualified, String... fields) {
        return new SysInfo.StructSeqType(rt, qualified, fields.length, java.util.Arrays.asList(fields.clone()), true).registered();
    }

    /**
     * The descriptor of struct sequence type {@code qualified} as {@link #newStructSeqType} makes
     * it, not registered: for a native module's state made again in a runtime adopting a start-up
     * image, whose memory holds the type object and its attributes.
     */
    public PyType structSeqTypeForImage(String qualified, int visible, String... fields) {
        return new SysInfo.StructSeqType(rt, qualified, visible, java.util.Arrays.asList(fields.clone()));
    }

    /** A new untracked instance of a struct sequence type holding {@code items} (new references, stolen): all n_fields. */
    public long newStructSeq(PyType type, long... items) { return ((SysInfo.StructSeqType) type).create(items); }

    /**
     * PyErr_SetFromErrnoWithFilenameObjects: an OSError (the errno's subclass) with errno,
     * strerror and the filename objects as given (borrowed; 0 for none).
     */
    public PyException osError(int errno, String strerror, long filename, long filename2) {
        int n = filename2 != 0 ? 5 : filename != 0 ? 3 : 2;
        long args = heap.tuples.alloc(n);
        TupleType.setItemSteal(args, 0, heap.ints.of(errno));
        TupleType.setItemSteal(args, 1, heap.strs.of(strerror));
        if (n >= 3) TupleType.setItemSteal(args, 2, incref(filename));
        if (n == 5) {
            TupleType.setItemSteal(args, 3, incref(heap.None));
            TupleType.setItemSteal(args, 4, incref(filename2));
        }
        return new PyException(OSErrorType.construct(rt, rt.exceptionType("OSError"), args));  // takes args
    }

    /** str.encode(encoding, errors): a new bytes object. */
    public long encode(long str, String encoding, String errors) { return Codecs.encode(rt, str, encoding, errors); }

    /** bytes.decode(encoding, errors): a new str object. */
    public long decode(byte[] b, String encoding, String errors) { return Codecs.decode(rt, b, encoding, errors); }

    // ---- the codec registry (_codecs) ----------------------------------------------------------

    /** codecs.register(func). */
    public void codecRegister(long func) { rt.codecs().register(func); }

    /** codecs.unregister(func). */
    public void codecUnregister(long func) { rt.codecs().unregister(func); }

    /** codecs.lookup(encoding): the CodecInfo, a new reference. */
    public long codecLookup(String encoding) { return rt.codecs().lookup(encoding); }

    /** codecs.lookup_error(name): a new reference. */
    public long codecLookupError(String name) { return rt.codecs().lookupError(name); }

    /** codecs.register_error(name, handler). */
    public void codecRegisterError(String name, long handler) { rt.codecs().registerError(name, handler); }

    /** codecs.encode/codecs.decode(obj, encoding, errors): {@code errors} a str or 0 for none; a new reference. */
    public long codecCall(long obj, String encoding, long errors, boolean encode) { return rt.codecs().encodeOrDecode(obj, encoding, errors, encode); }

    /** One of refheap's own codecs ({@link #codecName}'s names) encoding str {@code s}: new bytes. */
    public long codecEncode(long s, String codec, String errors) { return Codecs.encodeWith(rt, s, codec, errors); }

    /**
     * One of refheap's own codecs decoding {@code b}: a new str. Unless {@code fin}, an incomplete
     * sequence at the end stays undecoded; {@code state} is {consumed (out), byte order (in/out:
     * -1 little, 1 big, 0 from a BOM)}.
     */
    public long codecDecode(byte[] b, String codec, String errors, boolean fin, int[] state) {
        return Codecs.decode(rt, b, codec, errors, fin, state);
    }

    /**
     * The error handler {@code errors} (not a standard one) called for exception {@code exc} (a
     * reference this takes): {replacement (a new reference), resume position within {@code length}}.
     */
    public long[] codecCallHandler(String errors, long exc, long length, boolean encode) { return Codecs.callHandler(rt, errors, exc, length, encode); }

    /** Whether refheap's codecs handle the error handler name inline (the eight standard ones). */
    public boolean standardErrorHandler(String errors) { return Codecs.standardHandler(errors); }

    /** A UnicodeEncodeError (encoding, str, start, end, reason) with its attributes, to raise or give a handler. */
    public long unicodeEncodeError(String codec, long s, long start, long end, String reason) { return Codecs.encodeError(rt, codec, s, (int) start, (int) end, reason); }

    /** A UnicodeDecodeError (encoding, bytes, start, end, reason) with its attributes. */
    public long unicodeDecodeError(String codec, byte[] b, long start, long end, String reason) { return Codecs.decodeError(rt, codec, b, (int) start, (int) end, reason); }

    /** A code point as the backslashreplace handler writes it. */
    public String backslashEscape(int c) { return Codecs.backslash(c); }

    /**
     * The code point of a Unicode character name as {@code \N{...}} reads it (unicodedata's lookup:
     * Unicode 14.0.0, aliases, no named sequences), or -1; ImportError when the database cannot be loaded.
     */
    public int codePointOfName(String name) { return Codecs.codePointOfName(rt, name); }

    /** traceback.format_exception's text for an exception instance (its cause/context chain and traceback). */
    public String formatException(long exc) { return rt.tracebacks.format(exc); }

    /** As python3's PyErr_Display shows the exception (with 3.11's ". Did you mean" suggestions). */
    public String formatExceptionDisplay(long exc) { return rt.tracebacks.format(exc, true); }

    /**
     * PyTraceBack_Print's text for traceback {@code tb}: the banner and the C printer's frames, the
     * last sys.tracebacklimit of them (1000 without one), "" for a limit of 0 or less; a
     * non-traceback is a SystemError (PyErr_BadInternalCall).
     */
    public String formatTracebackC(long tb) { return rt.tracebacks.formatTracebackC(tb); }

    /** format(d, spec) for a float value, as CPython's PyOS_double_to_string gives it for that spec. */
    public String formatDouble(double d, String spec) { return Formats.formatDouble(rt, d, spec); }

    /** Sets a data attribute of native type {@code t} ({@code T.name}: {@code value} borrowed, held by the runtime). */
    public void setTypeAttr(PyType t, String name, long value) {
        rt.typeAttrs.computeIfAbsent(t, k -> new java.util.HashMap<>()).put(name, rt.hold(incref(value)));
    }

    /**
     * {@code t.__new__} (tp_new_wrapper): what a subclass's own {@code __new__} reaches through
     * {@code super().__new__(cls, ...)}, for a type whose construction is its tp_new
     * ({@link NativeType#newSubtypeInstance}).
     */
    public void defTpNew(NativeType t) { TypeCall.defTpNew(rt, t); }

    /**
     * {@code cls->tp_alloc} for a class method of native type {@code t} called on {@code cls}
     * (chain.from_iterable on a subclass): null when cls is t itself, else the allocation of a
     * zeroed, tracked instance of the Python class derived from t.
     */
    public java.util.function.LongSupplier subtypeAllocator(NativeType t, long cls) {
        if (cls == t.typeObject() || !(heap.typeAt(cls) instanceof ClassType c) || c.builtinBase != t) return null;
        return c::allocInstance;
    }

    /**
     * A getset descriptor {@code t.name} (PyType_Ready's for a tp_getset entry without setter), so
     * the attribute {@link NativeType#attrOf} answers shows in {@code dir()} and the type's dict and
     * is reached through a subclass or the descriptor's {@code __get__}.
     */
    public void defGetSet(NativeType t, String name) { defGetSet(t, name, false); }

    /** As {@link #defGetSet(NativeType, String)}; {@code doc}: CPython's entry has a docstring (the docs' table gives it). */
    public void defGetSet(NativeType t, String name, boolean doc) { defDescriptor(t, name, doc ? 'g' : 'G'); }

    /**
     * A read-only member descriptor {@code t.name} with a docstring (PyType_Ready's for a tp_members
     * entry: CPython's {@code <member 'name' of 'T' objects>}); its value is what
     * {@link NativeType#attrOf} answers.
     */
    public void defMember(NativeType t, String name) { defDescriptor(t, name, 'd'); }

    /** A getset descriptor of native type {@code t} named {@code name} not put in its dict (for a class's namespace): a new reference. */
    public long newGetSet(NativeType t, String name) { return rt.builtinGetSets.create(t, name, 'G'); }

    private void defDescriptor(NativeType t, String name, char kind) {
        long d = rt.builtinGetSets.create(t, name, kind);
        setTypeAttr(t, name, d);
        heap.decref(d);
    }

    /** Whether {@code o} is exactly a Python function (PyFunction_Check). */
    public boolean isFunction(long o) { return heap.typeOf(o) == rt.functionType; }

    /** A bound method's function and self (borrowed), or null when {@code o} is not a method object (PyMethod_Check). */
    public long[] boundMethodParts(long o) {
        return heap.typeOf(o) == rt.methodType ? new long[] {MethodType.func(o), MethodType.self(o)} : null;
    }

    /** The type objects of None, Ellipsis and NotImplemented (borrowed). */
    public long[] singletonTypes() {
        return new long[] {heap.typeOf(heap.None).address(), heap.typeOf(rt.ellipsis).address(), heap.typeOf(rt.notImplemented).address()};
    }

    /**
     * PyObject_GetBuffer for a consumer that keeps the buffer (a PickleBuffer): bytes, bytearray
     * (an export counted, so it cannot resize), a C-contiguous memoryview (an export counted) or a
     * native exporter; given back with {@link #releaseBuffer}. TypeError for anything else.
     */
    public NativeType.Buffer acquireBuffer(long o) {
        PyType t = rt.ops.bufferView(o);
        if (t == heap.bytes) return new NativeType.Buffer(o + dev.refheap.object.BytesType.SVAL, dev.refheap.object.BytesType.length(o), true, 'B', 1);
        if (t == rt.byteArrayType) {
            ByteArrayType.addExport(o, 1);
            return new NativeType.Buffer(ByteArrayType.start(o), ByteArrayType.size(o), false, 'B', 1);
        }
        if (t == rt.memoryViewType) {
            rt.memoryViewType.checkLive(o);
            if (!rt.memoryViewType.contiguousC(o)) throw rt.error("NotImplementedError", "refheap does not support a PickleBuffer over a non-contiguous memoryview yet");
            dev.refheap.memory.Native.putLong(o + MemoryViewType.EXPORTS, dev.refheap.memory.Native.getLong(o + MemoryViewType.EXPORTS) + 1);
            return new NativeType.Buffer(dev.refheap.memory.Native.getLong(o + MemoryViewType.V_BUF), dev.refheap.memory.Native.getLong(o + MemoryViewType.V_LEN),
                    dev.refheap.memory.Native.getInt(o + MemoryViewType.V_READONLY) != 0, (char) rt.memoryViewType.fmt(o), rt.memoryViewType.itemsize(o));
        }
        if (t instanceof NativeType nt && nt.exportsBuffer()) return nt.getBuffer(o);
        throw rt.typeError("a bytes-like object is required, not '" + rt.ops.typeName(o) + "'");
    }

    /** Gives back a buffer {@link #acquireBuffer} got from {@code o}. */
    public void releaseBuffer(long o) {
        PyType t = rt.ops.bufferView(o);
        if (t == rt.byteArrayType) ByteArrayType.addExport(o, -1);
        else if (t == rt.memoryViewType) dev.refheap.memory.Native.putLong(o + MemoryViewType.EXPORTS, dev.refheap.memory.Native.getLong(o + MemoryViewType.EXPORTS) - 1);
        else if (t instanceof NativeType nt && nt.exportsBuffer()) nt.releaseBuffer(o);
    }

    /** The Ellipsis singleton (borrowed). */
    public long ellipsis() { return rt.ellipsis; }

    /** A new complex number. */
    public long newComplex(double real, double imag) { return rt.complexType.of(real, imag); }

    /** The real and imaginary parts of an exact complex, or null for any other object. */
    public double[] complexParts(long o) {
        return heap.typeOf(o) == rt.complexType ? new double[] {ComplexType.real(o), ComplexType.imag(o)} : null;
    }

    /** PyComplex_AsCComplex: a complex's parts, {@code __complex__}'s, or a real number's with 0 imaginary part. */
    public dev.refheap.lang.ast.Complex asCComplex(long o) {
        dev.refheap.lang.ast.Complex c = rt.complexType.asCComplex(o);
        return c != null ? c : new dev.refheap.lang.ast.Complex(asDouble(o), 0.0);
    }

    /** The complex type. */
    public PyType complexType() { return rt.complexType; }

    /** The code type. */
    public PyType codeType() { return rt.codeType; }

    /** Whether {@code o}'s class (a class defined by Python code) or a Python class on its MRO defines {@code name} itself. */
    public boolean hasOwnPythonMethod(long o, String name) {
        return heap.typeOf(o) instanceof ClassType c && rt.ops.lookupUserOnly(c, name) != 0;
    }

    /** True if {@code o} is an instance of the builtin type {@code t} or of a subclass of it. */
    public boolean isSubtype(long o, PyType t) { return rt.ops.isSubtype(heap.typeOf(o), t); }
    // ---- what _abc needs of classes --------------------------------------------------------------

    /**
     * PyObject_IsSubclass(sub, cls) for a class {@code sub}: a tuple or union of classes, a metaclass's
     * {@code __subclasscheck__}, else the mro.
     */
    public boolean isSubclass(long sub, long cls) { return Builtins.isSubclassOf(rt, heap.typeAt(sub), cls); }

    /** Whether {@code cls} is on class {@code t}'s {@code __mro__} (tp_mro, as it is now). */
    public boolean mroContains(long t, long cls) {
        PyType type = heap.typeAt(t);
        long mro = type instanceof ClassType ? dev.refheap.memory.Native.getLong(t + ClassType.T_MRO) : rt.builtinTypeInfo.mro(type);
        if (mro == 0) return false;
        for (long i = 0; i < TupleType.size(mro); i++) if (TupleType.item(mro, i) == cls) return true;
        return false;
    }

    /** The class dict of a class defined by Python code (borrowed), or 0 for any other type. */
    public long classDict(long t) { return heap.typeAt(t) instanceof ClassType c ? c.dict() : 0; }

    /** _abc_init's {@code tp_flags |= flags} on a class defined by Python code (Py_TPFLAGS_SEQUENCE/MAPPING only). */
    public void addCollectionFlags(long t, int flags) {
        if (heap.typeAt(t) instanceof ClassType c) c.collectionFlags |= flags & (PyType.SEQUENCE | PyType.MAPPING);
    }

    /** The Py_TPFLAGS_SEQUENCE/MAPPING bits of type {@code t}'s tp_flags. */
    public int collectionFlags(long t) { return ClassFactory.collectionFlagsOf(rt, heap.typeAt(t)); }

    /**
     * _abc_register's set_collection_flag_recursive: {@code flag} (SEQUENCE or MAPPING) replaces the
     * collection bits of class {@code t} and, through {@code __subclasses__()} lists, of its subclasses;
     * an immutable type (every type refheap itself defines) or one that already has exactly that bit stops it.
     */
    public void setCollectionFlagRecursive(long t, int flag) {
        if (!(heap.typeAt(t) instanceof ClassType c) || c.collectionFlags == flag) return;
        c.collectionFlags = flag;
        long subs = rt.subclasses.list(t);
        try {
            for (long i = 0; i < dev.refheap.object.ListType.size(subs); i++) {
                setCollectionFlagRecursive(dev.refheap.object.ListType.item(subs, i), flag);
            }
        } finally {
            heap.decref(subs);
        }
    }

    // ---- dict view subtypes (odict_keys, odict_values, odict_items) ------------------------------

    /**
     * A subtype of {@code dict_keys} (kind 0), {@code dict_values} (1) or {@code dict_items} (2)
     * named {@code name}, as CPython's static view subtypes are (same layout, tp_base the dict
     * view): its views are the base's in everything but iteration, which {@code iter} and
     * {@code reversed} give (new references, from the view). Its dict: {@code __iter__} (slot
     * wrapper), {@code __reversed__} (method) and {@code __doc__} None, in that order.
     */
    public PyType newDictViewSubtype(String name, int kind, java.util.function.LongUnaryOperator iter, java.util.function.LongUnaryOperator reversed) {
        IterType.Kind k = switch (kind) {
            case 0 -> IterType.Kind.DICT_KEYS;
            case 1 -> IterType.Kind.DICT_VALUES;
            default -> IterType.Kind.DICT_ITEMS;
        };
        DictViewType t = heap.register(new DictViewType(rt, name, rt.dictViews.get(k), iter, reversed));
        rt.defDescr(BuiltinDescrType.Kind.WRAPPER, t, "__iter__", (s, a, o, n, kw) -> {
            Args.exactly(rt, "__iter__", n, kw, 0);
            return t.iter(s);
        });
        rt.defMethod(t, "__reversed__", (s, a, o, n, kw) -> {
            Args.exactly(rt, "__reversed__", n, kw, 0);
            return t.reversed(s);
        });
        rt.typeAttrs.computeIfAbsent(t, x -> new java.util.HashMap<>()).put("__doc__", heap.None);
        orderTypeDict(t, "__iter__", "__reversed__", "__doc__");
        return t;
    }

    /** A new view of type {@code viewType} (one {@link #newDictViewSubtype} made) over dict {@code d}. */
    public long newDictView(PyType viewType, long d) { return DictViewType.create(rt, (DictViewType) viewType, d); }

    /** The dict a dict view shows (borrowed). */
    public long dictViewDict(long view) { return DictViewType.dict(view); }

    /**
     * Gives native type {@code t}'s {@code __dict__} CPython's order: {@code names} first, in
     * that order (as PyType_Ready adds them: slot wrappers, methods, getsets, {@code __doc__},
     * {@code __hash__}), then any others, sorted.
     */
    public void orderTypeDict(PyType t, String... names) {
        java.util.List<SlotWrappers.Slot> order = new java.util.ArrayList<>();
        for (String name : names) order.add(new SlotWrappers.Slot(name, '-'));
        rt.slotWrappers.names.put(t, order);
    }

    /**
     * {@code t.__dict__['__doc__']} as PyType_Ready puts it: the type's tp_doc without its text
     * signature, None for a type without one (CPython's docs; nothing when refheap has none).
     */
    public void defTypeDoc(PyType t) {
        String raw = BuiltinDocs.available() ? BuiltinDocs.doc(rt, t.name()) : null;
        if (raw == null) return;
        rt.typeAttrs.computeIfAbsent(t, x -> new java.util.HashMap<>())
                .put("__doc__", raw == BuiltinDocs.NULL ? heap.None : rt.hold(heap.strs.of(BuiltinDocs.dictDoc(t.name(), raw))));
    }
}

package dev.refheap.lang.vm;

import dev.refheap.gc.CycleCollector;
import dev.refheap.gc.HeapObjectModel;
import dev.refheap.gc.HeapVerifier;
import dev.refheap.object.Heap;
import dev.refheap.object.PyError;
import dev.refheap.object.PyType;
import dev.refheap.object.RootProvider;
import dev.refheap.object.TupleType;
import java.io.PrintStream;
import java.util.ArrayList;
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
    final Interpreter interpreter;
    final Ops ops;
    final Names names;

    final CodeType codeType;
    final FunctionType functionType;
    final CellType cellType;
    final ModuleType moduleType;
    final BuiltinFunctionType builtinFunctionType;
    final MethodType methodType;
    final FrameType frameType;
    final TracebackType tracebackType;
    final GeneratorType generatorType;
    final IterType iterType;
    final RangeType rangeType;
    final SliceType sliceType;
    final ExceptionType baseException;
    final Map<String, ExceptionType> exceptions = new LinkedHashMap<>();

    final long builtinsDict;
    final Map<String, Long> modules = new LinkedHashMap<>();
    /** Attributes of builtin types (method descriptors), by type index. */
    final Map<PyType, Map<String, Long>> typeAttrs = new HashMap<>();
    /** Objects the runtime holds (one reference each). */
    private final List<Long> held = new ArrayList<>();

    PrintStream out;
    PrintStream err;
    int recursionLimit = 1000;
    /** The exception being handled (sys.exc_info()), 0 if none: a borrowed view of the frame's stack. */
    long handledException;

    public Runtime(RuntimeOptions options) {
        heap = new Heap(options.maxHeap());
        gcModel = new HeapObjectModel(heap);
        gc = new CycleCollector(gcModel, heap.allocateStatic(CycleCollector.HEADS_BYTES, 0));
        heap.installGc(gc);
        out = options.out();
        err = options.err();
        gcModel.setDebugOut(err);
        names = new Names(heap);
        heap.addRootProvider(names);
        codeType = heap.register(new CodeType(this));
        functionType = heap.register(new FunctionType(this));
        cellType = heap.register(new CellType(this));
        moduleType = heap.register(new ModuleType(this));
        builtinFunctionType = heap.register(new BuiltinFunctionType(this));
        methodType = heap.register(new MethodType(this));
        frameType = heap.register(new FrameType(this));
        tracebackType = heap.register(new TracebackType(this));
        generatorType = heap.register(new GeneratorType(this));
        iterType = heap.register(new IterType(this));
        rangeType = heap.register(new RangeType(this));
        heap.register(rangeType.iterType);
        iterType.registerKinds();
        sliceType = heap.register(new SliceType(this));
        baseException = heap.register(new ExceptionType(this, "BaseException", null));
        ExceptionHierarchy.register(this);
        ops = new Ops(this);
        interpreter = new Interpreter(this);
        heap.setCallbacks((callback, wr) -> ops.callWeakrefCallback(callback, wr));
        heap.addRootProvider(v -> {
            for (long o : held) v.root(o, 1);
        });
        heap.addRootProvider(interpreter);
        builtinsDict = hold(heap.dicts.create());
        Builtins.install(this);
        TypeMethods.install(this);
        if (options.stress()) gc.setThreshold(0, 1);
    }

    public Heap heap() { return heap; }
    public CycleCollector gc() { return gc; }

    /** Keeps {@code o} (a new reference) alive for the runtime's life; returns it. */
    long hold(long o) {
        held.add(o);
        return o;
    }

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

    PyException typeError(String message) { return error("TypeError", message); }

    /** Turns an object-layer error into a Python exception. */
    PyException fromPyError(PyError e) { return error(e.pythonType(), e.getMessage()); }

    // ---- finalizers and unraisable errors --------------------------------------------------------

    /** Calls {@code o.__del__()}; an error becomes "Exception ignored in: ..." on stderr. */
    void callDel(long o) {
        long exc = handledExceptionSave();
        try {
            ops.callMethod(o, "__del__");
        } catch (PyException e) {
            writeUnraisable(e.exc(), "Exception ignored in: " + ops.reprOfDelFor(o));
        } finally {
            handledException = exc;
        }
    }

    private long handledExceptionSave() { return handledException; }

    /** PyErr_WriteUnraisable: prints the message and the exception's traceback to stderr, releases the exception. */
    void writeUnraisable(long exc, String header) {
        err.println(header);
        err.print(interpreter.formatTraceback(exc));
        heap.decref(exc);
    }

    // ---- programs -------------------------------------------------------------------------------

    /** The __main__ module's dict (created on first use). */
    long mainGlobals() {
        long m = modules.get("__main__") == null ? 0 : modules.get("__main__");
        if (m == 0) {
            m = heap.strs.of("__main__") != 0 ? moduleType.create("__main__") : 0;
            modules.put("__main__", hold(m));
            long d = ModuleType.dict(m);
            heap.dicts.setItem(d, names.__builtins__, builtinsDict);
        }
        return ModuleType.dict(m);
    }

    /** Runs the heap verifier (for --gc-stress and tests). */
    public List<String> verify() { return HeapVerifier.verify(heap, gc); }

    /**
     * Tears down: releases modules and builtins, collects the cycles that leaves, closes the heap.
     * Objects still alive are not reported (a program may legitimately leave cycles with finalizers).
     */
    @Override
    public void close() {
        if (heap.isClosed()) return;
        heap.removeRootProvider(interpreter);
        List<Long> drop = new ArrayList<>(held);
        held.clear();
        for (int i = drop.size() - 1; i >= 0; i--) heap.decref(drop.get(i));
        gc.collect(2);
        gcModel.dispose();
        try {
            heap.close();
        } catch (dev.refheap.object.HeapLeakException ignored) {
            // CPython does not free everything at exit either.
        }
    }

    /** Receives the roots of the running frames. */
    interface Roots extends RootProvider {}
}

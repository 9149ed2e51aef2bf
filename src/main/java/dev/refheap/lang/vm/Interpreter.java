package dev.refheap.lang.vm;

import static dev.refheap.lang.bytecode.CodeUnit.*;

import dev.refheap.lang.bytecode.BinaryOp;
import dev.refheap.lang.bytecode.CodeUnit;
import dev.refheap.lang.bytecode.CpythonLayout;
import dev.refheap.lang.bytecode.Opcode;
import dev.refheap.memory.HeapLimitExceeded;
import dev.refheap.memory.Native;
import dev.refheap.object.DictType;
import dev.refheap.object.FloatType;
import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import dev.refheap.object.IntType;
import dev.refheap.object.ListType;
import dev.refheap.object.PyError;
import dev.refheap.object.RootProvider;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bytecode interpreter: runs {@link Frame}s of code objects, modelled on CPython 3.11's
 * ceval so that the same slots hold the same references at the same moments.
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>Every non-zero slot of a frame (locals and value stack) owns one reference; LOAD
 *       instructions push new references, STORE instructions move them, POP_TOP releases.</li>
 *   <li>A call to a Python function moves the arguments (and the function) from the caller's
 *       stack into the callee's frame.</li>
 *   <li>The running frames (the {@link #current} chain, owner THREAD) are roots for the heap
 *       verifier; finished frames kept by frame objects and suspended generator frames are owned
 *       by those objects instead.</li>
 *   <li>An exception passing through a frame gets a traceback entry for it (which makes the
 *       frame's object and keeps its locals alive), then the frame's exception table decides
 *       where it is handled.</li>
 *   <li>The per-instruction caches (globals and names: {@link #loadGlobal}, {@link #storeInDict};
 *       attributes of instances: {@link #loadAttr} and its kin) only ever shortcut a lookup whose
 *       result they can prove unchanged; a hit takes and releases the same references, in the same
 *       order, as the full path, and allocates nothing.</li>
 * </ul>
 *
 * <p>The loop ({@link #runFrame}) switches on the int opcode ({@link Op}) to the hot
 * instructions, each a small method ({@link #loadFast}, {@link #binaryOpOp}...) that C2 inlines
 * into the loop; the others are in {@link #coldOp}, which keeps the loop small enough for the
 * JIT to inline what the hot instructions call. A code object compiled to a JVM class
 * ({@link CompiledCode}, at a code object's 50th run unless REFHEAP_JIT=off) calls the same
 * methods or does the stack instructions as they do, and runFrame runs it in place of the loop
 * where it can; a compiled CALL of a compiled Python function runs the callee's compiled code
 * from the caller's own method ({@link #callCompiled}), the frame set up as every CALL of the
 * common shape sets it up ({@link #enterSimple}).
 */
final class Interpreter implements RootProvider {
    final Runtime rt;
    final Heap heap;
    Frame current;
    private int depth;
    /**
     * The eval breaker (3.11's eval_breaker): set when something waits for this thread's attention,
     * a Ctrl-C ({@link #sigint}) or another thread's request for the interpreter lock
     * ({@link #dropRequest}); the one field the hot path reads, at backward jumps and calls that
     * enter a Python frame. {@link #evalBreaker} does what is pending.
     */
    volatile boolean breaker;
    /**
     * KeyboardInterrupt is due whatever the program's SIGINT handler (a tool's stop: a recording's
     * limit); only ever set on the main thread's state.
     */
    volatile boolean sigint;
    /** A signal waits for its Python handler ({@link PendingSignals}); only ever set on the main thread's state. */
    volatile boolean signalsPending;
    /** Another thread waits for the interpreter lock past the switch interval ({@link Gil}). */
    volatile boolean dropRequest;
    /** {@link Runtime#handledException} while another thread holds the interpreter lock. */
    long savedHandled;
    /** PyThreadState_GetDict's dict (tstate->dict), 0 until first asked for; one reference. */
    long tsDict;
    /** The current contextvars context (tstate->context), 0 until first needed; one reference. */
    long context;
    /** The main thread's state; others are the program's threads ({@code _thread.start_new_thread}). */
    final boolean main;
    /** A started thread's bootstate until its call ends (its references are roots); null otherwise. */
    Threads.Boot boot;
    /** The weakref to the lock _set_sentinel made (tstate->on_delete_data), 0 if none; one reference. */
    long sentinel;
    /** get_ident() of this thread (the Java thread's id); the main thread's is read from its Java thread. */
    long ident;
    /** A started thread between taking the lock and its state's clearing. */
    boolean running;
    /**
     * --gc-stress: while another thread runs, this one waits holding nothing the roots do not
     * report (it gave the lock up at a backward jump of frames at rest, or has not started); the
     * exact check runs only when every waiting thread is so.
     */
    boolean parkedAtRest;
    /** The frame {@link #finishFrame} is releasing (its caller is {@link #current} again), else null. For a recorder's sites. */
    Frame leaving;
    /** {@link Tracing#site}'s memo: the last site and what it was computed from. */
    Frame siteFrame;
    int siteLasti = -1;
    long siteCalling;
    boolean siteLeaving;
    Tracing.Site siteMemo;
    /** --gc-stress: an allocation happened since the last exact heap check; checked at bytecode boundaries. */
    boolean restCheckDue;
    /** sys.settrace's function for this thread (tstate->c_traceobj, owned), or 0 (SysTrace). */
    long traceObj;
    /** sys.setprofile's function for this thread (tstate->c_profileobj, owned), or 0. */
    long profileObj;
    /** A trace or profile function is set (3.11's use_tracing): restCheckDue stays set. */
    boolean useTracing;
    /** Above 0 while a trace or profile function runs (tstate->tracing): no events then. */
    int tracing;
    /** The event a trace function is being given (tstate->tracing_what; frame.f_lineno's setter reads it); 'call' (0) when none, as 3.11 starts it. */
    int tracingWhat;
    /** The exception {@link #handle} found no handler for (an event's function may have replaced the one it was given). */
    private long unhandledExc;

    Interpreter(Runtime rt) { this(rt, true); }

    Interpreter(Runtime rt, boolean main) {
        this.rt = rt;
        this.heap = rt.heap;
        this.main = main;
    }

    /** The handled exception of this thread (sys.exc_info()'s), wherever it lives while the thread waits. */
    private long handledNow() { return rt.interpreter == this ? rt.handledException : savedHandled; }

    /**
     * What the eval breaker found pending: the interpreter lock is handed to a waiting thread (and
     * taken back), then a Ctrl-C raises KeyboardInterrupt.
     */
    void evalBreaker(boolean atRest) {
        breaker = false;
        if (dropRequest) {
            parkedAtRest = atRest;
            rt.gil.yieldToWaiting(this);
            parkedAtRest = false;
        }
        takeInterrupts();
    }

    /**
     * The eval breaker where the frame being entered is not on the frame stack yet: only a
     * KeyboardInterrupt can be raised there; signal handlers (Python code) wait for the next check,
     * so the breaker stays set for them.
     */
    private void evalBreakerAtEntry() {
        breaker = false;
        if (dropRequest) rt.gil.yieldToWaiting(this);
        if (sigint) {
            sigint = false;
            throw rt.error("KeyboardInterrupt", null);
        }
        if (signalsPending) breaker = true;
    }

    /** Whether a wait should stop to let {@link #takeInterrupts} run: an interrupt or a signal is due. */
    boolean interruptDue() {
        return sigint || signalsPending;
    }

    /**
     * PyErr_CheckSignals for this thread: a tool's interrupt raises KeyboardInterrupt; tripped
     * signals run their Python handlers (the main thread only; a handler's exception goes on from
     * here). Call with the interpreter lock, where running Python code leaves every object whole.
     */
    void takeInterrupts() {
        if (sigint) {
            sigint = false;
            throw rt.error("KeyboardInterrupt", null);
        }
        if (signalsPending && main) rt.signals.run();
    }

    @Override
    public void visitRoots(RootVisitor v) {
        for (Frame f = current; f != null; f = f.back) {
            if (f.owner == Frame.OWNED_BY_THREAD) {
                f.visitOwned(o -> v.root(o, 1));
                if (f.frameObject != 0) v.root(f.frameObject, 1);
                if (f.generator != 0) v.root(f.generator, 1);  // resume() holds the generator while it runs
            }
        }
        long handled = handledNow();
        if (handled != 0) v.root(handled, 1);
        for (long e : callerExcs) if (e != 0) v.root(e, 1);
        if (tsDict != 0) v.root(tsDict, 1);
        if (context != 0) v.root(context, 1);
        if (sentinel != 0) v.root(sentinel, 1);
        if (traceObj != 0) v.root(traceObj, 1);
        if (profileObj != 0) v.root(profileObj, 1);
        Threads.Boot b = boot;
        if (b != null) {
            v.root(b.func, 1);
            v.root(b.args, 1);
            if (b.kwargs != 0) v.root(b.kwargs, 1);
        }
    }

    /** Handled exceptions of the callers of running generators (their exc_info items), innermost first; 0 for none. */
    private final java.util.ArrayDeque<Long> callerExcs = new java.util.ArrayDeque<>();

    /** _PyErr_GetTopmostException: the handled exception sys.exc_info() shows (0 for none). */
    long topmostHandled() {
        long e = handledNow();  // this thread's, also when another holds the interpreter lock (sys._current_exceptions)
        if (e != 0 && e != heap.None) return e;
        for (long c : callerExcs) if (c != 0 && c != heap.None) return c;
        return 0;
    }

    /** The same references as {@link #visitRoots}, each with its holder (refcount provenance). */
    @Override
    public void visitDescribedRoots(DescribedRootVisitor v) {
        for (Frame f = current; f != null; f = f.back) {
            if (f.owner == Frame.OWNED_BY_THREAD) {
                FrameDescriptions.visit(f, "frame", v);
                if (f.frameObject != 0) v.root(f.frameObject, 1, "the frame object of the running " + FrameDescriptions.frameName(f));
                if (f.generator != 0) v.root(f.generator, 1, "the interpreter resuming the generator " + FrameDescriptions.frameName(f));
            }
        }
        long handled = handledNow();
        if (handled != 0) v.root(handled, 1, "the exception being handled (sys.exc_info())");
        for (long e : callerExcs) {
            if (e != 0) v.root(e, 1, "the exception a running generator's caller is handling");
        }
        if (tsDict != 0) v.root(tsDict, 1, "the thread state's dict");
        if (context != 0) v.root(context, 1, "the thread state's current context");
        if (sentinel != 0) v.root(sentinel, 1, "the thread state's weakref to its _set_sentinel lock");
        if (traceObj != 0) v.root(traceObj, 1, "the thread's trace function (sys.settrace)");
        if (profileObj != 0) v.root(profileObj, 1, "the thread's profile function (sys.setprofile)");
        Threads.Boot b = boot;
        if (b != null) {
            v.root(b.func, 1, "a starting thread's function");
            v.root(b.args, 1, "a starting thread's arguments");
            if (b.kwargs != 0) v.root(b.kwargs, 1, "a starting thread's keyword arguments");
        }
    }

    /**
     * A tracer sees every bytecode boundary (it keeps {@link #restCheckDue} set, so an untraced
     * run pays nothing more than that flag's check); a new line of a frame is a line event.
     * Tracing and --gc-stress are not combined (the trace command refuses the option).
     */
    Tracing.LineListener tracer;

    private boolean atBoundary(Frame f) {
        if (useTracing) {
            if (tracing == 0) SysTrace.boundary(this, f);
            if (tracer == null) return false;
        } else {
            f.callDue = false;
        }
        Tracing.LineListener t = tracer;
        if (t == null) return f.atRest || rt.stress() == null;
        int pc = f.pc;
        int[] lines = f.code.unit.lines();
        int line = pc < lines.length ? lines[pc] : -1;
        if (line >= 0 && (line != f.traceLine || pc < f.tracePc)) {
            f.traceLine = line;
            f.tracePc = pc;
            t.onLine(rt, f.code.unit.filename(), line);
        } else {
            f.tracePc = pc;
        }
        return false;
    }

    /** The running frames, innermost first (for the tracer's snapshots). */
    Frame currentFrame() { return current; }

    // ---- entry points --------------------------------------------------------------------------

    /**
     * Runs a module-level code object with {@code globals} as its locals; returns the result (new
     * ref). {@code restEntry}: the caller holds no reference the roots do not report.
     */
    long runModule(long code, long globals, boolean restEntry) {
        heap.incref(code);
        heap.incref(globals);
        Frame f = Frame.create(rt.codeType.code(code), 0, globals, rt.builtinsFromGlobals(globals), globals);
        f.restEntry = restEntry;
        return execute(f);
    }

    /**
     * exec/eval: runs a module-level code object with {@code globals} (borrowed: the caller holds it)
     * and {@code locals} (a dict, borrowed; may be globals); returns the result (new ref).
     */
    long runCode(long code, long globals, long locals) {
        // the builtins are held while the code runs (PyEval_EvalCode's function holds them), so
        // code that takes __builtins__ out of its globals does not leave the frame's dangling
        long builtins = rt.builtinsFromGlobals(globals);
        heap.incref(builtins);
        heap.incref(code);
        heap.incref(locals);
        Frame f = Frame.create(rt.codeType.code(code), 0, globals, builtins, locals);
        try {
            return execute(f);
        } finally {
            heap.decref(builtins);
        }
    }

    /** Runs a class body with {@code ns} as its locals; returns the result (new ref). */
    long runClassBody(long func, long ns) {
        long code = Native.getLong(func + FunctionType.CODE);
        heap.incref(code);
        heap.incref(func);
        heap.incref(ns);
        Frame f = Frame.create(rt.codeType.code(code), func, Native.getLong(func + FunctionType.GLOBALS), Native.getLong(func + FunctionType.BUILTINS), ns);
        return execute(f);
    }

    /**
     * Calls a Python function. With {@code steal}, the function reference and the arguments in
     * {@code args} are moved into the new frame (and zeroed in {@code args}); otherwise they are
     * borrowed and incref'd.
     */
    long callFunction(long func, long[] args, int off, int n, long kwnames, boolean steal) {
        Frame f = functionFrame(func, args, off, n, kwnames, steal);
        CodeType.Code code = f.code;
        if ((code.unit.flags() & GENERATOR_LIKE) != 0) return createGenerator(f);
        CompiledCode c = code.compiled;
        if (c != null && c != CompiledCode.REFUSED && code.warmup == 0 && !useTracing) return executeCompiled(f, c);
        return execute(f);
    }

    /**
     * {@link #execute} for a frame whose code is compiled ({@code c}), not traced and warmed up:
     * its compiled code called here, as a compiled caller's CALL runs a compiled callee
     * ({@link #nestedReturned}, {@link #nestedThrew}), without {@link #run}, {@link #runFrames}
     * and {@link #runFrame}'s start around it. The calls that start in Java (a class call's
     * __init__, a finalizer, a special method called by a builtin) come this way. What runs,
     * and the order of every reference taken and released, is what execute does: the frame is
     * entered, its compiled code runs from its start, the frames go on where the code stopped
     * (resumeNested), a handler of f's takes an exception as runFrame's would, and f leaves.
     */
    private long executeCompiled(Frame f, CompiledCode c) {
        enter(f);
        try {
            long v;
            try {
                v = c.run(this, f);
            } catch (Throwable t) {
                if (t instanceof SysTrace.Unwind u) throw new PyException(u.exc);  // runFrames' exit_unwind
                unwind(f, t, true, 0);
                return resumeNested(f);
            }
            if (v == 0) return resumeNested(f);
            if (useTracing && tracing == 0) {
                try {
                    v = SysTrace.frameExit(this, f, v);
                } catch (SysTrace.Unwind u) {
                    throw new PyException(u.exc);
                }
            }
            return v;
        } finally {
            depth--;
            current = f.back;
            finishFrame(f);
        }
    }

    /** The flags of code whose call makes a generator, coroutine or async generator instead of running it. */
    private static final int GENERATOR_LIKE = CO_GENERATOR | Coroutines.CO_COROUTINE | Coroutines.CO_ASYNC_GENERATOR;

    /**
     * A new frame for calling the Python function {@code func}, its arguments bound (moved from
     * {@code args} with {@code steal}, else incref'd). On a binding error the frame is released
     * and the error thrown.
     */
    private Frame functionFrame(long func, long[] args, int off, int n, long kwnames, boolean steal) {
        long code = Native.getLong(func + FunctionType.CODE);
        CodeType.Code c = rt.codeType.code(code);
        heap.incref(code);
        if (!steal) heap.incref(func);
        Frame f = Frame.create(c, func, Native.getLong(func + FunctionType.GLOBALS), Native.getLong(func + FunctionType.BUILTINS), 0);
        f.restEntry = steal;  // only CALL steals: its caller's slots hold everything else
        try {
            bindArguments(f, func, args, off, n, kwnames, steal);
        } catch (PyException e) {
            releaseFrame(f);
            throw e;
        }
        return f;
    }

    /** The generator, coroutine or async generator object a call of generator-like code returns, owning {@code f}. */
    private long createGenerator(Frame f) {
        int flags = f.code.unit.flags();
        runPrologue(f);
        if ((flags & CO_GENERATOR) != 0) return rt.generatorType.create(f);
        return Coroutines.typeFor(rt, flags).create(f);
    }

    private long execute(Frame f) {
        enter(f);
        try {
            return run(f);
        } finally {
            depth--;
            current = f.back;
            finishFrame(f);
        }
    }

    /**
     * Makes {@code f} the running frame (on top of {@link #current}), after the checks every
     * Python-level call makes: a pending Ctrl-C and the recursion limit (either releases {@code f}
     * and raises).
     */
    private void enter(Frame f) {
        if (breaker) {
            try {
                evalBreakerAtEntry();  // f is not on the frame stack yet: its references are in Java's hands
            } catch (PyException e) {
                releaseFrame(f);
                throw e;
            }
        }
        if (depth >= rt.recursionLimit) {
            releaseFrame(f);
            throw rt.error("RecursionError", "maximum recursion depth exceeded");
        }
        f.back = current;
        f.atRest = f.restEntry && (current == null || current.atRest);
        current = f;
        depth++;
    }

    /**
     * _Py_EnterRecursiveCall: a C-level recursion (a native module's recursive walk) counts on the
     * same depth as Python frames, as 3.11's single recursion_remaining does; RecursionError
     * "maximum recursion depth exceeded" + {@code where} past the limit (nothing counted then).
     */
    void enterRecursiveCall(String where) {
        if (depth >= rt.recursionLimit) throw rt.error("RecursionError", "maximum recursion depth exceeded" + where);
        depth++;
    }

    /** _Py_LeaveRecursiveCall. */
    void leaveRecursiveCall() { depth--; }

    /** tstate->recursion_limit - tstate->recursion_remaining: the depth counted so far. */
    int recursionDepth() { return depth; }

    /**
     * A frame {@link #run} entered inline returned or raised: it leaves as {@link #execute} lets a
     * frame go, then the caller's CALL releases what is left of its operands. Returns the caller.
     */
    private Frame leaveInline(Frame f) {
        Frame caller = f.back;
        int base = f.callBase;  // read first: finishFrame may recycle f
        depth--;
        current = caller;
        try {
            finishFrame(f);
        } finally {
            releaseCallOperands(caller, base);
        }
        return caller;
    }

    /** What a CALL leaves of its operands, from {@code base} up (the callable and arguments not moved), released in order. */
    private void releaseCallOperands(Frame f, int base) {
        long[] s = f.slots;
        for (int i = base; i < f.sp; i++) {
            long v = s[i];
            s[i] = 0;
            heap.xdecref(v);
        }
        f.sp = base;
    }

    /** A frame that returned or raised: its frame object takes its slots if someone holds it, else they are released. */
    private void finishFrame(Frame f) {
        if (f.owner == Frame.OWNED_BY_GENERATOR) return;
        Frame outer = leaving;
        leaving = f;
        try {
            releaseFinished(f);
        } finally {
            leaving = outer;
        }
    }

    private void releaseFinished(Frame f) {
        if (clearFrame(f, f.back)) Frame.recycle(f);
    }

    /**
     * _PyFrame_Clear of a frame its owner lets go of (a finished call's, a dying generator's): a
     * frame object someone else still holds takes the frame over (take_ownership: false), else the
     * frame object goes and the frame's contents are released (true). {@code back} is the frame's
     * caller (null for a suspended generator's).
     */
    boolean clearFrame(Frame f, Frame back) {
        long fo = f.frameObject;
        if (fo != 0 && heap.refcount(fo) > 1) {
            f.owner = Frame.OWNED_BY_FRAME_OBJECT;
            rt.frameType.linkBack(fo, Frame.complete(back));  // take_ownership: f_back, the caller's frame object
            if (!Heap.isTracked(fo)) heap.track(fo);
            heap.decref(fo);
            return false;
        }
        if (fo != 0) {
            heap.decref(fo);  // FrameType.dealloc leaves the frame's contents to us
        }
        releaseFrame(f);
        return true;
    }

    /** Releases everything a frame owns, slots first in order (CPython's _PyFrame_Clear). */
    void releaseFrame(Frame f) {
        clearFrameSlots(f);
        f.owner = Frame.CLEARED;
        long locals = f.locals, func = f.func, fast = f.fastLocals;
        f.locals = 0;
        f.func = 0;
        f.fastLocals = 0;
        heap.xdecref(locals);
        heap.xdecref(fast);
        heap.xdecref(func);
        heap.decref(f.codeObj);
    }

    /** A finished generator's frame lets go of its f_locals dict, as 3.11's _PyFrame_Clear does. */
    private void releaseFastLocals(Frame f) {
        long d = f.fastLocals;
        f.fastLocals = 0;
        heap.xdecref(d);
    }

    /** Releases the frame's locals and value stack in slot order. */
    void clearFrameSlots(Frame f) {
        int sp = f.sp;
        f.sp = 0;
        for (int i = 0; i < sp; i++) {
            long v = f.slots[i];
            f.slots[i] = 0;
            heap.xdecref(v);
        }
        f.sp = f.code.nlocalsplus;
    }

    // ---- argument binding -------------------------------------------------------------------------

    private void bindArguments(Frame f, long func, long[] args, int off, int n, long kwnames, boolean steal) {
        CodeType.Code code = f.code;
        if (kwnames == 0 && n == code.argcount && code.simpleArgs) {
            // The common call: exactly the positional parameters, nothing else to bind.
            long[] slots = f.slots;
            if (steal) {
                for (int i = 0; i < n; i++) {
                    slots[i] = args[off + i];
                    args[off + i] = 0;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    long v = args[off + i];
                    heap.incref(v);
                    slots[i] = v;
                }
            }
            return;
        }
        bindArgumentsGeneral(f, func, args, off, n, kwnames, steal);
    }

    private void bindArgumentsGeneral(Frame f, long func, long[] args, int off, int n, long kwnames, boolean steal) {
        CodeUnit u = f.code.unit;
        int argcount = u.argcount(), kwonly = u.kwonlyargcount(), posonly = u.posonlyargcount();
        int flags = u.flags();
        int nkw = kwnames == 0 ? 0 : (int) TupleType.size(kwnames);
        int npos = n - nkw;
        long[] slots = f.slots;
        int total = argcount + kwonly;
        int slot = total;
        long varargs = 0, varkw = 0;
        String fname = StrType.value(Native.getLong(func + FunctionType.QUALNAME));
        if ((flags & CO_VARKEYWORDS) != 0) {
            varkw = heap.dicts.create();
        }
        // too many positional arguments without *args: reported after the keywords (initialize_locals'
        // order), so an unexpected or repeated keyword is the error; the extra values are dropped
        boolean tooMany = false;
        for (int i = 0; i < npos; i++) {
            long v = take(args, off + i, steal);
            if (i < argcount) slots[i] = v;
            else if ((flags & CO_VARARGS) == 0) {
                heap.decref(v);
                tooMany = true;
            } else {
                if (varargs == 0) varargs = heap.lists.alloc(0);
                heap.lists.append(varargs, v);
                heap.decref(v);
            }
        }
        if ((flags & CO_VARARGS) != 0) {
            long t = varargs == 0 ? heap.tuples.alloc(0) : listToTuple(varargs);
            if (varargs != 0) heap.decref(varargs);
            slots[slot++] = t;
        }
        if ((flags & CO_VARKEYWORDS) != 0) slots[slot] = varkw;
        List<String> names = u.localsplusNames();
        for (int k = 0; k < nkw; k++) {
            long key = TupleType.item(kwnames, k);
            String name = StrType.value(key);
            long v = take(args, off + npos + k, steal);
            int idx = -1;
            for (int p = posonly; p < total; p++) if (names.get(p).equals(name)) { idx = p; break; }
            if (idx < 0) {
                if (varkw == 0) {
                    heap.decref(v);
                    for (int j = k + 1; j < nkw; j++) heap.decref(take(args, off + npos + j, steal));
                    boolean isPosonly = false;
                    for (int p = 0; p < posonly; p++) if (names.get(p).equals(name)) isPosonly = true;
                    if (isPosonly) throw rt.typeError(fname + "() got some positional-only arguments passed as keyword arguments: '" + name + "'");
                    throw rt.typeError(fname + "() got an unexpected keyword argument '" + name + "'");
                }
                heap.dicts.setItem(varkw, key, v);
                heap.decref(v);
                continue;
            }
            if (slots[idx] != 0) {
                heap.decref(v);
                for (int j = k + 1; j < nkw; j++) heap.decref(take(args, off + npos + j, steal));
                throw rt.typeError(fname + "() got multiple values for argument '" + name + "'");
            }
            slots[idx] = v;
        }
        long defaults = Native.getLong(func + FunctionType.DEFAULTS);
        int ndef = defaults == 0 ? 0 : (int) TupleType.size(defaults);
        if (tooMany) {
            // too_many_positional: the keyword-only arguments given are counted in the message
            int kwonlyGiven = 0;
            for (int p = argcount; p < total; p++) if (slots[p] != 0) kwonlyGiven++;
            String takes = ndef > 0 ? "from " + (argcount - ndef) + " to " + argcount : String.valueOf(argcount);
            String kwonlySig = kwonlyGiven == 0 ? "" : " positional argument" + (npos != 1 ? "s" : "") + " (and " + kwonlyGiven
                    + " keyword-only argument" + (kwonlyGiven != 1 ? "s" : "") + ")";
            throw rt.typeError(fname + "() takes " + takes + " positional argument" + (argcount == 1 && ndef == 0 ? "" : "s")
                    + " but " + npos + kwonlySig + (npos == 1 && kwonlyGiven == 0 ? " was" : " were") + " given");
        }
        // defaults
        List<String> missing = new ArrayList<>();
        for (int p = 0; p < argcount; p++) {
            if (slots[p] != 0) continue;
            int d = p - (argcount - ndef);
            if (d >= 0) {
                long v = TupleType.item(defaults, d);
                heap.incref(v);
                slots[p] = v;
            } else missing.add(names.get(p));
        }
        if (!missing.isEmpty()) throw missingArgs(fname, missing, "positional");
        long kwdefaults = Native.getLong(func + FunctionType.KWDEFAULTS);
        for (int p = argcount; p < total; p++) {
            if (slots[p] != 0) continue;
            long v = kwdefaults == 0 ? 0 : heap.dicts.getItem(kwdefaults, names.get(p));
            if (v != 0) {
                heap.incref(v);
                slots[p] = v;
            } else missing.add(names.get(p));
        }
        if (!missing.isEmpty()) throw missingArgs(fname, missing, "keyword-only");
    }

    private PyException missingArgs(String fname, List<String> missing, String kind) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < missing.size(); i++) {
            if (i > 0) sb.append(missing.size() == 2 ? " and " : i == missing.size() - 1 ? ", and " : ", ");
            sb.append('\'').append(missing.get(i)).append('\'');
        }
        return rt.typeError(fname + "() missing " + missing.size() + " required " + kind + " argument" + (missing.size() == 1 ? "" : "s") + ": " + sb);
    }

    private long take(long[] args, int i, boolean steal) {
        long v = args[i];
        if (steal) args[i] = 0;
        else heap.incref(v);
        return v;
    }

    /**
     * FORMAT_VALUE's result (a new reference; the reference to {@code v} is consumed): the
     * conversion (1 str, 2 repr, 3 ascii) gives an object, v released once it is made, that is the
     * result itself when there is no spec; otherwise PyObject_Format, whose empty-spec paths
     * return an exact str as is and an exact int's str.
     */
    private long formatValue(long v, int conversion, long spec) {
        long value = v;
        if (conversion != 0) {
            try {
                value = switch (conversion) {
                    case 1 -> rt.ops.strObject(v);
                    case 2 -> rt.ops.reprObject(v);
                    default -> rt.ops.asciiObject(v);
                };
            } finally {
                heap.decref(v);
            }
        }
        try {
            if (spec == 0 && heap.typeOf(value) == heap.strs) {
                heap.incref(value);
                return value;
            }
            return rt.ops.formatObject(value, spec == 0 ? "" : StrType.value(spec));
        } finally {
            heap.decref(value);
        }
    }

    long listToTuple(long list) {
        long n = ListType.size(list);
        long t = heap.tuples.alloc(n);
        for (long i = 0; i < n; i++) {
            long v = ListType.item(list, i);
            heap.incref(v);
            TupleType.setItemSteal(t, i, v);
        }
        return t;
    }

    /** Runs MAKE_CELL / COPY_FREE_VARS so a generator's cells exist before its first resumption. */
    private void runPrologue(Frame f) {
        while (f.pc < f.code.ops.length) {
            Opcode op = Opcode.of(f.code.ops[f.pc]);
            if (op == Opcode.MAKE_CELL) makeCell(f, f.code.args[f.pc]);
            else if (op == Opcode.COPY_FREE_VARS) copyFreeVars(f, f.code.args[f.pc]);
            else break;
            f.pc++;
        }
    }

    private void makeCell(Frame f, int i) {
        long v = f.slots[i];
        f.slots[i] = rt.cellType.create(v);
    }

    private void copyFreeVars(Frame f, int n) {
        long closure = Native.getLong(f.func + FunctionType.CLOSURE);
        int start = f.code.nlocalsplus - n;
        for (int i = 0; i < n; i++) {
            long c = TupleType.item(closure, i);
            heap.incref(c);
            f.slots[start + i] = c;
        }
    }

    // ---- generators -----------------------------------------------------------------------------

    /** next(gen): the yielded value (new ref), or 0 when the generator returns. */
    long generatorNext(long gen) {
        return resume(gen, heap.None, 0, true);
    }

    /**
     * Resumes a generator with {@code sent} (borrowed) or by raising {@code throwExc} (stolen) in it.
     * Returns the yielded value, or 0 when it finished (with {@code absorbStop}; otherwise a
     * StopIteration carrying the return value is raised).
     */
    long resume(long gen, long sent, long throwExc, boolean absorbStop) {
        return resume(gen, sent, throwExc, absorbStop, false);
    }

    /** As above; {@code restEntry}: the caller (FOR_ITER) holds no reference the roots do not report. */
    private long resume(long gen, long sent, long throwExc, boolean absorbStop, boolean restEntry) {
        long state = GeneratorType.state(gen);
        PyType kind = heap.typeOf(gen);
        boolean coroutine = kind == rt.coroutineType;
        if (state == GeneratorType.RUNNING) {
            if (throwExc != 0) heap.decref(throwExc);
            throw rt.error("ValueError", kindName(kind) + " already executing");
        }
        if (state == GeneratorType.COMPLETED) {
            if (coroutine) {
                if (throwExc != 0) heap.decref(throwExc);
                throw rt.error("RuntimeError", "cannot reuse already awaited coroutine");
            }
            if (throwExc != 0) throw new PyException(throwExc);
            if (absorbStop) return 0;
            throw rt.error("StopIteration", null);
        }
        if (state == GeneratorType.CREATED && sent != heap.None && throwExc == 0) {
            throw rt.typeError("can't send non-None value to a just-started " + kindName(kind));
        }
        Frame f = rt.generatorType.frame(gen);
        if (state == GeneratorType.SUSPENDED && throwExc == 0) {
            heap.incref(sent);
            f.slots[f.sp++] = sent;
        }
        GeneratorType.setState(gen, GeneratorType.RUNNING);
        heap.incref(gen);  // reported as a root while the frame runs
        // gi_exc_state: while the generator runs its own handled exception is the current one, and the
        // caller's waits on callerExcs (still the topmost for sys.exc_info, bare raise and __context__
        // while the generator handles none); the caller's is back when it stops
        callerExcs.push(rt.handledException);
        rt.handledException = GeneratorType.takeExcState(gen);
        // gen_send_ex2's _PyErr_ChainStackItem: an exception thrown into a generator that is handling
        // one of its own gets that one as its __context__ (as a raise there would)
        if (throwExc != 0 && rt.handledException != 0 && rt.handledException != heap.None) chainRaised(throwExc);
        f.owner = Frame.OWNED_BY_THREAD;
        f.pendingThrow = throwExc;
        f.yielded = false;
        f.back = current;
        f.restEntry = restEntry;
        f.atRest = restEntry && (current == null || current.atRest);
        current = f;
        depth++;
        long r;
        boolean finished = true;
        try {
            if (depth > rt.recursionLimit) {
                // 3.11 counts every frame that starts or resumes in the eval loop: past the limit the
                // resumption fails before the frame's first instruction (no traceback entry of its own,
                // no RESUME), and the generator is finished as by any exception it did not handle
                if (throwExc != 0) {
                    f.pendingThrow = 0;
                    heap.decref(throwExc);
                }
                throw rt.error("RecursionError", "maximum recursion depth exceeded");
            }
            if (throwExc == 0 && f.code.warmup != 0) Specializer.warmUp(rt, f.code);  // 3.11's RESUME (throw() skips it)
            r = run(f);
            finished = !f.yielded;
        } catch (PyException e) {
            throw stopIterationRaised(kind, e);
        } finally {
            depth--;
            current = f.back;
            long now = rt.handledException;
            if (now != 0) {
                if (finished) heap.decref(now);
                else GeneratorType.putExcState(gen, now);
            }
            rt.handledException = callerExcs.pop();
            if (finished) {
                GeneratorType.setState(gen, GeneratorType.COMPLETED);
                f.owner = Frame.OWNED_BY_GENERATOR;
                detachFrameObject(f);
                clearFrameSlots(f);
                releaseFastLocals(f);
            } else {
                GeneratorType.setState(gen, GeneratorType.SUSPENDED);
                f.owner = Frame.OWNED_BY_GENERATOR;
            }
            heap.decref(gen);
        }
        if (finished) {
            if (absorbStop && r == heap.None) {
                heap.decref(r);
                return 0;
            }
            if (absorbStop) {
                heap.decref(r);
                return 0;
            }
            long args;
            if (r == heap.None) {
                heap.decref(r);
                args = heap.tuples.alloc(0);  // PyErr_SetNone(PyExc_StopIteration)
            } else {
                args = heap.tuples.alloc(1);
                TupleType.setItemSteal(args, 0, r);
            }
            throw new PyException(rt.ops.instantiateException(rt.exceptionType("StopIteration"), args));
        }
        return r;
    }

    /** A finished generator's frame lets go of its frame object, which lives on by itself (take_ownership). */
    private void detachFrameObject(Frame f) {
        long fo = f.frameObject;
        f.frameObject = 0;
        if (fo != 0 && heap.refcount(fo) > 1 && !Heap.isTracked(fo)) heap.track(fo);
        if (fo != 0) heap.decref(fo);
    }

    /** "generator", "coroutine" or "async generator", as gen_send_ex2's messages name them. */
    private String kindName(PyType kind) {
        return kind == rt.coroutineType ? "coroutine" : kind == rt.asyncGeneratorType ? "async generator" : "generator";
    }

    /**
     * PEP 479 (gen_send_ex2): a StopIteration leaving a generator's frame (or a StopAsyncIteration
     * leaving an async generator's) becomes a RuntimeError whose cause it is; others pass as they are.
     */
    private PyException stopIterationRaised(PyType kind, PyException e) {
        long exc = e.exc();
        String what;
        if (rt.ops.isInstance(exc, rt.exceptionType("StopIteration"))) what = "StopIteration";
        else if (kind == rt.asyncGeneratorType && rt.ops.isInstance(exc, rt.exceptionType("StopAsyncIteration"))) what = "StopAsyncIteration";
        else return e;
        long err = rt.newException("RuntimeError", kindName(kind) + " raised " + what);
        ExceptionType et = (ExceptionType) heap.typeOf(err);
        heap.incref(exc);
        et.setField(err, ExceptionType.CAUSE, exc);
        et.setField(err, ExceptionType.CONTEXT, exc);
        et.setField(err, ExceptionType.SUPPRESS, 1);
        return new PyException(err);
    }

    /**
     * _gen_throw: raises {@code exc} (stolen) in a suspended {@code gen}, first in what it awaits
     * (its {@code yield from}/{@code await} iterator) when it has one: a value that iterator
     * yields is the result and gen stays where it is; when it finishes or raises, gen leaves its
     * SEND loop and goes on with the value or the exception. With {@code closeOnGenExit}, a
     * GeneratorExit closes the awaited iterator and is raised in gen (an async generator's aclose
     * passes false: its awaits may go on working). Results as {@link #resume}.
     */
    long throwIn(long gen, long exc, boolean closeOnGenExit, boolean absorbStop) {
        long yf = GeneratorType.state(gen) == GeneratorType.SUSPENDED ? Coroutines.awaiting(rt, gen) : 0;
        if (yf == 0) return resume(gen, heap.None, exc, absorbStop);
        heap.incref(yf);
        long ret = 0;
        PyException failed = null;
        try {
            if (closeOnGenExit && rt.ops.isInstance(exc, rt.exceptionType("GeneratorExit"))) {
                GeneratorType.setState(gen, GeneratorType.RUNNING);
                try {
                    closeIter(yf);
                } catch (PyException e) {
                    heap.decref(exc);
                    exc = e.exc();
                } finally {
                    GeneratorType.setState(gen, GeneratorType.SUSPENDED);
                }
                return resume(gen, heap.None, exc, absorbStop);
            }
            PyType yt = heap.typeOf(yf);
            GeneratorType.setState(gen, GeneratorType.RUNNING);
            try {
                if (yt == rt.generatorType || yt == rt.coroutineType) {
                    // gen_throw: gen's frame is the current one while the throw reaches yf, so yf's
                    // frame has it as f_back (a stack seen from inside yf is as for a send)
                    Frame gf = rt.generatorType.frame(gen), prev = current, oldBack = gf.back;
                    gf.back = prev;
                    current = gf;
                    try {
                        ret = throwIn(yf, exc, closeOnGenExit, false);
                    } finally {
                        current = prev;
                        gf.back = oldBack;
                    }
                } else {
                    long meth = attrOrNull(yf, "throw");
                    if (meth == 0) {
                        GeneratorType.setState(gen, GeneratorType.SUSPENDED);
                        return resume(gen, heap.None, exc, absorbStop);
                    }
                    try {
                        ret = rt.ops.call0(meth, exc);
                    } finally {
                        heap.decref(meth);
                        heap.decref(exc);
                    }
                }
            } catch (PyException e) {
                failed = e;
            } finally {
                if (GeneratorType.state(gen) == GeneratorType.RUNNING) GeneratorType.setState(gen, GeneratorType.SUSPENDED);
            }
        } finally {
            heap.decref(yf);
        }
        if (failed == null) return ret;
        // the awaited iterator is done: gen goes on after its SEND loop (the iterator popped)
        Frame f = rt.generatorType.frame(gen);
        f.pc = f.code.args[f.pc - 2];
        heap.decref(f.slots[--f.sp]);
        f.slots[f.sp] = 0;
        long e = failed.exc();
        if (rt.ops.isInstance(e, rt.exceptionType("StopIteration"))) {
            long val = stopIterationValue(e);
            heap.decref(e);
            try {
                return resume(gen, val, 0, absorbStop);
            } finally {
                heap.decref(val);
            }
        }
        return resume(gen, heap.None, e, absorbStop);
    }

    /** A StopIteration's value (new reference): its value field (_PyGen_FetchStopIterationValue), None when NULL. */
    long stopIterationValue(long e) {
        ExceptionFields f = ExceptionFields.of(heap.typeOf(e));
        long value = f == null ? 0 : ExceptionFields.raw(e, f, "value");
        if (value == 0) value = heap.None;
        heap.incref(value);
        return value;
    }

    /** getattr(o, name, None) as a new reference, 0 when o has no such attribute. */
    private long attrOrNull(long o, String name) {
        long n = heap.strs.internedOf(name);
        try {
            return rt.ops.getAttrOrNull(o, n, name);
        } finally {
            heap.decref(n);
        }
    }

    /** gen_close_iter: closes what a generator awaits (gen.close() or its close method, if any). */
    private void closeIter(long yf) {
        PyType yt = heap.typeOf(yf);
        if (yt == rt.generatorType || yt == rt.coroutineType) {
            closeGenerator(yf);
            return;
        }
        long meth;
        try {
            meth = attrOrNull(yf, "close");
        } catch (PyException e) {
            rt.writeUnraisable(e.exc(), null, yf);
            return;
        }
        if (meth == 0) return;
        try {
            heap.decref(rt.ops.call0(meth));
        } finally {
            heap.decref(meth);
        }
    }

    /** gen.close(): GeneratorExit raised inside; a value yielded in response is a RuntimeError. */
    void closeGenerator(long gen) {
        if (GeneratorType.state(gen) != GeneratorType.SUSPENDED) {
            if (GeneratorType.state(gen) == GeneratorType.CREATED) {
                // as 3.11 runs a just-created frame into GeneratorExit: the frame finishes and lets go of its arguments
                GeneratorType.setState(gen, GeneratorType.COMPLETED);
                Frame f = rt.generatorType.frame(gen);
                detachFrameObject(f);
                clearFrameSlots(f);
                releaseFastLocals(f);
                return;
            }
            GeneratorType.setState(gen, GeneratorType.COMPLETED);
            return;
        }
        long exit = 0;
        long yf = Coroutines.awaiting(rt, gen);
        if (yf != 0) {
            heap.incref(yf);
            GeneratorType.setState(gen, GeneratorType.RUNNING);
            try {
                closeIter(yf);
            } catch (PyException e) {
                exit = e.exc();  // raised in gen instead of GeneratorExit
            } finally {
                GeneratorType.setState(gen, GeneratorType.SUSPENDED);
                heap.decref(yf);
            }
        }
        if (exit == 0) exit = rt.newException("GeneratorExit", null);
        try {
            long r = resume(gen, heap.None, exit, true);
            if (r != 0) {
                heap.decref(r);
                throw rt.error("RuntimeError", kindName(heap.typeOf(gen)) + " ignored GeneratorExit");
            }
        } catch (PyException e) {
            if (rt.ops.isInstance(e.exc(), rt.exceptionType("GeneratorExit")) || rt.ops.isInstance(e.exc(), rt.exceptionType("StopIteration"))) {
                heap.decref(e.exc());
                return;
            }
            throw e;
        }
    }

    // ---- the loop -----------------------------------------------------------------------------------

    private static final Opcode[] OPS = Opcode.values();

    /**
     * Runs {@code entry} until it returns (or yields); the result is a new reference. A CALL of a
     * Python function does not recurse in Java (3.11's inlined calls): {@link #runFrame} hands
     * the callee's frame back here and this loop runs it, then resumes the caller with the
     * result; an exception the callee does not handle unwinds into the caller here. The Java
     * stack stays flat however deep Python calls go, and each frame's stretch of bytecode is one
     * short invocation of runFrame (so the JIT's ordinary compilation of it serves, not only
     * on-stack replacement). Only {@code entry} returns or yields to Java.
     */
    private long run(Frame entry) {
        try {
            return runFrames(entry, entry, true);
        } catch (Throwable t) {
            // an error that is no Python exception (or one raised while unwinding): the frames
            // entered inline leave as execute's would have
            for (Frame g = current; g != entry && g != null && g.callBase >= 0; ) g = leaveInline(g);
            throw t;
        }
    }

    /**
     * Runs the frames from {@code f} until {@code entry} returns: f is entry, just entered or resumed
     * ({@code fresh}), or a frame on top of it whose run is due, or entry on from where its compiled
     * code stopped (not fresh: {@link #resumeNested}).
     */
    private long runFrames(Frame entry, Frame f, boolean fresh) {
        // sys.settrace/setprofile: a frame entered or a generator resumed gets its 'call' event (at its
        // first boundary; for throw(), before the exception is raised in it: TRACE_FUNCTION_THROW_ENTRY)
        if (fresh && useTracing && tracing == 0) {
            if (entry.pendingThrow == 0) entry.callDue = true;
            else SysTrace.throwEntry(this, entry);
        }
        while (true) {
            long v;
            PyException failed;
            try {
                v = runFrame(f);
                if (v != 0 && useTracing && tracing == 0) v = SysTrace.frameExit(this, f, v);
                failed = null;
            } catch (PyException e) {
                failed = e;
                v = 0;
            } catch (SysTrace.Unwind u) {
                failed = new PyException(u.exc);  // 3.11's exit_unwind: the frame's handlers are not consulted
                v = 0;
            }
            if (failed != null) {
                PyException e = failed;
                // f has no handler for it: f leaves, and the CALL in its caller raised it
                if (f == entry) throw e;
                long exc = e.exc();
                do {
                    f = leaveInline(f);
                    f.unwindPc = f.lasti;  // its CALL
                    if (handle(f, exc, true, false)) break;  // passing through: chained where it was raised
                    exc = unhandledExc;
                    // chained where it was raised: the entry frame's caller must not chain it again
                    // (a handler's exc.__context__ = None stays None through a with's __exit__)
                    if (f == entry) throw new PyException(exc).markChained();
                } while (true);
                continue;
            }
            if (v == 0) {
                // a CALL entered a Python function's frame: run it
                f = pendingCallee;
                pendingCallee = null;
                if (useTracing && tracing == 0) f.callDue = true;
                continue;
            }
            if (f == entry) return v;
            f = leaveInline(f);
            f.slots[f.sp++] = v;
        }
    }

    /** Code objects are compiled to JVM classes at this many runs (CompiledCode; -1: never). */
    int compileAt = CompiledCode.COMPILE_AT;
    /** ... or at this many backward jumps taken in the interpreter, the frame going on in the compiled code at the loop's header (-1: never). */
    int loopAt = CompiledCode.LOOP_AT;
    /** Code objects compiled so far. */
    int compiledCount;

    /**
     * Set while a specialized PRECALL_NO_KW_STR_1 calls str (read and cleared by
     * Builtins.callTypeObject: that str(x) packs no argument tuple).
     */
    boolean strSpecialized;

    /** The frame a CALL entered (see {@link #call}), for {@link #runFrames} to run next. */
    private Frame pendingCallee;

    /**
     * Runs {@code f} from its pc until it returns or yields (the result, a new reference), or a
     * CALL enters a Python function (0; the callee is {@link #pendingCallee}, f's pc is after
     * the CALL). An exception f does not handle is thrown.
     */
    private long runFrame(Frame f) {
        long[] s = f.slots;
        CodeType.Code code = f.code;
        int[] ops = code.ops, args = code.args;
        long kwnames = 0;
        if (f.pendingThrow != 0) {
            long exc = f.pendingThrow;
            f.pendingThrow = 0;
            // The exception is raised at the yield point where the generator is suspended.
            f.lasti = Math.max(0, f.pc - 1);
            f.unwindPc = f.lasti;
            if (!handle(f, exc, true, false)) throw new PyException(unhandledExc).markChained();  // _gen_throw restores it: no chaining
        }
        // The next instruction lives in this local; the frame's pc is written where something
        // reads it (a frame switch, a yield, the cold instructions, the tracer), and the frame's
        // lasti (3.11's prev_instr) at every instruction, for tracebacks, f_lineno and handlers.
        int next = f.pc;
        // RESUME at a frame's start (a generator's, at each resumption: resume)
        if (next == 0 && code.warmup != 0 && (code.unit.flags() & GENERATOR_LIKE) == 0) Specializer.warmUp(rt, code);
        CompiledCode jit = code.compiled;
        if (jit == null && compileAt >= 0 && next == 0 && code.runs++ >= compileAt) {
            jit = code.compiled = CompiledCode.compile(code, compileLimit());
            if (jit != CompiledCode.REFUSED) compiledCount++;
        }
        // code too long to compile whole: the compiled loop this pc enters, if any (CompiledCode.compilePart)
        if (jit == CompiledCode.REFUSED && code.parts != null) jit = code.parts[next];
        if (jit == CompiledCode.REFUSED || useTracing) jit = null;  // traced frames run here: the compiled code has no event sites of its own
        frame:
        while (true) {
            boolean inJit = false;
            try {
                if (jit != null) {
                    // the compiled code runs from f.pc (== next) while it can; 0: a CALL entered a
                    // frame (return it as the loop below would), or the loop goes on from f.pc
                    inJit = true;
                    long v = jit.run(this, f);
                    inJit = false;
                    if (v != 0 || pendingCallee != null) return v;
                    next = f.pc;
                }
                while (true) {
                    if (restCheckDue) restCheck(f, next);
                    int pc = next++;
                    f.lasti = pc;
                    int arg = args[pc];
                    // Each instruction's work is a method of its own, which the compiled code
                    // (CompiledCode) calls too, so the two cannot differ; C2 inlines those of
                    // this switch here, the larger ones through warmOp.
                    switch (ops[pc]) {
                        case Op.NOP -> { }
                        case Op.POP_TOP -> popTop(f);
                        case Op.PUSH_NULL -> pushNull(f);
                        case Op.COPY -> copy(f, arg);
                        case Op.SWAP -> swap(f, arg);
                        case Op.LOAD_CONST -> loadConst(f, arg);
                        case Op.LOAD_NAME -> loadNameOp(f, arg, pc);
                        case Op.STORE_NAME -> storeNameOp(f, arg, pc);
                        case Op.LOAD_GLOBAL -> loadGlobalOp(f, arg, pc);
                        case Op.LOAD_FAST -> loadFast(f, arg);
                        case Op.STORE_FAST -> storeFast(f, arg);
                        case Op.BINARY_OP -> binaryOpOp(f, arg);
                        // instructions whose work is larger: a call out of the loop (see warmOp)
                        case Op.STORE_GLOBAL, Op.LOAD_DEREF, Op.LOAD_ATTR, Op.LOAD_METHOD, Op.STORE_ATTR, Op.BINARY_SUBSCR,
                             Op.STORE_SUBSCR, Op.CONTAINS_OP, Op.BUILD_TUPLE, Op.BUILD_LIST, Op.LIST_APPEND,
                             Op.GET_ITER -> warmOp(f, ops[pc], arg, pc);
                        case Op.COMPARE_OP -> compareOp(f, arg);
                        case Op.IS_OP -> isOp(f, arg);
                        case Op.UNPACK_SEQUENCE -> unpackSequence(f, arg);
                        case Op.FOR_ITER -> { if (!forIter(f)) next = arg; }
                        // a backward jump may switch the frame to its compiled code at the loop's header (loopEntry)
                        case Op.JUMP -> {
                            jumpOp(f, arg, pc);
                            next = arg;
                            if (arg <= pc && (jit == null || code.parts != null) && (jit = loopEntry(f, arg)) != null) continue frame;
                        }
                        // a taken conditional jump backward is 3.11's POP_JUMP_BACKWARD_IF_*: the eval breaker is checked
                        case Op.POP_JUMP_IF_FALSE -> {
                            if (!popTruth(f)) {
                                jump(arg, pc);
                                next = arg;
                                if (arg <= pc && (jit == null || code.parts != null) && (jit = loopEntry(f, arg)) != null) continue frame;
                            }
                        }
                        case Op.POP_JUMP_IF_TRUE -> {
                            if (popTruth(f)) {
                                jump(arg, pc);
                                next = arg;
                                if (arg <= pc && (jit == null || code.parts != null) && (jit = loopEntry(f, arg)) != null) continue frame;
                            }
                        }
                        case Op.POP_JUMP_IF_NONE -> {
                            if (popIsNone(f)) {
                                jump(arg, pc);
                                next = arg;
                                if (arg <= pc && (jit == null || code.parts != null) && (jit = loopEntry(f, arg)) != null) continue frame;
                            }
                        }
                        case Op.POP_JUMP_IF_NOT_NONE -> {
                            if (!popIsNone(f)) {
                                jump(arg, pc);
                                next = arg;
                                if (arg <= pc && (jit == null || code.parts != null) && (jit = loopEntry(f, arg)) != null) continue frame;
                            }
                        }
                        case Op.JUMP_IF_FALSE_OR_POP -> { if (jumpOrPop(f, false)) next = arg; }
                        case Op.JUMP_IF_TRUE_OR_POP -> { if (jumpOrPop(f, true)) next = arg; }
                        case Op.KW_NAMES -> kwnames = kwNames(f, arg);
                        case Op.CALL -> {
                            long kw = kwnames;
                            kwnames = 0;
                            if (enterCall(f, arg, kw, next)) return 0;
                        }
                        case Op.RETURN_VALUE -> { return popReturn(f, next); }
                        case Op.YIELD_VALUE -> {
                            long v = s[--f.sp];
                            s[f.sp] = 0;
                            f.yielded = true;
                            f.pc = next;
                            return v;
                        }
                        default -> next = cold(f, ops[pc], arg, next);
                    }
                }
            } catch (ReraiseSignal | PyException | PyError | HeapLimitExceeded | StackOverflowError t) {
                unwind(f, t, inJit, next);
            }
            next = f.pc;
        }
    }

    /**
     * {@code t} was thrown by the instruction at f's lasti (run by the compiled code when {@code
     * inJit}; else by the loop, whose next instruction was {@code next}): one of f's handlers takes
     * it (f.pc is then the handler's first instruction), or it is thrown on with f's traceback
     * entry, chained. {@link #runFrame}'s own exception path, shared with a compiled caller that
     * ran f's compiled code itself ({@link #nestedThrew}).
     */
    private void unwind(Frame f, Throwable t, boolean inJit, int next) {
        PyException thrown;
        long exc = 0;
        boolean addTraceback = false;
        if (t instanceof ReraiseSignal r) {
            thrown = null;
            exc = r.exc;
            f.unwindPc = r.at >= 0 ? r.at : f.lasti;
        } else if (t instanceof PyException e) {
            thrown = e;
        } else if (t instanceof PyError e) {
            thrown = rt.fromPyError(e);
        } else if (t instanceof HeapLimitExceeded) {
            thrown = memoryError();
        } else if (t instanceof StackOverflowError) {
            thrown = rt.error("RecursionError", "maximum recursion depth exceeded");
        } else {
            throw sneaky(t);
        }
        if (thrown != null) {
            exc = thrown.exc();
            addTraceback = true;
            f.unwindPc = f.lasti;
        }
        if (inJit) next = f.unwindPc + 1;  // as the loop's next after the raising instruction
        f.pc = next;
        if (!handle(f, exc, addTraceback, thrown != null && !thrown.chained())) {
            throw (thrown != null && thrown.exc() == unhandledExc ? thrown : new PyException(unhandledExc)).markChained();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }

    // ---- the instructions' work, shared by runFrame and the compiled code ----------------------
    //
    // Each method is one instruction of runFrame's loop (or a part of it), working on the frame's
    // slots and sp exactly as the loop did inline. CompiledCode calls the same methods, so an
    // instruction does the same thing however its code object runs.

    /** The --gc-stress / tracer check at the bytecode boundary before the instruction at {@code pc}. */
    void restCheck(Frame f, int pc) {
        f.pc = pc;
        if (atBoundary(f)) {
            restCheckDue = false;
            rt.stressAtRest();
        }
    }

    /** The compiled code's own stack instructions' refcounts (ClassCompiler.Inline). */
    void jitIncref(long v) { heap.incref(v); }

    void jitXdecref(long v) { heap.xdecref(v); }

    /**
     * With assertions on, compiled code calls this before each instruction it leaves to a method:
     * the value stack's depth it was compiled for must be the frame's.
     */
    void jitCheckSp(Frame f, int expected, int pc) {
        if (f.sp != expected) {
            throw new IllegalStateException("compiled " + f.code.unit.name() + " at instruction " + pc + ": sp " + f.sp + ", compiled for " + expected);
        }
    }

    void popTop(Frame f) { heap.xdecref(f.slots[--f.sp]); }

    void pushNull(Frame f) { f.slots[f.sp++] = 0; }

    void copy(Frame f, int arg) {
        long[] s = f.slots;
        long v = s[f.sp - arg];
        heap.incref(v);
        s[f.sp++] = v;
    }

    void swap(Frame f, int arg) {
        long[] s = f.slots;
        long t = s[f.sp - 1];
        s[f.sp - 1] = s[f.sp - arg];
        s[f.sp - arg] = t;
    }

    void loadConst(Frame f, int arg) {
        long v = f.code.consts[arg];
        heap.incref(v);
        f.slots[f.sp++] = v;
    }

    void loadNameOp(Frame f, int arg, int pc) {
        CodeType.Code code = f.code;
        // computed before the push: a NameError must leave sp as it was
        long pushed = f.locals == f.globals ? loadGlobal(f, code, pc, arg) : loadName(f, code.names[arg]);
        f.slots[f.sp++] = pushed;
    }

    void storeNameOp(Frame f, int arg, int pc) {
        long v = f.slots[--f.sp];
        f.slots[f.sp] = 0;
        storeName(f, f.code, pc, arg, v);
    }

    void loadGlobalOp(Frame f, int arg, int pc) {
        long v = loadGlobal(f, f.code, pc, arg >> 1);
        long[] s = f.slots;
        if ((arg & 1) != 0) s[f.sp++] = 0;
        s[f.sp++] = v;
    }

    void storeGlobalOp(Frame f, int arg, int pc) {
        long v = f.slots[--f.sp];
        f.slots[f.sp] = 0;
        storeInDict(f.globals, f.code, pc, arg, v);
    }

    void loadFast(Frame f, int arg) {
        long[] s = f.slots;
        long v = s[arg];
        if (v == 0) throw unboundLocal(f, arg);
        heap.incref(v);
        s[f.sp++] = v;
    }

    void storeFast(Frame f, int arg) {
        long[] s = f.slots;
        long v = s[--f.sp];
        s[f.sp] = 0;
        long old = s[arg];
        s[arg] = v;
        heap.xdecref(old);
    }

    void loadDeref(Frame f, int arg) {
        long v = CellType.contents(f.slots[arg]);
        if (v == 0) throw freeVarError(f, arg);
        heap.incref(v);
        f.slots[f.sp++] = v;
    }

    void loadAttrOp(Frame f, int arg, int pc) {
        long[] s = f.slots;
        CodeType.Code code = f.code;
        long o = s[f.sp - 1];
        long v = cachedInstanceValue(code, pc, o);
        if (v != 0) heap.incref(v);
        else v = loadAttr(code, pc, o, arg);
        s[f.sp - 1] = v;
        heap.decref(o);
    }

    void loadMethodOp(Frame f, int arg, int pc) {
        long[] s = f.slots;
        CodeType.Code code = f.code;
        long o = s[f.sp - 1];
        long m = cachedMethod(code, pc, o);
        if (m != 0) {
            heap.incref(m);
            s[f.sp - 1] = m;
            s[f.sp++] = o;  // the stack's reference to o moves to the self slot
        } else {
            long[] out = methodOut;
            loadMethod(code, pc, o, arg, out);
            s[f.sp - 1] = out[0];
            s[f.sp++] = out[1];
            heap.decref(o);
        }
    }

    void storeAttrOp(Frame f, int arg, int pc) {
        long[] s = f.slots;
        CodeType.Code code = f.code;
        long o = s[--f.sp], v = s[--f.sp];
        s[f.sp] = 0;
        s[f.sp + 1] = 0;
        try {
            if (!storeCachedInstanceValue(code, pc, o, v)) storeAttr(code, pc, o, arg, v);
        } finally {
            heap.decref(v);
            heap.decref(o);
        }
    }

    void binarySubscr(Frame f) {
        long[] s = f.slots;
        long k = s[f.sp - 1], o = s[f.sp - 2];
        long v = fastSubscript(o, k);
        if (v != 0) heap.incref(v);
        else if (Heap.typeAddress(o) == heap.dicts.address()) v = Sequences.dictItem(rt, o, k);
        else v = rt.ops.getItem(o, k);
        popTwoPush(f, v, k, o);
    }

    void storeSubscr(Frame f) {
        long[] s = f.slots;
        long k = s[f.sp - 1], o = s[f.sp - 2], v = s[f.sp - 3];
        long t = Heap.typeAddress(o);
        long i = t == heap.lists.address() ? smallIndex(k, ListType.size(o)) : -1;
        if (i >= 0) heap.lists.setItem(o, i, v);
        else if (t == heap.dicts.address()) Sequences.dictSetItem(rt, o, k, v);
        else rt.ops.setItem(o, k, v);
        f.sp -= 3;
        s[f.sp] = s[f.sp + 1] = s[f.sp + 2] = 0;
        heap.decref(v);
        heap.decref(o);
        heap.decref(k);
    }

    void binaryOpOp(Frame f, int arg) {
        // only a + or += that a STORE_FAST follows can become BINARY_OP_INPLACE_ADD_UNICODE: the
        // other sites' state shows nowhere, so it is not kept
        if ((arg == Specializer.NB_ADD || arg == Specializer.NB_INPLACE_ADD) && f.code.precallForm != null
                && f.code.ops[f.lasti + 1] == Op.STORE_FAST && rt.specializer.inplaceAddUnicode(f)) {
            inplaceAddUnicode(f);
            return;
        }
        long[] s = f.slots;
        long b = s[f.sp - 1], a = s[f.sp - 2];
        long r = fastBinaryOp(arg, a, b);
        if (r == 0) r = rt.ops.binaryOp(BinaryOp.of(arg), a, b);
        popTwoPush(f, r, a, b);
    }

    /**
     * BINARY_OP_INPLACE_ADD_UNICODE: [left, right] with left also in the local the next STORE_FAST
     * writes. The stack's reference to left goes, then PyUnicode_Append on the local: in place
     * (StrType.appendInPlace) when nothing else holds left, else a new string and left released.
     * 3.11 skips the STORE_FAST; here the result is pushed again and STORE_FAST puts it back
     * where it is (the same object, no count left over).
     */
    private void inplaceAddUnicode(Frame f) {
        long[] s = f.slots;
        long right = s[--f.sp];
        s[f.sp] = 0;
        long left = s[--f.sp];
        s[f.sp] = 0;
        int local = f.code.args[f.lasti + 1];
        heap.decref(left);  // the local still holds it
        long r;
        if (left == heap.strs.empty()) {
            r = right;
            heap.incref(r);
            s[local] = r;
            heap.decref(left);
        } else if (right == heap.strs.empty()) {  // the empty str is one object: its length need not be read
            r = left;
        } else {
            r = heap.strs.appendInPlace(left, right);
            if (r != 0) {
                s[local] = r;
            } else {
                r = rt.ops.binaryOp(BinaryOp.of(Specializer.NB_ADD), left, right);
                s[local] = r;
                heap.decref(left);
            }
        }
        heap.decref(right);
        heap.incref(r);
        s[f.sp++] = r;
    }

    void compareOp(Frame f, int arg) {
        long[] s = f.slots;
        long b = s[f.sp - 1], a = s[f.sp - 2];
        int c = fastCompare(arg, a, b);
        popTwoPush(f, c >= 0 ? heap.bools.of(c != 0) : rt.ops.compare(arg, a, b), a, b);
    }

    void isOp(Frame f, int arg) {
        long[] s = f.slots;
        long b = s[f.sp - 1], a = s[f.sp - 2];
        popTwoPush(f, rt.ops.bool((a == b) != (arg == 1)), a, b);
    }

    void containsOp(Frame f, int arg) {
        long[] s = f.slots;
        long b = s[f.sp - 1], a = s[f.sp - 2];
        boolean in = rt.ops.contains(b, a);
        popTwoPush(f, rt.ops.bool(in != (arg == 1)), a, b);
    }

    /**
     * The two operands on top of the stack replaced by result {@code r} (a new reference), then
     * released in the order the instruction releases them ({@code first}, then {@code second}).
     */
    private void popTwoPush(Frame f, long r, long first, long second) {
        long[] s = f.slots;
        f.sp -= 2;
        s[f.sp++] = r;
        s[f.sp] = 0;
        heap.decref(first);
        heap.decref(second);
    }

    void buildTuple(Frame f, int arg) {
        long[] s = f.slots;
        long t = heap.tuples.alloc(arg);
        f.sp -= arg;
        for (int i = 0; i < arg; i++) { TupleType.setItemSteal(t, i, s[f.sp + i]); s[f.sp + i] = 0; }
        s[f.sp++] = t;
    }

    void buildList(Frame f, int arg) {
        long[] s = f.slots;
        long l = heap.lists.alloc(arg);
        f.sp -= arg;
        for (int i = 0; i < arg; i++) { ListType.setItemSteal(l, i, s[f.sp + i]); s[f.sp + i] = 0; }
        s[f.sp++] = l;
    }

    void listAppend(Frame f, int arg) {
        long[] s = f.slots;
        long v = s[--f.sp];
        s[f.sp] = 0;
        heap.lists.append(s[f.sp - arg], v);
        heap.decref(v);
    }

    void unpackSequence(Frame f, int arg) { unpack(f, arg, -1); }

    void getIter(Frame f) {
        long[] s = f.slots;
        long o = s[f.sp - 1];
        s[f.sp - 1] = rt.ops.iter(o);
        heap.decref(o);
    }

    /** FOR_ITER: pushes the iterator's next item (true), or pops the exhausted iterator (false: jump). */
    boolean forIter(Frame f) {
        long[] s = f.slots;
        long it = s[f.sp - 1];
        long ta = Heap.typeAddress(it);
        long v = ta == rangeIterType ? rt.rangeType.iterType.next(it)
                : ta == listIterType ? rt.iterType.nextOfList(it)
                // a generator resumed by for is entered at rest (--gc-stress's exact check)
                : ta == generatorTypeAddr ? resume(it, heap.None, 0, true, true) : rt.ops.next(it);
        if (v != 0) {
            s[f.sp++] = v;
            return true;
        }
        s[--f.sp] = 0;
        heap.decref(it);
        return false;
    }

    /** The most instructions of a code object compiled (CompiledCode.compile): short code only, unless a test's setting. */
    int compileLimit = CompiledCode.LIMIT;

    private int compileLimit() {
        return compileAt == 0 ? dev.refheap.lang.jit.ClassCompiler.MAX_INSTRUCTIONS : compileLimit;
    }

    /**
     * At a backward jump to {@code header} the interpreter took for {@code f} (its eval breaker
     * checked): the compiled code to go on in at the header (f.pc set to it), compiling f's code
     * at its {@link #loopAt}th such jump; null to go on interpreting (not yet, refused, traced).
     */
    private CompiledCode loopEntry(Frame f, int header) {
        if (loopAt < 0 || useTracing) return null;
        CodeType.Code code = f.code;
        CompiledCode c = code.compiled;
        if (c == null) {
            if (++code.loops < loopAt) return null;
            c = code.compiled = CompiledCode.compile(code, compileLimit());
            if (c != CompiledCode.REFUSED) compiledCount++;
        }
        if (c == CompiledCode.REFUSED) {
            // too long to compile whole: the loop on its own, counted again for each loop compiled
            CompiledCode[] parts = code.parts;
            if (parts == null) {
                if (!CompiledCode.inParts(code)) return null;
                parts = code.parts = new CompiledCode[code.ops.length];
            }
            c = parts[header];
            if (c == null) {
                if (++code.loops < loopAt) return null;
                code.loops = 0;
                c = CompiledCode.compilePart(code, header, compileLimit(), parts);
                if (c != CompiledCode.REFUSED) compiledCount++;
            }
            if (c == CompiledCode.REFUSED) return null;
        }
        f.pc = header;
        return c;
    }

    /** JUMP's (and a taken POP_JUMP_IF_*'s) check: the eval breaker at a backward jump (a pending Ctrl-C is raised there). */
    void jump(int arg, int pc) {
        if (breaker && arg <= pc) evalBreaker(current != null && current.atRest);
    }

    /**
     * JUMP: backward it is 3.11's JUMP_BACKWARD, a step of the code's warm-up, except right after
     * a YIELD_VALUE (JUMP_BACKWARD_NO_INTERRUPT, which does not count).
     */
    void jumpOp(Frame f, int arg, int pc) {
        if (arg <= pc) {
            CodeType.Code code = f.code;
            if (code.warmup != 0 && (pc == 0 || code.ops[pc - 1] != Op.YIELD_VALUE)) Specializer.warmUp(rt, code);
            if (breaker) evalBreaker(current != null && current.atRest);
        }
    }

    /** POP_JUMP_IF_FALSE / _TRUE: pops the condition, returns its truth. */
    boolean popTruth(Frame f) {
        long[] s = f.slots;
        long v = s[--f.sp];
        s[f.sp] = 0;
        boolean t = v == heap.True || v != heap.False && truthyReleasing(v);
        heap.decref(v);
        return t;
    }

    /** POP_JUMP_IF_NONE / _NOT_NONE: pops the value, returns whether it is None. */
    boolean popIsNone(Frame f) {
        long[] s = f.slots;
        long v = s[--f.sp];
        s[f.sp] = 0;
        heap.decref(v);
        return v == heap.None;
    }

    /** JUMP_IF_FALSE_OR_POP ({@code onTrue} false) / JUMP_IF_TRUE_OR_POP: true to jump (the value stays), else the value is popped. */
    boolean jumpOrPop(Frame f, boolean onTrue) {
        long[] s = f.slots;
        long v = s[f.sp - 1];
        boolean t = rt.ops.truthy(v);
        if (t == onTrue) return true;
        f.sp--;
        s[f.sp] = 0;
        heap.decref(v);
        return false;
    }

    long kwNames(Frame f, int arg) { return f.code.consts[arg]; }

    /**
     * CALL: calls what the stack holds; true when it entered a Python function's frame (the
     * caller's pc is {@code next}, the callee {@link #pendingCallee}: the one running the frames
     * runs it), false when the result is pushed already.
     */
    boolean enterCall(Frame f, int n, long kw, int next) {
        Frame callee = kw == 0 && !useTracing ? enterSimple(f, n) : null;
        if (callee == null) callee = call(f, n, kw);
        if (callee == null) return false;
        f.pc = next;
        pendingCallee = callee;
        return true;
    }

    /** Compiled code runs a compiled callee's frame in its own Java invocation while fewer frames than this are running. */
    private static final int NESTED_DEPTH = 400;

    /** The callee {@link #callCompiled} left for its compiled caller to run, or null. */
    private Frame nestedCallee;

    /**
     * The compiled code's CALL (ClassCompiler's CALL_NESTED): the call is made as {@link #enterCall}
     * makes it. A Python function whose code is compiled is entered and its compiled code
     * returned: the caller runs it itself, on {@link #nestedCallee} (the interface call at each
     * of its CALL sites, so the JVM sees which callee each site calls), then hands the outcome to
     * {@link #nestedReturned} or {@link #nestedThrew}, which do what {@link #runFrames} and
     * {@link #runFrame} do around a run of compiled code: the frames' Java recursion bounded by
     * {@link #NESTED_DEPTH}. Null otherwise: the result is pushed already, or the callee waits
     * for the one running the frames ({@link #calleePending}: the caller returns 0), or (a traced
     * thread, code still warming up) it ran to its end in a nested {@link #run} ({@link #runNow}).
     */
    CompiledCode callCompiled(Frame f, int n, long kw, int next) {
        Frame callee = kw == 0 && !useTracing ? enterSimple(f, n) : null;
        if (callee == null) callee = call(f, n, kw);
        if (callee == null) return null;
        f.pc = next;
        CompiledCode c = callee.code.compiled;
        if (c == null || c == CompiledCode.REFUSED || depth >= NESTED_DEPTH) {
            pendingCallee = callee;
            return null;
        }
        if (useTracing || callee.code.warmup != 0) return runNow(f, callee);
        nestedCallee = callee;
        return c;
    }

    /**
     * {@link #callCompiled}'s rarer case, a method of its own so that callCompiled stays small
     * enough for C2 to inline into the compiled code (FreqInlineSize): what runFrame does before it
     * runs compiled code at a frame's start (the 'call' event, RESUME's warm-up) and then the
     * compiled code, in a nested {@link #run}; the result pushed. Null.
     */
    private CompiledCode runNow(Frame f, Frame callee) {
        long v;
        try {
            v = run(callee);
        } finally {
            leaveInline(callee);
        }
        f.slots[f.sp++] = v;
        return null;
    }

    /**
     * The common CALL of a Python function, what {@link #call}, {@link #functionFrame}, {@link
     * #bindArguments} and {@link #enter} do for it in one place: [NULL, function, args...] or
     * [function, self, args...] (LOAD_METHOD's) at a site whose PRECALL is specialized for a
     * Python function (or not quickened), no keywords, exactly the positional parameters, code
     * that is no generator, below the recursion limit, no pending eval breaker. The function and
     * the arguments move into the callee's frame, which is entered (on top of {@link #current})
     * and returned. Null when any of that does not hold, nothing done: {@link #call} makes the
     * call.
     */
    private Frame enterSimple(Frame f, int n) {
        long[] s = f.slots;
        int base = f.sp - n - 2;
        long first = s[base];
        long func = first != 0 ? first : s[base + 1];
        // small enough to inline into the CALLs: a class call (instances) makes no call for nothing
        return Heap.typeAddress(func) == functionTypeAddr ? enterFunction(f, n, base, first, func) : null;
    }

    /** {@link #enterSimple} for a Python function {@code func} ({@code first}: the slot at {@code base}, LOAD_METHOD's function or NULL). */
    private Frame enterFunction(Frame f, int n, int base, long first, long func) {
        long[] s = f.slots;
        byte[] forms = f.code.precallForm;
        if (forms != null && forms[f.lasti] != Specializer.PYFUNC) return null;
        long codeObj = Native.getLong(func + FunctionType.CODE);
        CodeType.Code[] known = f.code.calleeCodes;
        CodeType.Code c;
        if (known == null || (c = known[f.lasti]) == null || c.object != codeObj || c.freed) {
            c = rt.codeType.code(codeObj);
            if (known == null) known = f.code.calleeCodes = new CodeType.Code[f.code.ops.length];
            known[f.lasti] = c;
        }
        int nargs = first != 0 ? n + 1 : n;
        if (nargs != c.argcount || !c.simpleArgs || (c.unit.flags() & GENERATOR_LIKE) != 0 || depth >= rt.recursionLimit || breaker) {
            return null;
        }
        heap.incref(codeObj);
        Frame callee = Frame.create(c, func, Native.getLong(func + FunctionType.GLOBALS), Native.getLong(func + FunctionType.BUILTINS), 0);
        callee.restEntry = true;
        int argStart = base + 2;
        if (first != 0) {
            s[base] = 0;
            argStart = base + 1;
        } else {
            s[base + 1] = 0;
        }
        long[] cs = callee.slots;
        for (int i = 0; i < nargs; i++) {
            cs[i] = s[argStart + i];
            s[argStart + i] = 0;
        }
        Frame caller = current;
        callee.back = caller;
        callee.atRest = caller == null || caller.atRest;
        current = callee;
        depth++;
        callee.callBase = base;
        return callee;
    }

    /** After {@link #callCompiled} returned null: whether a frame was entered for the one running the frames (the compiled caller returns 0). */
    boolean calleePending() { return pendingCallee != null; }

    /** The frame whose compiled code {@link #callCompiled} returned (taken: the field is cleared). */
    Frame nestedCallee() {
        Frame c = nestedCallee;
        nestedCallee = null;
        return c;
    }

    /**
     * The compiled code of {@code callee} (entered by f's CALL) returned {@code v}: its result (the
     * 'return' event while tracing), or 0, when it stopped where the interpreter goes on (a CALL
     * that left a frame for the trampoline, an instruction it does not run); then the frames run
     * here to callee's end, as {@link #run} would have. Callee leaves and the result is pushed on
     * f's stack.
     */
    void nestedReturned(Frame f, Frame callee, long v) {
        try {
            if (v == 0) v = resumeNested(callee);
            else if (useTracing && tracing == 0) v = SysTrace.frameExit(this, callee, v);
        } catch (SysTrace.Unwind u) {
            throw new PyException(u.exc);  // runFrames' exit_unwind: the callee's handlers are not consulted
        } finally {
            leaveInline(callee);
        }
        f.slots[f.sp++] = v;
    }

    /**
     * The compiled code of {@code callee} threw {@code t}: callee's handlers are tried as {@link
     * #runFrame} tries them (and the frames run on from the handler, as {@link #run} would), or
     * it is thrown on as the CALL's exception, callee having left.
     */
    void nestedThrew(Frame f, Frame callee, Throwable t) {
        long v;
        try {
            if (t instanceof SysTrace.Unwind u) throw new PyException(u.exc);
            unwind(callee, t, true, 0);
            v = resumeNested(callee);
        } finally {
            leaveInline(callee);
        }
        f.slots[f.sp++] = v;
    }

    /** Runs {@code entry} (a frame a compiled caller runs itself) on from where it stopped to its end, as {@link #run}. */
    private long resumeNested(Frame entry) {
        Frame start = entry;
        if (pendingCallee != null) {
            start = pendingCallee;
            pendingCallee = null;
            if (useTracing && tracing == 0) start.callDue = true;
        }
        try {
            return runFrames(entry, start, false);
        } catch (Throwable t) {
            for (Frame g = current; g != entry && g != null && g.callBase >= 0; ) g = leaveInline(g);
            throw t;
        }
    }

    /** RETURN_VALUE: the returned reference, popped. */
    long popReturn(Frame f, int next) {
        long v = f.slots[--f.sp];
        f.slots[f.sp] = 0;
        f.pc = next;
        return v;
    }

    /**
     * The instructions {@link #runFrame} runs out of its loop: common, but each a few dozen
     * native loads and stores once its helpers are inlined (an attribute's cache check, a
     * subscript, an allocation). C2 stops inlining into a method at a fixed budget of IR nodes
     * (NodeCountInliningCutoff), and every native access through {@code MemorySegment} costs
     * some hundreds of them; inlined into the loop, these used it up, and the instructions
     * whose whole work is a few loads and a refcount (LOAD_FAST, STORE_FAST, POP_TOP,
     * LOAD_CONST, the name loads) were left as calls (PrintInlining: "NodeCountInliningCutoff").
     * This method is larger than C2's FreqInlineSize (325 bytes of bytecode), so it is never
     * inlined into the loop: it is compiled on its own, with a budget of its own, and an
     * instruction here costs the loop one call.
     */
    private void warmOp(Frame f, int op, int arg, int pc) {
        switch (op) {
            case Op.STORE_GLOBAL -> storeGlobalOp(f, arg, pc);
            case Op.LOAD_DEREF -> loadDeref(f, arg);
            case Op.LOAD_ATTR -> loadAttrOp(f, arg, pc);
            case Op.LOAD_METHOD -> loadMethodOp(f, arg, pc);
            case Op.STORE_ATTR -> storeAttrOp(f, arg, pc);
            case Op.BINARY_SUBSCR -> binarySubscr(f);
            case Op.STORE_SUBSCR -> storeSubscr(f);
            case Op.CONTAINS_OP -> containsOp(f, arg);
            case Op.BUILD_TUPLE -> buildTuple(f, arg);
            case Op.BUILD_LIST -> buildList(f, arg);
            case Op.LIST_APPEND -> listAppend(f, arg);
            case Op.GET_ITER -> getIter(f);
            default -> throw new IllegalStateException("warmOp: not one of its instructions: " + OPS[op]);
        }
    }

    /** An instruction of {@link #coldOp}; returns the next pc (only SEND changes it). */
    int cold(Frame f, int op, int arg, int next) {
        f.pc = next;
        coldOp(f, OPS[op], arg);
        return f.pc;
    }


    private final long[] methodOut = new long[2];

    /** The truth of {@code v} for a conditional jump (not True or False); on an error {@code v}, which the jump owns, is released. */
    private boolean truthyReleasing(long v) {
        try {
            return rt.ops.truthy(v);
        } catch (Throwable e) {
            heap.decref(v);
            throw e;
        }
    }
    /** Type objects of the iterators FOR_ITER advances without going through Ops.next. */
    private long rangeIterType, listIterType, generatorTypeAddr, functionTypeAddr, methodTypeAddr;

    /** Called once the runtime's types exist. */
    void typesReady() {
        functionTypeAddr = rt.functionType.address();
        methodTypeAddr = rt.methodType.address();
        rangeIterType = rt.rangeType.iterType.address();
        listIterType = rt.iterType.address();
        generatorTypeAddr = rt.generatorType.address();
    }

    // Instructions of coldOp that loops run often (literals of dicts and sets, slices, `not`,
    // comprehensions, f-strings, `del o[k]`): each a method of its own, which compiled code calls
    // directly (CompiledCode.Classes) and coldOp calls for the interpreter. Reached through
    // coldOp from compiled code, one of them made C2 compile the whole of coldOp (5 KB of
    // bytecode, every case the training's profile had seen: 1.5 s of a compiler thread in
    // churn.py, docs/performance.md "Session 19").

    /** BUILD_SLICE: a slice of the popped start, stop (and step, arg 3). */
    void buildSlice(Frame f, int arg) {
        long[] s = f.slots;
        long step = arg == 3 ? s[--f.sp] : heap.None;
        if (arg != 3) heap.incref(step);
        long stop = s[--f.sp], start = s[--f.sp];
        s[f.sp] = s[f.sp + 1] = s[f.sp + 2] = 0;
        long pushed = rt.sliceType.create(start, stop, step);
        s[f.sp++] = pushed;
    }

    /** UNARY_NOT: the top replaced by its negated truth. */
    void unaryNot(Frame f) {
        long[] s = f.slots;
        long a = s[f.sp - 1];
        boolean t = rt.ops.truthy(a);
        s[f.sp - 1] = rt.ops.bool(!t);
        heap.decref(a);
    }

    /** BUILD_SET: a set of the top {@code arg} values, in order. */
    void buildSet(Frame f, int arg) {
        long[] s = f.slots;
        long st = heap.sets.create();
        f.sp -= arg;
        try {
            for (int i = 0; i < arg; i++) heap.sets.add(st, s[f.sp + i]);
        } catch (PyError | PyException e) {  // PyException: an instance's __hash__ raised
            f.sp += arg;
            heap.decref(st);
            throw e instanceof PyError pe ? rt.fromPyError(pe) : (PyException) e;
        }
        for (int i = 0; i < arg; i++) { heap.decref(s[f.sp + i]); s[f.sp + i] = 0; }
        s[f.sp++] = st;
    }

    /** BUILD_MAP: a dict of the top {@code arg} key/value pairs, in order. */
    void buildMap(Frame f, int arg) {
        long[] s = f.slots;
        long d = heap.dicts.create();
        f.sp -= 2 * arg;
        try {
            for (int i = 0; i < arg; i++) heap.dicts.setItem(d, s[f.sp + 2 * i], s[f.sp + 2 * i + 1]);
        } catch (PyError | PyException e) {  // PyException: an instance's __hash__ raised
            f.sp += 2 * arg;
            heap.decref(d);
            throw e instanceof PyError pe ? rt.fromPyError(pe) : (PyException) e;
        }
        for (int i = 0; i < 2 * arg; i++) { heap.decref(s[f.sp + i]); s[f.sp + i] = 0; }
        s[f.sp++] = d;
    }

    /** BUILD_CONST_KEY_MAP: a dict of the keys tuple on top and the {@code arg} values below it. */
    void buildConstKeyMap(Frame f, int arg) {
        long[] s = f.slots;
        long keys = s[--f.sp];
        s[f.sp] = 0;
        long d = heap.dicts.create();
        f.sp -= arg;
        for (int i = 0; i < arg; i++) {
            heap.dicts.setItem(d, TupleType.item(keys, i), s[f.sp + i]);
            heap.decref(s[f.sp + i]);
            s[f.sp + i] = 0;
        }
        heap.decref(keys);
        s[f.sp++] = d;
    }

    /** BUILD_STRING: the top {@code arg} strs joined. */
    void buildString(Frame f, int arg) {
        long[] s = f.slots;
        StringBuilder sb = new StringBuilder();
        f.sp -= arg;
        for (int i = 0; i < arg; i++) { sb.append(StrType.value(s[f.sp + i])); heap.decref(s[f.sp + i]); s[f.sp + i] = 0; }
        long pushed = heap.strs.of(sb.toString());
        s[f.sp++] = pushed;
    }

    /** SET_ADD (a set comprehension): the popped value added to the set {@code arg} deep. */
    void setAdd(Frame f, int arg) {
        long[] s = f.slots;
        long v = s[--f.sp];
        s[f.sp] = 0;
        try {
            heap.sets.add(s[f.sp - arg], v);
        } catch (PyError e) {
            throw rt.fromPyError(e);
        } finally {
            heap.decref(v);
        }
    }

    /** MAP_ADD (a dict comprehension): the popped key and value stored in the dict {@code arg} deep. */
    void mapAdd(Frame f, int arg) {
        long[] s = f.slots;
        long v = s[--f.sp], k = s[--f.sp];
        s[f.sp] = s[f.sp + 1] = 0;
        try {
            heap.dicts.setItem(s[f.sp - arg], k, v);
        } catch (PyError e) {
            throw rt.fromPyError(e);
        } finally {
            heap.decref(k);
            heap.decref(v);
        }
    }

    /** FORMAT_VALUE: the top formatted (an f-string's field), with the spec popped first if {@code arg & 4}. */
    void formatValueOp(Frame f, int arg) {
        long[] s = f.slots;
        long spec = (arg & 4) != 0 ? s[--f.sp] : 0;
        if (spec != 0) s[f.sp] = 0;
        long v = s[f.sp - 1];
        if ((arg & 3) == 0 && spec == 0 && heap.typeOf(v) == heap.strs) return;
        // 3.11 pops the value first: while its __str__/__format__ runs, the value's one
        // reference is the instruction's, not the stack's as well
        s[--f.sp] = 0;
        long r;
        try {
            r = formatValue(v, arg & 3, spec);
        } finally {
            heap.xdecref(spec);
        }
        s[f.sp++] = r;
    }

    /** DELETE_SUBSCR: {@code del o[k]} of the top two. */
    void deleteSubscr(Frame f) {
        long[] s = f.slots;
        long k = s[f.sp - 1], o = s[f.sp - 2];
        rt.ops.delItem(o, k);
        f.sp -= 2;
        s[f.sp] = s[f.sp + 1] = 0;
        heap.decref(o);
        heap.decref(k);
    }

    /** UNARY_POSITIVE, UNARY_NEGATIVE, UNARY_INVERT ({@code op}): the top replaced by the result. */
    void unary(Frame f, int op) {
        long[] s = f.slots;
        long a = s[f.sp - 1];
        String sym = op == Op.UNARY_POSITIVE ? "+" : op == Op.UNARY_NEGATIVE ? "-" : "~";
        s[f.sp - 1] = rt.ops.unary(sym, a);
        heap.decref(a);
    }

    /** The instructions that are not on the hot paths, kept out of {@link #run} so the JIT can compile that loop well. */
    private void coldOp(Frame f, Opcode op, int arg) {
        long[] s = f.slots;
        CodeType.Code code = f.code;
        switch (op) {
            case DELETE_NAME -> deleteName(f, code.names[arg]);
            case DELETE_GLOBAL -> {
                if (!heap.dicts.delItem(f.globals, code.names[arg])) throw nameError(code.names[arg]);
            }
            case DELETE_FAST -> {
                long old = s[arg];
                if (old == 0) throw unboundLocal(f, arg);
                s[arg] = 0;
                heap.decref(old);
            }
            case STORE_DEREF -> { long v = s[--f.sp]; s[f.sp] = 0; rt.cellType.set(s[arg], v); }
            case DELETE_DEREF -> {
                if (CellType.contents(s[arg]) == 0) throw freeVarError(f, arg);
                rt.cellType.set(s[arg], 0);
            }
            case LOAD_CLOSURE -> { long c = s[arg]; heap.incref(c); s[f.sp++] = c; }
            case LOAD_CLASSDEREF -> {
                String name = code.unit.localsplusNames().get(arg);
                long v;
                boolean owned = false;
                if (f.locals != 0 && Heap.typeAddress(f.locals) != heap.dicts.address()) {
                    long key = heap.strs.internedOf(name);
                    try {
                        v = mappingGet(f.locals, key);  // a new reference
                    } finally {
                        heap.decref(key);
                    }
                    owned = v != 0;
                } else {
                    v = f.locals == 0 ? 0 : heap.dicts.getItem(f.locals, name);
                }
                if (v == 0) {
                    v = CellType.contents(s[arg]);
                    if (v == 0) throw freeVarError(f, arg);
                }
                if (!owned) heap.incref(v);
                s[f.sp++] = v;
            }
            case MAKE_CELL -> makeCell(f, arg);
            case COPY_FREE_VARS -> copyFreeVars(f, arg);
            case DELETE_ATTR -> {
                long o = s[--f.sp];
                s[f.sp] = 0;
                try {
                    rt.ops.delAttr(o, code.names[arg]);
                } finally {
                    heap.decref(o);
                }
            }
            case DELETE_SUBSCR -> deleteSubscr(f);
            case BUILD_SLICE -> buildSlice(f, arg);
            case UNARY_POSITIVE, UNARY_NEGATIVE, UNARY_INVERT -> unary(f, op.ordinal());
            case UNARY_NOT -> unaryNot(f);
            case BUILD_SET -> buildSet(f, arg);
            case BUILD_MAP -> buildMap(f, arg);
            case BUILD_CONST_KEY_MAP -> buildConstKeyMap(f, arg);
            case BUILD_STRING -> buildString(f, arg);
            case SET_ADD -> setAdd(f, arg);
            case MAP_ADD -> mapAdd(f, arg);
            case LIST_EXTEND -> {
                long it = s[--f.sp];
                s[f.sp] = 0;
                try {
                    Sequences.extend(rt, s[f.sp - arg], it);
                } catch (PyException e) {
                    if (rt.ops.isInstance(e.exc(), rt.exceptionType("TypeError")) && !hasIter(it)) {
                        heap.decref(e.exc());
                        throw rt.typeError("Value after * must be an iterable, not " + rt.ops.typeName(it));
                    }
                    throw e;
                } finally {
                    heap.decref(it);
                }
            }
            case SET_UPDATE -> {
                long it = s[--f.sp];
                s[f.sp] = 0;
                try {
                    SetMethods.updateInternal(rt, s[f.sp - arg], it);
                } finally {
                    heap.decref(it);
                }
            }
            case DICT_UPDATE, DICT_MERGE -> {
                long m = s[--f.sp];
                s[f.sp] = 0;
                try {
                    boolean merge = op == Opcode.DICT_MERGE;
                    // only DICT_MERGE (a call's **kwargs) has the called function below its dict
                    Builtins.dictUpdate(rt, s[f.sp - arg], m, merge, merge ? s[f.sp - arg - 2] : 0);
                } finally {
                    heap.decref(m);
                }
            }
            case LIST_TO_TUPLE -> { long l = s[f.sp - 1]; s[f.sp - 1] = listToTuple(l); heap.decref(l); }
            case UNPACK_EX -> unpack(f, arg & 0xff, arg >> 8);
            case FORMAT_VALUE -> formatValueOp(f, arg);
            case CALL_FUNCTION_EX -> callEx(f, arg);
            case MAKE_FUNCTION -> {
                long codeObj = s[--f.sp];
                long closure = (arg & 8) != 0 ? s[--f.sp] : 0;
                long annotations = (arg & 4) != 0 ? s[--f.sp] : 0;
                long kwdefaults = (arg & 2) != 0 ? s[--f.sp] : 0;
                long defaults = (arg & 1) != 0 ? s[--f.sp] : 0;
                for (int i = 0; i <= Integer.bitCount(arg & 15); i++) s[f.sp + i] = 0;
                { long pushed = rt.functionType.create(codeObj, f.globals, defaults, kwdefaults, closure, annotations); s[f.sp++] = pushed; }
            }
            case GET_YIELD_FROM_ITER -> {
                long o = s[f.sp - 1];
                if (heap.typeOf(o) != rt.generatorType) {
                    s[f.sp - 1] = rt.ops.iter(o);
                    heap.decref(o);
                }
            }
            case SEND -> {
                long v = s[--f.sp];
                s[f.sp] = 0;
                long sub = s[f.sp - 1];
                long r;
                try {
                    if (heap.typeOf(sub) instanceof GeneratorType) r = resumeForSend(sub, v);
                    else r = sendOther(f, sub, v);
                } finally {
                    heap.decref(v);
                }
                if (r != 0) s[f.sp++] = r;
                else {
                    long result = f.sendResult != 0 ? f.sendResult : heap.None;
                    if (f.sendResult == 0) heap.incref(result);
                    f.sendResult = 0;
                    s[f.sp - 1] = result;
                    heap.decref(sub);
                    f.pc = arg;
                }
            }
            case RAISE_VARARGS -> doRaise(f, arg);
            case RERAISE -> {
                long exc = s[--f.sp];
                s[f.sp] = 0;
                int at = f.lasti;  // the handler is looked up for this instruction, whatever lasti it restores
                if (arg != 0) {
                    long lasti = s[f.sp - arg];
                    if (heap.typeOf(lasti) instanceof IntType) {
                        int v = (int) IntType.asLong(lasti);
                        f.inPrecall = v < 0;
                        f.lasti = v < 0 ? ~v : v;
                    }
                }
                throw new ReraiseSignal(exc, at);
            }
            case PUSH_EXC_INFO -> {
                long exc = s[f.sp - 1];
                long prev = rt.handledException;
                if (prev == 0) { prev = heap.None; heap.incref(prev); }
                s[f.sp - 1] = prev;
                heap.incref(exc);
                rt.handledException = exc;
                s[f.sp++] = exc;
            }
            case POP_EXCEPT -> {
                long prev = s[--f.sp];
                s[f.sp] = 0;
                long old = rt.handledException;
                if (prev == heap.None) { heap.decref(prev); prev = 0; }
                rt.handledException = prev;
                heap.xdecref(old);
            }
            case CHECK_EXC_MATCH -> {
                long type = s[f.sp - 1], exc = s[f.sp - 2];
                boolean m = Builtins.exceptionMatches(rt, exc, type);
                s[f.sp - 1] = rt.ops.bool(m);
                heap.decref(type);
            }
            case BEFORE_WITH -> {
                long mgr = s[f.sp - 1];
                long enter = rt.ops.getAttrOrNull(mgr, rt.names.__enter__);
                long exit = enter == 0 ? 0 : rt.ops.getAttrOrNull(mgr, rt.names.__exit__);
                if (exit == 0) {
                    heap.xdecref(enter);
                    throw rt.typeError("'" + rt.ops.typeName(mgr) + "' object does not support the context manager protocol"
                            + (enter != 0 ? " (missed __exit__ method)" : ""));
                }
                long entered;
                try {
                    entered = rt.ops.call0(enter);
                } catch (PyException e) {
                    heap.decref(exit);
                    throw e;
                } finally {
                    heap.decref(enter);
                }
                s[f.sp - 1] = exit;
                heap.decref(mgr);
                s[f.sp++] = entered;
            }
            case WITH_EXCEPT_START -> {
                long exc = s[f.sp - 1];
                long exit = s[f.sp - 4];
                long type = Heap.typeAddress(exc);
                long tb = ExceptionType.traceback(exc);
                { long pushed = rt.ops.call0(exit, type, exc, tb == 0 ? heap.None : tb); s[f.sp++] = pushed; }
            }
            case LOAD_BUILD_CLASS -> {
                long b = builtinOrZero(f, "__build_class__");
                if (b == 0) throw rt.error("NameError", "__build_class__ not found");
                s[f.sp++] = b;
            }
            case IMPORT_NAME -> {
                long fromlist = s[--f.sp], level = s[--f.sp];
                s[f.sp] = s[f.sp + 1] = 0;
                long imported;
                try {
                    imported = importName(f, code.names[arg], fromlist, level);
                } finally {
                    heap.decref(fromlist);
                    heap.decref(level);
                }
                s[f.sp++] = imported;
            }
            case IMPORT_FROM -> {
                { long pushed = rt.imports().importFrom(s[f.sp - 1], code.names[arg]); s[f.sp++] = pushed; }
            }
            case IMPORT_STAR -> {
                long m = s[--f.sp];
                s[f.sp] = 0;
                try {
                    rt.imports().importStar(m, f.locals);
                } finally {
                    heap.decref(m);
                }
            }
            case LOAD_ASSERTION_ERROR -> { long t = rt.exceptionType("AssertionError").address(); heap.incref(t); s[f.sp++] = t; }
            case SETUP_ANNOTATIONS -> {
                if (heap.dicts.getItem(f.locals, "__annotations__") == 0) {
                    long d = heap.dicts.create();
                    heap.dicts.setItem(f.locals, "__annotations__", d);
                    heap.decref(d);
                }
            }
            case PRINT_EXPR -> ExecBuiltins.printExpr(rt, f);
            case DISPLAY_RESULT -> {
                long v = s[--f.sp];
                s[f.sp] = 0;
                try {
                    if (v != heap.None) rt.displayHook.accept(rt.ops.repr(v));
                } finally {
                    heap.decref(v);
                }
            }
            case GET_LEN -> { long pushed = MatchOps.getLen(rt, s[f.sp - 1]); s[f.sp++] = pushed; }
            case MATCH_MAPPING -> { long pushed = rt.ops.bool(MatchOps.isMapping(rt, s[f.sp - 1])); s[f.sp++] = pushed; }
            case MATCH_SEQUENCE -> { long pushed = rt.ops.bool(MatchOps.isSequence(rt, s[f.sp - 1])); s[f.sp++] = pushed; }
            case MATCH_KEYS -> { long pushed = MatchOps.matchKeys(rt, s[f.sp - 2], s[f.sp - 1]); s[f.sp++] = pushed; }
            case MATCH_CLASS -> {
                long names = s[f.sp - 1], type = s[f.sp - 2], subject = s[f.sp - 3];
                long attrs = MatchOps.matchClass(rt, subject, type, arg, names);
                f.sp -= 2;
                s[f.sp] = s[f.sp + 1] = 0;
                heap.decref(names);
                heap.decref(type);
                if (attrs == 0) { attrs = heap.None; heap.incref(attrs); }
                s[f.sp - 1] = attrs;
                heap.decref(subject);
            }
            case CHECK_EG_MATCH -> {
                long type = s[f.sp - 1];
                ExceptionGroups.checkStarType(rt, type);
                long exc = s[f.sp - 2];
                long[] mr = ExceptionGroups.match(rt, exc, type);
                s[--f.sp] = 0;
                heap.decref(type);
                if (mr[0] == heap.None) {
                    heap.decref(mr[1]);
                    s[f.sp++] = mr[0];
                } else {
                    s[f.sp - 1] = mr[1];
                    s[f.sp++] = mr[0];
                    heap.incref(mr[0]);
                    long old = rt.handledException;
                    rt.handledException = mr[0];
                    heap.xdecref(old);
                    heap.decref(exc);
                }
            }
            case PREP_RERAISE_STAR -> {
                long excs = s[f.sp - 1], orig = s[f.sp - 2];
                long val = ExceptionGroups.prepReraiseStar(rt, orig, excs);
                f.sp -= 2;
                s[f.sp] = s[f.sp + 1] = 0;
                heap.decref(excs);
                heap.decref(orig);
                s[f.sp++] = val;
            }
            case GET_AWAITABLE -> { long o = s[f.sp - 1]; s[f.sp - 1] = Coroutines.awaitable(rt, o, arg); heap.decref(o); }
            case GET_AITER -> { long o = s[f.sp - 1]; s[f.sp - 1] = Coroutines.aiter(rt, o); heap.decref(o); }
            case GET_ANEXT -> { long pushed = Coroutines.anext(rt, s[f.sp - 1]); s[f.sp++] = pushed; }
            case END_ASYNC_FOR -> {
                long exc = s[--f.sp];
                s[f.sp] = 0;
                if (!Builtins.exceptionMatches(rt, exc, rt.exceptionType("StopAsyncIteration").address())) {
                    throw new ReraiseSignal(exc);
                }
                heap.decref(exc);
                long it = s[--f.sp];
                s[f.sp] = 0;
                heap.decref(it);
            }
            case BEFORE_ASYNC_WITH -> {
                long mgr = s[f.sp - 1];
                long[] r = Coroutines.beforeAsyncWith(rt, mgr);
                s[f.sp - 1] = r[0];
                heap.decref(mgr);
                s[f.sp++] = r[1];
            }
            case ASYNC_GEN_WRAP -> s[f.sp - 1] = rt.asyncGens.wrap(s[f.sp - 1]);
            default -> throw new IllegalStateException("opcode " + op + " is not implemented");
        }
    }

    // ---- attribute caches -------------------------------------------------------------------------
    //
    // As CPython 3.11's LOAD_ATTR_INSTANCE_VALUE, LOAD_METHOD_WITH_VALUES and STORE_ATTR_INSTANCE_VALUE:
    // an attribute instruction that met an instance of a plain class remembers the class and what
    // the lookup found. The entry is valid while no class dict changed (the dicts' watched
    // version, which also moves when a class dict dies) and the instance keeps its attributes
    // inline (no materialized __dict__). A hit does exactly what the full lookup would have done.

    /** The cached class if the entry at pc is valid for {@code o}'s type, else null. */
    private ClassType cachedClass(CodeType.Code code, int pc, long o) {
        ClassType c = code.attrClass[pc];
        if (c == null || c.typeObject != Heap.typeAddress(o) || code.attrVersion[pc] != heap.dicts.watchedVersion()
                || Native.getLong(o + dev.refheap.object.Layout.MANAGED_DICT) != 0) {
            return null;
        }
        return c;
    }

    /** LOAD_ATTR's hit: the instance's inline value (borrowed), or 0 (then the full lookup runs). */
    private long cachedInstanceValue(CodeType.Code code, int pc, long o) {
        if (cachedClass(code, pc, o) == null) return 0;
        long values = ClassType.values(o);
        if (values == 0) return 0;
        return Native.getLong(values + 8 * code.attrFound[pc]);  // Instances.slot: every cached index is below the array's size
    }

    /** LOAD_ATTR's full lookup; remembers an inline value that is what the lookup gives. */
    private long loadAttr(CodeType.Code code, int pc, long o, int arg) {
        String name = code.nameStrings[arg];
        long v = rt.ops.getAttr(o, code.names[arg], name);
        if (heap.typeOf(o) instanceof ClassType c && c.managed() && !c.exceptionBased && !name.equals("__class__") && !name.equals("__dict__") && !Attributes.baseKeepsAttrs(c)
                && Native.getLong(o + dev.refheap.object.Layout.MANAGED_DICT) == 0 && Attributes.hooks(rt, c) == 0) {
            long descr = rt.ops.lookupType(c, name);
            int slot = c.keyIndex(name, false);
            // The instance's value wins over anything on the class but a data descriptor.
            if (slot >= 0 && (descr == 0 || !Attributes.isDataDescriptor(rt, descr))) {
                code.attrClass[pc] = c;
                code.attrVersion[pc] = heap.dicts.watchedVersion();
                code.attrFound[pc] = slot;
            }
        }
        return v;
    }

    /** LOAD_METHOD's hit: the (borrowed) function found on the class, not shadowed by the instance; or 0. */
    private long cachedMethod(CodeType.Code code, int pc, long o) {
        ClassType c = cachedClass(code, pc, o);
        if (c == null) return 0;
        int keys = code.attrKeys[pc];
        if (keys >= 0) {
            if (c.keys.size() != keys) return 0;  // the name may have become an attribute name since
        } else {
            long values = ClassType.values(o);
            int slot = ~keys;
            if (values != 0 && Native.getLong(values + 8L * slot) != 0) return 0;
        }
        return code.attrFound[pc];
    }

    /** LOAD_METHOD's full lookup; remembers a plain function found on a plain class. */
    private void loadMethod(CodeType.Code code, int pc, long o, int arg, long[] out) {
        String name = code.nameStrings[arg];
        rt.ops.loadMethod(o, code.names[arg], name, out);
        if (out[0] != 0 && Heap.typeAddress(out[0]) == functionTypeAddr && heap.typeOf(o) instanceof ClassType c && !c.exceptionBased && !Attributes.baseKeepsAttrs(c)
                && c.managed() && Native.getLong(o + dev.refheap.object.Layout.MANAGED_DICT) == 0 && rt.ops.lookupType(c, name) == out[0]) {
            int slot = c.keyIndex(name, false);
            code.attrClass[pc] = c;
            code.attrVersion[pc] = heap.dicts.watchedVersion();
            code.attrFound[pc] = out[0];
            code.attrKeys[pc] = slot >= 0 ? ~slot : c.keys.size();
        }
    }

    /** STORE_ATTR's hit: replaces an inline value in place (as Instances.set); false if the full path must run. */
    private boolean storeCachedInstanceValue(CodeType.Code code, int pc, long o, long v) {
        ClassType c = cachedClass(code, pc, o);
        if (c == null) return false;
        int slot = (int) code.attrFound[pc];
        long values = ClassType.values(o);
        if (values == 0) return false;  // no inline values: the full path makes the dict
        long at = values + 8L * slot;
        long old = Native.getLong(at);
        heap.incref(v);
        Native.putLong(at, v);
        if (old == 0) dev.refheap.object.DictValues.appendOrder(values, slot);  // a new attribute: set last
        else heap.decref(old);
        return true;
    }

    /** STORE_ATTR's full path; remembers the inline slot when no property intercepts the name. */
    private void storeAttr(CodeType.Code code, int pc, long o, int arg, long v) {
        String name = code.nameStrings[arg];
        rt.ops.setAttr(o, code.names[arg], name, v);
        if (heap.typeOf(o) instanceof ClassType c && !c.exceptionBased && c.managed() && !Attributes.baseKeepsAttrs(c)
                && Native.getLong(o + dev.refheap.object.Layout.MANAGED_DICT) == 0 && (Attributes.hooks(rt, c) & Attributes.SETATTR) == 0) {
            long descr = rt.ops.lookupType(c, name);
            int slot = c.keyIndex(name, false);
            if (slot >= 0 && (descr == 0 || !Attributes.isDataDescriptor(rt, descr))) {
                code.attrClass[pc] = c;
                code.attrVersion[pc] = heap.dicts.watchedVersion();
                code.attrFound[pc] = slot;
            }
        }
    }

    // ---- subscript fast paths -------------------------------------------------------------------

    /**
     * The index an exact int of at most one digit denotes in a sequence of {@code len} items
     * (negative counts from the end), or -1 when it is out of range or not such an int: then the
     * general path runs (and raises what it raises).
     */
    private long smallIndex(long key, long len) {
        if (Heap.typeAddress(key) != heap.ints.address()) return -1;
        long size = IntType.obSize(key);
        if (size < -1 || size > 1) return -1;
        long i = size * Native.getInt(key + IntType.OB_DIGIT);
        if (i < 0) i += len;
        return i >= 0 && i < len ? i : -1;
    }

    /** list[int] and tuple[int] within range: the item (borrowed), else 0 for the general path. */
    private long fastSubscript(long o, long key) {
        long t = Heap.typeAddress(o);
        if (t == heap.lists.address()) {
            long i = smallIndex(key, ListType.size(o));
            return i >= 0 ? ListType.item(o, i) : 0;
        }
        if (t == heap.tuples.address()) {
            long i = smallIndex(key, TupleType.size(o));
            return i >= 0 ? TupleType.item(o, i) : 0;
        }
        return 0;
    }

    // ---- number fast paths ----------------------------------------------------------------------

    private static final int ADD = BinaryOp.ADD.ordinal(), SUBTRACT = BinaryOp.SUBTRACT.ordinal(),
            MULTIPLY = BinaryOp.MULTIPLY.ordinal(), FLOOR_DIVIDE = BinaryOp.FLOOR_DIVIDE.ordinal(),
            REMAINDER = BinaryOp.REMAINDER.ordinal(), AND = BinaryOp.AND.ordinal(), OR = BinaryOp.OR.ordinal(),
            XOR = BinaryOp.XOR.ordinal(), TRUE_DIVIDE = BinaryOp.TRUE_DIVIDE.ordinal(),
            INPLACE = BinaryOp.INPLACE_ADD.ordinal();

    /**
     * BINARY_OP on two exact ints of at most one digit, or two exact floats, for the operators
     * whose result is plainly the Java one; 0 means "take the general path" (which gives the
     * same result, just slower). Allocates exactly what the general path would.
     */
    private long fastBinaryOp(int arg, long a, long b) {
        int op = arg >= INPLACE ? arg - INPLACE : arg;
        long ta = Heap.typeAddress(a), tb = Heap.typeAddress(b);
        if (ta == tb && ta == heap.ints.address()) {
            long sa = IntType.obSize(a), sb = IntType.obSize(b);
            if (sa < -1 || sa > 1 || sb < -1 || sb > 1) return 0;
            long x = sa * Native.getInt(a + IntType.OB_DIGIT), y = sb * Native.getInt(b + IntType.OB_DIGIT);
            if (op == ADD) return heap.ints.of(x + y);
            if (op == SUBTRACT) return heap.ints.of(x - y);
            if (op == MULTIPLY) return heap.ints.of(x * y);
            if (op == FLOOR_DIVIDE && y != 0) return heap.ints.of(Math.floorDiv(x, y));
            if (op == REMAINDER && y != 0) return heap.ints.of(Math.floorMod(x, y));
            if (op == AND) return heap.ints.of(x & y);
            if (op == OR) return heap.ints.of(x | y);
            if (op == XOR) return heap.ints.of(x ^ y);
            return 0;
        }
        if (ta == tb && ta == heap.floats.address()) {
            double x = FloatType.value(a), y = FloatType.value(b);
            if (op == ADD) return heap.floats.of(x + y);
            if (op == SUBTRACT) return heap.floats.of(x - y);
            if (op == MULTIPLY) return heap.floats.of(x * y);
            if (op == TRUE_DIVIDE && y != 0) return heap.floats.of(x / y);
            return 0;
        }
        return 0;
    }

    /**
     * COMPARE_OP on two exact ints of at most one digit or two exact floats: 1 (true), 0 (false),
     * or -1 for "take the general path".
     */
    private int fastCompare(int op, long a, long b) {
        long ta = Heap.typeAddress(a), tb = Heap.typeAddress(b);
        if (ta == tb && ta == heap.ints.address()) {
            long sa = IntType.obSize(a), sb = IntType.obSize(b);
            if (sa < -1 || sa > 1 || sb < -1 || sb > 1) return -1;
            long x = sa * Native.getInt(a + IntType.OB_DIGIT), y = sb * Native.getInt(b + IntType.OB_DIGIT);
            return compareResult(op, x, y) ? 1 : 0;
        }
        if (ta == tb && ta == heap.floats.address()) {
            double x = FloatType.value(a), y = FloatType.value(b);
            return compareResult(op, x, y) ? 1 : 0;
        }
        return -1;
    }

    private static boolean compareResult(int op, long x, long y) {
        return switch (op) {
            case 0 -> x < y;
            case 1 -> x <= y;
            case 2 -> x == y;
            case 3 -> x != y;
            case 4 -> x > y;
            default -> x >= y;
        };
    }

    /** IEEE comparisons, as Python's float_richcompare (every comparison with a NaN but != is false). */
    private static boolean compareResult(int op, double x, double y) {
        return switch (op) {
            case 0 -> x < y;
            case 1 -> x <= y;
            case 2 -> x == y;
            case 3 -> x != y;
            case 4 -> x > y;
            default -> x >= y;
        };
    }

    /** A RERAISE that leaves the frame: no new traceback entry. */
    private static final class ReraiseSignal extends RuntimeException {
        final long exc;

        /** The instruction whose handler applies, or -1 for the frame's lasti. */
        final int at;

        ReraiseSignal(long exc) {
            this(exc, -1);
        }

        ReraiseSignal(long exc, int at) {
            super(null, null, false, false);
            this.exc = exc;
            this.at = at;
        }
    }

    private PyException memoryError() {
        // The exception object is small; if even that fails the limit is truly exhausted.
        return rt.error("MemoryError", null);
    }

    private boolean hasIter(long o) {
        try {
            heap.decref(rt.ops.iter(o));
            return true;
        } catch (PyException e) {
            heap.decref(e.exc());
            return false;
        }
    }

    /**
     * The exception-unwind path: records a traceback entry (unless re-raised), sets __context__
     * ({@code chain}: in the frame where an error the VM or a builtin raised is first seen; a
     * raise statement chains itself, and an exception passing through a frame is not chained
     * again: a handler's {@code exc.__context__ = None} stays), then looks up the frame's handler.
     * Returns false if the frame has none (the caller propagates).
     */
    private boolean handle(Frame f, long exc, boolean addTraceback, boolean chain) {
        if (addTraceback) {
            long handled = topmostHandled();
            if (chain && handled != 0 && handled != exc && ExceptionType.context(exc) == 0 && rt.ops.isInstance(exc, rt.baseException)) {
                heap.incref(handled);
                Native.putLong(exc + ExceptionType.CONTEXT, handled);
            }
            addTraceback(exc, f);
            if (traceObj != 0 && tracing == 0 && !f.isIncomplete()) exc = SysTrace.exceptionEvent(this, f, exc);
        }
        // The handler is the one covering the instruction that raised (or re-raised); the pushed
        // lasti is the frame's, which RERAISE may have restored to the original instruction.
        int at = f.unwindPc, lasti = f.lasti;
        for (CodeUnit.ExceptionEntry e : f.code.unit.exceptionTable()) {
            if (at >= e.start() && at < e.end()) {
                int depth = f.code.nlocalsplus + e.depth();
                while (f.sp > depth) {
                    long v = f.slots[--f.sp];
                    f.slots[f.sp] = 0;
                    heap.xdecref(v);
                }
                // the pushed lasti keeps whether it was a specialized PRECALL's (~index), for RERAISE
                // the int first, then the push: `slots[sp++] = alloc()` would move sp before the
                // allocation, whose --gc-stress check would then read a popped value above the stack
                if (e.lasti()) {
                    long pushedLasti = heap.ints.of(f.inPrecall ? ~lasti : lasti);
                    f.slots[f.sp++] = pushedLasti;
                }
                f.inPrecall = false;
                f.slots[f.sp++] = exc;
                f.pc = e.target();
                return true;
            }
        }
        if (useTracing && tracing == 0) exc = SysTrace.unwindExit(this, f, exc);  // 3.11's TRACE_FUNCTION_UNWIND
        unhandledExc = exc;
        return false;
    }

    /** _PyTraceBack_FromFrame for an exception without a traceback: one entry, the running frame's (none when no frame runs). */
    void tracebackFromCurrentFrame(long exc) {
        if (current != null) addTraceback(exc, current);
    }

    /** PyTraceBack_Here: a new traceback entry for {@code f} at the head of exc's traceback. */
    private void addTraceback(long exc, Frame f) {
        if (!rt.ops.isInstance(exc, rt.baseException)) return;
        long frameObj = rt.frameType.of(f);
        long tb = rt.tracebackType.create(ExceptionType.traceback(exc), frameObj, lastiBytes(f, exc), f.line());
        Native.putLong(exc + ExceptionType.TRACEBACK, tb);
    }

    /**
     * tb_lasti for an exception leaving {@code f}: 3.11's byte offset of the instruction, or of
     * a CALL's last cache entry when the exception comes out of a Python function that CALL
     * entered inline (3.11's CALL sets prev_instr past its caches before pushing the callee's
     * frame; a call through C leaves it at the CALL). The callee's traceback entry heads exc's.
     */
    private int lastiBytes(Frame f, long exc) {
        if (f.lasti < 0) return -1;
        if (f.inPrecall) return f.code.layout().precallBytes(f.lasti);
        int bytes = f.code.layout().lastiBytes(f.lasti);
        long head = ExceptionType.traceback(exc);
        if (head != 0 && f.code.ops[f.lasti] == Op.CALL) {
            Frame callee = rt.frameType.frame(TracebackType.frame(head));
            if (callee != null && callee.back == f && callee.callBase >= 0) bytes += 2 * CpythonLayout.CALL_CACHES;
        }
        return bytes;
    }

    private void doRaise(Frame f, int arg) {
        long[] s = f.slots;
        if (arg == 0) {
            long h = topmostHandled();
            if (h == 0) throw rt.error("RuntimeError", "No active exception to reraise");
            heap.incref(h);
            throw new ReraiseSignal(h);
        }
        long cause = arg == 2 ? s[--f.sp] : 0;
        long exc = s[--f.sp];
        s[f.sp] = 0;
        if (cause != 0) s[f.sp + 1] = 0;
        long e = makeException(exc);
        if (arg == 2) {
            long c;
            if (cause == heap.None) c = 0;
            else if (rt.ops.isExceptionType(cause)) c = Builtins.instantiateType(rt, cause);
            else if (rt.ops.isInstance(cause, rt.baseException)) { c = cause; heap.incref(c); }
            else {
                heap.decref(cause);
                heap.decref(e);
                throw rt.typeError("exception causes must derive from BaseException");
            }
            heap.decref(cause);
            long old = ExceptionType.cause(e);
            Native.putLong(e + ExceptionType.CAUSE, c);
            Native.putLong(e + ExceptionType.SUPPRESS, 1);
            heap.xdecref(old);
        }
        chainRaised(e);
        throw new PyException(e).markChained();
    }

    /**
     * _PyErr_SetObject's implicit chaining for a raise statement: the topmost handled exception
     * becomes {@code e.__context__} (replacing any), after taking {@code e} out of that exception's
     * context chain, where it would make a cycle (a pre-existing cycle is left alone).
     */
    private void chainRaised(long e) {
        long handled = topmostHandled();
        if (handled == 0 || handled == e) return;
        long o = handled, slow = handled;
        boolean toggle = false;
        for (long ctx; (ctx = ExceptionType.context(o)) != 0; ) {
            if (ctx == e) {
                Native.putLong(o + ExceptionType.CONTEXT, 0);
                heap.decref(ctx);
                break;
            }
            o = ctx;
            if (o == slow) break;  // Floyd's: a cycle already there
            if (toggle) slow = ExceptionType.context(slow);
            toggle = !toggle;
        }
        heap.incref(handled);
        long old = ExceptionType.context(e);
        Native.putLong(e + ExceptionType.CONTEXT, handled);
        heap.xdecref(old);
    }

    /** The exception instance to raise for {@code exc} (a class or an instance; stolen). */
    private long makeException(long exc) {
        if (rt.ops.isExceptionType(exc)) {
            long e;
            try {
                e = Builtins.instantiateType(rt, exc);
            } catch (RuntimeException x) {
                heap.decref(exc);
                throw x;
            }
            if (!rt.ops.isInstance(e, rt.baseException)) {  // do_raise's check of what the class's call made
                String msg = "calling " + rt.ops.repr(exc) + " should have returned an instance of BaseException, not " + rt.ops.repr(Heap.typeAddress(e));
                heap.decref(e);
                heap.decref(exc);
                throw rt.typeError(msg);
            }
            heap.decref(exc);
            return e;
        }
        if (rt.ops.isInstance(exc, rt.baseException)) return exc;
        heap.decref(exc);
        throw rt.typeError("exceptions must derive from BaseException");
    }

    /**
     * SEND to an iterator that is no generator: {@code __next__} for None (a builtin iterator's
     * tp_iternext), else {@code send(v)}; a StopIteration's value becomes the SEND's result
     * ({@code f.sendResult}, 0 returned).
     */
    private long sendOther(Frame f, long sub, long v) {
        try {
            if (v != heap.None) return rt.ops.callMethod(sub, "send", v);
            PyType t = heap.typeOf(sub);
            if (Coroutines.stopCarriesValue(rt, t)) {
                return rt.ops.callMethod(sub, "__next__");
            }
            return rt.ops.next(sub);
        } catch (PyException e) {
            if (!rt.ops.isInstance(e.exc(), rt.exceptionType("StopIteration"))) throw e;
            f.sendResult = stopIterationValue(e.exc());
            heap.decref(e.exc());
            return 0;
        }
    }

    private long resumeForSend(long gen, long v) {
        try {
            return resume(gen, v, 0, false);
        } catch (PyException e) {
            if (rt.ops.isInstance(e.exc(), rt.exceptionType("StopIteration"))) {
                current.sendResult = stopIterationValue(e.exc());
                heap.decref(e.exc());
                return 0;
            }
            throw e;
        }
    }

    // ---- calls ------------------------------------------------------------------------------------

    /**
     * CALL n: [NULL|meth, callable|self, args...] -> [result]. A Python function whose code is
     * no generator is entered inline: its frame is returned (running, on top of {@link #current})
     * and the caller's operands wait until it returns. Otherwise the call is made here, the
     * result pushed, and null returned.
     */
    private Frame call(Frame f, int n, long kwnames) {
        // quickened code: the PRECALL's state; true when its specialized form makes the call
        // (while tracing, 3.11 runs the instructions' unspecialized forms: TRACING_NEXTOPARG's deopt)
        boolean inPrecall = f.code.precallForm != null && !(useTracing && tracing == 0) && rt.specializer.precall(f, n, kwnames);
        long[] s = f.slots;
        int base = f.sp - n - 2;
        long first = s[base], second = s[base + 1];
        boolean isMeth = first != 0;
        if (!isMeth && Heap.typeAddress(second) == heap.typeType.address() && callPlainClass(f, second, base, n, kwnames)) return null;
        if (!isMeth && Heap.typeAddress(second) == methodTypeAddr) {
            long self = MethodType.self(second), func = MethodType.func(second);
            heap.incref(self);
            heap.incref(func);
            s[base] = func;
            s[base + 1] = self;
            heap.decref(second);
            isMeth = true;
            first = func;
        }
        long callable = isMeth ? first : second;
        int argStart = isMeth ? base + 1 : base + 2;
        int nargs = isMeth ? n + 1 : n;
        long result;
        if (Heap.typeAddress(callable) == functionTypeAddr) {
            if (isMeth) s[base] = 0; else s[base + 1] = 0;
            boolean entered = false;
            try {
                Frame callee = functionFrame(callable, s, argStart, nargs, kwnames, true);
                if ((callee.code.unit.flags() & GENERATOR_LIKE) == 0) {
                    enter(callee);
                    callee.callBase = base;
                    entered = true;
                    return callee;
                }
                result = createGenerator(callee);
            } finally {
                if (!entered) releaseCallOperands(f, base);
            }
        } else if (inPrecall) {
            result = callInPrecall(f, callable, argStart, nargs, kwnames, base);
        } else {
            f.calling = callable;
            boolean counted = false;
            try {
                if (countsCall(callable)) {
                    enterRecursiveCall(CALL_WHERE);
                    counted = true;
                }
                result = profileObj != 0 && tracing == 0 ? SysTrace.profiledCall(this, f, callable, s, argStart, nargs, kwnames)
                        : rt.ops.call(callable, s, argStart, nargs, kwnames);
            } finally {
                if (counted) depth--;
                f.calling = 0;
                releaseCallOperands(f, base);
            }
        }
        s[f.sp++] = result;
        return null;
    }

    /** The RecursionError's suffix when a C-level call is refused: cfunction_enter_call's, _PyObject_MakeTpCall's. */
    private static final String CALL_WHERE = " while calling a Python object";

    /**
     * Whether 3.11's generic call of {@code callable} (PyObject_Vectorcall, PyObject_Call) counts a
     * level of its own on the recursion depth while it runs: a builtin function or method
     * descriptor's vectorcall enters a recursive call (cfunction_enter_call, method_enter_call), as
     * does _PyObject_MakeTpCall for a callable whose type has no tp_vectorcall (a class, an instance
     * with __call__, a slot wrapper or method-wrapper); a Python function or bound method counts only
     * its frame, and a builtin type with a tp_vectorcall (list, dict, type...) nothing. So a
     * recursion through next(), a class's __init__ or gen.send() reaches the limit at 3.11's depth.
     */
    private boolean countsCall(long callable) {
        PyType t = heap.typeOf(callable);
        if (t == rt.builtinFunctionType || t instanceof BuiltinDescrType || t == rt.methodWrapperType) return true;
        if (t == rt.functionType || t == rt.methodType) return false;
        if (rt.ops.isTypeObject(callable)) {
            PyType c = heap.typeAt(callable);
            return c instanceof ClassType || !rt.specializer.hasVectorcall(c);
        }
        return t instanceof ClassType;
    }

    /**
     * The call a specialized PRECALL makes (Specializer): as the generic one, with f_lasti on the
     * PRECALL until it is done (or an exception from it is handled), and str(x) without a tuple
     * when the form is PRECALL_NO_KW_STR_1.
     */
    private long callInPrecall(Frame f, long callable, int argStart, int nargs, long kwnames, int base) {
        f.calling = callable;
        f.inPrecall = true;
        strSpecialized = Specializer.isStr1(f.code, f.lasti);
        long result;
        boolean counted = false;
        try {
            if (Specializer.countsRecursion(f.code, f.lasti)) {
                enterRecursiveCall(CALL_WHERE);
                counted = true;
            }
            result = rt.ops.call(callable, f.slots, argStart, nargs, kwnames);
        } finally {
            if (counted) depth--;
            strSpecialized = false;
            f.calling = 0;
            releaseCallOperands(f, base);
        }
        f.inPrecall = false;
        return result;
    }

    /**
     * CALL of class {@code cls}: made here, result pushed and true, when it is a plain class
     * (no builtin base, not abstract, object's __new__, type its type) whose __init__ is a Python
     * function ({@link #newInstance}) or object's with no arguments ({@link #newPlainInstance});
     * false for the general call. A method of its own, so that {@link #call}, which every CALL
     * runs, stays small enough for C2 to inline what it calls.
     */
    private boolean callPlainClass(Frame f, long cls, int base, int n, long kwnames) {
        if (!(heap.typeAt(cls) instanceof ClassType c) || c.builtinBase != null || c.abstractFlag || rt.ops.lookupNew(c) != rt.objectNew) {
            return false;
        }
        long init = rt.ops.lookupInit(c);
        if (init != 0 && Heap.typeAddress(init) == functionTypeAddr) {
            newInstance(f, c, init, base, n, kwnames);
            return true;
        }
        if (n == 0 && profileObj == 0 && rt.ops.isObjectInit(c, init)) {
            newPlainInstance(f, c, base);
            return true;
        }
        return false;
    }

    /**
     * CALL of a plain class whose __init__ is a Python function (Builtins.newInstance's work,
     * without copying the arguments): the instance takes the NULL's place next to the arguments,
     * [NULL, C, args...] becomes [C, self, args...], and __init__ borrows self and the arguments
     * straight from the stack. Releases happen in the order newInstance's would.
     */
    private void newInstance(Frame f, ClassType c, long init, int base, int n, long kwnames) {
        long[] s = f.slots;
        long argsTuple = c.callArgsTuple(s, base + 2, n, kwnames);
        long kwargs = c.callKwargsDict(s, base + 2, n, kwnames);
        try {
            enterRecursiveCall(CALL_WHERE);  // _PyObject_MakeTpCall's level, held while __init__ runs
        } catch (PyException e) {
            c.releasePacked(argsTuple, kwargs);
            releaseCallOperands(f, base);
            throw e;
        }
        try {
            newInstance(f, c, init, base, n, kwnames, argsTuple, kwargs);
        } finally {
            depth--;
        }
    }

    private void newInstance(Frame f, ClassType c, long init, int base, int n, long kwnames, long argsTuple, long kwargs) {
        long[] s = f.slots;
        long self = c.allocInstance();
        long[] unpacked = c.unpackForInit(s, base + 2, n, kwnames);
        s[base] = s[base + 1];
        s[base + 1] = self;
        try {
            long r;
            try {
                r = callFunction(init, s, base + 1, n + 1, kwnames, false);
            } catch (PyException e) {
                s[base + 1] = 0;
                heap.decref(self);
                throw e;
            } finally {
                c.releaseUnpacked(unpacked);
                c.releasePacked(argsTuple, kwargs);
            }
            s[base + 1] = 0;
            if (r != heap.None) {
                heap.decref(self);
                String tn = rt.ops.typeName(r);
                heap.decref(r);
                throw rt.typeError("__init__() should return None, not '" + tn + "'");
            }
            heap.decref(r);
        } finally {
            releaseCallOperands(f, base);  // each slot emptied before its release, which can run Python code
        }
        s[f.sp++] = self;
    }

    /**
     * CALL of a plain class with no arguments whose __init__ is object's (TypeCall's work for it:
     * type_call's empty argument tuple, object_new, and no __init__ to call), without the general
     * call's lookups by name.
     */
    private void newPlainInstance(Frame f, ClassType c, int base) {
        long argsTuple = c.callArgsTuple(f.slots, base + 2, 0, 0);
        f.calling = f.slots[base + 1];
        long self;
        try {
            enterRecursiveCall(CALL_WHERE);  // _PyObject_MakeTpCall's level
            try {
                self = c.allocInstance();
            } finally {
                depth--;
            }
        } finally {
            f.calling = 0;
            c.releasePacked(argsTuple, 0);
            releaseCallOperands(f, base);
        }
        f.slots[f.sp++] = self;
    }

    /** CALL_FUNCTION_EX: [NULL, callable, args-tuple (, kwargs)] -> [result]. */
    private void callEx(Frame f, int flags) {
        long[] s = f.slots;
        long kwargs = (flags & 1) != 0 ? s[--f.sp] : 0;
        long argsObj = s[--f.sp];
        long callable = s[--f.sp];
        long nul = s[--f.sp];
        for (int i = 0; i < 4; i++) s[f.sp + i] = 0;
        try {
            long argsTuple = argsObj;
            if (heap.typeOf(argsObj) != heap.tuples) {
                long l = heap.lists.alloc(0);
                try {
                    Sequences.extend(rt, l, argsObj);
                } catch (PyException e) {
                    heap.decref(l);
                    heap.decref(e.exc());
                    throw rt.typeError(Builtins.callableName(rt, callable) + " argument after * must be an iterable, not " + rt.ops.typeName(argsObj));
                }
                argsTuple = listToTuple(l);
                heap.decref(l);
            } else heap.incref(argsTuple);
            int np = (int) TupleType.size(argsTuple);
            int nk = kwargs == 0 ? 0 : (int) DictType.size(kwargs);
            long[] a = new long[np + nk];
            for (int i = 0; i < np; i++) a[i] = TupleType.item(argsTuple, i);
            long kwnames = 0;
            if (nk > 0) {
                kwnames = heap.tuples.alloc(nk);
                int[] k = {0};
                long kn = kwnames;
                heap.dicts.forEach(kwargs, (key, value) -> {
                    heap.incref(key);
                    TupleType.setItemSteal(kn, k[0], key);
                    a[np + k[0]] = value;
                    k[0]++;
                });
            }
            boolean builtin = heap.typeOf(callable) != rt.functionType;
            if (builtin) f.calling = callable;
            boolean counted = false;
            try {
                if (builtin && countsCall(callable)) {
                    enterRecursiveCall(CALL_WHERE);  // PyObject_Call's level (a vectorcall's or tp_call's)
                    counted = true;
                }
                long r = !builtin
                        ? callFunction(callable, a, 0, a.length, kwnames, false)
                        : profileObj != 0 && tracing == 0 ? SysTrace.profiledCall(this, f, callable, a, 0, a.length, kwnames)
                        : rt.ops.call(callable, a, 0, a.length, kwnames);
                s[f.sp++] = r; // pushed only once the call returned: an exception leaves sp as it was
            } finally {
                if (counted) depth--;
                f.calling = 0;
                heap.xdecref(kwnames);
                heap.decref(argsTuple);
            }
        } finally {
            heap.xdecref(kwargs);
            heap.decref(argsObj);
            heap.decref(callable);
            heap.xdecref(nul);
        }
    }

    // ---- names ------------------------------------------------------------------------------------

    /**
     * {@code builtins[name]} of frame {@code f} (a new reference), 0 when absent: a dict's item, or
     * for builtins that are another mapping ({@code exec(src, {'__builtins__': m})}) its
     * {@code __getitem__}, a KeyError meaning absent.
     */
    private long builtinOrZero(Frame f, String name) {
        if (Heap.typeAddress(f.builtins) == heap.dicts.address()) {  // no str made: 3.11's names are static
            long v = heap.dicts.getItem(f.builtins, name);
            if (v != 0) heap.incref(v);
            return v;
        }
        long key = heap.strs.internedOf(name);
        try {
            return builtinOrZero(f, key);
        } finally {
            heap.decref(key);
        }
    }

    private long builtinOrZero(Frame f, long name) {
        if (Heap.typeAddress(f.builtins) == heap.dicts.address()) {
            long v = heap.dicts.getItem(f.builtins, name);
            if (v != 0) heap.incref(v);
            return v;
        }
        try {
            return rt.ops.getItem(f.builtins, name);
        } catch (PyException e) {
            if (!rt.ops.isInstance(e.exc(), rt.exceptionType("KeyError"))) throw e;
            return 0;
        }
    }

    /**
     * IMPORT_NAME (3.11's import_name): the frame's builtins' {@code __import__}: the builtin one
     * imports through the import system directly; any other is called with
     * {@code (name, globals, locals or None, fromlist, level)}.
     */
    private long importName(Frame f, long name, long fromlist, long level) {
        long imp = builtinOrZero(f, "__import__");
        if (imp == 0) throw rt.error("ImportError", "__import__ not found");
        try {
            if (ImportBuiltin.isBuiltinImport(rt, imp)) return rt.imports().importName(name, f.globals, fromlist, level);
            return rt.ops.call0(imp, name, f.globals, f.locals == 0 ? heap.None : f.locals, fromlist, level);
        } finally {
            heap.decref(imp);
        }
    }

    private long loadName(Frame f, long name) {
        long v = Heap.typeAddress(f.locals) == heap.dicts.address() ? heap.dicts.getItem(f.locals, name) : mappingGet(f.locals, name);
        if (v != 0 && Heap.typeAddress(f.locals) != heap.dicts.address()) return v;  // already a new reference
        if (v == 0 && f.locals != f.globals) v = heap.dicts.getItem(f.globals, name);
        if (v != 0) {
            heap.incref(v);
            return v;
        }
        v = builtinOrZero(f, name);
        if (v == 0) throw nameError(name);
        return v;
    }

    private void storeName(Frame f, CodeType.Code code, int pc, int nameIndex, long v) {
        if (Heap.typeAddress(f.locals) != heap.dicts.address()) {  // a dict subclass from __prepare__: PyObject_SetItem
            try {
                rt.ops.setItem(f.locals, code.names[nameIndex], v);
            } finally {
                heap.decref(v);
            }
            return;
        }
        storeInDict(f.locals, code, pc, nameIndex, v);
    }

    /**
     * LOAD_NAME's PyObject_GetItem on a namespace that is not exactly a dict (a class body whose
     * metaclass's __prepare__ gave a dict subclass): a new reference, or 0 when it raised KeyError.
     */
    private long mappingGet(long ns, long name) {
        try {
            return rt.ops.getItem(ns, name);
        } catch (PyException e) {
            if (!rt.ops.isInstance(e.exc(), rt.exceptionType("KeyError"))) throw e;
            heap.decref(e.exc());
            return 0;
        }
    }

    /**
     * d[name] = v (v stolen) for STORE_NAME / STORE_GLOBAL. The instruction remembers the entry it
     * stored into; while d's keys version is unchanged the next store replaces that entry's value
     * in place, which is what the full insertion would do for a key already present.
     */
    private void storeInDict(long d, CodeType.Code code, int pc, int nameIndex, long v) {
        int[] c = code.globalCache;
        int at = 3 * pc;
        long name = code.names[nameIndex];
        try {
            int version = heap.dicts.keysVersion(d);
            if (version != 0 && c[at] == version && heap.dicts.replaceValueAt(d, c[at + 2], name, v)) return;
            heap.dicts.setItem(d, name, v);
            long ix = heap.dicts.indexOf(d, name);
            c[at] = heap.dicts.keysVersion(d);
            c[at + 2] = (int) ix;
        } finally {
            heap.decref(v);
        }
    }

    private void deleteName(Frame f, long name) {
        if (Heap.typeAddress(f.locals) != heap.dicts.address()) {  // PyObject_DelItem: any error is the NameError
            try {
                rt.ops.delItem(f.locals, name);
            } catch (PyException e) {
                heap.decref(e.exc());
                throw nameError(name);
            }
            return;
        }
        if (!heap.dicts.delItem(f.locals, name)) throw nameError(name);
    }

    /**
     * globals[name], else builtins[name] (new reference), for the instruction at {@code pc}: as
     * CPython 3.11's LOAD_GLOBAL_MODULE / LOAD_GLOBAL_BUILTIN, the instruction remembers where it
     * found the name, valid while the dicts' keys versions are those it saw (values may change;
     * any insertion or deletion of a key changes the version).
     */
    private long loadGlobal(Frame f, CodeType.Code code, int pc, int nameIndex) {
        int[] c = code.globalCache;
        int at = 3 * pc;
        int gv = heap.dicts.keysVersion(f.globals);
        if (gv != 0 && c[at] == gv) {
            long v = 0;
            // the entry's value slot, remembered with the versions: no walk of the keys table's layout
            if (c[at + 2] >= 0) v = Native.getLong(code.globalValueAt[pc]);
            else if (Heap.typeAddress(f.builtins) == heap.dicts.address() && c[at + 1] == heap.dicts.keysVersion(f.builtins)) v = Native.getLong(code.globalValueAt[pc]);
            if (v != 0) {
                heap.incref(v);
                return v;
            }
        }
        long name = code.names[nameIndex];
        long ix = heap.dicts.indexOf(f.globals, name);
        long v;
        if (ix >= 0) {
            v = DictType.entryValueAt(f.globals, ix);
            c[at + 2] = (int) ix;
            code.globalValueAt[pc] = DictType.entryValueAddressAt(f.globals, ix);
        } else if (Heap.typeAddress(f.builtins) != heap.dicts.address()) {  // builtins that are another mapping: PyObject_GetItem, uncached
            v = builtinOrZero(f, name);
            if (v == 0) throw nameError(name);
            return v;
        } else {
            long bix = heap.dicts.indexOf(f.builtins, name);
            if (bix < 0) throw nameError(name);
            v = DictType.entryValueAt(f.builtins, bix);
            c[at + 1] = heap.dicts.keysVersion(f.builtins);
            c[at + 2] = ~(int) bix;
            code.globalValueAt[pc] = DictType.entryValueAddressAt(f.builtins, bix);
        }
        c[at] = heap.dicts.keysVersion(f.globals);
        heap.incref(v);
        return v;
    }

    private PyException nameError(long name) {
        return withName(rt.error("NameError", "name '" + StrType.value(name) + "' is not defined"), name);
    }

    /** format_exc_check_arg's NameError (not UnboundLocalError): the name, for the suggestions of its display. */
    private PyException withName(PyException e, long name) {
        ExceptionFields.set(rt, e.exc(), "name", name);
        return e;
    }

    private PyException unboundLocal(Frame f, int slot) {
        return rt.error("UnboundLocalError", "cannot access local variable '" + f.code.unit.localsplusNames().get(slot)
                + "' where it is not associated with a value");
    }

    private PyException freeVarError(Frame f, int slot) {
        String name = f.code.unit.localsplusNames().get(slot);
        if ((f.code.unit.localsplusKinds()[slot] & KIND_FREE) != 0) {
            PyException e = rt.error("NameError", "cannot access free variable '" + name + "' where it is not associated with a value in enclosing scope");
            long n = heap.strs.internedOf(name);  // the code's name (identifiers are interned)
            try {
                return withName(e, n);
            } finally {
                heap.decref(n);
            }
        }
        return rt.error("UnboundLocalError", "cannot access local variable '" + name + "' where it is not associated with a value");
    }

    // ---- unpacking ----------------------------------------------------------------------------------

    private void unpack(Frame f, int before, int after) {
        long[] s = f.slots;
        if (after < 0) {
            // UNPACK_SEQUENCE of a tuple or list of the right length: its items straight onto the stack.
            long seq = s[f.sp - 1];
            long ta = Heap.typeAddress(seq);
            boolean tuple = ta == heap.tuples.address();
            if ((tuple || ta == heap.lists.address())
                    && (tuple ? TupleType.size(seq) : ListType.size(seq)) == before) {
                s[--f.sp] = 0;
                for (int i = before - 1; i >= 0; i--) {
                    long v = tuple ? TupleType.item(seq, i) : ListType.item(seq, i);
                    heap.incref(v);
                    s[f.sp++] = v;
                }
                heap.decref(seq);
                return;
            }
        }
        long seq = s[--f.sp];
        s[f.sp] = 0;
        long list = heap.lists.alloc(0);
        try {
            try {
                Sequences.extend(rt, list, seq);
            } catch (PyException e) {
                if (!hasIter(seq)) {
                    heap.decref(e.exc());
                    throw rt.typeError("cannot unpack non-iterable " + rt.ops.typeName(seq) + " object");
                }
                throw e;
            }
            long n = ListType.size(list);
            if (after < 0) {
                if (n != before) {
                    if (n > before) throw rt.error("ValueError", "too many values to unpack (expected " + before + ")");
                    throw rt.error("ValueError", "not enough values to unpack (expected " + before + ", got " + n + ")");
                }
                for (long i = n - 1; i >= 0; i--) {
                    long v = ListType.item(list, i);
                    heap.incref(v);
                    s[f.sp++] = v;
                }
                return;
            }
            if (n < before + after) {
                throw rt.error("ValueError", "not enough values to unpack (expected at least " + (before + after) + ", got " + n + ")");
            }
            for (long i = n - 1; i >= n - after; i--) {
                long v = ListType.item(list, i);
                heap.incref(v);
                s[f.sp++] = v;
            }
            long mid = heap.lists.alloc(0);
            for (long i = before; i < n - after; i++) heap.lists.append(mid, ListType.item(list, i));
            s[f.sp++] = mid;
            for (long i = before - 1; i >= 0; i--) {
                long v = ListType.item(list, i);
                heap.incref(v);
                s[f.sp++] = v;
            }
        } finally {
            heap.decref(list);
            heap.decref(seq);
        }
    }
}

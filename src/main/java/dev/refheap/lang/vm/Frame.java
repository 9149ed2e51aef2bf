package dev.refheap.lang.vm;

/**
 * One activation of a code object (CPython 3.11's _PyInterpreterFrame). Its {@link #slots} hold
 * the localsplus variables followed by the value stack; every non-zero slot owns a reference.
 * It also owns its code object, its function (if any) and its locals mapping (module and class
 * bodies); globals and builtins are borrowed from the function or the caller.
 *
 * <p>States: executing (owned by the thread: the VM reports its slots as roots) → finished. When a
 * frame object exists (a traceback or a generator refers to the frame), the finished frame's slots
 * become owned by that object, which releases them when it dies; otherwise they are released as
 * the frame returns, in slot order. A frame released that way is kept by its code object for the
 * next call of that code ({@link #create}: no Java allocation per call, as 3.11's frames live in
 * a preallocated data stack); nothing refers to it by then.
 */
final class Frame {
    static final int OWNED_BY_THREAD = 0, OWNED_BY_FRAME_OBJECT = 1, OWNED_BY_GENERATOR = 2, CLEARED = 3;

    final CodeType.Code code;
    long codeObj;
    long func;
    long globals;
    long builtins;
    long locals;
    final long[] slots;
    int sp;
    int pc;
    int lasti;
    /**
     * Set while the call of the CALL at lasti is made by its specialized PRECALL (3.11 makes it
     * inside PRECALL: f_lasti and tb_lasti name the PRECALL, Specializer), and kept when an
     * exception from that call ends the frame.
     */
    boolean inPrecall;
    /** The instruction whose exception is being unwound: where the handler is looked up. */
    int unwindPc;
    Frame back;
    long frameObject;
    int owner = OWNED_BY_THREAD;
    /** An exception to raise when a generator frame resumes (stolen), or 0. */
    long pendingThrow;
    /** Set when the last run ended at a YIELD_VALUE rather than a return. */
    boolean yielded;
    /** The return value of a sub-generator that SEND finished with (owned), or 0. */
    long sendResult;
    /** The generator running this frame, or 0. */
    long generator;
    /**
     * Set by whoever starts or resumes the frame when the Java code between the caller's bytecode
     * boundary and this frame holds no reference the roots do not report (a CALL of a Python
     * function, FOR_ITER over a generator, the program's module frame).
     */
    boolean restEntry;
    /**
     * For a frame the interpreter entered inline from a CALL: where that CALL's operands begin on
     * the caller's value stack (released when this frame leaves, the result pushed there); -1
     * for a frame entered from Java.
     */
    int callBase = -1;
    /** The tracer's view: the line of the last line event in this frame, and the last boundary's pc. */
    int traceLine = -1, tracePc;
    /** restEntry holds for this frame and every frame below it: at its bytecode boundaries the heap is at rest (--gc-stress). */
    boolean atRest;
    /**
     * A function frame's f_locals dict (3.11's frame->f_locals for an optimized frame: made by
     * the first frame.f_locals or trace event, then kept and refreshed), owned; 0 until then.
     * Module and class frames use {@link #locals} instead and never have one.
     */
    long fastLocals;
    /** sys.settrace/setprofile: a 'call' event is due at this frame's first traceable boundary (3.11's RESUME). */
    boolean callDue;
    /** The frame's first traced boundary comes next: its previous line counts as none (after RESUME 0). */
    boolean traceFresh;
    /** f_lineno while a trace or profile function sees this frame (3.11's f->f_lineno during call_trace), else -1. */
    int eventLine = -1;
    /** The callable (not a Python function) this frame's CALL or CALL_FUNCTION_EX is running, borrowed; 0 between calls. For a recorder's sites. */
    long calling;

    private Frame(CodeType.Code code, long func, long globals, long builtins, long locals) {
        this.code = code;
        this.codeObj = code.object;
        this.func = func;
        this.globals = globals;
        this.builtins = builtins;
        this.locals = locals;
        this.slots = new long[code.nlocalsplus + code.stackSlots + 1];
        this.sp = code.nlocalsplus;
    }

    /** The most released frames a code object keeps for reuse. */
    private static final int SPARES = 8;

    /**
     * 3.11's _PyFrame_IsIncomplete: the frame is still running its prologue (MAKE_CELL,
     * COPY_FREE_VARS), so it is not yet a caller anyone sees: take_ownership's f_back link,
     * frame.f_back and sys._getframe pass over it to the frame below (a collection started by a
     * MAKE_CELL's cell runs finalizers whose frames see the frame that made the call).
     */
    boolean isIncomplete() {
        return owner != OWNED_BY_GENERATOR && lasti < code.prologue;
    }

    /** {@code f} or the first frame below it that is not incomplete, or null. */
    static Frame complete(Frame f) {
        while (f != null && f.isIncomplete()) f = f.back;
        return f;
    }

    /** A new executing frame of {@code code}: a released one of the same code if it keeps one, else a new one. */
    static Frame create(CodeType.Code code, long func, long globals, long builtins, long locals) {
        Frame f = code.spareFrames;
        if (f == null) return new Frame(code, func, globals, builtins, locals);
        code.spareFrames = f.back;
        code.spareCount--;
        f.back = null;
        f.codeObj = code.object;
        f.func = func;
        f.globals = globals;
        f.builtins = builtins;
        f.locals = locals;
        f.sp = code.nlocalsplus;
        f.owner = OWNED_BY_THREAD;
        return f;
    }

    /**
     * Gives a released frame (CLEARED: its references let go, no frame object, no generator) back
     * to its code object for reuse, with every field as a new frame has it.
     */
    static void recycle(Frame f) {
        CodeType.Code code = f.code;
        if (code.spareCount >= SPARES || f.owner != CLEARED || f.frameObject != 0 || f.generator != 0) return;
        java.util.Arrays.fill(f.slots, 0L);
        f.pc = 0;
        f.lasti = 0;
        f.unwindPc = 0;
        f.pendingThrow = 0;
        f.yielded = false;
        f.inPrecall = false;
        f.sendResult = 0;
        f.restEntry = false;
        f.traceLine = -1;
        f.tracePc = 0;
        f.atRest = false;
        f.callBase = -1;
        f.fastLocals = 0;
        f.callDue = false;
        f.traceFresh = false;
        f.eventLine = -1;
        f.back = code.spareFrames;
        code.spareFrames = f;
        code.spareCount++;
    }

    private static final int GENERATOR_LIKE = dev.refheap.lang.bytecode.CodeUnit.CO_GENERATOR | Coroutines.CO_COROUTINE
            | Coroutines.CO_ASYNC_GENERATOR;

    int line() {
        // a generator's frame that has not started stands at its definition (3.11's RETURN_GENERATOR)
        if (pc == 0 && (code.unit.flags() & GENERATOR_LIKE) != 0) return code.unit.firstLineno();
        int[] lines = code.unit.lines();
        if (lines.length == 0) return code.unit.firstLineno();
        for (int i = Math.max(0, Math.min(lasti, lines.length - 1)); i >= 0; i--) if (lines[i] >= 0) return lines[i];
        return code.unit.firstLineno();
    }

    /** Visits every reference the frame owns (code, function, locals mapping, slots). */
    void visitOwned(java.util.function.LongConsumer visit) {
        visit.accept(codeObj);
        if (func != 0) visit.accept(func);
        if (locals != 0) visit.accept(locals);
        if (fastLocals != 0) visit.accept(fastLocals);
        for (int i = 0; i < sp; i++) if (slots[i] != 0) visit.accept(slots[i]);
    }

    /** What {@link #visitOwned} visits, in _PyFrame_Traverse's order: f_locals, f_func, f_code, then the slots. */
    void visitOwnedInCpythonOrder(java.util.function.LongConsumer visit) {
        if (locals != 0) visit.accept(locals);
        if (fastLocals != 0) visit.accept(fastLocals);
        if (func != 0) visit.accept(func);
        visit.accept(codeObj);
        for (int i = 0; i < sp; i++) if (slots[i] != 0) visit.accept(slots[i]);
    }
}

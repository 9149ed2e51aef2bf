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
 * the frame returns, in slot order.
 */
final class Frame {
    static final int OWNED_BY_THREAD = 0, OWNED_BY_FRAME_OBJECT = 1, OWNED_BY_GENERATOR = 2, CLEARED = 3;

    final CodeType.Code code;
    final long codeObj;
    long func;
    final long globals;
    final long builtins;
    long locals;
    final long[] slots;
    int sp;
    int pc;
    int lasti;
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
    /** The tracer's view: the line of the last line event in this frame, and the last boundary's pc. */
    int traceLine = -1, tracePc;
    /** restEntry holds for this frame and every frame below it: at its bytecode boundaries the heap is at rest (--gc-stress). */
    boolean atRest;

    Frame(CodeType.Code code, long func, long globals, long builtins, long locals) {
        this.code = code;
        this.codeObj = code.object;
        this.func = func;
        this.globals = globals;
        this.builtins = builtins;
        this.locals = locals;
        this.slots = new long[code.nlocalsplus + code.unit.stacksize() + 1];
        this.sp = code.nlocalsplus;
    }

    int line() {
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
        for (int i = 0; i < sp; i++) if (slots[i] != 0) visit.accept(slots[i]);
    }

    /** What {@link #visitOwned} visits, in _PyFrame_Traverse's order: f_locals, f_func, f_code, then the slots. */
    void visitOwnedInCpythonOrder(java.util.function.LongConsumer visit) {
        if (locals != 0) visit.accept(locals);
        if (func != 0) visit.accept(func);
        visit.accept(codeObj);
        for (int i = 0; i < sp; i++) if (slots[i] != 0) visit.accept(slots[i]);
    }
}

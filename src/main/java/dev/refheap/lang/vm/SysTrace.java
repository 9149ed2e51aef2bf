package dev.refheap.lang.vm;

import dev.refheap.lang.bytecode.CodeUnit;
import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.TupleType;

/**
 * sys.settrace and sys.setprofile: CPython 3.11's trace and profile hooks (ceval.c's call_trace,
 * call_trace_protected, call_exc_trace, maybe_call_line_trace, sysmodule.c's trace and profile
 * trampolines) over refheap's interpreter.
 *
 * <p>State, per thread ({@link Interpreter}): {@code traceObj} and {@code profileObj} (owned, 0
 * for none), {@code useTracing} (either is set: the interpreter's boundary flag
 * {@code restCheckDue} then stays set, so each instruction passes {@link #boundary}), and
 * {@code tracing} (above 0 while a trace or profile function runs: no event is delivered then,
 * as 3.11's tstate->tracing). A frame's own trace function is its frame object's f_trace
 * ({@link FrameType#F_TRACE}); every event materialises the frame object, as 3.11's
 * _PyFrame_GetFrameObject does, and refreshes the frame's f_locals dict before the call and
 * writes it back after (call_trampoline's PyFrame_FastToLocalsWithError and
 * PyFrame_LocalsToFast(frame, 1)).
 *
 * <p>Where the events come from: 'call' at a frame's first traceable boundary ({@code
 * Frame.callDue}, set when the frame is entered or a generator resumed; for throw(), before the
 * exception is raised in the frame), 'line'
 * and 'opcode' at boundaries, 'return' when a frame returns or yields (and, with None, when an
 * exception leaves it), 'exception' where a traceback entry is added (Interpreter.handle),
 * 'c_call'/'c_return'/'c_exception' around a CALL of a builtin function or method descriptor.
 * A function that raises from 'call' or 'return' ends the frame with its exception without the
 * frame's handlers ({@link Unwind}, 3.11's exit_unwind).
 */
final class SysTrace {
    private SysTrace() {}

    static final int CALL = 0, EXCEPTION = 1, LINE = 2, RETURN = 3, C_CALL = 4, C_EXCEPTION = 5, C_RETURN = 6, OPCODE = 7;
    private static final String[] WHAT = {"call", "exception", "line", "return", "c_call", "c_exception", "c_return", "opcode"};

    /** An exception from a 'call' or 'return' event: the frame ends with it, its handlers not consulted. */
    static final class Unwind extends RuntimeException {
        final long exc;

        Unwind(long exc) {
            super(null, null, false, false);
            this.exc = exc;
        }
    }

    /** sys.settrace(func) for the running thread ({@code func} borrowed; None or 0 removes it). */
    static void setTrace(Runtime rt, long func) { set(rt, func, true); }

    /** sys.setprofile(func) for the running thread. */
    static void setProfile(Runtime rt, long func) { set(rt, func, false); }

    private static void set(Runtime rt, long func, boolean trace) {
        Interpreter in = rt.interpreter;
        if (func == rt.heap.None) func = 0;
        rt.heap.xincref(func);
        long old = trace ? in.traceObj : in.profileObj;
        if (trace) in.traceObj = func;
        else in.profileObj = func;
        update(in);
        rt.heap.xdecref(old);
    }

    private static void update(Interpreter in) {
        in.useTracing = in.traceObj != 0 || in.profileObj != 0;
        if (in.useTracing) in.restCheckDue = true;
    }

    /**
     * The boundary before the instruction at {@code f.pc} while a function is set and none runs:
     * a due 'call' event (3.11's RESUME), then maybe_call_line_trace's 'line' (a new line, or a
     * jump back into one other than to SEND) and 'opcode' events.
     */
    static void boundary(Interpreter in, Frame f) {
        int pc = f.pc;
        CodeType.Code code = f.code;
        if (pc < code.prologue) return;  // MAKE_CELL, COPY_FREE_VARS: not traceable (before 3.11's RESUME)
        if (f.callDue) {
            f.callDue = false;
            boolean start = pc == code.prologue;  // RESUME 0; a generator resumed stands after its yield
            f.traceFresh = start;
            int line = start ? resumeLine(code) : f.line();
            try {
                if (in.traceObj != 0) callTrace(in, false, f, CALL, in.rt.heap.None, line);
                if (in.profileObj != 0) callTrace(in, true, f, CALL, in.rt.heap.None, line);
            } catch (PyException e) {
                throw new Unwind(e.exc());
            }
        }
        if (in.traceObj == 0 || in.tracing != 0) return;
        int[] lines = code.unit.lines();
        int line = pc < lines.length ? lines[pc] : -1;
        int prev = f.lasti;
        int lastLine = f.traceFresh ? -1 : prev >= 0 && prev < lines.length ? lines[prev] : -1;
        f.traceFresh = false;
        f.lasti = pc;  // 3.11 stands on the traced instruction (prev_instr = next_instr) while its events run
        long fo = in.rt.frameType.of(f);
        in.heap.decref(fo);  // the frame keeps it
        try {
            if (line != -1 && FrameType.flag(fo, FrameType.TRACE_LINES)
                    && (line != lastLine || pc < prev && code.ops[pc] != Op.SEND)) {
                callTrace(in, false, f, LINE, in.rt.heap.None, line);
            }
            if (f.frameObject != 0 && FrameType.flag(f.frameObject, FrameType.TRACE_OPCODES) && in.traceObj != 0) {
                callTrace(in, false, f, OPCODE, in.rt.heap.None, line);
            }
        } catch (PyException e) {
            f.lasti = pc;  // the error is the traced instruction's, as 3.11 counts it run (a jump may not move it)
            throw e;
        }
    }

    /**
     * throw() into a suspended generator while a function is set: the 'call' event comes before
     * the exception is raised in the frame (3.11's TRACE_FUNCTION_THROW_ENTRY). A function that
     * raises ends the frame with its exception; the thrown one is dropped.
     */
    static void throwEntry(Interpreter in, Frame f) {
        try {
            if (in.traceObj != 0) callTrace(in, false, f, CALL, in.rt.heap.None, f.line());
            if (in.profileObj != 0) callTrace(in, true, f, CALL, in.rt.heap.None, f.line());
        } catch (PyException e) {
            long thrown = f.pendingThrow;
            f.pendingThrow = 0;
            in.heap.xdecref(thrown);
            throw e;
        }
    }

    /** The line of 3.11's RESUME 0: the first line, 0 for a module's code. */
    private static int resumeLine(CodeType.Code code) {
        CodeUnit u = code.unit;
        if ((u.flags() & CodeUnit.CO_OPTIMIZED) == 0 && u.name().equals("<module>")) return 0;
        return u.firstLineno();
    }

    /**
     * A frame returned or yielded {@code v} (owned): the 'return' events (trace, then profile).
     * Returns v; when a function raises, v is released and {@link Unwind} thrown.
     */
    static long frameExit(Interpreter in, Frame f, long v) {
        try {
            if (in.traceObj != 0) callTrace(in, false, f, RETURN, v, f.line());
            if (in.profileObj != 0) callTrace(in, true, f, RETURN, v, f.line());
        } catch (PyException e) {
            in.heap.decref(v);
            throw new Unwind(e.exc());
        }
        return v;
    }

    /**
     * An exception leaves {@code f} (no handler): 'return' with None (call_trace_protected).
     * Returns the exception that goes on: {@code exc}, or a function's own (exc released then).
     */
    static long unwindExit(Interpreter in, Frame f, long exc) {
        try {
            if (in.traceObj != 0) callTrace(in, false, f, RETURN, in.heap.None, f.line());
            if (in.profileObj != 0) callTrace(in, true, f, RETURN, in.heap.None, f.line());
        } catch (PyException e) {
            in.heap.decref(exc);
            return e.exc();
        }
        return exc;
    }

    /**
     * call_exc_trace: {@code exc} was raised in {@code f} (its traceback entry just added): the
     * 'exception' event with (type, value, traceback). Returns the exception that goes on: exc,
     * or the trace function's own (exc released).
     */
    static long exceptionEvent(Interpreter in, Frame f, long exc) {
        Heap heap = in.heap;
        long tb = ExceptionType.traceback(exc);
        long t = heap.tuples.alloc(3);
        long type = Heap.typeAddress(exc);
        heap.incref(type);
        TupleType.setItemSteal(t, 0, type);
        heap.incref(exc);
        TupleType.setItemSteal(t, 1, exc);
        long tbv = tb != 0 ? tb : heap.None;
        heap.incref(tbv);
        TupleType.setItemSteal(t, 2, tbv);
        try {
            callTrace(in, false, f, EXCEPTION, t, f.line());
        } catch (PyException e) {
            heap.decref(exc);
            return e.exc();
        } finally {
            heap.decref(t);
        }
        return exc;
    }

    /**
     * A CALL of {@code callable} (not a Python function) while a profile function is set: 3.11's
     * trace_call_function. A builtin function, or a method descriptor called with an instance of
     * its type (bound first, as 3.11 does), is reported with 'c_call' and 'c_return' or
     * 'c_exception'; other callables are called as they are. Returns the result (new reference).
     */
    static long profiledCall(Interpreter in, Frame f, long callable, long[] s, int off, int n, long kwnames) {
        Runtime rt = in.rt;
        Heap heap = in.heap;
        long t = Heap.typeAddress(callable);
        long func;
        int argOff = off, argN = n;
        if (t == rt.builtinFunctionType.address()) {
            func = callable;
            heap.incref(func);
        } else if (t == rt.methodDescrType.address() && n > 0
                && rt.ops.isInstance(s[off], rt.methodDescrType.entry(callable).owner())) {
            func = rt.methodDescrType.bind(callable, s[off], 0);
            argOff++;
            argN--;
        } else {
            return rt.ops.call(callable, s, off, n, kwnames);
        }
        try {
            if (in.profileObj == 0 || in.tracing != 0) return rt.ops.call(func, s, argOff, argN, kwnames);
            callTrace(in, true, f, C_CALL, func, f.line());
            long x;
            try {
                x = rt.ops.call(func, s, argOff, argN, kwnames);
            } catch (PyException e) {
                if (in.profileObj != 0) {
                    try {
                        callTrace(in, true, f, C_EXCEPTION, func, f.line());
                    } catch (PyException e2) {
                        heap.decref(e.exc());
                        throw e2;
                    }
                }
                throw e;
            }
            if (in.profileObj != 0) {
                try {
                    callTrace(in, true, f, C_RETURN, func, f.line());
                } catch (PyException e) {
                    heap.decref(x);
                    throw e;
                }
            }
            return x;
        } finally {
            heap.decref(func);
        }
    }

    /**
     * call_trace and the trampoline: delivers {@code what} for frame {@code f} (arg borrowed) to
     * the profile function, or to the trace function ('call') or the frame's f_trace (the other
     * events); nothing while one runs. A trace function's result other than None becomes f_trace.
     * A function that raises is removed (and a trace function's frame loses its f_trace); its
     * exception is thrown.
     */
    static void callTrace(Interpreter in, boolean profile, Frame f, int what, long arg, int line) {
        if (in.tracing != 0) return;
        Runtime rt = in.rt;
        Heap heap = in.heap;
        long fo = rt.frameType.of(f);
        heap.decref(fo);  // borrowed, as _PyFrame_GetFrameObject's: the running frame keeps it
        int oldWhat = in.tracingWhat;
        int oldLine = f.eventLine;
        in.tracing++;
        in.tracingWhat = what;
        f.eventLine = line;
        try {
            long callback = profile ? in.profileObj : what == CALL ? in.traceObj : FrameType.trace(fo);
            if (callback == 0) return;
            long result;
            long name = heap.strs.internedOf(WHAT[what]);
            try {
                fastToLocals(rt, f);
                try {
                    result = rt.ops.call0(callback, fo, name, arg);
                } finally {
                    localsToFast(rt, f);
                }
            } catch (PyException e) {
                if (profile) setProfile(rt, 0);
                else {
                    setTrace(rt, 0);
                    rt.frameType.setTrace(fo, 0);
                }
                throw e;
            } finally {
                heap.decref(name);
            }
            if (profile || result == heap.None) heap.decref(result);
            else rt.frameType.setTrace(fo, result);
        } finally {
            f.eventLine = oldLine;
            in.tracingWhat = oldWhat;
            in.tracing--;
        }
    }

    /** Whether slot {@code i} (a cell or free variable) holds the cell its prologue made. */
    private static boolean isCell(Runtime rt, Frame f, int i, byte kind) {
        long v = f.slots[i];
        if (v == 0 || rt.heap.typeOf(v) != rt.cellType) return false;
        return (kind & CodeUnit.KIND_FREE) != 0 || f.pc >= f.code.prologue || f.lasti >= f.code.prologue;  // MAKE_CELL ran
    }

    /**
     * PyFrame_FastToLocalsWithError for a function frame: its f_locals dict (made on first use,
     * then kept by the frame) gets each bound variable, a cell's contents for a cell; unbound
     * ones are deleted from it. Module and class frames keep their namespace as it is.
     */
    static void fastToLocals(Runtime rt, Frame f) {
        if (f.locals != 0) return;
        Heap heap = rt.heap;
        if (f.fastLocals == 0) f.fastLocals = heap.dicts.create();
        long d = f.fastLocals;
        CodeUnit u = f.code.unit;
        var names = u.localsplusNames();
        byte[] kinds = u.localsplusKinds();
        for (int i = 0; i < names.size(); i++) {
            byte kind = kinds[i];
            if ((kind & CodeUnit.KIND_FREE) != 0 && (u.flags() & CodeUnit.CO_OPTIMIZED) == 0) continue;
            long v = f.owner == Frame.CLEARED ? 0 : f.slots[i];
            if ((kind & (CodeUnit.KIND_CELL | CodeUnit.KIND_FREE)) != 0 && isCell(rt, f, i, kind)) v = CellType.contents(v);
            long key = heap.strs.internedOf(names.get(i));
            try {
                if (v == 0) heap.dicts.delItem(d, key);
                else heap.dicts.setItem(d, key, v);
            } finally {
                heap.decref(key);
            }
        }
    }

    /** PyFrame_LocalsToFast(frame, 1): the f_locals dict's values written back into the frame's variables (a missing name unbinds). */
    static void localsToFast(Runtime rt, Frame f) {
        long d = f.fastLocals;
        if (d == 0 || f.locals != 0 || f.owner != Frame.OWNED_BY_THREAD) return;
        Heap heap = rt.heap;
        CodeUnit u = f.code.unit;
        var names = u.localsplusNames();
        byte[] kinds = u.localsplusKinds();
        for (int i = 0; i < names.size(); i++) {
            byte kind = kinds[i];
            if ((kind & CodeUnit.KIND_FREE) != 0 && (u.flags() & CodeUnit.CO_OPTIMIZED) == 0) continue;
            long v = heap.dicts.getItem(d, names.get(i));  // borrowed, 0 if missing
            if ((kind & (CodeUnit.KIND_CELL | CodeUnit.KIND_FREE)) != 0 && isCell(rt, f, i, kind)) {
                long cell = f.slots[i];
                long old = CellType.contents(cell);
                if (v != old) {
                    heap.xincref(v);
                    Native.putLong(cell + CellType.OB_REF, v);
                    heap.xdecref(old);
                }
            } else if (v != f.slots[i]) {
                long old = f.slots[i];
                heap.xincref(v);
                f.slots[i] = v;
                heap.xdecref(old);
            }
        }
    }

    /**
     * Setting (v a borrowed reference) or deleting (v 0) frame.f_trace, f_trace_lines,
     * f_trace_opcodes or f_lineno, with 3.11's checks and messages. A jump (f_lineno set from a
     * 'line' event of the frame's own trace function) is refused by name: refheap does not
     * move a running frame yet.
     */
    static void setFrameAttr(Runtime rt, long o, String name, long v) {
        Heap heap = rt.heap;
        switch (name) {
            case "f_trace" -> {
                heap.xincref(v);
                rt.frameType.setTrace(o, v);
            }
            case "f_trace_lines", "f_trace_opcodes" -> {
                if (v == 0) throw rt.typeError("can't delete numeric/char attribute");
                if (heap.typeOf(v) != heap.bools) throw rt.typeError("attribute value type must be bool");
                FrameType.setFlag(o, name.equals("f_trace_lines") ? FrameType.TRACE_LINES : FrameType.TRACE_OPCODES, v == heap.True);
            }
            default -> {  // f_lineno: frame_setlineno's checks
                if (v == 0) throw rt.error("AttributeError", "cannot delete attribute");
                if (heap.typeOf(v) != heap.ints) throw rt.error("ValueError", "lineno must be an integer");
                Frame f = rt.frameType.frame(o);
                switch (rt.interpreter.tracingWhat) {
                    case LINE -> { }
                    case CALL -> throw rt.error("ValueError", "can't jump from the 'call' trace event of a new frame");
                    case RETURN -> {
                        if (!f.yielded) throw rt.error("ValueError", "can only jump from a 'line' trace event");
                    }
                    default -> throw rt.error("ValueError", "can only jump from a 'line' trace event");
                }
                if (FrameType.trace(o) == 0) throw rt.error("ValueError", "f_lineno can only be set by a trace function");
                throw rt.error("NotImplementedError", "refheap does not support jumping (setting frame.f_lineno from a trace function) yet");
            }
        }
    }
}

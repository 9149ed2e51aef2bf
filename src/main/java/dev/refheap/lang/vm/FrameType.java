package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import java.util.function.LongConsumer;

/**
 * {@code frame}: the object form of a {@link Frame}, made when a traceback or a generator needs
 * one. After the frame finishes, the object owns the frame's slots (so a traceback keeps the
 * frame's locals alive, as in CPython). When it takes the frame over, it links its caller's frame
 * object as f_back, making that one if need be (3.11's take_ownership), so a traceback keeps its
 * frames' callers alive too, with their locals once they finish.
 *
 * <p>Layout (3.11's PyFrameObject): f_back at 16, the frame (here a handle to the Java
 * {@link Frame}) at 24, f_trace at 32, f_lineno (an int) at 40, f_trace_lines and f_trace_opcodes
 * (a byte each) at 44 and 45, then room for the interpreter frame: 3.11 allocates tp_basicsize 120
 * plus a pointer per localsplus and value-stack slot of the code (_PyFrame_New_NoTrack), and so
 * does refheap, so the object's memory and {@code sys.getsizeof} are CPython's (frame_sizeof); the
 * slots themselves stay in the Java frame, and that room is never read.
 */
final class FrameType extends LangType {
    /**
     * F_TRACE: the frame's own trace function (owned, 0 for none; sys.settrace's 'call' event
     * result); TRACE_LINES (a byte, 1 at creation) is f_trace_lines, TRACE_OPCODES f_trace_opcodes.
     */
    static final int F_BACK = 16, HANDLE = 24, F_TRACE = 32, LINENO = 40;
    static final int TRACE_LINES = 44, TRACE_OPCODES = 45;
    /** 3.11's tp_basicsize: offsetof(PyFrameObject, _f_frame_data) + offsetof(_PyInterpreterFrame, localsplus). */
    static final int BASIC_SIZE = 120;
    final Handles<Frame> frames = new Handles<>();

    FrameType(Runtime rt) {
        super(rt, "frame", null, HAVE_GC, BASIC_SIZE, 8, 0);
    }

    /** The frame object of {@code f}: a new reference (created on first use). */
    long of(Frame f) {
        if (f.frameObject == 0) {
            long o = heap.allocObject(this, slots(f.code));
            if (f.frameObject != 0) {
                // The allocation started a collection, and a finalizer's frame that finished in it
                // made this frame's object as its f_back: keep that one and drop the new one, as
                // 3.11's _PyFrame_MakeAndSetFrameObject does (GH-97002; memory fuzzer seed 3037062)
                heap.freeObject(o);
                heap.incref(f.frameObject);
                return f.frameObject;
            }
            Native.putLong(o + F_BACK, 0);  // where the allocation wrote the slot count, as in 3.11
            Native.putLong(o + HANDLE, frames.add(f));
            Native.putLong(o + F_TRACE, 0);
            Native.putInt(o + LINENO, 0);
            Native.putByte(o + TRACE_LINES, (byte) 1);
            Native.putByte(o + TRACE_OPCODES, (byte) 0);
            Native.putByte(o + TRACE_OPCODES + 1, (byte) 0);  // f_fast_as_locals
            f.frameObject = o;
            // untracked while the frame runs, as 3.11's _PyFrame_New_NoTrack: the collector sees it
            // once it owns a finished frame (Interpreter.finishFrame; found by the memory fuzzer)
            heap.incref(o);  // one reference for the frame itself, one for the caller
            return o;
        }
        heap.incref(f.frameObject);
        return f.frameObject;
    }

    /** The pointer slots 3.11 gives a frame of {@code code}: co_nlocalsplus + co_stacksize. */
    private static long slots(CodeType.Code code) { return code.nlocalsplus + code.unit.stacksize(); }

    /** frame_sizeof: the basic size and a pointer per slot of the frame's code (there is no ob_size). */
    @Override
    public long sizeOf(long o) { return BASIC_SIZE + 8 * slots(frame(o).code); }

    Frame frame(long o) { return frames.get((int) Native.getLong(o + HANDLE)); }

    /** The frame's own trace function (borrowed), or 0. */
    static long trace(long o) { return Native.getLong(o + F_TRACE); }

    /** Sets f_trace ({@code v} a new reference, 0 or None clears it); the old one released last. */
    void setTrace(long o, long v) {
        if (v == heap.None) {
            heap.decref(v);
            v = 0;
        }
        long old = trace(o);
        Native.putLong(o + F_TRACE, v);
        heap.xdecref(old);
    }

    /** f_trace_lines or f_trace_opcodes ({@code at}: TRACE_LINES or TRACE_OPCODES). */
    static boolean flag(long o, int at) { return Native.getByte(o + at) != 0; }

    static void setFlag(long o, int at, boolean on) { Native.putByte(o + at, (byte) (on ? 1 : 0)); }

    /** f_back of a frame object that owns its finished frame, or 0. */
    static long back(long o) { return Native.getLong(o + F_BACK); }

    /**
     * take_ownership's link: frame object {@code o}, taking over its finished frame, refers to the
     * frame object of {@code caller} (made now if it has none), or to nothing without a caller.
     */
    void linkBack(long o, Frame caller) {
        if (caller != null) Native.putLong(o + F_BACK, of(caller));
    }

    @Override
    public void traverse(long o, LongConsumer visit) {
        long back = back(o);
        if (back != 0) visit.accept(back);
        long trace = trace(o);
        if (trace != 0) visit.accept(trace);
        Frame f = frame(o);
        if (f.owner == Frame.OWNED_BY_FRAME_OBJECT) f.visitOwned(visit);
    }

    @Override
    public boolean hasClear() { return true; }

    /** frame_tp_clear: f_trace, then a finished frame's slots (locals first). */
    @Override
    public void clear(long o) {
        long trace = trace(o);
        Native.putLong(o + F_TRACE, 0);
        heap.xdecref(trace);
        Frame f = frame(o);
        if (f.owner == Frame.OWNED_BY_FRAME_OBJECT) rt.interpreter.clearFrameSlots(f);
    }

    /**
     * frame.clear() (frame_clear): a generator's frame finalizes its generator (_PyGen_Finalize:
     * a suspended one is closed, an unawaited coroutine warns); a finished frame lets go of its
     * trace function and its locals ({@link #clear}); a frame that is running, or whose generator
     * is, refuses with RuntimeError.
     */
    void clearFrame(long o) {
        Frame f = frame(o);
        if (f.owner == Frame.OWNED_BY_GENERATOR && f.generator != 0) {
            long gen = f.generator;
            if (GeneratorType.state(gen) == GeneratorType.RUNNING) throw rt.error("RuntimeError", "cannot clear an executing frame");
            heap.incref(gen);
            try {
                heap.typeOf(gen).finalize(gen);
            } finally {
                heap.decref(gen);
            }
        } else if (f.owner == Frame.OWNED_BY_THREAD) {
            throw rt.error("RuntimeError", "cannot clear an executing frame");
        } else {
            clear(o);
        }
    }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        Frame f = frame(o);
        frames.remove((int) Native.getLong(o + HANDLE));
        f.frameObject = 0;
        if (f.owner == Frame.OWNED_BY_FRAME_OBJECT) rt.interpreter.releaseFrame(f);
        long back = back(o);
        Native.putLong(o + F_BACK, 0);
        heap.xdecref(back);
        long trace = trace(o);
        Native.putLong(o + F_TRACE, 0);
        heap.xdecref(trace);
        heap.freeObject(o);
    }
}

package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import java.util.function.LongConsumer;

/**
 * {@code frame}: the object form of a {@link Frame}, made when a traceback or a generator needs
 * one. After the frame finishes, the object owns the frame's slots (so a traceback keeps the
 * frame's locals alive, as in CPython). When it takes the frame over, it links its caller's frame
 * object as f_back, making that one if need be (3.11's take_ownership), so a traceback keeps its
 * frames' callers alive too, with their locals once they finish.
 */
final class FrameType extends LangType {
    static final int HANDLE = 16, LINENO = 24, F_BACK = 32;
    final Handles<Frame> frames = new Handles<>();

    FrameType(Runtime rt) {
        super(rt, "frame", null, HAVE_GC, 80, 0, 0);
    }

    /** The frame object of {@code f}: a new reference (created on first use). */
    long of(Frame f) {
        if (f.frameObject == 0) {
            long o = heap.allocObject(this, 0);
            if (f.frameObject != 0) {
                // The allocation started a collection, and a finalizer's frame that finished in it
                // made this frame's object as its f_back: keep that one and drop the new one, as
                // 3.11's _PyFrame_MakeAndSetFrameObject does (GH-97002; memory fuzzer seed 3037062)
                heap.freeObject(o);
                heap.incref(f.frameObject);
                return f.frameObject;
            }
            Native.putLong(o + HANDLE, frames.add(f));
            Native.putLong(o + LINENO, 0);
            Native.putLong(o + F_BACK, 0);
            f.frameObject = o;
            // untracked while the frame runs, as 3.11's _PyFrame_New_NoTrack: the collector sees it
            // once it owns a finished frame (Interpreter.finishFrame; found by the memory fuzzer)
            heap.incref(o);  // one reference for the frame itself, one for the caller
            return o;
        }
        heap.incref(f.frameObject);
        return f.frameObject;
    }

    Frame frame(long o) { return frames.get((int) Native.getLong(o + HANDLE)); }

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
        Frame f = frame(o);
        if (f.owner == Frame.OWNED_BY_FRAME_OBJECT) f.visitOwned(visit);
    }

    @Override
    public boolean hasClear() { return true; }

    /** frame_tp_clear: releases a finished frame's slots (locals first). */
    @Override
    public void clear(long o) {
        Frame f = frame(o);
        if (f.owner == Frame.OWNED_BY_FRAME_OBJECT) rt.interpreter.clearFrameSlots(f);
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
        heap.freeObject(o);
    }
}

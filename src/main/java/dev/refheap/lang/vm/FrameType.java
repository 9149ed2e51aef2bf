package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import java.util.function.LongConsumer;

/**
 * {@code frame}: the object form of a {@link Frame}, made when a traceback or a generator needs
 * one. After the frame finishes, the object owns the frame's slots (so a traceback keeps the
 * frame's locals alive, as in CPython). f_back is not kept.
 */
final class FrameType extends LangType {
    static final int HANDLE = 16, LINENO = 24;
    final Handles<Frame> frames = new Handles<>();

    FrameType(Runtime rt) {
        super(rt, "frame", null, HAVE_GC, 80, 0, 0);
    }

    /** The frame object of {@code f}: a new reference (created on first use). */
    long of(Frame f) {
        if (f.frameObject == 0) {
            long o = heap.allocObject(this, 0);
            Native.putLong(o + HANDLE, frames.add(f));
            Native.putLong(o + LINENO, 0);
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

    @Override
    public void traverse(long o, LongConsumer visit) {
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
        heap.freeObject(o);
    }
}

package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import java.util.function.LongConsumer;

/**
 * {@code generator}: owns a suspended {@link Frame}. Its block is CPython 3.11's size, which
 * embeds the frame: 152 bytes + 8 per local, cell, free variable and stack slot of the code
 * ({@code getsizeof((x * 10 for x in range(1000))) == 208}); the frame's slots themselves live in
 * the Java {@link Frame}, so the tail of the block is zero.
 * <pre> refcnt | type | weakreflist | name | qualname | frame handle | state | size | exc_state | gi_code </pre>
 * gi_code is a strong reference of its own (as 3.11's gi_code: a generator holds its code twice,
 * there and through its frame). Traversal follows gen_traverse: gi_code, gi_name, gi_qualname,
 * then the frame (frame object, locals, function, code, slots), then the handled exception.
 * States: created → suspended ⇄ running → completed. Its finalizer (PEP 442) closes a suspended
 * generator by raising GeneratorExit inside it, so {@code finally} blocks run.
 */
class GeneratorType extends LangType {
    static final int WEAKREFLIST = 16, NAME = 24, QUALNAME = 32, HANDLE = 40, STATE = 48, EXC_STATE = 64, CODE = 72;
    /** offsetof(PyGenObject, gi_iframe) + offsetof(_PyInterpreterFrame, localsplus) in 3.11. */
    static final long FRAME_BASE = 152;
    /** Where refheap keeps the block's size (inside the part CPython's frame header occupies). */
    static final int SIZE = 56;
    static final int CREATED = 0, SUSPENDED = 1, RUNNING = 2, COMPLETED = 3;
    final Handles<Frame> frames;

    GeneratorType(Runtime rt) {
        this(rt, "generator", new Handles<>());
    }

    /** A type with the generator layout and machinery (coroutine, async_generator), sharing the frame handles. */
    GeneratorType(Runtime rt, String name, Handles<Frame> frames) {
        super(rt, name, null, HAVE_GC, 160, 0, WEAKREFLIST);
        this.frames = frames;
    }

    /** A generator running {@code f} (which it now owns). */
    long create(Frame f) {
        var unit = f.code.unit;
        long size = FRAME_BASE + 8L * (unit.localsplusNames().size() + unit.stacksize());
        long g = heap.allocObjectOfSize(this, size, 0);
        put(g, WEAKREFLIST, 0);
        // make_gen: the names are the function's (which may have been renamed since its code was made)
        long name = f.func != 0 ? get(f.func, FunctionType.NAME) : get(f.codeObj, CodeType.NAME);
        long qualname = f.func != 0 ? get(f.func, FunctionType.QUALNAME) : get(f.codeObj, CodeType.QUALNAME);
        heap.incref(name);
        put(g, NAME, name);
        heap.incref(qualname);
        put(g, QUALNAME, qualname);
        Native.putLong(g + HANDLE, frames.add(f));
        put(g, STATE, CREATED);
        Native.putLong(g + SIZE, size);
        for (int off = SIZE + 8; off < size; off += 8) put(g, off, 0);
        heap.incref(f.codeObj);
        put(g, CODE, f.codeObj);
        f.owner = Frame.OWNED_BY_GENERATOR;
        f.generator = g;
        heap.track(g);
        return g;
    }

    @Override
    public long sizeOf(long o) { return get(o, SIZE); }

    Frame frame(long g) { return frames.get((int) get(g, HANDLE)); }

    static long state(long g) { return get(g, STATE); }

    /** gi_exc_state.exc_value: the handled exception saved while suspended (owned), taken out on resume. */
    static long takeExcState(long g) {
        long v = get(g, EXC_STATE);
        put(g, EXC_STATE, 0);
        return v;
    }

    static void putExcState(long g, long v) { put(g, EXC_STATE, v); }
    static void setState(long g, long s) { put(g, STATE, s); }

    @Override
    public void traverse(long o, LongConsumer visit) {
        visitField(o, CODE, visit);
        visitField(o, NAME, visit);
        visitField(o, QUALNAME, visit);
        Frame f = frame(o);
        if (f != null && f.owner == Frame.OWNED_BY_GENERATOR) {
            if (f.frameObject != 0) visit.accept(f.frameObject);
            f.visitOwnedInCpythonOrder(visit);
        }
        visitField(o, EXC_STATE, visit);
    }

    @Override
    public boolean hasFinalizer() { return true; }

    /** _PyGen_Finalize: a suspended generator is closed. */
    @Override
    public void finalize(long o) {
        long s = state(o);
        if (s >= COMPLETED) return;
        if (s == CREATED) {
            if (!rt.closing) neverStarted(o);  // Runtime.close warns of nothing: its builtins and modules are being released
            rt.interpreter.closeGenerator(o);  // completed; its frame object (if any) lives on by itself
            return;
        }
        try {
            rt.interpreter.closeGenerator(o);
        } catch (PyException e) {
            rt.writeUnraisable(e.exc(), null, o);
        }
    }

    /** Releases what a kind of generator holds beyond the generator's fields (an async generator's finalizer hook). */
    void releaseExtra(long o) {}

    /** Called when a never-started object is finalized (a coroutine warns that it was never awaited). */
    void neverStarted(long o) {}

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        if (state(o) < COMPLETED) {
            heap.track(o);
            if (heap.callFinalizerFromDealloc(o, this)) return;
            heap.untrackIfTracked(o);
        }
        heap.weakrefs.clearWeakrefs(o);
        Frame f = frame(o);
        frames.remove((int) get(o, HANDLE));
        // a frame still suspended (its close ignored GeneratorExit): its frame object is let go of too (gen_dealloc's _PyFrame_Clear)
        if (f.owner == Frame.OWNED_BY_GENERATOR) rt.interpreter.clearFrame(f, null);
        heap.decref(get(o, NAME));
        heap.decref(get(o, QUALNAME));
        heap.decref(get(o, CODE));
        releaseExtra(o);
        long exc = takeExcState(o);
        if (exc != 0) heap.decref(exc);
        heap.freeObject(o);
    }
}

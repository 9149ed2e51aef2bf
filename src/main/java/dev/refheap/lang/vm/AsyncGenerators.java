package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import dev.refheap.object.RootProvider;
import dev.refheap.object.TupleType;
import java.util.ArrayDeque;
import java.util.function.LongConsumer;

/**
 * Iterating async generators (PEP 525) as CPython 3.11 does, without an event loop:
 * {@code agen.__anext__()} / {@code asend(v)} make an {@code async_generator_asend} awaitable,
 * {@code athrow(...)} / {@code aclose()} an {@code async_generator_athrow}; each is its own
 * iterator ({@code __await__} returns it) whose {@code send}/{@code throw}/{@code close} drive the
 * generator. Inside the generator, {@code yield v} is ASYNC_GEN_WRAP + YIELD_VALUE: the value
 * travels out wrapped ({@code async_generator_wrapped_value}) so the awaitable can tell it from
 * what an {@code await} inside the generator passes up to the event loop (returned as is); a
 * wrapped value ends the awaitable with {@code StopIteration(v)}. The generator returning ends it
 * with StopAsyncIteration.
 *
 * <p>Layouts (3.11): asend and athrow are 40 bytes + GC head ({@code getsizeof} 56) holding the
 * generator, the value to send (asend; NULL for {@code __anext__}) or the {@code athrow} arguments
 * (NULL for {@code aclose}), and a state: INIT → ITER → CLOSED (a closed one refuses reuse). The
 * wrapped value is 24 bytes + GC head. 3.11 keeps free lists (80 each) of dead asend objects and
 * wrapped values, which a full collection empties: taking from them does not move count0.
 *
 * <p>The generator's own fields past GeneratorType's (in the part of the block CPython's frame
 * header occupies): the finalizer hook (ag_origin_or_finalizer, visited first) and the flags
 * hooks-inited, closed, running-async ({@code ag_running} is the last). {@code sys.set_asyncgen_hooks}
 * hooks are runtime roots; the first iteration of a generator records the finalizer in it and calls
 * firstiter; finalizing an unfinished, unclosed generator that recorded a finalizer calls it instead
 * of closing the generator.
 */
final class AsyncGenerators implements RootProvider {
    static final int FINALIZER = 80, FLAGS = 88;
    static final int HOOKS_INITED = 1, CLOSED = 2, RUNNING_ASYNC = 4;
    static final int INIT = 0, ITER = 1, DONE = 2;
    private static final int MAXFREELIST = 80;

    private final Runtime rt;
    private final Heap heap;
    final AsyncGeneratorType agenType;
    final AwaitableType asendType, athrowType;
    final WrappedValueType wrappedType;
    private final SysInfo.StructSeqType hooksType;
    /** sys.set_asyncgen_hooks: the firstiter and finalizer hooks (owned), 0 for None. */
    long firstiter, finalizer;

    AsyncGenerators(Runtime rt, Handles<Frame> frames) {
        this.rt = rt;
        this.heap = rt.heap;
        agenType = heap.register(new AsyncGeneratorType(rt, frames));
        asendType = heap.register(new AwaitableType(rt, "async_generator_asend", false));
        athrowType = heap.register(new AwaitableType(rt, "async_generator_athrow", true));
        wrappedType = heap.register(new WrappedValueType(rt));
        hooksType = new SysInfo.StructSeqType(rt, "asyncgen_hooks", java.util.List.of("firstiter", "finalizer")).registered();
        heap.addRootProvider(this);
    }

    @Override
    public void visitRoots(RootVisitor v) {
        if (firstiter != 0) v.root(firstiter, 1);
        if (finalizer != 0) v.root(finalizer, 1);
    }

    @Override
    public String rootDescription() { return "sys.set_asyncgen_hooks"; }

    /** Empties the free lists (a full collection's clear_freelists). */
    void clearFreeLists() {
        asendType.clearFreeList();
        wrappedType.clearFreeList();
    }

    /** True when no dead object is parked on these free lists (a start-up image does not carry them yet). */
    boolean freeListsEmpty() {
        return asendType.freeList.parked.isEmpty() && athrowType.freeList.parked.isEmpty() && wrappedType.freeList.parked.isEmpty();
    }

    static boolean flag(long g, int f) { return (Native.getLong(g + FLAGS) & f) != 0; }

    static void setFlag(long g, int f, boolean on) {
        long v = Native.getLong(g + FLAGS);
        Native.putLong(g + FLAGS, on ? v | f : v & ~f);
    }

    // ---- the async generator's methods -------------------------------------------------------------

    void install() {
        PyType ag = agenType;
        rt.defMethod(ag, "asend", (s, a, o, n, kw) -> {
            Args.exactly(rt, "asend", n, kw, 1);
            initHooks(s);
            return asendType.create(s, Builtins.incref(heap, a[o]));
        });
        rt.defDescr(BuiltinDescrType.Kind.WRAPPER, ag, "__anext__", (s, a, o, n, kw) -> {
            Args.exactly(rt, "__anext__", n, kw, 0);
            initHooks(s);
            return asendType.create(s, 0);
        });
        rt.defMethod(ag, "athrow", (s, a, o, n, kw) -> {
            Args.noKeywords(rt, "athrow", kw);
            initHooks(s);
            long args = heap.tuples.alloc(n);
            for (int i = 0; i < n; i++) TupleType.setItemSteal(args, i, Builtins.incref(heap, a[o + i]));
            return athrowType.create(s, args);
        });
        rt.defMethod(ag, "aclose", (s, a, o, n, kw) -> {
            Args.exactly(rt, "aclose", n, kw, 0);
            initHooks(s);
            return athrowType.create(s, 0);
        });
        for (AwaitableType t : new AwaitableType[] {asendType, athrowType}) {
            rt.defMethod(t, "send", (s, a, o, n, kw) -> {
                Args.exactly(rt, t.name() + ".send", n, kw, 1);
                return t.send(s, a[o]);
            });
            rt.defMethod(t, "throw", (s, a, o, n, kw) -> {
                Args.noKeywords(rt, t.name() + ".throw", kw);
                Args.range(rt, "throw", n, 0, 1, 3);
                return t.throwIn(s, Coroutines.exceptionToThrow(rt, a[o], n > 1 ? a[o + 1] : heap.None, n > 2 ? a[o + 2] : heap.None));
            });
            rt.defMethod(t, "close", (s, a, o, n, kw) -> {
                Args.exactly(rt, t.name() + ".close", n, kw, 0);
                t.close(s);
                return Builtins.incref(heap, heap.None);
            });
            rt.defDescr(BuiltinDescrType.Kind.WRAPPER, t, "__await__", (s, a, o, n, kw) -> Builtins.incref(heap, s));
            rt.defDescr(BuiltinDescrType.Kind.WRAPPER, t, "__iter__", (s, a, o, n, kw) -> Builtins.incref(heap, s));
            rt.defDescr(BuiltinDescrType.Kind.WRAPPER, t, "__next__", (s, a, o, n, kw) -> t.send(s, 0));
        }
    }

    /** async_gen_init_hooks: on the first iteration, remember the finalizer hook and call firstiter. */
    private void initHooks(long g) {
        if (flag(g, HOOKS_INITED)) return;
        setFlag(g, HOOKS_INITED, true);
        if (finalizer != 0) Native.putLong(g + FINALIZER, Builtins.incref(heap, finalizer));
        if (firstiter != 0) {
            long fi = Builtins.incref(heap, firstiter);
            try {
                heap.decref(rt.ops.call0(fi, g));
            } finally {
                heap.decref(fi);
            }
        }
    }

    /** sys.set_asyncgen_hooks(firstiter=..., finalizer=...): only what is given changes; None clears. */
    long setHooks(long[] a, int o, int n, long kw) {
        int nkw = Args.nkw(kw), npos = n - nkw;
        if (npos > 2) throw rt.typeError("function takes at most 2 arguments (" + n + " given)");
        long fi = npos > 0 ? a[o] : 0, fz = npos > 1 ? a[o + 1] : 0;
        for (int i = 0; i < nkw; i++) {
            String k = dev.refheap.object.StrType.value(TupleType.item(kw, i));
            long v = a[o + npos + i];
            if (k.equals("firstiter") && npos < 1) fi = v;
            else if (k.equals("finalizer") && npos < 2) fz = v;
            else if (k.equals("firstiter") || k.equals("finalizer")) {
                throw rt.typeError("argument for set_asyncgen_hooks() given by name ('" + k + "') and position ("
                        + (k.equals("firstiter") ? 1 : 2) + ")");
            } else throw rt.typeError("'" + k + "' is an invalid keyword argument for set_asyncgen_hooks()");
        }
        if (fz != 0 && fz != heap.None && !Builtins.isCallable(rt, fz)) {
            throw rt.typeError("callable finalizer expected, got " + rt.ops.typeName(fz));
        }
        if (fi != 0 && fi != heap.None && !Builtins.isCallable(rt, fi)) {
            throw rt.typeError("callable firstiter expected, got " + rt.ops.typeName(fi));
        }
        if (fz != 0) finalizer = replace(finalizer, fz);
        if (fi != 0) firstiter = replace(firstiter, fi);
        return Builtins.incref(heap, heap.None);
    }

    /** sys.get_asyncgen_hooks(): asyncgen_hooks(firstiter=..., finalizer=...). */
    long hooks() {
        return hooksType.create(Builtins.incref(heap, firstiter != 0 ? firstiter : heap.None),
                Builtins.incref(heap, finalizer != 0 ? finalizer : heap.None));
    }

    private long replace(long old, long v) {
        long nv = v == heap.None ? 0 : Builtins.incref(heap, v);
        if (old != 0) heap.decref(old);
        return nv;
    }

    /** The wrapped value of ASYNC_GEN_WRAP for {@code v} (stolen). */
    long wrap(long v) { return wrappedType.create(v); }

    // ---- the protocol of async_gen_asend / async_gen_athrow ------------------------------------------

    /** StopIteration carrying {@code v} as _PyGen_SetStopIterationValue makes it (None: no arguments). */
    PyException stopIteration(long v) {
        long args;
        if (v == heap.None) args = heap.tuples.alloc(0);
        else {
            args = heap.tuples.alloc(1);
            TupleType.setItemSteal(args, 0, Builtins.incref(heap, v));
        }
        return new PyException(rt.ops.instantiateException(rt.exceptionType("StopIteration"), args));
    }

    /** The generator finished while running for an awaitable (gen_send_ex with a return): StopAsyncIteration. */
    private PyException returned() { return rt.error("StopAsyncIteration", null); }

    private boolean isStopAsyncOrExit(long exc) {
        return rt.ops.isInstance(exc, rt.exceptionType("StopAsyncIteration")) || rt.ops.isInstance(exc, rt.exceptionType("GeneratorExit"));
    }

    /** async_gen_unwrap_value for an error: the generator stops running for the awaitable (closed on StopAsyncIteration/GeneratorExit). */
    private PyException unwrapError(long g, PyException e) {
        if (isStopAsyncOrExit(e.exc())) setFlag(g, CLOSED, true);
        setFlag(g, RUNNING_ASYNC, false);
        return e;
    }

    /** async_gen_unwrap_value for a result: a wrapped value ends the await with StopIteration(value); anything else passes up. */
    private long unwrapValue(long g, long r) {
        if (heap.typeOf(r) == wrappedType) {
            PyException si = stopIteration(Native.getLong(r + WrappedValueType.VAL));
            heap.decref(r);
            setFlag(g, RUNNING_ASYNC, false);
            throw si;
        }
        return r;
    }

    /** Sends {@code v} (borrowed) into generator g: the value it yields, raw (wrapped or not). */
    private long sendRaw(long g, long v) {
        long r = rt.interpreter.resume(g, v, 0, true);
        if (r == 0) throw returned();
        return r;
    }

    /** Throws {@code exc} (stolen) into generator g as _gen_throw does. */
    private long throwRaw(long g, long exc, boolean closeOnGenExit) {
        long r = rt.interpreter.throwIn(g, exc, closeOnGenExit, true);
        if (r == 0) throw returned();
        return r;
    }

    /**
     * One type's free list of dead objects (3.11's ag_asend_freelist and ag_value_freelist): at
     * most {@code max} of them parked (dead to the heap verifier), reused last in, first out;
     * {@code max} 0 keeps none. Cleared by gc.collect's free-list clearing.
     */
    private static final class FreeList {
        private final ArrayDeque<Long> parked = new ArrayDeque<>();
        private final dev.refheap.object.Heap heap;
        private final dev.refheap.object.PyType type;
        private final int max;

        FreeList(dev.refheap.object.Heap heap, dev.refheap.object.PyType type, int max) {
            this.heap = heap;
            this.type = type;
            this.max = max;
        }

        /** A parked object revived, else a new one: untracked, its fields still to be set. */
        long take() {
            if (parked.isEmpty()) return heap.allocObject(type, 0);
            long o = parked.pop();
            heap.reviveFromFreeList(o, type);
            return o;
        }

        /** Parks {@code o} (its fields cleared and untracked) if there is room, else frees it. */
        void release(long o) {
            if (parked.size() < max) {
                heap.parkedOnFreeList(o, type);
                parked.push(o);
            } else {
                heap.freeObject(o);
            }
        }

        void clear() {
            while (!parked.isEmpty()) heap.freeObjectMemory(parked.pop(), type);
        }
    }

    /**
     * {@code async_generator_asend} ({@code athrow}: {@code async_generator_athrow}): an awaitable
     * driving one step of its generator. Fields: generator, value (asend's send value or athrow's
     * arguments; 0 for __anext__/aclose), state INIT/ITER/DONE.
     */
    final class AwaitableType extends ExtType {
        static final int GEN = 16, VAL = 24, STATE = 32;
        private final boolean athrow;
        private final FreeList freeList;

        AwaitableType(Runtime rt, String name, boolean athrow) {
            super(rt, name, null, HAVE_GC, 40, 0, 0);
            this.athrow = athrow;
            this.freeList = new FreeList(heap, this, athrow ? 0 : MAXFREELIST);  // 3.11 keeps none for athrow
        }

        /** A new awaitable on generator g (borrowed) with value {@code v} (stolen, may be 0). */
        long create(long g, long v) {
            long o = freeList.take();
            put(o, GEN, Builtins.incref(heap, g));
            put(o, VAL, v);
            put(o, STATE, INIT);
            heap.track(o);
            return o;
        }

        void clearFreeList() { freeList.clear(); }

        @Override
        public void traverse(long o, LongConsumer visit) {
            visitField(o, GEN, visit);
            visitField(o, VAL, visit);
        }

        @Override
        public void dealloc(long o) {
            heap.untrackIfTracked(o);
            clearField(o, GEN);
            clearField(o, VAL);
            freeList.release(o);
        }

        @Override
        String repr(long o) { return "<" + name() + " object at " + Ops.hex(o) + ">"; }

        @Override
        long iter(long o) { return Builtins.incref(heap, o); }

        @Override
        boolean isIterator() { return true; }

        @Override
        long next(long o) {
            try {
                return send(o, 0);
            } catch (PyException e) {
                if (!rt.ops.isInstance(e.exc(), rt.exceptionType("StopIteration"))) throw e;
                heap.decref(e.exc());
                return 0;
            }
        }

        private String reuse() {
            return athrow ? "cannot reuse already awaited aclose()/athrow()" : "cannot reuse already awaited __anext__()/asend()";
        }

        /** send(arg) ({@code arg} borrowed; 0 as __next__ sends): the next value, or StopIteration/an error. */
        long send(long o, long arg) {
            return athrow ? athrowSend(o, arg == 0 ? heap.None : arg) : asendSend(o, arg);
        }

        private long asendSend(long o, long arg) {
            long g = get(o, GEN);
            if (get(o, STATE) == DONE) throw rt.error("RuntimeError", reuse());
            if (get(o, STATE) == INIT) {
                if (flag(g, RUNNING_ASYNC)) throw rt.error("RuntimeError", "anext(): asynchronous generator is already running");
                if (arg == 0 || arg == heap.None) arg = get(o, VAL);
                put(o, STATE, ITER);
            }
            setFlag(g, RUNNING_ASYNC, true);
            try {
                long r;
                try {
                    r = sendRaw(g, arg == 0 ? heap.None : arg);
                } catch (PyException e) {
                    throw unwrapError(g, e);
                }
                return unwrapValue(g, r);
            } catch (PyException e) {
                put(o, STATE, DONE);
                throw e;
            }
        }

        private long athrowSend(long o, long arg) {
            long g = get(o, GEN);
            boolean aclose = get(o, VAL) == 0;
            if (get(o, STATE) == DONE) throw rt.error("RuntimeError", reuse());
            if (GeneratorType.state(g) >= GeneratorType.COMPLETED) {
                put(o, STATE, DONE);
                throw stopIteration(heap.None);
            }
            if (get(o, STATE) == INIT) {
                if (flag(g, RUNNING_ASYNC)) {
                    put(o, STATE, DONE);
                    throw rt.error("RuntimeError", (aclose ? "aclose()" : "athrow()") + ": asynchronous generator is already running");
                }
                if (flag(g, CLOSED)) {
                    put(o, STATE, DONE);
                    throw rt.error("StopAsyncIteration", null);
                }
                if (arg != heap.None) throw rt.error("RuntimeError", "can't send non-None value to a just-started coroutine");
                put(o, STATE, ITER);
                setFlag(g, RUNNING_ASYNC, true);
                try {
                    if (aclose) {
                        setFlag(g, CLOSED, true);
                        long r = throwRaw(g, rt.newException("GeneratorExit", null), false);
                        if (heap.typeOf(r) == wrappedType) {
                            heap.decref(r);
                            throw yieldClose(o, g);  // passes checkError as it is
                        }
                        return r;
                    }
                    long args = get(o, VAL);
                    int n = (int) TupleType.size(args);
                    if (n < 1 || n > 3) {
                        throw rt.typeError("athrow expected " + (n < 1 ? "at least 1 argument" : "at most 3 arguments") + ", got " + n);
                    }
                    long exc = Coroutines.exceptionToThrow(rt, TupleType.item(args, 0), n > 1 ? TupleType.item(args, 1) : heap.None,
                            n > 2 ? TupleType.item(args, 2) : heap.None);
                    long r;
                    try {
                        r = throwRaw(g, exc, false);
                    } catch (PyException e) {
                        throw unwrapError(g, e);
                    }
                    return unwrapValue(g, r);
                } catch (PyException e) {
                    throw checkError(o, g, e);
                }
            }
            // ITER: the generator awaits something while handling the exception
            long r;
            try {
                r = sendRaw(g, arg);
            } catch (PyException e) {
                if (!aclose) throw unwrapError(g, e);
                throw checkError(o, g, e);
            }
            if (!aclose) return unwrapValue(g, r);
            if (heap.typeOf(r) == wrappedType) {
                heap.decref(r);
                throw yieldClose(o, g);
            }
            return r;
        }

        /** A wrapped value yielded while closing: "async generator ignored GeneratorExit". */
        private PyException yieldClose(long o, long g) {
            setFlag(g, RUNNING_ASYNC, false);
            put(o, STATE, DONE);
            return rt.error("RuntimeError", "async generator ignored GeneratorExit");
        }

        /** check_error: the awaitable is done; aclose's StopAsyncIteration/GeneratorExit is its StopIteration. */
        private PyException checkError(long o, long g, PyException e) {
            setFlag(g, RUNNING_ASYNC, false);
            put(o, STATE, DONE);
            if (get(o, VAL) == 0 && isStopAsyncOrExit(e.exc())) {
                heap.decref(e.exc());
                return stopIteration(heap.None);
            }
            return e;
        }

        /** throw(...): {@code exc} (stolen) raised in the generator (through what it awaits). */
        long throwIn(long o, long exc) {
            long g = get(o, GEN);
            if (get(o, STATE) == DONE) {
                heap.decref(exc);
                throw rt.error("RuntimeError", reuse());
            }
            if (!athrow) {
                try {
                    long r;
                    try {
                        r = throwRaw(g, exc, true);
                    } catch (PyException e) {
                        throw unwrapError(g, e);
                    }
                    return unwrapValue(g, r);
                } catch (PyException e) {
                    put(o, STATE, DONE);
                    throw e;
                }
            }
            boolean aclose = get(o, VAL) == 0;
            long r;
            try {
                r = throwRaw(g, exc, true);
            } catch (PyException e) {
                if (!aclose) throw unwrapError(g, e);
                if (isStopAsyncOrExit(e.exc())) {
                    heap.decref(e.exc());
                    throw stopIteration(heap.None);
                }
                throw e;
            }
            if (!aclose) return unwrapValue(g, r);
            if (heap.typeOf(r) == wrappedType) {
                heap.decref(r);
                throw yieldClose(o, g);
            }
            return r;
        }

        void close(long o) { put(o, STATE, DONE); }
    }

    /** {@code async_generator_wrapped_value}: a value an async generator yields, on its way out. */
    final class WrappedValueType extends ExtType {
        static final int VAL = 16;
        private final FreeList freeList;

        WrappedValueType(Runtime rt) {
            super(rt, "async_generator_wrapped_value", null, HAVE_GC, 24, 0, 0);
            this.freeList = new FreeList(heap, this, MAXFREELIST);
        }

        /** A wrapped {@code v} (stolen). */
        long create(long v) {
            long o = freeList.take();
            put(o, VAL, v);
            heap.track(o);
            return o;
        }

        void clearFreeList() { freeList.clear(); }

        @Override
        public void traverse(long o, LongConsumer visit) { visitField(o, VAL, visit); }

        @Override
        public void dealloc(long o) {
            heap.untrackIfTracked(o);
            clearField(o, VAL);
            freeList.release(o);
        }

        @Override
        String repr(long o) { return "<" + name() + " object at " + Ops.hex(o) + ">"; }
    }

    /**
     * {@code async_generator}: the generator's layout plus the finalizer hook (visited before the
     * generator's fields, as async_gen_traverse does) and the flags.
     */
    final class AsyncGeneratorType extends GeneratorType {
        AsyncGeneratorType(Runtime rt, Handles<Frame> frames) {
            super(rt, "async_generator", frames);
        }

        @Override
        public void traverse(long o, LongConsumer visit) {
            visitField(o, FINALIZER, visit);
            super.traverse(o, visit);
        }

        /** _PyGen_Finalize: an unfinished generator that is not closed goes to the finalizer hook it recorded. */
        @Override
        public void finalize(long o) {
            long fin = get(o, FINALIZER);
            if (state(o) < COMPLETED && fin != 0 && !flag(o, CLOSED)) {
                heap.incref(fin);
                try {
                    heap.decref(rt.ops.call0(fin, o));
                } catch (PyException e) {
                    rt.writeUnraisable(e.exc(), null, o);
                } finally {
                    heap.decref(fin);
                }
                return;
            }
            super.finalize(o);
        }

        @Override
        void releaseExtra(long o) { clearField(o, FINALIZER); }
    }
}

package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.IntType;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.util.HashMap;
import java.util.Map;

/**
 * Coroutines (PEP 492) and async generators (PEP 525) as objects, and the run-time half of
 * {@code await}, {@code async for} and {@code async with} (GET_AWAITABLE, GET_AITER, GET_ANEXT,
 * END_ASYNC_FOR, BEFORE_ASYNC_WITH).
 *
 * <p>{@code coroutine} and {@code async_generator} have the generator's layout, frame ownership,
 * traversal, size and states ({@link GeneratorType}, whose frame handles they share), so sending,
 * throwing and closing work as for generators and no event loop is needed: {@code coro.send(None)}
 * drives a coroutine. A coroutine finalized before it ever ran gives 3.11's "coroutine ... was never
 * awaited" RuntimeWarning, through warnings._warn_unawaited_coroutine as CPython sends it.
 * Iterating async generators is {@link AsyncGenerators}'; {@code coro.__await__()} is a
 * {@link CoroutineWrapperType}.
 */
final class Coroutines {
    private Coroutines() {}

    static final int CO_COROUTINE = 0x80, CO_ITERABLE_COROUTINE = 0x100, CO_ASYNC_GENERATOR = 0x200;

    /** The coroutine type: warns when finalized never started. */
    static final class CoroutineType extends GeneratorType {
        /** cr_origin_or_finalizer: the cr_origin tuple, or 0 (owned; not traversed, as 3.11's gen_traverse skips it). */
        static final int ORIGIN = 80;

        /**
         * _Py_MakeCoro: the coroutine, then, when sys.set_coroutine_origin_tracking_depth is above 0,
         * its cr_origin (compute_cr_origin: a tuple of (co_filename, line, co_name) for up to that
         * many frames, the caller first).
         */
        @Override
        long create(Frame f) {
            long g = super.create(f);
            int depth = rt.coroutineOriginDepth;
            if (depth > 0) {
                int count = 0;
                for (Frame p = rt.interpreter.current; p != null && count < depth; p = p.back) count++;
                long origin = heap.tuples.alloc(count);
                Frame p = rt.interpreter.current;
                for (int i = 0; i < count; i++, p = p.back) {
                    long info = heap.tuples.alloc(3);
                    TupleType.setItemSteal(info, 0, Builtins.incref(heap, Native.getLong(p.codeObj + CodeType.FILENAME)));
                    TupleType.setItemSteal(info, 1, heap.ints.of(p.line()));
                    TupleType.setItemSteal(info, 2, Builtins.incref(heap, Native.getLong(p.codeObj + CodeType.NAME)));
                    TupleType.setItemSteal(origin, i, info);
                }
                put(g, ORIGIN, origin);
            }
            return g;
        }

        @Override
        void releaseExtra(long o) { clearField(o, ORIGIN); }

        /** Everything traverse visits, and cr_origin, which gen_traverse skips. */
        @Override
        public void references(long o, java.util.function.LongConsumer visit) {
            traverse(o, visit);
            visitField(o, ORIGIN, visit);
        }

        /** cr_origin: a new reference (None when it was not tracked). */
        long origin(long o) {
            long v = get(o, ORIGIN);
            return Builtins.incref(heap, v == 0 ? heap.None : v);
        }

        CoroutineType(Runtime rt, Handles<Frame> frames) {
            super(rt, "coroutine", frames);
        }

        /** _PyGen_Finalize's never-awaited warning: through warnings._warn_unawaited_coroutine ({@link Warnings#unawaitedCoroutine}). */
        @Override
        void neverStarted(long o) {
            Warnings.unawaitedCoroutine(rt, o, StrType.value(Native.getLong(o + QUALNAME)));
        }
    }

    static void register(Runtime rt) {
        rt.coroutineType = rt.heap.register(new CoroutineType(rt, rt.generatorType.frames));
        rt.asyncGens = new AsyncGenerators(rt, rt.generatorType.frames);
        rt.asyncGeneratorType = rt.asyncGens.agenType;
        rt.heap.addFreeListClearer(rt.asyncGens::clearFreeLists);
        rt.coroutineWrapperType = rt.heap.register(new CoroutineWrapperType(rt));
        PyType c = rt.coroutineType;
        def(rt, c, "send", (s, a, o, n, kw) -> {
            if (n != 1) throw rt.typeError("coroutine.send() takes exactly one argument (" + n + " given)");
            return rt.interpreter.resume(s, a[o], 0, false);
        });
        def(rt, c, "throw", (s, a, o, n, kw) -> {
            Args.noKeywords(rt, "coroutine.throw", kw);
            Args.range(rt, "throw", n, 0, 1, 3);
            long exc = exceptionToThrow(rt, a[o], n > 1 ? a[o + 1] : rt.heap.None, n > 2 ? a[o + 2] : rt.heap.None);
            return rt.interpreter.throwIn(s, exc, true, false);
        });
        def(rt, c, "close", (s, a, o, n, kw) -> {
            Args.exactly(rt, "coroutine.close", n, kw, 0);
            rt.interpreter.closeGenerator(s);
            return Builtins.incref(rt.heap, rt.heap.None);
        });
        rt.defDescr(BuiltinDescrType.Kind.WRAPPER, c, "__await__", (s, a, o, n, kw) -> {
            Args.exactly(rt, "__await__", n, kw, 0);
            return rt.coroutineWrapperType.create(s);
        });
        rt.coroutineWrapperType.install();
        rt.anextAwaitableType = rt.heap.register(new AnextAwaitableType(rt));
        rt.anextAwaitableType.install();
        PyType ag = rt.asyncGeneratorType;
        rt.defDescr(BuiltinDescrType.Kind.WRAPPER, ag, "__aiter__", (s, a, o, n, kw) -> Builtins.incref(rt.heap, s));
        rt.asyncGens.install();
        def(rt, rt.codeType, "replace", (s, a, o, n, kw) -> rt.codeType.replace(s, a, o, n, kw));
    }

    /**
     * The exception {@code throw(typ[, val[, tb]])} raises (a new reference), normalized as
     * _gen_throw does: an instance as it is; a class instantiated (with val, or *val for a tuple),
     * or val itself when it is an instance of it; tb becomes its __traceback__.
     */
    static long exceptionToThrow(Runtime rt, long e, long val, long tb) {
        Heap heap = rt.heap;
        if (tb != heap.None && heap.typeOf(tb) != rt.tracebackType) throw rt.typeError("throw() third argument must be a traceback object");
        long exc;
        if (rt.ops.isExceptionType(e)) {
            if (val != heap.None && rt.ops.isInstance(val, heap.typeAt(e))) exc = Builtins.incref(heap, val);
            else {
                // _PyErr_NormalizeException: an error while making the instance is what is thrown
                // in, and so is _PyErr_CreateException's TypeError for a call that made no exception
                try {
                    if (val == heap.None) exc = Builtins.instantiateType(rt, e);
                    else if (heap.typeOf(val) == heap.tuples) {
                        long[] items = new long[(int) TupleType.size(val)];
                        for (int i = 0; i < items.length; i++) items[i] = TupleType.item(val, i);
                        exc = rt.ops.call(e, items, 0, items.length, 0);
                    } else exc = rt.ops.call0(e, val);
                } catch (PyException x) {
                    return x.exc();
                }
                if (!rt.ops.isInstance(exc, rt.baseException)) {
                    String msg = "calling " + rt.ops.repr(e) + " should have returned an instance of BaseException, not " + rt.ops.typeName(exc);
                    heap.decref(exc);
                    return rt.typeError(msg).exc();
                }
            }
        } else if (rt.ops.isInstance(e, rt.baseException)) {
            if (val != heap.None) throw rt.typeError("instance exception may not have a separate value");
            exc = Builtins.incref(heap, e);
        } else throw rt.typeError("exceptions must be classes or instances deriving from BaseException, not " + rt.ops.typeName(e));
        if (tb != heap.None) {
            long key = heap.strs.internedOf("__traceback__");
            try {
                rt.ops.setAttr(exc, key, tb);
            } catch (RuntimeException x) {
                heap.decref(exc);
                throw x;
            } finally {
                heap.decref(key);
            }
        }
        return exc;
    }

    /**
     * {@code coroutine_wrapper}: what {@code coro.__await__()} returns, an iterator over the
     * coroutine (send/throw/close/__next__ drive it). One field: the coroutine (24 bytes + GC head,
     * getsizeof 40; tracked, its referent is the coroutine).
     */
    static final class CoroutineWrapperType extends ExtType {
        static final int CORO = 16;

        CoroutineWrapperType(Runtime rt) {
            super(rt, "coroutine_wrapper", null, HAVE_GC, 24, 0, 0);
        }

        long create(long coro) {
            long o = heap.allocObject(this, 0);
            put(o, CORO, Builtins.incref(heap, coro));
            heap.track(o);
            return o;
        }

        void install() {
            rt.defMethod(this, "send", (s, a, o, n, kw) -> {
                Args.exactly(rt, "coroutine_wrapper.send", n, kw, 1);
                return rt.interpreter.resume(get(s, CORO), a[o], 0, false);
            });
            rt.defMethod(this, "throw", (s, a, o, n, kw) -> {
                Args.noKeywords(rt, "coroutine_wrapper.throw", kw);
                Args.range(rt, "throw", n, 0, 1, 3);
                long exc = exceptionToThrow(rt, a[o], n > 1 ? a[o + 1] : heap.None, n > 2 ? a[o + 2] : heap.None);
                return rt.interpreter.throwIn(get(s, CORO), exc, true, false);
            });
            rt.defMethod(this, "close", (s, a, o, n, kw) -> {
                Args.exactly(rt, "coroutine_wrapper.close", n, kw, 0);
                rt.interpreter.closeGenerator(get(s, CORO));
                return Builtins.incref(heap, heap.None);
            });
            rt.defDescr(BuiltinDescrType.Kind.WRAPPER, this, "__iter__", (s, a, o, n, kw) -> Builtins.incref(heap, s));
            rt.defDescr(BuiltinDescrType.Kind.WRAPPER, this, "__next__", (s, a, o, n, kw) -> rt.interpreter.resume(get(s, CORO), heap.None, 0, false));
        }

        @Override
        public void traverse(long o, java.util.function.LongConsumer visit) { visitField(o, CORO, visit); }

        @Override
        public void dealloc(long o) {
            heap.untrackIfTracked(o);
            clearField(o, CORO);
            heap.freeObject(o);
        }

        @Override
        String repr(long o) { return "<coroutine_wrapper object at " + Ops.hex(o) + ">"; }

        @Override
        long iter(long o) { return Builtins.incref(heap, o); }

        @Override
        boolean isIterator() { return true; }

        @Override
        long next(long o) { return rt.interpreter.resume(get(o, CORO), heap.None, 0, true); }
    }

    private static void def(Runtime rt, PyType t, String name, Builtin impl) {
        rt.defMethod(t, name, impl);
    }

    /** The type of object a call of code with these flags creates, or null for a plain function. */
    static GeneratorType typeFor(Runtime rt, int flags) {
        if ((flags & CO_COROUTINE) != 0) return rt.coroutineType;
        if ((flags & CO_ASYNC_GENERATOR) != 0) return rt.asyncGeneratorType;
        return null;
    }

    static boolean isGenerator(Runtime rt, long o) { return rt.heap.typeOf(o) instanceof GeneratorType; }

    /** repr: {@code <coroutine object f at 0x...>}. */
    static String repr(Runtime rt, long o) {
        return "<" + rt.heap.typeOf(o).name() + " object " + StrType.value(Native.getLong(o + GeneratorType.QUALNAME))
                + " at " + Ops.hex(o) + ">";
    }

    /**
     * What a suspended coroutine (or generator) is awaiting (_PyGen_yf): the iterator under its
     * yield-from loop, or 0.
     */
    static long awaiting(Runtime rt, long o) {
        if (GeneratorType.state(o) != GeneratorType.SUSPENDED) return 0;
        Frame f = rt.generatorType.frame(o);
        int pc = f.pc;
        if (pc < 2 || f.code.ops[pc - 1] != Op.YIELD_VALUE || f.code.ops[pc - 2] != Op.SEND) return 0;
        return f.slots[f.sp - 1];
    }

    /** cr_frame, cr_running, cr_await, cr_code, cr_suspended (ag_* for async generators, which have no ag_suspended), __name__, __qualname__; 0 if none. */
    static long attr(Runtime rt, long o, String name) {
        Heap heap = rt.heap;
        String prefix = heap.typeOf(o) == rt.coroutineType ? "cr_" : "ag_";
        if (name.startsWith(prefix)) {
            switch (name.substring(3)) {
                case "frame":
                    if (GeneratorType.state(o) >= GeneratorType.COMPLETED) return Builtins.incref(heap, heap.None);
                    return rt.frameType.of(rt.generatorType.frame(o));
                case "running":  // an async generator's ag_running is ag_running_async in 3.11
                    if (prefix.equals("ag_")) return rt.ops.bool(AsyncGenerators.flag(o, AsyncGenerators.RUNNING_ASYNC));
                    return rt.ops.bool(GeneratorType.state(o) == GeneratorType.RUNNING);
                case "suspended":  // 3.11's cr_suspended (a coroutine's only)
                    return prefix.equals("cr_") ? rt.ops.bool(GeneratorType.state(o) == GeneratorType.SUSPENDED) : 0;
                case "await": {
                    long a = awaiting(rt, o);
                    return Builtins.incref(heap, a == 0 ? heap.None : a);
                }
                case "code":
                    return Builtins.incref(heap, rt.generatorType.frame(o).codeObj);
                case "origin":
                    return prefix.equals("cr_") ? ((CoroutineType) rt.coroutineType).origin(o) : 0;
                default:
                    return 0;
            }
        }
        return switch (name) {
            case "__name__" -> Builtins.incref(heap, Native.getLong(o + GeneratorType.NAME));
            case "__qualname__" -> Builtins.incref(heap, Native.getLong(o + GeneratorType.QUALNAME));
            default -> 0;
        };
    }

    // ---- the instructions ----------------------------------------------------------------------------

    /** _PyCoro_GetAwaitableIter plus GET_AWAITABLE's checks: a new reference to what to await for {@code o}. */
    static long awaitable(Runtime rt, long o, int where) {
        long iter = awaitableIter(rt, o, where);
        if (rt.heap.typeOf(iter) == rt.coroutineType && awaiting(rt, iter) != 0) {
            rt.heap.decref(iter);
            throw rt.error("RuntimeError", "coroutine is being awaited already");
        }
        return iter;
    }

    /**
     * _PyCoro_GetAwaitableIter: a new reference to what awaiting {@code o} iterates (o itself for a
     * coroutine, an iterable coroutine or an awaitable whose __await__ is itself, else what its
     * __await__ returns, checked); {@code where} picks the 'async with' wording of the error.
     */
    static long awaitableIter(Runtime rt, long o, int where) {
        Heap heap = rt.heap;
        PyType t = heap.typeOf(o);
        long iter;
        if (t == rt.coroutineType || t == rt.asyncGens.asendType || t == rt.asyncGens.athrowType || t == rt.anextAwaitableType
                || (t == rt.generatorType
                && (rt.generatorType.frame(o).code.unit.flags() & CO_ITERABLE_COROUTINE) != 0)) {
            iter = Builtins.incref(heap, o);
        } else {
            long await = t instanceof ClassType c ? rt.ops.lookupType(c, "__await__") : 0;
            if (await == 0) {
                String tn = rt.ops.typeName(o);
                throw rt.typeError(switch (where) {
                    case 1 -> "'async with' received an object from __aenter__ that does not implement __await__: " + tn;
                    case 2 -> "'async with' received an object from __aexit__ that does not implement __await__: " + tn;
                    default -> "object " + tn + " can't be used in 'await' expression";
                });
            }
            iter = rt.ops.callMethod(o, "__await__");
            PyType it = heap.typeOf(iter);
            if (it == rt.coroutineType) {
                heap.decref(iter);
                throw rt.typeError("__await__() returned a coroutine");
            }
            if (!isIterator(rt, iter)) {
                String tn = rt.ops.typeName(iter);
                heap.decref(iter);
                throw rt.typeError("__await__() returned non-iterator of type '" + tn + "'");
            }
        }
        return iter;
    }

    private static boolean isIterator(Runtime rt, long o) {
        PyType t = rt.heap.typeOf(o);
        if (t == rt.generatorType) return true;
        if (t instanceof ClassType c) return rt.ops.lookupType(c, "__next__") != 0;
        try {
            long n = rt.heap.strs.internedOf("__next__");
            try {
                long v = rt.ops.getAttrOrNull(o, n, "__next__");
                if (v != 0) rt.heap.decref(v);
                return v != 0;
            } finally {
                rt.heap.decref(n);
            }
        } catch (PyException e) {
            rt.heap.decref(e.exc());
            return false;
        }
    }

    /** GET_AITER: o.__aiter__(), checked to have __anext__. */
    static long aiter(Runtime rt, long o) {
        if (!hasAiter(rt, o)) {
            throw rt.typeError("'async for' requires an object with __aiter__ method, got " + rt.ops.typeName(o));
        }
        long it = rt.ops.callMethod(o, "__aiter__");
        if (!hasAnext(rt, it)) {
            String tn = rt.ops.typeName(it);
            rt.heap.decref(it);
            throw rt.typeError("'async for' received an object from __aiter__ that does not implement __anext__: " + tn);
        }
        return it;
    }

    /** Whether o's type has am_aiter (an async generator, a class with __aiter__). */
    private static boolean hasAiter(Runtime rt, long o) {
        PyType t = rt.heap.typeOf(o);
        return t == rt.asyncGeneratorType || t instanceof ClassType c && rt.ops.lookupType(c, "__aiter__") != 0;
    }

    /** Whether o's type has am_anext (PyAIter_Check: an async generator, a class with __anext__). */
    private static boolean hasAnext(Runtime rt, long o) {
        PyType t = rt.heap.typeOf(o);
        return t == rt.asyncGeneratorType || t instanceof ClassType c && rt.ops.lookupType(c, "__anext__") != 0;
    }

    /** Builtin aiter(): PyObject_GetAIter, with its two TypeErrors. */
    static long builtinAiter(Runtime rt, long o) {
        if (!hasAiter(rt, o)) throw rt.typeError("'" + rt.ops.typeName(o) + "' object is not an async iterable");
        long it = rt.ops.callMethod(o, "__aiter__");
        if (!hasAnext(rt, it)) {
            String tn = rt.ops.typeName(it);
            rt.heap.decref(it);
            throw rt.typeError("aiter() returned not an async iterator of type '" + tn + "'");
        }
        return it;
    }

    /**
     * Builtin anext(): the awaitable {@code aiterator.__anext__()} returns (am_anext); with a
     * default ({@code dflt} not 0, borrowed) that awaitable wrapped in an {@code anext_awaitable}.
     */
    static long builtinAnext(Runtime rt, long aiterator, long dflt) {
        if (!hasAnext(rt, aiterator)) throw rt.typeError("'" + rt.ops.typeName(aiterator) + "' object is not an async iterator");
        long awaitable = rt.ops.callMethod(aiterator, "__anext__");
        if (dflt == 0) return awaitable;
        return rt.anextAwaitableType.create(awaitable, Builtins.incref(rt.heap, dflt));
    }

    /**
     * Whether {@code next()} / SEND of an iterator of type t let its StopIteration through with its
     * value (a class's {@code __next__}, the awaitables of coroutines and async generators) rather
     * than ending as a builtin iterator's tp_iternext does.
     */
    static boolean stopCarriesValue(Runtime rt, PyType t) {
        return t instanceof ClassType || t == rt.asyncGens.asendType || t == rt.asyncGens.athrowType
                || t == rt.coroutineWrapperType || t == rt.anextAwaitableType;
    }

    /**
     * {@code anext_awaitable}: what {@code anext(aiterator, default)} returns. It holds the
     * awaitable {@code __anext__()} returned and the default (16-byte header, wrapped, default:
     * basicsize 32, getsizeof 48, GC-tracked, traversed in that order). Each step (__next__, send,
     * throw, close) goes to the wrapped awaitable's iterator, got afresh each time as
     * _PyCoro_GetAwaitableIter gets it (a coroutine through its __await__); a StopAsyncIteration
     * out of the step becomes StopIteration(default), as if __anext__ had returned the default.
     * Its own __await__ and __iter__ return it. It cannot be made from Python.
     */
    static final class AnextAwaitableType extends ExtType {
        static final int WRAPPED = 16, DEFAULT = 24;

        AnextAwaitableType(Runtime rt) {
            super(rt, "anext_awaitable", null, HAVE_GC, 32, 0, 0);
        }

        /** A new anext_awaitable over {@code awaitable} and {@code dflt} (both stolen). */
        long create(long awaitable, long dflt) {
            long o = heap.allocObject(this, 0);
            put(o, WRAPPED, awaitable);
            put(o, DEFAULT, dflt);
            heap.track(o);
            return o;
        }

        void install() {
            rt.defMethod(this, "send", (s, a, o, n, kw) -> {
                Args.exactly(rt, "anext_awaitable.send", n, kw, 1);
                return proxy(s, "send", a, o, 1);
            });
            rt.defMethod(this, "throw", (s, a, o, n, kw) -> {
                Args.noKeywords(rt, "anext_awaitable.throw", kw);
                return proxy(s, "throw", a, o, n);
            });
            rt.defMethod(this, "close", (s, a, o, n, kw) -> {
                Args.noKeywords(rt, "anext_awaitable.close", kw);
                return proxy(s, "close", a, o, n);
            });
            rt.defDescr(BuiltinDescrType.Kind.WRAPPER, this, "__await__", (s, a, o, n, kw) -> Builtins.incref(heap, s));
            rt.defDescr(BuiltinDescrType.Kind.WRAPPER, this, "__iter__", (s, a, o, n, kw) -> Builtins.incref(heap, s));
            rt.defDescr(BuiltinDescrType.Kind.WRAPPER, this, "__next__", (s, a, o, n, kw) -> {
                long r = proxy(s, null, a, o, 0);
                if (r == 0) throw rt.error("StopIteration", null);
                return r;
            });
        }

        /** anextawaitable_getiter: the wrapped awaitable's iterator (a new reference). */
        private long iterator(long s) {
            long aw = awaitableIter(rt, get(s, WRAPPED), 0);
            if (heap.typeOf(aw) != rt.coroutineType) return aw;
            long it;
            try {
                it = rt.ops.callMethod(aw, "__await__");
            } finally {
                heap.decref(aw);
            }
            if (!Coroutines.isIterator(rt, it)) {
                heap.decref(it);
                throw rt.typeError("__await__ returned a non-iterable");
            }
            return it;
        }

        /**
         * One step on the wrapped awaitable's iterator: {@code meth} called with a[o..o+n) (null:
         * its tp_iternext, 0 when it ends without an exception); StopAsyncIteration becomes
         * StopIteration(default).
         */
        private long proxy(long s, String meth, long[] a, int o, int n) {
            long it = iterator(s);
            try {
                if (meth != null) return rt.ops.callMethod(it, meth, java.util.Arrays.copyOfRange(a, o, o + n));
                return stopCarriesValue(rt, heap.typeOf(it)) ? rt.ops.callMethod(it, "__next__") : rt.ops.next(it);
            } catch (PyException e) {
                if (!rt.ops.isInstance(e.exc(), rt.exceptionType("StopAsyncIteration"))) throw e;
                heap.decref(e.exc());
                throw rt.asyncGens.stopIteration(get(s, DEFAULT));
            } finally {
                heap.decref(it);
            }
        }

        @Override
        public void traverse(long o, java.util.function.LongConsumer visit) {
            visitField(o, WRAPPED, visit);
            visitField(o, DEFAULT, visit);
        }

        @Override
        public void dealloc(long o) {
            heap.untrackIfTracked(o);
            clearField(o, WRAPPED);
            clearField(o, DEFAULT);
            heap.freeObject(o);
        }

        @Override
        String repr(long o) { return "<anext_awaitable object at " + Ops.hex(o) + ">"; }

        @Override
        long iter(long o) { return Builtins.incref(heap, o); }

        @Override
        boolean isIterator() { return true; }

        @Override
        long next(long o) {
            try {
                return proxy(o, null, null, 0, 0);
            } catch (PyException e) {
                if (!rt.ops.isInstance(e.exc(), rt.exceptionType("StopIteration"))) throw e;
                heap.decref(e.exc());
                return 0;
            }
        }
    }

    /** GET_ANEXT: the awaitable of aiter.__anext__(). */
    static long anext(Runtime rt, long aiter) {
        long next = rt.ops.callMethod(aiter, "__anext__");
        try {
            return awaitable(rt, next, 0);
        } catch (PyException e) {
            if (rt.ops.isInstance(e.exc(), rt.exceptionType("TypeError"))) {
                rt.heap.decref(e.exc());
                throw rt.typeError("'async for' received an invalid object from __anext__: " + rt.ops.typeName(next));
            }
            throw e;
        } finally {
            rt.heap.decref(next);
        }
    }

    /** BEFORE_ASYNC_WITH: {bound __aexit__, result of __aenter__()} (new references). */
    static long[] beforeAsyncWith(Runtime rt, long mgr) {
        PyType t = rt.heap.typeOf(mgr);
        boolean enter = t instanceof ClassType c && rt.ops.lookupType(c, "__aenter__") != 0;
        if (!enter || rt.ops.lookupType(t, "__aexit__") == 0) {
            throw rt.typeError("'" + rt.ops.typeName(mgr) + "' object does not support the asynchronous context manager protocol"
                    + (enter ? " (missed __aexit__ method)" : ""));
        }
        long exitName = rt.heap.strs.internedOf("__aexit__");
        long exit;
        try {
            exit = rt.ops.getAttr(mgr, exitName);
        } finally {
            rt.heap.decref(exitName);
        }
        try {
            return new long[] {exit, rt.ops.callMethod(mgr, "__aenter__")};
        } catch (PyException e) {
            rt.heap.decref(exit);
            throw e;
        }
    }
}

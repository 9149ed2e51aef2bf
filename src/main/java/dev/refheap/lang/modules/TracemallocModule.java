package dev.refheap.lang.modules;

import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.AllocationHook;
import dev.refheap.object.Heap;
import dev.refheap.object.TupleType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code _tracemalloc}: CPython 3.11's memory-block tracer over refheap's own allocator. While
 * tracing, a {@link Tracer} is the allocator's {@link AllocationHook}: every malloc, realloc and
 * free request (objects with their pre-headers, PyMem arrays, dict keys...) is recorded with its
 * REQUESTED size, domain 0, and the Python frames running at that moment (innermost first, at most
 * {@code nframe}, plus the total depth), as tracemalloc's PyMem_SetAllocator hooks record them.
 * Blocks allocated before {@code start()} are not traced; freeing one is ignored; a realloc of
 * one starts a trace. Free-list reuse is not an allocation (the block stays allocated): as 3.11's
 * _Py_NewReference does, it gives a traced block the traceback of the code reusing it.
 *
 * <p>The traces live in Java maps, outside the Python heap, as CPython's live in raw malloc
 * memory: tracing allocates no Python object and moves no refcount, so gc counts are unchanged.
 * Python objects are made only when asked for ({@code _get_traces}, {@code _get_object_traceback}).
 * Tracebacks are interned (equal tracebacks are one Java object), as tracemalloc's tracebacks table
 * does. Other domains' traces (PyTraceMalloc_Track, which _testcapi exposes) are kept by domain
 * beside the heap's and count in the traced memory, as 3.11's tracemalloc_domains.
 *
 * <p>States: not tracing (no hook installed: the allocator pays one null test per request) →
 * {@code start(n)} → tracing (hook installed; {@code start} again keeps the first limit) →
 * {@code stop()} → not tracing, traces cleared, the limit kept. One tracer per runtime (module state).
 */
public final class TracemallocModule {
    private TracemallocModule() {}

    /** tracemalloc's MAX_NFRAME (UINT16_MAX): the largest traceback limit, and the cap of total_nframe. */
    static final int MAX_NFRAME = 65535;

    /** One traceback: frames innermost first; {@code total} is how many frames the stack had. Immutable. */
    static final class Traceback {
        final String[] files;
        final int[] lines;
        final int total;
        private final int hash;

        Traceback(String[] files, int[] lines, int total) {
            this.files = files;
            this.lines = lines;
            this.total = total;
            this.hash = 31 * (31 * Arrays.hashCode(files) + Arrays.hashCode(lines)) + total;
        }

        /** Whether this traceback is the one in the scratch arrays (first {@code n} entries). */
        boolean matches(String[] f, int[] l, int n, int t) {
            if (files.length != n || total != t) return false;
            for (int i = 0; i < n; i++) if (lines[i] != l[i] || !files[i].equals(f[i])) return false;
            return true;
        }

        @Override public int hashCode() { return hash; }

        @Override public boolean equals(Object o) {
            return o instanceof Traceback t && t.hash == hash && t.matches(files, lines, lines.length, total);
        }
    }

    /** The traceback of an allocation made when no Python frame runs: 3.11's tracemalloc_empty_traceback. */
    static final Traceback EMPTY = new Traceback(new String[] {"<unknown>"}, new int[] {0}, 1);

    /** A traced block: its requested size and where it was allocated. */
    record Trace(long size, Traceback traceback) {}

    /** The per-runtime tracer (see the class comment for its states). */
    static final class Tracer implements AllocationHook {
        final VmApi vm;
        final Heap heap;
        boolean tracing;
        int maxNframe = 1;
        /** The heap's blocks: domain 0 (DEFAULT_DOMAIN). */
        final HashMap<Long, Trace> traces = new HashMap<>();
        /** Traces other domains' memory put there through PyTraceMalloc_Track (tracemalloc_domains), by domain. */
        final java.util.LinkedHashMap<Integer, HashMap<Long, Trace>> domains = new java.util.LinkedHashMap<>();
        final HashMap<Traceback, Traceback> tracebacks = new HashMap<>();
        long traced, peak;
        private String[] files = new String[1];
        private int[] lines = new int[1];
        private Traceback last;

        Tracer(VmApi vm) {
            this.vm = vm;
            this.heap = vm.heap;
        }

        void start(int nframe) {
            if (tracing) return;  // as 3.11: the hooks are installed already, the limit stays
            maxNframe = nframe;
            files = new String[nframe];
            lines = new int[nframe];
            tracing = true;
            heap.allocator().setHook(this);
        }

        void stop() {
            if (!tracing) return;
            tracing = false;
            heap.allocator().setHook(null);
            clear();
        }

        void clear() {
            traces.clear();
            domains.clear();
            tracebacks.clear();
            last = null;
            traced = 0;
            peak = 0;
        }

        /** The traceback of the code running now, interned. */
        private Traceback capture() {
            int total = vm.stackFrames(files, lines);
            if (total == 0) return EMPTY;
            int n = Math.min(total, maxNframe);
            total = Math.min(total, MAX_NFRAME);
            Traceback t = last;
            if (t != null && t.matches(files, lines, n, total)) return t;
            t = new Traceback(Arrays.copyOf(files, n), Arrays.copyOf(lines, n), total);
            Traceback known = tracebacks.putIfAbsent(t, t);
            return last = known != null ? known : t;
        }

        private void add(long p, long size) { add(traces, p, size); }

        /** A trace at {@code p} in {@code domain}'s table, replacing one there; the traced total and peak follow. */
        private void add(HashMap<Long, Trace> domain, long p, long size) {
            Trace old = domain.put(p, new Trace(size, capture()));
            if (old != null) traced -= old.size;
            traced += size;
            if (traced > peak) peak = traced;
        }

        private void remove(long p) {
            Trace old = traces.remove(p);
            if (old != null) traced -= old.size;
        }

        /**
         * PyTraceMalloc_Track: a trace of {@code size} bytes at {@code ptr} in {@code domain} with
         * the current traceback, replacing one there; -2 when not tracing, else 0.
         */
        int track(int domain, long ptr, long size) {
            if (!tracing) return -2;
            add(domain == 0 ? traces : domains.computeIfAbsent(domain, d -> new HashMap<>()), ptr, size);
            return 0;
        }

        /** PyTraceMalloc_Untrack: the trace at {@code ptr} in {@code domain} removed (none: nothing); -2 when not tracing. */
        int untrack(int domain, long ptr) {
            if (!tracing) return -2;
            if (domain == 0) {
                remove(ptr);
                return 0;
            }
            HashMap<Long, Trace> d = domains.get(domain);
            Trace old = d == null ? null : d.remove(ptr);
            if (old != null) traced -= old.size;
            return 0;
        }

        /** The trace at {@code ptr} in {@code domain}, or null (also when not tracing). */
        Trace find(int domain, long ptr) {
            if (!tracing) return null;
            if (domain == 0) return traces.get(ptr);
            HashMap<Long, Trace> d = domains.get(domain);
            return d == null ? null : d.get(ptr);
        }

        /**
         * Set while the module itself makes objects it must not trace (3.11's set_reentrant around
         * _get_traces): an allocation then is not traced, a reallocation drops the old block's
         * trace (tracemalloc_realloc_gil's reentrant path), a free drops its trace as always.
         */
        boolean reentrant;

        @Override public void onMalloc(long p, long size) {
            if (!reentrant) add(p, size);
        }

        @Override public void onRealloc(long oldP, long newP, long size) {
            if (reentrant) {
                remove(oldP);
                return;
            }
            if (oldP != newP) remove(oldP);
            add(newP, size);
        }

        @Override public void onFree(long p) { remove(p); }

        /** _PyTraceMalloc_NewReference: a free-list object reused gets the current traceback if its block is traced. */
        @Override public void onReuse(long p) {
            Trace old = traces.get(p);
            if (old != null) traces.put(p, new Trace(old.size, capture()));
        }

        /**
         * An estimate of the tracer's own memory, as get_tracemalloc_memory reports tracemalloc's
         * tables: a hashtable entry and a trace per block, a traceback header and 16 bytes per
         * frame per distinct traceback.
         */
        long ownMemory() {
            long bytes = 64L * traces.size();
            for (HashMap<Long, Trace> d : domains.values()) bytes += 64L * d.size();
            for (Traceback t : tracebacks.keySet()) bytes += 48 + 16L * t.lines.length;
            return bytes;
        }
    }

    /**
     * Tracing started by the interpreter's start-up (-X tracemalloc=N, PYTHONTRACEMALLOC=N:
     * 3.11's _PyTraceMalloc_Init): {@code nframe} past MAX_NFRAME is the ValueError
     * tracemalloc.start raises, which the caller reports as a failed start.
     */
    public static void startAtInit(VmApi vm, int nframe) {
        if (nframe < 1 || nframe > MAX_NFRAME) {
            throw vm.error("ValueError", "the number of frames must be in range [1; " + MAX_NFRAME + "]");
        }
        tracer(vm).start(nframe);
    }

    static Tracer tracer(VmApi vm) { return vm.moduleState("_tracemalloc", () -> new Tracer(vm)); }

    public static long create(VmApi vm) {
        Heap heap = vm.heap;
        Tracer tr = tracer(vm);
        long m = vm.newModule("_tracemalloc");
        long doc = heap.strs.of("Debug module to trace memory blocks allocated by Python.");
        heap.dicts.setItem(vm.moduleDict(m), "__doc__", doc);
        heap.decref(doc);
        vm.def(m, "start", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "_tracemalloc.start", kw);
            Params.unpack(vm, "start", n, kw, 0, 1);
            int nframe = n == 0 ? 1 : cInt(vm, a[o]);
            if (nframe < 1 || nframe > MAX_NFRAME) {
                throw vm.error("ValueError", "the number of frames must be in range [1; " + MAX_NFRAME + "]");
            }
            tr.start(nframe);
            return vm.incref(heap.None);
        });
        noArgs(vm, m, "stop", () -> {
            tr.stop();
            return vm.incref(heap.None);
        });
        noArgs(vm, m, "is_tracing", () -> vm.incref(tr.tracing ? heap.True : heap.False));
        noArgs(vm, m, "clear_traces", () -> {
            if (tr.tracing) tr.clear();
            return vm.incref(heap.None);
        });
        noArgs(vm, m, "get_traceback_limit", () -> heap.ints.of(tr.maxNframe));
        noArgs(vm, m, "get_traced_memory", () -> pair(heap, tr.tracing ? tr.traced : 0, tr.tracing ? tr.peak : 0));
        noArgs(vm, m, "reset_peak", () -> {
            if (tr.tracing) tr.peak = tr.traced;
            return vm.incref(heap.None);
        });
        noArgs(vm, m, "get_tracemalloc_memory", () -> heap.ints.of(tr.ownMemory()));
        noArgs(vm, m, "_get_traces", () -> traces(vm, tr));
        vm.def(m, "_get_object_traceback", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "_tracemalloc._get_object_traceback", kw);
            if (n != 1) throw vm.error("TypeError", "_tracemalloc._get_object_traceback() takes exactly one argument (" + n + " given)");
            if (!tr.tracing) return vm.incref(heap.None);
            long obj = a[o];
            // as 3.11 does: the block is looked up at the object less a GC head for GC types, so an
            // instance with a managed dict (a 32-byte pre-header) is never found (3.12 fixed this)
            return traceback(vm, tr.traces.get(obj - (heap.typeOf(obj).isGc() ? 16 : 0)));
        });
        return m;
    }

    /** A trace's traceback as a new tuple of (filename, lineno), or None for no trace. */
    private static long traceback(VmApi vm, Trace t) {
        if (t == null) return vm.incref(vm.heap.None);
        HashMap<String, Long> names = new HashMap<>();
        try {
            return tracebackTuple(vm.heap, t.traceback, names);
        } finally {
            for (long name : names.values()) vm.heap.decref(name);
        }
    }

    /** PyTraceMalloc_Track (the C API extension modules call): 0, or -2 when tracemalloc is not tracing. */
    public static int track(VmApi vm, int domain, long ptr, long size) { return tracer(vm).track(domain, ptr, size); }

    /** PyTraceMalloc_Untrack: 0, or -2 when tracemalloc is not tracing. */
    public static int untrack(VmApi vm, int domain, long ptr) { return tracer(vm).untrack(domain, ptr); }

    /** _PyTraceMalloc_GetTraceback: the traceback of the trace at {@code ptr} in {@code domain} (a new tuple), or None. */
    public static long tracebackOf(VmApi vm, int domain, long ptr) { return traceback(vm, tracer(vm).find(domain, ptr)); }

    /** A METH_NOARGS function of the module: "_tracemalloc.name() takes no arguments (n given)". */
    private static void noArgs(VmApi vm, long m, String name, java.util.function.LongSupplier body) {
        String shown = "_tracemalloc." + name;
        vm.def(m, name, (s, a, o, n, kw) -> {
            Params.noArgs(vm, shown, n, kw);
            return body.getAsLong();
        });
    }

    /** An argument converted as the C int of Argument Clinic ({@code _PyLong_AsInt}). */
    private static int cInt(VmApi vm, long o) {
        BigInteger v = vm.asIndex(o);
        if (v.bitLength() > 31) throw vm.error("OverflowError", "Python int too large to convert to C int");
        return v.intValue();
    }

    private static long pair(Heap heap, long a, long b) {
        long t = heap.tuples.alloc(2);
        TupleType.setItemSteal(t, 0, heap.ints.of(a));
        TupleType.setItemSteal(t, 1, heap.ints.of(b));
        return t;
    }

    /**
     * {@code _get_traces()}: a list of (domain, size, traceback, total_nframe), the traceback a tuple
     * of (filename, lineno) innermost first; each traceback becomes one tuple shared by its traces,
     * as the C module's cache does. The list object is made (and traced) first; what fills it is
     * not traced (3.11 fills it with the tracer reentrant), so a snapshot does not count its own
     * traces: a snapshot of 1,000 traces adds some 600 bytes (its Python objects), not the 80 KB
     * of its tuples.
     */
    private static long traces(VmApi vm, Tracer tr) {
        long list = vm.heap.lists.alloc(0);
        if (!tr.tracing) return list;
        boolean was = tr.reentrant;
        tr.reentrant = true;
        try {
            fillTraces(vm, tr, list);
        } catch (RuntimeException | Error e) {
            vm.heap.decref(list);
            throw e;
        } finally {
            tr.reentrant = was;
        }
        return list;
    }

    private static void fillTraces(VmApi vm, Tracer tr, long list) {
        Heap heap = vm.heap;
        // domain 0's traces, then each other domain's (as the C module walks tracemalloc_traces, then tracemalloc_domains)
        List<Trace> copy = new ArrayList<>(tr.traces.values());
        int[] domainOf = new int[tr.traces.size() + tr.domains.values().stream().mapToInt(HashMap::size).sum()];
        for (Map.Entry<Integer, HashMap<Long, Trace>> d : tr.domains.entrySet()) {
            java.util.Arrays.fill(domainOf, copy.size(), copy.size() + d.getValue().size(), d.getKey());
            copy.addAll(d.getValue().values());
        }
        IdentityHashMap<Traceback, Long> tuples = new IdentityHashMap<>();
        HashMap<String, Long> names = new HashMap<>();
        try {
            for (int i = 0; i < copy.size(); i++) {
                Trace t = copy.get(i);
                Long tb = tuples.get(t.traceback);
                if (tb == null) {
                    tb = tracebackTuple(heap, t.traceback, names);
                    tuples.put(t.traceback, tb);
                }
                long entry = heap.tuples.alloc(4);
                TupleType.setItemSteal(entry, 0, heap.ints.of(Integer.toUnsignedLong(domainOf[i])));
                TupleType.setItemSteal(entry, 1, heap.ints.of(t.size));
                TupleType.setItemSteal(entry, 2, vm.incref(tb));
                TupleType.setItemSteal(entry, 3, heap.ints.of(t.traceback.total));
                heap.lists.append(list, entry);
                heap.decref(entry);
            }
        } finally {
            for (long tb : tuples.values()) heap.decref(tb);
            for (long s : names.values()) heap.decref(s);
        }
    }

    /** A new tuple of (filename, lineno) tuples for {@code t}; filenames shared through {@code names} (which owns them). */
    private static long tracebackTuple(Heap heap, Traceback t, Map<String, Long> names) {
        int n = t.lines.length;
        long tuple = heap.tuples.alloc(n);
        for (int i = 0; i < n; i++) {
            Long name = names.get(t.files[i]);
            if (name == null) {
                name = heap.strs.of(t.files[i]);
                names.put(t.files[i], name);
            }
            long frame = heap.tuples.alloc(2);
            heap.incref(name);
            TupleType.setItemSteal(frame, 0, name);
            TupleType.setItemSteal(frame, 1, heap.ints.of(t.lines[i]));
            TupleType.setItemSteal(tuple, i, frame);
        }
        return tuple;
    }
}

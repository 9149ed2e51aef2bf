package dev.refheap.lang.vm;

import dev.refheap.gc.Provenance;
import dev.refheap.object.Heap;
import dev.refheap.object.ListType;
import dev.refheap.object.TupleType;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in module {@code refheap}: refcount provenance from inside a program.
 * <ul>
 *   <li>{@code holders(obj)}: a list of {@code (holder, count)} tuples, every reference to obj
 *       except the one this call's own argument holds, so {@code sum(counts) ==
 *       sys.getrefcount(obj) - 1} (getrefcount's argument is its {@code - 1}). Static objects'
 *       999,999,999 initial count is one entry, named as such.</li>
 *   <li>{@code why_alive(obj)}: a str, the shortest path from a root (a frame's locals or globals,
 *       sys.modules, the runtime) to obj, one step a line, or "unreachable: only kept by a
 *       cycle" with that cycle.</li>
 *   <li>{@code explain(obj)}: prints both (and that getrefcount adds one); returns None.</li>
 * </ul>
 * Exact by construction: the counts are the heap verifier's (see {@link Provenance}).
 */
public final class RefheapModule {
    private RefheapModule() {}

    /** The runtime's provenance, with the language's labels (for the Java API, the trace and the page). */
    public static Provenance provenance(Runtime rt) {
        return new Provenance(rt.heap, new LangLabels(rt));
    }

    static long create(Runtime rt) {
        Heap heap = rt.heap;
        long m = rt.moduleType.create("refheap");
        Modules.def(rt, m, "holders", (s, a, o, n, kw) -> {
            Args.exactly(rt, "holders", n, kw, 1);
            List<Provenance.Holder> hs = holdersExceptArgument(rt, a, o, "holders");
            long list = heap.lists.alloc(hs.size());
            for (int i = 0; i < hs.size(); i++) {
                long t = heap.tuples.alloc(2);
                TupleType.setItemSteal(t, 0, heap.strs.of(hs.get(i).description()));
                TupleType.setItemSteal(t, 1, heap.ints.of(hs.get(i).count()));
                ListType.setItemSteal(list, i, t);
            }
            return list;
        });
        Modules.def(rt, m, "why_alive", (s, a, o, n, kw) -> {
            Args.exactly(rt, "why_alive", n, kw, 1);
            Provenance p = provenance(rt);
            return heap.strs.of(p.formatRetention(p.whyAlive(a[o], argumentDescription(rt, a, o))));
        });
        Modules.def(rt, m, "explain", (s, a, o, n, kw) -> {
            Args.exactly(rt, "explain", n, kw, 1);
            Provenance p = provenance(rt);
            List<Provenance.Holder> hs = holdersExceptArgument(rt, a, o, "explain");
            long sum = 0;
            for (Provenance.Holder h : hs) sum += h.count();
            String report = p.explain(a[o], hs, p.whyAlive(a[o], argumentDescription(rt, a, o)),
                    "sys.getrefcount() would say " + (sum + 1) + ": its own argument adds one");
            rt.out.print(report);
            heap.incref(heap.None);
            return heap.None;
        });
        return m;
    }

    /**
     * The holders of {@code a[o]} less the one reference this builtin call's argument holds (the
     * caller's value-stack slot {@code o}, when the arguments are the running frame's slots).
     */
    static List<Provenance.Holder> holdersExceptArgument(Runtime rt, long[] a, int o, String fn) {
        Provenance p = provenance(rt);
        List<Provenance.Holder> hs = new ArrayList<>(p.holders(a[o]));
        String argument = argumentDescription(rt, a, o);
        if (argument == null) return hs;
        for (int i = 0; i < hs.size(); i++) {
            Provenance.Holder h = hs.get(i);
            if (h.description().equals(argument)) {
                if (h.count() == 1) hs.remove(i);
                else hs.set(i, new Provenance.Holder(h.description(), h.count() - 1, h.holder()));
                break;
            }
        }
        return hs;
    }

    /** How the roots describe the reference a builtin's argument {@code a[o]} holds (a value-stack slot of the running frame), or null. */
    static String argumentDescription(Runtime rt, long[] a, int o) {
        Frame f = rt.interpreter.current;
        if (f == null || f.slots != a || o >= f.sp) return null;
        return FrameDescriptions.slot(f, "frame", o);
    }
}

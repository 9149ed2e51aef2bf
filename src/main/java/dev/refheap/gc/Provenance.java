package dev.refheap.gc;

import dev.refheap.object.Heap;
import dev.refheap.object.RootProvider;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refcount provenance: who holds each reference to an object, and why it is alive. Built on the
 * heap verifier's accounting: an object's refcount is the references live objects own
 * ({@link dev.refheap.object.PyType#references}) plus what the {@link RootProvider}s report, so
 * {@link #holders} walks exactly those and the counts it returns add up to the refcount by
 * construction whenever the heap is at rest (an unaccounted rest, Java code holding a reference in
 * the middle of an operation, is reported as such, never hidden).
 *
 * <p>Labels for the references come from a {@link Labeler}: the object layer's ({@link CoreLabels})
 * knows lists, tuples and dicts; the language adds frames, functions, cells, instances, modules.
 * A label never changes a count: the number of references from a holder is always what its
 * {@code references} walk reports; the labeler only names them.
 *
 * <p>Stateless between calls; each call walks the heap (O(live objects + references)). Allocates
 * only Java objects: the heap is not changed.
 */
public final class Provenance {
    /** {@code count} references to the object, held by {@code description}; {@code holder} is the holding object's address, 0 for a root. */
    public record Holder(String description, long count, long holder) {}

    /** One edge of a retention path: {@code object} is held by {@code heldBy} (a label), from {@code holder} (0: a root). */
    public record Step(long object, String heldBy, long holder) {}

    /**
     * Why an object is alive: either reachable ({@code path} from a root to the object, the root
     * first) or kept only by a cycle ({@code cycle}: the cycle's edges, each object held by the
     * previous, and {@code path}: the chain from the cycle to the object, empty when the object is
     * on the cycle). A static object is alive by its initial count: {@code path} is that one root.
     */
    public record Retention(boolean reachable, List<Step> path, List<Step> cycle) {}

    /** Names references: what holds them, and how objects are shown. */
    public interface Labeler {
        /** A short description of an object: {@code <dict at 0x...>}. */
        String describe(long o);

        /**
         * Labels for the {@code count} references {@code source} holds to {@code target}, added to
         * {@code out} (at most {@code count}; the rest get a generic label).
         */
        void label(long source, long target, int count, List<String> out);
    }

    private final Heap heap;
    private final Labeler labeler;
    /** {@link #holdersOf} names at most this many holders of one object; the rest are summed in one entry. */
    public static final int MAX_HOLDERS_EACH = 40;
    /** References the last {@link #holdersOf} visited (a recorder's budget). */
    private long lastWalkCost;

    public long lastWalkCost() { return lastWalkCost; }

    public Provenance(Heap heap, Labeler labeler) {
        this.heap = heap;
        this.labeler = labeler;
    }

    /** The labeler in use. */
    public Labeler labeler() { return labeler; }

    /**
     * Every reference to {@code obj} with its holder. Equal descriptions are merged (their counts
     * added), in the order first found: objects, then roots. The counts add up to the refcount;
     * when they do not (Java code holds a reference mid-operation), an "unaccounted" entry says by how much.
     */
    public List<Holder> holders(long obj) {
        Map<String, long[]> merged = new LinkedHashMap<>();
        Set<Long> running = runningDeallocs();
        long[] found = {0};
        List<String> labels = new ArrayList<>();
        heap.forEachObject(o -> {
            if (!running.isEmpty() && running.contains(o)) return;
            int[] c = {0};
            heap.typeOf(o).references(o, r -> { if (r == obj) c[0]++; });
            if (c[0] == 0) return;
            labels.clear();
            labeler.label(o, obj, c[0], labels);
            for (int i = 0; i < c[0]; i++) {
                String d = i < labels.size() ? labels.get(i) : "a reference from " + labeler.describe(o);
                add(merged, d, 1, o);
            }
            found[0] += c[0];
        });
        for (RootProvider p : heap.rootProviders()) {
            p.visitDescribedRoots((o, n, d) -> {
                if (o == obj) {
                    add(merged, d, n, 0);
                    found[0] += n;
                }
            });
        }
        List<Holder> result = new ArrayList<>();
        merged.forEach((d, v) -> result.add(new Holder(d, v[0], v[1])));
        long rc = heap.refcount(obj);
        if (found[0] != rc) {
            result.add(new Holder("unaccounted: " + (rc - found[0]) + " held by the runtime in the middle of an operation", rc - found[0], 0));
        }
        return result;
    }

    /**
     * {@link #holders} of many objects in one walk of the heap (for a recorder's snapshot): each
     * target's holders, their descriptions as {@link #holders} gives them, bounded: at most
     * {@value #MAX_HOLDERS_EACH} holders named and 8 references from one holder, the rest summed
     * (the counts still add up to the refcount).
     */
    public Map<Long, List<Holder>> holdersOf(Set<Long> targets) {
        Map<Long, Map<String, long[]>> merged = new HashMap<>();
        for (long t : targets) merged.put(t, new LinkedHashMap<>());
        Set<Long> running = runningDeallocs();
        Map<Long, int[]> counts = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        long[] visited = {0};
        LongCounts wanted = new LongCounts();
        for (long t : targets) wanted.add(t, 1);
        heap.forEachObject(o -> {
            if (!running.isEmpty() && running.contains(o)) return;
            counts.clear();
            heap.typeOf(o).references(o, r -> {
                visited[0]++;
                if (wanted.contains(r)) counts.computeIfAbsent(r, k -> new int[1])[0]++;
            });
            for (Map.Entry<Long, int[]> e : counts.entrySet()) {
                Map<String, long[]> m = merged.get(e.getKey());
                int c = e.getValue()[0];
                if (m.size() >= MAX_HOLDERS_EACH) {  // a much-shared object: the rest summed up
                    add(m, "more holders (not listed one by one)", c, 0);
                    continue;
                }
                labels.clear();
                int named = Math.min(c, 8);
                labeler.label(o, e.getKey(), named, labels);
                for (int i = 0; i < named; i++) {
                    add(m, i < labels.size() ? labels.get(i) : "a reference from " + labeler.describe(o), 1, o);
                }
                if (c > named) add(m, (c - named) + " more references from " + labeler.describe(o), c - named, o);
            }
        });
        for (RootProvider p : heap.rootProviders()) {
            p.visitDescribedRoots((o, n, d) -> {
                Map<String, long[]> m = merged.get(o);
                if (m != null) add(m, d, n, 0);
            });
        }
        Map<Long, List<Holder>> result = new HashMap<>();
        merged.forEach((t, m) -> {
            List<Holder> l = new ArrayList<>();
            long sum = 0;
            for (Map.Entry<String, long[]> e : m.entrySet()) {
                l.add(new Holder(e.getKey(), e.getValue()[0], e.getValue()[1]));
                sum += e.getValue()[0];
            }
            long rc = heap.refcount(t);
            if (sum != rc) l.add(new Holder("unaccounted: " + (rc - sum) + " held by the runtime in the middle of an operation", rc - sum, 0));
            result.put(t, l);
        });
        lastWalkCost = visited[0];
        return result;
    }

    private static void add(Map<String, long[]> merged, String d, long n, long holder) {
        long[] v = merged.computeIfAbsent(d, k -> new long[] {0, holder});
        v[0] += n;
    }

    private Set<Long> runningDeallocs() {
        Set<Long> s = new HashSet<>();
        heap.forEachDying((o, running) -> { if (running) s.add(o); });
        return s;
    }

    /** The shortest path from a root to {@code obj}, or the cycle that alone keeps it. */
    public Retention whyAlive(long obj) { return whyAlive(obj, null); }

    /**
     * As {@link #whyAlive(long)}, not counting one root reference to obj described as
     * {@code skipArgument} (a builtin's own argument, which would otherwise be the shortest path).
     */
    public Retention whyAlive(long obj, String skipArgument) {
        boolean[] skipped = {skipArgument == null};
        Map<Long, Long> parent = new HashMap<>();       // object -> the object that reached it first (0: a root)
        Map<Long, String> rootOf = new HashMap<>();     // object reached from a root -> that root's description
        ArrayDeque<Long> queue = new ArrayDeque<>();
        // Roots in provider order; the static objects' initial counts only for a static object itself.
        for (RootProvider p : heap.rootProviders()) {
            p.visitDescribedRoots((o, n, d) -> {
                if (o == obj && !skipped[0] && n == 1 && d.equals(skipArgument)) {
                    skipped[0] = true;
                    return;
                }
                if (!parent.containsKey(o)) {
                    parent.put(o, 0L);
                    rootOf.put(o, d);
                    queue.add(o);
                }
            });
        }
        Set<Long> running = runningDeallocs();
        while (!queue.isEmpty() && !parent.containsKey(obj)) {
            long o = queue.poll();
            if (!running.isEmpty() && running.contains(o)) continue;
            heap.typeOf(o).references(o, r -> {
                if (!parent.containsKey(r)) {
                    parent.put(r, o);
                    queue.add(r);
                }
            });
        }
        if (parent.containsKey(obj)) {
            List<Step> path = new ArrayList<>();
            for (long o = obj; ; ) {
                long src = parent.get(o);
                if (src == 0) {
                    path.add(0, new Step(o, rootOf.get(o), 0));
                    break;
                }
                path.add(0, new Step(o, edgeLabel(src, o), src));
                o = src;
            }
            return new Retention(true, path, List.of());
        }
        return unreachable(obj, running);
    }

    /**
     * {@link #whyAlive} of many objects with one search from the roots (for a recorder's
     * snapshot); objects no root reaches get their cycle as {@link #whyAlive} finds it.
     */
    public Map<Long, Retention> whyAliveAll(Set<Long> targets) {
        final long rootMark = 1;  // never an address (objects are 16-byte aligned)
        LongCounts parent = new LongCounts();
        Map<Long, String> rootOf = new HashMap<>();
        long[][] queue = {new long[1024]};
        int[] tail = {0};
        for (RootProvider p : heap.rootProviders()) {
            p.visitDescribedRoots((o, n, d) -> {
                if (!parent.contains(o)) {
                    parent.add(o, rootMark);
                    rootOf.put(o, d);
                    if (tail[0] == queue[0].length) queue[0] = java.util.Arrays.copyOf(queue[0], 2 * tail[0]);
                    queue[0][tail[0]++] = o;
                }
            });
        }
        Set<Long> running = runningDeallocs();
        int[] missing = {0};
        LongCounts wanted = new LongCounts();
        for (long t : targets) {
            wanted.add(t, 1);
            if (!parent.contains(t)) missing[0]++;
        }
        for (int head = 0; head < tail[0] && missing[0] > 0; head++) {
            long o = queue[0][head];
            if (!running.isEmpty() && running.contains(o)) continue;
            heap.typeOf(o).references(o, r -> {
                if (!parent.contains(r)) {
                    parent.add(r, o);
                    if (tail[0] == queue[0].length) queue[0] = java.util.Arrays.copyOf(queue[0], 2 * tail[0]);
                    queue[0][tail[0]++] = r;
                    if (wanted.contains(r)) missing[0]--;
                }
            });
        }
        Map<Long, Retention> result = new HashMap<>();
        Map<Long, List<Long>> referrers = null;
        for (long t : targets) {
            if (!parent.contains(t)) {
                if (referrers == null) referrers = referrers(running);
                result.put(t, unreachable(t, referrers));
                continue;
            }
            List<Step> path = new ArrayList<>();
            for (long o = t; ; ) {
                long src = parent.get(o);
                if (src == rootMark) {
                    path.add(0, new Step(o, rootOf.get(o), 0));
                    break;
                }
                path.add(0, new Step(o, edgeLabel(src, o), src));
                o = src;
            }
            result.put(t, new Retention(true, path, List.of()));
        }
        return result;
    }

    /** Kept alive without a path from a root: the nearest cycle above {@code obj} among its referrers. */
    private Retention unreachable(long obj, Set<Long> running) {
        return unreachable(obj, referrers(running));
    }

    private Map<Long, List<Long>> referrers(Set<Long> running) {
        Map<Long, List<Long>> referrers = new HashMap<>();
        heap.forEachObject(o -> {
            if (!running.isEmpty() && running.contains(o)) return;
            heap.typeOf(o).references(o, r -> referrers.computeIfAbsent(r, k -> new ArrayList<>(2)).add(o));
        });
        return referrers;
    }

    private Retention unreachable(long obj, Map<Long, List<Long>> referrers) {
        // Backward BFS from obj: towards[x] = the object x refers to on its way down to obj.
        Map<Long, Long> towards = new LinkedHashMap<>();
        ArrayDeque<Long> queue = new ArrayDeque<>();
        queue.add(obj);
        towards.put(obj, 0L);
        long cycleTop = 0;
        List<Step> cycle = null;
        while (!queue.isEmpty()) {
            long x = queue.poll();
            List<Long> cycleHere = shortestCycle(x, referrers);
            if (cycleHere != null) {
                cycleTop = x;
                cycle = new ArrayList<>();
                for (int i = 0; i < cycleHere.size(); i++) {
                    long from = cycleHere.get(i), to = cycleHere.get((i + 1) % cycleHere.size());
                    cycle.add(new Step(to, edgeLabel(from, to), from));
                }
                break;
            }
            for (long r : referrers.getOrDefault(x, List.of())) {
                if (!towards.containsKey(r)) {
                    towards.put(r, x);
                    queue.add(r);
                }
            }
        }
        List<Step> path = new ArrayList<>();
        if (cycle != null) {
            for (long o = cycleTop; o != obj; ) {
                long next = towards.get(o);
                path.add(new Step(next, edgeLabel(o, next), o));
                o = next;
            }
        }
        return new Retention(false, path, cycle == null ? List.of() : cycle);
    }

    /** The shortest cycle through {@code x} (its objects in reference order, x first), or null. */
    private static List<Long> shortestCycle(long x, Map<Long, List<Long>> referrers) {
        // Backward BFS from x until x itself is a referrer: prev[r] = the object r refers to towards x.
        Map<Long, Long> prev = new HashMap<>();
        ArrayDeque<Long> queue = new ArrayDeque<>();
        queue.add(x);
        int budget = 100_000;
        while (!queue.isEmpty() && budget-- > 0) {
            long y = queue.poll();
            for (long r : referrers.getOrDefault(y, List.of())) {
                if (r == x) {
                    List<Long> c = new ArrayList<>();
                    c.add(x);
                    for (long o = y; o != x; o = prev.get(o)) c.add(o);
                    return c;
                }
                if (!prev.containsKey(r)) {
                    prev.put(r, y);
                    queue.add(r);
                }
            }
        }
        return null;
    }

    /** The label of (one of) the references {@code source} holds to {@code target}. */
    public String edgeLabel(long source, long target) {
        List<String> out = new ArrayList<>(1);
        labeler.label(source, target, 1, out);
        return out.isEmpty() ? "a reference from " + labeler.describe(source) : out.get(0);
    }

    /** A readable report of {@link #holders} and {@link #whyAlive}, for notebooks and the REPL. */
    public String explain(long obj, List<Holder> holders, Retention why, String argumentNote) {
        StringBuilder b = new StringBuilder();
        long sum = 0;
        for (Holder h : holders) sum += h.count();
        b.append(labeler.describe(obj)).append(": ").append(sum).append(sum == 1 ? " reference" : " references").append('\n');
        for (Holder h : holders) b.append(String.format("  %,d  %s%n", h.count(), h.description()));
        if (argumentNote != null) b.append("  (").append(argumentNote).append(")\n");
        b.append(formatRetention(why));
        return b.toString();
    }

    /** why_alive as text: one line per step. */
    public String formatRetention(Retention why) {
        StringBuilder b = new StringBuilder();
        if (why.reachable()) {
            b.append("alive: reachable from a root\n");
            for (Step s : why.path()) {
                b.append("  ").append(labeler.describe(s.object())).append("  <- ").append(s.heldBy()).append('\n');
            }
        } else if (!why.cycle().isEmpty()) {
            b.append("unreachable: only kept by a cycle (gc.collect() would free it)\n");
            for (Step s : why.cycle()) {
                b.append("  cycle: ").append(labeler.describe(s.object())).append("  <- ").append(s.heldBy()).append('\n');
            }
            for (Step s : why.path()) {
                b.append("  ").append(labeler.describe(s.object())).append("  <- ").append(s.heldBy()).append('\n');
            }
        } else {
            b.append("unreachable: no root and no cycle holds it (held only by the runtime mid-operation)\n");
        }
        return b.toString();
    }
}

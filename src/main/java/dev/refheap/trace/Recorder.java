package dev.refheap.trace;

import dev.refheap.gc.CycleCollector;
import dev.refheap.gc.GcObserver;
import dev.refheap.gc.Provenance;
import dev.refheap.lang.vm.RefheapModule;
import dev.refheap.lang.vm.Runtime;
import dev.refheap.lang.vm.Tracing;
import dev.refheap.object.Heap;
import dev.refheap.object.HeapListener;
import dev.refheap.object.PyType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntSupplier;

/**
 * Records a run, step by step, for {@code refheap trace} and the web page: a step is a line event
 * (the line about to run) or a collector phase. Each step keeps what changed since the previous
 * one (objects allocated and freed, refcount changes, collections) and a bounded snapshot of the
 * visible state: the frames and their variables, the objects reachable from them (plus every
 * object shown before and still alive, so a layout stays stable and an orphaned cycle stays on
 * screen), each with its refcount, holders and labelled references; objects freed during the
 * step are kept in it once, marked freed. Every object gets a serial number at allocation, so an
 * address reused is visibly a new object. See docs/trace-format.md for the record's format.
 *
 * <p>States: recording → stopped (a limit reached: further events are ignored and the program is
 * interrupted). The recorder never runs Python code and never touches a refcount.
 */
public final class Recorder implements HeapListener, GcObserver, Tracing.LineListener {
    private final Runtime rt;
    private final Heap heap;
    private final CycleCollector gc;
    private final TraceLimits limits;
    private final Provenance provenance;
    private final long startNanos = System.nanoTime();
    private final IntSupplier outputLength;

    private final Map<Long, Long> serialOf = new HashMap<>();
    private long nextSerial = 1;
    private final Map<String, Long> liveByType = new TreeMap<>();

    // since the last step
    private long allocatedCount, freedCount, increfs, decrefs;
    private final List<Map<String, Object>> allocatedShown = new ArrayList<>();
    private final Map<Long, long[]> refChanges = new LinkedHashMap<>();   // address -> {+, -}
    /** The changes themselves, in order, with where the VM was (the first {@link #EVENTS_EACH} of each followed object). */
    private final Map<Long, List<ChangeHolders.Event>> refEvents = new HashMap<>();
    static final int EVENTS_EACH = 32;
    /** The changes past the first {@link #EVENTS_EACH}: counted by sign, site and phase (at most {@link #MORE_SITES} places, then "elsewhere"). */
    private final Map<Long, List<More>> refMore = new HashMap<>();
    static final int MORE_SITES = 8;

    /** A count of changes of one sign at one site (site null: elsewhere, past {@link #MORE_SITES} places). */
    private static final class More {
        final int delta;
        final Tracing.Site site;
        final String phase;
        long count;

        More(int delta, Tracing.Site site, String phase) {
            this.delta = delta;
            this.site = site;
            this.phase = phase;
        }
    }
    /** The holders of each object shown at the last step (the "before" of the next step's changes). */
    private Map<Long, Map<String, ChangeHolders.Held>> lastHolders = new HashMap<>();
    /** The collector's phase while a collection runs, else null. */
    private String phaseNow;
    private final List<Map<String, Object>> freedShown = new ArrayList<>();

    private final LinkedHashSet<Long> sticky = new LinkedHashSet<>();
    private final Map<Long, Map<String, Object>> lastShown = new HashMap<>();
    private final Set<Long> unreachableNow = new HashSet<>();
    private Map<Long, Long> gcRefsNow = Map.of();
    private boolean inCollection;
    private int collectionIndex;

    private final List<Map<String, Object>> steps = new ArrayList<>();
    /** Holders cost a walk of the heap's references per step; past this many references walked, steps keep no holders. */
    private static final long HOLDERS_BUDGET = 50_000_000L;
    private long holdersSpent;
    private long snapshotEntries;
    private String lastArenas = "";
    private int cell;
    private final Map<String, Integer> cellOfFile = new HashMap<>();
    private int prevLine = -1, prevCell = -1;
    private volatile String stopped;

    public Recorder(Runtime rt, TraceLimits limits, IntSupplier outputLength) {
        this.rt = rt;
        this.heap = rt.heap();
        this.gc = rt.gc();
        this.limits = limits;
        this.outputLength = outputLength;
        this.provenance = RefheapModule.provenance(rt);
        heap.forEachObject(o -> liveByType.merge(heap.typeOf(o).name(), 1L, Long::sum));
    }

    /** Starts receiving events. */
    public void install() {
        heap.setListener(this);
        gc.setObserver(this);
        Tracing.setLineListener(rt, this);
    }

    /** Stops receiving events. */
    public void uninstall() {
        Tracing.setLineListener(rt, null);
        gc.setObserver(null);
        heap.setListener(null);
    }

    /** The code of {@code filename} is cell {@code index} (a script is cell 0). */
    public void beginCell(int index, String filename) {
        cell = index;
        cellOfFile.put(filename, index);
    }

    public synchronized List<Map<String, Object>> steps() { return steps; }

    /**
     * The steps recorded, for the caller of a run; from here on no step is added or changed (a
     * run given up past its time limit may still be unwinding on its own thread).
     */
    public synchronized List<Map<String, Object>> detach() {
        detached = true;
        return steps;
    }

    /** Set by {@link #detach}: the step list belongs to the caller. Guarded by this. */
    private boolean detached;

    /** Why recording stopped early, or null. */
    public String stopped() { return stopped; }

    /** Stops recording (a limit) with a message; the program is interrupted at its next call or backward jump. */
    public void stop(String message) {
        if (stopped != null) return;
        stoppedAt = System.nanoTime();
        stopped = message;
        rt.interrupt();
    }

    private volatile long stoppedAt;

    /**
     * Thrown from a heap event when a stopped program did not end within a second of the
     * interrupt (a loop inside one builtin that checks no interrupt): the run is abandoned and
     * its heap's memory given back. An Error, so nothing in the VM catches it.
     */
    public static final class Abandoned extends Error {
        private static final long serialVersionUID = 1L;

        Abandoned(String message) { super(message, null, false, false); }
    }

    private void abandonIfOverdue() {
        if (stopped != null && System.nanoTime() - stoppedAt > 1_000_000_000L) throw new Abandoned(stopped);
    }

    // ---- heap events -------------------------------------------------------------------------------

    @Override
    public void onAllocate(long o, PyType type, long size) {
        if (stopped != null) abandonIfOverdue();
        long serial = nextSerial++;
        serialOf.put(o, serial);
        allocatedCount++;
        liveByType.merge(type.name(), 1L, Long::sum);
        if (allocatedShown.size() < 50) allocatedShown.add(Map.of("serial", serial, "id", hex(o), "type", type.name()));
        if (refChanges.size() < 2000) {
            refChanges.put(o, new long[] {0, 0, 1});
            refEvents.put(o, new ArrayList<>(List.of(new ChangeHolders.Event(1, Tracing.site(rt), phaseNow, true))));
        }
    }

    @Override
    public void onFree(long o, PyType type) {
        Long serial = serialOf.remove(o);
        freedCount++;
        liveByType.merge(type.name(), -1L, Long::sum);
        if (sticky.remove(o)) {
            Map<String, Object> last = lastShown.remove(o);
            if (last != null) {
                Map<String, Object> dead = new LinkedHashMap<>(last);
                dead.put("state", "freed");
                dead.put("refcount", 0);
                if (serial != null) dead.put("serial", serial);
                freedShown.add(dead);
            }
        }
        long[] rc = refChanges.remove(o);
        List<ChangeHolders.Event> ev = refEvents.remove(o);
        List<Map<String, Object>> more = moreOf(o);
        refMore.remove(o);
        if (rc != null && ev != null && serial != null && !freedShown.isEmpty() && serial.equals(freedShown.getLast().get("serial"))) {
            Map<String, Object> dead = freedShown.getLast();
            dead.put("refChanges", List.of(rc[0], rc[1]));
            dead.put("refEvents", ChangeHolders.attribute(ev, complete(rc, ev), before(o, ev), Map.of()));
            if (more != null) dead.put("refEventsMore", more);
        }
        lastHolders.remove(o);
    }

    /** True when every change counted in {@code rc} {+, -, allocated} is in {@code ev}. */
    private static boolean complete(long[] rc, List<ChangeHolders.Event> ev) {
        return rc[0] + rc[1] + rc[2] == ev.size();
    }

    /** The object's holders before this step: none if it was allocated in it (its first change), null if not known. */
    private Map<String, ChangeHolders.Held> before(long o, List<ChangeHolders.Event> ev) {
        return ev.getFirst().allocation() ? Map.of() : lastHolders.get(o);
    }

    @Override
    public void onRefcount(long o, int delta, long newCount) {
        if (stopped != null) abandonIfOverdue();
        if (delta > 0) increfs++; else decrefs++;
        if (sticky.contains(o) || refChanges.size() < 2000) {
            long[] c = refChanges.computeIfAbsent(o, k -> new long[3]);
            if (delta > 0) c[0]++; else c[1]++;
            List<ChangeHolders.Event> ev = refEvents.computeIfAbsent(o, k -> new ArrayList<>(4));
            if (ev.size() < EVENTS_EACH) ev.add(new ChangeHolders.Event(delta, Tracing.site(rt), phaseNow, false));
            else countMore(o, delta);
        }
    }

    private void countMore(long o, int delta) {
        List<More> more = refMore.computeIfAbsent(o, k -> new ArrayList<>(2));
        Tracing.Site site = Tracing.site(rt);
        int sign = delta > 0 ? 1 : -1;
        More hit = null;
        for (More m : more) {
            if (m.delta == sign && java.util.Objects.equals(m.phase, phaseNow) && (m.site == site || m.site != null && m.site.equals(site))) {
                hit = m;
                break;
            }
        }
        if (hit == null) {
            if (more.size() < MORE_SITES) {
                more.add(hit = new More(sign, site, phaseNow));
            } else {
                for (More m : more) if (m.site == null && m.delta == sign) hit = m;
                if (hit == null) more.add(hit = new More(sign, null, null));
            }
        }
        hit.count++;
    }

    /** The changes of {@code o} past the listed ones, for the record: [{delta, at, phase?, count}], or null. */
    private List<Map<String, Object>> moreOf(long o) {
        List<More> more = refMore.get(o);
        if (more == null) return null;
        List<Map<String, Object>> out = new ArrayList<>();
        for (More m : more) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("delta", m.delta);
            e.put("at", m.site != null ? m.site.toString() : "elsewhere (past " + MORE_SITES + " places)");
            if (m.phase != null) e.put("phase", m.phase);
            e.put("count", m.count);
            out.add(e);
        }
        return out;
    }

    // ---- line events and collector phases ----------------------------------------------------------

    @Override
    public synchronized void onLine(Runtime rt, String filename, int line) {
        if (stopped != null || detached) return;
        Integer c = cellOfFile.get(filename);
        if (c == null) return;  // code the runtime compiled for itself
        if (!checkLimits()) return;
        Map<String, Object> step = newStep("line");
        step.put("cell", c);
        step.put("line", line);
        step.put("prevCell", prevCell);
        step.put("prevLine", prevLine);
        prevLine = line;
        prevCell = c;
        snapshot(step);
    }

    /** The end of a cell (or the script): the state after its last line. */
    public synchronized void endOfCell(String error) {
        if (detached) return;
        Map<String, Object> step = newStep("end");
        step.put("cell", cell);
        step.put("line", -1);
        step.put("prevCell", prevCell);
        step.put("prevLine", prevLine);
        if (error != null) step.put("error", error);
        prevLine = -1;
        prevCell = cell;
        snapshot(step);
    }

    @Override
    public synchronized void onPhase(int generation, String phase, long count) {
        if (stopped != null || detached) return;
        phaseNow = phase.equals("stop") ? null : phase;
        if (phase.equals("start")) {
            inCollection = true;
            collectionIndex++;
            unreachableNow.clear();
            gcRefsNow = Map.of();
        }
        if (phase.equals("update_refs") || phase.equals("subtract_refs")) {
            Map<Long, Long> refs = new HashMap<>();
            gc.forEachCollecting((o, r) -> refs.put(o, r));
            gcRefsNow = refs;
        } else if (phase.equals("unreachable")) {
            gcRefsNow = Map.of();
            gc.forEachUnreachable(o -> {
                unreachableNow.add(o);
                if (sticky.size() < limits.objectsPerStep() * 2) sticky.add(o);
            });
        }
        if (!checkLimits()) return;
        Map<String, Object> step = newStep("gc");
        step.put("cell", prevCell < 0 ? cell : prevCell);
        step.put("line", prevLine);
        step.put("prevCell", prevCell);
        step.put("prevLine", prevLine);
        step.put("phase", phase);
        step.put("generation", generation);
        step.put("collection", collectionIndex);
        step.put("phaseCount", count);
        snapshot(step);
        if (phase.equals("stop")) {
            inCollection = false;
            unreachableNow.clear();
            gcRefsNow = Map.of();
        }
    }

    private boolean checkLimits() {
        if (steps.size() >= limits.maxSteps()) {
            stop("stopped after " + limits.maxSteps() + " steps (the step limit; --max-steps changes it)");
            return false;
        }
        if ((System.nanoTime() - startNanos) / 1_000_000 > limits.wallMillis()) {
            stop("stopped after " + limits.wallMillis() / 1000.0 + " s (the time limit; --max-seconds changes it)");
            return false;
        }
        return true;
    }

    private Map<String, Object> newStep(String kind) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("i", steps.size());
        step.put("kind", kind);
        steps.add(step);
        return step;
    }

    // ---- the snapshot ------------------------------------------------------------------------------

    private void snapshot(Map<String, Object> step) {
        childrenCache.clear();
        step.put("out", outputLength.getAsInt());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("allocated", allocatedCount);
        changes.put("freed", freedCount);
        changes.put("increfs", increfs);
        changes.put("decrefs", decrefs);
        changes.put("allocatedObjects", new ArrayList<>(allocatedShown));
        step.put("changes", changes);
        allocatedCount = freedCount = increfs = decrefs = 0;
        allocatedShown.clear();

        long[] counts = gc.count();
        int[] thresholds = gc.threshold();
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("count", counts);
        g.put("threshold", thresholds);
        if (!inCollection) {
            long[] sizes = new long[CycleCollector.NUM_GENERATIONS];
            for (int i = 0; i < sizes.length; i++) sizes[i] = gc.generationSize(i);
            g.put("size", sizes);
        }
        step.put("gc", g);
        step.put("bytes", heap.allocator().allocatedBytes());
        Map<String, Long> types = new TreeMap<>();
        liveByType.forEach((k, v) -> { if (v > 0) types.put(k, v); });
        step.put("liveByType", types);
        String arenas = arenaMap();
        if (!arenas.equals(lastArenas)) {
            step.put("arenas", arenas);
            lastArenas = arenas;
        }

        List<Tracing.FrameView> frames = Tracing.frames(rt);
        if (frames.isEmpty() && "end".equals(step.get("kind"))) {
            String file = null;
            for (Map.Entry<String, Integer> e : cellOfFile.entrySet()) if (e.getValue() == cell) file = e.getKey();
            if (file != null) frames = List.of(Tracing.mainGlobals(rt, file));
        }
        List<Map<String, Object>> fl = new ArrayList<>();
        List<Long> roots = new ArrayList<>();
        for (Tracing.FrameView f : frames) {
            Integer c = cellOfFile.get(f.filename());
            if (c == null) continue;
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("name", f.name());
            fm.put("cell", c);
            fm.put("line", f.line());
            List<Map<String, Object>> vars = new ArrayList<>();
            for (Tracing.Variable v : f.variables()) {
                Map<String, Object> vm = new LinkedHashMap<>();
                vm.put("name", v.name());
                vm.put("ref", serial(v.value()));
                if (v.cell()) vm.put("cell", true);
                vars.add(vm);
                roots.add(v.value());
            }
            fm.put("locals", vars);
            fl.add(fm);
        }
        step.put("frames", fl);

        if (snapshotEntries >= limits.snapshotBudget()) {
            step.put("objects", null);
            step.put("note", "no snapshot: the record's snapshot budget (" + limits.snapshotBudget() + " object entries) is spent");
            freedShown.clear();
            refChanges.clear();
            refEvents.clear();
            refMore.clear();
            lastHolders = new HashMap<>();
            return;
        }
        // Shown objects: the sticky ones still alive first (stable order), then the newly reachable.
        LinkedHashSet<Long> shown = new LinkedHashSet<>(sticky);
        ArrayDeque<Long> queue = new ArrayDeque<>(roots);
        Set<Long> seen = new HashSet<>();
        while (!queue.isEmpty() && shown.size() < limits.objectsPerStep()) {
            long o = queue.poll();
            if (!seen.add(o)) continue;
            shown.add(o);
            if (!Tracing.isOpaque(rt, o)) for (Child ch : children(o)) queue.add(ch.target);
        }
        // sticky objects' children are shown too (an orphaned cycle keeps its edges)
        for (long o : new ArrayList<>(sticky)) {
            if (Tracing.isOpaque(rt, o)) continue;
            for (Child ch : children(o)) if (shown.size() < limits.objectsPerStep()) shown.add(ch.target);
        }
        sticky.clear();
        sticky.addAll(shown);

        Map<Long, List<Provenance.Holder>> holders = null;
        Map<Long, Provenance.Retention> why = null;
        if (holdersSpent < HOLDERS_BUDGET) {
            holders = provenance.holdersOf(shown);
            holdersSpent += 2 * provenance.lastWalkCost() + shown.size();
            Set<Long> alive = new LinkedHashSet<>();
            for (long o : shown) if (heap.refcount(o) > 0) alive.add(o);
            why = provenance.whyAliveAll(alive);
        } else {
            step.put("note", "holders not recorded from here on: the record's budget for heap walks is spent");
        }
        Map<Long, Integer> generationOf = generations(shown);
        List<Map<String, Object>> objects = new ArrayList<>();
        Map<Long, Map<String, ChangeHolders.Held>> nowHolders = new HashMap<>();
        for (long o : shown) {
            Map<String, Object> m = new LinkedHashMap<>();
            PyType t = heap.typeOf(o);
            m.put("serial", serial(o));
            m.put("id", hex(o));
            m.put("type", t.name());
            m.put("refcount", heap.refcount(o));
            m.put("value", Tracing.shortValue(rt, o));
            m.put("shared", heap.refcount(o) >= 999_000_000L || t.name().equals("str") && heap.refcount(o) > 1);
            m.put("state", unreachableNow.contains(o) ? "unreachable" : "live");
            Long gr = gcRefsNow.get(o);
            if (gr != null) m.put("gcRefs", gr);
            Integer gen = generationOf.get(o);
            if (gen != null) m.put("generation", gen);
            List<Map<String, Object>> refs = new ArrayList<>();
            if (!Tracing.isOpaque(rt, o)) {
                for (Child ch : children(o)) {
                    if (!shown.contains(ch.target)) continue;
                    refs.add(Map.of("to", serial(ch.target), "label", ch.label));
                }
            }
            m.put("refs", refs);
            Map<String, ChangeHolders.Held> held = null;
            if (holders != null) {
                List<List<Object>> hl = new ArrayList<>();
                List<Map.Entry<String, Long>> pairs = new ArrayList<>();
                for (Provenance.Holder h : holders.getOrDefault(o, List.of())) {
                    hl.add(List.of(h.description(), h.count()));
                    pairs.add(Map.entry(h.description(), h.count()));
                }
                m.put("holders", hl);
                held = ChangeHolders.byKey(pairs);
                nowHolders.put(o, held);
            }
            if (why != null && why.get(o) != null) m.put("why", provenance.formatRetention(why.get(o)).strip());
            long[] rc = refChanges.get(o);
            if (rc != null) {
                m.put("refChanges", List.of(rc[0], rc[1]));
                List<ChangeHolders.Event> ev = refEvents.get(o);
                if (ev != null) m.put("refEvents", ChangeHolders.attribute(ev, complete(rc, ev), before(o, ev), held));
                List<Map<String, Object>> more = moreOf(o);
                if (more != null) m.put("refEventsMore", more);
            }
            objects.add(m);
            lastShown.put(o, m);
        }
        objects.addAll(freedShown);
        snapshotEntries += objects.size();
        freedShown.clear();
        refChanges.clear();
        refEvents.clear();
        refMore.clear();
        lastHolders = nowHolders;
        step.put("objects", objects);
    }

    /**
     * The generation list each of {@code shown} is on (0, 1, 2; 3 the permanent generation after
     * gc.freeze()); an object on none is not tracked, or is on the collector's unreachable list.
     * One walk of the tracked objects.
     */
    private Map<Long, Integer> generations(Set<Long> shown) {
        Map<Long, Integer> out = new HashMap<>();
        for (int g = 0; g <= CycleCollector.NUM_GENERATIONS; g++) {
            int gen = g;
            gc.forEachInGeneration(g, o -> { if (shown.contains(o)) out.put(o, gen); });
        }
        return out;
    }

    private record Child(long target, String label) {}

    /** The references a heap view draws from {@code o}: dict values by key, items by index, attributes; never types. */
    private List<Child> children(long o) {
        return childrenCache.computeIfAbsent(o, this::computeChildren);
    }

    /** Children computed during the current snapshot (objects do not change while it is taken). */
    private final Map<Long, List<Child>> childrenCache = new HashMap<>();

    private List<Child> computeChildren(long o) {
        List<Child> out = new ArrayList<>();
        PyType t = heap.typeOf(o);
        if (t == heap.lists || t == heap.tuples) {
            boolean list = t == heap.lists;
            long n = list ? dev.refheap.object.ListType.size(o) : dev.refheap.object.TupleType.size(o);
            for (long i = 0; i < Math.min(n, 40); i++) {
                long item = list ? dev.refheap.object.ListType.item(o, i) : dev.refheap.object.TupleType.item(o, i);
                if (item != 0) out.add(new Child(item, "[" + i + "]"));
            }
            return out;
        }
        if (t == heap.dicts) {
            heap.dicts.forEach(o, (k, v) -> {
                if (out.size() < 40) out.add(new Child(v, "[" + ((dev.refheap.gc.CoreLabels) provenance.labeler()).shortRepr(k) + "]"));
            });
            return out;
        }
        Set<Long> distinct = new LinkedHashSet<>();
        t.references(o, r -> { if (distinct.size() < 40) distinct.add(r); });
        for (long r : distinct) {
            if (heap.typeOf(r) == heap.typeType || heap.typeOf(r).name().equals("type")) continue;
            List<String> labels = new ArrayList<>();
            provenance.labeler().label(o, r, 4, labels);
            if (labels.isEmpty()) labels.add("ref");
            for (String l : labels) {
                int of = l.indexOf(" of <");
                String shortLabel = of > 0 ? l.substring(0, of) : l;
                if (shortLabel.startsWith("list") || shortLabel.startsWith("tuple")) shortLabel = shortLabel.substring(shortLabel.indexOf('['));
                if (shortLabel.startsWith("attribute ")) shortLabel = shortLabel.substring("attribute ".length());
                out.add(new Child(r, shortLabel));
            }
        }
        return out;
    }

    /** One char per pool of each arena: '.' free, '0'..'9' tenths used, arenas separated by '|'; then the size classes. */
    private String arenaMap() {
        StringBuilder b = new StringBuilder();
        int[] lastArena = {-1};
        heap.allocator().forEachPool((a, addr, pool, sz, used, cap) -> {
            if (a != lastArena[0]) {
                if (lastArena[0] >= 0) b.append('|');
                b.append(Long.toHexString(addr)).append(':');
                lastArena[0] = a;
            }
            if (sz < 0) b.append('.');
            else b.append((char) ('0' + Math.min(9, used * 10 / Math.max(1, cap))));
        });
        return b.toString();
    }

    private long serial(long o) {
        if (o == 0) return 0;
        Long s = serialOf.get(o);
        if (s == null) {
            s = nextSerial++;
            serialOf.put(o, s);
        }
        return s;
    }

    static String hex(long o) { return "0x" + Long.toHexString(o); }
}

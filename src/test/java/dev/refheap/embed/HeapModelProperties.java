package dev.refheap.embed;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.object.Heap;
import dev.refheap.object.ListType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of allocate / link / unlink / get / release / collect, applied to a PyHeap and
 * to a plain Java reference model (objects, edges, roots held by the test). After every step the
 * heap verifier is clean and every object the model says is alive is alive with the model's
 * refcount; objects the model frees by refcounting are gone at once; after a full collection
 * exactly the objects unreachable from the roots are gone. The stress variant runs the same
 * sequences with {@link PyHeap#setStress} on, where every GC allocation is a full collection.
 */
class HeapModelProperties {

    enum Kind { DICT, LIST, TUPLE, SET, INT, STR }

    /** One step; a and b pick operands modulo what exists when the step runs. */
    record Action(int op, int a, int b) {
        @Override public String toString() {
            return switch (op) {
                case 0, 1, 2 -> "alloc(" + Kind.values()[a % 6] + ", " + b + ")";
                case 3, 4, 5 -> "link(" + a + ", " + b + ")";
                case 6 -> "unlink(" + a + ", " + b + ")";
                case 7, 8 -> "release(" + a + ")";
                case 9 -> "get(" + a + ", " + b + ")";
                default -> "collect(" + a % 3 + ")";
            };
        }
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Action> action = Combinators.combine(
                Arbitraries.integers().between(0, 10), Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 1000))
                .as(Action::new);
        return action.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 200)
    void heapMatchesTheReferenceModel(@ForAll("actions") List<Action> actions) {
        try (PyHeap py = PyHeap.create()) {
            py.gc().setEnabled(false);  // collections happen exactly where the sequence says
            new Run(py, false).apply(actions);
        }
    }

    @Property(tries = 40)
    void heapMatchesTheReferenceModelUnderStress(@ForAll("actions") List<Action> actions) {
        try (PyHeap py = PyHeap.create()) {
            py.setStress(true);
            new Run(py, true).apply(actions);
            py.setStress(false);
        }
    }

    /** The reference model and the step runner. */
    static final class Run {
        final class MObj {
            final int id;
            final Kind kind;
            final long addr;
            final String value;  // ints and strs
            long refs = 1;
            final List<Integer> items = new ArrayList<>();              // list, tuple, set members
            final Map<String, Integer> entries = new LinkedHashMap<>();  // dict

            MObj(int id, Kind kind, long addr, String value) { this.id = id; this.kind = kind; this.addr = addr; this.value = value; }

            List<Integer> out() {
                List<Integer> r = new ArrayList<>(items);
                r.addAll(entries.values());
                return r;
            }
        }

        record Hold(int id, PyRef ref) {}

        final PyHeap py;
        final Heap heap;
        final boolean stress;
        final Map<Integer, MObj> alive = new LinkedHashMap<>();
        final List<Hold> roots = new ArrayList<>();
        int nextId, nextKey;
        final List<String> log = new ArrayList<>();

        Run(PyHeap py, boolean stress) {
            this.py = py;
            this.heap = py.heap();
            this.stress = stress;
        }

        void apply(List<Action> actions) {
            for (Action a : actions) {
                log.add(a.toString());
                step(a);
                check();
            }
            while (!roots.isEmpty()) release(roots.get(roots.size() - 1));
            check();
            py.collect();
            fullCollection();
            check();
            assertTrue(alive.isEmpty(), "everything unreachable after releasing all roots was collected");
        }

        private String where() { return " after " + log; }

        void step(Action a) {
            switch (a.op()) {
                case 0, 1, 2 -> alloc(Kind.values()[a.a() % 6], a.b());
                case 3, 4, 5 -> { if (!roots.isEmpty()) link(root(a.a()), root(a.b())); }
                case 6 -> { if (!roots.isEmpty()) unlink(root(a.a()), a.b()); }
                case 7, 8 -> { if (!roots.isEmpty()) release(roots.get(a.a() % roots.size())); }
                case 9 -> { if (!roots.isEmpty()) get(root(a.a()), a.b()); }
                default -> collect(a.a() % 3);
            }
        }

        MObj root(int i) { return alive.get(roots.get(i % roots.size()).id()); }

        boolean isGcKind(Kind k) { return k == Kind.DICT || k == Kind.LIST || k == Kind.TUPLE || k == Kind.SET; }

        void alloc(Kind kind, int b) {
            if (stress && isGcKind(kind)) fullCollection();  // the allocation collects first
            long o;
            String value = null;
            List<Integer> tupleItems = new ArrayList<>();
            switch (kind) {
                case DICT -> o = heap.dicts.create();
                case LIST -> o = heap.lists.alloc(0);
                case SET -> o = heap.sets.create();
                case TUPLE -> {
                    int n = 1 + b % 3;
                    long[] items = new long[n];
                    for (int i = 0; i < n; i++) {
                        if (roots.isEmpty()) {
                            items[i] = heap.None;
                            tupleItems.add(-1);
                        } else {
                            MObj m = root(b / 3 + i);
                            items[i] = m.addr;
                            tupleItems.add(m.id);
                        }
                    }
                    o = heap.tuples.of(items);
                }
                case INT -> { value = String.valueOf(1000 + b % 50); o = heap.ints.of(1000 + b % 50); }
                default -> { value = "s" + b % 50; o = heap.strs.of(value); }
            }
            MObj m = new MObj(nextId++, kind, o, value);
            for (int t : tupleItems) {
                if (t >= 0) { m.items.add(t); alive.get(t).refs++; }
            }
            alive.put(m.id, m);
            roots.add(new Hold(m.id, py.adopt(o)));
        }

        boolean hashable(MObj m) { return m.kind == Kind.INT || m.kind == Kind.STR; }

        void link(MObj from, MObj to) {
            switch (from.kind) {
                case DICT -> {
                    String key = "key" + nextKey++;
                    heap.dicts.setItem(from.addr, key, to.addr);
                    from.entries.put(key, to.id);
                    to.refs++;
                }
                case LIST -> {
                    heap.lists.append(from.addr, to.addr);
                    from.items.add(to.id);
                    to.refs++;
                }
                case SET -> {
                    if (!hashable(to)) return;
                    heap.sets.add(from.addr, to.addr);
                    boolean present = from.items.stream().anyMatch(i -> alive.get(i).kind == to.kind && alive.get(i).value.equals(to.value));
                    if (!present) { from.items.add(to.id); to.refs++; }
                }
                default -> {}
            }
        }

        void unlink(MObj from, int b) {
            List<Integer> killed = new ArrayList<>();
            switch (from.kind) {
                case DICT -> {
                    if (from.entries.isEmpty()) return;
                    String key = new ArrayList<>(from.entries.keySet()).get(b % from.entries.size());
                    long k = heap.strs.of(key);
                    assertTrue(heap.dicts.delItem(from.addr, k));
                    heap.decref(k);
                    decref(from.entries.remove(key), killed);
                }
                case LIST -> {
                    if (from.items.isEmpty()) return;
                    int i = b % from.items.size();
                    long v = heap.lists.pop(from.addr, i);
                    assertEquals(alive.get(from.items.get(i)).addr, v, "list item " + i + where());
                    heap.decref(v);
                    decref(from.items.remove(i), killed);
                }
                case SET -> {
                    if (from.items.isEmpty()) return;
                    int i = b % from.items.size();
                    MObj m = alive.get(from.items.get(i));
                    assertTrue(heap.sets.discard(from.addr, m.addr));
                    decref(from.items.remove(i), killed);
                }
                default -> { return; }
            }
            checkFreed(killed);
        }

        void get(MObj from, int b) {
            List<Integer> out = from.out();
            if (out.isEmpty()) return;
            MObj m = alive.get(out.get(b % out.size()));
            heap.incref(m.addr);
            m.refs++;
            roots.add(new Hold(m.id, py.adopt(m.addr)));
        }

        void release(Hold h) {
            roots.remove(h);
            h.ref().release();
            List<Integer> killed = new ArrayList<>();
            decref(h.id(), killed);
            checkFreed(killed);
        }

        /** Model refcounting: at 0 the object dies and releases what it refers to. */
        void decref(int id, List<Integer> killed) {
            ArrayDeque<Integer> work = new ArrayDeque<>();
            work.push(id);
            while (!work.isEmpty()) {
                MObj m = alive.get(work.pop());
                if (--m.refs > 0) continue;
                alive.remove(m.id);
                killed.add(m.id);
                killedAddr.put(m.id, m.addr);
                for (int t : m.out()) work.push(t);
            }
        }

        final Map<Integer, Long> killedAddr = new HashMap<>();

        void collect(int gen) {
            Set<Long> before = liveAddresses();
            Set<Integer> trackedBefore = new HashSet<>();
            for (MObj m : alive.values()) if (isGcKind(m.kind) && Heap.isTracked(m.addr)) trackedBefore.add(m.id);
            long n = py.collect(gen);
            Set<Long> after = liveAddresses();
            if (gen == 2) {
                List<Integer> unreachable = fullCollection();
                for (int id : unreachable) {
                    assertFalse(after.contains(killedAddr.get(id)), "unreachable object " + id + " survived a full collection" + where());
                }
                long tracked = unreachable.stream().filter(trackedBefore::contains).count();
                assertEquals(tracked, n, "gc.collect(2) counts the unreachable tracked objects" + where());
            } else {
                // which unreachable objects a younger collection frees depends on their generations:
                // take the heap's answer, then check it only freed unreachable objects
                Set<Integer> reachable = reachable();
                List<Integer> dead = new ArrayList<>();
                for (MObj m : alive.values()) if (!after.contains(m.addr) && before.contains(m.addr)) dead.add(m.id);
                for (int id : dead) assertFalse(reachable.contains(id), "reachable object " + id + " was collected" + where());
                kill(dead);
            }
        }

        /** Kills every model object unreachable from the roots; returns them. */
        List<Integer> fullCollection() {
            Set<Integer> reachable = reachable();
            List<Integer> dead = new ArrayList<>();
            for (MObj m : alive.values()) if (!reachable.contains(m.id)) dead.add(m.id);
            kill(dead);
            return dead;
        }

        /** Removes a set of objects at once; their edges into survivors are released. */
        void kill(List<Integer> dead) {
            Set<Integer> set = new HashSet<>(dead);
            for (int id : dead) {
                MObj m = alive.get(id);
                killedAddr.put(id, m.addr);
                for (int t : m.out()) if (!set.contains(t)) alive.get(t).refs--;
            }
            for (int id : dead) alive.remove(id);
        }

        Set<Integer> reachable() {
            Set<Integer> seen = new HashSet<>();
            ArrayDeque<Integer> work = new ArrayDeque<>();
            for (Hold h : roots) work.push(h.id());
            while (!work.isEmpty()) {
                int id = work.pop();
                if (!seen.add(id)) continue;
                for (int t : alive.get(id).out()) work.push(t);
            }
            return seen;
        }

        Set<Long> liveAddresses() {
            Set<Long> s = new HashSet<>();
            heap.forEachObject(s::add);
            return s;
        }

        void checkFreed(List<Integer> killed) {
            Set<Long> live = liveAddresses();
            for (int id : killed) assertFalse(live.contains(killedAddr.get(id)), "object " + id + " should have been freed by refcounting" + where());
        }

        void check() {
            List<String> problems = py.verify();
            assertEquals(List.of(), problems, "verifier" + where());
            Set<Long> live = liveAddresses();
            for (MObj m : alive.values()) {
                assertTrue(live.contains(m.addr), "object " + m.id + " (" + m.kind + ") should be alive" + where());
                assertEquals(m.refs, heap.refcount(m.addr), "refcount of object " + m.id + " (" + m.kind + ")" + where());
                if (m.kind == Kind.LIST) {
                    assertEquals(m.items.size(), ListType.size(m.addr), "len(list " + m.id + ")" + where());
                    for (int i = 0; i < m.items.size(); i++) assertEquals(alive.get(m.items.get(i)).addr, ListType.item(m.addr, i));
                }
            }
        }
    }
}

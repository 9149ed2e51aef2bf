package dev.refheap.trace;

import dev.refheap.lang.vm.Tracing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names the holder of each refcount change one object had during one recorded step. Two exact
 * facts are combined: the changes themselves, in order, each with the instruction that made it
 * ({@link Tracing.Site}: the VM's own position, f_lasti); and the object's holders before and
 * after the step ({@code refheap.holders}, which add up to the refcount). The holders that
 * appeared (after minus before) own as many increfs as they gained; the holders that went own as
 * many decrefs as they lost; every other change is a temporary: a reference the value stack (an
 * operand, a call's argument) took and gave back within the step. Which incref is which is decided
 * by the instruction: a push (LOAD_FAST, LOAD_NAME, COPY..., and an allocation: a new object's
 * first reference is its creator's) makes a temporary while the step has
 * temporaries left, a store names the holder it stores into when that holder is among the new
 * ones ({@code STORE_NAME x} and {@code global 'x'}); otherwise changes take the new (or lost)
 * holders in their order. The counts per holder are exact; the pairing of one change with one
 * holder is the VM's instruction order, which is what the VM knows at that point.
 *
 * <p>When the holders before the step are not known (the object was not shown at the previous
 * step) or some changes were not kept (the per-object bound), each change keeps its instruction
 * and the holder says why it is not named. Stateless.
 */
final class ChangeHolders {
    private ChangeHolders() {}

    /**
     * One refcount change: +1 or -1, where the VM was (null: no frame ran), the collector's phase
     * if in a collection; {@code allocation}: the +1 is the new object's first reference (its creator's).
     */
    record Event(int delta, Tracing.Site site, String phase, boolean allocation) {}

    /** The holders of an object at one moment: key (a description without frame lines) -> description and count. */
    record Held(String description, long count) {}

    static final String TEMPORARY = "a temporary: the value stack of %s (an operand or a call's argument, given back in the step)";

    /** Instructions whose incref is a push onto the value stack. */
    private static final Set<String> PUSHES = Set.of("LOAD_FAST", "LOAD_CONST", "LOAD_NAME", "LOAD_GLOBAL", "LOAD_DEREF",
            "LOAD_CLASSDEREF", "LOAD_CLOSURE", "LOAD_ATTR", "LOAD_METHOD", "COPY", "BINARY_SUBSCR", "GET_ITER", "FOR_ITER",
            "LOAD_BUILD_CLASS", "IMPORT_NAME", "IMPORT_FROM", "BEFORE_WITH", "PUSH_EXC_INFO", "LOAD_ASSERTION_ERROR");

    /** The key a holder's description is compared by: its frame's current line dropped (it moves from step to step). */
    static String key(String description) {
        return description.replaceAll("frame of line \\d+", "frame");
    }

    /** Holders as {@link Held} by key, from (description, count) pairs. */
    static Map<String, Held> byKey(List<? extends Map.Entry<String, Long>> holders) {
        Map<String, Held> m = new LinkedHashMap<>();
        for (Map.Entry<String, Long> h : holders) {
            m.merge(key(h.getKey()), new Held(h.getKey(), h.getValue()), (a, b) -> new Held(a.description(), a.count() + b.count()));
        }
        return m;
    }

    /**
     * The changes with their holders, in order: [{delta, at, holder[, phase]}]. {@code before} null:
     * not known; {@code complete}: every change of the step is in {@code events}.
     */
    static List<Map<String, Object>> attribute(List<Event> events, boolean complete, Map<String, Held> before, Map<String, Held> after) {
        List<String> gained = new ArrayList<>(), lost = new ArrayList<>();
        List<String> gainedKeys = new ArrayList<>(), lostKeys = new ArrayList<>();
        String why = null;
        if (!complete) why = "not named: the step had more changes of this object than the record lists (the rest are counted by place)";
        else if (before == null) why = "not named: the object's holders before this step were not recorded (it was not shown)";
        else if (after == null) why = "not named: the object's holders after this step were not recorded";
        int tempInc = 0, tempDec = 0;
        if (why == null) {
            diff(after, before, gained, gainedKeys);
            diff(before, after, lost, lostKeys);
            int inc = 0, dec = 0;
            for (Event e : events) if (e.delta() > 0) inc++; else dec++;  // an allocation counts as the incref it is
            tempInc = inc - gained.size();
            tempDec = dec - lost.size();
            if (tempInc < 0 || tempDec < 0 || tempInc != tempDec) {
                why = "not named: the holders' change (" + gained.size() + " new, " + lost.size() + " gone) does not match the "
                        + inc + " increfs and " + dec + " decrefs (a reference held by the runtime mid-operation)";
            }
        }
        String[] holderOf = new String[events.size()];
        if (why == null) {
            // increfs in order: pushes are the temporaries while there are some; the rest take the new holders
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                if (e.delta() < 0) continue;
                boolean push = e.allocation() || e.site() != null && PUSHES.contains(e.site().opcode());
                int named = push ? -1 : indexNamed(gainedKeys, e.site());
                if (gained.isEmpty() || named < 0 && push && tempInc > 0) {
                    holderOf[i] = temporary(e);
                    tempInc--;
                } else {
                    int k = Math.max(named, 0);
                    holderOf[i] = gained.remove(k);
                    gainedKeys.remove(k);
                }
            }
            // decrefs: the ones an instruction names first (DELETE_NAME x: global 'x'), then the last
            // ones are the temporaries given back (a store or call consumes its operands last); the
            // others take the holders that went, in order
            List<Integer> rest = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                if (e.delta() > 0) continue;
                int named = indexNamed(lostKeys, e.site());
                if (named >= 0) {
                    holderOf[i] = lost.remove(named);
                    lostKeys.remove(named);
                } else {
                    rest.add(i);
                }
            }
            int firstTemp = rest.size() - Math.min(tempDec, rest.size());
            for (int j = 0; j < rest.size(); j++) {
                int i = rest.get(j);
                holderOf[i] = j >= firstTemp || lost.isEmpty() ? temporary(events.get(i)) : lost.removeFirst();
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("delta", e.delta());
            if (e.allocation()) m.put("allocated", true);
            m.put("at", e.site() == null ? "the runtime (no frame running)" : e.site().toString());
            if (e.phase() != null) m.put("phase", e.phase());
            m.put("holder", why != null ? why : holderOf[i]);
            out.add(m);
        }
        return out;
    }

    /** Each holder of {@code more} as many times as it has more references than in {@code less}. */
    private static void diff(Map<String, Held> more, Map<String, Held> less, List<String> out, List<String> keys) {
        for (Map.Entry<String, Held> e : more.entrySet()) {
            Held o = less.get(e.getKey());
            long n = e.getValue().count() - (o == null ? 0 : o.count());
            for (long i = 0; i < Math.min(n, 1000); i++) {
                out.add(e.getValue().description());
                keys.add(e.getKey());
            }
        }
    }

    /**
     * The holder among {@code keys} the instruction names ({@code STORE_FAST x}: local 'x';
     * {@code STORE_ATTR a}: .a; a frame's teardown: one of that frame's variables), or -1.
     */
    private static int indexNamed(List<String> keys, Tracing.Site site) {
        if (site != null && site.teardown()) {
            // a finished frame releasing its slots: its locals, cells and free variables
            String in = " in " + site.frame() + " (";
            for (int i = 0; i < keys.size(); i++) if (keys.get(i).contains(in)) return i;
            return -1;
        }
        if (site == null || site.arg().isEmpty()) return -1;
        String a = site.arg();
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            if (k.contains("'" + a + "'") || k.contains("." + a + " ") || k.endsWith("." + a)) return i;
        }
        return -1;
    }

    private static String temporary(Event e) {
        return String.format(TEMPORARY, e.site() == null ? "the runtime" : e.site().frame());
    }
}

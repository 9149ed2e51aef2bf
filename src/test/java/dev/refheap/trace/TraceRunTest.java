package dev.refheap.trace;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The recorder: every kind of step, serial numbers, freed objects, limits, errors, notebooks, JSON. */
@SuppressWarnings("unchecked")
class TraceRunTest {
    private static final String CYCLE = """
            import gc
            d1 = {}
            d2 = {}
            d1["d2"] = d2
            d2["d1"] = d1
            del d1, d2
            print(gc.collect())
            x = [1, 2]
            """;

    private static List<Map<String, Object>> steps(Map<String, Object> record) {
        return (List<Map<String, Object>>) record.get("steps");
    }

    private static List<Map<String, Object>> objects(Map<String, Object> step) {
        return (List<Map<String, Object>>) step.get("objects");
    }

    @Test
    void lineStepsThenEveryCollectorPhaseWithGcRefsAndFrees() {
        Map<String, Object> r = TraceRun.record("cycle.py", CYCLE, false, TraceLimits.defaults(), false);
        assertEquals("finished", ((Map<String, Object>) r.get("ended")).get("reason"));
        assertEquals("2\n", r.get("stdout"));
        List<Map<String, Object>> steps = steps(r);
        List<Object> lines = new ArrayList<>();
        List<Object> phases = new ArrayList<>();
        for (Map<String, Object> s : steps) {
            if (s.get("kind").equals("line")) lines.add(s.get("line"));
            if (s.get("kind").equals("gc")) phases.add(s.get("phase"));
        }
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), lines);
        assertEquals(List.of("start", "update_refs", "subtract_refs", "unreachable", "weakrefs", "finalize", "clear", "stop"), phases);
        assertEquals("end", steps.get(steps.size() - 1).get("kind"));

        // after `del d1, d2` (the step of line 7): both dicts at refcount 1, each held by the other
        Map<String, Object> afterDel = steps.stream().filter(s -> Integer.valueOf(7).equals(s.get("line")) && s.get("kind").equals("line")).findFirst().orElseThrow();
        assertEquals(6, afterDel.get("prevLine"));
        List<Map<String, Object>> dicts = objects(afterDel).stream().filter(o -> o.get("type").equals("dict")).toList();
        assertEquals(2, dicts.size());
        Set<String> holders = new HashSet<>();
        for (Map<String, Object> d : dicts) {
            assertEquals(1L, ((Number) d.get("refcount")).longValue());
            List<List<Object>> hs = (List<List<Object>>) d.get("holders");
            assertEquals(1, hs.size());
            holders.add(((String) hs.get(0).get(0)).replaceAll(" of <dict at 0x[0-9a-f]+>", ""));
            assertEquals(1, ((List<?>) d.get("refs")).size(), "the arrow to the other dict");
        }
        assertEquals(Set.of("dict['d2'] (value)", "dict['d1'] (value)"), holders);

        Map<String, Object> subtract = steps.stream().filter(s -> "subtract_refs".equals(s.get("phase"))).findFirst().orElseThrow();
        for (Map<String, Object> o : objects(subtract)) if (o.get("type").equals("dict")) assertEquals(0L, ((Number) o.get("gcRefs")).longValue());
        Map<String, Object> update = steps.stream().filter(s -> "update_refs".equals(s.get("phase"))).findFirst().orElseThrow();
        for (Map<String, Object> o : objects(update)) if (o.get("type").equals("dict")) assertEquals(1L, ((Number) o.get("gcRefs")).longValue());
        Map<String, Object> unreachable = steps.stream().filter(s -> "unreachable".equals(s.get("phase"))).findFirst().orElseThrow();
        assertEquals(2, objects(unreachable).stream().filter(o -> "unreachable".equals(o.get("state"))).count());
        Map<String, Object> stop = steps.stream().filter(s -> "stop".equals(s.get("phase"))).findFirst().orElseThrow();
        assertEquals(2, objects(stop).stream().filter(o -> "freed".equals(o.get("state"))).count());
        int stopIndex = steps.indexOf(stop);
        assertTrue(objects(steps.get(stopIndex + 1)).stream().noneMatch(o -> o.get("type").equals("dict")), "freed objects are shown once");
    }

    /** The step's object with the given serial, or null. */
    private static Map<String, Object> bySerial(Map<String, Object> step, Object serial) {
        List<Map<String, Object>> objs = objects(step);
        if (objs == null) return null;
        for (Map<String, Object> o : objs) if (o.get("serial").equals(serial)) return o;
        return null;
    }

    private static List<String> changes(Map<String, Object> o) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) o.get("refEvents")) {
            String h = ((String) e.get("holder")).replaceAll(" of <dict at 0x[0-9a-f]+>", "").replaceAll("the value stack of .*", "temporary");
            out.add((((Number) e.get("delta")).intValue() > 0 ? "+" : "-") + ((String) e.get("at")).replaceAll(" in .*", "") + ": " + h);
        }
        return out;
    }

    @Test
    void eachRefcountChangeHasItsInstructionAndHolder() {
        Map<String, Object> r = TraceRun.record("cycle.py", CYCLE, false, TraceLimits.defaults(), false);
        List<Map<String, Object>> steps = steps(r);
        Map<String, Object> line = null;
        for (Map<String, Object> s : steps) if (Integer.valueOf(5).equals(s.get("line")) && "line".equals(s.get("kind"))) line = s;
        // line 4, d1["d2"] = d2: d2 pushed, stored into d1 (the dict's reference), the operand given back
        Map<String, Object> d2 = objects(line).stream().filter(o -> o.get("type").equals("dict") && "dict of 0".equals(o.get("value"))).findFirst().orElseThrow();
        assertEquals(List.of("+LOAD_NAME d2: a temporary: temporary", "+STORE_SUBSCR: dict['d2'] (value)", "-STORE_SUBSCR: a temporary: temporary"), changes(d2));
        Map<String, Object> afterDel = steps.stream().filter(s -> Integer.valueOf(7).equals(s.get("line")) && s.get("kind").equals("line")).findFirst().orElseThrow();
        Set<String> deletes = new HashSet<>();
        for (Map<String, Object> o : objects(afterDel)) if (o.get("type").equals("dict")) deletes.addAll(changes(o));
        assertEquals(Set.of("-DELETE_NAME d1: global 'd1' of module '__main__'", "-DELETE_NAME d2: global 'd2' of module '__main__'"), deletes);
        // the collector's clear phase drops each dict's reference to the other: named, with the phase
        Map<String, Object> stop = steps.stream().filter(s -> "stop".equals(s.get("phase"))).findFirst().orElseThrow();
        int cleared = 0;
        for (Map<String, Object> o : objects(stop)) {
            if (!"freed".equals(o.get("state"))) continue;
            for (Map<String, Object> e : (List<Map<String, Object>>) o.get("refEvents")) {
                if (((Number) e.get("delta")).intValue() < 0 && ((String) e.get("holder")).startsWith("dict['d")) {
                    assertEquals("clear", e.get("phase"));
                    cleared++;
                }
            }
        }
        assertEquals(2, cleared);
    }

    @Test
    void theChangesOfAnObjectAddUpToItsRefcountChange() {
        Map<String, Object> r = TraceRun.record("prog.py", """
                def f(a, b):
                    x = [a, b]
                    y = x
                    return y
                class A:
                    pass
                o = A()
                o.l = f(o, [1])
                t = (o.l, o.l)
                del o
                t = None
                """, false, TraceLimits.defaults(), false);
        Map<Object, Long> last = new java.util.HashMap<>();
        int checked = 0, named = 0;
        for (Map<String, Object> s : steps(r)) {
            for (Map<String, Object> o : objects(s)) {
                long rc = ((Number) o.get("refcount")).longValue();
                List<Map<String, Object>> ev = (List<Map<String, Object>>) o.get("refEvents");
                if (ev != null && last.containsKey(o.get("serial"))) {
                    List<?> counts = (List<?>) o.get("refChanges");
                    long sum = 0;
                    for (Map<String, Object> e : ev) {
                        sum += ((Number) e.get("delta")).longValue();
                        if (!((String) e.get("holder")).startsWith("not named")) named++;
                    }
                    assertEquals(((Number) counts.get(0)).longValue() + ((Number) counts.get(1)).longValue(), ev.size());
                    assertEquals(rc - last.get(o.get("serial")), sum, "step " + s.get("i") + " " + o);
                    checked++;
                }
                last.put(o.get("serial"), rc);
            }
        }
        assertTrue(checked > 10 && named > 10, checked + " " + named);
    }

    private static final String SITES = """
            def f(a):
                x = [a]
                y = a
                return x
            lst = []
            v = f(lst)
            lst.append(v)
            n = None
            big = [n] * 100
            del v
            """;

    /** The changes of the object the global {@code name} holds, at the line step for {@code line}, as "at: holder". */
    private static List<String> changesAt(Map<String, Object> r, int line, String name) {
        Map<String, Object> step = steps(r).stream().filter(s -> "line".equals(s.get("kind")) && Integer.valueOf(line).equals(s.get("line"))).findFirst().orElseThrow();
        Map<String, Object> o = objects(step).stream().filter(x -> ((List<List<Object>>) x.get("holders")).stream()
                .anyMatch(h -> ((String) h.get(0)).startsWith("global '" + name + "'"))).findFirst().orElseThrow();
        List<String> out = new ArrayList<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) o.get("refEvents")) out.add(e.get("at") + ": " + e.get("holder"));
        return out;
    }

    @Test
    void aReturningFramesReleasesAreItsTeardownAfterItsReturnValue() {
        Map<String, Object> r = TraceRun.record("sites.py", SITES, false, TraceLimits.defaults(), false);
        // the step before line 7 holds line 6's call: f's frame releases a (lst) and y (lst) as it returns
        List<String> lst = changesAt(r, 7, "lst");
        String teardown = "frame teardown of f() (after RETURN_VALUE in f() line 4)";
        assertEquals(List.of(teardown + ": local 'a' in f() (frame of line 3)", teardown + ": local 'y' in f() (frame of line 3)"),
                lst.stream().filter(c -> c.startsWith("frame teardown")).toList(), lst.toString());
        assertTrue(lst.stream().noneMatch(c -> c.startsWith("CALL in <module>") && c.contains("local '")), lst.toString());
    }

    @Test
    void aChangeMadeInsideABuiltinNamesTheBuiltinAndItsCall() {
        Map<String, Object> r = TraceRun.record("sites.py", SITES, false, TraceLimits.defaults(), false);
        List<String> v = changesAt(r, 8, "v");
        assertTrue(v.stream().anyMatch(c -> c.startsWith("inside list.append(), called by CALL in <module> line 7: list[0] of <list at ")), v.toString());
        // the CALL's own releases of its operands stay the CALL's
        assertTrue(v.stream().anyMatch(c -> c.startsWith("CALL in <module> line 7: a temporary")), v.toString());
    }

    @Test
    void changesPastTheListedOnesAreCountedByPlace() {
        Map<String, Object> r = TraceRun.record("sites.py", SITES, false, TraceLimits.defaults(), false);
        Map<String, Object> step = steps(r).stream().filter(s -> Integer.valueOf(10).equals(s.get("line")) && "line".equals(s.get("kind"))).findFirst().orElseThrow();
        Map<String, Object> none = objects(step).stream().filter(o -> o.get("type").equals("NoneType")).findFirst().orElseThrow();
        List<Map<String, Object>> listed = (List<Map<String, Object>>) none.get("refEvents");
        List<Map<String, Object>> more = (List<Map<String, Object>>) none.get("refEventsMore");
        List<?> rc = (List<?>) none.get("refChanges");
        assertEquals(Recorder.EVENTS_EACH, listed.size());
        long moreCount = more.stream().mapToLong(m -> ((Number) m.get("count")).longValue()).sum();
        assertEquals(((Number) rc.get(0)).longValue() + ((Number) rc.get(1)).longValue(), listed.size() + moreCount, "every change is listed or counted");
        assertTrue(more.stream().anyMatch(m -> m.get("at").equals("BINARY_OP * in <module> line 9") && ((Number) m.get("delta")).intValue() == 1
                && ((Number) m.get("count")).longValue() >= 60), more.toString());
        String text = TextTrace.format(r);
        assertTrue(text.contains("      and " + moreCount + " more:\n        +"), text);
    }

    @Test
    void aReusedAddressGetsANewSerial() {
        Map<String, Object> r = TraceRun.record("reuse.py", """
                a = [1]
                del a
                b = [2]
                c = 0
                """, false, TraceLimits.defaults(), false);
        Map<String, Object> s2 = steps(r).get(1), s4 = steps(r).get(3);
        Map<String, Object> a = objects(s2).stream().filter(o -> o.get("type").equals("list")).findFirst().orElseThrow();
        Map<String, Object> b = objects(s4).stream().filter(o -> o.get("type").equals("list")).findFirst().orElseThrow();
        assertEquals(a.get("id"), b.get("id"), "the free list hands the same address back");
        assertNotEquals(a.get("serial"), b.get("serial"));
    }

    @Test
    void theStepLimitEndsTheRunAndKeepsTheRecord() {
        Map<String, Object> r = TraceRun.record("loop.py", "i = 0\nwhile True:\n    i += 1\n", false, TraceLimits.defaults().withSteps(50), false);
        Map<String, Object> ended = (Map<String, Object>) r.get("ended");
        assertEquals("limit", ended.get("reason"));
        assertTrue(((String) ended.get("message")).startsWith("stopped after 50 steps"), ended.toString());
        assertTrue(steps(r).size() >= 50 && steps(r).size() <= 52, "" + steps(r).size());
    }

    @Test
    void theTimeLimitStopsALoopInsideOneLine() {
        Map<String, Object> r = TraceRun.record("spin.py", "x = sum(range(10**12))\n", false, TraceLimits.defaults().withWallMillis(300), false);
        Map<String, Object> ended = (Map<String, Object>) r.get("ended");
        assertEquals("limit", ended.get("reason"), ended.toString());
        assertTrue(((String) ended.get("message")).contains("time limit"));
    }

    @Test
    void eachShownObjectSaysWhichGenerationListItIsOn() {
        Map<String, Object> r = TraceRun.record("gens.py", """
                import gc
                x = [1]
                n = 12345
                gc.collect()
                y = 0
                """, false, TraceLimits.defaults(), false);
        Map<String, Object> before = null, after = null;
        for (Map<String, Object> s : steps(r)) {
            if (!"line".equals(s.get("kind"))) continue;
            if (Integer.valueOf(4).equals(s.get("line"))) before = s;
            if (Integer.valueOf(5).equals(s.get("line"))) after = s;
        }
        Map<String, Object> young = objects(before).stream().filter(o -> o.get("type").equals("list")).findFirst().orElseThrow();
        assertEquals(0, young.get("generation"), "a new list is on generation 0");
        Map<String, Object> old = bySerial(after, young.get("serial"));
        assertEquals(2, old.get("generation"), "a full collection's survivors move to generation 2");
        Map<String, Object> n = objects(after).stream().filter(o -> o.get("type").equals("int") && "12345".equals(o.get("value"))).findFirst().orElseThrow();
        assertNull(n.get("generation"), "an int is not tracked");
    }

    @Test
    void anAbandonedRunGivesItsNativeHeapBack() {
        // sum() over a range checks no interrupt: a second after the time limit the run is abandoned
        java.util.concurrent.atomic.AtomicReference<dev.refheap.lang.vm.Runtime> made = new java.util.concurrent.atomic.AtomicReference<>();
        Map<String, Object> r = TraceRun.record("spin.py", "x = [1, 2]\ny = sum(range(10**12))\n", false,
                TraceLimits.defaults().withWallMillis(300), false, made::set);
        assertEquals("limit", ((Map<String, Object>) r.get("ended")).get("reason"));
        assertEquals(true, ((Map<String, Object>) r.get("ended")).get("abandoned"), r.get("ended").toString());
        assertTrue(made.get().heap().isClosed(), "the abandoned run's arenas and large blocks are unmapped and freed");
        // and a finished run closes its heap as before
        TraceRun.record("ok.py", "x = [1]\n", false, TraceLimits.defaults(), false, made::set);
        assertTrue(made.get().heap().isClosed());
    }

    @Test
    void aHugePowerEndsAtTheTimeLimitAndItsThreadFreesTheHeap() throws Exception {
        // 10**10**7 is one line of pure Java work for seconds: the power checks the interrupt
        // between squarings, and the caller never waits past the give-up point in any case
        java.util.concurrent.atomic.AtomicReference<dev.refheap.lang.vm.Runtime> made = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.CountDownLatch threadDone = new java.util.concurrent.CountDownLatch(1);
        long[] t0 = new long[1];
        Map<String, Object> r = TraceRun.record("pow.py", "x = [1]\ny = 10**10**7\nprint('not reached')\n", false,
                TraceLimits.defaults().withWallMillis(1000), false, rt -> {
                    made.set(rt);
                    t0[0] = System.nanoTime();  // the program's time starts with its runtime made
                }, threadDone::countDown);
        long ms = (System.nanoTime() - t0[0]) / 1_000_000;
        Map<String, Object> ended = (Map<String, Object>) r.get("ended");
        assertEquals("limit", ended.get("reason"), ended.toString());
        assertTrue(((String) ended.get("message")).contains("time limit"), ended.toString());
        assertTrue(ms < 1000 + TraceRun.GIVE_UP_MILLIS + 2000, ms + " ms");
        // what was recorded is kept (how far it got in a second depends on the machine's load)
        assertTrue(steps(r).stream().allMatch(s -> List.of(1, 2, -1).contains(s.get("line"))), steps(r).toString());
        assertFalse(((String) r.get("stdout")).contains("not reached"));
        assertTrue(threadDone.await(300, java.util.concurrent.TimeUnit.SECONDS), "the program's thread ends by itself");
        assertTrue(made.get().heap().isClosed(), "and gives its heap back");
    }

    @Test
    void aProgramThatDoesNotEndIsGivenUpAndTheRecordKept() throws Exception {
        // the program's thread held up past the give-up point (as by one long step of Java work
        // that checks nothing): the caller returns the record anyway, and the thread's end is
        // reported later (the web page admits the next program only then)
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1), threadDone = new java.util.concurrent.CountDownLatch(1);
        long[] t0 = new long[1];
        Map<String, Object> r = TraceRun.record("held.py", "x = 1\n", false, TraceLimits.defaults().withWallMillis(300), false, rt -> {
            t0[0] = System.nanoTime();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, threadDone::countDown);
        long ms = (System.nanoTime() - t0[0]) / 1_000_000;
        Map<String, Object> ended = (Map<String, Object>) r.get("ended");
        assertEquals("limit", ended.get("reason"));
        assertEquals(true, ended.get("abandoned"), ended.toString());
        assertTrue(ms >= 300 + TraceRun.GIVE_UP_MILLIS && ms < 300 + TraceRun.GIVE_UP_MILLIS + 2000, ms + " ms");
        assertEquals(1, threadDone.getCount(), "the thread is still held");
        release.countDown();
        assertTrue(threadDone.await(60, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(steps(r).isEmpty(), "the record given up is not changed afterwards");
    }

    @Test
    void aLongSortOrJoinStopsAtTheTimeLimitInsideTheBuiltin() {
        for (String program : new String[] {"x = sorted(str(i * 7919 % 1000003) for i in range(600000))\nx.sort()\nx.sort(reverse=True)\nx.sort()\n",
                "x = ['ab'] * 3000000\nfor i in range(100):\n    y = ''.join(x)\n"}) {
            Map<String, Object> r = TraceRun.record("long.py", program, false, TraceLimits.defaults().withWallMillis(500), false);
            Map<String, Object> ended = (Map<String, Object>) r.get("ended");
            assertEquals("limit", ended.get("reason"), ended.toString());
        }
    }

    @Test
    void theHeapLimitIsMemoryError() {
        Map<String, Object> r = TraceRun.record("big.py", "x = []\nwhile True:\n    x.append([0] * 1000)\n", false,
                TraceLimits.defaults().withHeapBytes(2L << 20).withWallMillis(300_000), false);
        Map<String, Object> ended = (Map<String, Object>) r.get("ended");
        assertEquals("error", ended.get("reason"), ended.toString());
        assertTrue(((String) ended.get("error")).contains("MemoryError"), ended.toString());
    }

    @Test
    void anErrorEndsWithItsPythonTraceback() {
        Map<String, Object> r = TraceRun.record("err.py", "def f():\n    return 1 / 0\nf()\n", false, TraceLimits.defaults(), false);
        Map<String, Object> ended = (Map<String, Object>) r.get("ended");
        assertEquals("error", ended.get("reason"));
        String tb = (String) ended.get("error");
        assertTrue(tb.startsWith("Traceback (most recent call last):"), tb);
        assertTrue(tb.contains("ZeroDivisionError: division by zero"), tb);
        assertTrue(steps(r).stream().anyMatch(s -> ((List<Map<String, Object>>) s.get("frames")).stream().anyMatch(f -> f.get("name").equals("f()"))));
    }

    @Test
    void sandboxedProgramsCannotWriteMemoryThroughCtypes() {
        Map<String, Object> r = TraceRun.record("w.py", "import ctypes\nx = []\nctypes.c_long.from_address(id(x)).value = 5\n", false, TraceLimits.defaults(), true);
        String tb = (String) ((Map<String, Object>) r.get("ended")).get("error");
        assertTrue(tb.contains("does not let programs write memory through ctypes"), tb);
    }

    @Test
    void sandboxedProgramsGetAClearErrorForFilesSocketsAndProcesses() {
        Map<String, String> expect = new java.util.LinkedHashMap<>();
        expect.put("f = open('/etc/passwd')\n", "PermissionError: refheap serve does not let programs open files: '/etc/passwd'");
        expect.put("import socket\n", "ImportError: refheap serve does not let programs import '_socket'");
        expect.put("import _socket\n", "ImportError: refheap serve does not let programs import '_socket'");
        // os, io and subprocess import these (after modules that do not all import on refheap yet)
        expect.put("import posix\n", "ImportError: refheap serve does not let programs import 'posix'");
        expect.put("from _io import FileIO\n", "ImportError: refheap serve does not let programs import '_io'");
        expect.put("import select\n", "ImportError: refheap serve does not let programs import 'select'");
        expect.put("import _posixsubprocess\n", "ImportError: refheap serve does not let programs import '_posixsubprocess'");
        for (Map.Entry<String, String> e : expect.entrySet()) {
            Map<String, Object> r = TraceRun.record("s.py", e.getKey(), false, TraceLimits.defaults(), true);
            String tb = (String) ((Map<String, Object>) r.get("ended")).get("error");
            assertTrue(tb != null && tb.startsWith("Traceback (most recent call last):") && tb.contains(e.getValue()), e.getKey() + " -> " + tb);
        }
        // outside the sandbox, the same lines are not refused by it
        Map<String, Object> open = TraceRun.record("s.py", "import socket\n", false, TraceLimits.defaults(), false);
        assertFalse(String.valueOf(((Map<String, Object>) open.get("ended")).get("error")).contains("refheap serve"));
    }

    @Test
    void sandboxedProgramsCannotReadFilesThroughImport(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("secretmod.py"), "print('secret')\n");
        String program = "import sys\nsys.path.insert(0, " + "'" + dir + "'" + ")\nimport secretmod\n";
        Map<String, Object> r = TraceRun.record("r.py", program, false, TraceLimits.defaults(), true);
        String tb = (String) ((Map<String, Object>) r.get("ended")).get("error");
        assertTrue(tb != null && tb.contains("refheap serve does not let programs read files"), String.valueOf(tb));
        assertFalse(((String) r.get("stdout")).contains("secret\n"));
        Map<String, Object> open = TraceRun.record("r.py", program, false, TraceLimits.defaults(), false);
        assertTrue(((String) open.get("stdout")).startsWith("secret"), "outside the sandbox the import works: " + open.get("ended"));
    }

    @Test
    void theSeedNotebookRecordsEveryCellAndWritesJson() throws Exception {
        String nb = Files.readString(Path.of("examples/memory-management.ipynb"));
        Map<String, Object> r = TraceRun.record("memory-management.ipynb", nb, true, TraceLimits.defaults(), true);
        assertEquals("finished", ((Map<String, Object>) r.get("ended")).get("reason"), r.get("ended").toString());
        Set<Object> cells = new HashSet<>();
        for (Map<String, Object> s : steps(r)) cells.add(s.get("cell"));
        assertEquals(((List<?>) r.get("cells")).size(), cells.size());
        String json = new ObjectMapper().writeValueAsString(r);
        Map<String, Object> back = new ObjectMapper().readValue(json, Map.class);
        assertEquals(TraceRun.FORMAT, back.get("format"));
        assertEquals(steps(r).size(), ((List<?>) back.get("steps")).size());
        String text = TextTrace.format(r);
        // the explicit gc.collect()'s phases are recorded (which collection it is depends on the automatic ones before
        // it: since ctypes' Structure types are made at `import ctypes`, a generation-0 collection comes first)
        assertTrue(java.util.regex.Pattern.compile("gc generation 2 collection #\\d+: unreachable \\(\\d+\\)").matcher(text).find(),
                text.substring(0, Math.min(2000, text.length())));
        // the ten objects the notebook's cycles leave are found by the collections before and at its explicit one (how
        // they are split between an automatic generation-0 collection and the explicit one depends on the allocations
        // of the imports before it: a new ctypes type moved the split)
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("gc generation \\d collection #\\d+: unreachable \\((\\d+)\\)").matcher(text);
        int found = 0;
        StringBuilder seen = new StringBuilder();
        while (m.find()) {
            found += Integer.parseInt(m.group(1));
            seen.append(m.group()).append('\n');
        }
        assertTrue(found >= 10, "the collections find the notebook's ten unreachable objects:\n" + seen);
    }
}

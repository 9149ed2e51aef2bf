package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Several runtimes in one JVM each use their own heap. */
class RuntimeIsolationTest {

    private static Runtime runtime(ByteArrayOutputStream out) {
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new Runtime(new RuntimeOptions(1L << 30, false, ps, ps));
    }

    /** Builtin type methods were bound to the runtime created last (static state in TypeMethods). */
    @Test
    void bug_typeMethodsBoundToTheLastRuntime() {
        ByteArrayOutputStream out1 = new ByteArrayOutputStream(), out2 = new ByteArrayOutputStream();
        try (Runtime first = runtime(out1); Runtime second = runtime(out2)) {
            first.exec("l = []\nl.append(3)\nd = {}\nd.setdefault('k', l)\nprint(l, d.get('k') is l, 'a,b'.split(','))\n", "first.py");
            second.exec("print([1].count(1))\n", "second.py");
            assertEquals("[3] True ['a', 'b']\n", out1.toString(StandardCharsets.UTF_8));
            assertEquals("1\n", out2.toString(StandardCharsets.UTF_8));
            assertEquals(java.util.List.of(), first.verify(), "the first heap is consistent");
            assertEquals(java.util.List.of(), second.verify(), "the second heap is consistent");
        }
    }

    /** gc.callbacks' info dicts were built with a static list of pending references. */
    @Test
    void gcCallbackInfoIsBalancedPerRuntime() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Runtime rt = runtime(out)) {
            rt.exec("import gc\nseen = []\ngc.callbacks.append(lambda p, i: seen.append((p, i['generation'], i['collected'])))\n"
                    + "x = []\nx.append(x)\ndel x\ngc.collect()\ngc.callbacks.clear()\nprint(seen)\nprint(len(gc.get_stats()))\n", "cb.py");
            assertEquals("[('start', 2, 0), ('stop', 2, 1)]\n3\n", out.toString(StandardCharsets.UTF_8));
            assertEquals(java.util.List.of(), rt.verify());
        }
    }

    /**
     * Closing a runtime ran the program's gc.callbacks in its final collection, after the modules
     * and builtins were released: a frozen program's callback (conformance program
     * bugs/frame_object_made_during_its_own_allocation.py) then freed a descriptor twice. The close
     * collects as CPython's own collections at exit do (_PyGC_CollectNoFail): no callback runs.
     */
    @Test
    void bug_closingARuntimeRunsNoGcCallback() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Runtime rt = runtime(out);
        rt.exec("import gc\nseen = []\ngc.callbacks.append(lambda p, i: seen.append(p) or print('callback', p))\n"
                + "gc.freeze()\nx = []\nx.append(x)\ndel x\ngc.collect()\n", "cb.py");
        assertEquals("callback start\ncallback stop\n", out.toString(StandardCharsets.UTF_8));
        rt.close();
        assertEquals("callback start\ncallback stop\n", out.toString(StandardCharsets.UTF_8), "no callback ran in the close");
    }
}

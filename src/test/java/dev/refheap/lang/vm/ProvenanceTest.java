package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.gc.Provenance;
import dev.refheap.object.IntType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * refheap.holders / why_alive / explain: every reference named, the counts adding up to the
 * refcount in every situation (locals, cells, lists, dicts, attributes, generators, tracebacks,
 * constants, static objects), and the retention paths.
 */
class ProvenanceTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Runtime runtime() {
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new Runtime(new RuntimeOptions(1L << 30, false, ps, ps));
    }

    private String run(String program) {
        try (Runtime rt = runtime()) {
            rt.exec(program, "prov.py");
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static final String CHECK = """
            import sys, refheap
            def check(what, o, *want):
                hs = refheap.holders(o)
                total = sum(c for _, c in hs)
                ok = total == sys.getrefcount(o) - 1
                names = [d for d, _ in hs]
                missing = [w for w in want if not any(w in d for d in names)]
                print(what, ok and not missing, '' if ok and not missing else (hs, sys.getrefcount(o), missing))
            """;

    @Test
    void countsAddUpForEveryKindOfHolder() {
        String o = run(CHECK + """
                x = [1, 2]
                check('global', x, "global 'x' of module '__main__'", "local 'o' in check()")
                lst = [x, x, 3]
                check('list slots', x, 'list[0] of <list', 'list[1] of <list')
                d = {'k': x}
                check('dict value', x, "dict['k'] (value) of <dict")
                key = 'some key'
                dd = {key: 1}
                check('dict key', key, "dict key 'some key'")
                class A:
                    pass
                a = A()
                a.other = x
                check('attribute', x, 'attribute .other of <A object at 0x')
                def outer():
                    v = [7]
                    def g():
                        return v
                    check('cell', v, 'cell of a closure')
                    return g
                g = outer()
                check('closure after return', g.__closure__[0].cell_contents, 'cell of a closure')
                def local_holder():
                    y = [5]
                    check('local', y, "local 'y' in local_holder()")
                local_holder()
                def code_const():
                    return 'a constant str'
                check('code constant', code_const(), 'constant of <code code_const>')
                check('small int', 5, 'the initial count of a static object')
                check('None', None, "the runtime's own reference to a static object", "global '__doc__' of module '__main__'")
                check('module', sys, "sys.modules['sys']")
                def gen():
                    z = [9]
                    yield z
                it = gen()
                zz = next(it)
                check('generator frame', zz, "local 'z' in gen() (suspended generator frame")
                try:
                    def fails():
                        w = [3]
                        raise ValueError(w)
                    fails()
                except ValueError as e:
                    err = e
                check('exception args', err.args[0], 'tuple[0] of <tuple', "local 'w' in fails() (finished frame kept by a frame object")
                m = a.__init__ if False else None
                class B:
                    def meth(self):
                        return self
                b = B()
                bm = b.meth
                check('bound method self', b, '__self__ of <method', "global 'b'")
                cyc = {}
                cyc['me'] = cyc
                check('self cycle', cyc, "dict['me'] (value)")
                check('function', check, "global 'check' of module '__main__'")
                check('class', A, "global 'A' of module '__main__'")
                """);
        for (String line : o.strip().split("\n")) {
            assertTrue(line.contains(" True"), line + "\n--- all:\n" + o);
        }
        assertEquals(18, o.strip().split("\n").length, o);
    }

    @Test
    void theSeedsDictCycleHoldersNameEachOther() {
        try (Runtime rt = runtime()) {
            rt.exec("""
                    d1 = {}
                    d2 = {}
                    d1["d2"] = d2
                    d2["d1"] = d1
                    a1 = id(d1)
                    a2 = id(d2)
                    del d1, d2
                    """, "seed.py");
            Provenance p = RefheapModule.provenance(rt);
            long a1 = IntType.asLong(rt.heap.dicts.getItem(mainGlobals(rt), "a1"));
            long a2 = IntType.asLong(rt.heap.dicts.getItem(mainGlobals(rt), "a2"));
            List<Provenance.Holder> h1 = p.holders(a1);
            assertEquals(1, h1.size(), h1.toString());
            assertEquals("dict['d1'] (value) of <dict at 0x" + Long.toHexString(a2) + ">", h1.get(0).description());
            assertEquals(a2, h1.get(0).holder());
            Provenance.Retention r = p.whyAlive(a1);
            assertFalse(r.reachable());
            assertEquals(2, r.cycle().size(), r.toString());
            assertTrue(p.formatRetention(r).startsWith("unreachable: only kept by a cycle"), p.formatRetention(r));
            assertEquals(2, rt.gc().collect(2));
        }
    }

    @Test
    void anObjectHeldByACycleItIsNotOnShowsTheCycleAndTheChain() {
        try (Runtime rt = runtime()) {
            rt.exec("""
                    class N:
                        pass
                    a = N(); b = N()
                    a.peer = b; b.peer = a
                    a.payload = [1, 2, 3]
                    pid = id(a.payload)
                    del a, b
                    """, "chain.py");
            Provenance p = RefheapModule.provenance(rt);
            long pid = IntType.asLong(rt.heap.dicts.getItem(mainGlobals(rt), "pid"));
            Provenance.Retention r = p.whyAlive(pid);
            assertFalse(r.reachable());
            assertEquals(2, r.cycle().size());
            assertEquals(1, r.path().size());
            assertTrue(r.path().get(0).heldBy().startsWith("attribute .payload of <N object"), r.toString());
        }
    }

    @Test
    void whyAliveIsTheShortestPathFromARoot() {
        String o = run("""
                import refheap
                outer = {'inner': [[42, 'deep']]}
                print(refheap.why_alive(outer['inner'][0]))
                """);
        String[] lines = o.strip().split("\n");
        assertEquals("alive: reachable from a root", lines[0], o);
        assertTrue(lines[1].contains("the globals of <module>"), o);
        assertTrue(lines[2].contains("global 'outer' of module '__main__'"), o);
        assertTrue(lines[3].contains("dict['inner'] (value) of <dict"), o);
        assertTrue(lines[4].contains("list[0] of <list"), o);
        assertEquals(5, lines.length, o);
    }

    @Test
    void explainReportsHoldersPathAndTheArgumentOfGetrefcount() {
        String o = run("""
                import refheap
                x = []
                y = [x]
                refheap.explain(x)
                """);
        assertTrue(o.startsWith("<list at 0x"), o);
        assertTrue(o.contains(": 2 references"), o);
        assertTrue(o.contains("1  global 'x' of module '__main__'"), o);
        assertTrue(o.contains("1  list[0] of <list at 0x"), o);
        assertTrue(o.contains("sys.getrefcount() would say 3: its own argument adds one"), o);
        assertTrue(o.contains("alive: reachable from a root"), o);
    }

    @Test
    void badArgumentsArePythonErrors() {
        String o = run("""
                import refheap
                try:
                    refheap.holders()
                except TypeError as e:
                    print('TypeError', e)
                """);
        assertTrue(o.startsWith("TypeError"), o);
    }

    private static long mainGlobals(Runtime rt) {
        return rt.mainGlobals();
    }
}

package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link AsyncGenerators}: the asend/athrow awaitables, wrapped values and their free lists, the
 * asyncgen hooks; {@link Coroutines.CoroutineWrapperType}; code.replace(co_flags=...).
 */
class AsyncGeneratorsTest {
    private String run(String program) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (Runtime rt = new Runtime(new RuntimeOptions(1L << 30, false, ps, ps))) {
            rt.exec(program, "<test>");
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static final String AGEN = "async def ag():\n    yield 1\n    yield 2\n";

    @Test
    void asendObjectsComeBackFromTheFreeListWithoutCountingAsAllocations() {
        // get_count() is called once first so that its result tuple comes from the tuple free list
        String out = run(AGEN + "import gc\na = ag()\nx = a.asend(None)\nix = id(x)\ndel x\n"
                + "y = a.asend(None)\nprint(id(y) == ix)\ndel y\n"
                + "gc.get_count()\nc0 = gc.get_count()[0]\nz = a.asend(None)\nprint(gc.get_count()[0] - c0)\n"
                + "del z\ngc.collect()\ngc.get_count()\nc0 = gc.get_count()[0]\nw = a.asend(None)\nprint(gc.get_count()[0] - c0)\n");
        assertEquals("True\n0\n1\n", out);  // a full collection empties the free list
    }

    @Test
    void athrowObjectsHaveNoFreeList() {
        String out = run(AGEN + "import gc\na = ag()\nx = a.aclose()\ndel x\n"
                + "gc.get_count()\nc0 = gc.get_count()[0]\ny = a.aclose()\nprint(gc.get_count()[0] - c0)\n");
        assertEquals("1\n", out);
    }

    @Test
    void yieldedValuesComeOutAsStopIterationArguments() {
        String out = run(AGEN + "a = ag()\nfor i in range(3):\n    try:\n        a.asend(None).send(None)\n"
                + "    except StopIteration as e:\n        print('value', e.args)\n    except StopAsyncIteration:\n        print('end')\n");
        assertEquals("value (1,)\nvalue (2,)\nend\n", out);
    }

    @Test
    void hooksAreRootsAndRecordedAtFirstIteration() {
        String out = run(AGEN + "import sys, gc\nfin = []\nhook = fin.append\nsys.set_asyncgen_hooks(finalizer=hook)\n"
                + "a = ag()\nprint(gc.get_referents(a)[0] is hook)\n"
                + "a.__anext__()\nprint(gc.get_referents(a)[0] is hook)\n"
                + "try:\n    a.__anext__().send(None)\nexcept StopIteration:\n    pass\n"
                + "del a\nprint(len(fin), fin[0].ag_frame is not None)\n");
        assertEquals("False\nTrue\n1 True\n", out);
    }

    @Test
    void coroutineAwaitReturnsAWrapper() {
        String out = run("async def c():\n    return 5\nw = c().__await__()\n"
                + "print(type(w).__name__)\ntry:\n    next(w)\nexcept StopIteration as e:\n    print(e.value)\n");
        assertEquals("coroutine_wrapper\n5\n", out);
    }

    @Test
    void codeReplaceChangesOnlyTheFlags() {
        String out = run("def g():\n    yield 1\nc = g.__code__.replace(co_flags=g.__code__.co_flags | 0x100)\n"
                + "print(hex(c.co_flags), c.co_name, c.co_consts is g.__code__.co_consts)\n"
                + "try:\n    g.__code__.replace(co_code=b'\\0\\0')\nexcept NotImplementedError as e:\n    print(e)\n");
        assertEquals("0x123 g True\nrefheap does not support code.replace(co_code=...) with bytecode other than the code's own yet\n", out);
    }

    @Test
    void crOriginRecordsTheCallersUpToTheTrackingDepth() {
        String out = run("import sys\nasync def c(): pass\ndef make():\n    return c()\nx = make()\nprint(x.cr_origin)\n"
                + "sys.set_coroutine_origin_tracking_depth(1)\ny = make()\nprint(y.cr_origin, sys.get_coroutine_origin_tracking_depth())\n"
                + "x.close()\ny.close()\nsys.set_coroutine_origin_tracking_depth(0)\n");
        assertEquals("None\n(('<test>', 4, 'make'),) 1\n", out);
    }
}

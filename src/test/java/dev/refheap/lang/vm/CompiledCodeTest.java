package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.gc.HeapVerificationError;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Code objects compiled to JVM classes (CompiledCode) behave as the interpreter: the same output,
 * tracebacks with the same lines, the same refcounts (the exact check of --gc-stress at every
 * bytecode boundary of the compiled code), exceptions handled in the frame that raised or in
 * its callers, and the instructions the compiled code leaves to the interpreter.
 */
class CompiledCodeTest {
    /** Calls, keyword calls, methods, closures, loops, handlers in the compiled frame and in its caller, a traceback. */
    private static final String PROGRAM = """
            import sys
            class P:
                def __init__(self, x, y=2):
                    self.x = x
                    self.y = y
                def norm(self):
                    return self.x * self.x + self.y * self.y
            def make(depth):
                if depth == 0:
                    return (None, None)
                depth -= 1
                return (make(depth), make(depth))
            def check(node):
                left, right = node
                if left is None:
                    return 1
                return 1 + check(left) + check(right)
            def counter():
                n = 0
                def bump(k=1):
                    nonlocal n
                    n += k
                    return n
                return bump
            def g(y):
                try:
                    return 10 // (y - 3)
                except ZeroDivisionError as e:
                    print("caught", e, sys.exc_info()[0].__name__)
                    raise ValueError("bad") from e
                finally:
                    print("finally", y)
            def gen(n):
                for i in range(n):
                    yield i * i
            def line():
                return sys._getframe(1).f_lineno
            def where():
                a = 1
                b = line()
                return b
            print(check(make(4)), P(3, y=4).norm(), [P(i).norm() for i in range(4)])
            b = counter()
            print(b(), b(k=5), sum(gen(5)), {k: v for k, v in zip("ab", [1, 2])}, f"{b():>4}|")
            for i in range(5):
                try:
                    print(g(i))
                except ValueError as e:
                    print("outer", e, e.__cause__)
            print(where(), sys.getrefcount(P), len([x for x in range(10) if x % 3]))
            class Ctx:
                def __enter__(self):
                    return self
                def __exit__(self, *exc):
                    print("exit", exc[0].__name__)
                    return True
            with Ctx() as c:
                print(1 / 0)
            def deep():
                return check(make(3)) + g(3)
            deep()
            """;

    private record Run(String out, int compiled) {}

    private static Run run(int compileAt, boolean stress) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (Runtime rt = new Runtime(new RuntimeOptions(1L << 30, stress, ps, ps))) {
            rt.interpreter.compileAt = compileAt;
            try {
                rt.exec(PROGRAM, "compiled.py");
                fail("the program ends with an uncaught ValueError");
            } catch (PyException e) {
                ps.print(rt.formatUncaught(e));  // which keeps the exception, as at exit
            }
            assertEquals(List.of(), rt.verify());
            return new Run(out.toString(StandardCharsets.UTF_8), rt.interpreter.compiledCount);
        }
    }

    @Test
    void compiledCodeGivesTheInterpretersOutputAndTracebacks() {
        Run interpreted = run(-1, false), compiled = run(0, false);
        assertEquals(0, interpreted.compiled());
        assertTrue(compiled.compiled() >= 10, "every code object but the generator's: " + compiled.compiled());
        assertEquals(interpreted.out(), compiled.out());
        assertTrue(compiled.out().contains("line 27, in g\n"), compiled.out());
        assertTrue(compiled.out().contains("line 60, in deep\n"), compiled.out());
    }

    @Test
    void compiledAfterSomeRunsGivesTheSameOutput() {
        Run interpreted = run(-1, false), compiled = run(3, false);
        assertTrue(compiled.compiled() > 0 && compiled.compiled() < run(0, false).compiled(), "only code run 4 times or more");
        assertEquals(interpreted.out(), compiled.out());
    }

    @Test
    void theExactCheckHoldsAtEveryBoundaryOfCompiledCode() {
        Run compiled = run(0, true);
        assertEquals(run(-1, false).out(), compiled.out());
    }

    @Test
    void theExactCheckCatchesAFaultInsideACompiledFunction() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (Runtime rt = new Runtime(new RuntimeOptions(1L << 30, true, ps, ps))) {
            rt.interpreter.compileAt = 0;
            HeapVerificationError e = assertThrows(HeapVerificationError.class, () -> rt.exec(
                    "import ctypes\ndef f():\n    x = [1]\n    ctypes.c_ssize_t.from_address(id(x)).value += 1\n    y = [2]\n    print('inside')\nf()\n",
                    "fault.py"));
            assertTrue(e.getMessage().contains("exact check"), e.getMessage());
            assertFalse(out.toString(StandardCharsets.UTF_8).contains("inside"), "caught inside the compiled function");
            assertTrue(rt.interpreter.compiledCount >= 2);
        }
    }

    /**
     * A loop whose backward jump is a POP_JUMP_IF_* (3.11's POP_JUMP_BACKWARD_IF_*) gives the
     * interpreter lock up at the switch interval when compiled too: the compiled code took such
     * jumps without the eval breaker's check, so a thread spinning on a flag another thread sets
     * never let that thread run (threads/switching.py hung with the flag all).
     */
    @Test
    void bug_compiledBackwardConditionalJumpGivesTheLockUp() {
        String program = """
                import sys, threading, time
                sys.setswitchinterval(0.001)
                flags = {'done': False}
                def worker():
                    time.sleep(0.05)
                    flags['done'] = True
                t = threading.Thread(target=worker)
                t.start()
                n = 0
                while not flags['done'] and n < 20000000:
                    n += 1
                print('switched', flags['done'])
                t.join()
                """;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (Runtime rt = new Runtime(new RuntimeOptions(1L << 30, false, ps, ps))) {
            rt.interpreter.compileAt = 0;
            rt.exec(program, "spin.py");
            assertTrue(rt.interpreter.compiledCount >= 2, "the module and worker compiled: " + rt.interpreter.compiledCount);
        }
        assertEquals("switched True\n", out.toString(StandardCharsets.UTF_8));
    }
}

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
            if (compileAt < 0) rt.interpreter.loopAt = -1;
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

    /**
     * Loops a frame enters the compiled code in at their header (the loop's backward jumps
     * counted): in module code, in a function called once, nested, inside try/except/finally
     * and with (a value stack under the loop: the with's exit, the handled exception), in a
     * handler, in a generator (never compiled: its loop stays in the interpreter), with
     * tracebacks, f_lineno, f_lasti and refcounts read after the switch.
     */
    private static final String LOOPS = """
            import sys
            def line():
                return sys._getframe(1).f_lineno
            acc = []
            for i in range(30):
                acc.append(i * i)
                if i == 20:
                    print('module line', line(), sys._getframe().f_lasti > 0)
            print(sum(acc))
            n = 0
            while n < 40:
                n += 3
            print(n, sys.getrefcount(acc))
            def nested():
                out = 0
                for i in range(8):
                    j = 0
                    while j < i:
                        out += i * j
                        j += 1
                return out
            print(nested())
            class Ctx:
                def __enter__(self):
                    return self
                def __exit__(self, *e):
                    print('exit', e[0] and e[0].__name__)
                    return True
            def handlers():
                got = []
                for i in range(12):
                    try:
                        if i % 4 == 3:
                            raise KeyError(i)
                        got.append(10 // (i % 5))
                    except ZeroDivisionError:
                        got.append('z')
                    except KeyError as e:
                        got.append(('k', e.args[0]))
                    finally:
                        got.append('f')
                    with Ctx():
                        for k in range(3):
                            if i == 7 and k == 1:
                                raise ValueError('in with')
                try:
                    raise LookupError('held')
                except LookupError as e:
                    for k in range(6):
                        got.append(str(sys.exc_info()[1]) + str(k))
                return got
            print(handlers())
            def gen(n):
                for i in range(n):
                    yield i * 2
            print(sum(gen(50)), list(gen(5)))
            def fails():
                for i in range(50):
                    if i == 40:
                        return [][i]
            try:
                fails()
            except IndexError as e:
                tb = e.__traceback__
                while tb.tb_next:
                    tb = tb.tb_next
                print('tb', tb.tb_lineno, tb.tb_frame.f_code.co_name, tb.tb_lasti)
            def where():
                seen = []
                for i in range(20):
                    f = sys._getframe()
                    seen.append((f.f_lineno, f.f_lasti))
                return seen[0] == seen[-1], seen[-1]
            print(where())
            def calls():
                t = 0
                for i in range(25):
                    t += nested() + len(line.__name__)
                return t
            print(calls())
            """;

    private static Run runLoops(String program, int loopAt, boolean stress) {
        return runLoops(program, loopAt, stress, dev.refheap.lang.jit.ClassCompiler.MAX_INSTRUCTIONS);
    }

    private static Run runLoops(String program, int loopAt, boolean stress, int limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (Runtime rt = new Runtime(new RuntimeOptions(1L << 30, stress, ps, ps))) {
            rt.interpreter.compileAt = -1;  // compiled only at backward jumps
            rt.interpreter.loopAt = loopAt;
            rt.interpreter.compileLimit = limit;
            rt.exec(program, "loops.py");
            assertEquals(List.of(), rt.verify());
            return new Run(out.toString(StandardCharsets.UTF_8), rt.interpreter.compiledCount);
        }
    }

    @Test
    void framesEnterCompiledCodeAtALoopsHeader() {
        Run interpreted = runLoops(LOOPS, -1, false);
        assertEquals(0, interpreted.compiled());
        assertTrue(interpreted.out().contains("module line 8 True\n"), interpreted.out());
        for (int at : new int[] {1, 2, 5, 17}) {
            Run switched = runLoops(LOOPS, at, false);
            assertEquals(interpreted.out(), switched.out(), "compiled at backward jump " + at);
            // the module, nested, handlers, fails, where, calls (not the generator, never entered)
            assertTrue(switched.compiled() >= 6, "compiled at backward jump " + at + ": " + switched.compiled());
        }
    }

    /**
     * Code longer than the limit has its hot loops compiled on their own (CompiledCode.compilePart):
     * the module's, handlers' (its try/except/with inside the loop, the handler after it outside)
     * and nested's (the outer loop taken in when it fits, else the inner alone), entered at their
     * headers and after their calls, left to the interpreter where control leaves them.
     */
    @Test
    void loopsOfLongCodeAreCompiledOnTheirOwn() {
        Run interpreted = runLoops(LOOPS, -1, false);
        for (int limit : new int[] {12, 25, 40, 90}) {
            for (int at : new int[] {1, 3}) {
                Run parts = runLoops(LOOPS, at, false, limit);
                assertEquals(interpreted.out(), parts.out(), "limit " + limit + ", compiled at backward jump " + at);
                assertTrue(parts.compiled() >= (limit < 20 ? 1 : 4), "limit " + limit + ", at " + at + ": " + parts.compiled());
            }
            assertEquals(interpreted.out(), runLoops(LOOPS, 2, true, limit).out(), "the exact check, limit " + limit);
        }
    }

    @Test
    void theExactCheckHoldsAcrossTheSwitchAtALoopsHeader() {
        String expected = runLoops(LOOPS, -1, false).out();
        for (int at : new int[] {1, 3}) assertEquals(expected, runLoops(LOOPS, at, true).out(), "compiled at backward jump " + at);
    }

    /** A traced frame never switches: the tracer sees each line of every iteration, as interpreted; a frame that switched before the tracer was set goes on in the compiled code with the same events. */
    @Test
    void aTracedFrameStaysInTheInterpreterAtALoopsHeader() {
        String program = """
                import sys
                events = []
                def tracer(frame, event, arg):
                    if frame.f_code.co_name == 'loop':
                        events.append((event, frame.f_lineno))
                    return tracer
                def loop(n):
                    t = 0
                    for i in range(n):
                        t += i
                    return t
                print(loop(40))
                sys.settrace(tracer)
                print(loop(10))
                for i in range(30):
                    if i == 20:
                        sys.settrace(None)
                sys.settrace(None)
                print(events)
                def late():
                    t = 0
                    for i in range(30):
                        if i == 10:
                            sys._getframe().f_trace = tracer
                            sys.settrace(tracer)
                        t += i
                    sys.settrace(None)
                    return t
                print(late(), len(events))
                """;
        Run interpreted = runLoops(program, -1, false);
        assertTrue(interpreted.out().contains("('line', 10)"), interpreted.out());
        for (int at : new int[] {1, 4}) assertEquals(interpreted.out(), runLoops(program, at, false).out(), "compiled at backward jump " + at);
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

    /**
     * Code whose compiled method would pass the JVM's 64 KiB of bytecode (a module body of 1,400
     * instructions, a third of them CALLs, with all's limit of 1,500) stays interpreted: it was
     * an internal error ("Code length ... is outside the allowed range").
     */
    @Test
    void bug_codeTooLongForOneJvmMethodStaysInterpreted() {
        StringBuilder program = new StringBuilder("def f(a, b):\n    return a + b\nt = 0\n");
        for (int i = 0; i < 200; i++) program.append("t = f(t, f(").append(i).append(", 1))\n");
        program.append("print(t)\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (Runtime rt = new Runtime(new RuntimeOptions(1L << 30, false, ps, ps))) {
            rt.interpreter.compileAt = 0;
            rt.exec(program.toString(), "long.py");
            assertTrue(rt.interpreter.compiledCount >= 1, "f compiled: " + rt.interpreter.compiledCount);
        }
        assertEquals("20100\n", out.toString(StandardCharsets.UTF_8));
    }

    /**
     * A compiled CALL site runs its compiled callee itself (Interpreter.callCompiled): an exception
     * raised in the callee and handled there, one passing through it to the caller's handler, a
     * callee that stops where the interpreter goes on (it iterates a generator) and the recursion
     * limit reached through nested callees give the interpreter's output, with the exact check at
     * every boundary.
     */
    @Test
    void compiledCalleesRunByTheirCallerAsInterpreted() {
        String program = """
                import sys
                def leaf(x):
                    if x < 0:
                        raise ValueError(x)
                    return x + 1
                def handles(x):
                    try:
                        return leaf(x)
                    except ValueError as e:
                        return -100
                def passes(x):
                    return leaf(x) * 2
                def gen(n):
                    yield from range(n)
                def uses_gen(n):
                    return sum([v for v in gen(n)])
                def depth(n):
                    return 0 if n == 0 else depth(n - 1) + 1
                out = []
                for i in range(-3, 4):
                    out.append(handles(i))
                    try:
                        out.append(passes(i))
                    except ValueError as e:
                        out.append(('caught', e.args[0], e.__traceback__.tb_next.tb_frame.f_code.co_name,
                                    e.__traceback__.tb_next.tb_next.tb_lineno))
                    out.append(uses_gen(i + 3))
                sys.setrecursionlimit(120)
                try:
                    depth(500)
                except RecursionError as e:
                    out.append(str(e))
                print(out, depth(100))
                """;
        String expected = null;
        for (int at : new int[] {-1, 0, 2}) {
            for (boolean stress : new boolean[] {false, true}) {
                String got = runCompiledAt(program, "nested.py", at, stress);
                if (expected == null) expected = got;
                assertEquals(expected, got, "compiled at run " + at + (stress ? ", the exact check" : ""));
            }
        }
        assertTrue(expected.contains("maximum recursion depth exceeded"), expected);
        assertTrue(expected.contains("('caught', -1, 'passes', 4)"), expected);
    }

    /**
     * Python code called from Java (a class call's __init__, __del__ from a refcount's end and from
     * the collector, __eq__/__hash__ from a dict, __getattr__, __next__ from sum) runs its compiled
     * code directly (Interpreter.executeCompiled): the output, tracebacks and f_back, exceptions
     * handled in the callee or passing out of it, a callee stopping where the interpreter goes on
     * (it iterates a generator) and the recursion limit through __init__ are the interpreter's,
     * with the exact check at every boundary.
     */
    @Test
    void compiledCodeCalledFromJavaRunsAsInterpreted() {
        String program = """
                import gc, sys
                log = []
                class Res:
                    def __init__(self, tag, cyc=False):
                        self.tag = tag
                        if cyc:
                            self.me = self
                    def __del__(self):
                        log.append(self.tag)
                class Key:
                    def __init__(self, v):
                        self.v = v
                    def __eq__(self, other):
                        return self.v == other.v
                    def __hash__(self):
                        return self.v & 3
                class Lazy:
                    def __getattr__(self, name):
                        if name == 'bad':
                            raise AttributeError(name)
                        return len(name)
                class Count:
                    def __init__(self, n):
                        self.i, self.n = 0, n
                    def __iter__(self):
                        return self
                    def __next__(self):
                        if self.i >= self.n:
                            raise StopIteration
                        self.i += 1
                        return sum(v for v in range(self.i))
                class Fails:
                    def __init__(self, x):
                        try:
                            1 // (x % 3)
                        except ZeroDivisionError:
                            raise ValueError(x)
                        self.back = sys._getframe(1).f_code.co_name
                class Deep:
                    def __init__(self, n):
                        self.child = Deep(n - 1) if n else None
                out = []
                for i in range(6):
                    Res(i)
                    Res(('c', i), True)
                    d = {Key(k): k for k in range(8)}
                    out.append((len(d), d[Key(5)], Lazy().abc, getattr(Lazy(), 'bad', -1), sum(Count(i))))
                    try:
                        out.append(Fails(i).back)
                    except ValueError as e:
                        out.append(('caught', e.args[0], e.__traceback__.tb_next.tb_frame.f_code.co_name))
                gc.collect()
                sys.setrecursionlimit(120)
                try:
                    Deep(500)
                except RecursionError as e:
                    out.append(str(e))
                print(out, log, Deep(50).child is not None)
                """;
        // the stress mode's collection at every allocation finds each cycle as soon as it is made:
        // the finalizers' order differs from a normal run's, so each mode has its own expectation
        String expected = null, expectedStress = null;
        for (int at : new int[] {-1, 0, 2}) {
            for (boolean stress : new boolean[] {false, true}) {
                String got = runCompiledAt(program, "fromjava.py", at, stress);
                if (stress) {
                    if (expectedStress == null) expectedStress = got;
                    assertEquals(expectedStress, got, "compiled at run " + at + ", the exact check");
                } else {
                    if (expected == null) expected = got;
                    assertEquals(expected, got, "compiled at run " + at);
                }
            }
        }
        assertTrue(expected.contains("maximum recursion depth exceeded"), expected);
        assertTrue(expected.contains("('caught', 3, '__init__')"), expected);
        assertTrue(expectedStress.contains("[0, ('c', 0), 1, ('c', 1)"), expectedStress);
        assertTrue(expected.contains("('c', 5)]"), expected);
    }

    /**
     * The output of {@code program} run as {@code file}, its code compiled at its run number {@code at}
     * (-1: never, loops neither), under the stress mode's exact check or not; the heap verified after.
     */
    private static String runCompiledAt(String program, String file, int at, boolean stress) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (Runtime rt = new Runtime(new RuntimeOptions(1L << 30, stress, ps, ps))) {
            rt.interpreter.compileAt = at;
            if (at < 0) rt.interpreter.loopAt = -1;
            rt.exec(program, file);
            assertEquals(List.of(), rt.verify());
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}

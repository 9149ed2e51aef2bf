package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Threads and the interpreter lock ({@link Threads}, {@link Gil}): hand-over without blocking
 * calls, the switch interval, the exit's join of non-daemon threads and its leaving daemon ones,
 * Ctrl-C ending a wait for ever, a thread's state released when it ends.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ThreadsTest {
    private record Run(Runtime rt, ByteArrayOutputStream out) {
        String text() { return out.toString(StandardCharsets.UTF_8); }
    }

    private static Run runtime(boolean stress) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new Run(new Runtime(new RuntimeOptions(1L << 30, stress, ps, ps)), out);
    }

    private static String run(String program, boolean stress) {
        Run r = runtime(stress);
        try (Runtime rt = r.rt()) {
            rt.exec(program, "<test>");
        }
        return r.text();
    }

    @Test
    void switchIntervalIsThreeElevensDefaultAndSettable() {
        assertEquals("0.005\n9.999999999999999e-05\n0.0\nValueError\n", run("import sys\nprint(sys.getswitchinterval())\nsys.setswitchinterval(1e-4)\n"
                + "print(sys.getswitchinterval())\nsys.setswitchinterval(1e-9)\nprint(sys.getswitchinterval())\ntry:\n    sys.setswitchinterval(-1)\nexcept ValueError:\n    print('ValueError')\n", false));
    }

    @Test
    void aSpinningThreadGivesTheLockUpAtItsSwitchInterval() {
        // neither loop blocks: each makes progress only because the other drops the lock on request
        assertEquals("True\n", run("import _thread\nstate = {'go': False, 'seen': False}\n"
                + "def spin():\n    while not state['go']:\n        pass\n    state['seen'] = True\n"
                + "_thread.start_new_thread(spin, ())\nstate['go'] = True\nwhile not state['seen']:\n    pass\n"
                + "print(state['seen'])\n", false));
    }

    @Test
    void exitJoinsNonDaemonThreadsThenRunsAtexitAndLeavesDaemonThreads() {
        Run r = runtime(false);
        try (Runtime rt = r.rt()) {
            rt.exec("import threading, time, atexit\natexit.register(print, 'atexit')\n"
                    + "def slow():\n    time.sleep(0.05)\n    print('worker done')\n"
                    + "def forever():\n    while True:\n        pass\n"
                    + "threading.Thread(target=forever, daemon=True).start()\nthreading.Thread(target=slow).start()\nprint('main end')\n",
                    "<test>");
            rt.finalizeAtExit(null);
        }
        assertEquals("main end\nworker done\natexit\n", r.text());
    }

    @Test
    void ctrlCEndsAWaitForEverWithKeyboardInterrupt() throws Exception {
        Run r = runtime(false);
        try (Runtime rt = r.rt()) {
            Thread interrupter = Thread.ofPlatform().daemon().start(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
                rt.interrupt();
            });
            rt.exec("import _thread\nl = _thread.allocate_lock()\nl.acquire()\ntry:\n    l.acquire()\n"
                    + "except KeyboardInterrupt:\n    print('KeyboardInterrupt')\n", "<test>");
            interrupter.join();
        }
        assertEquals("KeyboardInterrupt\n", r.text());
    }

    @Test
    void aThreadsStateDictAndWhatItsLocalsHeldAreReleasedWhenItEnds() {
        assertEquals("in thread\ndel\njoined\n", run("import threading\nclass D:\n    def __del__(self): print('del')\n"
                + "loc = threading.local()\ndef f():\n    loc.d = D()\n    print('in thread')\n"
                + "t = threading.Thread(target=f)\nt.start()\nt.join()\nprint('joined')\n", false));
    }

    @Test
    void threadsKeepTheHeapConsistentUnderStress() {
        assertEquals("[10, 10, 10]\n", run("import threading, gc\nlock = threading.Lock()\nout = []\n"
                + "def f():\n    xs = []\n    for i in range(10):\n        a = [i]; a.append(a); xs.append(a)\n    gc.collect()\n"
                + "    with lock:\n        out.append(len(xs))\n"
                + "ts = [threading.Thread(target=f) for _ in range(3)]\nfor t in ts: t.start()\nfor t in ts: t.join()\nprint(out)\n", true));
    }

    @Test
    void aCountOfRunningThreadsAndIdentsOfTheirOwn() {
        String out = run("import _thread\nl = _thread.allocate_lock(); l.acquire()\ngo = _thread.allocate_lock(); go.acquire()\nids = []\n"
                + "def f():\n    ids.append(_thread.get_ident())\n    l.release()\n    go.acquire()\n"
                + "_thread.start_new_thread(f, ())\nl.acquire()\nprint(_thread._count(), ids[0] != _thread.get_ident())\ngo.release()\n"
                + "while _thread._count():\n    pass\nprint(_thread._count())\n", false);
        assertTrue(out.equals("1 True\n0\n"), out);
    }
}

package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link SignalModule}: the start-up handler table, real dispositions, and the process's signals given back at close. */
class SignalModuleTest {
    @Test
    void handlersStartAsCPythonsAndChangeForReal() {
        // python3 3.11.7 printed the same (SIGTERM's default action, then ignored)
        assertEquals("True 1 0 None\n0\n0\n1\n",
                NativeModuleRun.run("import _signal as s\nprint(s.getsignal(2) is s.default_int_handler, s.getsignal(13), s.getsignal(15), s.getsignal(32))\n"
                        + "print(s.signal(15, 0))\nprint(s.signal(15, 1))\nprint(s.getsignal(15))\n"));
    }

    @Test
    void bug_closingARuntimeGivesBackTheSignalsItSet() {
        // a runtime that ignored SIGTERM and SIGUSR1 is closed: the next one finds them as the process had them
        NativeModuleRun.run("import _signal as s\ns.signal(15, 1)\ns.signal(10, 1)\n");
        assertEquals("0 0\n", NativeModuleRun.run("import _signal as s\nprint(s.getsignal(15), s.getsignal(10))\n"));
    }

    @Test
    void aSignalTheJvmKeepsIsRefusedByName() {
        assertEquals("refheap cannot set the handler of signal 3 (SIGQUIT): the JVM refheap runs in keeps it for itself\n",
                NativeModuleRun.run("import _signal as s\ntry:\n    s.signal(3, lambda *a: None)\nexcept NotImplementedError as e:\n    print(e)\n"));
    }
}

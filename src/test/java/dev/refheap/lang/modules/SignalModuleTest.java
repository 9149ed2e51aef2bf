package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link SignalModule}: the start-up handler table, restoring a handler, and refusing a change by name. */
class SignalModuleTest {
    @Test
    void handlersStartAsCPythonsAndOnlyRestoring() {
        assertEquals("True 1 0 None\n0\nrefheap does not support changing signal handlers yet (signal.signal(15, 1): the JVM owns the process's signals)\n",
                NativeModuleRun.run("import _signal as s\nprint(s.getsignal(2) is s.default_int_handler, s.getsignal(13), s.getsignal(15), s.getsignal(32))\n"
                        + "print(s.signal(15, 0))\ntry:\n    s.signal(15, 1)\nexcept NotImplementedError as e:\n    print(e)\n"));
    }
}

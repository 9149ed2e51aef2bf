package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** tp_subclasses: the registry of each type's subclasses, by weak reference. */
class SubclassesTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Runtime runtime() {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new Runtime(new RuntimeOptions(1L << 30, false, o, o));
    }

    @Test
    void subclassesAreListedUntilTheyDie() {
        try (Runtime rt = runtime()) {
            rt.exec("import gc\nclass A: pass\nclass B(A): pass\nclass C(A): pass\nprint(len(A.__subclasses__()))\n"
                    + "del B\ngc.collect()\nprint([k.__name__ for k in A.__subclasses__()])\n", "t.py");
            assertEquals(java.util.List.of(), rt.verify());
        }
        assertEquals("2\n['C']\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void bug_classesFreedAtCloseAfterTheirBuiltinBasesRegistryWasReleased() {
        // Closing released the builtin types' subclasses dicts first; classes in cycles freed by the
        // final collection then removed their entries from the freed dicts (a weakref decref'd twice).
        Runtime rt = runtime();
        rt.exec("class E(Exception): pass\nclass C: pass\nC.me = C\nE.me = E\n", "t.py");
        assertDoesNotThrow(rt::close);
    }

    @Test
    void objectAndTupleListTheInterpretersTypesThenTheProgramsClasses() {
        try (Runtime rt = runtime()) {
            rt.exec("import gc\nclass P: pass\nclass Q(tuple): pass\ns = object.__subclasses__()\n"
                    + "print(s[0] is type, dict in s, s[-1] is P, tuple.__subclasses__()[-1] is Q)\n"
                    + "del P, s\ngc.collect()\nprint([c for c in object.__subclasses__() if c.__name__ == 'P'])\n", "t.py");
            assertEquals(java.util.List.of(), rt.verify());
        }
        assertEquals("True True True True\n[]\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void bug_nativeModuleTypesHadNoSubclassWeakref() {
        // PyType_Ready's add_subclass was made for the constructor's types only: a native module's
        // type or struct sequence registered at its import had no weak reference in its base's dict
        try (Runtime rt = runtime()) {
            rt.exec("import _thread, time, weakref, gc\n"
                    + "print(weakref.getweakrefcount(_thread.RLock), weakref.getweakrefcount(time.struct_time))\n"
                    + "r = weakref.getweakrefs(_thread.RLock)[0]\nprint(r() is _thread.RLock, gc.is_tracked(r))\n", "t.py");
            assertEquals(java.util.List.of(), rt.verify());
        }
        assertEquals("1 1\nTrue True\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void bug_structSequenceTypesLackedNewInTheirDict() {
        try (Runtime rt = runtime()) {
            rt.exec("import os, sys\nprint(list(os.terminal_size.__dict__)[:2], '__new__' in type(sys.flags).__dict__)\n"
                    + "print(os.terminal_size.__new__(os.terminal_size, (80, 24)))\n", "t.py");
            assertEquals(java.util.List.of(), rt.verify());
        }
        assertEquals("['__new__', '__repr__'] False\nos.terminal_size(columns=80, lines=24)\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void classFlagsFollowTheVersionTagAndAbstractMethods() {
        try (Runtime rt = runtime()) {
            rt.exec("class A: pass\nprint(hex(A.__flags__))\nA().x = 1\nprint(hex(A.__flags__))\nA.y = 2\n"
                    + "A.__abstractmethods__ = {1}\nprint(hex(A.__flags__))\nclass L(list): pass\nprint(hex(L.__flags__))\n", "t.py");
        }
        assertEquals("0x5610\n0x85610\n0x105610\n0x2405630\n", out.toString(StandardCharsets.UTF_8));
    }
}

package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The static types CPython's start-up readies that refheap makes without objects: readied, never instantiated. */
class UnmodelledStaticTypeTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Runtime runtime() {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new Runtime(new RuntimeOptions(1L << 30, false, o, o));
    }

    private static final String FIND = "def find(base, name):\n    return [c for c in base.__subclasses__() if c.__name__ == name][0]\n";

    @Test
    void readiedWithTheirDescriptorsLayoutAndSubclassWeakref() {
        try (Runtime rt = runtime()) {
            rt.exec("import gc, weakref\n" + FIND
                    + "t = find(object, 'stderrprinter')\n"
                    + "print(t.__module__, t.__qualname__, t.__basicsize__, t.__flags__ & ~(1 << 19), weakref.getweakrefcount(t))\n"
                    + "print([(k, type(v).__name__) for k, v in t.__dict__.items() if k != '__doc__'][:3], all(gc.is_tracked(v) for k, v in t.__dict__.items() if k != '__doc__'))\n"
                    + "b = find(type(len), 'builtin_method')\nprint(b.__base__ is type(len), b.__basicsize__, b.__weakrefoffset__)\n"
                    + "s = find(object, 'symtable entry')\nprint(repr(s.__name__), [k for k in s.__dict__][:4])\n", "t.py");
            assertEquals(java.util.List.of(), rt.verify());
        }
        assertEquals("builtins stderrprinter 24 4480 1\n"
                + "[('__repr__', 'wrapper_descriptor'), ('__getattribute__', 'wrapper_descriptor'), ('close', 'method_descriptor')] True\n"
                + "True 64 40\n'symtable entry' ['__repr__', '__getattribute__', 'id', 'name']\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void noObjectCanBeMadeOrDescribed() {
        try (Runtime rt = runtime()) {
            rt.exec(FIND + "for n in ('stderrprinter', 'InterpreterID', 'PickleBuffer'):\n"
                    + "    t = find(object, n)\n"
                    + "    try:\n        t()\n    except Exception as e:\n        print(type(e).__name__, e)\n"
                    + "try:\n    find(object, 'PickleBuffer').raw(42)\nexcept TypeError as e:\n    print(e)\n", "t.py");
        }
        assertEquals("TypeError cannot create 'stderrprinter' instances\n"
                + "NotImplementedError refheap does not support InterpreterID objects yet\n"
                + "NotImplementedError refheap does not support pickle.PickleBuffer objects yet\n"
                + "descriptor 'raw' for 'pickle.PickleBuffer' objects doesn't apply to a 'int' object\n", out.toString(StandardCharsets.UTF_8));
    }
}

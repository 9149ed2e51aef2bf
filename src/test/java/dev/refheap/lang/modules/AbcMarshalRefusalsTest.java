package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What _abc and marshal refuse by name where CPython would answer: marshal of code objects (both
 * ways), and setting an attribute on {@code _abc._abc_data}, a heap type CPython leaves mutable.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AbcMarshalRefusalsTest {
    @Test
    void marshalOfCodeObjectsIsRefusedBothWays() {
        assertEquals("refheap does not support marshal of code objects yet\nrefheap does not support marshal of code objects yet\n",
                NativeModuleRun.run("import marshal\ntry:\n    marshal.dumps((lambda: 0).__code__)\nexcept NotImplementedError as e:\n    print(e)\n"
                        + "try:\n    marshal.loads(b'\\xe3' + bytes(40))\nexcept NotImplementedError as e:\n    print(e)\n"));
    }

    @Test
    void settingAnAttributeOfTheMutableAbcDataTypeIsRefusedByName() {
        assertEquals("refheap does not support setting or deleting attributes of the type '_abc._abc_data' yet\n"
                        + "cannot set 'x' attribute of immutable type 'int'\n",
                NativeModuleRun.run("import abc\nclass A(abc.ABC): pass\nfor t in (type(A._abc_impl), int):\n    try:\n        t.x = 1\n"
                        + "    except (NotImplementedError, TypeError) as e:\n        print(e)\n"));
    }

    /** Each _abc_data held its type twice (the heap's heap-type reference and its own), one unreported. */
    @Test
    void bug_abcDataInstancesHoldTheirTypeOnce() {
        String program = "import abc, sys\nt = type(abc.ABC._abc_impl)\nbefore = sys.getrefcount(t)\n"
                + "class A(abc.ABC): pass\nprint(sys.getrefcount(t) - before)\ndel A\nimport gc\ngc.collect()\n"
                + "print(sys.getrefcount(t) - before)\nimport weakref\n";
        assertEquals("1\n0\n", NativeModuleRun.run(program, true));
    }
}

package dev.refheap.lang.vm;

import static dev.refheap.lang.modules.NativeModuleRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The type object of a class defined in Python ({@link ClassType}): it owns tp_base (best_base, a
 * counted reference) besides its dict, mro and bases, and type_traverse visits dict, mro, bases,
 * base in that order (also the collector's order), under --gc-stress too.
 */
class ClassTypeObjectTest {
    private static final String PROGRAM = "import gc, sys\n"
            + "def show(c):\n"
            + "    out = []\n"
            + "    for r in gc.get_referents(c):\n"
            + "        out.append('mro' if r is c.__mro__ else 'bases' if r is c.__bases__ else r.__name__ if isinstance(r, type) else type(r).__name__)\n"
            + "    print(c.__name__, ' '.join(out))\n"
            + "class A: pass\n"
            + "n = sys.getrefcount(A)\n"
            + "class B(A): pass\n"
            + "print(sys.getrefcount(A) - n)\n"
            + "show(A); show(B)\n"
            + "class M(type): pass\n"
            + "class S:\n"
            + "    __slots__ = ('s',)\n"
            + "class C(B, S, metaclass=M): pass\n"
            + "show(C)\n"
            + "print(C.__base__.__name__)\n"
            + "del C\n"
            + "gc.collect()\n"
            + "print(sys.getrefcount(B), sys.getrefcount(S))\n";

    private static final String EXPECTED = "3\n"
            + "A dict mro bases object\n"
            + "B dict mro bases A\n"
            + "C M dict mro bases S\n"
            + "S\n"
            + "3 4\n";

    @Test
    void aClassVisitsDictMroBasesAndBaseAndOwnsItsBase() {
        assertEquals(EXPECTED, run(PROGRAM));
    }

    @Test
    void theSameUnderGcStress() {
        assertEquals(EXPECTED, run(PROGRAM, true));
    }
}

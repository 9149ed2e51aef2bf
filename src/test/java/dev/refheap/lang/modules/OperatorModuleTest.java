package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** _operator: the getters' layouts and traversal, and operator.py taking the native functions. */
class OperatorModuleTest {
    @Test
    void gettersAreHeapTypesWithCPythonSizes() {
        assertEquals("64 56 56 True\n", NativeModuleRun.run("import _operator as O, sys, gc\n"
                + "g = O.itemgetter(1)\nprint(sys.getsizeof(g), sys.getsizeof(O.attrgetter('a')), sys.getsizeof(O.methodcaller('m')),"
                + " gc.get_referents(g)[0] is O.itemgetter)\n"));
    }

    @Test
    void operatorModuleUsesTheNativeFunctions() {
        assertEquals("True True 3\n", NativeModuleRun.run("import operator, _operator\n"
                + "print(operator.add is _operator.add, operator.attrgetter is _operator.attrgetter, operator.add(1, 2))\n"));
    }

    @Test
    void dottedAttrgetterWalksTheChain() {
        assertEquals("(5, 'x')\n", NativeModuleRun.run("import _operator as O\nclass A: pass\n"
                + "a = A(); a.b = A(); a.b.c = 5; a.d = 'x'\nprint(O.attrgetter('b.c', 'd')(a))\n"));
    }
}

package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** lang.vm.ObjectReduce (object.__reduce_ex__'s _common_reduce): a plain instance's newobj reduction and copy.copy over it. */
class ObjectReduceTest {
    @Test
    void plainInstanceReducesToNewobjAndItsDict() {
        assertEquals("True ((<class '__main__.P'>,), {'a': 1}, None, None) 1 True\n", NativeModuleRun.run("import copy, copyreg\n"
                + "class P:\n    def __init__(self): self.a = 1\n"
                + "p = P(); r = p.__reduce_ex__(4); q = copy.copy(p)\n"
                + "print(r[0] is copyreg.__newobj__, r[1:], q.a, type(q) is P)\n"));
    }

    @Test
    void builtinSubclassReducesWithItsItems() {
        // since session 24 a list subclass's instance is reduced as CPython's: no args, its dict as
        // state, its items as an iterator (it was refused by name)
        assertEquals("((<class '__main__.L'>,), {'x': 2}) [1, 2] None True\n", NativeModuleRun.run(
                "import copy, copyreg\nclass L(list):\n    pass\nl = L([1, 2]); l.x = 2\nr = object.__reduce_ex__(l, 4)\n"
                + "print(r[1:3], list(r[3]), r[4], r[0] is copyreg.__newobj__)\n"));
    }
}

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
    void builtinSubclassIsRefusedByName() {
        assertEquals("refheap does not support object.__reduce_ex__ of 'L' objects yet\n", NativeModuleRun.run(
                "class L(list):\n    pass\ntry:\n    object.__reduce_ex__(L(), 4)\nexcept NotImplementedError as e:\n    print(e)\n"));
    }
}

package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.refheap.lang.bytecode.Opcode;
import org.junit.jupiter.api.Test;

/** The interpreter switches on {@link Op}'s int constants: each must be its opcode's ordinal. */
class OpTest {
    @Test
    void everyOpcodeHasItsOrdinal() {
        assertDoesNotThrow(Op::check);
        assertEquals(Opcode.LOAD_FAST.ordinal(), Op.LOAD_FAST);
        assertEquals(Opcode.values().length - 1, Op.class.getDeclaredFields().length - 1);
    }
}

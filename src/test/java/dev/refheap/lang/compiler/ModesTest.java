package dev.refheap.lang.compiler;

import dev.refheap.lang.ast.Special;
import dev.refheap.lang.bytecode.CodeUnit;
import dev.refheap.lang.bytecode.CodeUnit.ConstTuple;
import dev.refheap.lang.bytecode.Opcode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three compile modes, and the sharing of equal constants across the code units of one compilation. */
class ModesTest {
    static List<Opcode> ops(CodeUnit c) {
        List<Opcode> out = new ArrayList<>();
        for (int i = 0; i < c.instructionCount(); i++) {
            out.add(c.opcode(i));
        }
        return out;
    }

    @Test
    void execPopsAndReturnsNone() {
        CodeUnit c = Compiler.compile("x = 1\nx + 1\n", "t.py", Compiler.Mode.EXEC);
        assertEquals(List.of(Opcode.LOAD_CONST, Opcode.STORE_NAME, Opcode.LOAD_NAME, Opcode.LOAD_CONST,
                Opcode.BINARY_OP, Opcode.POP_TOP, Opcode.LOAD_CONST, Opcode.RETURN_VALUE), ops(c));
        assertEquals(Special.None, c.consts().get(c.arg(c.instructionCount() - 2)));
    }

    @Test
    void cellDisplaysOnlyTheLastExpression() {
        CodeUnit c = Compiler.compile("x = 1\nx + 1\nx * 2\n", "t.py", Compiler.Mode.CELL);
        List<Opcode> ops = ops(c);
        assertEquals(1, ops.stream().filter(o -> o == Opcode.DISPLAY_RESULT).count());
        assertEquals(Opcode.DISPLAY_RESULT, ops.get(ops.size() - 3));
        assertEquals(Opcode.POP_TOP, ops.get(5));
    }

    @Test
    void cellDisplaysALoneStringInsteadOfMakingItTheDocstring() {
        CodeUnit c = Compiler.compile("'hello'\n", "t.py", Compiler.Mode.CELL);
        assertEquals(List.of(Opcode.LOAD_CONST, Opcode.DISPLAY_RESULT, Opcode.LOAD_CONST, Opcode.RETURN_VALUE),
                ops(c));
        assertFalse(c.names().contains("__doc__"));
    }

    @Test
    void cellEndingWithAStatementDisplaysNothing() {
        CodeUnit c = Compiler.compile("x = 1\n", "t.py", Compiler.Mode.CELL);
        assertFalse(ops(c).contains(Opcode.DISPLAY_RESULT));
    }

    @Test
    void evalReturnsTheValue() {
        CodeUnit c = Compiler.compile("a + 2 ** 10", "t.py", Compiler.Mode.EVAL);
        assertEquals(List.of(Opcode.LOAD_NAME, Opcode.LOAD_CONST, Opcode.BINARY_OP, Opcode.RETURN_VALUE), ops(c));
        assertEquals(1024L, c.consts().get(0));
    }

    @Test
    void equalConstantsAreOneObjectAcrossUnits() {
        CodeUnit m = Compiler.compile("""
                a = 'shared' + '!'
                t = (1, 2)
                def f():
                    return 'shared!', (1, 2), 100000
                def g():
                    return 100000, 1.0, 1
                """, "t.py", Compiler.Mode.EXEC);
        CodeUnit f = (CodeUnit) m.consts().stream().filter(x -> x instanceof CodeUnit cu && cu.name().equals("f"))
                .findFirst().orElseThrow();
        CodeUnit g = (CodeUnit) m.consts().stream().filter(x -> x instanceof CodeUnit cu && cu.name().equals("g"))
                .findFirst().orElseThrow();
        assertSame(m.consts().get(0), find(f, "shared!"));
        ConstTuple tm = (ConstTuple) m.consts().stream().filter(x -> x instanceof ConstTuple).findFirst().orElseThrow();
        ConstTuple returned = (ConstTuple) f.consts().stream().filter(x -> x instanceof ConstTuple).findFirst()
                .orElseThrow();
        assertSame(tm, returned.items().get(1));
        assertSame(find(f, 100000L), find(g, 100000L));
        ConstTuple tg = (ConstTuple) g.consts().stream().filter(x -> x instanceof ConstTuple).findFirst()
                .orElseThrow();
        assertEquals(List.of(100000L, 1.0, 1L), tg.items(), "1 and 1.0 stay distinct");
    }

    private static Object find(CodeUnit c, Object value) {
        for (Object x : c.consts()) {
            if (x instanceof ConstTuple t) {
                for (Object y : t.items()) {
                    if (value.equals(y)) {
                        return y;
                    }
                }
            }
            if (value.equals(x)) {
                return x;
            }
        }
        throw new AssertionError(value + " not in " + c.consts());
    }

    @Test
    void evalOfAModuleNeedsOneExpression() {
        CodeUnit c = Compiler.compileModule(dev.refheap.lang.parser.Parser.parseModule("x\n", "t.py"), "t.py",
                Compiler.Mode.EVAL);
        assertEquals(Opcode.RETURN_VALUE, c.opcode(c.instructionCount() - 1));
    }
}

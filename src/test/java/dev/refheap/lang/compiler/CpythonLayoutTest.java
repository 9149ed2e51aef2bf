package dev.refheap.lang.compiler;

import dev.refheap.lang.bytecode.CodeUnit;
import dev.refheap.lang.bytecode.CpythonLayout;
import dev.refheap.lang.parser.Parser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link CpythonLayout} rebuilds CPython 3.11's code-unit layout from refheap's instructions: for
 * every program of the parity corpus, co_code, co_exceptiontable, co_lines() and the co_positions()
 * entry of every code unit equal python3's ({@code expected/NAME.units}, from
 * {@code compiler/generate.py}). Programs in {@code divergences.txt} compile differently on purpose.
 */
class CpythonLayoutTest {
    @TestFactory
    Stream<DynamicTest> layoutLikeCpython() throws IOException {
        return CpythonParityTest.eachAgainstExpected("units", CpythonLayoutTest::dump);
    }

    /** A backward jump whose distance needs an EXTENDED_ARG: the layout is repeated until arguments fit (bug: none). */
    @Test
    void longLoopGetsExtendedArg() {
        StringBuilder src = new StringBuilder("def f(x):\n    while x:\n");
        for (int i = 0; i < 200; i++) src.append("        x = x - ").append(i).append('\n');
        CodeUnit module = Compiler.compileModule(Parser.parseModule(src.toString().getBytes(StandardCharsets.UTF_8), "t.py"),
                "t.py", Compiler.Mode.EXEC);
        CodeUnit f = (CodeUnit) module.consts().stream().filter(c -> c instanceof CodeUnit).findFirst().orElseThrow();
        byte[] code = CpythonLayout.of(f).code();
        int ext = 0;
        for (int u = 0; u < code.length; u += 2) if ((code[u] & 0xff) == 144) ext++;
        assertEquals(true, ext >= 2, "EXTENDED_ARGs for the forward exit and the backward jump");
    }

    /**
     * A code object's size counts its code units; {@link CpythonLayout#unitCount} gives them without
     * the layout, the same as the layout's co_code for a generator, a prologue, calls, yields and jumps
     * that need EXTENDED_ARG (making every imported code object's layout cost a fifth of an import).
     */
    @Test
    void unitCountIsTheLayoutsWithoutMakingIt() {
        StringBuilder src = new StringBuilder("def f(x):\n    while x:\n");
        for (int i = 0; i < 200; i++) src.append("        x = x - ").append(i).append('\n');
        src.append("def g(a, *b):\n    def h():\n        return a\n    yield from b\n    yield h()\n    try:\n        print(a)\n    except E:\n        pass\n");
        src.append("async def k():\n    await k()\nclass C:\n    def m(self):\n        return __class__\n");
        CodeUnit module = Compiler.compileModule(Parser.parseModule(src.toString().getBytes(StandardCharsets.UTF_8), "t.py"),
                "t.py", Compiler.Mode.EXEC);
        java.util.List<CodeUnit> all = new java.util.ArrayList<>();
        java.util.ArrayDeque<CodeUnit> todo = new java.util.ArrayDeque<>(java.util.List.of(module));
        while (!todo.isEmpty()) {
            CodeUnit u = todo.pop();
            all.add(u);
            for (Object c : u.consts()) if (c instanceof CodeUnit cu) todo.push(cu);
        }
        assertEquals(true, all.size() >= 7, "the module, f, g, h, k, C's body and m");
        for (CodeUnit u : all) assertEquals(CpythonLayout.of(u).code().length / 2, CpythonLayout.unitCount(u), u.name());
    }

    /**
     * code.replace(co_linetable=...) with another table was refused by name; the table is decoded
     * (each of 3.11's entry forms, its lines from co_firstlineno), kept as given, and may cover fewer
     * units than the code (the rest have no position) or more (co_positions() follows the table).
     */
    @Test
    void codeReplaceWithAnotherLinetableWasRefused() {
        CodeUnit module = Compiler.compileModule(Parser.parseModule("def k(a, b):\n    return a + b\n".getBytes(StandardCharsets.UTF_8), "t.py"),
                "t.py", Compiler.Mode.EXEC);
        CodeUnit k = (CodeUnit) module.consts().stream().filter(c -> c instanceof CodeUnit).findFirst().orElseThrow();
        CpythonLayout base = CpythonLayout.of(k);
        byte[] table = {(byte) 0x80, 0x35, (byte) (0x80 | 11 << 3 | 1), 7, 20, (byte) (0x80 | 13 << 3), 4,
                (byte) (0x80 | 14 << 3), 7, 2, 5, 9, (byte) (0x80 | 15 << 3 | 1)};
        CpythonLayout l = base.withLineTable(table, 100);
        assertEquals(java.util.Arrays.toString(table), java.util.Arrays.toString(l.lineTable(100)));
        assertEquals(7, l.positionCount, "the table's units, one past the code's six");
        assertEquals(new CodeUnit.Position(100, 100, 3, 8), l.position(0));
        assertEquals(new CodeUnit.Position(101, 101, 7, 20), l.position(2));
        assertEquals(new CodeUnit.Position(103, 103, -1, -1), l.position(3));
        assertEquals(new CodeUnit.Position(100, 102, 4, 8), l.position(4));
        assertEquals(new CodeUnit.Position(-1, -1, -1, -1), l.position(6));
        assertEquals("[10, 14, -1]", java.util.Arrays.toString(l.lineEntry(l.lineEntryCount() - 1)));
        CpythonLayout none = base.withLineTable(new byte[] {(byte) 0xf8}, 1);
        assertEquals(1, none.positionCount);
        assertEquals(1, none.lineEntryCount());
        assertEquals(0, base.withLineTable(new byte[] {(byte) 0x80 | 14 << 3}, 1).lineEntryCount(), "a table cut short inside its first entry");
    }

    /** The text generate.py writes for a CPython code object's layout. */
    static String dump(CodeUnit code) {
        StringBuilder out = new StringBuilder();
        dump(code, out);
        return out.toString();
    }

    private static void dump(CodeUnit c, StringBuilder out) {
        CpythonLayout l = CpythonLayout.of(c);
        HexFormat hex = HexFormat.of();
        out.append("code ").append(c.qualname()).append('\n');
        out.append("  co_code ").append(hex.formatHex(l.code())).append('\n');
        out.append("  exceptiontable ").append(hex.formatHex(l.exceptionTable())).append('\n');
        out.append("  lines");
        for (int k = 0; k < l.lineEntryCount(); k++) {
            int[] e = l.lineEntry(k);
            out.append(' ').append(e[0]).append('-').append(e[1]).append(':').append(v(e[2]));
        }
        out.append('\n');
        CodeUnit.Position last = null;
        for (int u = 0; u < l.units; u++) {
            CodeUnit.Position p = l.position(u);
            if (!Objects.equals(p, last)) {
                out.append(String.format("  %4d %s %s %s %s%n", 2 * u, v(p.line()), v(p.endLine()), v(p.col()), v(p.endCol())));
                last = p;
            }
        }
        for (Object k : c.consts()) {
            if (k instanceof CodeUnit nested) {
                dump(nested, out);
            }
        }
    }

    private static String v(int x) {
        return x < 0 ? "-" : Integer.toString(x);
    }
}

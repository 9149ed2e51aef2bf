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

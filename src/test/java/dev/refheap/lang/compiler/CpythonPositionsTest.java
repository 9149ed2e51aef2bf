package dev.refheap.lang.compiler;

import dev.refheap.lang.bytecode.CodeUnit;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.stream.Stream;


/**
 * Every instruction of every program of the parity corpus ({@link CpythonParityTest}) carries the
 * source span CPython 3.11 gives it: the same co_positions() entry (line, end line, column, end
 * column, in UTF-8 bytes) as the instruction at the same index of CPython's code object. The
 * expected {@code .pos} files come from {@code compiler/generate.py}. Programs listed in
 * {@code divergences.txt} compile to different instructions on purpose and are skipped.
 */
class CpythonPositionsTest {
    @TestFactory
    Stream<DynamicTest> positionsLikeCpython() throws IOException {
        return CpythonParityTest.eachAgainstExpected("pos", CpythonPositionsTest::dump);
    }

    /** The text generate.py writes for a CPython code object's positions. */
    static String dump(CodeUnit code) {
        StringBuilder out = new StringBuilder();
        dump(code, out);
        return out.toString();
    }

    private static void dump(CodeUnit c, StringBuilder out) {
        out.append("code ").append(c.qualname()).append('\n');
        for (int i = 0; i < c.instructionCount(); i++) {
            CodeUnit.Position p = c.position(i);
            out.append(String.format("  %4d %s %s %s %s%n", i, v(p.line()), v(p.endLine()), v(p.col()), v(p.endCol())));
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

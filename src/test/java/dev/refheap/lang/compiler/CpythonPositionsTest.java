package dev.refheap.lang.compiler;

import dev.refheap.lang.bytecode.CodeUnit;
import dev.refheap.lang.parser.Parser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        var divergent = CpythonParityTest.divergences();
        return CpythonParityTest.programs().stream()
                .filter(py -> !divergent.contains(name(py)))
                .map(py -> DynamicTest.dynamicTest(py.getFileName().toString(), () -> {
                    String expected = Files.readString(CpythonParityTest.ROOT.resolve("compiler/expected/" + name(py) + ".pos"),
                            StandardCharsets.UTF_8).strip();
                    CodeUnit code = Compiler.compileModule(Parser.parseModule(Files.readAllBytes(py),
                            py.getFileName().toString()), py.getFileName().toString(), Compiler.Mode.EXEC);
                    String actual = dump(code).strip();
                    if (!expected.equals(actual)) {
                        Path out = Path.of("target/parity-actual/" + name(py) + ".pos");
                        Files.createDirectories(out.getParent());
                        Files.writeString(out, actual + "\n");
                    }
                    assertEquals(expected, actual);
                }));
    }

    private static String name(Path py) {
        return py.getFileName().toString().replaceAll("\\.py$", "");
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

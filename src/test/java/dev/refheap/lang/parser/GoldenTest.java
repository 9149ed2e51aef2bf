package dev.refheap.lang.parser;

import dev.refheap.lang.PySyntaxError;
import dev.refheap.lang.ast.AstDump;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden tests against CPython 3.11: every {@code corpus/*.py} must dump to exactly its {@code .ast}
 * (from {@code ast.dump(ast.parse(src))}), and every {@code errors/*.py} must fail with exactly the
 * text {@code python3 NAME.py} printed ({@code .err}). Both were produced by {@code generate.py}.
 */
class GoldenTest {
    static final Path ROOT = Path.of("src/test/resources/parser");

    static List<Path> files(String dir, String ext) throws IOException {
        try (Stream<Path> s = Files.list(ROOT.resolve(dir))) {
            return s.filter(p -> p.toString().endsWith(ext)).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> corpusMatchesPythonAstDump() throws IOException {
        List<Path> sources = files("corpus", ".py");
        assertTrue(sources.size() >= 40, "corpus too small: " + sources.size());
        return sources.stream().map(py -> DynamicTest.dynamicTest(py.getFileName().toString(), () -> {
            Path golden = Path.of(py.toString().replaceAll("\\.py$", ".ast"));
            String expected = Files.readString(golden, StandardCharsets.UTF_8).strip();
            String actual = AstDump.dump(Parser.parseModule(Files.readAllBytes(py), py.getFileName().toString()));
            assertSameText(expected, actual);
        }));
    }

    @TestFactory
    Stream<DynamicTest> corpusPositionsMatchPython() throws IOException {
        return files("corpus", ".py").stream().map(py -> DynamicTest.dynamicTest(py.getFileName().toString(), () -> {
            Path golden = Path.of(py.toString().replaceAll("\\.py$", ".pos"));
            String expected = Files.readString(golden, StandardCharsets.UTF_8).strip();
            String actual = AstDump.dumpWithPositions(Parser.parseModule(Files.readAllBytes(py), py.getFileName().toString()));
            assertSameText(expected, actual);
        }));
    }

    /** assertEquals, but a failure shows only the neighbourhood of the first difference. */
    static void assertSameText(String expected, String actual) {
        if (expected.equals(actual)) {
            return;
        }
        int i = 0;
        while (i < expected.length() && i < actual.length() && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 150);
        assertEquals(expected.substring(from, Math.min(expected.length(), i + 150)),
                actual.substring(from, Math.min(actual.length(), i + 150)), "first difference at char " + i);
    }

    @TestFactory
    Stream<DynamicTest> errorsMatchPythonOutput() throws IOException {
        List<Path> sources = files("errors", ".py");
        assertFalse(sources.isEmpty());
        return sources.stream().map(py -> DynamicTest.dynamicTest(py.getFileName().toString(), () -> {
            Path golden = Path.of(py.toString().replaceAll("\\.py$", ".err"));
            String expected = Files.readString(golden, StandardCharsets.UTF_8);
            String name = py.getFileName().toString();
            PySyntaxError e = assertThrows(PySyntaxError.class, () -> Parser.parseModule(Files.readAllBytes(py), name), name);
            assertEquals(expected, e.format(), () -> name + ": " + e);
        }));
    }
}

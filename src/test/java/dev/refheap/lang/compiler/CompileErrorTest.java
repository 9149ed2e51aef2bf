package dev.refheap.lang.compiler;

import dev.refheap.lang.PySyntaxError;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
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
 * Compile-time errors (symbol table and compiler) print exactly as {@code python3 NAME.py} prints them:
 * {@code compiler/errors/NAME.py} against {@code NAME.err} from generate.py.
 */
class CompileErrorTest {
    static final Path DIR = Path.of("src/test/resources/compiler/errors");

    @TestFactory
    Stream<DynamicTest> errorsMatchPython() throws IOException {
        List<Path> sources;
        try (Stream<Path> s = Files.list(DIR)) {
            sources = s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
        assertFalse(sources.isEmpty());
        return sources.stream().map(py -> DynamicTest.dynamicTest(py.getFileName().toString(), () -> {
            String expected = Files.readString(Path.of(py.toString().replaceAll("\\.py$", ".err")),
                    StandardCharsets.UTF_8);
            String name = py.getFileName().toString();
            String source = Files.readString(py, StandardCharsets.UTF_8);
            PySyntaxError e = assertThrows(PySyntaxError.class,
                    () -> Compiler.compile(source, name, Compiler.Mode.EXEC), name);
            assertEquals(expected, e.format(), () -> name + ": " + e);
        }));
    }

    @Test
    void unsupportedFutureIsReported() {
        PySyntaxError e = assertThrows(PySyntaxError.class,
                () -> Compiler.compile("from __future__ import barry_as_FLUFL\n", "f.py", Compiler.Mode.EXEC));
        assertTrue(e.msg().endsWith("is not supported by refheap"), e.msg());
    }

    @Test
    void annotationsFutureIsSupported() {
        Compiler.compile("from __future__ import annotations\nx: undefined[int] = 1\n", "f.py", Compiler.Mode.EXEC);
    }

    @Test
    void bug_namedExpressionInFutureAnnotation() {
        PySyntaxError e = assertThrows(PySyntaxError.class,
                () -> Compiler.compile("from __future__ import annotations\ndef f(a: (b := 1)): pass\n", "f.py", Compiler.Mode.EXEC));
        assertEquals("'named expression' can not be used within an annotation", e.msg());
    }

    @Test
    void withoutSourceTheErrorHasNoText() {
        PySyntaxError e = assertThrows(PySyntaxError.class, () -> Compiler.compileModule(
                dev.refheap.lang.parser.Parser.parseModule("break\n", "f.py"), "f.py", Compiler.Mode.EXEC));
        assertEquals("'break' outside loop", e.msg());
        assertEquals(1, e.line());
    }
}

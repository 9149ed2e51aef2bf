package dev.refheap.lang.compiler;

import dev.refheap.lang.bytecode.CodeUnit;
import dev.refheap.lang.bytecode.Disassembler;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The disassembly format: a golden sample (lines, jump marks, argument meanings, exception table, nesting). */
class DisassemblerTest {
    static final Path DIR = Path.of("src/test/resources/compiler/dis");

    @Test
    void sampleMatchesGolden() throws IOException {
        CodeUnit c = Compiler.compile(Files.readString(DIR.resolve("sample.py")), "sample.py", Compiler.Mode.EXEC);
        assertEquals(Files.readString(DIR.resolve("sample.txt")), Disassembler.disassemble(c));
    }

    @Test
    void showsClosuresGlobalsAndConstants() {
        String d = Disassembler.disassemble(Compiler.compile("""
                def outer():
                    v = {1, 2, 3}
                    def inner():
                        return v, len(v)
                    return inner
                """, "t.py", Compiler.Mode.EXEC));
        assertTrue(d.contains("MAKE_CELL"), d);
        assertTrue(d.contains("LOAD_CLOSURE                1 (v)"), d);
        assertTrue(d.contains("MAKE_FUNCTION               8 (closure)"), d);
        assertTrue(d.contains("COPY_FREE_VARS              1"), d);
        assertTrue(d.contains("LOAD_DEREF                  0 (v)"), d);
        assertTrue(d.contains("LOAD_GLOBAL                 1 (NULL + len)"), d);
        assertTrue(d.contains("(frozenset({1, 2, 3}))"), d);
    }
}

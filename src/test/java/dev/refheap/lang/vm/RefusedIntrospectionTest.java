package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What refheap refuses by name rather than answering wrongly (CPython would answer): the line
 * table's bytes, compile() to an AST, f_back of a finished frame.
 */
class RefusedIntrospectionTest {
    private String run(String program) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (Runtime rt = new Runtime(new RuntimeOptions(1L << 30, false, ps, ps))) {
            rt.exec(program, "<test>");
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** co_linetable and co_lnotab were refused; they are 3.11's bytes now (CpythonLayout.lineTable, lnotab). */
    @Test
    void lineTableBytesAreCpythons() {
        assertEquals("b'\\x80\\x00\\x80\\x00\\x80\\x00' b''\n",
                run("def f(): pass\nprint(f.__code__.co_linetable, f.__code__.co_lnotab)\n"));
    }

    /** co_code and co_exceptiontable were refused; they are 3.11's bytes now (CpythonLayout). */
    @Test
    void codeBytesAreCpythons() {
        assertEquals("b'\\x97\\x00d\\x00S\\x00' b''\n",
                run("def f(): pass\nprint(f.__code__.co_code, f.__code__.co_exceptiontable)\n"));
    }

    @Test
    void compileWithTypeCommentsIsRefused() {
        assertEquals("refheap does not support compile() with ast.PyCF_TYPE_COMMENTS yet\n",
                run("try:\n    compile('x', 's', 'exec', 0x1400)\nexcept NotImplementedError as e:\n    print(e)\n"));
    }
}

package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What refheap refuses by name rather than answering wrongly (CPython would answer): code
 * attributes tied to CPython's byte string, compile() to an AST, f_back of a finished frame.
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

    @Test
    void codeBytesAreRefusedByName() {
        String out = run("def f(): pass\n"
                + "for n in ['co_code', 'co_lnotab', 'co_linetable', 'co_exceptiontable']:\n"
                + "    try:\n        getattr(f.__code__, n)\n    except NotImplementedError as e:\n        print(e)\n");
        assertEquals("refheap does not support code.co_code yet (its bytecode is not CPython's byte string)\n"
                + "refheap does not support code.co_lnotab yet (its bytecode is not CPython's byte string)\n"
                + "refheap does not support code.co_linetable yet (its bytecode is not CPython's byte string)\n"
                + "refheap does not support code.co_exceptiontable yet (its bytecode is not CPython's byte string)\n", out);
    }

    @Test
    void compileWithTypeCommentsIsRefused() {
        assertEquals("refheap does not support compile() with ast.PyCF_TYPE_COMMENTS yet\n",
                run("try:\n    compile('x', 's', 'exec', 0x1400)\nexcept NotImplementedError as e:\n    print(e)\n"));
    }
}

package dev.refheap.fuzz;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.lang.vm.RuntimeOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What the memory fuzzer found that a conformance program cannot show (CPython has no such
 * outcome to record); the differences CPython can show are programs in tests/conformance/bugs/.
 */
class MemFuzzFindingsTest {
    private static dev.refheap.lang.vm.Runtime runtime(ByteArrayOutputStream out) {
        PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new dev.refheap.lang.vm.Runtime(new RuntimeOptions(1L << 30, false, p, p));
    }

    /**
     * Runtime.close() collected the program's surviving cycles after releasing the builtins and
     * modules, so a __del__ or weakref callback among them ran Python code on freed objects: an
     * internal error, or a JVM crash (SIGSEGV) when compiled. close() now runs no Python code.
     */
    @Test
    void bug_closeRunsNoFinalizersOnReleasedBuiltins() {
        for (int i = 0; i < 30; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var rt = runtime(out);
            rt.exec("""
                    import weakref
                    L = []
                    P = L.append
                    class K:
                        def __del__(self):
                            P(str(len(L)))
                            print('del', self)
                    def cb(w):
                        P(len(L))
                    k = K()
                    k.me = k
                    w = weakref.ref(k, cb)
                    j = K()
                    """, "close.py");
            int before = out.size();
            rt.close();
            assertEquals(before, out.size(), "nothing runs (or prints) once close() begins");
        }
    }
}

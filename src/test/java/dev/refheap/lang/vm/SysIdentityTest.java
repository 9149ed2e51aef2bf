package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * How refheap identifies itself: as CPython for implementation-detail checks
 * ({@code sys.implementation.name == 'cpython'}, what test.support.check_impl_detail reads), with
 * its own name and version in {@code sys.implementation._refheap} and in the compiler part of
 * {@code sys.version}, which has the form platform._sys_version parses as CPython's.
 */
class SysIdentityTest {
    /**
     * platform._sys_version's pattern for CPython's sys.version (3.11's Lib/platform.py): version,
     * "(#buildno", ", builddate", ", buildtime)", "[compiler]".
     */
    private static final Pattern CPYTHON_SYS_VERSION = Pattern.compile(
            "([\\w.+]+)\\s*\\(#?([^,]+)(?:,\\s*([\\w ]*)(?:,\\s*([\\w :]*))?)?\\)\\s*\\[([^\\]]+)\\]?");

    private static String run(String source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (Runtime rt = new Runtime(new RuntimeOptions(1L << 30, false, o, o))) {
            rt.exec(source, "prog.py");
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void implementationIsCpythonWithRefheapsOwnVersionBeside() {
        String out = run("""
                import sys
                i = sys.implementation
                print(i.name, i.cache_tag, i._refheap, i.version == sys.version_info, i.hexversion == sys.hexversion)
                """);
        assertEquals("cpython None 0.1.0 True True\n", out);
    }

    @Test
    void bug_platform_could_not_parse_sys_version() {
        String version = run("import sys\nprint(sys.version)\n").strip();
        Matcher m = CPYTHON_SYS_VERSION.matcher(version);
        assertTrue(m.lookingAt(), version);
        assertEquals("3.11.7", m.group(1));
        assertEquals("main", m.group(2));
        assertTrue(m.group(3).matches("[A-Z][a-z]{2} [ 123]\\d \\d{4}"), m.group(3));  // C's __DATE__
        assertTrue(m.group(4).matches("\\d\\d:\\d\\d:\\d\\d"), m.group(4));  // __TIME__
        assertEquals("refheap 0.1.0 on Java " + java.lang.Runtime.version().feature(), m.group(5));
        assertEquals(version.length(), m.end(), version);
    }
}

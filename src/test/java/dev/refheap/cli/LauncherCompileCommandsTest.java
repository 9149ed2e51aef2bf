package dev.refheap.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The launcher's JIT commands that name refheap's own methods ({@code
 * -XX:CompileCommand=dontinline,dev/refheap/gc/CycleCollector.finalizeOne} and the like) name
 * methods that exist: the JVM ignores a pattern that matches nothing, so a renamed method would
 * silently lose its command and the compiled shape it was measured for (docs/performance.md,
 * "Session 26: finalizers and live lists").
 */
class LauncherCompileCommandsTest {
    private static final Pattern COMMAND =
            Pattern.compile("-XX:CompileCommand=(\\w+),(dev/refheap/[\\w/$]+)\\.([\\w*]+)");

    @Test
    void everyCommandOnRefheapsMethodsMatchesOne() throws IOException, ClassNotFoundException {
        String launcher = Files.readString(Path.of("refheap"));
        Matcher m = COMMAND.matcher(launcher);
        List<String> checked = new ArrayList<>();
        while (m.find()) {
            String className = m.group(2).replace('/', '.');
            Class<?> c = Class.forName(className, false, getClass().getClassLoader());
            Pattern name = Pattern.compile(m.group(3).replace("*", "\\w*"));
            boolean found = Arrays.stream(c.getDeclaredMethods()).map(Method::getName).anyMatch(n -> name.matcher(n).matches());
            assertTrue(found, m.group() + ": no method of " + className + " matches " + m.group(3));
            checked.add(m.group(3));
        }
        assertFalse(checked.isEmpty(), "no CompileCommand naming refheap's methods found in ./refheap");
        assertTrue(checked.contains("finalizeOne"), "the launcher keeps finalizeOne out of line: " + checked);
    }
}

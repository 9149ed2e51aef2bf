package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link StartupImage#inputs}: what a start-up image is keyed by besides the build and the
 * standard library. The run's own values that step 5 redoes (argv, sys.path[0], -W, -X) are not
 * inputs; the start flags are, and so are the standard descriptors and what site reads.
 */
class StartupImageInputsTest {
    private static Runtime.MainConfig config(List<String> argv, String path0, Runtime.StartFlags flags) {
        return new Runtime.MainConfig(argv, path0, null, flags);
    }

    @Test
    void theRunsOwnValuesAreNotInputsAndTheStartFlagsAre() {
        Runtime.StartFlags plain = Runtime.StartFlags.DEFAULT;
        StartupImage.Inputs a = StartupImage.inputs(config(List.of("x.py", "1"), "/somewhere", plain), false);
        StartupImage.Inputs b = StartupImage.inputs(config(List.of("-c"), "",
                new Runtime.StartFlags(false, false, false, false, false, List.of("error"), List.of(new String[][] {{"faulthandler", null}}))), false);
        assertEquals(a, b, "argv, sys.path[0], -W and -X are redone after an adoption, not keyed");
        assertEquals(a.fingerprint(), b.fingerprint());
        assertEquals(a, StartupImage.inputs(StartupImage.makerConfig(config(List.of("x.py"), "/somewhere", plain)), false),
                "the maker's configuration has the run's inputs");
        for (Runtime.StartFlags f : List.of(new Runtime.StartFlags(true, false, false, false), new Runtime.StartFlags(false, true, false, false),
                new Runtime.StartFlags(false, false, true, false), new Runtime.StartFlags(false, false, false, true),
                new Runtime.StartFlags(false, false, false, false, true, List.of(), List.of()))) {
            StartupImage.Inputs c = StartupImage.inputs(config(List.of("x.py"), "/somewhere", f), false);
            assertNotEquals(a, c, "a start flag is keyed: " + c.values().get("flags"));
            assertNotEquals(a.fingerprint(), c.fingerprint());
        }
        assertNotEquals(a, StartupImage.inputs(config(List.of(), null, plain), true), "an embedded runtime's streams differ");
        String text = new String(a.keyBytes(), StandardCharsets.UTF_8);
        for (String name : List.of("flags=", "executable=", "env.PYTHONPATH=", "fd0=", "fd1=", "fd2=", "unbuffered=", "utf8_mode=", "stdio.errors=", "env.HOME=")) {
            assertTrue(text.contains("\n" + name) || text.startsWith(name), name + " is an input: " + text);
        }
        assertEquals(16, a.fingerprint().length());
    }
}

package dev.refheap.lang.modules;

import dev.refheap.lang.vm.Runtime;
import dev.refheap.lang.vm.RuntimeOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a program in a fresh runtime (optionally under --gc-stress) and returns what it printed (for the VM's tests too). */
public final class NativeModuleRun {
    private NativeModuleRun() {}

    public static String run(String program, boolean stress) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (Runtime rt = new Runtime(new RuntimeOptions(1L << 30, stress, ps, ps))) {
            rt.exec(program, "<test>");
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    public static String run(String program) { return run(program, false); }
}

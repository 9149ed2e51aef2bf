package dev.refheap.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real command line in its own JVM (stdin from /dev/null) and captures what it printed.
 * Every run fails on a Java stack trace or an "internal error" in its output; a JVM crash report
 * goes to {@link dev.refheap.CrashGuard#ERROR_DIR}, where the crash guard finds it.
 */
record CliRun(int status, String out, String err) {
    static CliRun in(Path dir, String... args) throws IOException, InterruptedException {
        return in(dir, pb -> { }, args);
    }

    /**
     * This run with {@code dir}'s real path and a separator taken out of both streams: python3
     * names a script by its absolute path (the working directory joined to the path given), so an
     * expected output written for a script run in {@code dir} reads {@code p.py} where both print
     * {@code /tmp/.../p.py}.
     */
    CliRun relativeTo(Path dir) throws IOException {
        String prefix = dir.toRealPath() + "/";
        return new CliRun(status, out.replace(prefix, ""), err.replace(prefix, ""));
    }

    /** As {@link #in(Path, String...)}, with {@code setup} changing the process (its environment, redirections) first. */
    static CliRun in(Path dir, java.util.function.Consumer<ProcessBuilder> setup, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = builder(dir, command(args));
        setup.accept(pb);
        Process p = dev.refheap.CrashGuard.launched(pb.start());
        CompletableFuture<byte[]> out = drain(p.getInputStream()), err = drain(p.getErrorStream());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished");
        return checked(new CliRun(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8), new String(err.join(), StandardCharsets.UTF_8)));
    }

    /**
     * Runs the command line and sends it {@code signal} (e.g. "INT") each time a line of its stdout
     * equals the next of {@code cues}. The JVM is started through python3 with SIGINT's default
     * action restored: a test run from a background shell job inherits SIGINT ignored, and a
     * process that starts with SIGINT ignored keeps it ignored (python3 and refheap alike).
     */
    static CliRun signalled(Path dir, String signal, List<String> cues, String... args) throws IOException, InterruptedException {
        return signalled(dir, signal, cues, pb -> { }, args);
    }

    /** As {@link #signalled(Path, String, List, String...)}, with {@code setup} changing the process first. */
    static CliRun signalled(Path dir, String signal, List<String> cues, java.util.function.Consumer<ProcessBuilder> setup, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("python3", "-c",
                "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])"));
        cmd.addAll(command(args));
        ProcessBuilder pb = builder(dir, cmd);
        setup.accept(pb);
        Process p = dev.refheap.CrashGuard.launched(pb.start());
        CompletableFuture<byte[]> err = drain(p.getErrorStream());
        StringBuilder out = new StringBuilder();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        int next = 0;
        for (String line; (line = r.readLine()) != null; ) {
            out.append(line).append('\n');
            if (next < cues.size() && line.equals(cues.get(next))) {
                next++;
                new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished");
        return checked(new CliRun(p.exitValue(), out.toString(), new String(err.join(), StandardCharsets.UTF_8)));
    }

    /**
     * A process in {@code dir} with stdin from /dev/null; PYTHONUNBUFFERED is removed from its
     * environment (refheap honours it as python3 does), so stdout is block-buffered as python3's.
     */
    static ProcessBuilder builder(Path dir, List<String> cmd) {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().remove("PYTHONUNBUFFERED");
        return pb;
    }

    /** The JVM command line that runs refheap's Main with {@code args}. */
    static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                dev.refheap.CrashGuard.errorFileFlag(), "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static CompletableFuture<byte[]> drain(java.io.InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static CliRun checked(CliRun r) {
        assertFalse(r.err.contains("\tat ") || r.err.contains("Exception in thread"), "no Java stack trace:\n" + r.err);
        assertFalse(r.out.contains("internal error") || r.err.contains("internal error"), "refheap reported an internal error:\n" + r.err);
        return r;
    }
}

package dev.refheap.conformance;

import dev.refheap.CrashGuard;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link ConformanceStressTest}'s programs on several workers at once: this JVM (one program
 * at a time, on a thread of its own, as the test ran them before) and child JVMs started for the
 * run ({@link #main}: the same classes, JVM options and {@code refheap.*} properties), which take
 * the next program from one shared queue in corpus order. Each program is checked by the same
 * {@link ConformanceStressTest#check} wherever it runs; the test then reports the outcome under the
 * program's name (a child's failure comes back as the same exception, serialized).
 *
 * <p>Why processes and not threads: a program may change process-wide state (the working
 * directory through {@code os.chdir}, file descriptors through {@code dup2}, signal dispositions,
 * CPU clocks), and the runtime keeps some tables in static fields; two programs in one JVM could
 * see each other's. Two JVMs share only the file system, as two test runs on one machine do.
 *
 * <p>A child that dies (a JVM crash, an exit) fails the program it was running, with the tail of
 * its log (target/stress-worker-N.log); the other workers take the programs left.
 */
final class StressWorkers implements AutoCloseable {
    /** How long a test waits for its program's outcome: far beyond the per-program limit (120 s). */
    private static final long RESULT_WAIT_MINUTES = 30;

    private final ConcurrentLinkedQueue<Path> queue;
    private final Map<Path, CompletableFuture<Throwable>> results = new ConcurrentHashMap<>();
    private final Map<String, Integer> intervals;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Process> children = new ArrayList<>();
    private final ServerSocket server;

    /** Starts {@code workers} workers (1: this JVM only) over {@code programs}. */
    StressWorkers(List<Path> programs, Map<String, Integer> intervals, int workers) throws IOException {
        this(programs, intervals, workers, true);
    }

    /** As above; without {@code local}, only the {@code children} child JVMs run programs (for tests). */
    StressWorkers(List<Path> programs, Map<String, Integer> intervals, int workers, boolean local) throws IOException {
        this.intervals = intervals;
        for (Path p : programs) results.put(p, new CompletableFuture<>());
        queue = new ConcurrentLinkedQueue<>(programs);
        server = workers > 1 ? new ServerSocket(0, workers, InetAddress.getLoopbackAddress()) : null;
        for (int i = 1; i < workers; i++) startChild(i);
        if (!local) return;
        Thread t = new Thread(this::runLocally, "stress-worker-0");
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    /** The outcome of {@code program}'s check: null if it passed, else what it threw. Waits for it. */
    Throwable result(Path program) throws Exception {
        try {
            return results.get(program).get(RESULT_WAIT_MINUTES, TimeUnit.MINUTES);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(program + ": no stress worker reported within " + RESULT_WAIT_MINUTES + " minutes");
        }
    }

    private int interval(Path p) { return intervals.getOrDefault(p.toString(), 1); }

    private void runLocally() {
        for (Path p; (p = queue.poll()) != null; ) {
            Throwable outcome = null;
            try {
                ConformanceStressTest.check(p, interval(p));
            } catch (Throwable t) {
                outcome = t;
            }
            results.get(p).complete(outcome);
        }
    }

    private void startChild(int n) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-agentlib:jdwp") && !a.startsWith("-XX:StartFlightRecording")) cmd.add(a);
        }
        // Properties set inside this JVM (surefire's, -D on mvn's command line) reach the child too.
        for (String k : System.getProperties().stringPropertyNames()) {
            if (k.startsWith("refheap.") || k.startsWith("stress.")) cmd.add("-D" + k + "=" + System.getProperty(k));
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(StressWorkers.class.getName());
        cmd.add(Integer.toString(server.getLocalPort()));
        Path log = Path.of("target", "stress-worker-" + n + ".log");
        Files.createDirectories(log.getParent());
        // Never this JVM's stdout: surefire reads it.
        Process child = CrashGuard.launched(new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start());
        children.add(child);
        Thread t = new Thread(() -> feedChild(child, log), "stress-worker-" + n);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    /** Hands programs to one child and records what it reports, until the queue is empty or the child dies. */
    private void feedChild(Process child, Path log) {
        Path current = null;
        try (Socket s = accept(child)) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            DataInputStream in = new DataInputStream(s.getInputStream());
            for (Path p; (p = queue.poll()) != null; ) {
                current = p;
                out.writeUTF(p.toString());
                out.writeInt(interval(p));
                out.flush();
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                results.get(p).complete(b.length == 0 ? null : (Throwable) new ObjectInputStream(new java.io.ByteArrayInputStream(b)).readObject());
                current = null;
            }
            out.writeUTF("");
            out.flush();
        } catch (Exception e) {
            if (current != null) {
                results.get(current).complete(new AssertionError(current + ": the stress worker process running it failed (" + e
                        + ", exit " + exitOf(child) + "); the end of " + log + ":\n" + tail(log)));
            }
            // the programs left stay in the queue for the other workers
        }
    }

    private Socket accept(Process child) throws IOException {
        // One child connects per accept; any child may take any feeder: they are all alike.
        synchronized (server) {
            server.setSoTimeout(120_000);
            return server.accept();
        }
    }

    private static String exitOf(Process p) {
        try {
            return p.waitFor(10, TimeUnit.SECONDS) ? Integer.toString(p.exitValue()) : "still running";
        } catch (InterruptedException e) {
            return "?";
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws IOException {
        queue.clear();
        for (Process p : children) {
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
        if (server != null) server.close();
    }

    /** A child worker: checks the programs its parent sends (path, interval) and answers with the outcome. */
    public static void main(String[] args) {
        int status = 0;
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]))) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            for (String name; !(name = in.readUTF()).isEmpty(); ) {
                int interval = in.readInt();
                Throwable outcome = null;
                try {
                    ConformanceStressTest.check(Path.of(name), interval);
                } catch (Throwable t) {
                    outcome = t;
                }
                byte[] b = outcome == null ? new byte[0] : serialize(outcome);
                out.writeInt(b.length);
                out.write(b);
                out.flush();
            }
        } catch (Throwable t) {
            t.printStackTrace();  // the parent gone (its end of the socket closed), or this JVM in trouble: to the log
            status = 1;
        }
        System.exit(status);  // also when threads of timed-out programs still run
    }

    /** The throwable as bytes; one that cannot be serialized as an AssertionError with its text and stack. */
    private static byte[] serialize(Throwable t) throws IOException {
        try {
            return bytes(t);
        } catch (NotSerializableException e) {
            AssertionError copy = new AssertionError(t.getMessage() == null ? t.toString() : t.getMessage());
            copy.setStackTrace(t.getStackTrace());
            if (t.getCause() != null) {
                java.io.StringWriter w = new java.io.StringWriter();
                t.getCause().printStackTrace(new java.io.PrintWriter(w));
                copy.initCause(new RuntimeException(w.toString()));
            }
            return bytes(copy);
        }
    }

    private static byte[] bytes(Throwable t) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(b)) {
            o.writeObject(t);
        }
        return b.toByteArray();
    }
}

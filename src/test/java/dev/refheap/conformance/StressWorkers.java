package dev.refheap.conformance;

import dev.refheap.CrashGuard;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link ConformanceStressTest}'s programs in child JVMs, several at once ({@link #main}: the
 * same classes, JVM options and {@code refheap.*}/{@code stress.*} properties), which take the
 * next program from one shared queue in corpus order. The test's own JVM runs no program while
 * workers live: it only hands out programs and reports outcomes. That is what makes the run safe
 * for every program, not only for those known to wait: a program's process never has a worker JVM
 * as its child, so {@code os.wait()}, {@code os.waitpid(-1, ...)}, wait3/wait4 or subprocess's
 * reaping see only the program's own children, as under CPython ({@link ConformanceStressTest#check}
 * refuses to run in a JVM that has live workers). Each worker is also the leader of a session of
 * its own ({@code setsid}, where the system has it), so a program that signals its process group
 * reaches its own worker only, as a program run from a shell reaches only itself.
 *
 * <p>Each program is checked by the same {@link ConformanceStressTest#check} wherever it runs; the
 * test reports the outcome under the program's name (a child's failure comes back as the same
 * exception, serialized). Why processes and not threads: a program may change process-wide state
 * (the working directory through {@code os.chdir}, file descriptors through {@code dup2}, signal
 * dispositions, CPU clocks), and the runtime keeps some tables in static fields; two programs in
 * one JVM could see each other's. Two JVMs share only the file system, as two test runs on one
 * machine do.
 *
 * <p>A worker that dies (a JVM crash, an exit) or does not answer within {@link #ANSWER_SECONDS}
 * fails the program it was running, with the end of its log (target/stress-worker-N.log: each
 * program's name, then its output, then whatever the JVM printed), and is replaced by a fresh one
 * for the programs left. A worker whose program failed replaces itself too, so that what a failing
 * program leaves behind (a runtime never closed, a timed-out program's thread still running) never
 * meets the next program.
 */
final class StressWorkers implements AutoCloseable {
    /** How long a test waits for its program's outcome: far beyond the per-program limit (120 s). */
    private static final long RESULT_WAIT_MINUTES = 30;
    /** How long a worker may take to answer for one program before it counts as hung (check's own limit is 120 s). */
    static final int ANSWER_SECONDS = Integer.getInteger("stress.answerSeconds", 360);
    /** How long a started worker may take to connect. */
    private static final long CONNECT_SECONDS = 120;
    /** The child JVMs' heap limit unless the test's JVM options name one (a child peaks well under it: docs/performance.md). */
    static final String CHILD_XMX = "-Xmx" + System.getProperty("stress.childXmx", "2g");

    /** The worker JVMs alive now, in this JVM (none in a worker: workers start no workers). */
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    private final ConcurrentLinkedQueue<Path> queue;
    private final Map<Path, CompletableFuture<Throwable>> results = new ConcurrentHashMap<>();
    private final Map<String, Integer> intervals;
    private final List<Thread> threads = new ArrayList<>();
    private final int answerSeconds;
    private volatile boolean closed;

    /** Starts {@code workers} child JVMs over {@code programs}. */
    StressWorkers(List<Path> programs, Map<String, Integer> intervals, int workers) {
        this(programs, intervals, workers, ANSWER_SECONDS);
    }

    /** As above, a worker silent for {@code answerSeconds} on one program counting as hung. */
    StressWorkers(List<Path> programs, Map<String, Integer> intervals, int workers, int answerSeconds) {
        if (workers < 1) throw new IllegalArgumentException("workers: " + workers);
        this.intervals = intervals;
        this.answerSeconds = answerSeconds;
        for (Path p : programs) results.put(p, new CompletableFuture<>());
        queue = new ConcurrentLinkedQueue<>(programs);
        for (int i = 1; i <= workers; i++) {
            int n = i;
            Thread t = new Thread(() -> feed(n), "stress-worker-" + n);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** How many worker JVMs this JVM has alive now (a program must not run here while there are any). */
    static int liveWorkers() {
        LIVE.removeIf(p -> !p.isAlive());
        return LIVE.size();
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

    /** One worker slot: starts a child, hands it programs until the queue is empty, replaces it when it fails or retires. */
    private void feed(int n) {
        Path log = Path.of("target", "stress-worker-" + n + ".log");
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // appended to, then
        }
        for (Path current; !closed && (current = queue.poll()) != null; ) {
            // a program is taken before its worker starts: a worker that cannot start fails that program, never none
            Process child = null;
            try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                child = startChild(server.getLocalPort(), log);
                try (Socket s = accept(server, child)) {
                    s.setSoTimeout(answerSeconds * 1000);
                    DataOutputStream out = new DataOutputStream(s.getOutputStream());
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    boolean retired = false;
                    while (current != null) {
                        out.writeUTF(current.toString());
                        out.writeInt(interval(current));
                        out.flush();
                        byte[] b = new byte[in.readInt()];
                        in.readFully(b);
                        retired = in.readBoolean();
                        results.get(current).complete(b.length == 0 ? null : (Throwable) new ObjectInputStream(new java.io.ByteArrayInputStream(b)).readObject());
                        current = retired || closed ? null : queue.poll();
                    }
                    if (!retired) {
                        out.writeUTF("");
                        out.flush();
                    }
                }
                if (!child.waitFor(30, TimeUnit.SECONDS)) destroy(child);
            } catch (Exception e) {
                String why = e instanceof SocketTimeoutException ? "did not answer within " + answerSeconds + " s (-Dstress.answerSeconds)" : "failed (" + e + ")";
                if (child != null) destroy(child);
                if (current != null) {
                    results.get(current).complete(new AssertionError(current + ": the stress worker process running it " + why
                            + ", exit " + exitOf(child) + "; the end of " + log + ":\n" + tail(log)));
                }
                // the programs left go to a fresh worker
            } finally {
                if (child != null) LIVE.remove(child);
            }
        }
    }

    private Process startChild(int port, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        // A session of its own: a program's os.killpg(0, ...) or kill(0, ...) reaches its own worker only.
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) cmd.add("/usr/bin/setsid");
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        boolean xmx = false;
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-agentlib:jdwp") || a.startsWith("-XX:StartFlightRecording")) continue;
            xmx |= a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize");
            cmd.add(a);
        }
        if (!xmx) cmd.add(CHILD_XMX);
        // Properties set inside this JVM (surefire's, -D on mvn's command line) reach the child too.
        for (String k : System.getProperties().stringPropertyNames()) {
            if (k.startsWith("refheap.") || k.startsWith("stress.")) cmd.add("-D" + k + "=" + System.getProperty(k));
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(StressWorkers.class.getName());
        cmd.add(Integer.toString(port));
        Files.createDirectories(log.getParent());
        // Never this JVM's stdout: surefire reads it. The slot's workers append to one log, the failing program's output at its end.
        Process child = CrashGuard.launched(new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).redirectInput(ProcessBuilder.Redirect.PIPE).start());
        LIVE.add(child);
        return child;
    }

    private static Socket accept(ServerSocket server, Process child) throws IOException {
        server.setSoTimeout(1000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CONNECT_SECONDS);
        while (true) {
            try {
                return server.accept();
            } catch (SocketTimeoutException e) {
                if (!child.isAlive()) throw new IOException("the worker exited before it connected");
                if (System.nanoTime() > deadline) throw new IOException("the worker did not connect within " + CONNECT_SECONDS + " s");
            }
        }
    }

    /** Ends a worker and whatever its programs started. */
    private static void destroy(Process child) {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
        try {
            child.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String exitOf(Process p) {
        if (p == null) return "(not started)";
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
    public void close() {
        closed = true;
        queue.clear();
        for (Thread t : threads) {
            try {
                t.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Process p : List.copyOf(LIVE)) destroy(p);
        // a program no worker took (the run closed early) fails rather than passing unseen
        results.forEach((p, f) -> f.complete(new AssertionError(p + ": no stress worker ran it (the run was closed)")));
    }

    /**
     * A child worker: checks the programs its parent sends (path, interval) and answers with the
     * outcome and whether it retires (after a failure: the next program gets a fresh JVM). Each
     * program's output goes to this JVM's stdout, the worker's log, after a line naming it.
     */
    public static void main(String[] args) {
        int status = 0;
        PrintStream log = System.out;
        // In a session of its own, a worker gets no ^C or hang-up with the test's run: it ends when the test's JVM does.
        ProcessHandle.current().parent().ifPresent(parent -> {
            Thread watch = new Thread(() -> {
                while (parent.isAlive()) {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                log.println("== stress worker: the test's JVM is gone");
                log.flush();
                java.lang.Runtime.getRuntime().halt(2);
            }, "stress-worker-parent-watch");
            watch.setDaemon(true);
            watch.start();
        });
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]))) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            boolean retire = false;
            for (String name; !retire && !(name = in.readUTF()).isEmpty(); ) {
                int interval = in.readInt();
                log.println("== stress worker " + ProcessHandle.current().pid() + ": " + name + (interval > 1 ? " (every " + interval + "th allocation)" : ""));
                Throwable outcome = null;
                try {
                    ConformanceStressTest.check(Path.of(name), interval, log);
                } catch (Throwable t) {
                    outcome = t;
                    log.println("== failed: " + t);
                }
                retire = outcome != null;
                byte[] b = outcome == null ? new byte[0] : serialize(outcome);
                out.writeInt(b.length);
                out.write(b);
                out.writeBoolean(retire);
                out.flush();
            }
        } catch (Throwable t) {
            t.printStackTrace();  // the parent gone (its end of the socket closed), or this JVM in trouble: to the log
            status = 1;
        }
        log.println("== stress worker exits: peak heap " + peakHeapMiB() + " MiB, " + peakRss());
        log.flush();
        System.exit(status);  // also when threads of timed-out programs still run
    }

    private static long peakHeapMiB() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) sum += pool.getPeakUsage().getUsed();
        }
        return sum >> 20;
    }

    private static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return "peak RSS " + line.substring(6).trim();
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "peak RSS unknown";
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

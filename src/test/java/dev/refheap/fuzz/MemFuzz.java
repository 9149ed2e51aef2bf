package dev.refheap.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refheap.gc.HeapVerificationError;
import dev.refheap.lang.PySyntaxError;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.Runtime;
import dev.refheap.lang.vm.RuntimeOptions;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The differential memory fuzzer: random programs from scripts/memfuzz/gen.py (a grammar of memory
 * operations), run on CPython 3.11 and on refheap, outputs compared program by program.
 *
 * <p>Both sides run many programs per process. CPython: one {@code python3 scripts/memfuzz/oracle.py}
 * (generates, runs each program in a fresh namespace, puts the interpreter's gc state back between
 * programs), talked to over JSON lines. refheap: this JVM, a fresh {@link Runtime} per program on one
 * worker thread with a large stack, closed afterwards. Each program runs on refheap normally
 * (stdout, normalised stderr and exit status must equal CPython's) and, for every
 * {@code stressEvery}-th program, once more under --gc-stress, where only the heap's consistency is
 * checked (collections happen at other moments there, so outputs may differ): no verifier failure
 * during the run, none after it, no internal error.
 *
 * <p>States: created (the oracle started) → any number of {@link #runBatch} / {@link #minimize}
 * → {@link #close()}d (oracle and worker stopped).
 */
public final class MemFuzz implements AutoCloseable {
    static final Pattern ADDRESS = Pattern.compile("\\b0x[0-9a-f]{6,}\\b");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A program that takes longer than this on refheap counts as a hang. */
    private static final long TIMEOUT_SECONDS = 30;

    private final Process oracle;
    private final Writer toOracle;
    private final BufferedReader fromOracle;
    private final String pythonVersion;
    private ExecutorService worker = newWorker();

    /** One program's outcome on one side. */
    public record Result(String out, String err, int status) {
        Result normalised() { return new Result(out, ADDRESS.matcher(err).replaceAll("0xADDR"), status); }
    }

    /** A program from the oracle with CPython's result. */
    public record Program(long seed, String name, String source, Result cpython) {}

    /** A program on which refheap and CPython differ (or the stress run failed), with a reason. */
    public record Failure(Program program, String kind, String detail) {
        public String describe() { return "seed " + program.seed() + " (" + kind + "): " + detail; }
    }

    public MemFuzz(Path repoRoot, String python) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(python, repoRoot.resolve("scripts/memfuzz/oracle.py").toString());
        pb.environment().put("PYTHONHASHSEED", "0");
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            oracle = pb.start();
        } catch (IOException e) {
            throw new IOException("cannot start CPython 3.11 as '" + python + "' (the fuzzer's oracle): " + e.getMessage(), e);
        }
        toOracle = new OutputStreamWriter(oracle.getOutputStream(), StandardCharsets.UTF_8);
        fromOracle = new BufferedReader(new InputStreamReader(oracle.getInputStream(), StandardCharsets.UTF_8));
        JsonNode hello = read();
        pythonVersion = hello.get("python").asText();
        if (!pythonVersion.startsWith("3.11.")) {
            close();
            throw new IOException("the fuzzer's oracle must be CPython 3.11, '" + python + "' is " + pythonVersion);
        }
    }

    public String pythonVersion() { return pythonVersion; }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "memfuzz", 1L << 29);
            t.setDaemon(true);
            return t;
        });
    }

    private JsonNode read() throws IOException {
        String line = fromOracle.readLine();
        if (line == null) throw new IOException("the CPython oracle ended unexpectedly (exit " + exitOf(oracle) + ")");
        return JSON.readTree(line);
    }

    private static String exitOf(Process p) {
        try {
            return p.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(p.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private void send(Map<String, Object> request) throws IOException {
        toOracle.write(JSON.writeValueAsString(request) + "\n");
        toOracle.flush();
    }

    private static Program program(JsonNode n) {
        return new Program(n.get("seed").isNull() ? -1 : n.get("seed").asLong(), n.get("name").asText(), n.get("source").asText(),
                new Result(n.get("out").asText(), n.get("err").asText(), n.get("status").asInt()));
    }

    /** Counts of one batch. */
    public record Summary(int programs, int stressed, List<Failure> failures) {}

    /**
     * Runs programs {@code seed .. seed+count-1}: each normally, every {@code stressEvery}-th also
     * under --gc-stress (0: none). Stops collecting failures after {@code maxFailures}.
     */
    public Summary runBatch(long seed, int count, int stressEvery, int maxFailures, java.util.function.Consumer<Failure> onFailure)
            throws IOException {
        send(Map.of("gen", List.of(seed, count)));
        List<Failure> failures = new ArrayList<>();
        int stressed = 0;
        for (int i = 0; i < count; i++) {
            Program p = program(read());
            List<Failure> found = new ArrayList<>(2);
            found.add(compare(p));
            if (stressEvery > 0 && i % stressEvery == 0) {
                stressed++;
                found.add(stress(p));
            }
            for (Failure f : found) {
                if (f != null && failures.size() < maxFailures) {
                    failures.add(f);
                    onFailure.accept(f);
                }
            }
        }
        return new Summary(count, stressed, failures);
    }

    /** refheap's normal run against CPython's; null when they agree. */
    public Failure compare(Program p) {
        Result want = p.cpython().normalised();
        Outcome o = runRefheap(p.source(), p.name(), false);
        if (o.problem != null) return new Failure(p, o.kind, o.problem);
        Result got = o.result.normalised();
        if (got.equals(want)) return null;
        return new Failure(p, "output", diff(want, got));
    }

    /** refheap under --gc-stress: the heap must stay consistent; null when it does. */
    public Failure stress(Program p) {
        Outcome o = runRefheap(p.source(), p.name(), true);
        return o.problem == null ? null : new Failure(p, "stress " + o.kind, o.problem);
    }

    private record Outcome(Result result, String kind, String problem) {}

    private Outcome runRefheap(String source, String name, boolean stress) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream pout = new PrintStream(out, true, StandardCharsets.UTF_8), perr = new PrintStream(err, true, StandardCharsets.UTF_8);
        Runtime rt = new Runtime(new RuntimeOptions(1L << 30, stress, pout, perr));
        // The oracle captures stderr in an io.StringIO and has specialized the codec's decode
        // (oracle.py warms it): "Exception ignored in" reports allocate what they do there.
        rt.setUnraisableStderr(true, true);
        Future<Object> job = worker.submit(() -> {
            int status = 0;
            try {
                // The oracle's process imported weakref before any program (oracle.py's own imports
                // do), so a program's `import weakref` allocates nothing there. Since weakref is
                // CPython's weakref.py, importing it here allocates enough to start collections
                // (untracking the program's constant tuples, moving survivors): import it first too.
                // The oracle's thread also has its thread state's dict and 'Py_Repr' list, made by
                // one repr before any program (oracle.py's make_thread_state_dict): make them too.
                rt.exec("__import__('weakref')\nrepr([0])\n", "<memfuzz prelude>");
                rt.exec(source, name);
            } catch (PyException e) {
                if (rt.isSystemExit(e)) status = rt.systemExitStatus(e);
                else {
                    perr.print(rt.formatUncaught(e));
                    status = 1;
                }
            } catch (PySyntaxError e) {
                perr.print(e.format());
                status = 1;
            }
            pout.flush();
            perr.flush();
            // what the program printed, before close() runs the finalizers of what it left alive
            Result result = new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status);
            if (stress) {
                List<String> problems = rt.verify();
                if (!problems.isEmpty()) return "heap inconsistent after the program:\n  " + String.join("\n  ", problems);
            }
            return result;
        });
        Object r;
        try {
            r = job.get(TIMEOUT_SECONDS * (stress ? 10 : 1), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            rt.interrupt();
            job.cancel(true);
            worker.shutdownNow();
            worker = newWorker();  // the stuck thread is abandoned (a daemon); the runtime is not closed
            return new Outcome(null, "hang", "did not finish within " + TIMEOUT_SECONDS * (stress ? 10 : 1) + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable t = e.getCause();
            closeQuietly(rt);
            if (t instanceof HeapVerificationError) return new Outcome(null, "verifier", t.getMessage());
            return new Outcome(null, "internal error", stackTrace(t));
        }
        closeQuietly(rt);
        if (r instanceof String problem) return new Outcome(null, "verifier", problem);
        return new Outcome((Result) r, null, null);
    }

    private static void closeQuietly(Runtime rt) {
        try {
            rt.close();
        } catch (RuntimeException | HeapVerificationError e) {
            // the program's outcome is what is compared; close() finds nothing new to report here
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        String s = w.toString();
        return s.length() > 4000 ? s.substring(0, 4000) + "\n..." : s;
    }

    static String diff(Result want, Result got) {
        StringBuilder sb = new StringBuilder();
        if (want.status() != got.status()) sb.append("exit status ").append(got.status()).append(", CPython ").append(want.status()).append('\n');
        if (!want.out().equals(got.out())) sb.append(firstDifference("stdout", want.out(), got.out()));
        if (!want.err().equals(got.err())) sb.append(firstDifference("stderr", want.err(), got.err()));
        return sb.toString();
    }

    private static String firstDifference(String what, String want, String got) {
        String[] w = want.split("\n", -1), g = got.split("\n", -1);
        int i = 0;
        while (i < w.length && i < g.length && w[i].equals(g[i])) i++;
        return what + " line " + (i + 1) + ": CPython '" + (i < w.length ? w[i] : "<end>") + "', refheap '" + (i < g.length ? g[i] : "<end>") + "'\n";
    }

    /** CPython's result for a source text (the minimizer's candidates). */
    public Result cpython(String source, String name) throws IOException {
        send(Map.of("run", source, "name", name));
        return program(read()).cpython();
    }

    /**
     * Delta debugging by statement removal: the smallest program (top-level statements first, then
     * single lines) on which the failure persists. A candidate counts only if CPython still runs it
     * without an uncaught exception when the original did (so removing a definition does not turn
     * the failure into a NameError on both sides), and fails the same way (a stress failure stays a
     * stress failure).
     */
    public String minimize(Failure f) throws IOException {
        Program p = f.program();
        boolean stressKind = f.kind().startsWith("stress");
        int originalStatus = p.cpython().status();
        Predicate<String> fails = src -> {
            try {
                Result py = cpython(src, p.name());
                if (py.status() != 0 && originalStatus == 0) return false;
                Program cand = new Program(p.seed(), p.name(), src, py);
                return stressKind ? compare(cand) == null && stress(cand) != null : compare(cand) != null;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        // the prologue (imports, freeze, collect) stays: without it the outputs depend on start-up
        List<String> units = topLevelUnits(p.source());
        int keep = 0;
        while (keep < units.size() && keep < PROLOGUE_UNITS) keep++;
        List<String> head = units.subList(0, keep);
        Predicate<String> withHead = src -> fails.test(String.join("\n", head) + "\n" + src);
        List<String> rest = ddmin(units.subList(keep, units.size()), withHead);
        List<String> lines = new ArrayList<>();
        for (String u : rest) lines.addAll(List.of(u.split("\n")));
        lines = ddmin(lines, withHead);
        return String.join("\n", head) + "\n" + String.join("\n", lines) + "\n";
    }

    /** The generator's first statements: the comment and imports, then freeze/F0/collect. */
    private static final int PROLOGUE_UNITS = 3;

    /** Statements at column 0, each with its indented body (and except/else/finally clauses). */
    static List<String> topLevelUnits(String source) {
        List<String> units = new ArrayList<>();
        for (String line : source.split("\n")) {
            boolean continues = line.isEmpty() || Character.isWhitespace(line.charAt(0))
                    || line.startsWith("except") || line.startsWith("else:") || line.startsWith("finally:");
            if (continues && !units.isEmpty()) units.set(units.size() - 1, units.getLast() + "\n" + line);
            else units.add(line);
        }
        return units;
    }

    /** Removes chunks (halves, quarters, ... single items) while the predicate still holds. */
    static List<String> ddmin(List<String> items, Predicate<String> fails) {
        List<String> cur = new ArrayList<>(items);
        int n = Math.max(1, cur.size() / 2);
        while (true) {
            boolean removed = false;
            for (int start = 0; start < cur.size(); ) {
                int end = Math.min(cur.size(), start + n);
                List<String> cand = new ArrayList<>(cur.subList(0, start));
                cand.addAll(cur.subList(end, cur.size()));
                if (!cand.isEmpty() && fails.test(String.join("\n", cand) + "\n")) {
                    cur = cand;
                    removed = true;
                } else {
                    start += n;
                }
            }
            if (n == 1 && !removed) return cur;
            if (!removed) n = Math.max(1, n / 2);
        }
    }

    @Override
    public void close() {
        try {
            toOracle.close();
        } catch (IOException ignored) {
            // the oracle may already have ended
        }
        try {
            if (!oracle.waitFor(10, TimeUnit.SECONDS)) oracle.destroy();
        } catch (InterruptedException e) {
            oracle.destroy();
            Thread.currentThread().interrupt();
        }
        worker.shutdownNow();
    }
}

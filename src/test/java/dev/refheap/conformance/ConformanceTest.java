package dev.refheap.conformance;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.lang.PySyntaxError;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.Runtime;
import dev.refheap.lang.vm.RuntimeOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every program of tests/conformance on refheap and compares with CPython 3.11's recorded
 * output, by the rules of tests/conformance/README.md: stdout line by line (env-lines skipped),
 * stderr with addresses normalised, exit status. Programs listed in known-failures.txt must still
 * fail (so the list only shrinks); every other program must pass.
 */
class ConformanceTest {
    private static final Path ROOT = Path.of("tests/conformance");
    private static final Pattern ENV_LINE = Pattern.compile("^#\\s*env-line:\\s*(\\d+)\\b");
    private static final Pattern ADDRESS = Pattern.compile("\\b0x[0-9a-f]{6,}\\b");
    /** The leading comment block's "# options: ..." line: refheap options the program runs under (README.md). */
    private static final Pattern OPTIONS = Pattern.compile("^#\\s*options:\\s*(.*)$");

    @TestFactory
    Stream<DynamicTest> conformance() throws IOException {
        Map<String, String> known = knownFailures();
        List<Path> programs;
        try (Stream<Path> files = Files.walk(ROOT)) {
            // programs are <category>/<name>.py; deeper files are modules the programs import
            programs = files.filter(p -> p.toString().endsWith(".py") && !p.getFileName().toString().equals("generate.py")
                    && p.getNameCount() == ROOT.getNameCount() + 2).sorted().toList();
        }
        assertTrue(programs.size() >= 150, "the corpus has at least 150 programs: " + programs.size());
        Set<String> listed = new java.util.HashSet<>(known.keySet());
        programs.forEach(p -> listed.remove(p.toString()));
        assertTrue(listed.isEmpty(), "known-failures.txt lists programs that do not exist: " + listed);
        // -Drefheap.test.conformanceOnly=gc_api/,refcount/: only the programs under those categories
        String only = System.getProperty("refheap.test.conformanceOnly");
        if (only != null && !only.isEmpty()) {
            List<String> prefixes = List.of(only.split(","));
            programs = programs.stream().filter(p -> prefixes.stream().anyMatch(x -> ROOT.relativize(p).toString().startsWith(x))).toList();
        }
        return programs.stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> check(p, known.get(p.toString()))));
    }

    private static void check(Path program, String knownReason) throws Exception {
        List<String> problems = differences(program);
        if (knownReason == null) {
            assertTrue(problems.isEmpty(), program + " differs from CPython 3.11:\n  " + String.join("\n  ", problems));
        } else {
            assertFalse(problems.isEmpty(), program + " now matches CPython: remove it from known-failures.txt");
        }
    }

    static List<String> differences(Path program) throws Exception {
        return new Program(program).differences();
    }

    record Result(String out, String err, int status) {}

    /**
     * For StartupImageSwapTest's child process: run on each runtime right after it is built (null:
     * nothing). {@link #run} closes every runtime after its program, so the next one is built at
     * the same addresses.
     */
    static java.util.function.Consumer<Runtime> afterConstruction;

    static final class Program {
        final Path path;

        Program(Path path) { this.path = path; }

        List<String> differences() throws Exception {
            String source = Files.readString(path);
            Result r = run(source, path.toString());
            List<String> problems = new ArrayList<>();
            Set<Integer> envLines = new java.util.HashSet<>();
            for (String line : source.split("\n")) {
                if (!line.startsWith("#")) break;
                Matcher m = ENV_LINE.matcher(line);
                if (m.find()) envLines.add(Integer.parseInt(m.group(1)));
            }
            String base = path.toString().substring(0, path.toString().length() - 3);
            List<String> want = lines(Files.readString(Path.of(base + ".out")));
            List<String> got = lines(r.out());
            if (want.size() != got.size()) problems.add("stdout has " + got.size() + " lines, expected " + want.size());
            for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
                if (!envLines.contains(i + 1) && !want.get(i).equals(got.get(i))) {
                    problems.add("stdout line " + (i + 1) + ": expected '" + want.get(i) + "', got '" + got.get(i) + "'");
                }
            }
            Path errFile = Path.of(base + ".err");
            String wantErr = Files.exists(errFile) ? Files.readString(errFile) : "";
            String gotErr = ADDRESS.matcher(r.err()).replaceAll("0xADDR");
            if (!ADDRESS.matcher(wantErr).replaceAll("0xADDR").equals(gotErr)) {
                problems.add("stderr differs:\n--- expected\n" + wantErr + "\n--- got\n" + gotErr);
            }
            Path exitFile = Path.of(base + ".exit");
            int wantStatus = Files.exists(exitFile) ? Integer.parseInt(Files.readString(exitFile).strip()) : 0;
            if (wantStatus != r.status()) problems.add("exit status " + r.status() + ", expected " + wantStatus);
            return problems;
        }
    }

    private static List<String> lines(String s) {
        if (s.isEmpty()) return List.of();
        List<String> l = new ArrayList<>(List.of(s.split("\n", -1)));
        if (l.getLast().isEmpty()) l.removeLast();
        return l;
    }

    /** Runs {@code source} as {@code refheap run} does, on a thread with a large stack, with a time limit. */
    static Result run(String source, String filename) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream pout = new PrintStream(out, true, StandardCharsets.UTF_8), perr = new PrintStream(err, true, StandardCharsets.UTF_8);
        int[] status = {0};
        Throwable[] failure = {null};
        RuntimeOptions options = new RuntimeOptions(1L << 31, false, pout, perr);
        boolean cpython = cpythonStartup(source), adopt = cpython && CpythonStartups.IMAGES && afterConstruction == null;
        Runtime rt = adopt ? new Runtime(CpythonStartups.adopterOptions(options), true) : new Runtime(options);  // an adopter made for the image, as the launcher makes it
        if (afterConstruction != null) afterConstruction.accept(rt);
        configure(rt, filename);
        Thread t = new Thread(null, () -> {
            try {
                if (adopt) CpythonStartups.adopt(rt);
                else if (cpython) rt.runCpythonStartup();
                rt.exec(source, filename);
            } catch (PyException e) {
                if (rt.isSystemExit(e)) status[0] = rt.systemExitStatus(e);
                else {
                    rt.writeStderr(rt.formatUncaught(e));  // through sys.stderr when it is an io object (--startup=cpython)
                    status[0] = 1;
                }
            } catch (PySyntaxError e) {
                perr.print(e.format());
                status[0] = 1;
            } catch (Throwable e) {
                failure[0] = e;
            }
            try {
                rt.flushStdio();  // as the oracle's runner leaves: sys.stdout and sys.stderr flushed
            } catch (Throwable e) {
                if (failure[0] == null) failure[0] = e;
            }
        }, "conformance", 1L << 29);
        t.start();
        t.join(60_000);
        if (t.isAlive()) {
            rt.interrupt();
            t.join(5_000);
            fail(filename + " did not finish within 60 s");
        }
        pout.flush();
        perr.flush();
        if (failure[0] != null) {
            throw new AssertionError(filename + ": internal error " + failure[0], failure[0]);
        }
        Result result = new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status[0]);
        rt.close();  // its memory back to the owned range at once, where the next program's image adoption needs it
        return result;
    }

    /**
     * Whether the program runs after CPython's start-up: as `refheap run FILE` runs it (CPython's
     * start-up, the default) unless its leading comment block says "# options: --startup=refheap"
     * (the small start-up) or the run's default is the small one ({@link #cpythonByDefault}).
     */
    static boolean cpythonStartup(String source) {
        String named = startupOption(source);
        return named == null ? cpythonByDefault : named.equals("cpython");
    }

    /**
     * The start-up the program's options name ("# options: --startup=cpython" or
     * "--startup=refheap" in its leading comment block), or null; any other option is refused, so
     * a marker is never silently ignored.
     */
    static String startupOption(String source) {
        String named = null;
        for (String line : source.split("\n")) {
            if (!line.startsWith("#")) break;
            Matcher m = OPTIONS.matcher(line);
            if (!m.find()) continue;
            for (String o : m.group(1).trim().split("\\s+")) {
                if (o.equals("--startup=cpython") || o.equals("--startup=refheap")) named = o.substring("--startup=".length());
                else throw new IllegalArgumentException("conformance programs take only --startup=cpython or --startup=refheap as an option: " + o);
            }
        }
        return named;
    }

    /**
     * The start-up of programs that name none: CPython's, refheap's default;
     * {@code -Drefheap.test.startup=refheap} runs them after the small start-up instead (what the
     * corpus shows under {@code --startup=refheap}). StartupImageSwapTest's children, which test
     * the small runtime's own image, set it false.
     */
    static boolean cpythonByDefault = !"refheap".equals(System.getProperty("refheap.test.startup"));

    /** As {@code refheap run FILE}: sys.argv is [FILE], sys.path[0] the program's directory (absolute). */
    static void configure(Runtime rt, String filename) {
        launcherKnown();
        Path dir = Path.of(filename).toAbsolutePath().getParent();
        rt.configureMain(new Runtime.MainConfig(List.of(filename), dir.toString(), null));
    }

    /**
     * As `refheap run FILE`: the launcher is known (its path is what the launcher passes), so sys.executable
     * is refheap's environment's bin/refheap and site finds the environment's pyvenv.cfg, as the oracle's
     * venv does. Before a runtime's sys is made; every process that makes or adopts a start-up image for
     * the corpus calls it, so their start-up inputs agree.
     */
    static void launcherKnown() {
        Path launcher = Path.of("refheap").toAbsolutePath();
        if (System.getProperty("refheap.executable") == null && Files.isRegularFile(launcher)) {
            System.setProperty("refheap.executable", launcher.toString());
        }
    }

    /** path -> reason, from tests/conformance/known-failures.txt ("path  # reason" per line). */
    static Map<String, String> knownFailures() throws IOException {
        Map<String, String> m = new TreeMap<>();
        Path f = ROOT.resolve("known-failures.txt");
        if (!Files.exists(f)) return m;
        for (String line : Files.readAllLines(f)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            int hash = t.indexOf('#');
            String path = (hash < 0 ? t : t.substring(0, hash)).strip();
            String reason = hash < 0 ? "" : t.substring(hash + 1).strip();
            if (reason.isEmpty()) throw new UncheckedIOException(new IOException("known failure without a reason: " + path));
            m.put(path, reason);
        }
        return m;
    }
}

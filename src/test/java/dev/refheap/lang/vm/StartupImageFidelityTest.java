package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up image's fidelity (docs/architecture.md, "Start-up image", steps 4 and 5): CPython's
 * start-up run live and the image of a start-up made once with the maker's configuration
 * ({@link StartupImage#makerConfig}), adopted by a run with its own ({@link Runtime#startFromImage}),
 * leave the same state. Every run is a fresh process whose runtime writes to the process's own
 * descriptors (as the command line's: their kinds are an input), running a probe that prints what
 * the run's own values make (sys.argv, sys.path, the importer cache, -W and -X, os.environ, sys's
 * list sizes and refcounts, the streams' buffering, gc counts, the object count, sys.modules), then
 * exits as the command line does (an atexit callback, a module global's finalizer, text pending
 * in sys.stdout).
 *
 * <p>The matrix: a run with the maker's own values (then the adopted heap is the maker's object for
 * object and the Java state the same, {@link JavaStateAudit}), a script with arguments, {@code -c},
 * {@code -m}, one more environment variable, {@code -W error -X faulthandler}, stdout a file (its
 * own image), PYTHONPATH (its own image), {@code -S} and {@code -I} (each its own image); each prints
 * the same adopted as live. And what is keyed refuses: the pipe's image for stdout a file, for
 * PYTHONPATH, for {@code -S}; the run then goes on with its own memory and a live start-up prints
 * the same again.
 */
class StartupImageFidelityTest {
    static final byte[] KEY = "fidelity test".getBytes(StandardCharsets.UTF_8);
    static final String EXTRA = "REFHEAP_FIDELITY_EXTRA";

    @TempDir
    Path dir;

    static final String PROBE = """
            import sys, os, gc
            print(sys.argv)
            print(sys.path)
            print(sorted(sys.path_importer_cache))
            print(sys.warnoptions, sys._xoptions)
            print(sys.flags)
            print(os.environ.get('%s'), os.environb.get(b'%s'), len(os.environ) == len(os.environb))
            print(os.environ._data is os.environb._data, sys.getrefcount(os.environ._data))
            print(sys.getsizeof(sys.argv), sys.getsizeof(sys.path), sys.getrefcount(sys.argv), sys.getrefcount(sys.path))
            print(len(sys.modules), sorted(sys.modules))
            for s in (sys.stdin, sys.stdout, sys.stderr):
                print(s.line_buffering, s.write_through, type(s.buffer).__name__, s.isatty(), s.encoding, s.errors)
            print(gc.get_count())
            print(len(gc.get_objects()))
            import atexit
            class Last:
                def __del__(self):
                    print('a module global finalized at exit', flush=True)
            last = Last()
            atexit.register(print, 'atexit ran', sys.argv[1:])
            sys.stdout.write('pending at exit')
            """.formatted(EXTRA, EXTRA);

    /** A run: its argv, sys.path[0], -W and -X options, its environment's additions, and a file for stdout (null: a pipe). */
    record Run(List<String> argv, String path0, List<String> warn, List<String> x, Map<String, String> env, String flags, Path stdout) {
        Run(List<String> argv, String path0) { this(argv, path0, List.of(), List.of(), Map.of(), "", null); }

        Run withEnv(Map<String, String> e) { return new Run(argv, path0, warn, x, e, flags, stdout); }

        Run withStdout(Path f) { return new Run(argv, path0, warn, x, env, flags, f); }

        Run withFlags(String f) { return new Run(argv, path0, warn, x, env, f, stdout); }

        List<String> args() {
            List<String> a = new ArrayList<>();
            for (String s : argv) a.add("--argv=" + s);
            if (path0 != null) a.add("--path0=" + path0);
            for (String w : warn) a.add("--W=" + w);
            for (String s : x) a.add("--X=" + s);
            for (char c : flags.toCharArray()) a.add("--" + c);
            return a;
        }
    }

    @Test
    void aStartUpAdoptedFromTheImageWithTheRunsOwnValuesRedoneLeavesWhatALiveStartUpLeaves() throws Exception {
        Path probe = dir.resolve("probe.py"), img = dir.resolve("pipe.img"), fileImg = dir.resolve("file.img"), ppImg = dir.resolve("pythonpath.img");
        Files.writeString(probe, PROBE);
        String probeDir = dir.toString(), cwd = Path.of("").toAbsolutePath().toString();
        Path ppDir = Files.createDirectories(dir.resolve("pp"));
        Run neutral = new Run(List.of(), null);
        assertEquals("written", child("make", img, neutral, probe).result);
        // with the maker's own values: the adopted heap and Java state are the maker's
        Child same = child("adopt-compare", img, neutral, probe);
        assertEquals("adopted\nsame objects\nsame Java state", same.result, same.output);
        assertEquals(child("live", img, neutral, probe).output, same.output);

        Run script = new Run(List.of(probe.toString(), "x", "y"), probeDir);
        List<Run> runs = List.of(script, new Run(List.of("-c"), ""), new Run(List.of(probe.toString()), cwd),
                script.withEnv(Map.of(EXTRA, "an extra variable")),
                new Run(script.argv, script.path0, List.of("error"), List.of("faulthandler"), Map.of(), "", null));
        for (Run r : runs) {
            Child live = child("live", img, r, probe), adopted = child("adopt", img, r, probe);
            assertEquals("adopted", adopted.result, adopted.output);
            assertEquals(live.output, adopted.output, "adopted differently from the live start-up: " + r);
        }
        assertTrue(child("live", img, runs.get(3), probe).output.contains("an extra variable"), "the adopter's environment is its own");

        // stdout a file: another key, its own image
        Run toFile = script.withStdout(dir.resolve("out.txt"));
        assertEquals("refused", child("adopt", img, toFile, probe).result, "the pipe's image is refused when stdout is a file");
        assertEquals("written", child("make", fileImg, neutral.withStdout(dir.resolve("make-out.txt")), probe).result);
        Child liveFile = child("live", fileImg, toFile, probe), adoptedFile = child("adopt", fileImg, toFile, probe);
        assertEquals("adopted", adoptedFile.result);
        assertEquals(liveFile.output, adoptedFile.output);

        // PYTHONPATH and -S: keyed
        Run pp = script.withEnv(Map.of("PYTHONPATH", ppDir.toString()));
        Child refusedPp = child("adopt", img, pp, probe);
        assertEquals("refused", refusedPp.result, "the image is refused under another PYTHONPATH");
        Child livePp = child("live", img, pp, probe);
        assertEquals(livePp.output, refusedPp.output, "after a refusal the live start-up runs");
        assertTrue(livePp.output.contains(ppDir.toString()));
        assertEquals("written", child("make", ppImg, neutral.withEnv(pp.env), probe).result);
        Child adoptedPp = child("adopt", ppImg, pp, probe);
        assertEquals("adopted", adoptedPp.result);
        assertEquals(livePp.output, adoptedPp.output);
        Run noSite = script.withFlags("S");
        Child refusedS = child("adopt", img, noSite, probe);
        assertEquals("refused", refusedS.result, "the image is refused with -S");
        Child liveS = child("live", img, noSite, probe);
        assertEquals(liveS.output, refusedS.output);
        // -S and -I: each its own image
        for (String f : List.of("S", "I")) {
            Path flagImg = dir.resolve("flag" + f + ".img");
            assertEquals("written", child("make", flagImg, neutral.withFlags(f), probe).result);
            Run run = script.withFlags(f);
            Child live = f.equals("S") ? liveS : child("live", flagImg, run, probe), adopted = child("adopt", flagImg, run, probe);
            assertEquals("adopted", adopted.result, "-" + f);
            assertEquals(live.output, adopted.output, "-" + f + " adopted differently from the live start-up");
        }
    }

    record Child(String output, String result) {}

    private Child child(String mode, Path img, Run run, Path probe) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path result = Files.createTempFile(dir, "result", ".txt");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED", "-Xss512m",
                "-Drefheap.ownedLargeBlocks=true", "-cp", System.getProperty("java.class.path"),
                StartupImageFidelityTest.class.getName(), mode, img.toString(), result.toString(), probe.toString()));
        cmd.addAll(run.args());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove(EXTRA);
        pb.environment().remove("PYTHONPATH");
        pb.environment().putAll(run.env);
        if (run.stdout != null) {
            Files.deleteIfExists(run.stdout);
            pb.redirectOutput(run.stdout.toFile());
        }
        pb.redirectError(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        String out = run.stdout == null ? new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8) : "";
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        if (run.stdout != null) out = Files.readString(run.stdout);
        String res = Files.readString(result).strip();
        assertEquals(0, status, mode + " " + run + ": " + out + err + res);
        return new Child(out + "\n--- stderr\n" + err, res);
    }

    /**
     * The child: {@code MODE IMAGE RESULT PROBE [--argv=A]... [--path0=P] [--W=W]... [--X=X]... [--S] [--I]}.
     * {@code make}: the maker's configuration, CPython's start-up, the image (with IMAGE.objects and
     * IMAGE.java, its object listing and Java state); {@code live}: the run's configuration, a live
     * start-up, the probe; {@code adopt}: the run's configuration, the image adopted (or refused:
     * then a live start-up), the probe; {@code adopt-compare}: also the adopted heap and Java state
     * against the maker's. RESULT gets what happened.
     */
    public static void main(String[] args) throws IOException {
        String mode = args[0];
        Path img = Path.of(args[1]), result = Path.of(args[2]), probe = Path.of(args[3]);
        List<String> argv = new ArrayList<>(), warn = new ArrayList<>();
        List<String[]> xs = new ArrayList<>();
        String path0 = null;
        boolean noSite = false, isolated = false;
        for (int i = 4; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--argv=")) argv.add(a.substring(7));
            else if (a.startsWith("--path0=")) path0 = a.substring(8);
            else if (a.startsWith("--W=")) warn.add(a.substring(4));
            else if (a.startsWith("--X=")) xs.add(new String[] {a.substring(4), null});
            else if (a.equals("--S")) noSite = true;
            else if (a.equals("--I")) isolated = true;
        }
        Runtime.MainConfig config = new Runtime.MainConfig(argv, path0, null,
                new Runtime.StartFlags(noSite, false, false, isolated, false, warn, xs));
        RuntimeOptions options = new RuntimeOptions(1L << 31, false, StdStream.open(false), StdStream.open(true));
        // an adopter is made for the image, as the launcher makes it (its constructor leaves out what the image replaces)
        Runtime rt = new Runtime(options, mode.startsWith("adopt"));
        List<String> res = new ArrayList<>();
        if (mode.equals("make")) {
            rt.configureMain(StartupImage.makerConfig(config));
            rt.runCpythonStartup();
            rt.writeStartupImage(img, KEY);
            Files.write(Path.of(img + ".objects"), StartupImageTest.listing(rt.heap()));
            Files.write(Path.of(img + ".java"), JavaStateAudit.of(rt, StartupImageHooksTest.AUDIT_SKIP));
            Files.writeString(result, "written");
            System.exit(0);
        }
        rt.configureMain(config);
        if (mode.equals("live")) {
            rt.runCpythonStartup();
        } else if (rt.startFromImage(img, KEY)) {
            res.add("adopted");
            List<String> problems = rt.verify();
            if (!problems.isEmpty()) res.add("the adopted heap does not verify: " + problems);
            if (mode.equals("adopt-compare")) {
                List<String> want = Files.readAllLines(Path.of(img + ".objects")), got = StartupImageTest.listing(rt.heap());
                String diff = null;
                for (int i = 0; diff == null && i < Math.max(want.size(), got.size()); i++) {
                    String w = i < want.size() ? want.get(i) : "(none)", g = i < got.size() ? got.get(i) : "(none)";
                    if (!w.equals(g)) diff = "object " + i + " is " + g + ", the maker's " + w;
                }
                res.add(diff == null ? "same objects" : diff);
                List<String> java = JavaStateAudit.differences(Files.readAllLines(Path.of(img + ".java")),
                        JavaStateAudit.of(rt, StartupImageHooksTest.AUDIT_SKIP), 40);
                res.add(java.isEmpty() ? "same Java state" : "Java state differs (maker's | adopter's):\n  " + String.join("\n  ", java));
            }
        } else {
            res.add("refused");
            rt.abandon();
            rt = new Runtime(options);  // a runtime made for an image that refused it is unusable
            rt.configureMain(config);
            rt.runCpythonStartup();
        }
        Files.write(result, res);
        try {
            rt.exec(Files.readString(probe), probe.toString());
        } catch (PyException e) {
            rt.writeStderr(rt.formatUncaught(e));
        }
        rt.finalizeAtExit(null);  // atexit's callbacks, the modules released, the streams flushed: the command line's exit
        rt.flushStdio();
        System.out.flush();
        System.exit(0);
    }
}

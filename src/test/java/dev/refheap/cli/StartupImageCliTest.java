package dev.refheap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up image through the command line ({@code --startup=cpython}; {@link StartupImage}): the
 * first run starts live and writes the image, the next adopts it, and whatever makes the image
 * invalid for a run (a damaged file, a standard library file changed since) gives a live start-up
 * with the same output, after which the image is made again. Each run here has
 * {@code REFHEAP_DEBUG} set, so refheap says on stderr what became of the image; the program's
 * output is compared with a run that uses no image at all.
 */
class StartupImageCliTest {
    @TempDir
    Path dir;

    /**
     * Not in the working directory: start-up searches sys.path[0] (its modules found there first)
     * and the image's key holds its time, so a file made there makes the image stale.
     */
    @TempDir
    Path imageDir;

    /** What a program sees of the start-up: the counts, the modules, the objects, its own argv and path. */
    private static final String PROGRAM = "import gc, sys\n"
            + "print(gc.get_count(), len(sys.modules), sorted(sys.modules))\n"
            + "print(sys.argv, sys.path[0] == '', len(gc.get_objects()), gc.get_stats()[0]['collections'])\n"
            + "print(sys.stdout.line_buffering, type(sys.stdout.buffer).__name__, sys.flags.no_site)\n"
            + "d = {}\n"
            + "for i in range(1000): d[i] = [i] * 100\n"
            + "print(sum(len(v) for v in d.values()), sys.getrefcount(sys))\n";

    private Path images() { return imageDir; }

    private CliRun run(Map<String, String> env, String... args) throws Exception {
        Consumer<ProcessBuilder> setup = pb -> {
            pb.environment().put("REFHEAP_DEBUG", "1");
            pb.environment().put("REFHEAP_STARTUP_IMAGES", images().toString());
            pb.environment().putAll(env);
        };
        return CliRun.in(dir, setup, args);
    }

    private CliRun run(String... args) throws Exception { return run(Map.of(), args); }

    /** The image a run says it wrote (REFHEAP_DEBUG's line). */
    private static Path written(CliRun r) {
        String line = r.err().lines().filter(l -> l.startsWith("refheap: start-up image written ")).findFirst().orElseThrow(() -> new AssertionError(r.err()));
        return Path.of(line.substring("refheap: start-up image written ".length()));
    }

    /** stderr without refheap's own debug lines about the image. */
    private static String programErr(CliRun r) {
        return r.err().lines().filter(l -> !l.startsWith("refheap: start-up image ")).map(l -> l + "\n").reduce("", String::concat);
    }

    private static void sameProgramOutput(CliRun expected, CliRun actual) {
        assertEquals(expected.out(), actual.out());
        assertEquals(programErr(expected), programErr(actual));
        assertEquals(expected.status(), actual.status());
    }

    @Test
    void theFirstRunMakesTheImageAndTheSecondAdoptsItWithTheSameOutput() throws Exception {
        CliRun live = run(Map.of("REFHEAP_STARTUP_IMAGE", "0"), "--startup=cpython", "-c", PROGRAM);
        assertEquals("", live.err());
        CliRun first = run("--startup=cpython", "-c", PROGRAM);
        assertTrue(first.err().contains("refheap: start-up image written "), first.err());
        Path img = written(first);
        assertTrue(Files.isRegularFile(img) && img.getParent().equals(images()) && img.getFileName().toString().matches("classes-startup-[0-9a-f]{16}\\.img"),
                "the image is beside the others, named by its inputs: " + img);
        sameProgramOutput(live, first);
        CliRun second = run("--startup=cpython", "-c", PROGRAM);
        assertTrue(second.err().contains("refheap: start-up image adopted "), second.err());
        sameProgramOutput(live, second);
        // a script that fails, with its own argv and sys.path[0], adopts the image -c made; -S has its own
        Files.writeString(dir.resolve("p.py"), PROGRAM + "raise ValueError('at the end')\n");
        CliRun script = run(Map.of("REFHEAP_STARTUP_IMAGE", "0"), "--startup=cpython", "run", "p.py", "x");
        CliRun r = run("--startup=cpython", "run", "p.py", "x");
        assertTrue(r.err().contains("adopted"), r.err());
        sameProgramOutput(script, r);
        CliRun noSite = run(Map.of("REFHEAP_STARTUP_IMAGE", "0"), "--startup=cpython", "-S", "-c", PROGRAM);
        Path noSiteImg = null;
        for (int i = 0; i < 2; i++) {
            r = run("--startup=cpython", "-S", "-c", PROGRAM);
            if (i == 0) noSiteImg = written(r);
            assertTrue(r.err().contains((i == 0 ? "written " : "adopted ") + noSiteImg), r.err());
            sameProgramOutput(noSite, r);
        }
        assertTrue(!noSiteImg.equals(img) && Files.isRegularFile(img), "-S has an image of its own beside the other");
        r = run("--startup=cpython", "-c", PROGRAM);
        assertTrue(r.err().contains("adopted " + img), r.err());
    }

    /**
     * bug: runs whose inputs differ (stdout a pipe, then a file; a terminal, then a pipe) replaced
     * each other's image, so alternating them made the image at every run. Each now has its own.
     */
    /**
     * --max-heap started live every time (1.5 s of CPU each since CPython's start-up became the
     * default): now a limit far above what the image's making used adopts it, and one near or
     * below it starts live, with the live start-up's own MemoryError below it.
     */
    @Test
    void bug_maxHeapAdoptsAnImageMadeFarBelowTheLimit() throws Exception {
        CliRun live = run(Map.of("REFHEAP_STARTUP_IMAGE", "0"), "--max-heap", "64m", "-c", PROGRAM);
        assertEquals("", live.err());
        Path img = written(run("-c", PROGRAM));
        CliRun big = run("--max-heap", "64m", "-c", PROGRAM);
        assertTrue(big.err().contains("refheap: start-up image adopted " + img), big.err());
        sameProgramOutput(live, big);
        CliRun near = run("--max-heap", "3m", "-c", PROGRAM);
        assertTrue(near.err().contains("not taken") && !near.err().contains("adopted"), near.err());
        CliRun nearLive = run(Map.of("REFHEAP_STARTUP_IMAGE", "0"), "--max-heap", "3m", "-c", PROGRAM);
        assertEquals(nearLive.out(), near.out());
        CliRun below = run("--max-heap", "2m", "-c", PROGRAM);
        assertEquals(1, below.status(), below.err());
        assertTrue(below.err().contains("MemoryError"), below.err());
    }

    @Test
    void bug_runsWithOtherStreamsKeepTheirOwnImages() throws Exception {
        Path out = dir.resolve("out.txt");
        Consumer<ProcessBuilder> toFile = pb -> {
            pb.environment().put("REFHEAP_DEBUG", "1");
            pb.environment().put("REFHEAP_STARTUP_IMAGES", images().toString());
            pb.redirectOutput(out.toFile());
        };
        Path piped = written(run("--startup=cpython", "-c", PROGRAM));
        CliRun file = CliRun.in(dir, toFile, "--startup=cpython", "-c", PROGRAM);
        Path filed = written(file);
        assertTrue(!filed.equals(piped) && Files.isRegularFile(piped), file.err());
        assertTrue(run("--startup=cpython", "-c", PROGRAM).err().contains("adopted " + piped));
        CliRun again = CliRun.in(dir, toFile, "--startup=cpython", "-c", PROGRAM);
        assertTrue(again.err().contains("adopted " + filed), again.err());
    }

    /**
     * One run of {@code args} with stdout appended to {@code log} after {@code before} bytes that a
     * shell writes to the same open file first (as runs in one redirected loop, or a script whose
     * output is a log, start past the file's start): what this run wrote after them. Its
     * offset then is {@link #lastOffset}.
     */
    private long lastOffset;

    private CliRun appending(Path log, int before, Map<String, String> env, String... args) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("sh", "-c", "head -c \"$0\" /dev/zero; exec \"$@\"", Integer.toString(before)));
        cmd.addAll(CliRun.command(args));
        ProcessBuilder pb = CliRun.builder(dir, cmd).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("REFHEAP_DEBUG", "1");
        pb.environment().put("REFHEAP_STARTUP_IMAGES", images().toString());
        pb.environment().putAll(env);
        long start = Files.exists(log) ? Files.size(log) : 0;
        Process p = dev.refheap.CrashGuard.launched(pb.start());
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "finished");
        byte[] all = Files.readAllBytes(log);
        for (int i = 0; i < before; i++) assertEquals(0, all[(int) start + i], "the shell's bytes first");
        byte[] mine = java.util.Arrays.copyOfRange(all, (int) start + before, all.length);
        lastOffset = start + before;
        return new CliRun(p.exitValue(), new String(mine, java.nio.charset.StandardCharsets.ISO_8859_1), err);
    }

    /**
     * bug: a regular file's offset was part of the image's key, so runs appending to one log (each
     * starting where the output before it ended) made an image each time, 3x the CPU. Only what
     * start-up's state depends on of it is keyed now (0, 1-256 or more): runs at other offsets adopt
     * one image, and print what a live start-up prints there, as python3 (whose tell() is the
     * file's offset; the same from the buffer and the raw file). A text wrapper on a stream past its
     * start writes no byte order mark (utf-16), so a run at offset 0 does not take that image.
     */
    @Test
    void bug_runsAppendingToOneLogShareAnImage() throws Exception {
        Path log = dir.resolve("log.txt");
        String tells = "import os, sys\nprint(sys.stdout.tell(), sys.stdout.buffer.tell(), sys.stdout.buffer.raw.tell(), os.lseek(1, 0, 1))\n";
        String program = tells + PROGRAM;
        Map<String, String> live = Map.of("REFHEAP_STARTUP_IMAGE", "0");
        CliRun expected = appending(log, 300, live, "--startup=cpython", "-c", program);
        assertEquals("", expected.err());
        assertTrue(expected.out().startsWith("300 300 300 300\n"), expected.out());
        String rest = expected.out().substring(expected.out().indexOf('\n') + 1);
        CliRun first = appending(log, 300, Map.of(), "--startup=cpython", "-c", program);
        Path img = written(first);
        assertTrue(lastOffset > 256, "past 256 as the live run was");
        assertEquals(lastOffset + " " + lastOffset + " " + lastOffset + " " + lastOffset + "\n" + rest, first.out());
        assertEquals(programErr(expected), programErr(first));
        for (int before : new int[] {7, 5000}) {
            CliRun r = appending(log, before, Map.of(), "--startup=cpython", "-c", program);
            assertTrue(r.err().contains("refheap: start-up image adopted " + img), r.err());
            assertEquals(lastOffset + " " + lastOffset + " " + lastOffset + " " + lastOffset + "\n" + rest, r.out());
            assertEquals(programErr(expected), programErr(r));
        }
        // utf-16: the byte order mark at offset 0 only, and each its own image
        Map<String, String> utf16 = Map.of("PYTHONIOENCODING", "utf-16");
        String hi = "print('hi')\n";
        CliRun past = appending(log, 300, utf16, "--startup=cpython", "-c", hi);
        assertEquals("h\0i\0\n\0", past.out(), "no byte order mark past the start");
        Path pastImg = written(past);
        assertTrue(appending(log, 900, utf16, "--startup=cpython", "-c", hi).err().contains("adopted " + pastImg));
        Path fresh = dir.resolve("fresh.txt");
        CliRun atStart = appending(fresh, 0, utf16, "--startup=cpython", "-c", hi);
        assertEquals("\u00ff\u00feh\0i\0\n\0", atStart.out(), "a byte order mark at the start");
        assertTrue(!written(atStart).equals(pastImg), atStart.err());
        Files.delete(fresh);
        assertTrue(appending(fresh, 0, Map.of(), "--startup=cpython", "-c", hi).err().contains("written "), "offset 0 is not 300's image");
    }

    /** A directory keeps the most recently used images: writing one removes the oldest beyond that, and old builds' names. */
    @Test
    void writingAnImagePrunesTheLeastRecentlyUsed() throws Exception {
        Path img = written(run("--startup=cpython", "-c", PROGRAM));
        java.util.List<Path> others = new java.util.ArrayList<>();
        for (int i = 0; i < StartupImages.KEPT + 2; i++) {
            Path p = images().resolve(String.format("classes-startup-%016x.img", i));
            Files.write(p, new byte[] {1});
            Files.setLastModifiedTime(p, FileTime.fromMillis(1_000_000_000_000L + i * 1000L));
            others.add(p);
        }
        Path session17 = Files.write(images().resolve("classes-startup-S.img"), new byte[] {1});
        Path unrelated = Files.write(images().resolve("notes.img"), new byte[] {1});
        Files.setLastModifiedTime(img, FileTime.fromMillis(1_000_000_000_000L - 1000L));  // older than all: adopting it marks it used
        assertTrue(run("--startup=cpython", "-c", PROGRAM).err().contains("adopted " + img));
        assertTrue(Files.getLastModifiedTime(img).toMillis() > 1_000_000_000_000L + 60_000L, "an adopted image is marked used");
        CliRun r = run("--startup=cpython", "-S", "-c", PROGRAM);  // other inputs: a new image, and the pruning
        Path noSite = written(r);
        for (Path p : java.util.List.of(img, noSite, unrelated)) assertTrue(Files.exists(p), p + " kept: " + r.err());
        assertTrue(!Files.exists(session17), "an old build's name is removed");
        int kept = 0;
        for (int i = 0; i < others.size(); i++) {
            boolean expected = i >= others.size() - (StartupImages.KEPT - 2);  // the newest, with this run's and the adopted one
            assertEquals(expected, Files.exists(others.get(i)), others.get(i) + ": " + r.err());
            if (expected) kept++;
        }
        assertEquals(StartupImages.KEPT - 2, kept);
    }

    @Test
    void aDamagedImageStartsLiveWithTheSameOutputAndIsMadeAgain() throws Exception {
        CliRun live = run(Map.of("REFHEAP_STARTUP_IMAGE", "0"), "--startup=cpython", "-c", PROGRAM);
        Path img = written(run("--startup=cpython", "-c", PROGRAM));
        byte[] b = Files.readAllBytes(img);
        b[b.length - 5000] ^= 1;  // in the memory: only its checksum tells
        Files.write(img, b);
        CliRun damaged = run("--startup=cpython", "-c", PROGRAM);
        assertTrue(damaged.err().contains("refheap: start-up image not taken: the runtime refused it"), damaged.err());
        assertTrue(damaged.err().contains("refheap: start-up image written "), damaged.err());
        sameProgramOutput(live, damaged);
        CliRun again = run("--startup=cpython", "-c", PROGRAM);
        assertTrue(again.err().contains("refheap: start-up image adopted "), again.err());
        sameProgramOutput(live, again);
        Files.write(img, new byte[] {1, 2, 3});  // not an image at all
        CliRun garbage = run("--startup=cpython", "-c", PROGRAM);
        assertTrue(garbage.err().contains("refheap: start-up image written "), garbage.err());
        sameProgramOutput(live, garbage);
    }

    /**
     * A standard library whose start-up module changed since the image was made: the image is not
     * taken. The library is a directory of links to Debian's, with os.py copied so the test can
     * change its time.
     */
    @Test
    void aChangedStdlibFileIsNotAdopted() throws Exception {
        Path real = Path.of("/usr/lib/python3.11"), lib = Files.createDirectories(imageDir.resolve("lib"));
        try (var entries = Files.list(real)) {
            for (Path e : (Iterable<Path>) entries::iterator) {
                String name = e.getFileName().toString();
                if (name.equals("os.py")) Files.copy(e, lib.resolve(name));
                else Files.createSymbolicLink(lib.resolve(name), e);
            }
        }
        String[] args = {"--startup=cpython", "--stdlib", lib.toString(), "-c", PROGRAM};
        CliRun live = run(Map.of("REFHEAP_STARTUP_IMAGE", "0"), args);
        assertTrue(run(args).err().contains("written"));
        assertTrue(run(args).err().contains("adopted"));
        Path os = lib.resolve("os.py");
        Files.setLastModifiedTime(os, FileTime.fromMillis(Files.getLastModifiedTime(os).toMillis() - 60_000));
        CliRun changed = run(args);
        assertTrue(changed.err().contains("refheap: start-up image not taken: " + os + ": "), changed.err());
        assertTrue(changed.err().contains("written"), changed.err());
        sameProgramOutput(live, changed);
        CliRun after = run(args);
        assertTrue(after.err().contains("adopted"), after.err());
        sameProgramOutput(live, after);
    }

    /** The type dicts in an image hold the docstrings' text, so a changed docstring file (another CPython 3.11) makes the image stale. */
    @Test
    void bug_aChangedDocstringFileIsNotAdopted() throws Exception {
        Path cache = Files.createDirectories(imageDir.resolve("cache"));
        Map<String, String> env = Map.of("REFHEAP_CACHE", cache.toString());
        String[] args = {"--startup=cpython", "-c", "print(int.__doc__[:10])"};
        CliRun first = run(env, args);
        assertTrue(first.err().contains("written"), first.err());
        assertTrue(run(env, args).err().contains("adopted"));
        Path docs = cache.resolve("builtin-docs-311.txt");
        assertTrue(Files.exists(docs), "the docstring file is made on first use");
        Files.setLastModifiedTime(docs, FileTime.fromMillis(Files.getLastModifiedTime(docs).toMillis() - 60_000));
        CliRun changed = run(env, args);
        assertTrue(changed.err().contains("refheap: start-up image not taken: " + docs + ": "), changed.err());
        assertEquals(first.out(), changed.out());
    }
    /**
     * --gc-stress adopts the image too (a live start-up under it took 28 s of wall time): the
     * start-up is the maker's, unchecked, and the checks start with an exact check of the whole
     * heap at the program's first line. A reference count the program then breaks is found.
     */
    @Test
    void gcStressAdoptsTheImageAndChecksFromTheFirstLine() throws Exception {
        String program = "import gc, sys\nx = [[i] for i in range(50)]\nx.append(x)\ndel x\nprint(gc.collect(), len(sys.modules))\n";
        CliRun made = run("--startup=cpython", "-c", program);
        assertTrue(made.err().contains("written"), made.err());
        CliRun stressed = run("--gc-stress", "--startup=cpython", "-c", program);
        assertTrue(stressed.err().contains("refheap: start-up image adopted "), stressed.err());
        assertEquals("", programErr(stressed));
        assertEquals(0, stressed.status());
        assertEquals(made.out(), stressed.out());  // no allocation between the del and gc.collect(): the 51 objects are its to find
        // with images off, the start-up itself is checked from its first allocation, and prints the same
        CliRun live = run(Map.of("REFHEAP_STARTUP_IMAGE", "0"), "--gc-stress", "--startup=cpython", "-c", program);
        assertEquals(stressed.out(), live.out());
        // a refcount broken through ctypes after the start-up is found by the checks (without
        // REFHEAP_DEBUG, which adds the error's Java stack to the report)
        CliRun broken = CliRun.in(dir, pb -> pb.environment().put("REFHEAP_STARTUP_IMAGES", images().toString()), "--gc-stress", "--startup=cpython", "-c",
                "import ctypes\nx = []\nctypes.c_ssize_t.from_address(id(x)).value += 1\ny = [1]\n");
        assertEquals(70, broken.status(), broken.err());
        assertTrue(broken.err().contains("heap verification failed"), broken.err());
    }
}

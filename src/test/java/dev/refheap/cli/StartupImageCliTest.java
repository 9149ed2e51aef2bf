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
        Path img = images().resolve("classes-startup.img");
        assertTrue(Files.isRegularFile(img), "the image is beside the others: " + img);
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
        for (int i = 0; i < 2; i++) {
            r = run("--startup=cpython", "-S", "-c", PROGRAM);
            assertTrue(r.err().contains((i == 0 ? "written " : "adopted ") + images().resolve("classes-startup-S.img")), r.err());
            sameProgramOutput(noSite, r);
        }
    }

    @Test
    void aDamagedImageStartsLiveWithTheSameOutputAndIsMadeAgain() throws Exception {
        CliRun live = run(Map.of("REFHEAP_STARTUP_IMAGE", "0"), "--startup=cpython", "-c", PROGRAM);
        run("--startup=cpython", "-c", PROGRAM);
        Path img = images().resolve("classes-startup.img");
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

package dev.refheap.cli;

import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.Runtime;
import dev.refheap.lang.vm.RuntimeOptions;
import dev.refheap.lang.vm.StartupInputs;
import dev.refheap.memory.BlockAllocator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The start-up image as the command line uses it ({@code --startup=cpython}; docs/architecture.md,
 * "Start-up image", step 1): a run adopts the image of CPython's start-up when one is valid for
 * it, and otherwise runs the start-up live and then writes the image for the runs after it.
 *
 * <p>Key. The image's key (the allocator's header carries it) is a text that says what the image
 * was made for, read back and checked before anything is given up: a head (the image format, the
 * build of refheap, the JVM, the start-up options, and the run's own inputs, below) that must equal
 * the adopting run's, then every file and directory the start-up read ({@link StartupInputs}),
 * each with its size and modification time then, which must all still be so. The run's own
 * inputs are sys.argv, sys.path[0], the working directory, the whole environment and what the
 * standard streams are (a terminal, a pipe, a file): the start-up puts them into objects and
 * nothing redoes them after an adoption yet, so an image is only taken by a run that would have
 * made the same objects.
 *
 * <p>Place. Beside the jar the launcher built ({@code target/refheap-startup.img}, as its AOT cache
 * is), one file per combination of {@code -S}, {@code -s}, {@code -E}, {@code -I}
 * ({@code refheap-startup-S.img}); running from class directories (the tests),
 * {@code target/classes-startup*.img}. {@code REFHEAP_STARTUP_IMAGES=DIR} puts them in DIR;
 * {@code REFHEAP_STARTUP_IMAGE=0} runs every start-up live and neither reads nor writes images.
 *
 * <p>States of a run: {@link #open} builds the runtime with owned large blocks (so its
 * constructor leaves its objects where the image-maker's did) and adopts the image if its key
 * passes and the runtime takes it (ADOPTED); otherwise the runtime keeps its own memory (MAKING)
 * and {@link #runStartup} runs the start-up live, recording what it reads, writes the image
 * (written whole and renamed over the old one: two runs writing at once leave one whole image,
 * the last renamed), and turns owned large blocks off before the program, as an adopted
 * allocator has them. A missing, stale, damaged or refused image means a live start-up; an image
 * that cannot be written is only not written. Nothing of this is printed.
 */
final class StartupImage {
    /** The key's format: a change in what the key holds or how it is checked makes every older image stale. */
    private static final String FORMAT = "refheap start-up image key 1";
    /** No key is longer than this (the environment's size bounds the head; the inputs are about a hundred lines). */
    private static final int MAX_KEY = 4 << 20;

    private final Path file;
    private final String head;
    private boolean adopted;

    private StartupImage(Path file, String head) {
        this.file = file;
        this.head = head;
    }

    /**
     * The image a run with {@code flags} and {@code config} uses, or null when it uses none: not
     * CPython's start-up, {@code --gc-stress} (its checks start at the first allocation, which an
     * adopted heap skips) or {@code --max-heap} (the live start-up's own MemoryError), images
     * turned off, or no place for them.
     */
    static StartupImage forRun(RuntimeFlags flags, boolean unbuffered, Runtime.MainConfig config) {
        if (!flags.cpythonStartup() || flags.gcStress || flags.maxHeap != null) return null;
        if ("0".equals(System.getenv("REFHEAP_STARTUP_IMAGE"))) return null;
        String build = build();
        Path dir = directory();
        if (build == null || dir == null) return null;
        Runtime.StartFlags s = config.start();
        String name = (build.startsWith("jar:") ? "refheap" : "classes") + "-startup"
                + ((s.noSite() || s.noUserSite() || s.ignoreEnvironment() || s.isolated()) ? "-" : "")
                + (s.noSite() ? "S" : "") + (s.noUserSite() ? "s" : "") + (s.ignoreEnvironment() ? "E" : "") + (s.isolated() ? "I" : "")
                + ".img";
        return new StartupImage(dir.resolve(name), head(build, unbuffered, config));
    }

    /** Whether this run's runtime adopted the image (its start-up is done). */
    boolean adopted() { return adopted; }

    Path file() { return file; }

    /**
     * The run's runtime: made with owned large blocks, then given the image's memory if the image
     * is valid for this run. A runtime the image was refused by after it gave up its memory (the
     * file changed between the check and the mapping) is unusable: a new one is made then, which
     * runs the start-up live.
     */
    Runtime open(RuntimeOptions options) {
        RuntimeOptions owned = new RuntimeOptions(options.maxHeap(), options.stress(), options.out(), options.err(), true);
        byte[] key = validKey();
        Runtime rt = new Runtime(owned);
        if (key == null) return rt;
        try {
            rt.adoptImage(file, key);
            debug("adopted " + file);
            adopted = true;
            return rt;
        } catch (BlockAllocator.ImageException | java.io.IOException e) {
            stale("the runtime refused it: " + e.getMessage(), null);
            return rt;  // refused before the runtime gave anything up: it starts live and makes the image again
        } catch (IllegalStateException | PyException e) {
            stale("the runtime failed to adopt it: " + e, null);
            return new Runtime(owned);
        }
    }

    /**
     * CPython's start-up for the runtime {@link #open} made: nothing when it adopted the image;
     * otherwise the start-up live, then the image written for the next runs. Large blocks come
     * from the C library afterwards in either case. A start-up that raises is not imaged.
     */
    void runStartup(Runtime rt) {
        if (adopted) return;
        boolean ran = false;
        List<String> inputs;
        StartupInputs.start();
        try {
            rt.runCpythonStartup();
            ran = true;
        } finally {
            inputs = StartupInputs.stop();
            if (!ran) rt.heap().allocator().setOwnedLargeBlocks(false);
        }
        try {
            StringBuilder key = new StringBuilder(head);
            for (String p : inputs) key.append(escape(p)).append('\t').append(StartupInputs.state(p)).append('\n');
            byte[] bytes = key.toString().getBytes(StandardCharsets.UTF_8);
            if (bytes.length <= MAX_KEY) {
                Files.createDirectories(file.getParent());
                rt.writeImage(file, bytes);
                debug("written " + file);
            }
        } catch (Exception e) {
            // an optimisation only: an unwritable directory, a full disk, or a state no image carries
            // yet (ImageHooks.Refused names it) leaves the next run starting live as this one did
            debug("not written: " + e);
        } finally {
            rt.heap().allocator().setOwnedLargeBlocks(false);
        }
    }

    /** The image's key when the image is valid for this run (its head equals this run's and every input is as recorded), else null. */
    private byte[] validKey() {
        byte[] key;
        try {
            key = BlockAllocator.readImageKey(file, MAX_KEY);
        } catch (java.io.IOException | RuntimeException e) {
            return null;  // none yet, or not an image
        }
        String k = new String(key, StandardCharsets.UTF_8);
        if (!k.startsWith(head)) return stale(k, head);
        for (int at = head.length(); at < k.length(); ) {
            int nl = k.indexOf('\n', at), tab = k.indexOf('\t', at);
            if (nl < 0 || tab < 0 || tab > nl) return stale("the inputs' list is damaged", null);
            String path = unescape(k.substring(at, tab)), now = StartupInputs.state(path);
            if (!now.equals(k.substring(tab + 1, nl))) return stale(path + ": " + k.substring(tab + 1, nl) + " then, " + now + " now", null);
            at = nl + 1;
        }
        return key;
    }

    /** Null; with REFHEAP_DEBUG set, says on stderr why the image is not taken: {@code why}, or the first line where the key's head and {@code head} part. */
    private static byte[] stale(String why, String head) {
        if (System.getenv("REFHEAP_DEBUG") == null) return null;
        if (head != null) {
            String[] a = why.split("\n", -1), b = head.split("\n", -1);
            int i = 0;
            while (i < a.length && i < b.length && a[i].equals(b[i])) i++;
            why = "the key's head differs at line " + (i + 1) + ": '" + (i < a.length ? a[i] : "") + "' then, '" + (i < b.length ? b[i] : "") + "' now";
        }
        debug("not taken: " + why);
        return null;
    }

    /** With REFHEAP_DEBUG set, what became of the start-up image, on stderr. */
    private static void debug(String what) {
        if (System.getenv("REFHEAP_DEBUG") != null) System.err.println("refheap: start-up image " + what);
    }

    /** The key's head for a run: everything but the start-up's inputs, one line each. */
    private static String head(String build, boolean unbuffered, Runtime.MainConfig config) {
        StringBuilder b = new StringBuilder(FORMAT).append('\n');
        line(b, "build", build);
        line(b, "jvm", System.getProperty("java.vm.version"));
        Runtime.StartFlags s = config.start();
        line(b, "flags", (s.noSite() ? "S" : "") + (s.noUserSite() ? "s" : "") + (s.ignoreEnvironment() ? "E" : "")
                + (s.isolated() ? "I" : "") + (s.dontWriteBytecode() ? "B" : "") + (unbuffered ? "u" : ""));
        for (String w : s.warnOptions()) line(b, "W", w);
        for (String[] x : s.xOptions()) line(b, "X", x[0] + (x[1] == null ? "" : "=" + x[1]));
        line(b, "stdlib", config.stdlib());
        // the run's own inputs, until an adopted image redoes them (design step 5)
        for (String a : config.argv()) line(b, "argv", a);
        line(b, "path0", config.path0());
        line(b, "cwd", System.getProperty("user.dir"));
        Map<String, String> env = new TreeMap<>(System.getenv());
        for (var e : env.entrySet()) line(b, "env", e.getKey() + "=" + e.getValue());
        for (int fd = 0; fd <= 2; fd++) {
            long[] st = dev.refheap.lang.modules.posix.PosixFiles.fstat(fd);
            line(b, "fd" + fd, (st == null ? "closed" : Long.toOctalString(st[0] & 0170000)) + (dev.refheap.lang.vm.StdStream.isatty(fd) ? " tty" : ""));
        }
        b.append("inputs\n");
        return b.toString();
    }

    private static void line(StringBuilder b, String name, String value) {
        b.append(name).append(' ').append(value == null ? "\0none" : escape(value)).append('\n');
    }

    /** A value on one line: backslash, newline and tab escaped. */
    private static String escape(String s) {
        if (s.indexOf('\\') < 0 && s.indexOf('\n') < 0 && s.indexOf('\t') < 0) return s;
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Which build of refheap is running: its jar's path, size and modification time, or (from class
     * directories, as the tests run) the newest modification time and count of its class files; null if unknown.
     */
    private static String build() {
        Path p = codeSource();
        if (p == null) return null;
        try {
            if (Files.isRegularFile(p)) return "jar:" + p + ":" + Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis();
            long newest = 0, count = 0;
            try (var files = Files.walk(p.resolve("dev/refheap"))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    newest = Math.max(newest, Files.getLastModifiedTime(f).toMillis());
                    count++;
                }
            }
            return "dir:" + p + ":" + count + ":" + newest;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** Where the images are: $REFHEAP_STARTUP_IMAGES, else the directory the jar (or the class directory) is in. */
    private static Path directory() {
        String env = System.getenv("REFHEAP_STARTUP_IMAGES");
        if (env != null && !env.isEmpty()) return Path.of(env).toAbsolutePath();
        Path p = codeSource();
        return p == null ? null : p.toAbsolutePath().getParent();
    }

    private static Path codeSource() {
        try {
            var src = StartupImage.class.getProtectionDomain().getCodeSource();
            return src == null ? null : Path.of(src.getLocation().toURI());
        } catch (Exception e) {
            return null;
        }
    }
}

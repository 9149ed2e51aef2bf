package dev.refheap.cli;

import dev.refheap.lang.vm.Runtime;
import dev.refheap.lang.vm.RuntimeOptions;
import dev.refheap.lang.vm.StartupImage;
import dev.refheap.lang.vm.StartupInputs;
import dev.refheap.memory.BlockAllocator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The start-up image as the command line uses it ({@code --startup=cpython}; docs/architecture.md,
 * "Start-up image", step 1): a run adopts the image of CPython's start-up when one is valid for
 * it, and otherwise runs the start-up live as the image's maker, writes the image for the runs
 * after it, and goes on as a run ({@link StartupImage#continueAs}).
 *
 * <p>Key. An image's key (the allocator's header carries it) has two parts. This class's, checked
 * first from the header ({@link BlockAllocator#readImageKey}): the key's format, the build of
 * refheap (its jar's path, size and time), the JVM, then every file and directory the start-up
 * read ({@link StartupInputs}: the standard library's sources, the directories searched, what
 * site looked at) with its size and modification time then, which must all still be so. Then
 * {@link StartupImage#inputs}, which {@link Runtime#startFromImage} compares: the start-up flags,
 * the environment variables start-up reads, the standard streams' kinds, site's directories. The
 * run's own argv, sys.path[0], -W, -X and environment are redone after an adoption, not keyed.
 *
 * <p>Place. Beside the jar the launcher built, as its AOT cache is, one file per set of inputs
 * ({@code target/refheap-startup-FINGERPRINT.img}, {@link StartupImage.Inputs#fingerprint}: the
 * flags, the standard streams' kinds, the environment start-up reads), so runs whose inputs differ
 * (stdout a terminal, then a pipe) each keep their own image; running from class directories (the
 * tests), {@code classes-startup-FINGERPRINT.img} beside them. A directory keeps the {@link #KEPT}
 * most recently used (an adoption marks its image's modification time); writing one removes the
 * rest. {@code REFHEAP_STARTUP_IMAGES=DIR} puts them in DIR; {@code REFHEAP_STARTUP_IMAGE=0} runs
 * every start-up live and neither reads nor writes images.
 *
 * <p>States of a run: {@link #open} builds the runtime with owned large blocks (so its
 * constructor leaves its objects where the image-maker's did) and adopts the image if its key
 * passes (ADOPTED); otherwise the runtime keeps its own memory (MAKING) and {@link #runStartup}
 * runs the start-up live with the maker's configuration, recording what it reads, writes the
 * image (written whole and renamed over the old one: two runs writing at once leave one whole
 * image, the last renamed), turns owned large blocks off (an adopted allocator has them off) and
 * redoes the run's own part as an adopter does. A missing, stale, damaged or refused image means
 * a live start-up; an image that cannot be written is only not written. Nothing of this is
 * printed unless REFHEAP_DEBUG is set.
 */
final class StartupImages {
    /** The key's format: a change in what the key holds or how it is checked makes every older image stale. */
    private static final String FORMAT = "refheap start-up image key 2";
    /** No key is longer than this (the inputs are a few hundred lines). */
    private static final int MAX_KEY = 4 << 20;

    /** How many images a directory keeps (of this kind of build): more are removed, least recently used first. */
    static final int KEPT = 8;

    private final Path file;
    private final String prefix;
    private final String head;
    private final Runtime.MainConfig config;
    /** The run's flags; --gc-stress: the runtime is made and started as every other run's, and checked from the program's first line ({@link Runtime#startStress}). */
    private final RuntimeFlags flags;
    private final boolean stress;
    /**
     * The process's inputs as {@link #forRun} read them for the image's name: the adoption compares
     * these rather than reading the descriptors, environment and site's directories a second time
     * a few milliseconds later (1-2 ms of a cold JVM's thread).
     */
    private final StartupImage.Inputs inputs;
    private boolean adopted;

    private StartupImages(Path file, String prefix, String head, Runtime.MainConfig config, RuntimeFlags flags, StartupImage.Inputs inputs) {
        this.file = file;
        this.inputs = inputs;
        this.prefix = prefix;
        this.head = head;
        this.config = config;
        this.flags = flags;
        this.stress = flags.gcStress;
    }

    /**
     * The image a run with {@code flags} and {@code config} uses, or null when it uses none: not
     * CPython's start-up, images turned off, or no place for them. Under {@code --max-heap} the
     * image is refused (the start-up runs live, with its own MemoryError if any) unless its making
     * never came near the limit ({@code BlockAllocator.restoreImage}). Under {@code --gc-stress} the image is used too: the start-up runs
     * (or is adopted) unchecked, as the image's maker ran it, and the checks start with an exact
     * check of the whole heap before the program's first line; {@code REFHEAP_STARTUP_IMAGE=0}
     * checks the start-up itself, from the first allocation.
     */
    static StartupImages forRun(RuntimeFlags flags, Runtime.MainConfig config) {
        if (!flags.cpythonStartup()) return null;
        if ("0".equals(System.getenv("REFHEAP_STARTUP_IMAGE"))) return null;
        String build = build();
        Path dir = directory();
        if (build == null || dir == null) return null;
        if (flags.unbuffered) dev.refheap.lang.vm.StdStream.setUnbufferedOption();  // as the runtime's streams will be: -u is an input
        String prefix = (build.startsWith("jar:") ? "refheap" : "classes") + "-startup-";
        StartupImage.Inputs inputs = StartupImage.inputs(config, false);  // the command line's streams are the process's
        String name = prefix + inputs.fingerprint() + ".img";
        return new StartupImages(dir.resolve(name), prefix, FORMAT + "\nbuild " + escape(build) + "\njvm " + System.getProperty("java.vm.version") + "\n", config,
                flags, inputs);
    }

    /** Whether this run's runtime adopted the image (its start-up is done). */
    boolean adopted() { return adopted; }

    /**
     * The run's runtime, configured with the run's configuration: made with owned large blocks,
     * then given the image's memory if the image is valid for this run. A runtime made for an
     * image whose key is valid ({@link Runtime#Runtime(RuntimeOptions, boolean)}) that then
     * refuses it, or gave up its memory and could not map it (the file changed between the check
     * and the mapping), is unusable: a new one is made then, which runs the start-up live.
     */
    Runtime open(RuntimeOptions options) {
        RuntimeOptions owned = new RuntimeOptions(options.maxHeap(), false, options.out(), options.err(), true);
        byte[] key = validKey();
        // with an image to adopt, the runtime is made for it: its constructor leaves out what the image replaces
        Runtime rt = new Runtime(owned, key != null);
        rt.configureMain(config);
        if (key == null) return rt;
        try {
            if (rt.startFromImage(file, key, inputs)) {
                adopted = true;
                debug("adopted " + file);
                used(file);
                return rt;
            }
            debug("not taken: the runtime refused it (other inputs, or damaged)");
            rt.abandon();  // its memory first: the new runtime's objects go where an image's constructor put them
            Runtime fresh = new Runtime(owned);
            fresh.configureMain(config);
            return fresh;
        } catch (java.io.IOException | RuntimeException e) {
            debug("not taken: the runtime failed to adopt it: " + e);
            Runtime fresh = new Runtime(owned);
            fresh.configureMain(config);
            return fresh;
        }
    }

    /**
     * CPython's start-up for the runtime {@link #open} made: nothing when it adopted the image;
     * otherwise the start-up live as the image's maker, the image written for the next runs, and
     * the run's own part redone. Large blocks come from the C library afterwards in either case. A
     * start-up that raises is not imaged (the exception propagates, as a live start-up's does).
     * With --gc-stress the checks start after it, with an exact check of the whole heap.
     */
    void runStartup(Runtime rt) {
        makeOrAdopted(rt);
        if (stress) rt.startStress();
    }

    private void makeOrAdopted(Runtime rt) {
        if (adopted) return;
        if (!flags.canStartLive()) {
            rt.heap().allocator().setOwnedLargeBlocks(false);  // the small start-up's runtime from here on
            return;
        }
        boolean ran = false;
        List<String> inputs;
        rt.configureMain(StartupImage.makerConfig(config));
        StartupInputs.start();
        StartupInputs.note(dev.refheap.lang.vm.BuiltinDocs.dataFile());  // the constructor put its docstrings in the type dicts the image holds
        try {
            rt.runCpythonStartup();
            ran = true;
        } finally {
            inputs = StartupInputs.stop();
            if (!ran) {
                rt.heap().allocator().setOwnedLargeBlocks(false);
                rt.configureMain(config);
            }
        }
        try {
            StringBuilder key = new StringBuilder(head).append("inputs\n");
            for (String p : inputs) key.append(escape(p)).append('\t').append(StartupInputs.state(p)).append('\n');
            byte[] bytes = key.toString().getBytes(StandardCharsets.UTF_8);
            if (bytes.length <= MAX_KEY) {
                Files.createDirectories(file.getParent());
                rt.writeStartupImage(file, bytes);
                debug("written " + file);
                prune();
            }
        } catch (Exception e) {
            // an optimisation only: an unwritable directory, a full disk, or a state no image carries
            // yet (ImageHooks.Refused names it) leaves the next run starting live as this one did
            debug("not written: " + e);
        } finally {
            rt.heap().allocator().setOwnedLargeBlocks(false);
        }
        StartupImage.continueAs(rt, config);
    }

    /** Marks an adopted image as used now (its modification time), so pruning keeps the images runs use. */
    private static void used(Path image) {
        try {
            Files.setLastModifiedTime(image, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        } catch (java.io.IOException | RuntimeException e) {
            // only pruning's order depends on it
        }
    }

    /**
     * Keeps the {@link #KEPT} most recently used images of this kind of build in the directory
     * (this run's among them) and removes the others: runs with other inputs (a terminal's stdout and
     * a pipe's, other flags or environment) each have an image, and images of older builds or key
     * formats are never adopted again. A file another run is mapping stays mapped where it is.
     */
    private void prune() {
        java.util.regex.Pattern name = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(prefix) + "[0-9a-f]{16}\\.img");
        // the names images had before they were named by their inputs (one per flag set): never adopted again
        java.util.regex.Pattern old = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(prefix.substring(0, prefix.length() - 1)) + "(-[SsEI]+)?\\.img");
        List<Path> images = new java.util.ArrayList<>(), stale = new java.util.ArrayList<>();
        try (var entries = Files.newDirectoryStream(file.getParent())) {
            for (Path p : entries) {
                String n = p.getFileName().toString();
                if (p.equals(file)) continue;
                if (name.matcher(n).matches()) images.add(p);
                else if (old.matcher(n).matches()) stale.add(p);
            }
        } catch (java.io.IOException | RuntimeException e) {
            return;
        }
        java.util.Map<Path, Long> time = new java.util.HashMap<>();
        for (Path p : images) {
            try {
                time.put(p, Files.getLastModifiedTime(p).toMillis());
            } catch (java.io.IOException e) {
                time.put(p, Long.MIN_VALUE);
            }
        }
        images.sort(java.util.Comparator.comparing((Path p) -> time.get(p)).reversed().thenComparing(Path::toString));
        stale.addAll(images.subList(Math.min(images.size(), KEPT - 1), images.size()));
        for (Path p : stale) {
            try {
                Files.deleteIfExists(p);
                debug("removed " + p);
            } catch (java.io.IOException | RuntimeException e) {
                // another run removed it, or the directory is read-only: left
            }
        }
    }

    /** This class's part of the image's key when it holds for this run (the same build and JVM, every input as recorded), else null. */
    private byte[] validKey() {
        byte[] whole;
        try {
            whole = BlockAllocator.readImageKey(file, MAX_KEY);
        } catch (java.io.IOException | RuntimeException e) {
            return null;  // none yet, or not an image
        }
        byte[] key = StartupImage.callerKey(whole);
        if (key == null) return stale("its key has no inputs", null);
        String k = new String(key, StandardCharsets.UTF_8);
        String prefix = head + "inputs\n";
        if (!k.startsWith(prefix)) return stale(k, prefix);
        for (int at = prefix.length(); at < k.length(); ) {
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
            var src = StartupImages.class.getProtectionDomain().getCodeSource();
            return src == null ? null : Path.of(src.getLocation().toURI());
        } catch (Exception e) {
            return null;
        }
    }
}

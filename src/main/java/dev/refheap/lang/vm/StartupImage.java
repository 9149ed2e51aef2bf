package dev.refheap.lang.vm;

import dev.refheap.memory.BlockAllocator;
import dev.refheap.object.Heap;
import dev.refheap.object.ListType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The start-up image of CPython's start-up for one run (docs/architecture.md, "Start-up image",
 * step 5): what a run's start-up depends on beyond the build and the standard library is either
 * part of the image's key ({@link Inputs}) or redone after the adoption exactly as the live
 * start-up makes it.
 *
 * <p>Redone after adoption (the maker runs with none of these: {@link #makerConfig}): sys.argv
 * and sys.orig_argv (appended to the maker's empty lists, as sys's creation fills them), sys.path[0] (inserted once
 * start-up has run, as {@link CpythonStartup} does live and CPython's pymain_run_python does),
 * sys.warnoptions and sys._xoptions (filled as sys's creation fills them; nothing in start-up reads
 * them: warnings.py, which applies -W, is imported after it), and posix.environ (the adopter's own
 * environment in a new dict put where the maker's was: posix's dict, os.environ._data and
 * os.environb._data; the maker's dict is freed). Keyed ({@link #inputs}): the start flags -S -s -E
 * -I -B, sys.executable (site's venv check reads it), the environment variables start-up reads
 * (PYTHONPATH, PYTHONIOENCODING, PYTHONUNBUFFERED and -u, the locale's C-or-not decision,
 * HOME and PYTHONUSERBASE for the user site), the working directory when a PYTHONPATH entry is
 * relative (site makes it absolute) or sys.executable is unknown (site then looks for pyvenv.cfg
 * from it), each standard descriptor's kind (closed, terminal, file type, block size, whether a regular
 * file's offset is 0, 1-256 or more: create_stdio's buffering and line buffering, the text
 * wrapper's byte order mark, tell()'s int),
 * whether the runtime is embedded, and what site reads from the file system: each site-packages
 * candidate (the user site, Debian's dist-packages, site-packages) and each PYTHONPATH entry, with
 * its .pth files and sitecustomize/usercustomize (size and modification time), and the standard
 * library's sitecustomize and usercustomize.
 *
 * <p>Invariants: an image is adopted only by a runtime just built (as {@link Runtime#adoptImage})
 * whose {@link Runtime#configureMain} was called with the run's configuration; the maker ran
 * {@link Runtime#runCpythonStartup} with {@link #makerConfig} of a configuration with the same
 * inputs and nothing after it. A refused image changes nothing (the caller runs start-up live).
 */
public final class StartupImage {
    private StartupImage() {}

    /** What separates the caller's key from the inputs in the image's key. */
    private static final byte[] INPUTS_MARK = "\0refheap start-up inputs 1\n".getBytes(StandardCharsets.UTF_8);

    /**
     * The configuration an image's maker runs start-up with for runs configured as {@code run}:
     * its standard library and start flags (-W and -X left out: they are redone), no argv and no
     * sys.path[0].
     */
    public static Runtime.MainConfig makerConfig(Runtime.MainConfig run) {
        Runtime.StartFlags f = run.start();
        return new Runtime.MainConfig(List.of(), null, run.stdlib(), new Runtime.StartFlags(f.noSite(), f.noUserSite(), f.ignoreEnvironment(),
                f.isolated(), f.dontWriteBytecode(), List.of(), List.of()));
    }

    /**
     * What a start-up image depends on that is neither the build nor the standard library's files:
     * name -> value, in name order. Two runs with equal inputs (and the same build and standard
     * library) leave the same start-up state but for what {@link #adopt} redoes.
     */
    public record Inputs(Map<String, String> values) {
        public Inputs {
            values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
        }

        /** The inputs as bytes for a key: "name=value\n" per input, UTF-8. */
        public byte[] keyBytes() {
            StringBuilder b = new StringBuilder();
            for (var e : values.entrySet()) b.append(e.getKey()).append('=').append(e.getValue()).append('\n');
            return b.toString().getBytes(StandardCharsets.UTF_8);
        }

        /**
         * 16 hex digits of a 64-bit hash of the inputs (FNV-1a, then a finaliser that spreads every
         * bit over the word): a name for the image made under them, so runs with other inputs (a
         * terminal's and a pipe's stdout) each keep their own image instead of replacing one
         * another's. Not a check: the image's key holds the inputs themselves and is compared
         * before adopting, so two input sets whose names collided would only share a file, as all
         * runs did before images were named. Not SHA-256 either: its first use cost a cold JVM
         * about 10 ms (security providers loaded) of an adopted run's start-up.
         */
        public String fingerprint() {
            long h = 0xcbf29ce484222325L;
            for (byte b : keyBytes()) h = (h ^ (b & 0xff)) * 0x100000001b3L;
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            h *= 0xc4ceb9fe1a85ec53L;
            h ^= h >>> 33;
            String hex = Long.toHexString(h);
            return "0".repeat(16 - hex.length()) + hex;
        }
    }

    /** This process's inputs for a run configured as {@code config}; {@code embedded}: the runtime's out and err are not the process's. */
    public static Inputs inputs(Runtime.MainConfig config, boolean embedded) {
        Map<String, String> v = new TreeMap<>();
        Runtime.StartFlags f = config.start();
        v.put("flags", (f.noSite() ? "S" : "") + (f.noUserSite() ? "s" : "") + (f.ignoreEnvironment() ? "E" : "") + (f.isolated() ? "I" : "")
                + (f.dontWriteBytecode() ? "B" : ""));
        // refheap's own environment (VirtualEnv) is sys.prefix; sys.executable its bin/refheap
        Path stdlib = dev.refheap.lang.importer.Importer.stdlibFor(config.stdlib());
        String basePrefix = dev.refheap.lang.importer.Importer.prefixOf(stdlib);
        Path env = basePrefix == null ? null : VirtualEnv.ensure();
        String executable = VirtualEnv.executable(env);
        v.put("executable", executable);
        v.put("embedded", Boolean.toString(embedded));
        boolean ignoreEnv = f.ignoreEnvironment() || f.isolated();
        String pythonPath = f.env("PYTHONPATH");
        v.put("env.PYTHONPATH", String.valueOf(pythonPath));
        v.put("env.PYTHONIOENCODING", String.valueOf(ignoreEnv ? null : System.getenv("PYTHONIOENCODING")));
        v.put("unbuffered", Boolean.toString(!embedded && (ignoreEnv ? StdStream.unbufferedByOption() : StdStream.unbuffered())));
        int utf8Mode;
        try {
            utf8Mode = f.utf8Mode();
        } catch (IllegalArgumentException e) {
            utf8Mode = 0;  // refused before any runtime is made
        }
        v.put("utf8_mode", Integer.toString(utf8Mode));
        v.put("stdio.errors", StdIo.defaultErrors(utf8Mode == 1));
        v.put("locale.encoding", utf8Mode == 1 ? "utf-8" : dev.refheap.lang.modules.posix.LocaleModule.codesetAfterCoercion());
        String home = System.getenv("HOME"), userBase = System.getenv("PYTHONUSERBASE");
        v.put("env.HOME", String.valueOf(home));
        v.put("env.PYTHONUSERBASE", String.valueOf(userBase));
        List<String> entries = new ArrayList<>();
        if (pythonPath != null) for (String e : pythonPath.split(":")) if (!e.isEmpty()) entries.add(e);
        boolean relative = entries.stream().anyMatch(e -> !e.startsWith("/"));
        String cwd = System.getProperty("user.dir");
        if (relative || executable.isEmpty()) v.put("cwd", cwd);
        for (int fd = 0; fd < 3; fd++) v.put("fd" + fd, descriptor(fd));
        // what site reads from the file system
        v.put("stdlib", String.valueOf(stdlib));
        if (stdlib != null) {
            for (String m : new String[] {"sitecustomize", "usercustomize"}) {
                v.put("file." + stdlib.resolve(m + ".py"), file(stdlib.resolve(m + ".py")));
                v.put("file." + stdlib.resolve(m), file(stdlib.resolve(m)));
            }
        }
        List<Path> dirs = new ArrayList<>();
        String prefix = env != null ? env.toString() : basePrefix;
        if (prefix != null) {
            Path p = Path.of(prefix);
            dirs.add(p.resolve("local/lib/python3.11/dist-packages"));
            dirs.add(p.resolve("lib/python3/dist-packages"));
            dirs.add(p.resolve("lib/python3.11/dist-packages"));
            dirs.add(p.resolve("lib/python3.11/site-packages"));
        }
        String base = userBase != null && !userBase.isEmpty() ? userBase : home != null ? home + "/.local" : null;
        if (base != null) dirs.add(Path.of(base, "lib/python3.11/site-packages"));
        for (String e : entries) dirs.add(Path.of(cwd).resolve(e));
        for (Path d : dirs) v.put("dir." + d, directory(d));
        // site.venv: pyvenv.cfg beside sys.executable or one directory up
        Path exe = Path.of(cwd).resolve(executable).normalize(), exeDir = executable.isEmpty() ? Path.of(cwd) : exe.getParent();
        if (exeDir != null) {
            v.put("file." + exeDir.resolve("pyvenv.cfg"), file(exeDir.resolve("pyvenv.cfg")));
            if (exeDir.getParent() != null) v.put("file." + exeDir.getParent().resolve("pyvenv.cfg"), file(exeDir.getParent().resolve("pyvenv.cfg")));
        }
        return new Inputs(v);
    }

    /**
     * A standard descriptor as create_stdio sees it: closed, or its file type, terminal or not, block
     * size, and for a regular file {@link #offsetClass} of its offset.
     */
    private static String descriptor(int fd) {
        long[] st = dev.refheap.memory.Native.fstat(fd);  // not posix's calls: their generic invocation costs a cold JVM tens of generated classes
        if (st == null) return "closed";
        long type = st[0] & 0xf000;
        String s = Long.toOctalString(type) + (StdStream.isatty(fd) ? " tty" : "") + " blksize " + st[2];
        if (type == 0x8000) s += " at " + offsetClass(dev.refheap.memory.Native.lseek(fd, 0, 1));
        return s;
    }

    /**
     * What start-up's state can depend on of a standard stream's offset: whether it is 0 (a text
     * wrapper made on a stream past its start writes no byte order mark: utf-16 and utf-32), and
     * whether tell()'s int is a small int (cached, nothing allocated) or a new one (allocated and
     * freed). Nothing holds the offset itself: the buffered objects' tell() asks the file each time.
     * So runs appending to one log at a growing offset share one image (the exact offset was keyed
     * until session 22: each such run made an image of its own, 3x the CPU).
     */
    static String offsetClass(long offset) {
        return offset == 0 ? "0" : offset > 0 && offset <= 256 ? "1-256" : offset > 256 ? "past 256" : "unknown";
    }

    /** A file's size and modification time (a link followed), or "-" when there is none. */
    private static String file(Path p) {
        try {
            var a = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
            return (a.isDirectory() ? "dir " : "") + a.size() + " " + a.lastModifiedTime().toMillis();
        } catch (IOException | RuntimeException e) {
            return "-";
        }
    }

    /** A site directory: "-" when it is not one, else its .pth files and customize modules with their sizes and times, by name. */
    private static String directory(Path d) {
        if (!Files.isDirectory(d)) return "-";
        StringBuilder b = new StringBuilder("dir");
        List<String> names = new ArrayList<>();
        try (var s = Files.newDirectoryStream(d)) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (n.endsWith(".pth") || n.startsWith("sitecustomize") || n.startsWith("usercustomize")) names.add(n);
            }
        } catch (IOException | RuntimeException e) {
            return "unreadable";
        }
        java.util.Collections.sort(names);
        for (String n : names) b.append(' ').append(n).append(':').append(file(d.resolve(n)));
        return b.toString();
    }

    /**
     * The caller's part of an image's whole key (what {@link Runtime#writeStartupImage}'s caller gave:
     * the part before the inputs), or null if {@code fullKey} has no inputs: a caller whose key
     * lists what it depends on reads it from the image's header
     * ({@link BlockAllocator#readImageKey}) to check it before adopting.
     */
    public static byte[] callerKey(byte[] fullKey) {
        outer:
        for (int i = 0; i + INPUTS_MARK.length <= fullKey.length; i++) {
            for (int j = 0; j < INPUTS_MARK.length; j++) if (fullKey[i + j] != INPUTS_MARK[j]) continue outer;
            return java.util.Arrays.copyOf(fullKey, i);
        }
        return null;
    }

    /**
     * A maker that goes on as a run: {@code rt} ran CPython's start-up configured with
     * {@link #makerConfig} of {@code run} (and perhaps wrote its image); it is now configured with
     * {@code run} and redoes the run's own part of start-up as an adopter does ({@link #adopt}), so
     * the program sees what an adopted image or a live start-up with {@code run} leaves.
     */
    public static void continueAs(Runtime rt, Runtime.MainConfig run) {
        rt.configureMain(run);
        redo(rt);
    }

    /** {@code key} followed by the inputs: the key the image is written and adopted under. */
    static byte[] fullKey(byte[] key, Inputs inputs) {
        byte[] in = inputs.keyBytes();
        byte[] k = new byte[key.length + INPUTS_MARK.length + in.length];
        System.arraycopy(key, 0, k, 0, key.length);
        System.arraycopy(INPUTS_MARK, 0, k, key.length, INPUTS_MARK.length);
        System.arraycopy(in, 0, k, key.length + INPUTS_MARK.length, in.length);
        return k;
    }

    private static boolean embedded(Runtime rt) { return !(rt.out instanceof StdStream); }

    /**
     * The maker's side: writes {@code rt}'s image to {@code file} under {@code key} and this
     * process's inputs. {@code rt} was configured with {@link #makerConfig} and ran CPython's
     * start-up and nothing else.
     *
     * @throws IllegalStateException if the runtime was not configured as a maker, or what step 5
     *         redoes is held where the adopter would not find it (posix.environ referred to from
     *         elsewhere than posix, os.environ and os.environb)
     */
    static void write(Runtime rt, Path file, byte[] key) throws IOException {
        Runtime.MainConfig c = rt.mainConfig;
        if (!c.argv().isEmpty() || !c.origArgv().isEmpty() || c.path0() != null || !c.start().warnOptions().isEmpty() || !c.start().xOptions().isEmpty()) {
            throw new IllegalStateException("a start-up image is made with StartupImage.makerConfig (no argv, sys.path[0], -W or -X)");
        }
        long sys = rt.heap.dicts.getItem(rt.sysModules, "sys");
        if (sys == 0) throw new IllegalStateException("a start-up image is made after CPython's start-up (sys is not imported)");
        Environ env = Environ.find(rt);
        if (env != null) env.check();
        rt.writeImage(file, fullKey(key, inputs(c, embedded(rt))));
    }

    /**
     * The adopter's side: {@code rt}, just built and configured with the run's
     * {@link Runtime#configureMain}, adopts the image at {@code file} if it was made under {@code key}
     * for this process's inputs, then redoes the run's own part of start-up. Returns false, nothing
     * changed, when the image is refused (missing, unreadable, damaged, another key or inputs,
     * addresses in use): the caller then runs start-up live. {@code processInputs}, if not null:
     * {@link #inputs} of {@code rt}'s configuration with the process's streams, read by the caller
     * (not read again unless {@code rt}'s streams are not the process's).
     *
     * @throws IllegalStateException if the runtime gave up its memory and the image then could not
     *         be mapped ({@link Runtime#adoptImage}): the runtime is unusable
     */
    static boolean adopt(Runtime rt, Path file, byte[] key, Inputs processInputs) {
        if (!Files.isRegularFile(file)) return false;
        boolean embedded = embedded(rt);
        Inputs inputs = processInputs != null && !embedded ? processInputs : inputs(rt.mainConfig, embedded);
        try {
            rt.adoptImage(file, fullKey(key, inputs));
        } catch (BlockAllocator.ImageException | IOException e) {
            return false;  // refused, or unreadable, before the runtime gave up its memory
        }
        redo(rt);
        rt.ranCpythonStartup = true;  // as its maker did
        return true;
    }

    /** What a live start-up made from the run's own values, made again on the adopted heap (the maker's are empty or its own). */
    private static void redo(Runtime rt) {
        Heap heap = rt.heap;
        Runtime.MainConfig c = rt.mainConfig;
        long sys = heap.dicts.getItem(rt.sysModules, "sys");
        long sysDict = ModuleType.dict(sys);
        appendStrs(rt, heap.dicts.getItem(sysDict, "argv"), c.argv(), "sys.argv");
        appendStrs(rt, heap.dicts.getItem(sysDict, "orig_argv"), c.origArgv(), "sys.orig_argv");
        appendStrs(rt, heap.dicts.getItem(sysDict, "warnoptions"), c.start().warnOptions(), "sys.warnoptions");
        long xoptions = heap.dicts.getItem(sysDict, "_xoptions");
        if (xoptions == 0 || heap.typeOf(xoptions) != heap.dicts || dev.refheap.object.DictType.size(xoptions) != 0) {
            throw new IllegalStateException("the image's sys._xoptions is not the maker's empty dict");
        }
        for (String[] x : c.start().xOptions()) {
            long v = x[1] == null ? rt.ops.bool(true) : heap.strs.of(x[1]);
            heap.dicts.setItem(xoptions, x[0], v);
            heap.decref(v);
        }
        Environ env = Environ.find(rt);
        if (env != null && !env.holds(dev.refheap.lang.modules.posix.Posix.environPairs())) env.replace();
        String path0 = c.effectivePath0();
        if (path0 != null) {
            long s = heap.strs.of(path0);
            CpythonStartup.insertPath0(rt, s);
            heap.decref(s);
        }
    }

    private static void appendStrs(Runtime rt, long list, List<String> values, String what) {
        Heap heap = rt.heap;
        if (list == 0 || heap.typeOf(list) != heap.lists || ListType.size(list) != 0) throw new IllegalStateException("the image's " + what + " is not the maker's empty list");
        for (String a : values) {
            long s = heap.strs.of(a);
            heap.lists.append(list, s);
            heap.decref(s);
        }
    }

    /**
     * posix.environ and where start-up put it: posix's dict, and os.environ's and os.environb's
     * {@code _data} (os.py's _createenviron wraps the same dict) when os is imported.
     */
    private record Environ(Runtime rt, long posixDict, long dict, List<Long> wrappers) {
        static Environ find(Runtime rt) {
            Heap heap = rt.heap;
            long posix = heap.dicts.getItem(rt.sysModules, "posix");
            if (posix == 0 || !rt.isModule(posix)) return null;
            long d = ModuleType.dict(posix);
            long env = heap.dicts.getItem(d, "environ");
            if (env == 0) return null;
            List<Long> wrappers = new ArrayList<>();
            long os = heap.dicts.getItem(rt.sysModules, "os");
            if (os != 0 && rt.isModule(os)) {
                for (String name : new String[] {"environ", "environb"}) {
                    long w = heap.dicts.getItem(ModuleType.dict(os), name);
                    if (w == 0 || w == env) continue;
                    long data = attr(rt, w, "_data");
                    if (data == env) wrappers.add(w);
                    if (data != 0) heap.decref(data);
                }
            }
            return new Environ(rt, d, env, wrappers);
        }

        /** Whether every reference to the dict is one {@link #replace} moves (else the image could not be adopted with another environment). */
        void check() {
            long refs = dev.refheap.memory.Native.getLong(dict + dev.refheap.object.Layout.OB_REFCNT);
            long known = 1 + wrappers.size();
            long os = rt.heap.dicts.getItem(rt.sysModules, "os");
            if (os != 0 && rt.isModule(os) && rt.heap.dicts.getItem(ModuleType.dict(os), "environ") == dict) known++;
            if (refs != known) {
                throw new IllegalStateException("posix.environ has " + refs + " references, of which a start-up image's adopter would replace "
                        + known + ": no image");
            }
        }

        /**
         * Whether the dict is what posix's import makes from {@code pairs}: the same names and values
         * in the same places, nothing deleted (then the adopter keeps the maker's objects as they are).
         */
        boolean holds(List<byte[][]> pairs) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            long ix = 0;
            for (byte[][] kv : pairs) {
                if (!seen.add(new String(kv[0], StandardCharsets.ISO_8859_1))) continue;  // a repeated name: its first value only
                if (dev.refheap.object.DictType.nextEntry(dict, ix) != ix) return false;
                long k = dev.refheap.object.DictType.entryKeyAt(dict, ix), v = dev.refheap.object.DictType.entryValueAt(dict, ix);
                if (rt.heap.typeOf(k) != rt.heap.bytes || rt.heap.typeOf(v) != rt.heap.bytes) return false;
                if (!java.util.Arrays.equals(dev.refheap.object.BytesType.value(k), kv[0]) || !java.util.Arrays.equals(dev.refheap.object.BytesType.value(v), kv[1])) return false;
                ix++;
            }
            return dev.refheap.object.DictType.nextEntry(dict, ix) == -1;
        }

        /** The adopter's environment in a new dict, put in each place the maker's was (which is then freed). */
        void replace() {
            Heap heap = rt.heap;
            long env = dev.refheap.lang.modules.posix.Posix.newEnviron(new VmApi(rt));
            try {
                heap.dicts.setItem(posixDict, "environ", env);  // the image's dict stays alive until the last place lets it go
                for (long w : wrappers) setAttr(rt, w, "_data", env);
                long os = heap.dicts.getItem(rt.sysModules, "os");
                if (os != 0 && rt.isModule(os) && heap.dicts.getItem(ModuleType.dict(os), "environ") == dict) heap.dicts.setItem(ModuleType.dict(os), "environ", env);
            } finally {
                heap.decref(env);
            }
        }

        private static long attr(Runtime rt, long o, String name) {
            long k = rt.heap.strs.internedOf(name);
            try {
                return rt.ops.getAttr(o, k, name);
            } catch (PyException e) {
                return 0;
            } finally {
                rt.heap.decref(k);
            }
        }

        private static void setAttr(Runtime rt, long o, String name, long value) {
            long k = rt.heap.strs.internedOf(name);
            try {
                rt.ops.setAttr(o, k, name, value);
            } finally {
                rt.heap.decref(k);
            }
        }
    }
}

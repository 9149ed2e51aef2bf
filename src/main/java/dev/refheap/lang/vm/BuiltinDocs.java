package dev.refheap.lang.vm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The docstrings of the builtin types, functions and native modules refheap implements: CPython
 * 3.11's own text, which this repository does not hold. A host CPython 3.11 gives it: the first
 * time a process needs it, {@code builtin_docs.py} (the jar carries the generator, copied from
 * {@code scripts/}) runs on that interpreter and writes a data file into refheap's cache directory
 * ({@code $REFHEAP_CACHE}, else {@code ~/.cache/refheap/code}: {@code builtin-docs-311.txt}); every
 * later process reads the file. The file's format is described in the generator.
 *
 * <p>Each doc is kept as the C object holds it (tp_doc, ml_doc: a text signature
 * {@code name(...)\n--\n\n} in front of the rest); {@link #withoutSignature} and
 * {@link #textSignature} cut it in two as CPython's {@code _PyType_GetDocFromInternalDoc} and
 * {@code _PyType_GetTextSignatureFromInternalDoc} do.
 *
 * <p>States, per process: nothing read; the start-up part read (the builtin types' and the
 * modules sys's and builtins' docs, which exist from a runtime's construction) or failed; all read
 * (on the first doc of anything else) or failed. A failure (no CPython 3.11 found, the file
 * unreadable) is kept and reported by name at every read of a doc ({@link #missing}); the types'
 * dicts then have no {@code __doc__}. Which interpreter: {@code $REFHEAP_DOCS_PYTHON}, else the
 * first CPython 3.11 of: pyenv's 3.11.7 (the release refheap reproduces, {@link VirtualEnv#VERSION},
 * whose library refheap prefers), Debian's {@code /usr/bin/python3.11} (3.11.2, the other library
 * refheap finds), {@code /usr/local/bin/python3.11}, pyenv's other {@code ~/.pyenv/versions/3.11.*},
 * {@code python3.11} and {@code python3} on PATH. When none is found the list of candidates
 * (with their modification times) is remembered next to the file, so later processes do not ask
 * again until it changes. Immutable once loaded; shared by every runtime of the process.
 */
public final class BuiltinDocs {
    private BuiltinDocs() {}

    /** The doc of an object that has none (tp_doc or ml_doc NULL): its __doc__ is None. Compared by identity. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    public static final String NULL = new String("<NULL>");

    private static final String SCRIPT = "builtin_docs.py";
    private static final String FILE = "builtin-docs-311.txt";

    private static Map<String, String> startup;
    private static Map<String, String> all;
    /** The generator's key the start-up part was read (or written) with, for the rest's read. */
    private static String loadedKey;
    private static String failure;
    private static String version;

    /**
     * The start-up part's doc of {@code key} (raw), {@link #NULL}, or null when it has none or the
     * docs are missing (then {@link #missing} says why).
     */
    static synchronized String startupDoc(String key) {
        if (startup == null && failure == null) loadStartup();
        return startup == null ? null : startup.get(key);
    }

    /** Reads the start-up part now if no runtime has: for the launching thread (changes nothing a program sees). */
    static void preload() {
        try {
            startupDoc("object");
        } catch (RuntimeException e) {
            // reported where a doc is read
        }
    }

    /**
     * The doc of {@code key} (raw), {@link #NULL}, or null when CPython's data has no such object.
     * Throws {@code NotImplementedError} naming what is missing when there is no data.
     */
    static String doc(Runtime rt, String key) {
        String d = startupDoc(key);
        if (d != null) return d;
        Map<String, String> m = loadAll();
        if (m == null) throw missing(rt, key);
        return m.get(key);
    }

    /** Whether the docs could be read (false: every doc read raises {@link #missing}). */
    static synchronized boolean available() {
        if (startup == null && failure == null) loadStartup();
        return startup != null;
    }

    /**
     * Why the docs cannot be read ("none was found (looked at ...)", as {@link #missing} says it),
     * or null when they can: for the command line, whose default start-up (CPython's, which reads
     * docs) then starts small.
     */
    public static synchronized String unavailable() {
        return available() ? null : failure;
    }

    /** The error for reading {@code who}'s docstring without the data. */
    static PyException missing(Runtime rt, String who) {
        String why;
        synchronized (BuiltinDocs.class) {
            why = failure;
        }
        return rt.error("NotImplementedError", "refheap has no docstring for " + who.replace(':', '.') + ": refheap takes the docstrings of"
                + " builtin types and functions from a CPython 3.11 on this machine, " + why + "; install one (Debian: apt-get install"
                + " python3.11) or name it in REFHEAP_DOCS_PYTHON");
    }

    /** The error for an object CPython 3.11's data has no entry for (refheap's own, or a name CPython does not have). */
    static PyException unknown(Runtime rt, String who) {
        String v;
        synchronized (BuiltinDocs.class) {
            v = version;
        }
        return rt.error("NotImplementedError", "refheap has no docstring for " + who.replace(':', '.') + " (the CPython " + v + " it took them from has no such object)");
    }

    // ---- CPython's cut of an internal doc (typeobject.c's find_signature and skip_signature) ----------

    /** The index just past the signature's end marker, or -1 when {@code doc} has no signature for {@code name}. */
    private static int signatureEnd(String name, String doc) {
        int dot = name.lastIndexOf('.');
        if (dot >= 0) name = name.substring(dot + 1);
        if (!doc.startsWith(name) || doc.length() <= name.length() || doc.charAt(name.length()) != '(') return -1;
        for (int i = name.length(); i < doc.length(); i++) {
            if (doc.startsWith(")\n--\n\n", i)) return i + 6;
            if (doc.charAt(i) == '\n' && i + 1 < doc.length() && doc.charAt(i + 1) == '\n') return -1;
        }
        return -1;
    }

    /** _PyType_GetDocFromInternalDoc: the text after the signature, or null (None) when that is empty. */
    static String withoutSignature(String name, String raw) {
        if (raw == null || raw == NULL) return null;
        int end = signatureEnd(name, raw);
        String doc = end < 0 ? raw : raw.substring(end);
        return doc.isEmpty() ? null : doc;
    }

    /** _PyType_DocWithoutSignature as a type's dict holds it: the text after the signature ("" stays ""). */
    static String dictDoc(String name, String raw) {
        int end = signatureEnd(name, raw);
        return end < 0 ? raw : raw.substring(end);
    }

    /** _PyType_GetTextSignatureFromInternalDoc: {@code (...)} from the front of the doc, or null (None). */
    static String textSignature(String name, String raw) {
        if (raw == null || raw == NULL) return null;
        int end = signatureEnd(name, raw);
        if (end < 0) return null;
        int dot = name.lastIndexOf('.');
        return raw.substring(name.length() - (dot + 1), end - 5);
    }

    // ---- the data file ----------------------------------------------------------------------------

    /** The data file the docstrings are read from (the start-up image's key notes it: the type dicts hold its text). */
    public static Path dataFile() { return cacheDir().resolve(FILE); }

    private static Path cacheDir() {
        String env = System.getenv("REFHEAP_CACHE");
        if (env != null && !env.isEmpty()) return Path.of(env);
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home", "/tmp"), ".cache");
        return base.resolve("refheap").resolve("code");
    }

    private static void loadStartup() {
        try {
            byte[] script = script();
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();  // not a MessageDigest: its providers cost tens of ms at start-up
            crc.update(script);
            String key = Long.toHexString(crc.getValue()) + "-" + script.length + "-" + VirtualEnv.VERSION;  // a file made before 3.11.7 came first is made again
            Path file = cacheDir().resolve(FILE);
            Map<String, String> m = readIfValid(file, key);
            if (m == null) {
                generate(file, script, key);
                if (failure == null) m = read(file, true, null);
            }
            startup = m;
            loadedKey = key;
        } catch (IOException | RuntimeException e) {
            failure = "but its docstrings could not be read (" + e + ")";
        }
    }

    /** The start-up part of {@code file} if it exists and was written by this generator (its {@code K} line), else null. */
    private static Map<String, String> readIfValid(Path file, String key) {
        try {
            return read(file, true, key);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static synchronized Map<String, String> loadAll() {
        if (all != null || failure != null) return all;
        if (startup == null) return null;
        try {
            // the key again: another process whose generator differs (a cache directory shared by
            // several builds) may have written its own file since the start-up part was read, and
            // its data lacks what this generator asks for (a module it does not list)
            Path file = cacheDir().resolve(FILE);
            Map<String, String> m = read(file, false, loadedKey);
            if (m == null) {
                generate(file, script(), loadedKey);
                if (failure == null) m = read(file, false, null);
            }
            all = m;
        } catch (IOException | RuntimeException e) {
            failure = "but its docstrings could not be read (" + e + ")";
        }
        return all;
    }

    private static byte[] script() throws IOException {
        try (InputStream in = BuiltinDocs.class.getResourceAsStream(SCRIPT)) {
            if (in == null) throw new IOException(SCRIPT + " is missing from refheap's resources");
            return in.readAllBytes();
        }
    }

    /** Runs the generator on the first CPython 3.11 found; sets {@link #failure} when there is none. */
    private static void generate(Path file, byte[] script, String key) throws IOException {
        List<String> candidates = candidates();
        StringBuilder seen = new StringBuilder();
        for (String c : candidates) {
            Path p = Path.of(c);
            seen.append(c).append(' ').append(Files.exists(p) ? Files.getLastModifiedTime(p).toMillis() : -1).append('\n');
        }
        Path memo = file.resolveSibling(FILE + ".none");
        try {
            if (Files.exists(memo) && Files.readString(memo).equals(seen.toString())) {
                failure = "but none was found when refheap last looked (" + String.join(", ", candidates) + "; remove " + memo + " to look again)";
                return;
            }
        } catch (IOException e) {
            // look again
        }
        Files.createDirectories(file.getParent());
        List<String> tried = new ArrayList<>();
        for (String py : candidates) {
            if (!Files.isExecutable(Path.of(py))) continue;
            tried.add(py);
            Path tmp = file.resolveSibling(FILE + "." + ProcessHandle.current().pid() + ".tmp");
            try {
                Process p = new ProcessBuilder(py, "-I", "-S", "-", tmp.toString(), key)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                try (OutputStream in = p.getOutputStream()) {
                    in.write(script);
                }
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    continue;
                }
                if (p.exitValue() == 0 && Files.exists(tmp)) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (IOException e) {
                // the next candidate
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        failure = "but none was found (looked at " + String.join(", ", candidates) + (tried.isEmpty() ? "" : "; not CPython 3.11 or failed: " + String.join(", ", tried)) + ")";
        try {
            Files.writeString(memo, seen.toString());
        } catch (IOException e) {
            // looked again next time
        }
    }

    /** The interpreters to ask, in order (see the class comment). */
    private static List<String> candidates() {
        String env = System.getenv("REFHEAP_DOCS_PYTHON");
        if (env != null && !env.isEmpty()) return List.of(env);
        Path pyenv = Path.of(System.getProperty("user.home", "/"), ".pyenv", "versions");
        List<String> out = new ArrayList<>(List.of(pyenv.resolve(VirtualEnv.VERSION).resolve("bin").resolve("python3").toString(),
                "/usr/bin/python3.11", "/usr/local/bin/python3.11"));
        try (var versions = Files.newDirectoryStream(pyenv, "3.11.*")) {
            List<String> found = new ArrayList<>();
            for (Path v : versions) found.add(v.resolve("bin").resolve("python3").toString());
            found.sort(null);
            for (String f : found) if (!out.contains(f)) out.add(f);
        } catch (IOException e) {
            // no pyenv
        }
        String path = System.getenv("PATH");
        for (String name : new String[] {"python3.11", "python3"}) {
            if (path == null) break;
            for (String d : path.split(":")) {
                if (d.isEmpty()) continue;
                Path p = Path.of(d, name);
                if (Files.isExecutable(p)) {
                    if (!out.contains(p.toString())) out.add(p.toString());
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The file's entries: up to the {@code =} line when {@code startupOnly}, else all of them; null
     * when {@code key} is given and the file's {@code K} line differs (another generator wrote it).
     * The file is read whole (one read) and scanned by hand: start-up runs this in the bytecode
     * interpreter, so only the keys are scanned byte by byte, a doc is decoded as one block.
     */
    private static Map<String, String> read(Path file, boolean startupOnly, String key) throws IOException {
        byte[] b = Files.readAllBytes(file);
        Map<String, String> m = new HashMap<>(startupOnly ? 512 : 8192);
        boolean ended = false;
        int pos = 0;
        while (pos < b.length) {
            int nl = pos;
            while (nl < b.length && b[nl] != '\n') nl++;
            if (nl == b.length) throw new IOException(file + " ends early");
            byte first = b[pos];
            if (first == '#' || nl == pos) {
                pos = nl + 1;
                continue;
            }
            if ((first == 'K' || first == 'V') && nl > pos + 1 && b[pos + 1] == ' ') {
                String rest = new String(b, pos + 2, nl - pos - 2, StandardCharsets.UTF_8);
                if (first == 'K') {
                    if (key != null && !rest.equals(key)) return null;
                    key = null;
                } else {
                    int sp = rest.indexOf(' ');
                    version = sp < 0 ? rest : rest.substring(0, sp);
                }
                pos = nl + 1;
                continue;
            }
            if (first == '=' && nl == pos + 1) {
                ended = true;
                if (startupOnly) break;
                pos = nl + 1;
                continue;
            }
            int tab = pos;
            while (tab < nl && b[tab] != '\t') tab++;
            String k = new String(b, pos, tab - pos, StandardCharsets.ISO_8859_1);
            if (tab == nl) {
                m.put(k, NULL);
                pos = nl + 1;
                continue;
            }
            int n = 0;
            for (int i = tab + 1; i < nl; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) throw new IOException(file + ": bad length for " + k);
                n = n * 10 + d;
            }
            if (nl + 1 + n >= b.length) throw new IOException(file + " ends early");
            m.put(k, new String(b, nl + 1, n, StandardCharsets.UTF_8));
            pos = nl + 1 + n + 1;
        }
        if (!ended || key != null) throw new IOException(file + " ends early");
        return m;
    }
}

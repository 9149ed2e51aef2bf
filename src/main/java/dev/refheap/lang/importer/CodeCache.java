package dev.refheap.lang.importer;

import dev.refheap.lang.bytecode.CodeUnit;
import dev.refheap.lang.bytecode.CodeUnitFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The compiled-code cache: refheap's compiler output ({@link CodeUnit}s, CPython 3.11's bytecode)
 * for each imported source file, so a module is parsed and compiled once, not at every start.
 *
 * <p>Where: one directory, {@code $REFHEAP_CACHE}, else {@code $XDG_CACHE_HOME/refheap/code},
 * else {@code ~/.cache/refheap/code}; a file per source, named by a hash of its absolute path
 * ({@code <hash>.<module>.refheap-311.rhc}). Not next to the source in {@code __pycache__}: the
 * standard library's directories are usually not writable, and user directories stay clean.
 *
 * <p>Valid when: the file's header matches the source's size and modification time (as a .pyc's
 * does) and the compiler's fingerprint (the build of refheap that wrote it: its jar, or the
 * compiler's class files). Anything else, a damaged file included, is a miss: the source is
 * compiled and the entry written again (atomically; a cache that cannot be written is not used).
 * The format is refheap's own (not marshal): a header, then the code unit ({@link CodeUnitFormat}).
 */
final class CodeCache {
    private static final int MAGIC = 0x52484331;  // "RHC1"
    private final Path dir;
    private final String fingerprint;

    CodeCache(Path dir, String fingerprint) {
        this.dir = dir;
        this.fingerprint = fingerprint;
    }

    static CodeCache fromEnvironment() {
        String env = System.getenv("REFHEAP_CACHE");
        Path dir;
        if (env != null && !env.isEmpty()) {
            dir = Path.of(env);
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home", "/tmp"), ".cache");
            dir = base.resolve("refheap").resolve("code");
        }
        return new CodeCache(dir, compilerFingerprint());
    }

    /** The cache file for {@code source} (the value of a module's __cached__). */
    Path pathFor(Path source, String module) {
        return dir.resolve(hash(source.toString()) + "." + module + ".refheap-311.rhc");
    }

    /** The cached unit for {@code source} if it is valid, else null. */
    CodeUnit read(Path source, String module, long size, long mtime) {
        Path f = pathFor(source, module);
        try {
            byte[] bytes = Files.readAllBytes(f);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            if (in.readInt() != MAGIC || !in.readUTF().equals(fingerprint) || !in.readUTF().equals(source.toString())
                    || in.readLong() != size || in.readLong() != mtime) {
                return null;
            }
            return CodeUnitFormat.read(in);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes the entry for {@code source}; gives up silently (the cache is an optimisation). */
    void write(Path source, String module, long size, long mtime, CodeUnit unit) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeUTF(fingerprint);
            out.writeUTF(source.toString());
            out.writeLong(size);
            out.writeLong(mtime);
            CodeUnitFormat.write(out, unit);
            out.flush();
            Files.createDirectories(dir);
            Path f = pathFor(source, module);
            Path tmp = Files.createTempFile(dir, "tmp", ".rhc");
            try {
                Files.write(tmp, bytes.toByteArray());
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // unwritable cache directory or a constant the format does not know: compile next time
        }
    }

    // ---- the format ---------------------------------------------------------------------------

    // ---- keys ---------------------------------------------------------------------------------

    /**
     * The file-name hash of each source path asked for (an import asks twice: for the spec's
     * __cached__ and for the read), and the one digest that computes them: a digest looked up by
     * name costs a walk of the security providers, run cold, at every import otherwise.
     */
    private final java.util.Map<String, String> hashes = new java.util.concurrent.ConcurrentHashMap<>();
    private MessageDigest sha256;

    private String hash(String s) {
        String h = hashes.get(s);
        if (h == null) {
            h = sha256Prefix(s);
            hashes.put(s, h);
        }
        return h;
    }

    private synchronized String sha256Prefix(String s) {
        try {
            if (sha256 == null) sha256 = MessageDigest.getInstance("SHA-256");
            byte[] d = sha256.digest(s.getBytes(StandardCharsets.UTF_8));  // digest() resets it
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            return Integer.toHexString(s.hashCode());
        }
    }

    /**
     * Which build of the compiler wrote an entry: the jar's size and time, or (running from class
     * directories, as the tests do) the times of the compiler's, parser's and lexer's classes.
     */
    static String compilerFingerprint() {
        try {
            var src = CodeCache.class.getProtectionDomain().getCodeSource();
            if (src == null) return "unknown";
            Path p = Path.of(src.getLocation().toURI());
            if (Files.isRegularFile(p)) return "jar:" + Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis();
            long newest = 0;
            int count = 0;
            for (String d : new String[] {"compiler", "parser", "lexer", "bytecode", "ast", "importer"}) {
                Path sub = p.resolve("dev/refheap/lang/" + d);
                if (!Files.isDirectory(sub)) continue;
                try (var files = Files.list(sub)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        newest = Math.max(newest, Files.getLastModifiedTime(f).toMillis());
                        count++;
                    }
                }
            }
            StringBuilder sb = new StringBuilder("dir:").append(count).append(':').append(newest);
            return sb.toString();
        } catch (Exception e) {
            return "unknown";
        }
    }
}

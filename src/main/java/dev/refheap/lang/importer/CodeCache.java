package dev.refheap.lang.importer;

import dev.refheap.lang.ast.Special;
import dev.refheap.lang.bytecode.CodeUnit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

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
 * The format is refheap's own (not marshal): a header, then the code unit's fields and constants.
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
            return readUnit(in);
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
            writeUnit(out, unit);
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

    private static void writeUnit(DataOutputStream out, CodeUnit u) throws IOException {
        writeStr(out, u.name());
        writeStr(out, u.qualname());
        writeStr(out, u.filename());
        out.writeInt(u.firstLineno());
        out.writeInt(u.argcount());
        out.writeInt(u.posonlyargcount());
        out.writeInt(u.kwonlyargcount());
        out.writeInt(u.flags());
        writeInts(out, u.code());
        writeInts(out, u.lines());
        writeInts(out, u.positions());
        out.writeInt(u.consts().size());
        for (Object c : u.consts()) writeConst(out, c);
        writeStrs(out, u.names());
        writeStrs(out, u.localsplusNames());
        out.writeInt(u.localsplusKinds().length);
        out.write(u.localsplusKinds());
        out.writeInt(u.stacksize());
        out.writeInt(u.exceptionTable().size());
        for (CodeUnit.ExceptionEntry e : u.exceptionTable()) {
            out.writeInt(e.start());
            out.writeInt(e.end());
            out.writeInt(e.target());
            out.writeInt(e.depth());
            out.writeBoolean(e.lasti());
        }
    }

    private static CodeUnit readUnit(DataInputStream in) throws IOException {
        String name = readStr(in), qualname = readStr(in), filename = readStr(in);
        int first = in.readInt(), argc = in.readInt(), posonly = in.readInt(), kwonly = in.readInt(), flags = in.readInt();
        int[] code = readInts(in), lines = readInts(in), positions = readInts(in);
        int nconsts = in.readInt();
        List<Object> consts = new ArrayList<>(nconsts);
        for (int i = 0; i < nconsts; i++) consts.add(readConst(in));
        List<String> names = readStrs(in), lpNames = readStrs(in);
        byte[] kinds = new byte[in.readInt()];
        in.readFully(kinds);
        int stacksize = in.readInt();
        int nexc = in.readInt();
        List<CodeUnit.ExceptionEntry> table = new ArrayList<>(nexc);
        for (int i = 0; i < nexc; i++) table.add(new CodeUnit.ExceptionEntry(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readBoolean()));
        return new CodeUnit(name, qualname, filename, first, argc, posonly, kwonly, flags, code, lines, positions,
                consts, names, lpNames, kinds, stacksize, table);
    }

    private static void writeConst(DataOutputStream out, Object c) throws IOException {
        switch (c) {
            case Long v -> { out.writeByte('i'); out.writeLong(v); }
            case BigInteger v -> { out.writeByte('I'); byte[] b = v.toByteArray(); out.writeInt(b.length); out.write(b); }
            case Double v -> { out.writeByte('f'); out.writeLong(Double.doubleToRawLongBits(v)); }
            case Boolean v -> { out.writeByte('b'); out.writeBoolean(v); }
            case String s -> { out.writeByte('s'); writeStr(out, s); }
            case byte[] b -> { out.writeByte('y'); out.writeInt(b.length); out.write(b); }
            case Special s -> { out.writeByte('S'); out.writeByte(s.ordinal()); }
            case CodeUnit.ConstTuple t -> { out.writeByte('t'); out.writeInt(t.items().size()); for (Object o : t.items()) writeConst(out, o); }
            case CodeUnit.ConstFrozenset t -> { out.writeByte('z'); out.writeInt(t.items().size()); for (Object o : t.items()) writeConst(out, o); }
            case CodeUnit u -> { out.writeByte('c'); writeUnit(out, u); }
            default -> throw new IllegalArgumentException("no cache format for constant " + c.getClass().getName());
        }
    }

    private static Object readConst(DataInputStream in) throws IOException {
        int tag = in.readByte();
        switch (tag) {
            case 'i': return in.readLong();
            case 'I': { byte[] b = new byte[in.readInt()]; in.readFully(b); return new BigInteger(b); }
            case 'f': return Double.longBitsToDouble(in.readLong());
            case 'b': return in.readBoolean();
            case 's': return readStr(in);
            case 'y': { byte[] b = new byte[in.readInt()]; in.readFully(b); return b; }
            case 'S': return Special.values()[in.readByte()];
            case 't': case 'z': {
                int n = in.readInt();
                List<Object> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) items.add(readConst(in));
                return tag == 't' ? new CodeUnit.ConstTuple(items) : new CodeUnit.ConstFrozenset(items);
            }
            case 'c': return readUnit(in);
            default: throw new IOException("bad constant tag " + tag);
        }
    }

    private static void writeStr(DataOutputStream out, String s) throws IOException {
        out.writeInt(s.length());
        for (int i = 0; i < s.length(); i++) out.writeChar(s.charAt(i));
    }

    private static String readStr(DataInputStream in) throws IOException {
        int n = in.readInt();
        char[] c = new char[n];
        for (int i = 0; i < n; i++) c[i] = in.readChar();
        return new String(c);
    }

    private static void writeStrs(DataOutputStream out, List<String> l) throws IOException {
        out.writeInt(l.size());
        for (String s : l) writeStr(out, s);
    }

    private static List<String> readStrs(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) l.add(readStr(in));
        return l;
    }

    private static void writeInts(DataOutputStream out, int[] a) throws IOException {
        out.writeInt(a.length);
        for (int v : a) out.writeInt(v);
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] a = new int[in.readInt()];
        for (int i = 0; i < a.length; i++) a[i] = in.readInt();
        return a;
    }

    // ---- keys ---------------------------------------------------------------------------------

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
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

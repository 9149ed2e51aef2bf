package dev.refheap.lang.unicode;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code unicodedata}, the {@code \N{...}} escapes (string literals, the unicode_escape codec)
 * and the namereplace error handler ask of the Unicode database ({@link UnicodeDatabase}, which
 * answers from ICU4J), and how the database is loaded: ICU4J is not on refheap's class path (the
 * jar's manifest leaves it out, so the JVM never opens its 14 MB at start-up); the first use
 * (importing unicodedata, a {@code \N{...}} escape, namereplace) loads {@link UnicodeDatabase}
 * in a class loader of its own over {@code lib/icu4j-*.jar} beside
 * refheap's jar (where the build copies it), or, where ICU is on the class path already (the unit
 * tests), from the class path. Code points are Python's; a {@code v32} argument asks for Unicode
 * 3.2.0 ({@code unicodedata.ucd_3_2_0}) instead of 14.0.0.
 */
public interface UnicodeData {
    /** {@code unicodedata.unidata_version}, and {@code ucd_3_2_0}'s. */
    String VERSION = "14.0.0", VERSION_3_2 = "3.2.0";

    /** Longest name lookup accepts (CPython's NAME_MAXLEN, in UTF-8 bytes). */
    int NAME_MAXLEN = 256;

    /** What a failed lookup adds to CPython's message: the names refheap's data lacks. */
    String LOOKUP_LIMIT = "refheap's database (ICU 71) has no named sequences and only the correction aliases";

    String name(int cp, boolean v32);

    String category(int cp, boolean v32);

    String bidirectional(int cp, boolean v32);

    int combining(int cp, boolean v32);

    String eastAsianWidth(int cp, boolean v32);

    int mirrored(int cp, boolean v32);

    String decomposition(int cp, boolean v32);

    /** -1 for none. */
    int decimal(int cp, boolean v32);

    /** -1 for none; 14.0.0's in both views, as CPython's. */
    int digit(int cp);

    /** NaN for none. */
    double numeric(int cp, boolean v32);

    /** The code point a name (or, in 14.0.0, an alias ICU knows) stands for, or -1. */
    int lookup(String name, boolean v32);

    /** {@code s} in {@code form} (NFC, NFD, NFKC or NFKD): {@code s} itself when 14.0.0's quick check says it is already. */
    String normalize(String form, String s, boolean v32);

    boolean isNormalized(String form, String s, boolean v32);

    /** The Unicode version ICU's data is (for the check that it is 14.0). */
    String icuUnicodeVersion();

    /** A question about Unicode 3.2.0 that ICU's data cannot answer (the message names it). */
    final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unsupported(String what, int cp) {
            super(String.format("unicodedata.ucd_3_2_0.%s() of U+%04X: refheap has no Unicode 3.2.0 %s for characters 3.2 assigned "
                    + "(its database, ICU 71, carries Unicode 14.0.0's, which differ for some of them)", what, cp, what));
        }
    }

    /** Why the database could not be loaded (the module's import raises ImportError with it). */
    final class Missing extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Missing(String message, Throwable cause) { super(message, cause); }
    }

    /** The database, loaded once per JVM on first use. */
    static UnicodeData get() { return Holder.INSTANCE; }

    /** Holds the database: its class initialisation is the load, once, when {@link #get} is first called. */
    final class Holder {
        private Holder() {}

        private static final String IMPL = "dev.refheap.lang.unicode.UnicodeDatabase";
        private static final UnicodeData INSTANCE = load();

        private static UnicodeData load() {
            ClassLoader app = UnicodeData.class.getClassLoader();
            ClassLoader loader = app;
            try {
                Class.forName("com.ibm.icu.lang.UCharacter", false, app);
            } catch (ClassNotFoundException absent) {
                loader = new IcuLoader(icuJar(), app);
            }
            UnicodeData db;
            try {
                db = (UnicodeData) Class.forName(IMPL + "$Impl", true, loader).getConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new Missing("unicodedata: ICU4J could not be loaded (" + e + ")", e);
            }
            if (!db.icuUnicodeVersion().startsWith("14.0")) {
                throw new Missing("unicodedata: ICU4J's Unicode data is " + db.icuUnicodeVersion() + ", not 14.0 (CPython 3.11's); "
                        + "refheap is built with ICU4J 71.1", null);
            }
            return db;
        }

        /** {@code lib/icu4j-*.jar} beside the jar (or classes directory) refheap runs from. */
        private static URL icuJar() {
            try {
                Path here = Path.of(UnicodeData.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                Path lib = here.resolveSibling("lib");
                if (Files.isDirectory(lib)) {
                    try (var jars = Files.newDirectoryStream(lib, "icu4j-*.jar")) {
                        for (Path jar : jars) return jar.toUri().toURL();
                    }
                }
                throw new Missing("unicodedata needs ICU4J's jar (com.ibm.icu:icu4j:71.1), which the build copies to " + lib
                        + "; it is not there", null);
            } catch (java.io.IOException | java.net.URISyntaxException | SecurityException e) {
                throw new Missing("unicodedata: cannot find ICU4J's jar (" + e + ")", e);
            }
        }
    }

    /**
     * The class loader of the database: ICU's classes from its jar, {@link UnicodeDatabase} and its
     * nested classes defined again from refheap's own class files (so that they link to ICU), every
     * other class from refheap's loader.
     */
    final class IcuLoader extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        IcuLoader(URL icu, ClassLoader parent) { super("unicodedata-icu", new URL[] {icu}, parent); }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(Holder.IMPL)) return super.loadClass(name, resolve);
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (var in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        if (in == null) throw new ClassNotFoundException(name);
                        byte[] b = in.readAllBytes();
                        c = defineClass(name, b, 0, b.length);
                    } catch (java.io.IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                if (resolve) resolveClass(c);
                return c;
            }
        }
    }
}

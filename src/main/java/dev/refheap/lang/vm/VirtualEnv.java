package dev.refheap.lang.vm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * refheap's own virtual environment (PEP 405), without system site-packages: what makes its
 * start-up a clean CPython 3.11's. The standard library refheap imports belongs to an installation
 * (Debian's {@code /usr}, a pyenv version) whose site directories hold that installation's packages
 * and their {@code .pth} files (Debian's {@code dist-packages}: setuptools' distutils hack, the
 * system's certificates); a CPython 3.11 venv made with {@code python3 -m venv} reads none of them.
 * refheap runs as such a venv of its own:
 * <ul>
 *   <li>{@code sys.prefix} and {@code sys.exec_prefix} are the environment's directory,
 *       {@code sys.base_prefix} and {@code sys.base_exec_prefix} the standard library's installation
 *       (as CPython's getpath sets them when it finds a {@code pyvenv.cfg});</li>
 *   <li>{@code sys.executable} is the environment's {@code bin/refheap}, a script that runs the
 *       launcher ({@code sys._base_executable}), so {@code site.venv()} finds {@code pyvenv.cfg} one
 *       directory above it and reads {@code include-system-site-packages = false}: site scans only
 *       the environment's own {@code lib/python3.11/site-packages} (empty, made with it), and turns the
 *       user site off, as in any such venv.</li>
 * </ul>
 * The directory is {@code venv} beside refheap's jar (or class directory), made on first use and
 * rewritten only when what it should hold changed; a launcher other than the checkout's own
 * ({@code refheap} beside the jar's {@code target/}, e.g. a test's stand-in) gets a directory of its
 * own ({@code venv-} and a digest of its path), so each {@code bin/refheap} runs the launcher whose
 * runs made it. A runtime whose launcher is unknown (embedded through the Java API) still has the
 * environment as its prefix, but no {@code bin/refheap} (sys.executable is {@code ''}, as CPython's
 * when unknown), so its site finds no {@code pyvenv.cfg}: the prefix alone keeps the system's
 * site directories out, and the user site is decided as without a venv. When the directory
 * cannot be made (a read-only installation), refheap has no environment: sys.prefix is the
 * standard library's installation and site reads its site directories, as before environments.
 * The {@code -S}, {@code -s}, {@code -E}, {@code -I} options and PYTHONPATH keep CPython's meaning.
 */
public final class VirtualEnv {
    private VirtualEnv() {}

    /** The version pyvenv.cfg names: the CPython 3.11 release sys.version claims. */
    static final String VERSION = "3.11.7";

    /** The environment of this process (made at most once), or null when it could not be made. */
    private static volatile Path made;
    private static volatile boolean tried;

    /** The launcher that started this process ({@code -Drefheap.executable}), or "" when unknown. */
    public static String launcher() { return System.getProperty("refheap.executable", ""); }

    /**
     * The environment's directory, made or brought up to date on the first call of the process
     * (and again when the launcher property changed since), or null when it cannot be made.
     */
    public static synchronized Path ensure() {
        String launcher = launcher();
        Path dir = directory(launcher);
        if (tried && java.util.Objects.equals(dir, made)) return made;
        tried = true;
        made = null;
        if (dir == null) return null;
        try {
            Files.createDirectories(dir.resolve("lib/python3.11/site-packages"));
            writeIfChanged(dir.resolve("pyvenv.cfg"), config(launcher, dir), false);
            if (!launcher.isEmpty()) {
                Files.createDirectories(dir.resolve("bin"));
                writeIfChanged(dir.resolve("bin/refheap"), "#!/bin/sh\n# refheap's virtual environment: runs the launcher it was made by\nexec '"
                        + launcher.replace("'", "'\\''") + "' \"$@\"\n", true);
            }
            made = dir;
        } catch (IOException | RuntimeException e) {
            made = null;
        }
        return made;
    }

    /** sys.executable: the environment's {@code bin/refheap} when there is one, else the launcher (or ''). */
    public static String executable(Path env) {
        String launcher = launcher();
        if (env == null || launcher.isEmpty()) return launcher;
        return env.resolve("bin/refheap").toString();
    }

    /** pyvenv.cfg's five entries, as {@code python3 -m venv} writes them (home: the launcher's directory, the base interpreter's). */
    private static String config(String launcher, Path dir) {
        Path exe = launcher.isEmpty() ? null : Path.of(launcher).toAbsolutePath();
        String home = exe != null && exe.getParent() != null ? exe.getParent().toString() : dir.getParent().toString();
        return "home = " + home + "\n"
                + "include-system-site-packages = false\n"
                + "version = " + VERSION + "\n"
                + "executable = " + (exe == null ? "" : exe.toString()) + "\n"
                + "command = refheap's own environment, made on first use by " + (exe == null ? "an embedded runtime" : exe.toString()) + "\n";
    }

    private static void writeIfChanged(Path file, String content, boolean executable) throws IOException {
        byte[] want = content.getBytes(StandardCharsets.UTF_8);
        try {
            if (java.util.Arrays.equals(Files.readAllBytes(file), want) && (!executable || Files.isExecutable(file))) return;
        } catch (IOException missing) {
            // written below
        }
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, want);
            if (executable) tmp.toFile().setExecutable(true, false);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** {@code venv} beside the jar or class directory for the checkout's launcher (or none known), else {@code venv-DIGEST}. */
    static Path directory(String launcher) {
        Path target = codeSourceDirectory();
        if (target == null) return null;
        if (launcher.isEmpty() || target.getParent() == null) return target.resolve("venv");
        Path own = target.getParent().resolve("refheap").toAbsolutePath().normalize();
        Path given = Path.of(launcher).toAbsolutePath().normalize();
        if (own.equals(given)) return target.resolve("venv");
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(given.toString().getBytes(StandardCharsets.UTF_8));
            return target.resolve("venv-" + java.util.HexFormat.of().formatHex(h, 0, 4));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path codeSourceDirectory() {
        try {
            var src = VirtualEnv.class.getProtectionDomain().getCodeSource();
            if (src == null) return null;
            Path p = Path.of(src.getLocation().toURI()).toAbsolutePath();
            return p.getParent();
        } catch (Exception e) {
            return null;
        }
    }
}

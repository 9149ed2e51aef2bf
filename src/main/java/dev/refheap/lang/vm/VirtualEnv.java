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
 * rewritten only when what it should hold changed. Its {@code bin/refheap} runs the checkout's own
 * launcher ({@code refheap} beside the jar's {@code target/}), the one a user runs. A runtime started
 * by another launcher (a test's stand-in script) or by none (embedded through the Java API) still
 * has the environment as its prefix, but its sys.executable is that launcher (or {@code ''}, as
 * CPython's when unknown), so its site finds no {@code pyvenv.cfg}: the prefix alone keeps the
 * system's site directories out, and the user site is decided as without a venv. When the directory
 * cannot be made (a read-only installation), refheap has no environment: sys.prefix is the
 * standard library's installation and site reads its site directories, as before environments.
 * The {@code -S}, {@code -s}, {@code -E}, {@code -I} options and PYTHONPATH keep CPython's meaning.
 */
public final class VirtualEnv {
    private VirtualEnv() {}

    /**
     * The CPython 3.11 release refheap reproduces: the version sys.version claims and pyvenv.cfg
     * names, the library the locator prefers and the interpreter builtins' docstrings come from.
     */
    public static final String VERSION = "3.11.7";

    /** The environment of this process (made at most once), or null when it could not be made. */
    private static Path made;
    private static boolean tried, binWritten;

    /** The launcher that started this process ({@code -Drefheap.executable}), or "" when unknown. */
    public static String launcher() { return System.getProperty("refheap.executable", ""); }

    /**
     * The environment's directory, made or brought up to date on the first call of the process
     * (its {@code bin/refheap} on the first call whose launcher is the checkout's own), or null when
     * it cannot be made.
     */
    public static synchronized Path ensure() {
        if (!tried) {
            tried = true;
            Path dir = directory();
            try {
                if (dir != null) {
                    Files.createDirectories(dir.resolve("lib/python3.11/site-packages"));
                    writeIfChanged(dir.resolve("pyvenv.cfg"), config(dir), false);
                    made = dir;
                }
            } catch (IOException | RuntimeException e) {
                made = null;
            }
        }
        String launcher = made == null ? null : ownLauncher(made);
        if (launcher != null && !binWritten) {
            try {
                Files.createDirectories(made.resolve("bin"));
                // the name it was run by goes on as sys.orig_argv[0] (the launcher takes REFHEAP_ARGV0 out of the environment)
                writeIfChanged(made.resolve("bin/refheap"), "#!/bin/sh\n# refheap's virtual environment: runs the checkout's launcher\nREFHEAP_ARGV0=\"$0\" exec '"
                        + launcher.replace("'", "'\\''") + "' \"$@\"\n", true);
                binWritten = true;
            } catch (IOException | RuntimeException e) {
                // sys.executable is then the launcher itself (executable())
            }
        }
        return made;
    }

    /** sys.executable: the environment's {@code bin/refheap} when the launcher is the checkout's own, else the launcher (or ''). */
    public static synchronized String executable(Path env) {
        if (env == null || !binWritten || ownLauncher(env) == null) return launcher();
        return env.resolve("bin/refheap").toString();
    }

    /** The launcher of this process when it is the checkout's own ({@code refheap} beside the environment's {@code target/}), else null. */
    private static String ownLauncher(Path env) {
        String launcher = launcher();
        Path target = env.getParent();
        if (launcher.isEmpty() || target == null || target.getParent() == null) return null;
        Path own = target.getParent().resolve("refheap").toAbsolutePath().normalize();
        return own.equals(Path.of(launcher).toAbsolutePath().normalize()) ? own.toString() : null;
    }

    /** pyvenv.cfg's five entries, as {@code python3 -m venv} writes them (home: the directory of the checkout's launcher, the base interpreter). */
    private static String config(Path dir) {
        Path exe = dir.getParent().getParent() == null ? null : dir.getParent().getParent().resolve("refheap");
        String home = exe != null ? exe.getParent().toString() : dir.getParent().toString();
        return "home = " + home + "\n"
                + "include-system-site-packages = false\n"
                + "version = " + VERSION + "\n"
                + "executable = " + (exe == null ? "" : exe.toString()) + "\n"
                + "command = refheap's own environment, made on first use by refheap\n";
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

    /** {@code venv} beside the jar or class directory. */
    static Path directory() {
        Path target = codeSourceDirectory();
        return target == null ? null : target.resolve("venv");
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

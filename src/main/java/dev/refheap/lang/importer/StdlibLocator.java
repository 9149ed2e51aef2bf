package dev.refheap.lang.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the CPython 3.11 standard library ({@code Lib/}) refheap imports from. Refheap never
 * ships the library; it uses one installed on the machine, searched in this order:
 * <ol>
 *   <li>{@code --stdlib DIR}, then the environment variable {@code REFHEAP_STDLIB};</li>
 *   <li>the library of the release refheap reproduces ({@code sys.version}'s 3.11.7, the conformance
 *       oracle's), where pyenv installed it: {@code ~/.pyenv/versions/3.11.7/lib/python3.11} (a
 *       program's first line then has exactly the oracle's modules: Debian's library adds
 *       {@code sitecustomize});</li>
 *   <li>Debian's {@code /usr/lib/python3.11} (package {@code libpython3.11-stdlib}, CPython 3.11.2,
 *       unpatched; {@code .ci/run} installs it on a machine that lacks it);</li>
 *   <li>a host CPython 3.11: {@code /usr/local/lib/python3.11}, then pyenv's
 *       {@code ~/.pyenv/versions/3.11.*}{@code /lib/python3.11}.</li>
 * </ol>
 * A directory counts when it holds {@code os.py} (CPython's own landmark). Only an explicit
 * option or variable is taken without that check. The result is null when none is found; a failed
 * import then says how to get one ({@link #HOW_TO_GET_ONE}).
 */
final class StdlibLocator {
    private StdlibLocator() {}

    static final String HOW_TO_GET_ONE = "refheap found no CPython 3.11 standard library: install Debian's libpython3.11-stdlib "
            + "(apt-get install libpython3.11-stdlib) or name a CPython 3.11 Lib directory with --stdlib DIR or REFHEAP_STDLIB";

    static Path locate(String option) {
        if (option != null && !option.isEmpty()) return Path.of(option).toAbsolutePath().normalize();
        String env = System.getenv("REFHEAP_STDLIB");
        if (env != null && !env.isEmpty()) return Path.of(env).toAbsolutePath().normalize();
        Path exact = exactRelease();
        if (exact != null) {
            dev.refheap.lang.vm.StartupInputs.note(exact.resolve("os.py"));
            if (Files.isRegularFile(exact.resolve("os.py"))) return exact;
        }
        Path debian = Path.of("/usr/lib/python3.11");
        dev.refheap.lang.vm.StartupInputs.note(debian.resolve("os.py"));
        if (Files.isRegularFile(debian.resolve("os.py"))) return debian;  // the common case: no directory listing
        for (Path p : candidates()) {
            dev.refheap.lang.vm.StartupInputs.note(p.resolve("os.py"));
            if (Files.isRegularFile(p.resolve("os.py"))) return p;
        }
        return null;
    }

    /** pyenv's library of the release refheap reproduces (3.11.7), whether or not it exists; null without a home directory. */
    static Path exactRelease() {
        String home = System.getProperty("user.home");
        return home == null ? null : Path.of(home, ".pyenv", "versions", RELEASE, "lib", "python3.11");
    }

    /** The CPython release refheap reproduces (sys.version's). */
    static final String RELEASE = dev.refheap.lang.vm.VirtualEnv.VERSION;

    static List<Path> candidates() {
        List<Path> c = new ArrayList<>();
        c.add(Path.of("/usr/lib/python3.11"));
        c.add(Path.of("/usr/local/lib/python3.11"));
        String home = System.getProperty("user.home");
        if (home != null) {
            Path versions = Path.of(home, ".pyenv", "versions");
            if (Files.isDirectory(versions)) {
                try (var s = Files.list(versions)) {
                    s.filter(v -> v.getFileName().toString().startsWith("3.11")).sorted().forEach(v -> c.add(v.resolve("lib/python3.11")));
                } catch (java.io.IOException ignored) {
                    // an unreadable pyenv directory is no candidate
                }
            }
        }
        return c;
    }
}

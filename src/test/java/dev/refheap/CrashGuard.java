package dev.refheap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails any test that leaves a JVM crash report ({@code hs_err_pid*.log}): registered for every
 * test by auto-detection ({@code junit-platform.properties}, {@code META-INF/services}).
 *
 * <p>Where reports are looked for: {@link #ERROR_DIR} (target/crash-reports, where the JVMs the
 * tests start write theirs: {@link #errorFileFlag()}, and the test JVM's own through surefire's
 * argLine), the project directory (a JVM's default, its working directory), and the temporary
 * directory (the JVM's fallback). In the temporary directory, which other processes of the
 * machine share, only reports of this JVM or of processes the tests {@link #launched} count.
 * A report that existed before the test is not this test's. The report is left in place for
 * whoever reads the failure.
 */
public final class CrashGuard implements BeforeEachCallback, AfterEachCallback {
    public static final Path ERROR_DIR = Path.of(System.getProperty("user.dir"), "target", "crash-reports").toAbsolutePath();
    private static final Set<Long> PIDS = ConcurrentHashMap.newKeySet();
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(CrashGuard.class);

    /** The JVM option that sends a started JVM's crash report to {@link #ERROR_DIR}. */
    public static String errorFileFlag() {
        try {
            Files.createDirectories(ERROR_DIR);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return "-XX:ErrorFile=" + ERROR_DIR.resolve("hs_err_pid%p.log");
    }

    /** Registers a process a test started: its crash report in the temporary directory counts. */
    public static Process launched(Process p) {
        PIDS.add(p.pid());
        return p;
    }

    /** The crash reports present now. */
    public static Set<Path> snapshot() {
        Set<Path> found = new HashSet<>();
        for (Path dir : List.of(ERROR_DIR, Path.of(System.getProperty("user.dir")).toAbsolutePath(),
                Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath(), Path.of("/tmp"))) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().startsWith("hs_err_pid") && f.getFileName().toString().endsWith(".log"))
                        .forEach(found::add);
            } catch (IOException e) {
                // an unreadable directory holds no report we could show
            }
        }
        return found;
    }

    /** The reports that appeared since {@code before} and belong to this test run. */
    public static List<Path> newReports(Set<Path> before) {
        List<Path> fresh = new ArrayList<>();
        Path project = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path f : snapshot()) {
            if (before.contains(f)) continue;
            Path dir = f.getParent();
            if (dir.equals(ERROR_DIR) || dir.equals(project) || ours(f)) fresh.add(f);
        }
        return fresh;
    }

    private static boolean ours(Path report) {
        String name = report.getFileName().toString();
        try {
            long pid = Long.parseLong(name.substring("hs_err_pid".length(), name.length() - ".log".length()));
            return pid == ProcessHandle.current().pid() || PIDS.contains(pid);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("before", snapshot());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        @SuppressWarnings("unchecked")
        Set<Path> before = (Set<Path>) context.getStore(NS).get("before", Set.class);
        if (before == null) return;
        List<Path> fresh = newReports(before);
        if (fresh.isEmpty()) return;
        StringBuilder sb = new StringBuilder("a JVM crashed during this test: crash report(s) left behind:");
        for (Path f : fresh) {
            sb.append("\n  ").append(f);
            try (Stream<String> lines = Files.lines(f)) {
                lines.limit(12).forEach(l -> sb.append("\n    ").append(l));
            } catch (IOException | java.io.UncheckedIOException e) {
                // the path alone still says what happened
            }
        }
        throw new AssertionError(sb.toString());
    }
}

package dev.refheap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher ({@code ./refheap} and {@code scripts/jdk.sh}) in a project of its own: a copy of
 * both scripts next to a small fake source tree, with a fake JDK (its {@code java} logs each
 * call and writes a cache file when asked to train) and a fake {@code mvn} (it logs the build and
 * makes the jar). Modification times are set explicitly, never waited for.
 */
class LauncherTest {
    @TempDir
    Path dir;
    Path project, jdk, bin, log, jar;

    private static final Instant OLD = Instant.parse("2026-01-01T00:00:00Z");

    @BeforeEach
    void setUp() throws IOException {
        project = Files.createDirectories(dir.resolve("project"));
        Path root = Path.of("").toAbsolutePath();
        Files.createDirectories(project.resolve("scripts"));
        Files.copy(root.resolve("refheap"), project.resolve("refheap"));
        Files.copy(root.resolve("scripts/jdk.sh"), project.resolve("scripts/jdk.sh"));
        Files.writeString(project.resolve("scripts/aot_training.py"), "print('training')\n");
        Files.writeString(project.resolve("scripts/aot-training.ipynb"), "{}\n");
        Files.writeString(project.resolve("pom.xml"), "<project/>\n");
        Path pkg = Files.createDirectories(project.resolve("src/main/java/p"));
        Files.writeString(pkg.resolve("A.java"), "package p; class A {}\n");
        Files.writeString(pkg.resolve("B.java"), "package p; class B {}\n");
        log = dir.resolve("log");
        jar = project.resolve("target/refheap.jar");
        jdk = Files.createDirectories(dir.resolve("jdk"));
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"25.0.1\"\n");
        // java: a training run (-XX:AOTCacheOutput=F) writes 2 MB to F unless FAKE_TRAINING_FAILS is set;
        // any other run prints its arguments
        script(jdk.resolve("bin/java"), """
                echo "java $*" >>"$FAKE_LOG"
                for a in "$@"; do
                  case "$a" in
                    -XX:AOTCacheOutput=*)
                      [ -z "${FAKE_TRAINING_FAILS:-}" ] || exit 1
                      head -c 2000000 /dev/zero >"${a#-XX:AOTCacheOutput=}"; exit 0;;
                  esac
                done
                echo "RUN $*"
                """);
        script(jdk.resolve("bin/javac"), "exit 0\n");
        bin = Files.createDirectories(dir.resolve("bin"));
        script(bin.resolve("mvn"), """
                echo "mvn $*" >>"$FAKE_LOG"
                mkdir -p target && echo jar >target/refheap.jar
                """);
    }

    private static void script(Path p, String body) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/usr/bin/env bash\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Runs the copied launcher; returns its stdout; the fake tools' calls are in {@link #calls()}. */
    private String launch(String... args) throws IOException, InterruptedException {
        return launch(List.of(), args);
    }

    private String launch(List<String> env, String... args) throws IOException, InterruptedException {
        Files.deleteIfExists(log);
        Files.createFile(log);
        ProcessBuilder pb = new ProcessBuilder(new java.util.ArrayList<>(List.of(project.resolve("refheap").toString())));
        pb.command().addAll(List.of(args));
        pb.directory(dir.toFile());
        pb.environment().put("JAVA_HOME", jdk.toString());
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        pb.environment().put("FAKE_LOG", log.toString());
        pb.environment().remove("REFHEAP_AOT");
        for (String e : env) pb.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
        pb.redirectError(dir.resolve("stderr").toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher finished");
        assertEquals(0, p.exitValue(), () -> "launcher status; stderr: " + read(dir.resolve("stderr")));
        return out;
    }

    private List<String> calls() throws IOException {
        return Files.readAllLines(log);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    private long builds() throws IOException {
        return calls().stream().filter(c -> c.startsWith("mvn ")).count();
    }

    private long trainings() throws IOException {
        return calls().stream().filter(c -> c.contains("-XX:AOTCacheOutput=")).count();
    }

    /** Makes every file of the project (and the jar and caches) old, so a later change is newer. */
    private void ageEverything() throws IOException {
        try (var files = Files.walk(project)) {
            for (Path p : files.toList()) Files.setLastModifiedTime(p, FileTime.from(OLD));
        }
        // the jar and caches: newer than the sources, caches newer than the jar
        Files.setLastModifiedTime(jar, FileTime.from(OLD.plusSeconds(10)));
        for (String c : List.of("target/refheap.aot", "target/refheap-notebook.aot", "target/refheap-cpython.aot")) {
            if (Files.exists(project.resolve(c))) Files.setLastModifiedTime(project.resolve(c), FileTime.from(OLD.plusSeconds(20)));
        }
    }

    private void touchNow(Path p) throws IOException {
        Files.setLastModifiedTime(p, FileTime.from(Instant.now()));
    }

    @Test
    void firstUseBuildsListsTheSourcesAndMakesTheCpythonStartupsCache() throws Exception {
        String out = launch("-c", "pass");
        assertEquals(1, builds());
        assertEquals(1, trainings());
        assertTrue(calls().stream().anyMatch(c -> c.contains("AOTCacheOutput") && c.endsWith("run " + project.resolve("scripts/aot_training.py"))),
                "the scripts' cache is trained on aot_training.py: " + calls());
        List<String> c = calls();
        int imports = -1, training = -1;
        for (int i = 0; i < c.size(); i++) {
            if (c.get(i).endsWith("run " + project.resolve("scripts/aot_training.py") + " --imports") && !c.get(i).contains("AOTCache")) imports = i;
            if (c.get(i).contains("AOTCacheOutput")) training = i;
        }
        assertTrue(imports >= 0 && imports < training,
                "the training's imports run on their own first, writing the code cache the training then reads: " + c);
        // a script starts as CPython does by default: the cache trained on an adopting run
        assertTrue(out.startsWith("RUN ") && out.contains("-XX:AOTCache=" + project.resolve("target/refheap-cpython.aot")) && out.trim().endsWith("-c pass"), out);
        List<String> listed = Files.readAllLines(project.resolve("target/refheap.sources"));
        assertTrue(listed.containsAll(List.of("pom.xml", "src/main", "src/main/java/p", "src/main/java/p/A.java")), listed.toString());
        assertFalse(Files.exists(project.resolve("target/refheap-notebook.aot")), "no notebook cache for a script");
    }

    @Test
    void aSecondRunNeitherBuildsNorTrains() throws Exception {
        launch("-c", "pass");
        ageEverything();
        String out = launch("run", "x.py");
        assertEquals(0, builds());
        assertEquals(0, trainings());
        assertTrue(out.contains("-XX:AOTCache="), out);
    }

    @Test
    void anEditedSourceIsRebuilt() throws Exception {
        launch("-c", "pass");
        ageEverything();
        touchNow(project.resolve("src/main/java/p/B.java"));
        launch("-c", "pass");
        assertEquals(1, builds());
        assertEquals(1, trainings(), "a new jar gets a new cache");
    }

    @Test
    void anEditedPomIsRebuilt() throws Exception {
        launch("-c", "pass");
        ageEverything();
        touchNow(project.resolve("pom.xml"));
        launch("-c", "pass");
        assertEquals(1, builds());
    }

    @Test
    void anAddedOrRemovedSourceIsRebuiltAndListed() throws Exception {
        launch("-c", "pass");
        ageEverything();
        Path sub = Files.createDirectories(project.resolve("src/main/java/p/q"));
        Files.writeString(sub.resolve("C.java"), "package p.q; class C {}\n");
        launch("-c", "pass");
        assertEquals(1, builds(), "a new directory with a new file");
        assertTrue(Files.readAllLines(project.resolve("target/refheap.sources")).contains("src/main/java/p/q/C.java"));
        ageEverything();
        Files.delete(project.resolve("src/main/java/p/A.java"));
        launch("-c", "pass");
        assertEquals(1, builds(), "a deleted file");
    }

    @Test
    void aJarBuiltWithoutTheListIsCheckedByWalkingOnce() throws Exception {
        launch("-c", "pass");
        ageEverything();
        Files.delete(project.resolve("target/refheap.sources"));
        launch("-c", "pass");
        assertEquals(0, builds(), "sources older than the jar");
        assertTrue(Files.exists(project.resolve("target/refheap.sources")), "the list is written");
        Files.delete(project.resolve("target/refheap.sources"));
        touchNow(project.resolve("src/main/java/p/A.java"));
        launch("-c", "pass");
        assertEquals(1, builds(), "a source newer than the jar");
    }

    @Test
    void notebooksGetACacheOfTheirOwn() throws Exception {
        launch("-c", "pass");
        ageEverything();
        String out = launch("run", "book.ipynb");
        assertEquals(1, trainings());
        assertTrue(calls().stream().anyMatch(c -> c.contains("AOTCacheOutput") && c.endsWith("run " + project.resolve("scripts/aot-training.ipynb"))),
                calls().toString());
        assertTrue(calls().stream().noneMatch(c -> c.endsWith(" --imports")), "a notebook's training has no imports-only run: " + calls());
        assertTrue(out.contains("-XX:AOTCache=" + project.resolve("target/refheap-notebook.aot")), out);
        out = launch("-c", "pass");
        assertEquals(0, trainings(), "the scripts' cache is still valid");
        assertTrue(out.contains("-XX:AOTCache=" + project.resolve("target/refheap-cpython.aot")), out);
    }

    @Test
    void cpythonsStartUpGetsACacheTrainedOnAnAdoptingRunAndTheSmallOneItsOwn() throws Exception {
        launch("--startup=refheap", "-c", "pass");
        assertTrue(calls().stream().anyMatch(c -> c.contains("AOTCacheOutput") && c.endsWith("-jar " + jar + " run " + project.resolve("scripts/aot_training.py"))),
                "the small start-up's cache is trained without --startup: " + calls());
        ageEverything();
        String out = launch("-S", "-c", "pass");
        assertEquals(1, trainings());
        List<String> c = calls();
        int training = -1;
        for (int i = 0; i < c.size(); i++) if (c.get(i).contains("AOTCacheOutput")) training = i;
        assertTrue(training > 0 && c.get(training - 1).endsWith("--startup=cpython -c pass") && !c.get(training - 1).contains("AOTCache"),
                "a run that makes the start-up image comes before the training: " + c);
        assertTrue(c.get(training).endsWith("--startup=cpython run " + project.resolve("scripts/aot_training.py")), c.get(training));
        assertTrue(out.contains("-XX:AOTCache=" + project.resolve("target/refheap-cpython.aot")), out);
        out = launch("--startup=cpython", "run", "x.py");
        assertEquals(0, trainings(), "made once per jar");
        assertTrue(out.contains("-XX:AOTCache=" + project.resolve("target/refheap-cpython.aot")), out);
        out = launch("run", "x.py", "--startup=refheap");
        assertTrue(out.contains("-XX:AOTCache=" + project.resolve("target/refheap-cpython.aot")), "the program's own argument: " + out);
        out = launch("--startup", "refheap", "-c", "pass");
        assertEquals(0, trainings(), "the small start-up's cache is still valid");
        assertTrue(out.contains("-XX:AOTCache=" + project.resolve("target/refheap.aot")), out);
        for (String command : List.of("dis", "demo", "trace", "serve")) {
            out = launch(command, "x.py");
            assertEquals(0, trainings(), command);
            assertFalse(out.contains("refheap-cpython.aot"), command + " runs no program's start-up: " + out);
        }
    }

    @Test
    void aFailedTrainingRunsWithoutACacheAndIsNotRetriedUntilTheJarChanges() throws Exception {
        String out = launch(List.of("FAKE_TRAINING_FAILS=1"), "-c", "pass");
        assertEquals(1, trainings());
        assertFalse(out.contains("-XX:AOTCache="), out);
        assertTrue(out.trim().endsWith("-c pass"), "the program still runs: " + out);
        out = launch(List.of("FAKE_TRAINING_FAILS=1"), "-c", "pass");
        assertEquals(0, trainings(), "not retried for the same jar");
        assertFalse(out.contains("-XX:AOTCache="), out);
        touchNow(jar);
        out = launch("-c", "pass");
        assertEquals(1, trainings(), "retried for a new jar");
        assertTrue(out.contains("-XX:AOTCache="), out);
    }

    @Test
    void aStaleOrDamagedCacheIsMadeAgain() throws Exception {
        launch("-c", "pass");
        ageEverything();
        touchNow(jar);
        launch("-c", "pass");
        assertEquals(1, trainings(), "a jar newer than its cache");
        ageEverything();
        Files.writeString(project.resolve("target/refheap-cpython.aot"), "truncated");
        ageEverything();
        String out = launch("-c", "pass");
        assertEquals(1, trainings(), "a cache far too small");
        assertTrue(out.contains("-XX:AOTCache="), out);
    }

    @Test
    void refheapAotZeroRunsWithoutACache() throws Exception {
        String out = launch(List.of("REFHEAP_AOT=0"), "-c", "pass");
        assertEquals(0, trainings());
        assertFalse(out.contains("-XX:AOTCache"), out);
    }

    @Test
    void theJdkIsFoundByItsReleaseFileWithoutStartingIt() throws Exception {
        launch("-c", "pass");
        ageEverything();
        launch("-c", "pass");
        assertEquals(1, calls().size(), "java started once, for the program: " + calls());
        // without a version in the release file, java is asked
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"test\"\n");
        script(jdk.resolve("bin/java"), """
                case "$*" in *-XshowSettings*) echo '    java.specification.version = 25' >&2; exit 0;; esac
                echo "RUN $*"
                """);
        String out = launch("-c", "pass");
        assertTrue(out.startsWith("RUN "), out);
    }
}

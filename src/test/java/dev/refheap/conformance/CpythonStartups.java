package dev.refheap.conformance;

import dev.refheap.lang.vm.Runtime;
import dev.refheap.lang.vm.RuntimeOptions;
import dev.refheap.lang.vm.StartupImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPython's start-up for the conformance programs that run after it, as the command line gives it:
 * from a start-up image. The first program that needs one makes it (a runtime with owned large
 * blocks runs the start-up with the maker's configuration, writes the image to a temporary
 * directory and is closed); each program's runtime is then made with owned large blocks and
 * adopts it, with the program's own sys.argv and sys.path[0] redone (docs/architecture.md,
 * "Start-up image", step 5). So the corpus under CPython's start-up is also a test of the image
 * over every program, and costs milliseconds per program instead of a start-up each.
 * StartupImageSwapTest compares adopted with live start-ups over the programs that ask for
 * CPython's start-up; {@code -Drefheap.test.startupImage=0} runs every start-up live here too.
 *
 * <p>States: no image yet → made (one per JVM; every program's runtime then adopts it) or failed
 * (the maker raised: every program then fails with the maker's error, rather than silently
 * running live). An image the adopter refuses fails the program: in one JVM the inputs are
 * the same for every runtime, so a refusal is a bug in the image's key or hooks.
 */
final class CpythonStartups {
    private CpythonStartups() {}

    /** Whether programs adopt an image ({@code -Drefheap.test.startupImage=0}: every start-up live). */
    static final boolean IMAGES = !"0".equals(System.getProperty("refheap.test.startupImage"));

    private static final byte[] KEY = "refheap conformance start-up image 1\n".getBytes(StandardCharsets.UTF_8);
    private static Path image;
    private static RuntimeException failed;

    /**
     * Options for a runtime that will adopt the image: owned large blocks (where the maker's
     * constructor put its objects), no stress mode yet. The image is made here when there is none
     * yet: before the adopter's runtime is built, which must be built where the maker's was.
     */
    static RuntimeOptions adopterOptions(RuntimeOptions options) {
        image();
        return new RuntimeOptions(options.maxHeap(), false, options.out(), options.err(), true);
    }

    /**
     * CPython's start-up on {@code rt} (made with {@link #adopterOptions} and configured with the
     * program's configuration): the image adopted.
     */
    static void adopt(Runtime rt) {
        Path img = image();
        try {
            if (!rt.startFromImage(img, KEY)) throw new AssertionError("the conformance start-up image was refused (other inputs, or damaged)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The image of CPython's start-up for the programs of this JVM, made on first use. */
    private static synchronized Path image() {
        if (failed != null) throw failed;
        if (image != null) return image;
        try {
            Path dir = Files.createTempDirectory("refheap-conformance-startup");
            dir.toFile().deleteOnExit();
            Path img = dir.resolve("startup.img");
            PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            ConformanceTest.launcherKnown();  // the maker's start-up inputs are the programs'
            Runtime maker = new Runtime(new RuntimeOptions(1L << 31, false, out, err, true));
            try {
                // the programs' configuration as ConformanceTest.configure makes it, without argv and path0
                maker.configureMain(StartupImage.makerConfig(new Runtime.MainConfig(List.of(), null, null)));
                RuntimeException[] raised = {null};
                Thread t = new Thread(null, () -> {
                    try {
                        maker.runCpythonStartup();
                    } catch (RuntimeException e) {
                        raised[0] = e;
                    }
                }, "startup-image", 1L << 29);
                t.start();
                t.join();
                if (raised[0] != null) throw raised[0];
                maker.writeStartupImage(img, KEY);
            } finally {
                maker.close();
            }
            img.toFile().deleteOnExit();
            image = img;
            return img;
        } catch (IOException e) {
            failed = new UncheckedIOException("the conformance start-up image could not be made", e);
            throw failed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed = new IllegalStateException("interrupted while making the conformance start-up image", e);
            throw failed;
        } catch (RuntimeException e) {
            failed = e;
            throw e;
        }
    }
}

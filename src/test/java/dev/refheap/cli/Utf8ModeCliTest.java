package dev.refheap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UTF-8 mode (PEP 540) and the C locale's coercion (PEP 538) at a process's start, each case run
 * on python3 and on refheap with the same environment and arguments: sys.flags.utf8_mode, the
 * standard streams' encodings and error handlers, open()'s default encoding, the locale's
 * encodings, LC_CTYPE in os.environ and in a child process, and the fatal errors of bad values.
 */
class Utf8ModeCliTest {
    @TempDir
    Path dir;

    private static final String SHOW = """
            import sys, locale, os, io, subprocess
            print(sys.flags.utf8_mode, sys.getfilesystemencoding(), locale.getpreferredencoding(False), locale.getencoding())
            for s in (sys.stdin, sys.stdout, sys.stderr):
                print(s.encoding, s.errors)
            with open('f.txt', 'w') as f:
                print(f.encoding, io.text_encoding(None))
            print(os.environ.get('LC_CTYPE'), locale.setlocale(locale.LC_CTYPE))
            print(subprocess.run(['sh', '-c', 'echo "$LC_CTYPE"'], capture_output=True).stdout)
            """;

    /** python3's and refheap's status, stdout and stderr for {@code args} under {@code env} (the locale variables unset but those). */
    private void same(Map<String, String> env, String... args) throws Exception {
        String py = run(List.of("python3"), env, args), rh = run(CliRun.command(), env, args);
        assertEquals(py, rh, "env " + env + " args " + List.of(args));
    }

    private String run(List<String> head, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(head);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = CliRun.builder(dir, cmd);
        for (String v : List.of("LC_ALL", "LC_CTYPE", "LANG", "PYTHONUTF8", "PYTHONIOENCODING", "PYTHONCOERCECLOCALE")) pb.environment().remove(v);
        pb.environment().putAll(env);
        Process p = dev.refheap.CrashGuard.launched(pb.start());
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(true, p.waitFor(60, TimeUnit.SECONDS));
        return "status " + p.exitValue() + "\n" + out + "--- stderr\n" + err.join();
    }

    @Test
    void theCLocaleTurnsUtf8ModeOnAndIsCoerced() throws Exception {
        same(Map.of("LANG", "C"), "-c", SHOW);
        same(Map.of("LC_CTYPE", "POSIX", "LANG", "C.UTF-8"), "-c", SHOW);
        same(Map.of("LANG", "no_SUCH.locale"), "-c", SHOW);  // a locale the C library lacks is C
    }

    @Test
    void lcAllOrPythonCoerceCLocaleZeroKeepsTheCLocaleInUtf8Mode() throws Exception {
        same(Map.of("LC_ALL", "C"), "-c", SHOW);
        same(Map.of("LANG", "C", "PYTHONCOERCECLOCALE", "0"), "-c", SHOW);
        same(Map.of("LANG", "C", "PYTHONCOERCECLOCALE", "0"), "-E", "-c", SHOW);  // -E ignores PYTHONCOERCECLOCALE: coerced
    }

    @Test
    void pythonCoerceCLocaleWarnReportsTheCoercion() throws Exception {
        same(Map.of("LANG", "C", "PYTHONCOERCECLOCALE", "warn"), "-c", "import os; print(os.environ['LC_CTYPE'])");
    }

    @Test
    void utf8ModeByOptionOrEnvironment() throws Exception {
        same(Map.of("LANG", "C.UTF-8", "PYTHONUTF8", "1"), "-c", SHOW);
        same(Map.of("LANG", "C.UTF-8"), "-X", "utf8", "-c", SHOW);
        same(Map.of("LANG", "C.UTF-8", "PYTHONUTF8", "1"), "-X", "utf8=0", "-c", SHOW);  // the option wins
        same(Map.of("LANG", "C.UTF-8", "PYTHONUTF8", "1"), "-E", "-c", SHOW);  // -E ignores PYTHONUTF8
        same(Map.of("LANG", "C", "PYTHONUTF8", "0"), "-c", SHOW);  // off, and the C locale coerced
        same(Map.of("LANG", "C.UTF-8"), "-X", "utf8=0", "-X", "utf8", "-c", "import sys; print(sys.flags.utf8_mode, sys._xoptions)");
    }

    @Test
    void badUtf8ModeValuesAreFatalErrors() throws Exception {
        same(Map.of("LANG", "C.UTF-8", "PYTHONUTF8", "yes"), "-c", "print(1)");
        same(Map.of("LANG", "C.UTF-8"), "-X", "utf8=2", "-c", "print(1)");
        same(Map.of("LANG", "C.UTF-8"), "-X", "utf8=", "-c", "print(1)");
    }

    @Test
    void pythonIoEncodingNamesTheCodecAndDefaultsToStrict() throws Exception {
        for (String e : List.of("latin-1", "utf8", "UTF-8:ignore", ":replace", "latin-1:", ":", "ascii:backslashreplace")) {
            same(Map.of("LANG", "C.UTF-8", "PYTHONIOENCODING", e), "-c", SHOW);
        }
    }

    @Test
    void openFollowsTheLocaleSetLaterOutsideUtf8Mode() throws Exception {
        String code = """
                import locale
                locale.setlocale(locale.LC_CTYPE, 'C')
                f = open('g.txt', 'w')
                print(f.encoding, open('g.txt', encoding='locale').encoding)
                try:
                    f.write('caf\\xe9')
                    f.flush()
                except UnicodeEncodeError as e:
                    print(type(e).__name__, e)
                """;
        same(Map.of("LANG", "C.UTF-8"), "-c", code);
        same(Map.of("LANG", "C.UTF-8"), "-X", "utf8", "-c", code);
    }

    @Test
    void theCLocaleKeptOutsideUtf8ModeIsAscii() throws Exception {
        // LC_ALL=C with UTF-8 mode off: ASCII file names, streams and open() default, argv decoded with surrogateescape
        String code = SHOW + """
                import os
                print(ascii(sys.argv), ascii(os.fsencode('caf\\udcc3\\udca9')), ascii(os.fsdecode(b'caf\\xc3\\xa9')))
                os.makedirs('d\\udcc3\\udca9', exist_ok=True)
                print(ascii(os.listdir('.')), [ascii(e.name) for e in os.scandir('.')])
                try:
                    print('caf\\xe9')
                except UnicodeEncodeError as e:
                    print('UnicodeEncodeError', e.encoding, e.reason)
                """;
        same(Map.of("LC_ALL", "C", "PYTHONUTF8", "0"), "-c", code, "caf\u00e9");
        same(Map.of("LANG", "C", "PYTHONCOERCECLOCALE", "0"), "-X", "utf8=0", "-c", code, "\u00e9t\u00e9");
    }

    @Test
    void aNonAsciiArgumentUnderTheCLocaleInUtf8ModeIsUtf8() throws Exception {
        // the JVM decodes its arguments in the locale's charset (ASCII under C): refheap reads the bytes again
        same(Map.of("LC_ALL", "C"), "-c", "import sys; print(ascii(sys.argv), ascii(sys.orig_argv[-2:]))", "caf\u00e9", "\u20ac");
    }
}

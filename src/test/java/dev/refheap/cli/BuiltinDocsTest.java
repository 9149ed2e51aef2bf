package dev.refheap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The builtins' docstrings come from a host CPython 3.11 (lang.vm.BuiltinDocs): written into the
 * cache directory on first use, written again when the generator changed, and without an
 * interpreter every read says what is missing instead of answering.
 */
class BuiltinDocsTest {
    @TempDir
    Path dir;

    private static final String PROBE = """
            import sys
            for e in ('int.__doc__', '(1).__doc__', 'len.__doc__', 'len.__text_signature__', 'type(None).__doc__', 'sys.__doc__ is None'):
                try:
                    v = eval(e)
                    print(e, repr(v if not isinstance(v, str) else v.splitlines()[0]))
                except Exception as x:
                    print(e, type(x).__name__, x)
            """;

    private CliRun run(Path cache, String python, String... startup) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of(startup));
        args.addAll(List.of("-c", PROBE));
        return CliRun.in(dir, pb -> {
            pb.environment().put("REFHEAP_CACHE", cache.toString());
            pb.environment().put("REFHEAP_STARTUP_IMAGE", "0");  // CPython's start-up runs live: it reads docs
            if (python != null) pb.environment().put("REFHEAP_DOCS_PYTHON", python);
            else pb.environment().remove("REFHEAP_DOCS_PYTHON");
        }, args.toArray(String[]::new));
    }

    @Test
    void docsComeFromTheHostInterpreterIntoTheCache() throws Exception {
        Path cache = dir.resolve("cache");
        CliRun r = run(cache, null);
        assertEquals(0, r.status(), r.err());
        assertEquals("""
                int.__doc__ 'int([x]) -> integer'
                (1).__doc__ 'int([x]) -> integer'
                len.__doc__ 'Return the number of items in a container.'
                len.__text_signature__ '($module, obj, /)'
                type(None).__doc__ None
                sys.__doc__ is None False
                """, r.out());
        String data = Files.readString(cache.resolve("builtin-docs-311.txt"));
        assertTrue(data.lines().anyMatch(l -> l.startsWith("V 3.11.")), "the interpreter's version is recorded");
    }

    @Test
    void aFileFromAnotherGeneratorIsWrittenAgain() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Files.writeString(cache.resolve("builtin-docs-311.txt"), "# old\nV 3.11.0 /x\nK other\nint\t4\nwrong\n=\n");
        CliRun r = run(cache, null);
        assertTrue(r.out().startsWith("int.__doc__ 'int([x]) -> integer'\n"), r.out());
    }

    /**
     * A file another generator wrote after this process read the start-up part (a cache directory
     * shared by two builds whose generators list different modules) is written again before the
     * rest is read: before, the rest came from the other generator's data, and a module only this
     * one lists had no docstrings (NotImplementedError at locale.py's functools.wraps of _locale's).
     */
    @Test
    void aFileReplacedByAnotherGeneratorAfterStartUpIsWrittenAgain() throws Exception {
        Path cache = dir.resolve("cache");
        String program = """
                import os, sys
                with open(os.path.join(os.environ['REFHEAP_CACHE'], 'builtin-docs-311.txt'), 'w') as f:
                    f.write('# another generator\\nV 3.11.7 /x\\nK other\\nint\\t4\\nwrong\\n=\\n')
                import _locale
                print(_locale.localeconv.__doc__)
                print(len.__doc__)
                """;
        CliRun r = CliRun.in(dir, pb -> {
            pb.environment().put("REFHEAP_CACHE", cache.toString());
            pb.environment().remove("REFHEAP_DOCS_PYTHON");
        }, "--startup=refheap", "-c", program);
        assertEquals(0, r.status(), r.err());
        assertEquals("Returns numeric and monetary locale-specific parameters.\nReturn the number of items in a container.\n", r.out());
        assertTrue(Files.readString(cache.resolve("builtin-docs-311.txt")).contains("_locale:localeconv"), "written again by this generator");
    }

    @Test
    void withoutACpython311EveryDocReadSaysWhatIsMissing() throws Exception {
        Path cache = dir.resolve("cache");
        for (int i = 0; i < 2; i++) {  // the second run finds the remembered miss
            CliRun r = run(cache, "/bin/false", "--startup=refheap");
            assertEquals(0, r.status(), r.err());
            String[] lines = r.out().split("\n");
            assertTrue(lines[0].startsWith("int.__doc__ NotImplementedError refheap has no docstring for int: refheap takes the docstrings of"
                    + " builtin types and functions from a CPython 3.11 on this machine, but none was found"), lines[0]);
            assertTrue(lines[0].endsWith("install one (Debian: apt-get install python3.11) or name it in REFHEAP_DOCS_PYTHON"), lines[0]);
            assertEquals("(1).__doc__ AttributeError 'int' object has no attribute '__doc__'", lines[1]);
            assertTrue(lines[2].startsWith("len.__doc__ NotImplementedError refheap has no docstring for builtins.len: "), lines[2]);
            assertTrue(lines[3].startsWith("len.__text_signature__ NotImplementedError refheap has no docstring for builtins.len: "), lines[3]);
            assertEquals("type(None).__doc__ None", lines[4]);
            assertEquals("sys.__doc__ is None True", lines[5]);
        }
        assertTrue(Files.exists(cache.resolve("builtin-docs-311.txt.none")));
        // CPython's start-up (the default) reads docs (io.py's classes copy _io's): without them the
        // program runs after the small start-up, and stderr says why
        CliRun r = run(cache, "/bin/false");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().startsWith("refheap: started small (as --startup=refheap): CPython's start-up reads docstrings of builtin types,"
                + " which refheap takes from a CPython 3.11 on this machine, but none was found"), r.err());
        assertTrue(r.out().endsWith("sys.__doc__ is None True\n"), r.out());
        assertEquals(3, r.out().lines().filter(l -> l.contains("NotImplementedError")).count(), r.out());
        // an explicit --startup=cpython runs it, and fails naming what is missing
        r = run(cache, "/bin/false", "--startup=cpython");
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("NotImplementedError: refheap has no docstring for _io._IOBase"), r.err());
    }
}

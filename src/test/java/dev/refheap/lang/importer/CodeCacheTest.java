package dev.refheap.lang.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.refheap.lang.bytecode.CodeUnit;
import dev.refheap.lang.compiler.Compiler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiled-code cache's file names and validity, and the source decoding every import does.
 * The names are a prefix of the SHA-256 of the source's path, as before the digest was kept and
 * the names remembered (session 27): a cache written by an earlier build's compiler is refused by
 * its fingerprint, but its names stay those of the same sources.
 */
class CodeCacheTest {
    @TempDir
    Path dir;

    private static String sha256Prefix(String s) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d, 0, 8);
    }

    @Test
    void theFileNameIsTheSha256PrefixOfTheSourcePath() throws Exception {
        CodeCache cache = new CodeCache(dir, "test");
        Path a = Path.of("/lib/python3.11/collections/__init__.py");
        Path b = Path.of("/lib/python3.11/re/__init__.py");
        assertEquals(dir.resolve(sha256Prefix(a.toString()) + ".collections.refheap-311.rhc"), cache.pathFor(a, "collections"));
        // asked again (an import asks for __cached__ and for the read), and by another cache: the same name
        assertEquals(cache.pathFor(a, "collections"), cache.pathFor(a, "collections"));
        assertEquals(cache.pathFor(a, "x"), new CodeCache(dir, "other").pathFor(a, "x"));
        assertEquals(dir.resolve(sha256Prefix(b.toString()) + ".re.refheap-311.rhc"), cache.pathFor(b, "re"));
        assertNotEquals(cache.pathFor(a, "m"), cache.pathFor(b, "m"));
    }

    @Test
    void anEntryIsReadBackOnlyForItsSizeTimeAndFingerprint() {
        Path src = Path.of("/somewhere/mod.py");
        CodeUnit unit = Compiler.compile("x = 1\n", src.toString(), Compiler.Mode.EXEC);
        CodeCache cache = new CodeCache(dir, "build-1");
        cache.write(src, "mod", 6, 1000, unit);
        assertNotNull(cache.read(src, "mod", 6, 1000));
        assertNull(cache.read(src, "mod", 7, 1000), "another size");
        assertNull(cache.read(src, "mod", 6, 1001), "another modification time");
        assertNull(new CodeCache(dir, "build-2").read(src, "mod", 6, 1000), "another compiler");
        assertNull(cache.read(Path.of("/elsewhere/mod.py"), "mod", 6, 1000), "another source");
    }

    @Test
    void decodeFollowsACodingDeclarationOnEitherOfTheFirstTwoLines() {
        byte[] latin1First = "# -*- coding: latin-1 -*-\ns = '\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("# -*- coding: latin-1 -*-\ns = '\u00e9'\n", Importer.decode(latin1First));
        byte[] latin1Second = "#!/usr/bin/env python\n# vim: set fileencoding=latin-1 :\ns = '\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("#!/usr/bin/env python\n# vim: set fileencoding=latin-1 :\ns = '\u00e9'\n", Importer.decode(latin1Second));
        // on the third line it is not a declaration: UTF-8
        byte[] third = "\n\n# coding: latin-1\ns = '\u00e9'\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("\n\n# coding: latin-1\ns = '\u00e9'\n", Importer.decode(third));
        // after a line of code neither
        byte[] afterCode = "x = 1\n# coding: latin-1\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("x = 1\n# coding: latin-1\n", Importer.decode(afterCode));
        // a UTF-8 BOM is dropped
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x', '\n'};
        assertEquals("x\n", Importer.decode(bom));
    }
}

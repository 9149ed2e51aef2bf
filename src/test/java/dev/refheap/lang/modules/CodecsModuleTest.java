package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * _codecs and the VM's codec registry (CodecRegistry, ErrorHandlers): search functions and their
 * cache, names normalized as 3.11, the standard handlers as callables, a registered handler used by
 * str.encode, the escape codecs (Escapes) and the EncodingMap trie, each under --gc-stress too.
 */
class CodecsModuleTest {
    private static String both(String program) {
        String plain = NativeModuleRun.run(program);
        assertEquals(plain, NativeModuleRun.run(program, true), "--gc-stress changes the output");
        return plain;
    }

    @Test
    void searchFunctionsSeeNormalizedNamesAndResultsAreCached() {
        assertEquals("'my_codec'\n'x.y'\nTrue 1\n", both("import _codecs\nseen = []\n"
                + "def f(name):\n    print(repr(name))\n    seen.append(name)\n"
                + "    return (1, 2, 3, 4) if name == 'my_codec' else None\n"
                + "_codecs.register(f)\n_codecs.lookup('My-Codec')\n"
                + "try:\n    _codecs.lookup('--X.y ')\nexcept LookupError:\n    pass\n"
                + "print(_codecs.lookup('MY CODEC') is _codecs.lookup('my codec'), seen.count('my_codec'))\n"));
    }

    @Test
    void standardHandlersAreCallables() {
        assertEquals("('?', 2) ('', 2) strict_errors\n", both("import _codecs\n"
                + "e = UnicodeEncodeError('ascii', 'a\\xe9', 1, 2, 'no')\n"
                + "print(_codecs.lookup_error('replace')(e), _codecs.lookup_error('ignore')(e), _codecs.lookup_error('strict').__name__)\n"));
    }

    @Test
    void aRegisteredHandlerServesStrEncode() {
        assertEquals("b'a[1]b'\n", both("import _codecs\n"
                + "_codecs.register_error('mark', lambda e: ('[%d]' % e.start, e.end))\nprint('a\\xe9b'.encode('ascii', 'mark'))\n"));
    }

    @Test
    void escapeCodecs() {
        assertEquals("('a\\n€', 9) (b'\\\\u20ac', 1) (b'\\t', 2)\n", both("import _codecs\n"
                + "print(_codecs.unicode_escape_decode(b'a\\\\n\\\\u20ac'), _codecs.raw_unicode_escape_encode('\\u20ac'), _codecs.escape_decode(b'\\\\t'))\n"));
    }

    @Test
    void encodingMapIsCPythonsTrie() {
        assertEquals("64 351 (b'\\x02\\x01', 2)\n", both("import _codecs, sys\n"
                + "m = _codecs.charmap_build('\\x00ab' + '\\ufffe' * 10 + '\\u20ac')\n"
                + "print(sys.getsizeof(m), m.size(), _codecs.charmap_encode('ba', 'strict', m))\n"));
    }

    @Test
    void sha512MatchesItsReferenceValue() {
        assertEquals("ddaf35a193617aba 32 cb00753f45a35e8b\n", both("import _sha512, sys\n"
                + "h = _sha512.sha512(b'a')\nh.update(b'bc')\n"
                + "print(h.hexdigest()[:16], len(_sha512.sha512(b'x' * 300).copy().digest()) // 2, _sha512.sha384(b'abc').hexdigest()[:16])\n"));
    }
}

package dev.refheap.lang.modules.unicodedata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.refheap.lang.modules.NativeModuleRun;
import org.junit.jupiter.api.Test;

/** The module through the VM: what refheap answers where CPython's data is beyond ICU's, by name. */
class UnicodedataModuleTest {
    @Test
    void version32PropertiesIcuCannotGiveAreNotImplemented() {
        assertEquals("NotImplementedError unicodedata.ucd_3_2_0.category() of U+00AA: refheap has no Unicode 3.2.0 category\n"
                + "Cn\n", NativeModuleRun.run("import unicodedata\n"
                + "try:\n    unicodedata.ucd_3_2_0.category('\\xaa')\n"
                + "except NotImplementedError as e:\n    print(type(e).__name__, str(e)[:81])\n"
                + "print(unicodedata.ucd_3_2_0.category('\\u0221'))\n"));
    }

    @Test
    void failedLookupNamesWhatTheDatabaseLacks() {
        assertEquals("undefined character name 'LATIN SMALL LETTER R WITH TILDE' (refheap's database (ICU 71) has no named "
                + "sequences and only the correction aliases)\nundefined character name 'NULL'\n",
                NativeModuleRun.run("import unicodedata\n"
                + "try:\n    unicodedata.lookup('LATIN SMALL LETTER R WITH TILDE')\nexcept KeyError as e:\n    print(e.args[0])\n"
                + "try:\n    unicodedata.ucd_3_2_0.lookup('NULL')\nexcept KeyError as e:\n    print(e.args[0])\n"));
    }

    @Test
    void surrogatesAreCharacters() {
        assertEquals("Cs None 0 x\\ud800\u0301\n", NativeModuleRun.run("import unicodedata\n"
                + "print(unicodedata.category('\\ud800'), unicodedata.name('\\udfff', None), unicodedata.combining('\\udc00'),"
                + " ascii(unicodedata.normalize('NFC', 'x\\ud800\\u0301'))[1:-1].replace('\\\\u0301', '\\u0301'))\n"));
    }

    @Test
    void escapesAndNamereplaceReadTheSameDatabase() {
        assertEquals("'\\u01a2' True b'\\\\U0001f6dc\\\\N{BULLET}'\n", NativeModuleRun.run("import codecs\n"
                + "print(ascii('\\N{LATIN CAPITAL LETTER GHA}'), codecs.decode(b'\\\\N{em dash}', 'unicode_escape') == '\\u2014',"
                + " '\\U0001f6dc\\u2022'.encode('ascii', 'namereplace'))\n"));
    }
}

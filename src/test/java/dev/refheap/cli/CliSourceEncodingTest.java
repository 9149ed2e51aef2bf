package dev.refheap.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PEP 263 coding declarations and BOMs, as python3 3.11 decodes a script (expected outputs from python3; issue 7). */
class CliSourceEncodingTest {
    @TempDir
    Path dir;

    /** The file is given as text with {@code \xNN} escapes for its bytes; the expected output likewise for stdout or stderr. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            latin-1       | # -*- coding: latin-1 -*-\\nprint("caf\\xe9")\\n                         | 0 | café\\n
            line-2        | #!/usr/bin/env python\\n# vim: set fileencoding=iso-8859-15 :\\nprint("\\xa4")\\n | 0 | €\\n
            blank-line-1  | \\n# coding: latin-1\\nprint("caf\\xe9")\\n                               | 0 | café\\n
            cp1252        | # coding: cp1252\\nprint("\\x80")\\n                                      | 0 | €\\n
            latin_1       | # coding=latin_1\\nprint("caf\\xe9")\\n                                 | 0 | café\\n
            euc-jp        | # coding: euc-jp\\nprint("\\xa4\\xa2")\\n                                | 0 | あ\\n
            utf-8-sig     | # coding: utf-8-sig\\nprint("ok")\\n                                     | 0 | ok\\n
            bom           | \\xef\\xbb\\xbfprint("caf\\xc3\\xa9")\\n                                   | 0 | café\\n
            bom-utf-8     | \\xef\\xbb\\xbf# coding: utf-8\\nprint(1)\\n                               | 0 | 1\\n
            unknown       | # coding: xyz\\nprint(1)\\n                                             | 1 | SyntaxError: encoding problem: xyz\\n
            utf-16        | # coding: utf-16\\nprint(1)\\n                                          | 1 | SyntaxError: encoding problem: utf-16\\n
            invalid-ascii | # coding: ascii\\nprint("caf\\xe9")\\n                                  | 1 | SyntaxError: encoding problem: ascii\\n
            invalid-cp    | # coding: cp1252\\nprint("\\x81")\\n                                    | 1 | SyntaxError: encoding problem: cp1252\\n
            bom-latin-1   | \\xef\\xbb\\xbf# coding: latin-1\\nprint(1)\\n                             | 1 | SyntaxError: encoding problem: iso-8859-1 with BOM\\n
            too-late      | x = 1\\n# coding: latin-1\\nprint("caf\\xe9")\\n                         | 1 | SyntaxError: Non-UTF-8 code starting with '\\\\xe9' in file p.py on line 3, but no encoding declared; see https://peps.python.org/pep-0263/ for details\\n
            first-invalid | a = "caf\\xc3\\xa9"\\nb = "x\\xc3\\xa9\\xe9"\\n                           | 1 | SyntaxError: Non-UTF-8 code starting with '\\\\xe9' in file p.py on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details\\n
            surrogate     | x = 1\\nprint("\\xed\\xa0\\x80")\\n                                | 1 | SyntaxError: Non-UTF-8 code starting with '\\\\xed' in file p.py on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details\\n
            overlong      | print("\\xc0\\xaf")\\n                                               | 1 | SyntaxError: Non-UTF-8 code starting with '\\\\xc0' in file p.py on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details\\n
            too-large     | print("\\xf4\\x90\\x80\\x80")\\n                                      | 1 | SyntaxError: Non-UTF-8 code starting with '\\\\xf4' in file p.py on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details\\n
            """)
    void bug_codingDeclarationsAreHonoured(String name, String file, int status, String expected) throws Exception {
        Files.write(dir.resolve("p.py"), bytes(file.strip()));
        CliRun r = CliRun.in(dir, "run", "p.py").relativeTo(dir);
        assertEquals(status, r.status(), r.err());
        String want = new String(bytes(expected.strip()), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(want, status == 0 ? r.out() : r.err());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            one-line  | print(1)\\x00\\n            | 1 | print(1)
            line-two  | x = 1\\nprint(2)\\x00\\n    | 2 | print(2)
            in-string | x = "a\\x00b"\\n           | 1 | x = "a
            only-nul  | \\x00                      | 1 | ``
            """)
    void bug_nulBytesAreRefusedAsPython3RefusesThem(String name, String file, int line, String shown) throws Exception {
        // python3 3.11.7: the line up to the NUL, no marker
        Files.write(dir.resolve("p.py"), bytes(file.strip()));
        CliRun r = CliRun.in(dir, "run", "p.py").relativeTo(dir);
        assertEquals(new CliRun(1, "", "  File \"p.py\", line " + line + "\n    " + shown
                + "\nSyntaxError: source code cannot contain null bytes\n"), r);
    }

    /**
     * A file declared UTF-8 (cookie or BOM) that holds bytes that are not UTF-8: python3 decodes it
     * lazily, so a bad byte in a comment passes and one in a str literal, a name or a bytes literal
     * fails there, with the line shown decoded with "replace" and 3.11's columns; a UTF-8 alias
     * that get_normal_name does not know ("utf8") is decoded eagerly. Expected stderr from python3
     * 3.11.7 (its absolute path shortened to p.py).
     */
    static Object[][] undecodableCases() {
        return new Object[][] {
            {"bom_str", "\\xef\\xbb\\xbfx = 1\ny = \"\\xff\"\n", 1, "", "  File \"p.py\", line 2\n    y = \"\ufffd\"\n         ^\nSyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte\n"},
            {"cookie_str", "# -*- coding: utf-8 -*-\nx = 1\ny = \"a\\xffb\"\n", 1, "", "  File \"p.py\", line 3\n    y = \"a\ufffdb\"\n           ^\nSyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xff in position 1: invalid start byte\n"},
            {"comment_passes", "# coding: utf-8\n\n\nz = 1 # \\xff comment\nprint(z)\n", 0, "1\n", ""},
            {"after_multibyte", "# coding: utf-8\nz = \"\\xc3\\xa9\\xc3\\xa9\\xff\"\n", 1, "", "  File \"p.py\", line 2\n    z = \"\u00e9\u00e9\ufffd\"\n           ^\nSyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xff in position 4: invalid start byte\n"},
            {"name", "# coding: utf-8\nz = 1 # \\xff comment\nprint(z)\nx\\xff = 3\n", 1, "", "  File \"p.py\", line 4\n    x\ufffd = 3\n     ^\nSyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xff in position 1: invalid start byte\n"},
            {"name_middle", "# coding: utf-8\nab\\xffcd = 3\n", 1, "", "  File \"p.py\", line 2\n    ab\ufffdcd = 3\n      ^\nSyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xff in position 2: invalid start byte\n"},
            {"bytes_literal", "# coding: utf-8\nx = b\"a\\xffb\"\n", 1, "", "  File \"p.py\", line 2\n    x = b\"a\ufffdb\"\n        ^^^^\nSyntaxError: bytes can only contain ASCII literal characters\n"},
            {"escapes_run", "# coding: utf-8\nx = \"a\\\\n\\xff\\xfeb\" + \"\\xc3\\xa9\"\n", 1, "", "  File \"p.py\", line 2\n    x = \"a\\n\ufffd\ufffdb\" + \"\u00e9\"\n             ^\nSyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte\n"},
            {"continuation_next_line", "# coding: utf-8\nx = (\"a\\xe2\\x82(b\"\n     \"c\")\n", 1, "", "  File \"p.py\", line 3\n    \"c\")\n       ^\nSyntaxError: (unicode error) 'utf-8' codec can't decode bytes in position 1-2: invalid continuation byte\n"},
            {"truncated_before_comment", "# coding: utf-8\nx = \"abc\\xe2\\x82\"  # tail\n", 1, "", "  File \"p.py\", line 2\n    x = \"abc\ufffd\"  # tail\n               ^^^^^^\nSyntaxError: (unicode error) 'utf-8' codec can't decode bytes in position 3-4: unexpected end of data\n"},
            {"raw", "# coding: utf-8\nx = r\"a\\xffb\"\n", 1, "", "  File \"p.py\", line 2\n    x = r\"a\ufffdb\"\n            ^\nSyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xff in position 1: invalid start byte\n"},
            {"fstring", "# coding: utf-8\nx = f\"a\\xffb{1}\"\n", 1, "", "  File \"p.py\", line 2\n    x = f\"a\ufffdb{1}\"\n               ^\nSyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte\n"},
            {"triple_quoted", "# coding: utf-8\nx = \"\"\"a\n\\xffb\"\"\"\n", 1, "", "  File \"p.py\", line 3\n    \ufffdb\"\"\"\n       ^\nSyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xff in position 2: invalid start byte\n"},
            {"no_final_newline", "# coding: utf-8\nx = \"\\xff\"", 1, "", "  File \"p.py\", line 2\n    x = \"\ufffd\"\n         ^\nSyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte\n"},
            {"encoded_surrogate", "# coding: utf-8\nprint(\"\\xed\\xa0\\x80\")\n", 1, "", "  File \"p.py\", line 2\n    print(\"\ufffd\ufffd\ufffd\")\n            ^\nSyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte\n"},
            {"utf8_alias_is_eager", "# coding: utf8\nprint(\"\\xff\")\n", 1, "", "SyntaxError: encoding problem: utf8\n"},
            {"utf8_alias_with_bom", "\\xef\\xbb\\xbf# coding: utf8\nprint(1)\n", 1, "", "SyntaxError: encoding problem: utf8 with BOM\n"},
            {"traceback_shows_no_line", "# coding: utf-8\nprint(1) # \\xff\n1/0\n", 1, "1\n", "Traceback (most recent call last):\n  File \"p.py\", line 3, in <module>\nZeroDivisionError: division by zero\n"}
        };
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("undecodableCases")
    void bug_undecodableBytesInADeclaredUtf8FileFailWhereUsed(String name, String file, int status, String out, String err) throws Exception {
        Files.write(dir.resolve("p.py"), bytes(file));
        assertEquals(new CliRun(status, out, err), CliRun.in(dir, "run", "p.py").relativeTo(dir));
    }

    /** {@code \n}, {@code \\} and {@code \xNN} escapes to bytes; other characters as UTF-8. */
    private static byte[] bytes(String escaped) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '\\' && escaped.charAt(i + 1) == 'n') {
                out.write('\n');
                i++;
            } else if (c == '\\' && escaped.charAt(i + 1) == '\\') {
                out.write('\\');
                i++;
            } else if (c == '\\' && escaped.charAt(i + 1) == 'x') {
                out.write(HexFormat.fromHexDigits(escaped, i + 2, i + 4));
                i += 3;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}

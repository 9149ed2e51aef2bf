package dev.refheap.lang.parser;

import dev.refheap.lang.PySyntaxError;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input must only ever produce {@link PySyntaxError}: truncated and mutated corpus programs either
 * parse or raise it, never any other exception (and never hang: jqwik bounds the tries).
 */
class FuzzProperties {
    private static final List<String> CORPUS = load();
    private static final String NASTY = "()[]{}:;,.=+-*/\\'\"#@!?$`\n\t \f\r\u00e9{}f'rb0x1_e5j\u00a0";

    private static List<String> load() {
        try {
            return GoldenTest.files("corpus", ".py").stream().map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    return new String(readBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readBytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void parsesOrRaisesSyntaxError(String source) {
        try {
            Parser.parseModule(source, "fuzz.py");
        } catch (PySyntaxError e) {
            assertTrue(e.line() >= 0 && e.msg() != null && !e.msg().isEmpty(), e::toString);
            assertTrue(e.format().endsWith(e.kind().name() + ": " + e.msg() + "\n"), e::format);
        }
        Parser.isIncomplete(source);
    }

    @Provide
    Arbitrary<String> truncations() {
        return Arbitraries.of(CORPUS).flatMap(src ->
                Arbitraries.integers().between(0, src.length()).map(n -> src.substring(0, n)));
    }

    @Property(tries = 600)
    void truncatedCorpusOnlyRaisesSyntaxError(@ForAll("truncations") String source) {
        parsesOrRaisesSyntaxError(source);
    }

    @Provide
    Arbitrary<String> mutations() {
        Arbitrary<String> src = Arbitraries.of(CORPUS);
        Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
        Arbitrary<String> insert = Arbitraries.strings().withChars(NASTY.toCharArray()).ofMinLength(0).ofMaxLength(4);
        Arbitrary<Integer> deleteLen = Arbitraries.integers().between(0, 5);
        return Combinators.combine(src, where, insert, deleteLen).as((s, w, ins, del) -> {
            int at = (int) (w * s.length());
            int to = Math.min(s.length(), at + del);
            return s.substring(0, at) + ins + s.substring(to);
        });
    }

    @Property(tries = 1500)
    void mutatedCorpusOnlyRaisesSyntaxError(@ForAll("mutations") String source) {
        parsesOrRaisesSyntaxError(source);
    }

    @Property(tries = 1000)
    void randomTokenSoupOnlyRaisesSyntaxError(@ForAll("soup") String source) {
        parsesOrRaisesSyntaxError(source);
    }

    @Provide
    Arbitrary<String> soup() {
        Arbitrary<String> piece = Arbitraries.of("if", "else", "for", "in", "x", "1", "(", ")", "[", "]", "{", "}", ":",
                ",", "=", "*", "**", "lambda", "yield", "f'{", "}'", "'", "\"\"\"", "\n", "    ", "\t", "\\", "#",
                "def", "class", "return", "not", "is", "async", "await", "match", ":=", ".", "0x", "1e", "_", "é",
                "from", "import", "as", "with", "try", "except", "finally", "del", "@", ";", "->", "!r", "{{");
        return piece.list().ofMaxSize(30).map(l -> String.join(" ", l));
    }
}

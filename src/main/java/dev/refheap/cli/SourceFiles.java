package dev.refheap.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading a program's file the way python3 does: one clear line when it cannot. */
final class SourceFiles {
    private SourceFiles() {}

    /** Thrown with the exact line python3 would print; the CLI exits with {@link #status}. */
    static final class Unreadable extends Exception {
        final int status;

        Unreadable(String message, int status) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    static byte[] bytes(String file) throws Unreadable {
        Path p = Path.of(file);
        try {
            if (Files.isDirectory(p)) throw new Unreadable("refheap: can't find '__main__' module in '" + file + "'", 1);
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new Unreadable("refheap: can't open file '" + p.toAbsolutePath() + "': [Errno 2] No such file or directory", 2);
        } catch (IOException e) {
            throw new Unreadable("refheap: can't open file '" + p.toAbsolutePath() + "': " + e.getMessage(), 2);
        }
    }

    /** All of stdin: the program of {@code refheap -}. */
    static byte[] stdin() throws Unreadable {
        try {
            return System.in.readAllBytes();
        } catch (IOException e) {
            throw new Unreadable("refheap: can't read the program from stdin: " + e.getMessage(), 2);
        }
    }

    /** Strict UTF-8 (PEP 3120's default); otherwise python3's SyntaxError line. */
    static String text(byte[] bytes, String file) throws Unreadable {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int line = 1, bad = 0;
            for (int i = 0; i < bytes.length; i++) {
                if ((bytes[i] & 0x80) != 0) { bad = i; break; }
            }
            for (int i = 0; i < bad; i++) if (bytes[i] == '\n') line++;
            throw new Unreadable(String.format("SyntaxError: Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, "
                    + "but no encoding declared; see https://peps.python.org/pep-0263/ for details", bytes[bad] & 0xff, file, line), 1);
        }
    }
}

package dev.refheap.cli;

import java.io.IOException;
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

    /** The program's text as python3 decodes a source file (PEP 263: coding declarations, BOM); otherwise python3's SyntaxError. */
    static String text(byte[] bytes, String file) throws Unreadable {
        try {
            return dev.refheap.lang.parser.SourceDecoder.decode(bytes, file);
        } catch (dev.refheap.lang.PySyntaxError e) {
            String message = e.format();
            throw new Unreadable(message.endsWith("\n") ? message.substring(0, message.length() - 1) : message, 1);
        }
    }
}

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
            if (Files.isDirectory(p)) throw new Unreadable("refheap: can't find '__main__' module in '" + absolute(file) + "'", 1);
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new Unreadable("refheap: can't open file '" + absolute(file) + "': [Errno 2] No such file or directory", 2);
        } catch (IOException e) {
            throw new Unreadable("refheap: can't open file '" + absolute(file) + "': " + e.getMessage(), 2);
        }
    }

    /**
     * A script's path as python3 3.9+ makes it before running it (its {@code __file__}, its code's
     * file name, so every traceback and warning): an absolute path is kept as given, a relative one
     * is joined to the working directory with one separator and not normalized ({@code ./x.py} in
     * {@code /tmp} is {@code /tmp/./x.py}; {@code tmp/x.py} in {@code /} is {@code //tmp/x.py}).
     * {@code sys.argv[0]} keeps the path as given.
     */
    static String absolute(String file) {
        if (file.startsWith("/")) return file;
        return System.getProperty("user.dir") + "/" + file;
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

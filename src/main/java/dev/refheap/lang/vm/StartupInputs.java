package dev.refheap.lang.vm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The files and directories a start-up reads, recorded while a start-up image is made, so that
 * the image is taken for valid only while they are as they were (docs/architecture.md, "Start-up
 * image", step 1).
 *
 * <p>What is recorded: every path the standard library's Python code hands to the system (posix's
 * path arguments: {@code stat}, {@code listdir}, {@code open}, ...; {@code _io.FileIO}'s open),
 * every source file the importer loads, every directory the path finder searches or asks its
 * hooks about, and the files the standard library's location was decided by. A directory stands
 * for its entries: a file added, removed or renamed in it changes its modification time, so a
 * new module or {@code .pth} file that would have been found invalidates the image. A path is
 * recorded as it was then ({@link #state}): a regular file by its size and modification time (as
 * the code cache keys a source), a directory by its modification time, anything else by its
 * kind, a missing one as missing.
 *
 * <p>States: off (the usual: {@link #note} is one volatile read) or recording, between
 * {@link #start} and {@link #stop}, on the one thread that runs the start-up. Paths are kept
 * absolute (relative ones from the process's directory, which a start-up does not change) and
 * sorted, so the same start-up gives the same list.
 */
public final class StartupInputs {
    private StartupInputs() {}

    private static volatile Set<String> recording;

    /** Starts recording (a list already being recorded is dropped). */
    public static void start() { recording = new TreeSet<>(); }

    /** Stops recording; the paths noted since {@link #start}, sorted (none if it was not recording). */
    public static List<String> stop() {
        Set<String> r = recording;
        recording = null;
        return r == null ? List.of() : new ArrayList<>(r);
    }

    /** Whether a start-up is being recorded. */
    public static boolean recording() { return recording != null; }

    /** Notes that the start-up read {@code path} (or asked whether it exists). */
    public static void note(Path path) {
        Set<String> r = recording;
        if (r == null || path == null) return;
        try {
            r.add(path.toAbsolutePath().normalize().toString());
        } catch (RuntimeException ignored) {
            // a path Java cannot represent: the start-up that reads it fails alike on its own
        }
    }

    /** {@link #note(Path)} for a path the system is given as bytes (UTF-8 with surrogateescape, as the filesystem encoding). */
    public static void note(byte[] path) {
        if (recording == null || path == null) return;
        String s = new String(path, java.nio.charset.StandardCharsets.UTF_8);
        if (s.indexOf('\uFFFD') >= 0) {
            noteUnrepresentable();
            return;
        }
        try {
            note(Path.of(s));
        } catch (RuntimeException e) {
            noteUnrepresentable();
        }
    }

    /** A path no key line can stand for: recorded as a line no check can pass, so the image is never taken for valid. */
    private static void noteUnrepresentable() {
        Set<String> r = recording;
        if (r != null) r.add("\0unrepresentable");
    }

    /**
     * What a recorded path is now, as one token: {@code f:SIZE:MTIME} a regular file (its
     * modification time in nanoseconds), {@code d:MTIME} a directory, {@code o:MTIME} something
     * else, {@code -} nothing there (or unreadable). Symbolic links are followed, as the start-up's
     * own reads follow them.
     */
    public static String state(String path) {
        if (path.indexOf('\0') >= 0) return "?";
        try {
            BasicFileAttributes a = Files.readAttributes(Path.of(path), BasicFileAttributes.class);
            long mtime = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            if (a.isRegularFile()) return "f:" + a.size() + ":" + mtime;
            if (a.isDirectory()) return "d:" + mtime;
            return "o:" + mtime;
        } catch (java.io.IOException | RuntimeException e) {
            return "-";
        }
    }
}

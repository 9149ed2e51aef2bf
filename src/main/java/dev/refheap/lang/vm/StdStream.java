package dev.refheap.lang.vm;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The process's stdout or stderr as CPython 3.11 buffers them, with write errors kept for the
 * program to see (a {@link PrintStream} alone swallows them).
 *
 * <p>Buffering, as python3 sets up its standard streams: stdout is line-buffered on a terminal and
 * block-buffered (8 KiB) otherwise; stderr is line-buffered; with {@code PYTHONUNBUFFERED} set to
 * a non-empty value both write through. A failed write is kept as the stream's pending error
 * ({@link #check}: the interpreter raises it as {@code OSError}/{@code BrokenPipeError} from the
 * {@code print} or {@code write} that caused it). What happens to the buffered bytes follows
 * CPython's BufferedWriter: a failed explicit or line flush keeps them (the flush at exit tries
 * again, fails again, and python3 exits with 120); a write that overflows the buffer or writes
 * through drops them.
 *
 * <p>Invariants: {@code 0 <= count <= buf.length}; the sink never throws into the PrintStream above
 * it (so the PrintStream's encoder never re-sends bytes); {@code pending} is set only by a failed
 * write to the file descriptor and cleared only by {@link #check} or {@link #finishAtExit}.
 */
public final class StdStream extends PrintStream {
    /** The process's two standard streams once the CLI made them (null in embedded use). */
    private static volatile StdStream stdout, stderr;

    private final Sink sink;
    private final String name;

    private StdStream(Sink sink, String name) {
        super(sink, false, StandardCharsets.UTF_8);
        this.sink = sink;
        this.name = name;
    }

    /** Whether PYTHONUNBUFFERED is set to a non-empty value (python3's -u): both streams write through. */
    public static boolean unbuffered() {
        if (unbufferedOption) return true;
        String v = System.getenv("PYTHONUNBUFFERED");
        return v != null && !v.isEmpty();
    }

    private static volatile boolean unbufferedOption;

    /** Whether -u was given (PYTHONUNBUFFERED aside: -E and -I ignore the variable, not the option). */
    public static boolean unbufferedByOption() { return unbufferedOption; }

    /** python3's -u: the streams opened from now on are unbuffered, as with PYTHONUNBUFFERED. */
    public static void setUnbufferedOption() { unbufferedOption = true; }

    /** Opens fd 1 ({@code err} false) or fd 2 with python3's buffering; it becomes the stream {@link #check} watches. */
    public static StdStream open(boolean err) {
        Mode mode = unbuffered() ? Mode.NONE : err || isatty(1) ? Mode.LINE : Mode.BLOCK;
        StdStream s = new StdStream(new Sink(new FileOutputStream(err ? FileDescriptor.err : FileDescriptor.out), mode),
                err ? "<stderr>" : "<stdout>");
        if (err) stderr = s;
        else stdout = s;
        return s;
    }

    /** Raises the pending write error of sys.stdout ({@code err} false) or sys.stderr, if there is one, as python3 would. */
    static void check(Runtime rt, boolean err) {
        StdStream s = err ? stderr : stdout;
        if (s == null) return;
        IOException e = s.sink.pending;
        if (e == null) return;
        s.sink.pending = null;
        int errno = errno(e);
        if (errno != 0) throw rt.osError(errno, e.getMessage(), null);
        throw rt.error(exceptionName(e), message(e));
    }

    /**
     * The flush at exit (CPython's flush_std_files): stdout first, a failure reported on stderr as
     * python3's "Exception ignored in" line; then stderr. Returns 120 (python3's status when these
     * flushes fail) or {@code status}.
     */
    public static int finishAtExit(int status) {
        StdStream out = stdout, err = stderr;
        if (out != null) {
            out.sink.pending = null;
            out.flush();
            IOException e = out.sink.pending;
            if (e != null) {
                status = 120;
                if (err != null) {
                    err.print("Exception ignored in: <_io.TextIOWrapper name='" + out.name + "' mode='w' encoding='utf-8'>\n"
                            + exceptionName(e) + ": " + message(e) + "\n");
                }
            }
        }
        if (err != null) {
            err.sink.pending = null;
            err.flush();
            if (err.sink.pending != null) status = 120;
        }
        return status;
    }

    /** Java's messages for the errors a write to a standard stream meets, with their Linux errno. */
    private static final String[][] ERRNO = {
            {"Broken pipe", "32"}, {"No space left on device", "28"}, {"Input/output error", "5"},
            {"Bad file descriptor", "9"}, {"Disk quota exceeded", "122"}, {"File too large", "27"},
            {"Connection reset by peer", "104"}, {"Resource temporarily unavailable", "11"},
    };

    private static String exceptionName(IOException e) {
        return "Broken pipe".equals(e.getMessage()) ? "BrokenPipeError" : "OSError";
    }

    /** The errno of a write error Java reports by its message, or 0 when it is not one of {@link #ERRNO}. */
    private static int errno(IOException e) {
        for (String[] x : ERRNO) if (x[0].equals(e.getMessage())) return Integer.parseInt(x[1]);
        return 0;
    }

    private static String message(IOException e) {
        String m = e.getMessage() == null ? "write failed" : e.getMessage();
        for (String[] x : ERRNO) if (x[0].equals(m)) return "[Errno " + x[1] + "] " + m;
        return m;
    }

    private enum Mode { NONE, LINE, BLOCK }

    /** The buffer in front of the file descriptor. */
    private static final class Sink extends OutputStream {
        private final FileOutputStream fd;
        private final Mode mode;
        private byte[] buf = new byte[8192];
        private int count;
        volatile IOException pending;

        Sink(FileOutputStream fd, Mode mode) {
            this.fd = fd;
            this.mode = mode;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (mode == Mode.NONE) {
                if (!drain(false)) return;
                raw(b, off, len);
                return;
            }
            if (count + len > buf.length) {
                if (!drain(false)) return;
                if (len >= buf.length) {
                    raw(b, off, len);
                    return;
                }
            }
            System.arraycopy(b, off, buf, count, len);
            count += len;
            if (mode == Mode.LINE) {
                for (int i = off; i < off + len; i++) {
                    if (b[i] == '\n') {
                        drain(true);
                        break;
                    }
                }
            }
        }

        @Override
        public synchronized void flush() {
            drain(true);
        }

        /** Writes the buffer out; on failure records the error and keeps ({@code keep}) or drops the bytes. */
        private boolean drain(boolean keep) {
            if (count == 0) return true;
            try {
                fd.write(buf, 0, count);
                count = 0;
                return true;
            } catch (IOException e) {
                pending = e;
                if (!keep) count = 0;
                return false;
            }
        }

        private void raw(byte[] b, int off, int len) {
            try {
                fd.write(b, off, len);
            } catch (IOException e) {
                pending = e;
            }
        }
    }

    /** libc's isatty, through the foreign linker (the JDK only answers for stdin and stdout together). */
    public static boolean isatty(int fd) {
        try {
            return (int) Isatty.H.invokeExact(fd) == 1;
        } catch (Throwable e) {
            return false;
        }
    }

    /** Links isatty now (the launcher does it on another thread as the JVM starts: see dev.refheap.memory.Native#prelink). */
    public static void prelink() {
        if (Isatty.H == null) throw new IllegalStateException("isatty not linked");
    }

    /** isatty's handle, linked on first use (linking costs milliseconds of start-up). */
    private static final class Isatty {
        static final java.lang.invoke.MethodHandle H;
        static {
            java.lang.foreign.Linker linker = java.lang.foreign.Linker.nativeLinker();
            H = linker.downcallHandle(linker.defaultLookup().find("isatty").orElseThrow(),
                    java.lang.foreign.FunctionDescriptor.of(java.lang.foreign.ValueLayout.JAVA_INT, java.lang.foreign.ValueLayout.JAVA_INT));
        }
    }
}

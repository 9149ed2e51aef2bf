package dev.refheap.lang.vm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The builtin {@code input()} and {@code sys.stdin}'s readline, read and iteration: the process's
 * stdin, one line at a time, as python3 reads it.
 *
 * <p>{@code input(prompt)} writes {@code str(prompt)} to sys.stdout and flushes it, then reads one
 * line: UTF-8, ended by {@code \n} only (as python3's sys.stdin on POSIX: a {@code \r} stays), the {@code \n} removed; a
 * last line without one is returned as it is; at end of input with nothing read, EOFError. When a
 * front end owns the terminal (the REPL's JLine reader), it registers a {@link #setLineReader line
 * reader} and input() reads through it, so the two never compete for the terminal.
 *
 * <p>Reading blocks on a daemon thread ("stdin"); the interpreter thread waits for the line in
 * short slices and checks the interrupt flag between them, so Ctrl-C raises KeyboardInterrupt in a
 * waiting input() as in python3. A line asked for before an interrupt is kept for the next call.
 * States: idle → reading (a pending request) → idle; stdin at its end stays at its end.
 */
public final class Stdin {
    /** Thrown by a line reader at end of input (Ctrl-D). */
    static final class EndOfInput extends RuntimeException {
        EndOfInput() { super(null, null, false, false); }
    }

    /** Thrown by a line reader when Ctrl-C dropped the line. */
    static final class Interrupted extends RuntimeException {
        Interrupted() { super(null, null, false, false); }
    }

    private static volatile Function<String, String> lineReader;
    private static InputStream in;
    private static ExecutorService thread;
    private static Future<byte[]> pending;

    private Stdin() {}

    /**
     * Routes input() through {@code reader} (prompt in, line out, without its line end; it throws
     * {@link EndOfInput} or {@link Interrupted}); null restores reading the process's stdin.
     */
    public static void setLineReader(Function<String, String> reader) { lineReader = reader; }

    /** Signals end of input from a line reader. */
    public static RuntimeException endOfInput() { return new EndOfInput(); }

    /** Signals Ctrl-C from a line reader. */
    public static RuntimeException interrupted() { return new Interrupted(); }

    static long input(Runtime rt, long[] a, int o, int n, long kw) {
        Args.noKeywords(rt, "input", kw);
        Args.range(rt, "input", n, kw, 0, 1);
        if (rt.stdio != null && lineReader == null) {
            long line = rt.stdio.input(n == 0 ? 0 : a[o]);
            if (line != 0) return line;  // else a terminal's: read below, as PyOS_Readline reads it
        } else if (rt.stdio == null && lineReader == null) {
            long line = StdIo.inputFromReplacedStreams(rt, n == 0 ? 0 : a[o]);
            if (line != 0) return line;
        }
        String prompt = n == 0 ? "" : rt.ops.str(a[o]);
        rt.err.flush();
        Function<String, String> reader = lineReader;
        if (reader != null) {
            rt.out.flush();
            try {
                return rt.heap.strs.of(reader.apply(prompt));
            } catch (EndOfInput e) {
                throw rt.error("EOFError", null);  // python3's readline path: no message
            } catch (Interrupted e) {
                throw rt.error("KeyboardInterrupt", null);
            }
        }
        if (!prompt.isEmpty()) rt.out.print(prompt);
        rt.out.flush();
        StdStream.check(rt, false);
        String line = nextLine(rt);
        if (line.isEmpty()) throw rt.error("EOFError", "EOF when reading a line");
        return rt.heap.strs.of(line.endsWith("\n") ? line.substring(0, line.length() - 1) : line);
    }

    /** Text read ahead by sys.stdin.read(n) and not yet returned; readline and input() take it first. */
    private static String unread = "";

    /**
     * The next line of stdin with its {@code \n} (sys.stdin.readline()): "" at end of input. Through
     * the front end's line reader when there is one (its lines have no end: one is added).
     */
    static String nextLine(Runtime rt) {
        synchronized (Stdin.class) {
            int nl = unread.indexOf('\n');
            if (nl >= 0 || !unread.isEmpty() && lineReader == null && atEnd) {
                String line = nl >= 0 ? unread.substring(0, nl + 1) : unread;
                unread = unread.substring(line.length());
                return line;
            }
        }
        Function<String, String> reader = lineReader;
        if (reader != null) {
            try {
                return takeUnread() + reader.apply("") + "\n";
            } catch (EndOfInput e) {
                return takeUnread();
            } catch (Interrupted e) {
                throw rt.error("KeyboardInterrupt", null);
            }
        }
        byte[] line = readLine(rt);
        if (line == null) {
            synchronized (Stdin.class) {
                atEnd = true;
            }
            return takeUnread();
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line)).toString();
            return takeUnread() + text;
        } catch (CharacterCodingException e) {
            throw rt.error("UnicodeError", "'utf-8' codec can't decode the line read from stdin");
        }
    }

    /**
     * sys.stdin.readline(size): the next line, cut after {@code size} characters when it is longer
     * (the rest is what the next read returns); the whole line when {@code size} is negative.
     */
    static String nextLine(Runtime rt, long size) {
        if (size == 0) return "";
        String line = nextLine(rt);
        if (size > 0 && line.codePointCount(0, line.length()) > size) {
            int cut = line.offsetByCodePoints(0, (int) Math.min(size, Integer.MAX_VALUE));
            synchronized (Stdin.class) {
                unread = line.substring(cut) + unread;
            }
            line = line.substring(0, cut);
        }
        return line;
    }

    /**
     * sys.stdin.read(size): everything up to the end of input when {@code size} is negative, else at
     * most {@code size} characters (fewer only at the end); "" at the end.
     */
    static String read(Runtime rt, long size) {
        StringBuilder sb = new StringBuilder();
        while (size < 0 || sb.codePointCount(0, sb.length()) < size) {
            String line = nextLine(rt);
            if (line.isEmpty()) break;
            sb.append(line);
        }
        if (size >= 0 && sb.codePointCount(0, sb.length()) > size) {
            int cut = sb.offsetByCodePoints(0, (int) size);
            synchronized (Stdin.class) {
                unread = sb.substring(cut) + unread;
            }
            sb.setLength(cut);
        }
        return sb.toString();
    }

    private static synchronized String takeUnread() {
        String u = unread;
        unread = "";
        return u;
    }

    private static boolean atEnd;

    /** The next line's bytes with its {@code \n} (none on a last line without one), or null at end of input; KeyboardInterrupt while waiting. */
    private static byte[] readLine(Runtime rt) {
        Future<byte[]> f;
        synchronized (Stdin.class) {
            if (in == null) {
                in = System.in;
                thread = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "stdin");
                    t.setDaemon(true);
                    return t;
                });
            }
            if (pending == null) pending = thread.submit(() -> readLineBlocking(in));
            f = pending;
        }
        // the wait gives the interpreter lock up (other threads run meanwhile), as CPython's read does
        Interpreter me = rt.interpreter;
        byte[] line = null;
        Throwable failed = null;
        while (true) {
            boolean due = false, done = false;
            Interpreter released = Threads.releaseLock(rt);
            try {
                while (true) {
                    try {
                        line = f.get(20, TimeUnit.MILLISECONDS);
                        synchronized (Stdin.class) {
                            if (pending == f) {  // this thread takes the line
                                pending = null;
                                done = true;
                                break;
                            }
                            // another thread took it: wait for the next line
                            if (pending == null) pending = thread.submit(() -> readLineBlocking(in));
                            f = pending;
                        }
                    } catch (TimeoutException e) {
                        if (me.interruptDue()) {
                            due = true;
                            break;
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                me.sigint = true;
                due = true;
            } catch (ExecutionException e) {
                synchronized (Stdin.class) {
                    if (pending == f) pending = null;
                }
                failed = e.getCause();
                done = true;
            } finally {
                Threads.reacquireLock(rt, released);
            }
            if (done) break;
            // the signal handlers run (Ctrl-C's raises KeyboardInterrupt); one that returns lets the read go on
            if (due) me.takeInterrupts();
        }
        if (failed != null) throw rt.error("OSError", String.valueOf(failed.getMessage()));
        return line;
    }

    private static byte[] readLineBlocking(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) return line.size() == 0 ? null : line.toByteArray();
            line.write(b);
            if (b == '\n') return line.toByteArray();
        }
    }
}

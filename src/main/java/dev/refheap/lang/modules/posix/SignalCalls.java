package dev.refheap.lang.modules.posix;

import static dev.refheap.lang.modules.posix.Libc.INT;
import static dev.refheap.lang.modules.posix.Libc.LONG;
import static dev.refheap.lang.modules.posix.Libc.PTR;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;

/**
 * The C library's signal-related calls the {@code _signal} module makes: {@code raise},
 * {@code alarm}, {@code setitimer}/{@code getitimer} and {@code strsignal}. Each returns what the
 * call returned, or -1 with {@link #errno()} set; nothing here knows Python objects.
 */
public final class SignalCalls {
    private SignalCalls() {}

    /** raise(signum) (kill of this process, so the JVM's signal dispatcher sees it): 0, or -1 and errno. */
    public static int raise(int signum) {
        return (int) Libc.call("raise", Libc.I_I, signum);
    }

    /** alarm(seconds): the seconds left of the previous alarm. */
    public static long alarm(int seconds) {
        return Libc.call("alarm", FunctionDescriptor.of(INT, INT), seconds) & 0xffff_ffffL;
    }

    /**
     * setitimer(which, {value, interval}): the old {delay, interval} in microseconds, or null
     * with {@link #errno()} set. {@code newValues} null is getitimer(which).
     */
    public static long[] itimer(int which, long[] newMicros) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment old = arena.allocate(32);
            long r;
            if (newMicros == null) {
                r = Libc.call("getitimer", FunctionDescriptor.of(INT, INT, PTR), which, old);
            } else {
                MemorySegment nv = arena.allocate(32);  // struct itimerval {it_interval, it_value}, each {tv_sec, tv_usec}
                nv.set(LONG, 0, newMicros[1] / 1_000_000);
                nv.set(LONG, 8, newMicros[1] % 1_000_000);
                nv.set(LONG, 16, newMicros[0] / 1_000_000);
                nv.set(LONG, 24, newMicros[0] % 1_000_000);
                r = Libc.call("setitimer", FunctionDescriptor.of(INT, INT, PTR, PTR), which, nv, old);
            }
            if (r != 0) return null;
            return new long[] {old.get(LONG, 16) * 1_000_000 + old.get(LONG, 24), old.get(LONG, 0) * 1_000_000 + old.get(LONG, 8)};
        }
    }

    /** strsignal(signum): the C library's description of the signal. */
    public static String strsignal(int signum) {
        long p = Libc.call("strsignal", FunctionDescriptor.of(PTR, INT), signum);
        return p == 0 ? null : MemorySegment.ofAddress(p).reinterpret(4096).getString(0);
    }

    /** errno of the last call on this thread. */
    public static int errno() {
        return Libc.errno();
    }

    /** The C library's message for {@code errno}. */
    public static String strerror(int errno) {
        return Libc.strerror(errno);
    }
}

package dev.refheap.lang.vm;

import dev.refheap.object.FloatType;
import dev.refheap.object.IntType;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.math.BigInteger;

/**
 * The time module's clocks and its timeout conversion. CPU clocks are clock_gettime's
 * CLOCK_PROCESS_CPUTIME_ID and CLOCK_THREAD_CPUTIME_ID (as CPython's process_time and
 * thread_time on Linux): they do not advance while the program sleeps. {@link #timeoutNanos}
 * is _PyTime_FromSecondsObject with _PyTime_ROUND_TIMEOUT: a float or an int of seconds to
 * nanoseconds in a signed 64-bit count, with 3.11's errors.
 */
final class Clocks {
    static final int CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_PROCESS_CPUTIME_ID = 2, CLOCK_THREAD_CPUTIME_ID = 3;
    private static final FunctionDescriptor CLOCK_CALL = FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS);
    private static final MethodHandle CLOCK_GETTIME = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("clock_gettime").orElseThrow(), CLOCK_CALL);

    private static final class Res {
        static final MethodHandle CLOCK_GETRES = Linker.nativeLinker().downcallHandle(
                Linker.nativeLinker().defaultLookup().find("clock_getres").orElseThrow(), CLOCK_CALL);
    }

    private Clocks() {}

    /** clock_gettime(clock) in nanoseconds, or null when the clock id is invalid (its only failure here: EINVAL). */
    static Long clockNanos(int clock) { return call(CLOCK_GETTIME, clock); }

    /** clock_getres(clock) in nanoseconds, or null when the clock id is invalid. */
    static Long resolutionNanos(int clock) { return call(Res.CLOCK_GETRES, clock); }

    private static Long call(MethodHandle h, int clock) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ts = arena.allocate(16, 8);
            int rc = (int) h.invokeExact(clock, ts);
            if (rc != 0) return null;
            return ts.get(ValueLayout.JAVA_LONG, 0) * 1_000_000_000L + ts.get(ValueLayout.JAVA_LONG, 8);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static long cpuNanos(int clock) {
        Long v = clockNanos(clock);
        if (v == null) throw new IllegalStateException("clock_gettime(" + clock + ") failed");
        return v;
    }

    /** time.time()'s clock: CLOCK_REALTIME in nanoseconds, as _PyTime_GetSystemClock reads it. */
    static long realtimeNanos() { return cpuNanos(CLOCK_REALTIME); }

    /** _PyTime_AsSecondsDouble: a whole number of seconds exactly, else nanoseconds / 1e9. */
    static double seconds(long nanos) {
        return nanos % 1_000_000_000L == 0 ? (double) (nanos / 1_000_000_000L) : nanos / 1e9;
    }

    static long processTimeNanos() { return cpuNanos(CLOCK_PROCESS_CPUTIME_ID); }

    static long threadTimeNanos() { return cpuNanos(CLOCK_THREAD_CPUTIME_ID); }

    private static final BigInteger BILLION = BigInteger.valueOf(1_000_000_000L);

    /** Seconds (int, bool or float) as a timeout in nanoseconds, rounded up. */
    static long timeoutNanos(Runtime rt, long o) {
        if (rt.heap.typeOf(o) == rt.heap.floats) {
            double d = FloatType.value(o);
            if (Double.isNaN(d)) throw rt.error("ValueError", "Invalid value NaN (not a number)");
            double ns = Math.ceil(d * 1e9);
            if (!(ns >= -0x1p63 && ns < 0x1p63)) throw rt.error("OverflowError", "timestamp out of range for platform time_t");
            return (long) ns;
        }
        if (!(rt.ops.baseView(o) instanceof IntType)) {
            throw rt.typeError("'" + rt.ops.typeName(o) + "' object cannot be interpreted as an integer");
        }
        BigInteger b = IntType.toBig(o).multiply(BILLION);
        if (b.bitLength() > 63) throw rt.error("OverflowError", "timestamp too large to convert to C _PyTime_t");
        return b.longValue();
    }

    /**
     * Sleeps {@code nanos} in slices, so a signal's handler runs during the sleep, as in python3
     * (time.sleep): Ctrl-C's default one raises KeyboardInterrupt, which ends it; one that returns
     * lets the sleep go on for the time left (PEP 475).
     */
    static void sleep(Runtime rt, long nanos) {
        Interpreter me = rt.interpreter;
        long end = System.nanoTime() + nanos;
        while (true) {
            boolean due = false;
            Interpreter released = Threads.releaseLock(rt);  // other threads run meanwhile
            try {
                for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
                    if (me.interruptDue()) {
                        due = true;
                        break;
                    }
                    Thread.sleep(Math.min(20, left / 1_000_000), (int) (Math.min(20_000_000, left) % 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                me.sigint = true;
            } finally {
                Threads.reacquireLock(rt, released);
            }
            // PEP 475: a signal handler that returns lets the sleep go on for the time left
            if (due || me.interruptDue()) me.takeInterrupts();
            if (!due || end - System.nanoTime() <= 0) return;
        }
    }
}

package dev.refheap.lang.modules.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The C library calls posix makes, through java.lang.foreign (no JNI): each function linked on
 * first use with errno captured, so a failed call gives CPython's errno and, through
 * {@code strerror}, its message. Linux x86-64 only (struct stat's layout below is that ABI's).
 * A call returns the C result; {@link #errno} is the errno of this thread's last failed call.
 */
final class Libc {
    private Libc() {}

    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    static final ValueLayout PTR = ValueLayout.ADDRESS;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final MemoryLayout STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_VH = STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final ConcurrentHashMap<String, MethodHandle> HANDLES = new ConcurrentHashMap<>();
    private static final ThreadLocal<MemorySegment> CALL_STATE = ThreadLocal.withInitial(() -> Arena.global().allocate(STATE));

    /** struct stat (x86-64): offsets of the fields posix reads. */
    static final int ST_SIZE_OF = 144, ST_DEV = 0, ST_INO = 8, ST_NLINK = 16, ST_MODE = 24, ST_UID = 28, ST_GID = 32,
            ST_RDEV = 40, ST_SIZE = 48, ST_BLKSIZE = 56, ST_BLOCKS = 64, ST_ATIM = 72, ST_MTIM = 88, ST_CTIM = 104;

    /** Variadic C functions: the index of their first variadic argument. */
    private static int firstVariadic(String name) {
        return switch (name) {
            case "open" -> 2;
            case "openat" -> 3;
            case "ioctl", "fcntl" -> 2;
            default -> -1;
        };
    }

    private static MethodHandle handle(String name, FunctionDescriptor fd) {
        return handle(name, name, fd);
    }

    /** The handle of C function {@code symbol}, linked with {@code fd} once under {@code key}. */
    private static MethodHandle handle(String key, String symbol, FunctionDescriptor fd) {
        return HANDLES.computeIfAbsent(key, k -> {
            int v = firstVariadic(symbol);
            Linker.Option[] options = v < 0 ? new Linker.Option[] {ERRNO} : new Linker.Option[] {ERRNO, Linker.Option.firstVariadicArg(v)};
            return LINKER.downcallHandle(LINKER.defaultLookup().find(symbol).orElseThrow(), fd, options);
        });
    }

    /**
     * As {@link #call}, for a variadic function called with another argument type than its usual
     * form ({@code form} names it: fcntl with a pointer, say), linked once per form.
     */
    static long callForm(String name, String form, FunctionDescriptor fd, Object... args) {
        return invoke(handle(name + "#" + form, name, fd), args);
    }

    static final FunctionDescriptor I_V = FunctionDescriptor.of(INT);
    static final FunctionDescriptor I_I = FunctionDescriptor.of(INT, INT);
    static final FunctionDescriptor I_P = FunctionDescriptor.of(INT, PTR);
    static final FunctionDescriptor I_PP = FunctionDescriptor.of(INT, PTR, PTR);
    static final FunctionDescriptor I_PI = FunctionDescriptor.of(INT, PTR, INT);
    static final FunctionDescriptor I_IP = FunctionDescriptor.of(INT, INT, PTR);

    /** Calls {@code name} (errno-capturing) with {@code args}; returns its result as a long. */
    static long call(String name, FunctionDescriptor fd, Object... args) {
        return invoke(handle(name, fd), args);
    }

    private static long invoke(MethodHandle h, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = CALL_STATE.get();
        System.arraycopy(args, 0, all, 1, args.length);
        try {
            Object r = h.invokeWithArguments(all);
            if (r instanceof Integer i) return i;
            if (r instanceof Long l) return l;
            if (r instanceof MemorySegment m) return m.address();
            return 0;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * A call that may block, made without the interpreter lock and retried while it fails with
     * EINTR (PEP 475: the signal handlers run between tries); any other failure (-1) is OSError
     * from errno. Returns the call's result.
     */
    static long blocking(dev.refheap.lang.vm.VmApi vm, java.util.function.LongSupplier call) {
        while (true) {
            Object released = vm.allowThreads();
            long r;
            try {
                r = call.getAsLong();
            } finally {
                vm.endAllowThreads(released);
            }
            if (r != -1) return r;
            if (errno() != 4) throw Posix.error(vm, 0, 0);  // EINTR
            vm.checkInterrupt();
        }
    }

    /** errno of the last call on this thread. */
    static int errno() { return (int) ERRNO_VH.get(CALL_STATE.get(), 0L); }

    /** __errno_location's handle, linked on its first use. */
    private static final class ErrnoLocation {
        static final MethodHandle HANDLE = LINKER.downcallHandle(LINKER.defaultLookup().find("__errno_location").orElseThrow(),
                FunctionDescriptor.of(PTR));
    }

    /**
     * Sets this thread's C errno to 0 before a call whose failure value is also a valid result
     * (sysconf, pathconf, getpriority): the captured errno after it is then the call's own.
     */
    static void clearErrno() {
        try {
            MemorySegment p = (MemorySegment) ErrnoLocation.HANDLE.invokeExact();
            p.reinterpret(4).set(INT, 0, 0);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * strerror's handle, linked on its first use: posix's start-up (and an adopted start-up image's
     * restore of posix's types) initialises this class without calling it, and linking a downcall
     * makes a stub and its method-handle forms in a cold JVM.
     */
    private static final class Strerror {
        static final MethodHandle HANDLE = LINKER.downcallHandle(LINKER.defaultLookup().find("strerror").orElseThrow(),
                FunctionDescriptor.of(PTR, INT));
    }

    /** strerror(errno): the C library's message, as CPython's OSError shows it. */
    static String strerror(int errno) {
        try {
            MemorySegment p = (MemorySegment) Strerror.HANDLE.invokeExact(errno);
            return p.reinterpret(4096).getString(0);
        } catch (Throwable t) {
            return "Unknown error " + errno;
        }
    }

    /** A NUL-terminated copy of {@code bytes} in {@code arena}. */
    static MemorySegment cString(Arena arena, byte[] bytes) {
        MemorySegment s = arena.allocate(bytes.length + 1L);
        MemorySegment.copy(bytes, 0, s, ValueLayout.JAVA_BYTE, 0, bytes.length);
        s.set(ValueLayout.JAVA_BYTE, bytes.length, (byte) 0);
        return s;
    }
}

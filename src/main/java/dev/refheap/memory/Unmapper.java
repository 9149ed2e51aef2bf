package dev.refheap.memory;

/**
 * Returns released arenas' pages to the system off the allocating thread.
 *
 * <p>When pymalloc releases an arena, the arena leaves the allocator at once (arena map, counts,
 * footprint), exactly as before; only the {@code munmap} itself, which costs about as much as
 * the page faults that filled the arena, is handed to one daemon thread shared by all
 * allocators. Until it runs, the range stays mapped, so the system cannot give it to anyone else
 * and nothing can observe the difference; freeing a million-object cycle thus does not wait for
 * hundreds of munmap calls (jemalloc's background purging does the same). Bounded: past
 * {@link #MAX_PENDING} ranges waiting, the caller unmaps its own.
 *
 * <p>Thread-safe; {@link #drain()} waits until every handed-over range is unmapped.
 */
final class Unmapper {
    private Unmapper() {}

    /** Ranges waiting at most (4096 arenas: 4 GiB); beyond, munmap runs on the caller's thread. */
    static final int MAX_PENDING = 4096;

    private static final Object LOCK = new Object();
    private static final long[] addrs = new long[MAX_PENDING], sizes = new long[MAX_PENDING];
    private static int head, count, inFlight;
    private static Thread thread;

    /** Unmaps {@code [addr, addr + size)} soon, on the unmapper thread (or now, if too many wait). */
    static void unmap(long addr, long size) {
        synchronized (LOCK) {
            if (count < MAX_PENDING) {
                int tail = (head + count) % MAX_PENDING;
                addrs[tail] = addr;
                sizes[tail] = size;
                count++;
                if (thread == null) start();
                LOCK.notifyAll();
                return;
            }
        }
        Native.munmap(addr, size);
    }

    /** Waits until every range handed over so far is unmapped. */
    static void drain() {
        synchronized (LOCK) {
            boolean interrupted = false;
            while (count > 0 || inFlight > 0) {
                try {
                    LOCK.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private static void start() {
        thread = Thread.ofPlatform().daemon().name("refheap-unmapper").unstarted(Unmapper::run);
        thread.start();
    }

    private static void run() {
        while (true) {
            long addr, size;
            synchronized (LOCK) {
                while (count == 0) {
                    try {
                        LOCK.wait();
                    } catch (InterruptedException e) {
                        // a daemon: keeps serving
                    }
                }
                addr = addrs[head];
                size = sizes[head];
                head = (head + 1) % MAX_PENDING;
                count--;
                inFlight++;
            }
            try {
                Native.munmap(addr, size);
            } finally {
                synchronized (LOCK) {
                    inFlight--;
                    LOCK.notifyAll();
                }
            }
        }
    }
}

package dev.refheap.memory;

/**
 * Returns released arenas' pages to the system off the allocating thread.
 *
 * <p>When pymalloc releases an arena, the arena leaves the allocator at once (arena map, counts,
 * footprint), exactly as before; only the {@code munmap} itself, which costs about as much as
 * the page faults that filled the arena, is handed to one daemon thread shared by all
 * allocators. Until it runs, the range stays mapped, so the system cannot give it to anyone else
 * and nothing can observe the difference; freeing a million-object cycle thus does not wait for
 * hundreds of munmap calls (jemalloc's background purging does the same). The thread waits for
 * a burst of releases to end, then unmaps the whole burst, adjacent arenas in one call. Bounded:
 * past {@link #MAX_PENDING} ranges waiting, the caller unmaps its own.
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

    /**
     * {@code -Drefheap.syncUnmap=true}: every munmap runs on the releasing thread, as in CPython
     * (to measure what the background thread saves).
     */
    static final boolean SYNC = Boolean.getBoolean("refheap.syncUnmap");

    /** Unmaps {@code [addr, addr + size)} soon, on the unmapper thread (or now, if too many wait). */
    static void unmap(long addr, long size) {
        if (SYNC) {
            AddressSpace.release(addr, size);
            return;
        }
        synchronized (LOCK) {
            if (count < MAX_PENDING) {
                int tail = (head + count) % MAX_PENDING;
                addrs[tail] = addr;
                sizes[tail] = size;
                count++;
                if (thread == null) start();
                // The thread waits for work only when the queue was empty; during a burst it
                // looks again every QUIET_NANOS by itself. Waking it on every release made it
                // take the lock as often as the releasing thread: on a loaded machine the
                // collector then stalled behind a descheduled lock holder, once per arena.
                if (count == 1 || count == MAX_PENDING / 2) LOCK.notifyAll();
                return;
            }
        }
        AddressSpace.release(addr, size);
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

    /** How long the queue must stay unchanged before the thread unmaps: frees come in bursts. */
    private static final long QUIET_NANOS = 2_000_000;

    private static void run() {
        long[] a = new long[MAX_PENDING], z = new long[MAX_PENDING];
        while (true) {
            int n;
            synchronized (LOCK) {
                while (count == 0) {
                    try {
                        LOCK.wait();
                    } catch (InterruptedException e) {
                        // a daemon: keeps serving
                    }
                }
                // Wait for the burst to end (or the queue to fill), then take it all: the
                // collector's frees are not slowed by unmapping, and adjacent arenas (mmap tends
                // to hand them out next to each other) go back in one call.
                int seen = -1;
                while (count != seen && count < MAX_PENDING / 2) {
                    seen = count;
                    try {
                        LOCK.wait(QUIET_NANOS / 1_000_000, (int) (QUIET_NANOS % 1_000_000));
                    } catch (InterruptedException e) {
                        // keeps serving
                    }
                }
                n = count;
                for (int i = 0; i < n; i++) {
                    int j = (head + i) % MAX_PENDING;
                    a[i] = addrs[j];
                    z[i] = sizes[j];
                }
                head = (head + n) % MAX_PENDING;
                count = 0;
                inFlight = n;
            }
            try {
                unmapCoalesced(a, z, n);
            } finally {
                synchronized (LOCK) {
                    inFlight = 0;
                    LOCK.notifyAll();
                }
            }
        }
    }

    /** Unmaps the ranges, sorted by address, one call per run of adjacent ranges. */
    private static void unmapCoalesced(long[] a, long[] z, int n) {
        // insertion sort by address, sizes alongside (n is at most MAX_PENDING, usually a few hundred)
        for (int i = 1; i < n; i++) {
            long ka = a[i], kz = z[i];
            int j = i - 1;
            while (j >= 0 && a[j] > ka) {
                a[j + 1] = a[j];
                z[j + 1] = z[j];
                j--;
            }
            a[j + 1] = ka;
            z[j + 1] = kz;
        }
        for (int i = 0; i < n; ) {
            long start = a[i], end = a[i] + z[i];
            int j = i + 1;
            while (j < n && a[j] == end) end += z[j++];
            AddressSpace.release(start, end - start);
            i = j;
        }
    }
}

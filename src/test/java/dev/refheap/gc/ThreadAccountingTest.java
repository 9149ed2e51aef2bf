package dev.refheap.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ThreadAccountingTest {

    /** The collecting thread's own run time is in the report, and it grows with work done in between. */
    @Test
    void reportsTheCallingThreadsRunTime() {
        ThreadAccounting a = new ThreadAccounting();
        a.start();
        String line = a.report();
        if (!Files.isReadable(Path.of("/proc/thread-self/schedstat"))) {
            assertEquals("thread accounting: not available here", line);
            return;
        }
        Pattern p = Pattern.compile("^this thread ran ([0-9.]+) waited ([0-9.]+); others ran:.*");
        assertTrue(p.matcher(line).matches(), line);
        a.start();
        long x = 0;
        long until = threadCpuNanos() + 20_000_000L;
        while (threadCpuNanos() < until) x += x * 31 + 7;
        Matcher m = p.matcher(a.report());
        assertTrue(m.matches());
        assertTrue(Double.parseDouble(m.group(1)) >= 10.0, m.group(0) + " " + x);
    }

    private static long threadCpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}

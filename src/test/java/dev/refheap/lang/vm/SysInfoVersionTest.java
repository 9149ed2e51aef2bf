package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** sys.version's build date and time, written out by hand, are what java.time's formatter gives. */
class SysInfoVersionTest {
    @Test
    void buildDateAndTimeIsTheFormattersForManyInstants() {
        DateTimeFormatter date = DateTimeFormatter.ofPattern("MMM ppd yyyy", Locale.ROOT);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
        java.util.Random r = new java.util.Random(34);
        long[] fixed = {0, 86_399, 86_400, 1_796_677_565L, 951_782_400L /* 2000-02-29 */, -1};
        for (int i = 0; i < 2_000; i++) {
            long s = i < fixed.length ? fixed[i] : r.nextLong(0, 4_102_444_800L);
            ZonedDateTime t = ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(s), ZoneOffset.UTC);
            assertEquals(date.format(t) + ", " + time.format(t), SysInfo.buildDateAndTime(s), "epoch second " + s);
        }
    }

    @Test
    void theDayIsPaddedWithASpaceAsCsDateIs() {
        assertEquals("Dec  7 2026, 21:06:05", SysInfo.buildDateAndTime(1_796_677_565L));
    }
}

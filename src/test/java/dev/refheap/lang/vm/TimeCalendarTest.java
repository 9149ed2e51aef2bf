package dev.refheap.lang.vm;

import static dev.refheap.lang.modules.NativeModuleRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link TimeCalendar}: glibc's strftime conversions and flags, and struct_time from gmtime. */
class TimeCalendarTest {
    @Test
    void strftimeHasGlibcsFlagsAndWidths() {
        assertEquals("2026|0000002026|5| 3| 5|THURSDAY|%Q|064\n",
                run("import time\nprint(time.strftime('%4Y|%10Y|%-d|%_m|%e|%^A|%Q|%j', (2026, 3, 5, 7, 8, 9, 3, 64, 0)))\n"));
    }

    @Test
    void gmtimeIsAStructTimeWithHiddenZoneFields() {
        assertEquals("(1970, 1, 1, 0, 0, 0, 3, 1, 0) GMT 0 9\n",
                run("import time\ng = time.gmtime(0)\nprint(tuple(g), g.tm_zone, g.tm_gmtoff, len(g))\n"));
    }
}

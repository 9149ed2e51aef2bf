package dev.refheap.lang.modules.datetime;

/**
 * The proleptic Gregorian calendar arithmetic {@code _datetime} works in (CPython 3.11's facts:
 * ordinal 1 is 0001-01-01, Monday is weekday 0, ISO week 1 holds the year's first Thursday).
 * Pure functions of ints; no state. Years are 1..9999 where a caller checks them.
 */
final class Cal {
    private Cal() {}

    static final int MINYEAR = 1, MAXYEAR = 9999, MAXORDINAL = 3652059;
    static final long MAX_DELTA_DAYS = 999999999L;
    private static final int[] DAYS_IN_MONTH = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    private static final int[] DAYS_BEFORE_MONTH = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    static final String[] DAY_NAMES = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static final String[] MONTH_NAMES = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    static boolean isLeap(int y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

    static int daysInMonth(int y, int m) { return m == 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m]; }

    static int daysBeforeMonth(int y, int m) { return DAYS_BEFORE_MONTH[m] + (m > 2 && isLeap(y) ? 1 : 0); }

    static long daysBeforeYear(long y) {
        long p = y - 1;
        return p * 365 + Math.floorDiv(p, 4) - Math.floorDiv(p, 100) + Math.floorDiv(p, 400);
    }

    static long ymdToOrd(int y, int m, int d) { return daysBeforeYear(y) + daysBeforeMonth(y, m) + d; }

    /** The (year, month, day) of ordinal {@code ord} (>= 1). */
    static int[] ordToYmd(long ord) {
        long n = ord - 1;
        long n400 = n / 146097;
        n %= 146097;
        long year = n400 * 400 + 1;
        long n100 = n / 36524;
        n %= 36524;
        long n4 = n / 1461;
        n %= 1461;
        long n1 = n / 365;
        n %= 365;
        year += n100 * 100 + n4 * 4 + n1;
        if (n1 == 4 || n100 == 4) return new int[] {(int) year - 1, 12, 31};
        boolean leap = n1 == 3 && (n4 != 24 || n100 == 3);
        int month = (int) ((n + 50) >> 5);
        int preceding = DAYS_BEFORE_MONTH[month] + (month > 2 && leap ? 1 : 0);
        if (preceding > n) {
            month--;
            preceding -= month == 2 && leap ? 29 : DAYS_IN_MONTH[month];
        }
        return new int[] {(int) year, month, (int) (n - preceding + 1)};
    }

    static int weekday(int y, int m, int d) { return (int) ((ymdToOrd(y, m, d) + 6) % 7); }

    static long isoWeek1Monday(int year) {
        long first = ymdToOrd(year, 1, 1);
        int wd = (int) ((first + 6) % 7);
        long monday = first - wd;
        if (wd > 3) monday += 7;
        return monday;
    }

    /** (ISO year, week 1..53, weekday 1..7). */
    static int[] isoCalendar(int y, int m, int d) {
        int year = y;
        long week1 = isoWeek1Monday(year), today = ymdToOrd(y, m, d);
        long week = Math.floorDiv(today - week1, 7), day = Math.floorMod(today - week1, 7);
        if (week < 0) {
            year--;
            week1 = isoWeek1Monday(year);
            week = Math.floorDiv(today - week1, 7);
            day = Math.floorMod(today - week1, 7);
        } else if (week >= 52 && today >= isoWeek1Monday(year + 1)) {
            year++;
            week = 0;
        }
        return new int[] {year, (int) week + 1, (int) day + 1};
    }

    /** Seconds since 0001-01-01T00:00 of a broken-down UTC time (utc_to_seconds). */
    static long utcToSeconds(int y, int m, int d, int hh, int mm, int ss) {
        long ord = ymdToOrd(y, m, d);
        return ((ord * 24 + hh) * 60 + mm) * 60 + ss;
    }

    static final long EPOCH_SECONDS = 719163L * 24 * 3600;
}

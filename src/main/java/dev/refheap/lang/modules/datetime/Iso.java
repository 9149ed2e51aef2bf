package dev.refheap.lang.modules.datetime;

/**
 * The ISO 8601 parsing of CPython 3.11's {@code fromisoformat} methods: dates as YYYY-MM-DD,
 * YYYYMMDD and the ISO week forms (YYYY-Www[-D], YYYYWww[D]); times as HH[:MM[:SS[.f+]]] or
 * HHMMSS (fractions of any length, ',' or '.', truncated to microseconds), then Z or ±HH[:MM...];
 * the datetime separator found by the date's shape, any character. A position past the string
 * reads as NUL, as the C parser's does. Pure functions: null means "Invalid isoformat string".
 */
final class Iso {
    private Iso() {}

    static final class Time {
        int h, m, s, us, tzSign = 1, tzSeconds, tzUs;
        boolean hasTz;
    }

    static final class DateTime {
        int[] date;
        Time time;
    }

    private static char at(String s, int i) { return i < s.length() ? s.charAt(i) : '\0'; }

    private static boolean digit(char c) { return c >= '0' && c <= '9'; }

    /** n digits from i, or -1. */
    private static int digits(String s, int i, int n) {
        int v = 0;
        for (int k = 0; k < n; k++) {
            char c = at(s, i + k);
            if (!digit(c)) return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** The date length date.fromisoformat accepts for {@code s}'s shape (the whole string, when 7, 8 or 10 long). */
    static int dateLength(String s) {
        int n = s.length();
        return n == 7 || n == 8 || n == 10 ? n : -1;
    }

    /** parse_isoformat_date over s[0:len): {y, m, d}, or null. */
    static int[] parseDate(String s) { return parseDate(s, s.length()); }

    static int[] parseDate(String s, int len) {
        if (len != 7 && len != 8 && len != 10) return null;
        int y = digits(s, 0, 4);
        if (y < 0) return null;
        int p = 4;
        boolean sep = at(s, p) == '-';
        if (sep) p++;
        if (at(s, p) == 'W') {
            p++;
            int w = digits(s, p, 2);
            if (w < 0) return null;
            p += 2;
            int d = 1;
            if (p < len) {
                if (sep && at(s, p++) != '-') return null;
                d = digits(s, p, 1);
                if (d < 0) return null;
                p++;
            }
            if (p != len) return null;
            if (y < 1 || y > 9999) return null;
            if (w <= 0 || w >= 53) {
                boolean ok = false;
                if (w == 53) {
                    int first = Cal.weekday(y, 1, 1);
                    ok = first == 3 || first == 2 && Cal.isLeap(y);
                }
                if (!ok) return null;
            }
            if (d <= 0 || d >= 8) return null;
            long ord = Cal.isoWeek1Monday(y) + (w - 1) * 7L + (d - 1);
            if (ord < 1 || ord > Cal.MAXORDINAL) return null;
            return Cal.ordToYmd(ord);
        }
        int mo = digits(s, p, 2);
        if (mo < 0) return null;
        p += 2;
        if (sep && at(s, p++) != '-') return null;
        int d = digits(s, p, 2);
        if (d < 0) return null;
        p += 2;
        if (p != len) return null;
        return new int[] {y, mo, d};
    }

    /** parse_hh_mm_ss_ff over s[i:end): 0 at the end, 1 stopped before it, -3/-4 errors; values into v. */
    private static int hhmmssff(String s, int i, int end, int[] v) {
        v[0] = v[1] = v[2] = v[3] = 0;
        int p = i;
        boolean hasSep = true;
        for (int k = 0; k < 3; k++) {
            int x = digits(s, p, 2);
            if (x < 0) return -3;
            v[k] = x;
            p += 2;
            char c = at(s, p++);
            if (k == 0) hasSep = c == ':';
            if (p >= end) return c != '\0' ? 1 : 0;
            else if (hasSep && c == ':') continue;
            else if (c == '.' || c == ',') break;
            else if (!hasSep) p--;
            else return -4;
            if (k == 2) break;
        }
        int remains = end - p, toParse = Math.min(remains, 6);
        if (toParse <= 0) return -3;
        int us = digits(s, p, toParse);
        if (us < 0) return -3;
        p += toParse;
        int[] correction = {100000, 10000, 1000, 100, 10};
        if (toParse < 6) us *= correction[toParse - 1];
        v[3] = us;
        while (digit(at(s, p))) p++;
        return at(s, p) != '\0' ? 1 : 0;
    }

    /** parse_isoformat_time over s[start:): the time and its offset, or null. */
    static Time parseTime(String s) { return parseTime(s, 0); }

    static Time parseTime(String s, int start) {
        int end = s.length();
        int tz = start;
        while (tz < end) {
            char c = s.charAt(tz);
            if (c == 'Z' || c == '+' || c == '-') break;
            tz++;
        }
        if (start >= end) return null;
        int[] v = new int[4];
        int rv = hhmmssff(s.substring(0, tz) + (tz < end ? "" : ""), start, tz, v);
        // the C parser reads the character at tz (NUL or the offset's sign) as the end
        if (rv < 0) return null;
        Time t = new Time();
        t.h = v[0];
        t.m = v[1];
        t.s = v[2];
        t.us = v[3];
        if (tz == end) {
            if (rv == 1) return null;
            return t;
        }
        t.hasTz = true;
        if (s.charAt(tz) == 'Z') {
            if (tz + 1 != end) return null;
            return t;
        }
        t.tzSign = s.charAt(tz) == '-' ? -1 : 1;
        int[] w = new int[4];
        rv = hhmmssff(s, tz + 1, end, w);
        if (rv != 0) return null;
        t.tzSeconds = w[0] * 3600 + w[1] * 60 + w[2];
        t.tzUs = w[3];
        return t;
    }

    /** _find_isoformat_datetime_separator: where the date part of a datetime string ends. */
    static int separator(String s) {
        int len = s.length();
        if (len == 7) return 7;
        if (at(s, 4) == '-') {
            if (at(s, 5) == 'W') {
                if (len < 8) return -1;
                if (len > 8 && at(s, 8) == '-') {
                    if (len == 9) return -1;
                    if (len > 10 && digit(at(s, 10))) return 8;
                    return 10;
                }
                return 8;
            }
            return 10;
        }
        if (at(s, 4) == 'W') {
            int idx = 7;
            while (idx < len && digit(s.charAt(idx))) idx++;
            if (idx < 9) return idx;
            return idx % 2 == 0 ? 7 : 8;
        }
        return 8;
    }

    static DateTime parseDateTime(String s) {
        int len = s.length();
        if (len < 7) return null;
        int sep = separator(s);
        if (sep < 0 || sep > len) return null;
        int[] d = parseDate(s.substring(0, sep), sep);
        if (d == null) return null;
        DateTime r = new DateTime();
        r.date = d;
        if (sep == len) {
            r.time = new Time();
            return r;
        }
        if (sep + 1 >= len) return null;
        Time t = parseTime(s, sep + 1);
        if (t == null) return null;
        r.time = t;
        return r;
    }
}

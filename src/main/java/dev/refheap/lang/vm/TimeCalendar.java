package dev.refheap.lang.vm;

import dev.refheap.object.Heap;
import dev.refheap.object.IntType;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The calendar half of the {@code time} module (CPython 3.11's on Linux with the C locale):
 * {@code struct_time} (a struct sequence of 9 visible fields and 11 in all, tm_zone and tm_gmtoff
 * the hidden two), {@code gmtime}, {@code localtime}, {@code mktime}, {@code asctime},
 * {@code ctime}, {@code strftime} (glibc's conversions, with its flag and width extensions such as
 * {@code %4Y} and {@code %-d}), {@code strptime} (Lib's {@code _strptime}, as CPython calls it),
 * and {@code timezone}/{@code altzone}/{@code daylight}/{@code tzname} from the JVM's default zone
 * (TZ). Stateless apart from the struct_time type, made by each import of the module (as CPython's
 * multi-phase module makes one per module object); its functions are made for it.
 */
final class TimeCalendar {
    private final Runtime rt;
    private final Heap heap;
    private final PyType structTime;
    /**
     * The JVM's default zone, read on first use (a cache: it never changes in a process): a runtime
     * adopting a start-up image makes the calendar's functions again without calling them, and the
     * first read initialises the JDK's time-zone classes and reads its zone database, several
     * milliseconds of a cold JVM.
     */
    private ZoneId zone;

    private ZoneId zone() {
        ZoneId z = zone;
        if (z == null) zone = z = ZoneId.systemDefault();
        return z;
    }

    private TimeCalendar(Runtime rt, PyType structTime) {
        this.rt = rt;
        this.heap = rt.heap;
        this.structTime = structTime;
    }

    static void install(Runtime rt, long m) {
        Heap heap = rt.heap;
        PyType st = new VmApi(rt).newStructSeqType("time.struct_time", 9, "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
                "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff");
        TimeCalendar c = new TimeCalendar(rt, st);
        Map<String, Builtin> fns = c.functions();
        long d = ModuleType.dict(m);
        heap.dicts.setItem(d, "struct_time", st.address());
        Modules.set(rt, m, "_STRUCT_TM_ITEMS", heap.ints.of(11));
        // timezone/altzone/daylight/tzname as init_timezone computes them from January and July of this year
        int year = ZonedDateTime.now(c.zone()).getYear();
        java.time.zone.ZoneRules rules = c.zone().getRules();
        ZoneOffset jan = rules.getOffset(LocalDateTime.of(year, 1, 1, 0, 0)), jul = rules.getOffset(LocalDateTime.of(year, 7, 1, 0, 0));
        String janName = c.zoneName(LocalDateTime.of(year, 1, 1, 0, 0)), julName = c.zoneName(LocalDateTime.of(year, 7, 1, 0, 0));
        boolean southern = jan.getTotalSeconds() > jul.getTotalSeconds();
        Modules.set(rt, m, "timezone", heap.ints.of(-(southern ? jul : jan).getTotalSeconds()));
        Modules.set(rt, m, "altzone", heap.ints.of(-(southern ? jan : jul).getTotalSeconds()));
        Modules.set(rt, m, "daylight", heap.ints.of(jan.equals(jul) ? 0 : 1));
        long std = heap.strs.of(southern ? julName : janName), dst = heap.strs.of(southern ? janName : julName);
        long tzname = heap.tuples.alloc(2);
        TupleType.setItemSteal(tzname, 0, std);
        TupleType.setItemSteal(tzname, 1, dst);
        Modules.set(rt, m, "tzname", tzname);
        for (String name : FUNCTIONS) Modules.def(rt, m, name, fns.get(name), st.address());  // made again for this struct_time
    }

    /** The calendar's functions in the order the module's setup defines them (after the clock functions: {@link Modules#TIME_FUNCTIONS}). */
    static final List<String> FUNCTIONS = List.of("monotonic_ns", "gmtime", "localtime", "mktime", "asctime", "ctime", "strftime", "strptime");

    /** The functions for the struct_time type at {@code structTime} (an adopted image's, found by its type object). */
    static Map<String, Builtin> functions(Runtime rt, long structTime) { return new TimeCalendar(rt, rt.heap.typeAt(structTime)).functions(); }

    /**
     * The calendar's functions by name, made from the runtime and this calendar's struct_time
     * alone (no object allocated): the module's setup defines them from this table, and a runtime
     * adopting a start-up image makes them again from it, for the same struct_time
     * ({@link NativeFunction#context}).
     */
    private Map<String, Builtin> functions() {
        TimeCalendar c = this;
        PyType st = structTime;
        Map<String, Builtin> table = new HashMap<>();
        table.put("monotonic_ns", (s, a, o, n, kw) -> heap.ints.of(System.nanoTime()));
        table.put("gmtime", (s, a, o, n, kw) -> c.structTime(c.when(a, o, n, kw, "gmtime").atZone(ZoneOffset.UTC), true));
        table.put("localtime", (s, a, o, n, kw) -> c.structTime(c.when(a, o, n, kw, "localtime").atZone(c.zone()), false));
        table.put("mktime", (s, a, o, n, kw) -> {
            Args.exactly(rt, "mktime", n, kw, 1);
            int[] tm = c.tuple(a[o], "mktime");
            LocalDateTime t = LocalDateTime.of(tm[0], 1, 1, 0, 0).plusMonths(tm[1] - 1).plusDays(tm[2] - 1).plusHours(tm[3]).plusMinutes(tm[4]).plusSeconds(tm[5]);
            return heap.floats.of((double) t.atZone(c.zone()).toEpochSecond());
        });
        table.put("asctime", (s, a, o, n, kw) -> {
            Args.range(rt, "asctime", n, kw, 0, 1);
            int[] tm = n == 0 ? c.now() : c.tuple(a[o], "asctime");
            if (n != 0) c.check(tm);  // checktm, as strftime's (a month of 0 indexed the names at -1)
            return heap.strs.of(c.format("%a %b %e %H:%M:%S %Y", tm, null, 0));
        });
        table.put("ctime", (s, a, o, n, kw) -> {
            ZonedDateTime t = c.when(a, o, n, kw, "ctime").atZone(c.zone());
            return heap.strs.of(c.format("%a %b %e %H:%M:%S %Y", c.fields(t), null, 0));
        });
        table.put("strftime", (s, a, o, n, kw) -> {
            Args.range(rt, "strftime", n, kw, 1, 2);
            if (!Heap.isStr(a[o])) throw rt.typeError("strftime() argument 1 must be str, not " + rt.ops.typeName(a[o]));
            int[] tm;
            String zoneName = null;
            int gmtoff = 0;
            if (n == 1) {
                ZonedDateTime t = ZonedDateTime.now(c.zone());
                tm = c.fields(t);
                zoneName = c.zoneName(t.toLocalDateTime());
                gmtoff = t.getOffset().getTotalSeconds();
            } else {
                tm = c.tuple(a[o + 1], "strftime");
                c.check(tm);
                if (heap.typeOf(a[o + 1]) == st) {
                    long z = TupleType.item(a[o + 1], 9), off = TupleType.item(a[o + 1], 10);
                    if (Heap.isStr(z)) zoneName = StrType.value(z);
                    if (heap.typeOf(off) instanceof IntType) gmtoff = (int) IntType.asLong(off);
                } else {
                    zoneName = tm[8] > 0 ? c.tzname(1) : c.tzname(0);
                }
            }
            if (StrType.value(a[o]).indexOf('\0') >= 0) throw rt.error("ValueError", "embedded null character");  // the locale encoding's
            return heap.strs.of(c.format(StrType.value(a[o]), tm, zoneName, gmtoff));
        });
        table.put("strptime", (s, a, o, n, kw) -> {
            long mod = Modules.importModule(rt, "_strptime");
            try {
                long name = heap.strs.internedOf("_strptime_time");
                long f;
                try {
                    f = rt.ops.getAttr(mod, name);
                } finally {
                    heap.decref(name);
                }
                try {
                    long[] args = new long[n];
                    System.arraycopy(a, o, args, 0, n);
                    return rt.ops.call0(f, args);
                } finally {
                    heap.decref(f);
                }
            } finally {
                heap.decref(mod);
            }
        });
        return table;
    }

    private String tzname(int i) {
        return i == 0 ? zoneName(LocalDateTime.now().withMonth(1)) : zoneName(LocalDateTime.now().withMonth(7));
    }

    /** The zone's abbreviation at local time {@code t} (C's tm_zone: "UTC", "CET", "CEST"...). */
    private String zoneName(LocalDateTime t) { return zoneName(t.atZone(zone()).toInstant()); }

    /** The zone's abbreviation at instant {@code i} (a local time in a fold has the offset its instant has). */
    private String zoneName(Instant i) {
        ZoneId z = zone();
        if (z.equals(ZoneOffset.UTC) || z.getId().equals("UTC") || z.getId().equals("Etc/UTC")) return "UTC";
        boolean dst = z.getRules().isDaylightSavings(i);
        // the English abbreviations ("EST", "CEST"; the root locale has none: "GMT-05:00"); a zone
        // without one is named by its offset as tzdata names it ("+04", "-0330")
        String name = java.util.TimeZone.getTimeZone(z).getDisplayName(dst, java.util.TimeZone.SHORT, Locale.US);
        if (name.startsWith("GMT") && name.length() == 9 && name.charAt(6) == ':') {
            String mm = name.substring(7);
            return name.substring(3, 6) + (mm.equals("00") ? "" : mm);
        }
        return name;
    }

    /**
     * The seconds argument (None or absent: now) as a C time_t, floored as _PyTime_ObjectToTime_t
     * does (OverflowError outside time_t), and checked as glibc's gmtime_r/localtime_r check it: a
     * year whose tm_year (year - 1900) does not fit a C int is OSError EOVERFLOW. java.time reaches
     * the years -999,999,999 to 999,999,999; a time_t between those and the C int's years is
     * refused by name (CPython gives a date there).
     */
    private Instant when(long[] a, int o, int n, long kw, String fname) {
        Args.range(rt, fname, n, kw, 0, 1);
        if (n == 0 || a[o] == heap.None) return Instant.now();
        long secs;
        if (heap.typeOf(a[o]) instanceof IntType) {
            if (!IntType.fitsLong(a[o])) throw rt.error("OverflowError", "timestamp out of range for platform time_t");
            secs = IntType.asLong(a[o]);
        } else {
            double d = new VmApi(rt).asDouble(a[o]);
            if (Double.isNaN(d)) throw rt.error("ValueError", "Invalid value NaN (not a number)");
            d = Math.floor(d);
            if (!(d >= -0x1p63 && d < 0x1p63)) throw rt.error("OverflowError", "timestamp out of range for platform time_t");
            secs = (long) d;
        }
        // the first and last seconds whose UTC year keeps tm_year within a C int (years -2147481748 and 2147485547)
        if (secs > 67768036191676799L || secs < -67768040609740800L) throw rt.osError(75, "Value too large for defined data type", null);
        if (secs > Range.MAX_SECONDS || secs < Range.MIN_SECONDS) {
            throw rt.error("NotImplementedError", "refheap does not support times beyond the years -999999999 to 999999999 yet");
        }
        return Instant.ofEpochSecond(secs);
    }

    /** The seconds java.time's local date-times reach in every zone (the years -999,999,999 to 999,999,999, a day inside). */
    private static final class Range {  // a holder: start-up reads FUNCTIONS, and java.time's classes are not initialised for it
        static final long MAX_SECONDS = LocalDateTime.MAX.toEpochSecond(ZoneOffset.UTC) - 86_400,
                MIN_SECONDS = LocalDateTime.MIN.toEpochSecond(ZoneOffset.UTC) + 86_400;
    }

    private int[] fields(ZonedDateTime t) {
        return new int[] {t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(),
            t.getDayOfWeek().getValue() - 1, t.getDayOfYear(), zone().getRules().isDaylightSavings(t.toInstant()) && t.getZone() != ZoneOffset.UTC ? 1 : 0};
    }

    private int[] now() { return fields(ZonedDateTime.now(zone())); }

    private long structTime(ZonedDateTime t, boolean utc) {
        int[] f = fields(t);
        long[] items = new long[11];
        for (int i = 0; i < 9; i++) items[i] = heap.ints.of(f[i]);
        items[9] = heap.strs.of(utc ? "GMT" : zoneName(t.toInstant()));
        items[10] = heap.ints.of(t.getOffset().getTotalSeconds());
        return new VmApi(rt).newStructSeq(structTime, items);
    }

    /** gettmarg: the 9 ints of a tuple or struct_time. */
    private int[] tuple(long t, String fname) {
        if (!rt.ops.isInstance(t, heap.tuples)) throw rt.typeError("Tuple or struct_time argument required");
        long size = TupleType.size(t);
        if (size != 9 && !(heap.typeOf(t) == structTime)) throw rt.typeError(fname + "(): illegal time tuple argument");
        int[] tm = new int[9];
        for (int i = 0; i < 9; i++) {
            long x = TupleType.item(t, i);
            if (!(heap.typeOf(x) instanceof IntType)) throw rt.typeError("'" + rt.ops.typeName(x) + "' object cannot be interpreted as an integer");
            // PyArg_Parse's "i": a C long first, then a C int
            if (!IntType.fitsLong(x)) throw rt.error("OverflowError", "Python int too large to convert to C long");
            long v = IntType.asLong(x);
            if (v > Integer.MAX_VALUE) throw rt.error("OverflowError", "signed integer is greater than maximum");
            if (v < Integer.MIN_VALUE) throw rt.error("OverflowError", "signed integer is less than minimum");
            tm[i] = (int) v;
        }
        if ((long) tm[0] - 1900 < Integer.MIN_VALUE) throw rt.error("OverflowError", "year out of range");  // tm_year = year - 1900
        return tm;
    }

    /** checktm with strftime's adjustments (a 0 month, day or yday is accepted, as 3.11 does). */
    private void check(int[] tm) {
        if (tm[1] == 0) tm[1] = 1;
        if (tm[1] < 1 || tm[1] > 12) throw rt.error("ValueError", "month out of range");
        if (tm[2] == 0) tm[2] = 1;
        if (tm[2] < 0 || tm[2] > 31) throw rt.error("ValueError", "day of month out of range");
        if (tm[3] < 0 || tm[3] > 23) throw rt.error("ValueError", "hour out of range");
        if (tm[4] < 0 || tm[4] > 59) throw rt.error("ValueError", "minute out of range");
        if (tm[5] < 0 || tm[5] > 61) throw rt.error("ValueError", "seconds out of range");
        if ((tm[6] + 1) % 7 < 0) throw rt.error("ValueError", "day of week out of range");  // gettmarg's C (wday + 1) % 7: -1 is Sunday
        tm[6] = tm[6] % 7;
        if (tm[7] == 0) tm[7] = 1;
        if (tm[7] < 1 || tm[7] > 366) throw rt.error("ValueError", "day of year out of range");
        if (tm[8] < -1) tm[8] = -1;
        else if (tm[8] > 1) tm[8] = 1;
    }

    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"};

    /** glibc's strftime in the C locale over tm (Python's tm_wday: Monday 0), with its flags and widths. */
    String format(String fmt, int[] tm, String zoneName, int gmtoff) {
        StringBuilder out = new StringBuilder();
        int year = tm[0], mon = tm[1], mday = tm[2], hour = tm[3], min = tm[4], sec = tm[5], wday = tm[6], yday = tm[7];
        int cwday = (wday + 1) % 7;  // C's tm_wday: Sunday 0
        for (int i = 0; i < fmt.length(); i++) {
            char ch = fmt.charAt(i);
            if (ch != '%' || i + 1 >= fmt.length()) {
                out.append(ch);
                continue;
            }
            int start = i;
            i++;
            char flag = 0;
            while (i < fmt.length() && "_-0^#".indexOf(fmt.charAt(i)) >= 0) flag = fmt.charAt(i++);
            int width = -1;
            while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) width = Math.max(width, 0) * 10 + (fmt.charAt(i++) - '0');
            if (i < fmt.length() && (fmt.charAt(i) == 'E' || fmt.charAt(i) == 'O')) i++;
            if (i >= fmt.length()) {
                out.append(fmt, start, fmt.length());
                break;
            }
            char c = fmt.charAt(i);
            String v;
            int pad = 0;  // the conversion's own zero-pad width for numbers
            boolean spacePad = false;
            switch (c) {
                case 'a' -> v = DAYS[Math.floorMod(wday, 7)].substring(0, 3);
                case 'A' -> v = DAYS[Math.floorMod(wday, 7)];
                case 'b', 'h' -> v = MONTHS[mon - 1].substring(0, 3);
                case 'B' -> v = MONTHS[mon - 1];
                case 'c' -> v = format("%a %b %e %H:%M:%S %Y", tm, zoneName, gmtoff);
                case 'C' -> { v = Integer.toString(Math.floorDiv(year, 100)); pad = 2; }
                case 'd' -> { v = Integer.toString(mday); pad = 2; }
                case 'D' -> v = format("%m/%d/%y", tm, zoneName, gmtoff);
                case 'e' -> { v = Integer.toString(mday); pad = 2; spacePad = true; }
                case 'F' -> v = format("%Y-%m-%d", tm, zoneName, gmtoff);
                case 'G' -> v = Integer.toString(isoYear(year, mon, mday));
                case 'g' -> { v = Integer.toString(Math.floorMod(isoYear(year, mon, mday), 100)); pad = 2; }
                case 'H' -> { v = Integer.toString(hour); pad = 2; }
                case 'I' -> { v = Integer.toString(hour % 12 == 0 ? 12 : hour % 12); pad = 2; }
                case 'j' -> { v = Integer.toString(yday); pad = 3; }
                case 'k' -> { v = Integer.toString(hour); pad = 2; spacePad = true; }
                case 'l' -> { v = Integer.toString(hour % 12 == 0 ? 12 : hour % 12); pad = 2; spacePad = true; }
                case 'm' -> { v = Integer.toString(mon); pad = 2; }
                case 'M' -> { v = Integer.toString(min); pad = 2; }
                case 'n' -> v = "\n";
                case 'p' -> v = hour < 12 ? "AM" : "PM";
                case 'P' -> v = hour < 12 ? "am" : "pm";
                case 'r' -> v = format("%I:%M:%S %p", tm, zoneName, gmtoff);
                case 'R' -> v = format("%H:%M", tm, zoneName, gmtoff);
                case 's' -> v = Long.toString(LocalDateTime.of(year, 1, 1, 0, 0).plusMonths(mon - 1).plusDays(mday - 1).plusHours(hour)
                        .plusMinutes(min).plusSeconds(sec).atZone(zone()).toEpochSecond());
                case 'S' -> { v = Integer.toString(sec); pad = 2; }
                case 't' -> v = "\t";
                case 'T' -> v = format("%H:%M:%S", tm, zoneName, gmtoff);
                case 'u' -> v = Integer.toString(cwday == 0 ? 7 : cwday);
                case 'U' -> { v = Integer.toString((yday - 1 + 7 - cwday) / 7); pad = 2; }
                case 'V' -> { v = Integer.toString(isoWeek(year, mon, mday)); pad = 2; }
                case 'w' -> v = Integer.toString(cwday);
                case 'W' -> { v = Integer.toString((yday - 1 + 7 - (cwday + 6) % 7) / 7); pad = 2; }
                case 'x' -> v = format("%m/%d/%y", tm, zoneName, gmtoff);
                case 'X' -> v = format("%H:%M:%S", tm, zoneName, gmtoff);
                case 'y' -> { v = Integer.toString(Math.floorMod(year, 100)); pad = 2; }
                case 'Y' -> v = Integer.toString(year);
                case 'z' -> {
                    int off = Math.abs(gmtoff) / 60;
                    v = (gmtoff < 0 ? "-" : "+") + String.format("%02d%02d", off / 60, off % 60);
                }
                case 'Z' -> v = zoneName == null ? "" : zoneName;
                case '%' -> v = "%";
                default -> {
                    out.append(fmt, start, i + 1);  // glibc copies an unknown conversion as written
                    continue;
                }
            }
            boolean numeric = pad > 0 || c == 'Y' || c == 'G' || c == 's' || c == 'u' || c == 'w';
            if (flag == '-') {
                v = v.replaceFirst("^[ 0]+(?=.)", "");
            } else if (numeric) {
                int w = width >= 0 ? width : pad;
                char p = flag == '_' ? ' ' : flag == '0' ? '0' : width >= 0 && !spacePad ? '0' : spacePad ? ' ' : '0';
                boolean neg = v.startsWith("-");
                String digits = neg ? v.substring(1) : v;
                if (flag == '_' || spacePad && flag != '0') digits = digits.replaceFirst("^0+(?=.)", "");
                StringBuilder sb = new StringBuilder();
                for (int k = digits.length() + (neg ? 1 : 0); k < w; k++) sb.append(p);
                v = p == '0' ? (neg ? "-" : "") + sb + digits : sb + (neg ? "-" : "") + digits;
            } else if (width > 0 && v.length() < width) {
                v = (flag == '0' ? "0" : " ").repeat(width - v.length()) + v;
            }
            if (flag == '^') v = v.toUpperCase(Locale.ROOT);
            if (flag == '#') v = c == 'p' ? v.toLowerCase(Locale.ROOT) : v.toUpperCase(Locale.ROOT);
            out.append(v);
        }
        return out.toString();
    }

    private static int isoYear(int year, int mon, int mday) {
        return java.time.LocalDate.of(year, mon, Math.max(1, mday)).get(IsoFields.WEEK_BASED_YEAR);
    }

    private static int isoWeek(int year, int mon, int mday) {
        return java.time.LocalDate.of(year, mon, Math.max(1, mday)).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }
}

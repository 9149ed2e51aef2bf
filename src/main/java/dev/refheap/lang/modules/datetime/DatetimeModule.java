package dev.refheap.lang.modules.datetime;

import dev.refheap.lang.bytecode.BinaryOp;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.BytesType;
import dev.refheap.object.FloatType;
import dev.refheap.object.Heap;
import dev.refheap.object.IntType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.math.BigInteger;

/**
 * {@code _datetime}: CPython 3.11's native datetime module (what {@code datetime.py} imports over
 * its pure-Python classes). Six types ({@link DtType}: timedelta, date, time, datetime, tzinfo,
 * timezone) in CPython's layouts, the IsoCalendarDate tuple type, MINYEAR/MAXYEAR, UTC and the
 * {@code datetime_CAPI} capsule. Behaviour follows the C module's: argument parsing and error
 * messages, normalisation and range errors, arithmetic returning NotImplemented for foreign
 * operands, naive/aware comparison rules, utcoffset()/dst()/tzname() result checks, the compact
 * bytes pickle state, strftime through {@code time.strftime} after replacing %z, %Z and %f,
 * strptime through {@code _strptime}, local time through {@code time.localtime}, timestamps
 * rounded half to even.
 *
 * <p>State: one per runtime ({@link VmApi#moduleState}): the types, the utc singleton and the
 * class attribute values, made when the module is first imported.
 */
public final class DatetimeModule {
    final VmApi vm;
    final Heap heap;
    DtType delta, date, time, datetime, tzinfo, timezone;
    dev.refheap.object.PyType isoCalType;
    long utc;

    private DatetimeModule(VmApi vm) {
        this.vm = vm;
        this.heap = vm.heap;
    }

    public static long create(VmApi vm) {
        DatetimeModule m = vm.moduleState("_datetime", () -> {
            DatetimeModule s = new DatetimeModule(vm);
            s.install();
            return s;
        });
        return m.module();
    }

    // ---- field access -----------------------------------------------------------------------------

    static int days(long o) { return Native.getInt(o + DtType.DAYS); }
    static int secs(long o) { return Native.getInt(o + DtType.SECS); }
    static int us(long o) { return Native.getInt(o + DtType.US); }
    static int u8(long o, int off) { return Native.getByte(o + off) & 0xff; }
    static int year(long o) { return u8(o, 25) << 8 | u8(o, 26); }
    static int month(long o) { return u8(o, 27); }
    static int day(long o) { return u8(o, 28); }
    /** Hour, minute, second, microsecond of a time ({@code base} 25) or datetime ({@code base} 29). */
    static int hour(long o, int base) { return u8(o, base); }
    static int minute(long o, int base) { return u8(o, base + 1); }
    static int second(long o, int base) { return u8(o, base + 2); }
    static int micro(long o, int base) { return u8(o, base + 3) << 16 | u8(o, base + 4) << 8 | u8(o, base + 5); }

    boolean isDelta(long o) { return vm.isInstanceOf(o, delta); }
    boolean isDate(long o) { return vm.isInstanceOf(o, date); }
    boolean isTime(long o) { return vm.isInstanceOf(o, time); }
    boolean isDatetime(long o) { return vm.isInstanceOf(o, datetime); }
    boolean isTzinfo(long o) { return vm.isInstanceOf(o, tzinfo); }

    int tb(long o) { return isDatetime(o) ? 29 : 25; }
    int foldOff(long o) { return isDatetime(o) ? DtType.DT_FOLD : DtType.TIME_FOLD; }
    int tzOff(long o) { return isDatetime(o) ? DtType.DT_TZ : DtType.TIME_TZ; }
    int fold(long o) { return u8(o, foldOff(o)); }
    /** The tzinfo of a time or datetime (borrowed; None when naive). */
    long tz(long o) {
        long t = Native.getLong(o + tzOff(o));
        return t == 0 ? heap.None : t;
    }

    // ---- constructors of instances ----------------------------------------------------------------

    long newDelta(long d, long s, long u) {
        // normalise: 0 <= u < 10**6, 0 <= s < 86400
        s += Math.floorDiv(u, 1000000);
        u = Math.floorMod(u, 1000000);
        d += Math.floorDiv(s, 86400);
        s = Math.floorMod(s, 86400);
        if (d < -Cal.MAX_DELTA_DAYS || d > Cal.MAX_DELTA_DAYS) throw vm.error("OverflowError", "days=" + d + "; must have magnitude <= 999999999");
        long o = delta.make();
        Native.putInt(o + DtType.DAYS, (int) d);
        Native.putInt(o + DtType.SECS, (int) s);
        Native.putInt(o + DtType.US, (int) u);
        return o;
    }

    static final BigInteger US_PER_DAY = BigInteger.valueOf(86400000000L), MILLION = BigInteger.valueOf(1000000);

    BigInteger deltaUs(long o) { return BigInteger.valueOf(days(o)).multiply(US_PER_DAY).add(BigInteger.valueOf(secs(o) * 1000000L + us(o))); }

    long deltaFromUs(BigInteger total) {
        BigInteger[] dr = total.divideAndRemainder(US_PER_DAY);
        BigInteger d = dr[0], r = dr[1];
        if (r.signum() < 0) {
            d = d.subtract(BigInteger.ONE);
            r = r.add(US_PER_DAY);
        }
        if (d.bitLength() > 31) throw vm.error("OverflowError", "Python int too large to convert to C int");
        return newDelta(d.longValue(), 0, r.longValue());
    }

    /** An exact date (no range checks: the caller's). */
    long rawDate(DtType t, int y, int m, int d) {
        long o = t.make();
        putDate(o, y, m, d);
        return o;
    }

    static void putDate(long o, int y, int m, int d) {
        Native.putByte(o + 25, (byte) (y >> 8));
        Native.putByte(o + 26, (byte) y);
        Native.putByte(o + 27, (byte) m);
        Native.putByte(o + 28, (byte) d);
    }

    static void putTime(long o, int base, int h, int mi, int s, int us) {
        Native.putByte(o + base, (byte) h);
        Native.putByte(o + base + 1, (byte) mi);
        Native.putByte(o + base + 2, (byte) s);
        Native.putByte(o + base + 3, (byte) (us >> 16));
        Native.putByte(o + base + 4, (byte) (us >> 8));
        Native.putByte(o + base + 5, (byte) us);
    }

    void checkDate(long y, long m, long d) {
        if (y < Cal.MINYEAR || y > Cal.MAXYEAR) throw vm.error("ValueError", "year " + y + " is out of range");
        if (m < 1 || m > 12) throw vm.error("ValueError", "month must be in 1..12");
        if (d < 1 || d > Cal.daysInMonth((int) y, (int) m)) throw vm.error("ValueError", "day is out of range for month");
    }

    void checkTime(long h, long m, long s, long us, long fold) {
        if (h < 0 || h > 23) throw vm.error("ValueError", "hour must be in 0..23");
        if (m < 0 || m > 59) throw vm.error("ValueError", "minute must be in 0..59");
        if (s < 0 || s > 59) throw vm.error("ValueError", "second must be in 0..59");
        if (us < 0 || us > 999999) throw vm.error("ValueError", "microsecond must be in 0..999999");
        if (fold != 0 && fold != 1) throw vm.error("ValueError", "fold must be either 0 or 1");
    }

    void checkTzinfo(long tz) {
        if (tz != heap.None && !isTzinfo(tz)) {
            throw vm.error("TypeError", "tzinfo argument must be None or of a tzinfo subclass, not type '" + vm.typeName(tz) + "'");
        }
    }

    void setTz(long o, int off, int hasOff, long tz) {
        if (tz != heap.None) {
            Native.putLong(o + off, vm.incref(tz));
            Native.putByte(o + hasOff, (byte) 1);
        }
    }

    long rawTime(DtType t, int h, int m, int s, int us, long tz, int fold) {
        long o = t.make();
        putTime(o, 25, h, m, s, us);
        Native.putByte(o + DtType.TIME_FOLD, (byte) fold);
        setTz(o, DtType.TIME_TZ, DtType.HASTZ, tz);
        return o;
    }

    long rawDatetime(DtType t, int y, int mo, int d, int h, int mi, int s, int us, long tz, int fold) {
        long o = t.make();
        putDate(o, y, mo, d);
        putTime(o, 29, h, mi, s, us);
        Native.putByte(o + DtType.DT_FOLD, (byte) fold);
        setTz(o, DtType.DT_TZ, DtType.HASTZ, tz);
        return o;
    }

    /** new_date_subclass_ex: an exact date, or cls(y, m, d) for a subclass. */
    long newDate(long cls, int y, int m, int d) {
        if (cls == 0 || cls == date.typeObject()) {
            checkDate(y, m, d);
            return rawDate(date, y, m, d);
        }
        if (cls == datetime.typeObject()) return newDatetime(cls, y, m, d, 0, 0, 0, 0, heap.None, 0);
        return callInts(cls, 0, 0, y, m, d);
    }

    long newDatetime(long cls, int y, int mo, int d, int h, int mi, int s, int us, long tz, int fold) {
        if (cls == 0 || cls == datetime.typeObject()) {
            checkDate(y, mo, d);
            checkTime(h, mi, s, us, fold);
            checkTzinfo(tz);
            return rawDatetime(datetime, y, mo, d, h, mi, s, us, tz, fold);
        }
        return callInts(cls, tz, fold, y, mo, d, h, mi, s, us);
    }

    long newTime(long cls, int h, int m, int s, int us, long tz, int fold) {
        if (cls == 0 || cls == time.typeObject()) {
            checkTime(h, m, s, us, fold);
            checkTzinfo(tz);
            return rawTime(time, h, m, s, us, tz, fold);
        }
        return callInts(cls, tz, fold, h, m, s, us);
    }

    /** cls(ints..., [tz], fold=1 when fold): a subclass's construction through its own __new__/__init__. */
    private long callInts(long cls, long tz, int fold, int... v) {
        int n = v.length + (tz != 0 ? 1 : 0);
        long[] args = new long[n + (fold != 0 ? 1 : 0)];
        try {
            for (int i = 0; i < v.length; i++) args[i] = heap.ints.of(v[i]);
            if (tz != 0) args[v.length] = vm.incref(tz);
            long kw = 0;
            if (fold != 0) {
                args[n] = heap.ints.of(1);
                long k = vm.str("fold");
                kw = heap.tuples.of(k);
                heap.decref(k);
            }
            try {
                return vm.callArgs(cls, args, 0, args.length, kw);
            } finally {
                if (kw != 0) heap.decref(kw);
            }
        } finally {
            for (long a : args) if (a != 0) heap.decref(a);
        }
    }

    long newTimezone(long offset, long name) {
        if (name == 0 && days(offset) == 0 && secs(offset) == 0 && us(offset) == 0) return vm.incref(utc);
        checkOffset(offset, "offset");
        long o = timezone.make();
        Native.putLong(o + DtType.TZ_OFFSET, vm.incref(offset));
        if (name != 0) Native.putLong(o + DtType.TZ_NAME, vm.incref(name));
        return o;
    }

    /** -timedelta(hours=24) < offset < timedelta(hours=24), else ValueError naming it. */
    void checkOffset(long offset, String what) {
        if (days(offset) < -1 || days(offset) > 0 || days(offset) == -1 && secs(offset) == 0 && us(offset) == 0) {
            throw vm.error("ValueError", "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not " + vm.repr(offset) + ".");
        }
    }

    // ---- argument parsing (PyArg_ParseTupleAndKeywords' messages) ------------------------------------

    /**
     * The arguments by {@code names} (the first {@code required} required; names from {@code kwOnly}
     * on keyword-only), as vgetargskeywords checks them; {@code fname} null for "function".
     */
    long[] args(String fname, String[] names, int required, int kwOnly, long[] a, int off, int n, long kw) {
        return args(fname, names, required, kwOnly, 0, a, off, n, kw);
    }

    /** The positional count of the last {@link #args} call (what a converter's message names: a position or a keyword). */
    int lastNpos;

    /** As the other, the first {@code ints} parameters "i" conversions, made in order before a later one is found missing. */
    long[] args(String fname, String[] names, int required, int kwOnly, int ints, long[] a, int off, int n, long kw) {
        String f = fname == null ? "function" : fname + "()";
        int nkw = Params.nkw(kw), npos = n - nkw;
        lastNpos = npos;
        if (n > names.length) throw vm.error("TypeError", f + " takes at most " + names.length + " argument" + (names.length == 1 ? "" : "s") + " (" + n + " given)");
        if (npos > kwOnly) throw vm.error("TypeError", f + " takes at most " + kwOnly + " positional argument" + (kwOnly == 1 ? "" : "s") + " (" + npos + " given)");
        long[] out = new long[names.length];
        for (int i = 0; i < npos; i++) out[i] = a[off + i];
        int used = 0;
        for (int i = 0; i < names.length; i++) {
            int k = -1;
            for (int j = 0; j < nkw; j++) if (StrType.value(TupleType.item(kw, j)).equals(names[i])) k = j;
            if (k >= 0) {
                if (i < npos) throw vm.error("TypeError", "argument for " + f + " given by name ('" + names[i] + "') and position (" + (i + 1) + ")");
                out[i] = a[off + npos + k];
                used++;
            } else if (i >= npos && i < required) {
                for (int j = 0; j < Math.min(i, ints); j++) if (out[j] != 0) cint(out[j]);  // vgetargskeywords converts as it goes
                throw vm.error("TypeError", f + " missing required argument '" + names[i] + "' (pos " + (i + 1) + ")");
            }
        }
        if (used < nkw) {
            for (int j = 0; j < nkw; j++) {
                String kn = StrType.value(TupleType.item(kw, j));
                if (!java.util.Arrays.asList(names).contains(kn)) throw vm.error("TypeError", "'" + kn + "' is an invalid keyword argument for " + f);
            }
        }
        return out;
    }

    /** The "i" converter: an int (or __index__) in C int's range. */
    int cint(long o) {
        if (vm.isFloat(o)) throw vm.error("TypeError", "'float' object cannot be interpreted as an integer");
        BigInteger v = vm.asIndex(o);
        if (v.bitLength() > 63) throw vm.error("OverflowError", "Python int too large to convert to C long");
        long l = v.longValue();
        if (l > Integer.MAX_VALUE) throw vm.error("OverflowError", "signed integer is greater than maximum");
        if (l < Integer.MIN_VALUE) throw vm.error("OverflowError", "signed integer is less than minimum");
        return (int) l;
    }

    int cintOr(long o, int dflt) { return o == 0 ? dflt : cint(o); }

    // ---- construction (tp_new) ------------------------------------------------------------------------

    private static final String[] DELTA_NAMES = {"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"};
    private static final String[] DATE_NAMES = {"year", "month", "day"};
    private static final String[] TIME_NAMES = {"hour", "minute", "second", "microsecond", "tzinfo", "fold"};
    private static final String[] DT_NAMES = {"year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"};

    long construct(DtType t, long[] a, int off, int n, long kw) {
        switch (t.kind) {
            case DELTA -> {
                long[] p = args("__new__", DELTA_NAMES, 0, 7, a, off, n, kw);
                return deltaNew(p);
            }
            case DATE -> {
                if (n == 1 && kw == 0) {
                    byte[] st = stateBytes(a[off], 4);
                    if (st != null && (st[2] & 0xff) >= 1 && (st[2] & 0xff) <= 12) {
                        long o = t.make();
                        for (int i = 0; i < 4; i++) Native.putByte(o + 25 + i, st[i]);
                        return o;
                    }
                }
                long[] p = args(null, DATE_NAMES, 3, 3, 3, a, off, n, kw);
                int y = cint(p[0]), m = cint(p[1]), d = cint(p[2]);
                checkDate(y, m, d);
                return rawDate(t, y, m, d);
            }
            case TIME -> {
                if ((n == 1 || n == 2) && kw == 0) {
                    byte[] st = stateBytes(a[off], 6);
                    if (st != null && (st[0] & 0x7f) < 24) {
                        long tz = n == 2 ? a[off + 1] : heap.None;
                        if (n == 2 && tz != heap.None && !isTzinfo(tz)) throw vm.error("TypeError", "bad tzinfo state arg");
                        long o = t.make();
                        for (int i = 0; i < 6; i++) Native.putByte(o + 25 + i, st[i]);
                        if ((st[0] & 0x80) != 0) {
                            Native.putByte(o + 25, (byte) (st[0] & 0x7f));
                            Native.putByte(o + DtType.TIME_FOLD, (byte) 1);
                        }
                        setTz(o, DtType.TIME_TZ, DtType.HASTZ, tz);
                        return o;
                    }
                }
                long[] p = args(null, TIME_NAMES, 0, 5, a, off, n, kw);
                int h = cintOr(p[0], 0), m = cintOr(p[1], 0), s = cintOr(p[2], 0), u = cintOr(p[3], 0), f = cintOr(p[5], 0);
                long tz = p[4] == 0 ? heap.None : p[4];
                checkTime(h, m, s, u, f);
                checkTzinfo(tz);
                return rawTime(t, h, m, s, u, tz, f);
            }
            case DATETIME -> {
                if ((n == 1 || n == 2) && kw == 0) {
                    byte[] st = stateBytes(a[off], 10);
                    if (st != null && (st[2] & 0x7f) >= 1 && (st[2] & 0x7f) <= 12) {
                        long tz = n == 2 ? a[off + 1] : heap.None;
                        if (n == 2 && tz != heap.None && !isTzinfo(tz)) throw vm.error("TypeError", "bad tzinfo state arg");
                        long o = t.make();
                        for (int i = 0; i < 10; i++) Native.putByte(o + 25 + i, st[i]);
                        if ((st[2] & 0x80) != 0) {
                            Native.putByte(o + 27, (byte) (st[2] & 0x7f));
                            Native.putByte(o + DtType.DT_FOLD, (byte) 1);
                        }
                        setTz(o, DtType.DT_TZ, DtType.HASTZ, tz);
                        return o;
                    }
                }
                long[] p = args(null, DT_NAMES, 3, 8, 7, a, off, n, kw);
                int y = cint(p[0]), mo = cint(p[1]), d = cint(p[2]);
                int h = cintOr(p[3], 0), mi = cintOr(p[4], 0), s = cintOr(p[5], 0), u = cintOr(p[6], 0), f = cintOr(p[8], 0);
                long tz = p[7] == 0 ? heap.None : p[7];
                checkDate(y, mo, d);
                checkTime(h, mi, s, u, f);
                checkTzinfo(tz);
                return rawDatetime(t, y, mo, d, h, mi, s, u, tz, f);
            }
            case TZINFO -> {
                return t.make();
            }
            default -> {
                long[] p = args("timezone", new String[] {"offset", "name"}, 1, 2, a, off, n, kw);
                if (!isDelta(p[0])) throw vm.error("TypeError", "timezone() argument 1 must be datetime.timedelta, not " + vm.argTypeName(p[0]));
                if (p[1] != 0 && !vm.isStr(p[1])) throw vm.error("TypeError", "timezone() argument 2 must be str, not " + vm.argTypeName(p[1]));
                return newTimezone(p[0], p[1]);
            }
        }
    }

    /** The pickle state bytes of length {@code len} (bytes, or a str of code points < 256 for a Python 2 pickle), or null. */
    private byte[] stateBytes(long o, int len) {
        if (heap.typeOf(o) == heap.bytes && BytesType.length(o) == len) return BytesType.value(o);
        if (vm.isStr(o) && heap.typeOf(o) == heap.strs) {
            String s = StrType.value(o);
            if (s.length() != len) return null;
            byte[] b = new byte[len];
            for (int i = 0; i < len; i++) {
                char c = s.charAt(i);
                if (c > 255) throw vm.error("ValueError", "Failed to encode latin1 string when unpickling a " + (len == 4 ? "date" : len == 6 ? "time" : "datetime") + " object. pickle.load(data, encoding='latin1') is assumed.");
                b[i] = (byte) c;
            }
            return b;
        }
        return null;
    }

    /** delta_new: each component (int or float) times its microseconds, the float leftovers rounded half to even once. */
    private long deltaNew(long[] p) {
        long[] factor = {86400000000L, 1000000L, 1L, 1000L, 60000000L, 3600000000L, 604800000000L};
        int[] order = {2, 3, 1, 4, 5, 0, 6};  // microseconds, milliseconds, seconds, minutes, hours, days, weeks
        BigInteger x = BigInteger.ZERO;
        double leftover = 0;
        for (int i : order) {
            long v = p[i];
            if (v == 0) continue;
            if (vm.isInt(v) || vm.isInstanceOf(v, heap.ints)) {
                x = x.add(vm.asIndex(v).multiply(BigInteger.valueOf(factor[i])));
            } else if (vm.isInstanceOf(v, heap.floats)) {
                double d = vm.asDouble(v);
                double ip = d < 0 ? Math.ceil(d) : Math.floor(d), fp = d - ip;
                if (Double.isInfinite(d) || Double.isNaN(d)) throw vm.error(Double.isNaN(d) ? "ValueError" : "OverflowError", Double.isNaN(d) ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer");
                x = x.add(new java.math.BigDecimal(ip).toBigInteger().multiply(BigInteger.valueOf(factor[i])));
                if (fp != 0) {
                    double dn = (double) factor[i] * fp;
                    double ip2 = dn < 0 ? Math.ceil(dn) : Math.floor(dn);
                    x = x.add(new java.math.BigDecimal(ip2).toBigInteger());
                    leftover += dn - ip2;
                }
            } else {
                throw vm.error("TypeError", "unsupported type for timedelta " + DELTA_NAMES[i] + " component: " + vm.typeName(v));
            }
        }
        if (leftover != 0) {
            double whole = Math.rint(leftover);
            if (Math.abs(whole - leftover) == 0.5) {
                int odd = x.testBit(0) ? 1 : 0;
                whole = 2.0 * Math.rint((leftover + odd) * 0.5) - odd;
            } else {
                whole = Math.round(leftover) == 0 && Math.abs(leftover) < 0.5 ? 0 : roundHalfAway(leftover);
            }
            x = x.add(BigInteger.valueOf((long) whole));
        }
        return deltaFromUs(x);
    }

    static double roundHalfAway(double d) { return d < 0 ? -Math.floor(-d + 0.5) : Math.floor(d + 0.5); }

    // ---- hash -------------------------------------------------------------------------------------------

    long hash(DtType t, long o) {
        long h = Native.getLong(o + DtType.HASH);
        if (t.kind == DtType.Kind.TZINFO) return Long.rotateRight(o, 4);
        if (t.kind == DtType.Kind.TIMEZONE) return vm.hash(Native.getLong(o + DtType.TZ_OFFSET));
        if (h != -1) return h;
        switch (t.kind) {
            case DELTA -> {
                long tup = heap.tuples.alloc(3);
                TupleType.setItemSteal(tup, 0, heap.ints.of(days(o)));
                TupleType.setItemSteal(tup, 1, heap.ints.of(secs(o)));
                TupleType.setItemSteal(tup, 2, heap.ints.of(us(o)));
                try {
                    h = vm.hash(tup);
                } finally {
                    heap.decref(tup);
                }
            }
            case DATE -> h = bytesHash(o, 4, -1);
            case TIME -> {
                long off = utcoffset(o, heap.None);
                try {
                    if (off == heap.None) h = bytesHash(o, 6, fold(o) != 0 ? 0 : -1);
                    else h = awareHash(0, hour(o, 25) * 3600L + minute(o, 25) * 60L + second(o, 25), micro(o, 25), off);
                } finally {
                    heap.decref(off);
                }
            }
            default -> {
                long self = o;
                long off;
                if (fold(o) != 0) {
                    long z = rawDatetime(datetime, year(o), month(o), day(o), hour(o, 29), minute(o, 29), second(o, 29), micro(o, 29), tz(o), 0);
                    try {
                        off = utcoffset(z, z);
                    } finally {
                        heap.decref(z);
                    }
                } else off = utcoffset(o, o);
                try {
                    if (off == heap.None) h = bytesHash(self, 10, fold(o) != 0 ? 2 : -1);
                    else h = awareHash(Cal.ymdToOrd(year(o), month(o), day(o)), hour(o, 29) * 3600L + minute(o, 29) * 60L + second(o, 29), micro(o, 29), off);
                } finally {
                    heap.decref(off);
                }
            }
        }
        Native.putLong(o + DtType.HASH, h);
        return h;
    }

    /** An aware time's or datetime's hash: the hash of the timedelta (days, seconds, micro) less its utcoffset {@code off}. */
    private long awareHash(long days, long seconds, long micro, long off) {
        long t1 = newDelta(days, seconds, micro);
        try {
            long t2 = newDeltaDiff(t1, off);
            try {
                return vm.hash(t2);
            } finally {
                heap.decref(t2);
            }
        } finally {
            heap.decref(t1);
        }
    }

    /** The hash of the data bytes (as bytes' hash), with the fold bit the data never holds. */
    private long bytesHash(long o, int len, int unused) {
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) b[i] = Native.getByte(o + 25 + i);
        long bo = heap.bytes.of(b);
        try {
            return vm.hash(bo);
        } finally {
            heap.decref(bo);
        }
    }

    long newDeltaDiff(long a, long b) { return newDelta((long) days(a) - days(b), (long) secs(a) - secs(b), (long) us(a) - us(b)); }

    long newDeltaSum(long a, long b) { return newDelta((long) days(a) + days(b), (long) secs(a) + secs(b), (long) us(a) + us(b)); }

    // ---- tzinfo calls -------------------------------------------------------------------------------

    /** call_utcoffset / call_dst: None or a timedelta strictly within a day (a new reference). */
    long callOffset(String meth, long tzinfo, long arg) {
        if (tzinfo == heap.None) return vm.incref(heap.None);
        long r = vm.callMethod(tzinfo, meth, arg);
        if (r == heap.None) return r;
        if (!isDelta(r)) {
            String tn = vm.typeName(r);
            heap.decref(r);
            throw vm.error("TypeError", "tzinfo." + meth + "() must return None or timedelta, not '" + tn + "'");
        }
        if (days(r) < -1 || days(r) > 0 || days(r) == -1 && secs(r) == 0 && us(r) == 0) {
            heap.decref(r);
            throw vm.error("ValueError", "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).");
        }
        return r;
    }

    long utcoffset(long o, long arg) { return callOffset("utcoffset", tz(o), arg); }

    long callTzname(long tzinfo, long arg) {
        if (tzinfo == heap.None) return vm.incref(heap.None);
        long r = vm.callMethod(tzinfo, "tzname", arg);
        if (r != heap.None && !vm.isInstanceOf(r, heap.strs)) {
            String tn = vm.typeName(r);
            heap.decref(r);
            throw vm.error("TypeError", "tzinfo.tzname() must return None or a string, not '" + tn + "'");
        }
        return r;
    }

    /** The tzinfo argument time methods pass: None for a time, the datetime itself. */
    long tzArg(long o) { return isDatetime(o) ? o : heap.None; }

    // ---- repr / str -------------------------------------------------------------------------------------

    String repr(DtType t, long o) {
        String tn = heap.typeOf(o) instanceof DtType ? t.name() : vm.typeName(o);
        switch (t.kind) {
            case DELTA -> {
                StringBuilder b = new StringBuilder();
                if (days(o) != 0) b.append("days=").append(days(o));
                if (secs(o) != 0) b.append(b.length() > 0 ? ", " : "").append("seconds=").append(secs(o));
                if (us(o) != 0) b.append(b.length() > 0 ? ", " : "").append("microseconds=").append(us(o));
                return tn + "(" + (b.length() == 0 ? "0" : b) + ")";
            }
            case DATE -> {
                return tn + "(" + year(o) + ", " + month(o) + ", " + day(o) + ")";
            }
            case TIME, DATETIME -> {
                int base = tb(o);
                StringBuilder b = new StringBuilder(tn).append('(');
                if (t.kind == DtType.Kind.DATETIME) b.append(year(o)).append(", ").append(month(o)).append(", ").append(day(o)).append(", ");
                b.append(hour(o, base)).append(", ").append(minute(o, base));
                if (second(o, base) != 0 || micro(o, base) != 0) b.append(", ").append(second(o, base));
                if (micro(o, base) != 0) b.append(", ").append(micro(o, base));
                // datetime_repr appends fold then tzinfo, time_repr tzinfo then fold
                if (t.kind == DtType.Kind.DATETIME && fold(o) != 0) b.append(", fold=1");
                if (tz(o) != heap.None) b.append(", tzinfo=").append(vm.repr(tz(o)));
                if (t.kind == DtType.Kind.TIME && fold(o) != 0) b.append(", fold=1");
                return b.append(')').toString();
            }
            case TZINFO -> {  // object_repr: the class's module and qualified name
                return "<" + (heap.typeOf(o) instanceof DtType ? t.name() : qualifiedName(o)) + " object at 0x" + Long.toHexString(o) + ">";
            }
            default -> {
                if (o == utc) return "datetime.timezone.utc";
                long name = Native.getLong(o + DtType.TZ_NAME);
                String off = vm.repr(Native.getLong(o + DtType.TZ_OFFSET));
                return tn + "(" + off + (name != 0 ? ", " + vm.repr(name) : "") + ")";
            }
        }
    }

    /** module.qualname of o's class (object_repr's name for an instance of a Python class). */
    private String qualifiedName(long o) {
        long cls = Heap.typeAddress(o);
        long mod = vm.getAttrOrNull(cls, "__module__"), qn = vm.getAttrOrNull(cls, "__qualname__");
        try {
            String q = qn != 0 && vm.isStr(qn) ? StrType.value(qn) : vm.typeName(o);
            return mod != 0 && vm.isStr(mod) && !StrType.value(mod).equals("builtins") ? StrType.value(mod) + "." + q : q;
        } finally {
            if (mod != 0) heap.decref(mod);
            if (qn != 0) heap.decref(qn);
        }
    }

    String str(DtType t, long o) {
        switch (t.kind) {
            case DELTA -> {
                StringBuilder b = new StringBuilder();
                int d = days(o);
                if (d != 0) b.append(d).append(" day").append(Math.abs(d) != 1 ? "s" : "").append(", ");
                int s = secs(o);
                b.append(s / 3600).append(':').append(two(s / 60 % 60)).append(':').append(two(s % 60));
                if (us(o) != 0) b.append('.').append(pad(us(o), 6));
                return b.toString();
            }
            case DATE, TIME -> {
                if (heap.typeOf(o) instanceof DtType) return t.kind == DtType.Kind.DATE ? isoDate(o) : timeIso(o, "auto", true);
                long r = vm.callMethod(o, "isoformat");
                try {
                    return vm.toStr(r);
                } finally {
                    heap.decref(r);
                }
            }
            case DATETIME -> {
                if (heap.typeOf(o) instanceof DtType) return isoDate(o) + " " + timeIso(o, "auto", true);
                long sp = vm.str(" ");
                try {
                    long r = vm.callMethod(o, "isoformat", sp);
                    try {
                        return vm.toStr(r);
                    } finally {
                        heap.decref(r);
                    }
                } finally {
                    heap.decref(sp);
                }
            }
            case TIMEZONE -> {
                return tzStr(o);
            }
            default -> {
                return repr(t, o);
            }
        }
    }

    static String two(int v) { return v < 10 ? "0" + v : Integer.toString(v); }

    static String pad(long v, int w) {
        String s = Long.toString(v);
        return "0".repeat(Math.max(0, w - s.length())) + s;
    }

    String isoDate(long o) { return pad(year(o), 4) + "-" + two(month(o)) + "-" + two(day(o)); }

    /** The time part's isoformat with {@code timespec}, then the utcoffset unless {@code !withOffset}. */
    String timeIso(long o, String spec, boolean withOffset) {
        int base = tb(o);
        int h = hour(o, base), m = minute(o, base), s = second(o, base), us = micro(o, base);
        if (spec.equals("auto")) spec = us != 0 ? "microseconds" : "seconds";
        String r = switch (spec) {
            case "hours" -> two(h);
            case "minutes" -> two(h) + ":" + two(m);
            case "seconds" -> two(h) + ":" + two(m) + ":" + two(s);
            case "milliseconds" -> two(h) + ":" + two(m) + ":" + two(s) + "." + pad(us / 1000, 3);
            case "microseconds" -> two(h) + ":" + two(m) + ":" + two(s) + "." + pad(us, 6);
            default -> throw vm.error("ValueError", "Unknown timespec value");
        };
        if (!withOffset || tz(o) == heap.None) return r;
        long off = utcoffset(o, tzArg(o));
        try {
            return r + formatOffset(off, ":");
        } finally {
            heap.decref(off);
        }
    }

    /** format_utcoffset: "" for None, else sign, HH, sep, MM, then sep SS and .ffffff when not zero. */
    String formatOffset(long off, String sep) {
        if (off == heap.None) return "";
        long total = (long) days(off) * 86400 + secs(off);
        int u = us(off);
        char sign = '+';
        if (days(off) < 0) {
            sign = '-';
            total = -total;
            if (u != 0) {
                total--;
                u = 1000000 - u;
            }
        }
        long hh = total / 3600, mm = total / 60 % 60, ss = total % 60;
        StringBuilder b = new StringBuilder().append(sign).append(two((int) hh)).append(sep).append(two((int) mm));
        if (ss != 0 || u != 0) b.append(sep).append(two((int) ss));
        if (u != 0) b.append('.').append(pad(u, 6));
        return b.toString();
    }

    String tzStr(long o) {
        long name = Native.getLong(o + DtType.TZ_NAME);
        if (name != 0) return StrType.value(name);
        long off = Native.getLong(o + DtType.TZ_OFFSET);
        if (o == utc || days(off) == 0 && secs(off) == 0 && us(off) == 0) return "UTC";
        return "UTC" + formatOffset(off, ":");  // timezone_str: UTC+HH:MM[:SS[.ffffff]]
    }

    // ---- attributes -----------------------------------------------------------------------------------

    long attr(DtType t, long o, String name) {
        switch (t.kind) {
            case DELTA -> {
                return switch (name) {
                    case "days" -> heap.ints.of(days(o));
                    case "seconds" -> heap.ints.of(secs(o));
                    case "microseconds" -> heap.ints.of(us(o));
                    default -> 0;
                };
            }
            case DATE, DATETIME, TIME -> {
                boolean dt = isDatetime(o), tm = !dt && isTime(o);
                if (!tm) {
                    switch (name) {
                        case "year": return heap.ints.of(year(o));
                        case "month": return heap.ints.of(month(o));
                        case "day": return heap.ints.of(day(o));
                        default: break;
                    }
                }
                if (dt || tm) {
                    int base = tb(o);
                    switch (name) {
                        case "hour": return heap.ints.of(hour(o, base));
                        case "minute": return heap.ints.of(minute(o, base));
                        case "second": return heap.ints.of(second(o, base));
                        case "microsecond": return heap.ints.of(micro(o, base));
                        case "fold": return heap.ints.of(fold(o));
                        case "tzinfo": return vm.incref(tz(o));
                        default: break;
                    }
                }
                return 0;
            }
            default -> {
                return 0;
            }
        }
    }

    // ---- comparison -------------------------------------------------------------------------------------

    long bool(boolean b) { return vm.incref(b ? heap.True : heap.False); }

    long diffToBool(long diff, int op) {
        return bool(switch (op) {
            case 0 -> diff < 0;
            case 1 -> diff <= 0;
            case 2 -> diff == 0;
            case 3 -> diff != 0;
            case 4 -> diff > 0;
            default -> diff >= 0;
        });
    }

    static int memcmp(long a, long b, int len) {
        for (int i = 0; i < len; i++) {
            int x = u8(a, 25 + i), y = u8(b, 25 + i);
            if (x != y) return x < y ? -1 : 1;
        }
        return 0;
    }

    long notImpl() { return vm.incref(vm.notImplemented()); }

    long richCompare(DtType t, int op, long a, long b) {
        switch (t.kind) {
            case DELTA -> {
                if (!isDelta(b)) return notImpl();
                long diff = (long) days(a) - days(b);
                if (diff == 0) diff = (long) secs(a) - secs(b);
                if (diff == 0) diff = (long) us(a) - us(b);
                return diffToBool(diff, op);
            }
            case DATE -> {
                if (isDatetime(a)) return dtCompare(op, a, b);
                if (!isDate(b)) return notImpl();
                return diffToBool(memcmp(a, b, 4), op);
            }
            case DATETIME -> {
                return dtCompare(op, a, b);
            }
            case TIME -> {
                if (!isTime(b)) return notImpl();
                long tza = tz(a), tzb = tz(b);
                if (tza == tzb) return diffToBool(memcmp(a, b, 6), op);
                long o1 = utcoffset(a, heap.None);
                try {
                    long o2 = utcoffset(b, heap.None);
                    try {
                        if (o1 == o2 || o1 != heap.None && o2 != heap.None && deltaCmp(o1, o2) == 0) return diffToBool(memcmp(a, b, 6), op);
                        if (o1 != heap.None && o2 != heap.None) {
                            long s1 = hour(a, 25) * 3600L + minute(a, 25) * 60L + second(a, 25) - days(o1) * 86400L - secs(o1);
                            long s2 = hour(b, 25) * 3600L + minute(b, 25) * 60L + second(b, 25) - days(o2) * 86400L - secs(o2);
                            long diff = s1 - s2;
                            if (diff == 0) diff = (micro(a, 25) - us(o1)) - (micro(b, 25) - us(o2));
                            return diffToBool(diff, op);
                        }
                        if (op == 2) return bool(false);
                        if (op == 3) return bool(true);
                        throw vm.error("TypeError", "can't compare offset-naive and offset-aware times");
                    } finally {
                        heap.decref(o2);
                    }
                } finally {
                    heap.decref(o1);
                }
            }
            case TIMEZONE -> {
                if (op != 2 && op != 3) return notImpl();
                if (!vm.isInstanceOf(b, timezone)) return notImpl();
                int c = deltaCmp(Native.getLong(a + DtType.TZ_OFFSET), Native.getLong(b + DtType.TZ_OFFSET));
                return bool((c == 0) == (op == 2));
            }
            default -> {
                return notImpl();
            }
        }
    }

    int deltaCmp(long a, long b) {
        long diff = (long) days(a) - days(b);
        if (diff == 0) diff = (long) secs(a) - secs(b);
        if (diff == 0) diff = (long) us(a) - us(b);
        return Long.signum(diff);
    }

    private long dtCompare(int op, long a, long b) {
        if (!isDatetime(b)) {
            if (isDate(b)) {
                if (op == 2) return bool(false);
                if (op == 3) return bool(true);
                throw vm.error("TypeError", "can't compare " + vm.typeName(a) + " to " + vm.typeName(b));
            }
            return notImpl();
        }
        if (tz(a) == tz(b)) return diffToBool(memcmp(a, b, 10), op);
        long o1 = utcoffset(a, a);
        try {
            long o2 = utcoffset(b, b);
            try {
                if (o1 == o2 || o1 != heap.None && o2 != heap.None && deltaCmp(o1, o2) == 0) {
                    int diff = memcmp(a, b, 10);
                    if ((op == 2 || op == 3) && diff == 0 && pep495Exception(a, b, o1, o2)) diff = 1;
                    return diffToBool(diff, op);
                }
                if (o1 != heap.None && o2 != heap.None) {
                    long d = subtractDatetimes(a, b, o1, o2);
                    try {
                        long diff = days(d) != 0 ? days(d) : secs(d) | us(d);
                        if ((op == 2 || op == 3) && diff == 0 && pep495Exception(a, b, o1, o2)) diff = 1;
                        return diffToBool(diff, op);
                    } finally {
                        heap.decref(d);
                    }
                }
                if (op == 2) return bool(false);
                if (op == 3) return bool(true);
                throw vm.error("TypeError", "can't compare offset-naive and offset-aware datetimes");
            } finally {
                heap.decref(o2);
            }
        } finally {
            heap.decref(o1);
        }
    }

    /** PEP 495: two datetimes in an inter-zone comparison are unequal when either's utcoffset depends on its fold. */
    private boolean pep495Exception(long a, long b, long o1, long o2) {
        if (tz(a) == tz(b)) return false;
        return flipFoldChanges(a, o1) || flipFoldChanges(b, o2);
    }

    private boolean flipFoldChanges(long o, long off) {
        long f = rawDatetime(datetime, year(o), month(o), day(o), hour(o, 29), minute(o, 29), second(o, 29), micro(o, 29), tz(o), 1 - fold(o));
        try {
            long o2 = utcoffset(f, f);
            try {
                if (o2 == off) return false;
                if (o2 == heap.None || off == heap.None) return true;
                return deltaCmp(o2, off) != 0;
            } finally {
                heap.decref(o2);
            }
        } finally {
            heap.decref(f);
        }
    }

    // ---- arithmetic -------------------------------------------------------------------------------------

    boolean deltaTrue(long o) { return days(o) != 0 || secs(o) != 0 || us(o) != 0; }

    long unary(String op, long o) {
        if (!isDelta(o)) return 0;
        return switch (op) {
            case "-" -> newDelta(-(long) days(o), -(long) secs(o), -(long) us(o));
            case "+" -> newDelta(days(o), secs(o), us(o));
            case "abs" -> days(o) < 0 ? newDelta(-(long) days(o), -(long) secs(o), -(long) us(o)) : newDelta(days(o), secs(o), us(o));
            default -> 0;
        };
    }

    /**
     * binary_op1 where an operand is one of these types (or of a Python class derived from one): a's
     * nb_ slot, then b's (first when b's class is a proper subclass of a's); a Python class's own
     * dunder is its slot. 0 when all say NotImplemented (the VM then raises its TypeError).
     */
    long binary(BinaryOp op, long a, long b) {
        String rd = "__r" + op.dunder.substring(2);
        dev.refheap.object.PyType ta = heap.typeOf(a), tb = heap.typeOf(b);
        boolean ua = vm.hasOwnPythonMethod(a, op.dunder), ub = tb != ta && vm.hasOwnPythonMethod(b, rd);
        boolean va = ua || mine(a), vb = tb != ta && (ub || mine(b));
        if (vb && vm.isSubtype(b, ta) && ta != tb) {
            long r = side(op, a, b, b, ub, rd);
            if (r != 0) return r;
            vb = false;
        }
        if (va) {
            long r = side(op, a, b, a, ua, op.dunder);
            if (r != 0) return r;
        }
        return vb ? side(op, a, b, b, ub, rd) : 0;
    }

    private boolean mine(long o) { return isDelta(o) || isDate(o); }

    /** One side's slot: the Python class's own method (NotImplemented: 0), else this module's. */
    private long side(BinaryOp op, long a, long b, long self, boolean python, String dunder) {
        if (python) {
            long r = vm.callMethod(self, dunder, self == a ? b : a);
            if (r == vm.notImplemented()) {
                heap.decref(r);
                return 0;
            }
            return r;
        }
        return slot(op, a, b, self);
    }

    /** The nb_ slot of {@code self}'s type (self is a or b). */
    long slot(BinaryOp op, long a, long b, long self) {
        if (isDelta(self)) return deltaSlot(op, a, b);
        if (isDatetime(self)) return datetimeSlot(op, a, b);
        if (isDate(self)) return dateSlot(op, a, b);
        return 0;
    }

    private long deltaSlot(BinaryOp op, long a, long b) {
        boolean da = isDelta(a), db = isDelta(b);
        switch (op) {
            case ADD -> {
                if (da && db) return newDeltaSum(a, b);
                return 0;
            }
            case SUBTRACT -> {
                if (da && db) return newDeltaDiff(a, b);
                return 0;
            }
            case MULTIPLY -> {
                if (da) {
                    if (vm.isInt(b) || vm.isInstanceOf(b, heap.ints)) return deltaFromUs(deltaUs(a).multiply(vm.asIndex(b)));
                    if (vm.isInstanceOf(b, heap.floats)) return multiplyFloat(a, b);
                } else if (db) {
                    if (vm.isInt(a) || vm.isInstanceOf(a, heap.ints)) return deltaFromUs(deltaUs(b).multiply(vm.asIndex(a)));
                    if (vm.isInstanceOf(a, heap.floats)) return multiplyFloat(b, a);
                }
                return 0;
            }
            case TRUE_DIVIDE -> {
                if (!da) return 0;
                if (db) {
                    BigInteger d = deltaUs(b);
                    if (d.signum() == 0) throw vm.error("ZeroDivisionError", "division by zero");
                    long x = heap.ints.of(deltaUs(a)), y = heap.ints.of(d);
                    try {
                        return vm.binary(BinaryOp.TRUE_DIVIDE, x, y);
                    } finally {
                        heap.decref(x);
                        heap.decref(y);
                    }
                }
                if (vm.isInt(b) || vm.isInstanceOf(b, heap.ints)) {
                    BigInteger d = vm.asIndex(b);
                    if (d.signum() == 0) throw vm.error("ZeroDivisionError", "integer division or modulo by zero");
                    return deltaFromUs(divideNearest(deltaUs(a), d));
                }
                if (vm.isInstanceOf(b, heap.floats)) return divideFloat(a, b);
                return 0;
            }
            case FLOOR_DIVIDE -> {
                if (!da) return 0;
                if (db) {
                    BigInteger d = deltaUs(b);
                    if (d.signum() == 0) throw vm.error("ZeroDivisionError", "integer division or modulo by zero");
                    return heap.ints.of(floorDiv(deltaUs(a), d));
                }
                if (vm.isInt(b) || vm.isInstanceOf(b, heap.ints)) {
                    BigInteger d = vm.asIndex(b);
                    if (d.signum() == 0) throw vm.error("ZeroDivisionError", "integer division or modulo by zero");
                    return deltaFromUs(floorDiv(deltaUs(a), d));
                }
                return 0;
            }
            case REMAINDER -> {
                if (!da || !db) return 0;
                BigInteger d = deltaUs(b);
                if (d.signum() == 0) throw vm.error("ZeroDivisionError", "integer modulo by zero");
                return deltaFromUs(deltaUs(a).subtract(floorDiv(deltaUs(a), d).multiply(d)));
            }
            default -> {
                return 0;
            }
        }
    }

    long divmod(long a, long b) {
        if (!isDelta(a) || !isDelta(b)) return 0;
        BigInteger d = deltaUs(b);
        if (d.signum() == 0) throw vm.error("ZeroDivisionError", "integer division or modulo by zero");
        BigInteger q = floorDiv(deltaUs(a), d);
        long qo = heap.ints.of(q), r = deltaFromUs(deltaUs(a).subtract(q.multiply(d)));
        long t = heap.tuples.alloc(2);
        TupleType.setItemSteal(t, 0, qo);
        TupleType.setItemSteal(t, 1, r);
        return t;
    }

    static BigInteger floorDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        if (qr[1].signum() != 0 && qr[1].signum() != b.signum()) return qr[0].subtract(BigInteger.ONE);
        return qr[0];
    }

    /** a / b rounded half to even (divide_nearest). */
    static BigInteger divideNearest(BigInteger a, BigInteger b) {
        BigInteger q = floorDiv(a, b), r = a.subtract(q.multiply(b));
        // compare 2r with b (in b's sign)
        int c = r.shiftLeft(1).abs().compareTo(b.abs());
        if (c > 0 || c == 0 && q.testBit(0)) q = q.add(BigInteger.ONE);
        return q;
    }

    /** The (numerator, denominator) of a float by its as_integer_ratio (a subclass's own method, its result checked). */
    private BigInteger[] ratio(long f) {
        if (heap.typeOf(f) != heap.floats) {
            long r = vm.callMethod(f, "as_integer_ratio");
            try {
                if (!vm.isInstanceOf(r, heap.tuples)) throw vm.error("TypeError", "unexpected return type from as_integer_ratio(): expected tuple, got '" + vm.typeName(r) + "'");
                if (TupleType.size(r) != 2) throw vm.error("ValueError", "as_integer_ratio() must return a 2-tuple");
                long n = TupleType.item(r, 0), dn = TupleType.item(r, 1);
                if (!vm.isInstanceOf(n, heap.ints) || !vm.isInstanceOf(dn, heap.ints)) throw vm.error("TypeError", "non-integer arguments in division");
                return new BigInteger[] {vm.asIndex(n), vm.asIndex(dn)};
            } finally {
                heap.decref(r);
            }
        }
        double d = vm.asDouble(f);
        if (Double.isNaN(d)) throw vm.error("ValueError", "cannot convert NaN to integer ratio");
        if (Double.isInfinite(d)) throw vm.error("OverflowError", "cannot convert Infinity to integer ratio");
        java.math.BigDecimal bd = new java.math.BigDecimal(d);
        BigInteger num = bd.unscaledValue(), den = BigInteger.ONE;
        if (bd.scale() > 0) den = BigInteger.TEN.pow(bd.scale());
        else num = num.multiply(BigInteger.TEN.pow(-bd.scale()));
        BigInteger g = num.gcd(den);
        if (g.signum() != 0) {
            num = num.divide(g);
            den = den.divide(g);
        }
        return new BigInteger[] {num, den};
    }

    private long multiplyFloat(long d, long f) {
        BigInteger[] r = ratio(f);
        return deltaFromUs(divideNearest(deltaUs(d).multiply(r[0]), r[1]));
    }

    private long divideFloat(long d, long f) {
        BigInteger[] r = ratio(f);
        if (r[0].signum() == 0) throw vm.error("ZeroDivisionError", "integer division or modulo by zero");
        BigInteger num = deltaUs(d).multiply(r[1]), den = r[0];
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        return deltaFromUs(divideNearest(num, den));
    }

    private long dateSlot(BinaryOp op, long a, long b) {
        if (op == BinaryOp.ADD) {
            long d = isDate(a) && isDelta(b) ? a : isDelta(a) && isDate(b) ? b : 0;
            if (d == 0 || isDatetime(d)) return 0;
            long dl = d == a ? b : a;
            return addDateDays(d, days(dl));
        }
        if (op == BinaryOp.SUBTRACT) {
            if (!isDate(a) || isDatetime(a)) return 0;
            if (isDate(b) && !isDatetime(b)) {
                return newDelta(Cal.ymdToOrd(year(a), month(a), day(a)) - Cal.ymdToOrd(year(b), month(b), day(b)), 0, 0);
            }
            if (isDelta(b)) return addDateDays(a, -(long) days(b));
        }
        return 0;
    }

    private long addDateDays(long d, long n) {
        long ord = Cal.ymdToOrd(year(d), month(d), day(d)) + n;
        if (ord < 1 || ord > Cal.MAXORDINAL) throw vm.error("OverflowError", "date value out of range");
        int[] ymd = Cal.ordToYmd(ord);
        return newDate(typeAddr(d), ymd[0], ymd[1], ymd[2]);
    }

    long typeAddr(long o) { return Heap.typeAddress(o); }

    private long datetimeSlot(BinaryOp op, long a, long b) {
        if (op == BinaryOp.ADD) {
            if (isDatetime(a) && isDelta(b)) return addDatetimeDelta(a, b, 1);
            if (isDelta(a) && isDatetime(b)) return addDatetimeDelta(b, a, 1);
            return 0;
        }
        if (op == BinaryOp.SUBTRACT) {
            if (!isDatetime(a)) return 0;
            if (isDatetime(b)) {
                long o1, o2;
                if (tz(a) == tz(b)) {
                    o1 = vm.incref(heap.None);
                    o2 = vm.incref(heap.None);
                } else {
                    o1 = utcoffset(a, a);
                    try {
                        o2 = utcoffset(b, b);
                    } catch (PyException e) {
                        heap.decref(o1);
                        throw e;
                    }
                    if ((o1 == heap.None) != (o2 == heap.None)) {
                        heap.decref(o1);
                        heap.decref(o2);
                        throw vm.error("TypeError", "can't subtract offset-naive and offset-aware datetimes");
                    }
                }
                try {
                    return subtractDatetimes(a, b, o1, o2);
                } finally {
                    heap.decref(o1);
                    heap.decref(o2);
                }
            }
            if (isDelta(b)) return addDatetimeDelta(a, b, -1);
        }
        return 0;
    }

    /** a - b for datetimes with offsets o1, o2 (None: naive or the same tzinfo). */
    long subtractDatetimes(long a, long b, long o1, long o2) {
        long da = Cal.ymdToOrd(year(a), month(a), day(a)), db = Cal.ymdToOrd(year(b), month(b), day(b));
        long sa = hour(a, 29) * 3600L + minute(a, 29) * 60L + second(a, 29), sb = hour(b, 29) * 3600L + minute(b, 29) * 60L + second(b, 29);
        long d = newDelta(da - db, sa - sb, (long) micro(a, 29) - micro(b, 29));
        if (o1 == heap.None || o2 == heap.None || deltaCmp(o1, o2) == 0) return d;
        try {
            long off = newDeltaDiff(o2, o1);
            try {
                return newDeltaSum(d, off);
            } finally {
                heap.decref(off);
            }
        } finally {
            heap.decref(d);
        }
    }

    long addDatetimeDelta(long dt, long dl, int factor) {
        long us = micro(dt, 29) + (long) factor * us(dl);
        long s = second(dt, 29) + minute(dt, 29) * 60L + hour(dt, 29) * 3600L + (long) factor * secs(dl);
        long d = Cal.ymdToOrd(year(dt), month(dt), day(dt)) + (long) factor * days(dl);
        s += Math.floorDiv(us, 1000000);
        us = Math.floorMod(us, 1000000);
        d += Math.floorDiv(s, 86400);
        s = Math.floorMod(s, 86400);
        if (d < 1 || d > Cal.MAXORDINAL) throw vm.error("OverflowError", "date value out of range");
        int[] ymd = Cal.ordToYmd(d);
        return newDatetime(typeAddr(dt), ymd[0], ymd[1], ymd[2], (int) (s / 3600), (int) (s / 60 % 60), (int) (s % 60), (int) us, tz(dt), 0);
    }

    // ---- module setup -----------------------------------------------------------------------------------

    private long moduleObj;

    private long module() {
        long m = vm.newModule("_datetime");
        long d = vm.moduleDict(m);
        heap.dicts.setItem(d, "date", date.typeObject());
        heap.dicts.setItem(d, "datetime", datetime.typeObject());
        heap.dicts.setItem(d, "time", time.typeObject());
        heap.dicts.setItem(d, "timedelta", delta.typeObject());
        heap.dicts.setItem(d, "tzinfo", tzinfo.typeObject());
        heap.dicts.setItem(d, "timezone", timezone.typeObject());
        long v = heap.ints.of(Cal.MINYEAR);
        heap.dicts.setItem(d, "MINYEAR", v);
        heap.decref(v);
        v = heap.ints.of(Cal.MAXYEAR);
        heap.dicts.setItem(d, "MAXYEAR", v);
        heap.decref(v);
        v = Capsule.make(vm, capsuleType, "datetime.datetime_CAPI");
        heap.dicts.setItem(d, "datetime_CAPI", v);
        heap.decref(v);
        heap.dicts.setItem(d, "UTC", utc);
        vm.giveModuleDoc(m, "_datetime");
        return m;
    }

    Capsule capsuleType;

    private void install() {
        delta = vm.registerType(new DtType(vm, "datetime.timedelta", null, DtType.Kind.DELTA, 40));
        date = vm.registerType(new DtType(vm, "datetime.date", null, DtType.Kind.DATE, 32));
        tzinfo = vm.registerType(new DtType(vm, "datetime.tzinfo", null, DtType.Kind.TZINFO, 16));
        time = vm.registerType(new DtType(vm, "datetime.time", null, DtType.Kind.TIME, 40, DtType.TIME_TZ));
        datetime = vm.registerType(new DtType(vm, "datetime.datetime", date, DtType.Kind.DATETIME, 48, DtType.DT_TZ));
        timezone = vm.registerType(new DtType(vm, "datetime.timezone", tzinfo, DtType.Kind.TIMEZONE, 32, DtType.TZ_OFFSET, DtType.TZ_NAME));
        capsuleType = vm.registerType(new Capsule(vm));
        for (DtType t : new DtType[] {delta, date, tzinfo, time, datetime, timezone}) t.mod = this;
        isoCalType = vm.newNamedTupleType("datetime.IsoCalendarDate", "year", "week", "weekday");
        utc = timezone.make();
        long zero = newDelta(0, 0, 0);
        Native.putLong(utc + DtType.TZ_OFFSET, zero);
        vm.hold(utc);
        Methods.install(this);
    }
}

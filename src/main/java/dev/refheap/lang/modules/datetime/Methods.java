package dev.refheap.lang.modules.datetime;

import dev.refheap.lang.bytecode.BinaryOp;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.Builtin;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;

/**
 * The method tables of {@code _datetime}'s types: slot wrappers, methods, class methods, getsets
 * and class attributes, in the order CPython 3.11's type dicts have them. Each entry parses its
 * arguments as the C method does and calls {@link DatetimeModule}.
 */
final class Methods {
    private final DatetimeModule m;
    private final VmApi vm;
    private final Heap heap;

    private Methods(DatetimeModule m) {
        this.m = m;
        this.vm = m.vm;
        this.heap = m.heap;
    }

    static void install(DatetimeModule m) { new Methods(m).all(); }

    private static final String[] CMP = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

    private void common(DtType t, boolean hash) {
        vm.defTpNew(t);
        t.defSlotWrapper("__repr__", (s, a, o, n, kw) -> {
            noArgs("__repr__", n, kw);
            return vm.str(m.repr(t, s));
        });
        if (hash) t.defSlotWrapper("__hash__", (s, a, o, n, kw) -> {
            noArgs("__hash__", n, kw);
            return heap.ints.of(m.hash(t, s));
        });
        t.defSlotWrapper("__str__", (s, a, o, n, kw) -> {
            noArgs("__str__", n, kw);
            return vm.str(m.str(t, s));
        });
        for (int i = 0; i < 6; i++) {
            int op = i;
            t.defSlotWrapper(CMP[i], (s, a, o, n, kw) -> {
                Params.unpack(vm, CMP[op], n, kw, 1, 1);
                return m.richCompare(t, op, s, a[o]);
            });
        }
    }

    private void binop(DtType t, BinaryOp op) {
        String name = op.dunder, rname = "__r" + op.dunder.substring(2);
        t.defSlotWrapper(name, (s, a, o, n, kw) -> {
            Params.unpack(vm, name, n, kw, 1, 1);
            long r = m.slot(op, s, a[o], s);
            return r == 0 ? vm.incref(vm.notImplemented()) : r;
        });
        t.defSlotWrapper(rname, (s, a, o, n, kw) -> {
            Params.unpack(vm, rname, n, kw, 1, 1);
            long r = m.slot(op, a[o], s, s);
            return r == 0 ? vm.incref(vm.notImplemented()) : r;
        });
    }

    private void noArgs(String name, int n, long kw) { Params.noArgs(vm, name, n, kw); }

    private long str(String s) { return vm.str(s); }

    private long ints(int... v) {
        long t = heap.tuples.alloc(v.length);
        for (int i = 0; i < v.length; i++) TupleType.setItemSteal(t, i, heap.ints.of(v[i]));
        return t;
    }

    private void attr(DtType t, String name, long v) {
        vm.setTypeAttr(t, name, v);
        heap.decref(v);
    }

    private void all() {
        delta();
        date();
        time();
        datetime();
        tzinfo();
        timezone();
    }

    // ---- timedelta ------------------------------------------------------------------------------------

    private void delta() {
        DtType t = m.delta;
        common(t, true);
        t.defSlotWrapper("__getattribute__", (s, a, o, n, kw) -> vm.getAttr(s, a[o]));
        binop(t, BinaryOp.ADD);
        binop(t, BinaryOp.SUBTRACT);
        binop(t, BinaryOp.MULTIPLY);
        binop(t, BinaryOp.REMAINDER);
        t.defSlotWrapper("__divmod__", (s, a, o, n, kw) -> {
            long r = m.divmod(s, a[o]);
            return r == 0 ? vm.incref(vm.notImplemented()) : r;
        });
        t.defSlotWrapper("__rdivmod__", (s, a, o, n, kw) -> {
            long r = m.divmod(a[o], s);
            return r == 0 ? vm.incref(vm.notImplemented()) : r;
        });
        t.defSlotWrapper("__neg__", (s, a, o, n, kw) -> m.unary("-", s));
        t.defSlotWrapper("__pos__", (s, a, o, n, kw) -> m.unary("+", s));
        t.defSlotWrapper("__abs__", (s, a, o, n, kw) -> m.unary("abs", s));
        t.defSlotWrapper("__bool__", (s, a, o, n, kw) -> m.bool(m.deltaTrue(s)));
        binop(t, BinaryOp.FLOOR_DIVIDE);
        binop(t, BinaryOp.TRUE_DIVIDE);
        t.defMethod("total_seconds", (s, a, o, n, kw) -> {
            noArgs("total_seconds", n, kw);
            long x = heap.ints.of(m.deltaUs(s)), y = heap.ints.of(1000000);
            try {
                return vm.binary(BinaryOp.TRUE_DIVIDE, x, y);
            } finally {
                heap.decref(x);
                heap.decref(y);
            }
        });
        t.defMethod("__reduce__", (s, a, o, n, kw) -> {
            noArgs("__reduce__", n, kw);
            long args = ints(DatetimeModule.days(s), DatetimeModule.secs(s), DatetimeModule.us(s));
            try {
                return heap.tuples.of(Heap.typeAddress(s), args);
            } finally {
                heap.decref(args);
            }
        });
        vm.defMember(t, "days");
        vm.defMember(t, "seconds");
        vm.defMember(t, "microseconds");
        vm.defTypeDoc(t);
        attr(t, "resolution", m.newDelta(0, 0, 1));
        attr(t, "min", m.newDelta(-999999999, 0, 0));
        attr(t, "max", m.newDelta(999999999, 86399, 999999));
        vm.orderTypeDict(t, "__new__", "__repr__", "__hash__", "__str__", "__getattribute__", "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__",
                "__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__mod__", "__rmod__", "__divmod__", "__rdivmod__", "__neg__",
                "__pos__", "__abs__", "__bool__", "__floordiv__", "__rfloordiv__", "__truediv__", "__rtruediv__", "total_seconds", "__reduce__",
                "days", "seconds", "microseconds", "__doc__", "resolution", "min", "max");
    }

    // ---- date ---------------------------------------------------------------------------------------------

    private long timestampArg(long ts, String what) {
        if (!vm.isInt(ts) && !vm.isInstanceOf(ts, heap.ints) && !vm.isInstanceOf(ts, heap.floats)) {
            // _PyTime_ObjectToTimeval: a float or an int (or __index__)
            try {
                vm.asIndex(ts);
            } catch (PyException e) {
                heap.decref(e.exc());  // replaced
                throw vm.error("TypeError", "'" + vm.typeName(ts) + "' object cannot be interpreted as an integer");
            }
        }
        return ts;
    }

    /** _PyTime_ObjectToTimeval with ROUND_HALF_EVEN: {seconds, microseconds}. */
    long[] timeval(long ts) {
        if (vm.isInstanceOf(ts, heap.floats)) {
            double d = vm.asDouble(ts);
            if (Double.isNaN(d)) throw vm.error("ValueError", "Invalid value NaN (not a number)");
            double ip = d < 0 ? Math.ceil(d) : Math.floor(d);
            double fp = (d - ip) * 1e6;
            fp = Math.rint(fp);
            if (fp >= 1e6) {
                fp -= 1e6;
                ip += 1.0;
            } else if (fp < 0) {
                fp += 1e6;
                ip -= 1.0;
            }
            if (!(ip >= -9.223372036854776E18 && ip < 9.223372036854776E18)) throw vm.error("OverflowError", "timestamp out of range for platform time_t");
            return new long[] {(long) ip, (long) fp};
        }
        java.math.BigInteger v = vm.asIndex(ts);
        if (v.bitLength() > 63) throw vm.error("OverflowError", "timestamp out of range for platform time_t");
        return new long[] {v.longValue(), 0};
    }

    /** localtime or gmtime of {@code secs} through the time module: {y, m, d, H, M, S, gmtoff} and the zone name in {@code zone[0]}. */
    long[] tm(long secs, boolean local, String[] zone) {
        long timeMod = importModule("time");
        long ts = heap.ints.of(secs);
        try {
            long st;
            try {
                st = vm.callMethod(timeMod, local ? "localtime" : "gmtime", ts);
            } catch (PyException e) {
                if (vm.isInstance(e, "OverflowError") || vm.isInstance(e, "OSError") || vm.isInstance(e, "ValueError")) {
                    heap.decref(e.exc());  // replaced
                    throw vm.error("OverflowError", "timestamp out of range for platform time_t");
                }
                throw e;
            }
            try {
                long[] r = new long[7];
                for (int i = 0; i < 6; i++) r[i] = field(st, i);
                long g = vm.getAttrOrNull(st, "tm_gmtoff");
                if (g != 0) {
                    r[6] = g == heap.None ? 0 : vm.asIndex(g).longValue();
                    heap.decref(g);
                }
                if (zone != null) {
                    long z = vm.getAttrOrNull(st, "tm_zone");
                    if (z != 0) {
                        zone[0] = z == heap.None ? null : StrType.value(z);
                        heap.decref(z);
                    }
                }
                return r;
            } finally {
                heap.decref(st);
            }
        } finally {
            heap.decref(ts);
            heap.decref(timeMod);
        }
    }

    private long field(long seq, int i) {
        long k = heap.ints.of(i);
        try {
            long v = vm.getItem(seq, k);
            try {
                return vm.asIndex(v).longValue();
            } finally {
                heap.decref(v);
            }
        } finally {
            heap.decref(k);
        }
    }

    long importModule(String name) {
        long n = vm.str(name);
        try {
            return vm.call(heap.dicts.getItem(vm.builtinsDict(), "__import__"), n);
        } finally {
            heap.decref(n);
        }
    }

    /** local(u): seconds since 0001-01-01 of localtime(u - epoch). */
    long local(long u) {
        long[] r = tm(u - Cal.EPOCH_SECONDS, true, null);
        if (r[0] < 1 || r[0] > 9999) throw vm.error("OverflowError", "timestamp out of range for platform time_t");
        return Cal.utcToSeconds((int) r[0], (int) r[1], (int) r[2], (int) r[3], (int) r[4], (int) r[5]);
    }

    static final long MAX_FOLD_SECONDS = 24 * 3600;

    long localToSeconds(int y, int mo, int d, int h, int mi, int s, int fold) {
        long t = Cal.utcToSeconds(y, mo, d, h, mi, s);
        long lt = local(t);
        long a = lt - t, u1 = t - a, t1 = local(u1), b, u2;
        if (t1 == t) {
            u2 = fold != 0 ? u1 + MAX_FOLD_SECONDS : u1 - MAX_FOLD_SECONDS;
            lt = local(u2);
            b = lt - u2;
            if (a == b) return u1;
        } else {
            b = t1 - u1;
        }
        u2 = t - b;
        long t2 = local(u2);
        if (t2 == t) return u2;
        if (t1 == t) return u1;
        return fold != 0 ? Math.min(u1, u2) : Math.max(u1, u2);
    }

    /** datetime_from_timet_and_us: cls's instance for (timet, us) by localtime or gmtime, fold probed for a local naive one. */
    long fromTimetUs(long cls, boolean local, long timet, int us, long tzinfo) {
        long[] r = tm(timet, local, null);
        if (r[0] < 1 || r[0] > 9999) throw vm.error("ValueError", "year " + r[0] + " is out of range");
        int second = (int) Math.min(59, r[5]);
        int fold = 0;
        if (tzinfo == heap.None && local) {
            long result = Cal.utcToSeconds((int) r[0], (int) r[1], (int) r[2], (int) r[3], (int) r[4], (int) r[5]);
            long probe = local(Cal.EPOCH_SECONDS + timet - MAX_FOLD_SECONDS);
            long transition = result - probe - MAX_FOLD_SECONDS;
            if (transition < 0) {
                probe = local(Cal.EPOCH_SECONDS + timet + transition);
                if (probe == result) fold = 1;
            }
        }
        return m.newDatetime(cls, (int) r[0], (int) r[1], (int) r[2], (int) r[3], (int) r[4], second, us, tzinfo, fold);
    }

    long datetimeFromTimestamp(long cls, boolean local, long ts, long tzinfo) {
        long[] tv = timeval(ts);
        return fromTimetUs(cls, local, tv[0], (int) tv[1], tzinfo);
    }

    long dateFromTimestamp(long cls, long ts) {
        long[] tv = timeval(ts);
        long[] r = tm(tv[0], true, null);
        return m.newDate(cls, (int) r[0], (int) r[1], (int) r[2]);
    }

    private long nowTimestamp() {
        long timeMod = importModule("time");
        try {
            return vm.callMethod(timeMod, "time");
        } finally {
            heap.decref(timeMod);
        }
    }

    /** time.struct_time((y, m, d, hh, mm, ss, wday, yday, dst)). */
    long structTime(int y, int mo, int d, int hh, int mm, int ss, int dst) {
        int wday = Cal.weekday(y, mo, d), yday = Cal.daysBeforeMonth(y, mo) + d;
        long tup = ints(y, mo, d, hh, mm, ss, wday, yday, dst);
        long timeMod = importModule("time");
        try {
            long st = vm.getAttrOrNull(timeMod, "struct_time");
            try {
                return vm.call(st, tup);
            } finally {
                heap.decref(st);
            }
        } finally {
            heap.decref(timeMod);
            heap.decref(tup);
        }
    }

    /** wrap_strftime: %z, %Z and %f replaced, then time.strftime(format, timetuple). */
    long strftime(long o, long fmt, long timetuple, long tzinfoarg) {
        if (!vm.isStr(fmt)) throw vm.error("TypeError", "strftime() argument 1 must be str, not " + vm.argTypeName(fmt));
        utf8(fmt);
        String f = StrType.value(fmt);
        StringBuilder b = new StringBuilder();
        boolean hasTz = (m.isTime(o) || m.isDatetime(o)) && m.tz(o) != heap.None;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c != '%' || i + 1 >= f.length()) {
                b.append(c);
                continue;
            }
            char k = f.charAt(++i);
            if (k == 'z') {
                if (hasTz) {
                    long off = m.callOffset("utcoffset", m.tz(o), tzinfoarg);
                    try {
                        b.append(m.formatOffset(off, ""));
                    } finally {
                        heap.decref(off);
                    }
                }
            } else if (k == 'Z') {
                if (hasTz) {
                    long name = m.callTzname(m.tz(o), tzinfoarg);
                    try {
                        if (name != heap.None) {  // its own replace('%', '%%'), which must give a str
                            long pc = vm.str("%"), pp = vm.str("%%");
                            long r;
                            try {
                                r = vm.callMethod(name, "replace", pc, pp);
                            } finally {
                                heap.decref(pc);
                                heap.decref(pp);
                            }
                            try {
                                if (!vm.isInstanceOf(r, heap.strs)) throw vm.error("TypeError", "tzname.replace() did not return a string");
                                utf8(r);
                                b.append(StrType.value(r));
                            } finally {
                                heap.decref(r);
                            }
                        }
                    } finally {
                        heap.decref(name);
                    }
                }
            } else if (k == 'f') {
                int us = m.isTime(o) || m.isDatetime(o) ? DatetimeModule.micro(o, m.tb(o)) : 0;
                b.append(DatetimeModule.pad(us, 6));
            } else {
                b.append('%').append(k);
            }
        }
        long timeMod = importModule("time");
        long nf = vm.str(b.toString());
        try {
            return vm.callMethod(timeMod, "strftime", nf, timetuple);
        } finally {
            heap.decref(nf);
            heap.decref(timeMod);
        }
    }

    /** wrap_strftime works on the UTF-8 of the format and the %Z name: a lone surrogate is UnicodeEncodeError. */
    private void utf8(long str) { heap.decref(vm.encode(str, "utf-8", "strict")); }

    private long format(long s, long[] a, int o, int n, long kw) {
        long[] p = m.args("__format__", new String[] {"format"}, 1, 1, a, o, n, kw);
        if (!vm.isStr(p[0])) throw vm.error("TypeError", "__format__() argument 1 must be str, not " + vm.argTypeName(p[0]));
        if (StrType.length(p[0]) == 0) return vm.str(vm.toStr(s));
        return vm.callMethod(s, "strftime", p[0]);
    }

    private long isoCalendar(int y, int mo, int d) {
        int[] c = Cal.isoCalendar(y, mo, d);
        return vm.newStructSeq(m.isoCalType, heap.ints.of(c[0]), heap.ints.of(c[1]), heap.ints.of(c[2]));  // the items stolen
    }

    private long strArgForIso(long s) {
        if (!vm.isStr(s)) throw vm.error("TypeError", "fromisoformat: argument must be str");
        return s;
    }

    /** The string's code points, each one char: a non-ASCII one (which no field may hold; a separator may) as U+0001. */
    private String isoText(long s) {
        long n = StrType.length(s);
        StringBuilder b = new StringBuilder((int) n);
        for (long i = 0; i < n; i++) {
            int c = StrType.codePointAt(s, i);
            b.append(c < 128 ? (char) c : '\u0001');
        }
        return b.toString();
    }

    private void date() {
        DtType t = m.date;
        common(t, true);
        t.defSlotWrapper("__getattribute__", (s, a, o, n, kw) -> vm.getAttr(s, a[o]));
        binop(t, BinaryOp.ADD);
        binop(t, BinaryOp.SUBTRACT);
        t.defClassMethod("fromtimestamp", (s, a, o, n, kw) -> {
            Params.unpack(vm, "fromtimestamp", n, kw, 1, 1);
            return dateFromTimestamp(s, timestampArg(a[o], "date"));
        });
        t.defClassMethod("fromordinal", (s, a, o, n, kw) -> {
            long[] p = m.args("fromordinal", new String[] {"ordinal"}, 1, 1, a, o, n, kw);
            int ord = m.cint(p[0]);
            if (ord < 1) throw vm.error("ValueError", "ordinal must be >= 1");
            int[] ymd = Cal.ordToYmd(ord);
            if (ord > Cal.MAXORDINAL) throw vm.error("ValueError", "year " + ymd[0] + " is out of range");
            return m.newDate(s, ymd[0], ymd[1], ymd[2]);
        });
        t.defClassMethod("fromisoformat", (s, a, o, n, kw) -> {
            Params.unpack(vm, "fromisoformat", n, kw, 1, 1);
            String str = isoText(strArgForIso(a[o]));
            int[] ymd = Iso.parseDate(str);
            if (ymd == null || str.length() != Iso.dateLength(str)) throw invalidIso(a[o]);
            m.checkDate(ymd[0], ymd[1], ymd[2]);
            return m.newDate(s, ymd[0], ymd[1], ymd[2]);
        });
        t.defClassMethod("fromisocalendar", (s, a, o, n, kw) -> {
            long[] p = m.args("fromisocalendar", new String[] {"year", "week", "day"}, 3, 3, a, o, n, kw);
            int y, w, d;
            try {
                y = m.cint(p[0]);
                w = m.cint(p[1]);
                d = m.cint(p[2]);
            } catch (PyException e) {
                if (!vm.isInstance(e, "OverflowError")) throw e;
                heap.decref(e.exc());  // replaced
                throw vm.error("ValueError", "ISO calendar component out of range");
            }
            int[] ymd = fromIsoCalendar(y, w, d);
            return m.newDate(s, ymd[0], ymd[1], ymd[2]);
        });
        t.defClassMethod("today", (s, a, o, n, kw) -> {
            noArgs("today", n, kw);
            long ts = nowTimestamp();
            try {
                return vm.callMethod(s, "fromtimestamp", ts);
            } finally {
                heap.decref(ts);
            }
        });
        t.defMethod("ctime", (s, a, o, n, kw) -> {
            noArgs("ctime", n, kw);
            return str(ctime(s, 0, 0, 0));
        });
        t.defMethod("strftime", (s, a, o, n, kw) -> {
            long[] p = m.args("strftime", new String[] {"format"}, 1, 1, a, o, n, kw);
            if (!vm.isStr(p[0])) throw vm.error("TypeError", "strftime() argument 1 must be str, not " + vm.argTypeName(p[0]));
            long tt = vm.callMethod(s, "timetuple");
            try {
                return strftime(s, p[0], tt, s);  // a datetime's tzinfo methods get the datetime
            } finally {
                heap.decref(tt);
            }
        });
        t.defMethod("__format__", this::format);
        t.defMethod("timetuple", (s, a, o, n, kw) -> {
            noArgs("timetuple", n, kw);
            return structTime(DatetimeModule.year(s), DatetimeModule.month(s), DatetimeModule.day(s), 0, 0, 0, -1);
        });
        t.defMethod("isocalendar", (s, a, o, n, kw) -> {
            noArgs("isocalendar", n, kw);
            return isoCalendar(DatetimeModule.year(s), DatetimeModule.month(s), DatetimeModule.day(s));
        });
        t.defMethod("isoformat", (s, a, o, n, kw) -> {
            noArgs("isoformat", n, kw);
            return str(m.isoDate(s));
        });
        t.defMethod("isoweekday", (s, a, o, n, kw) -> {
            noArgs("isoweekday", n, kw);
            return heap.ints.of(Cal.weekday(DatetimeModule.year(s), DatetimeModule.month(s), DatetimeModule.day(s)) + 1);
        });
        t.defMethod("toordinal", (s, a, o, n, kw) -> {
            noArgs("toordinal", n, kw);
            return heap.ints.of(Cal.ymdToOrd(DatetimeModule.year(s), DatetimeModule.month(s), DatetimeModule.day(s)));
        });
        t.defMethod("weekday", (s, a, o, n, kw) -> {
            noArgs("weekday", n, kw);
            return heap.ints.of(Cal.weekday(DatetimeModule.year(s), DatetimeModule.month(s), DatetimeModule.day(s)));
        });
        t.defMethod("replace", (s, a, o, n, kw) -> {
            long[] p = m.args("replace", new String[] {"year", "month", "day"}, 0, 3, a, o, n, kw);
            int y = m.cintOr(p[0], DatetimeModule.year(s)), mo = m.cintOr(p[1], DatetimeModule.month(s)), d = m.cintOr(p[2], DatetimeModule.day(s));
            m.checkDate(y, mo, d);
            return t.makeFor(Heap.typeAddress(s), () -> m.rawDate(t, y, mo, d));
        });
        t.defMethod("__reduce__", (s, a, o, n, kw) -> {
            noArgs("__reduce__", n, kw);
            return reduce(s, 4, 0, heap.None);
        });
        vm.defGetSet(t, "year");
        vm.defGetSet(t, "month");
        vm.defGetSet(t, "day");
        vm.defTypeDoc(t);
        attr(t, "min", m.rawDate(t, 1, 1, 1));
        attr(t, "max", m.rawDate(t, 9999, 12, 31));
        attr(t, "resolution", m.newDelta(1, 0, 0));
        vm.orderTypeDict(t, "__new__", "__repr__", "__hash__", "__str__", "__getattribute__", "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__",
                "__add__", "__radd__", "__sub__", "__rsub__", "fromtimestamp", "fromordinal", "fromisoformat", "fromisocalendar", "today", "ctime",
                "strftime", "__format__", "timetuple", "isocalendar", "isoformat", "isoweekday", "toordinal", "weekday", "replace", "__reduce__",
                "year", "month", "day", "__doc__", "min", "max", "resolution");
    }

    PyException invalidIso(long s) { return vm.error("ValueError", "Invalid isoformat string: " + vm.repr(s)); }

    int[] fromIsoCalendar(int y, int w, int d) {
        if (y < Cal.MINYEAR || y > Cal.MAXYEAR) throw vm.error("ValueError", "Year is out of range: " + y);
        if (w <= 0 || w >= 53) {
            boolean outOfRange = true;
            if (w == 53) {
                int first = Cal.weekday(y, 1, 1);
                if (first == 3 || first == 2 && Cal.isLeap(y)) outOfRange = false;
            }
            if (outOfRange) throw vm.error("ValueError", "Invalid week: " + w);
        }
        if (d <= 0 || d >= 8) throw vm.error("ValueError", "Invalid day: " + d + " (range is [1, 7])");
        long ord = Cal.isoWeek1Monday(y) + (w - 1) * 7L + (d - 1);
        return Cal.ordToYmd(ord);
    }

    String ctime(long o, int hh, int mm, int ss) {
        int y = DatetimeModule.year(o), mo = DatetimeModule.month(o), d = DatetimeModule.day(o);
        String ds = d < 10 ? " " + d : Integer.toString(d);
        return Cal.DAY_NAMES[Cal.weekday(y, mo, d)] + " " + Cal.MONTH_NAMES[mo - 1] + " " + ds + " " + DatetimeModule.two(hh) + ":" + DatetimeModule.two(mm) + ":"
                + DatetimeModule.two(ss) + " " + DatetimeModule.pad(y, 4);
    }

    /** time's and datetime's __reduce_ex__(protocol) and __reduce__ (protocol 2) over their {@code len} state bytes and tzinfo. */
    private void defReduce(DtType t, int len) {
        t.defMethod("__reduce_ex__", (s, a, o, n, kw) -> {
            Params.unpack(vm, "__reduce_ex__", n, kw, 1, 1);
            return reduce(s, len, m.cint(a[o]), m.tz(s));
        });
        t.defMethod("__reduce__", (s, a, o, n, kw) -> {
            noArgs("__reduce__", n, kw);
            return reduce(s, len, 2, m.tz(s));
        });
    }

    /** (type(o), (state bytes,)) or (type(o), (state, tzinfo)); the fold bit in byte {@code foldByte} (-1: none) when {@code fold}. */
    private long reduce(long o, int len, int proto, long tz) {
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) b[i] = Native.getByte(o + 25 + i);
        if (proto > 3 && len > 4 && m.fold(o) != 0) {
            int at = len == 6 ? 0 : 2;
            b[at] |= (byte) 0x80;
        }
        long bytes = heap.bytes.of(b);
        long args = tz == heap.None ? heap.tuples.of(bytes) : heap.tuples.of(bytes, tz);
        heap.decref(bytes);
        try {
            return heap.tuples.of(Heap.typeAddress(o), args);
        } finally {
            heap.decref(args);
        }
    }

    // ---- time ---------------------------------------------------------------------------------------------

    private long tzMethod(long s, String which) {
        long tz = m.tz(s);
        if (which.equals("tzname")) return m.callTzname(tz, m.tzArg(s));
        return m.callOffset(which, tz, m.tzArg(s));
    }

    private void time() {
        DtType t = m.time;
        common(t, true);
        t.defSlotWrapper("__getattribute__", (s, a, o, n, kw) -> vm.getAttr(s, a[o]));
        t.defMethod("isoformat", (s, a, o, n, kw) -> {
            long[] p = m.args("isoformat", new String[] {"timespec"}, 0, 1, a, o, n, kw);
            String spec = p[0] == 0 ? "auto" : specArg(p[0], 1);
            return str(m.timeIso(s, spec, true));
        });
        t.defMethod("strftime", (s, a, o, n, kw) -> {
            long[] p = m.args("strftime", new String[] {"format"}, 1, 1, a, o, n, kw);
            if (!vm.isStr(p[0])) throw vm.error("TypeError", "strftime() argument 1 must be str, not " + vm.argTypeName(p[0]));
            long tt = ints(1900, 1, 1, DatetimeModule.hour(s, 25), DatetimeModule.minute(s, 25), DatetimeModule.second(s, 25), 0, 1, -1);
            try {
                return strftime(s, p[0], tt, heap.None);
            } finally {
                heap.decref(tt);
            }
        });
        t.defMethod("__format__", this::format);
        for (String w : new String[] {"utcoffset", "tzname", "dst"}) {
            t.defMethod(w, (s, a, o, n, kw) -> {
                noArgs(w, n, kw);
                return tzMethod(s, w);
            });
        }
        t.defMethod("replace", (s, a, o, n, kw) -> {
            long[] p = m.args("replace", new String[] {"hour", "minute", "second", "microsecond", "tzinfo", "fold"}, 0, 5, a, o, n, kw);
            int h = m.cintOr(p[0], DatetimeModule.hour(s, 25)), mi = m.cintOr(p[1], DatetimeModule.minute(s, 25)), se = m.cintOr(p[2], DatetimeModule.second(s, 25)),
                    us = m.cintOr(p[3], DatetimeModule.micro(s, 25)), f = m.cintOr(p[5], m.fold(s));
            long tz = p[4] == 0 ? m.tz(s) : p[4];
            m.checkTime(h, mi, se, us, f);
            m.checkTzinfo(tz);
            return t.makeFor(Heap.typeAddress(s), () -> m.rawTime(t, h, mi, se, us, tz, f));
        });
        t.defClassMethod("fromisoformat", (s, a, o, n, kw) -> {
            Params.unpack(vm, "fromisoformat", n, kw, 1, 1);
            String str = isoText(strArgForIso(a[o]));
            String body = str.startsWith("T") ? str.substring(1) : str;
            Iso.Time tm = Iso.parseTime(body);
            if (tm == null) throw invalidIso(a[o]);
            long tz = isoTz(tm);
            try {
                return m.newTime(s, tm.h, tm.m, tm.s, tm.us, tz, 0);
            } finally {
                heap.decref(tz);
            }
        });
        defReduce(t, 6);
        for (String g : new String[] {"hour", "minute", "second", "microsecond", "tzinfo", "fold"}) vm.defGetSet(t, g);
        vm.defTypeDoc(t);
        attr(t, "min", m.rawTime(t, 0, 0, 0, 0, heap.None, 0));
        attr(t, "max", m.rawTime(t, 23, 59, 59, 999999, heap.None, 0));
        attr(t, "resolution", m.newDelta(0, 0, 1));
        vm.orderTypeDict(t, "__new__", "__repr__", "__hash__", "__str__", "__getattribute__", "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__",
                "isoformat", "strftime", "__format__", "utcoffset", "tzname", "dst", "replace", "fromisoformat", "__reduce_ex__", "__reduce__",
                "hour", "minute", "second", "microsecond", "tzinfo", "fold", "__doc__", "min", "max", "resolution");
    }

    /** The timespec argument (parameter {@code pos}, 1-based), as the "s" converter takes it. */
    private String specArg(long v, int pos) {
        if (!vm.isStr(v)) throw vm.error("TypeError", "isoformat() argument " + pos + " must be str, not " + vm.argTypeName(v));  // the position even for a keyword (getargs' "s")
        return StrType.value(v);
    }

    /** The tzinfo an ISO string's offset names (a new reference): None, timezone.utc or timezone(offset). */
    private long isoTz(Iso.Time tm) {
        if (!tm.hasTz) return vm.incref(heap.None);
        long d = m.newDelta(0, (long) tm.tzSign * tm.tzSeconds, (long) tm.tzSign * tm.tzUs);
        try {
            if (DatetimeModule.days(d) < -1 || DatetimeModule.days(d) > 0) throw vm.error("ValueError", "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not " + vm.repr(d) + ".");
            return m.newTimezone(d, 0);
        } finally {
            heap.decref(d);
        }
    }

    // ---- datetime -------------------------------------------------------------------------------------------

    private long localTimezoneFromTimestamp(long ts) {
        String[] zone = new String[1];
        long[] r = tm(ts, true, zone);
        long d = m.newDelta(0, r[6], 0);
        try {
            long name = zone[0] == null ? 0 : vm.str(zone[0]);
            try {
                return m.newTimezone(d, name);
            } finally {
                if (name != 0) heap.decref(name);
            }
        } finally {
            heap.decref(d);
        }
    }

    private long localTimezoneFromLocal(long o) {
        long secs = localToSeconds(DatetimeModule.year(o), DatetimeModule.month(o), DatetimeModule.day(o), DatetimeModule.hour(o, 29),
                DatetimeModule.minute(o, 29), DatetimeModule.second(o, 29), m.fold(o));
        return localTimezoneFromTimestamp(secs - Cal.EPOCH_SECONDS);
    }

    private long timestamp(long s) {
        if (m.tz(s) != heap.None) {
            long off = m.utcoffset(s, s);
            try {
                if (off != heap.None) {
                    long epoch = m.rawDatetime(m.datetime, 1970, 1, 1, 0, 0, 0, 0, m.utc, 0);
                    try {
                        long d = m.subtractDatetimes(s, epoch, off, zeroDelta());
                        try {
                            return vm.callMethod(d, "total_seconds");
                        } finally {
                            heap.decref(d);
                        }
                    } finally {
                        heap.decref(epoch);
                    }
                }
            } finally {
                heap.decref(off);
            }
        }
        long secs = localToSeconds(DatetimeModule.year(s), DatetimeModule.month(s), DatetimeModule.day(s), DatetimeModule.hour(s, 29),
                DatetimeModule.minute(s, 29), DatetimeModule.second(s, 29), m.fold(s));
        return heap.floats.of((double) (secs - Cal.EPOCH_SECONDS) + DatetimeModule.micro(s, 29) / 1e6);
    }

    private long zero;

    private long zeroDelta() {
        if (zero == 0) zero = vm.hold(m.newDelta(0, 0, 0));
        return zero;
    }

    private void datetime() {
        DtType t = m.datetime;
        common(t, true);
        t.defSlotWrapper("__getattribute__", (s, a, o, n, kw) -> vm.getAttr(s, a[o]));
        binop(t, BinaryOp.ADD);
        binop(t, BinaryOp.SUBTRACT);
        t.defClassMethod("now", (s, a, o, n, kw) -> {
            long[] p = m.args("now", new String[] {"tz"}, 0, 1, a, o, n, kw);
            long tz = p[0] == 0 ? heap.None : p[0];
            m.checkTzinfo(tz);
            long ts = nowTimestamp();
            try {
                long r = datetimeFromTimestamp(s, tz == heap.None, ts, tz);
                if (tz == heap.None) return r;
                try {
                    return vm.callMethod(tz, "fromutc", r);
                } finally {
                    heap.decref(r);
                }
            } finally {
                heap.decref(ts);
            }
        });
        t.defClassMethod("utcnow", (s, a, o, n, kw) -> {
            noArgs("utcnow", n, kw);
            long ts = nowTimestamp();
            try {
                return datetimeFromTimestamp(s, false, ts, heap.None);
            } finally {
                heap.decref(ts);
            }
        });
        t.defClassMethod("fromtimestamp", (s, a, o, n, kw) -> {
            long[] p = m.args("fromtimestamp", new String[] {"timestamp", "tz"}, 1, 2, a, o, n, kw);
            long tz = p[1] == 0 ? heap.None : p[1];
            m.checkTzinfo(tz);
            long r = datetimeFromTimestamp(s, tz == heap.None, timestampArg(p[0], "datetime"), tz);
            if (tz == heap.None) return r;
            try {
                return vm.callMethod(tz, "fromutc", r);
            } finally {
                heap.decref(r);
            }
        });
        t.defClassMethod("utcfromtimestamp", (s, a, o, n, kw) -> {
            Params.unpack(vm, "utcfromtimestamp", n, kw, 1, 1);
            return datetimeFromTimestamp(s, false, timestampArg(a[o], "datetime"), heap.None);
        });
        t.defClassMethod("strptime", (s, a, o, n, kw) -> {
            Params.unpack(vm, "strptime", n, kw, 2, 2);
            if (!vm.isStr(a[o])) throw vm.error("TypeError", "strptime() argument 1 must be str, not " + vm.argTypeName(a[o]));
            if (!vm.isStr(a[o + 1])) throw vm.error("TypeError", "strptime() argument 2 must be str, not " + vm.argTypeName(a[o + 1]));
            long mod = importModule("_strptime");
            try {
                return vm.callMethod(mod, "_strptime_datetime", s, a[o], a[o + 1]);
            } finally {
                heap.decref(mod);
            }
        });
        t.defClassMethod("combine", (s, a, o, n, kw) -> {
            long[] p = m.args("combine", new String[] {"date", "time", "tzinfo"}, 2, 3, a, o, n, kw);
            if (!m.isDate(p[0])) throw vm.error("TypeError", "combine() argument 1 must be datetime.date, not " + vm.argTypeName(p[0]));
            if (!m.isTime(p[1])) throw vm.error("TypeError", "combine() argument 2 must be datetime.time, not " + vm.argTypeName(p[1]));
            long tz = p[2] == 0 ? m.tz(p[1]) : p[2];
            long d = p[0], tm = p[1];
            return m.newDatetime(s, DatetimeModule.year(d), DatetimeModule.month(d), DatetimeModule.day(d), DatetimeModule.hour(tm, 25), DatetimeModule.minute(tm, 25),
                    DatetimeModule.second(tm, 25), DatetimeModule.micro(tm, 25), tz, m.fold(tm));
        });
        t.defClassMethod("fromisoformat", (s, a, o, n, kw) -> {
            Params.unpack(vm, "fromisoformat", n, kw, 1, 1);
            String str = isoText(strArgForIso(a[o]));
            Iso.DateTime r = Iso.parseDateTime(str);
            if (r == null) throw invalidIso(a[o]);
            m.checkDate(r.date[0], r.date[1], r.date[2]);
            long tz = isoTz(r.time);
            try {
                Iso.Time tm = r.time;
                return m.newDatetime(s, r.date[0], r.date[1], r.date[2], tm.h, tm.m, tm.s, tm.us, tz, 0);
            } finally {
                heap.decref(tz);
            }
        });
        t.defMethod("date", (s, a, o, n, kw) -> {
            noArgs("date", n, kw);
            return m.rawDate(m.date, DatetimeModule.year(s), DatetimeModule.month(s), DatetimeModule.day(s));
        });
        t.defMethod("time", (s, a, o, n, kw) -> {
            noArgs("time", n, kw);
            return m.rawTime(m.time, DatetimeModule.hour(s, 29), DatetimeModule.minute(s, 29), DatetimeModule.second(s, 29), DatetimeModule.micro(s, 29), heap.None, m.fold(s));
        });
        t.defMethod("timetz", (s, a, o, n, kw) -> {
            noArgs("timetz", n, kw);
            return m.rawTime(m.time, DatetimeModule.hour(s, 29), DatetimeModule.minute(s, 29), DatetimeModule.second(s, 29), DatetimeModule.micro(s, 29), m.tz(s), m.fold(s));
        });
        t.defMethod("ctime", (s, a, o, n, kw) -> {
            noArgs("ctime", n, kw);
            return str(ctime(s, DatetimeModule.hour(s, 29), DatetimeModule.minute(s, 29), DatetimeModule.second(s, 29)));
        });
        t.defMethod("timetuple", (s, a, o, n, kw) -> {
            noArgs("timetuple", n, kw);
            int dst = -1;
            if (m.tz(s) != heap.None) {
                long d = m.callOffset("dst", m.tz(s), s);
                try {
                    if (d != heap.None) dst = m.deltaTrue(d) ? 1 : 0;
                } finally {
                    heap.decref(d);
                }
            }
            return structTime(DatetimeModule.year(s), DatetimeModule.month(s), DatetimeModule.day(s), DatetimeModule.hour(s, 29), DatetimeModule.minute(s, 29),
                    DatetimeModule.second(s, 29), dst);
        });
        t.defMethod("timestamp", (s, a, o, n, kw) -> {
            noArgs("timestamp", n, kw);
            return timestamp(s);
        });
        t.defMethod("utctimetuple", (s, a, o, n, kw) -> {
            noArgs("utctimetuple", n, kw);
            long u = vm.incref(s);
            if (m.tz(s) != heap.None) {
                long off = m.utcoffset(s, s);
                try {
                    if (off != heap.None) {
                        heap.decref(u);
                        u = m.addDatetimeDelta(s, off, -1);
                    }
                } finally {
                    heap.decref(off);
                }
            }
            try {
                return structTime(DatetimeModule.year(u), DatetimeModule.month(u), DatetimeModule.day(u), DatetimeModule.hour(u, 29), DatetimeModule.minute(u, 29),
                        DatetimeModule.second(u, 29), 0);
            } finally {
                heap.decref(u);
            }
        });
        t.defMethod("isoformat", (s, a, o, n, kw) -> {
            long[] p = m.args("isoformat", new String[] {"sep", "timespec"}, 0, 2, a, o, n, kw);
            String sep = "T";
            if (p[0] != 0) {
                if (!vm.isStr(p[0])) throw vm.error("TypeError", "isoformat() argument 1 must be a unicode character, not " + vm.argTypeName(p[0]));
                if (StrType.length(p[0]) != 1) throw vm.error("TypeError", "isoformat() argument 1 must be a unicode character, not str");
                sep = StrType.value(p[0]);
            }
            String spec = p[1] == 0 ? "auto" : specArg(p[1], 2);
            return str(m.isoDate(s) + sep + m.timeIso(s, spec, true));
        });
        for (String w : new String[] {"utcoffset", "tzname", "dst"}) {
            t.defMethod(w, (s, a, o, n, kw) -> {
                noArgs(w, n, kw);
                return tzMethod(s, w);
            });
        }
        t.defMethod("replace", (s, a, o, n, kw) -> {
            long[] p = m.args("replace", DT_REPLACE, 0, 8, a, o, n, kw);
            int y = m.cintOr(p[0], DatetimeModule.year(s)), mo = m.cintOr(p[1], DatetimeModule.month(s)), d = m.cintOr(p[2], DatetimeModule.day(s));
            int h = m.cintOr(p[3], DatetimeModule.hour(s, 29)), mi = m.cintOr(p[4], DatetimeModule.minute(s, 29)), se = m.cintOr(p[5], DatetimeModule.second(s, 29)),
                    us = m.cintOr(p[6], DatetimeModule.micro(s, 29)), f = m.cintOr(p[8], m.fold(s));
            long tz = p[7] == 0 ? m.tz(s) : p[7];
            m.checkDate(y, mo, d);
            m.checkTime(h, mi, se, us, f);
            m.checkTzinfo(tz);
            return t.makeFor(Heap.typeAddress(s), () -> m.rawDatetime(t, y, mo, d, h, mi, se, us, tz, f));
        });
        t.defMethod("astimezone", (s, a, o, n, kw) -> {
            long[] p = m.args("astimezone", new String[] {"tz"}, 0, 1, a, o, n, kw);
            long tz = p[0] == 0 ? heap.None : p[0];
            m.checkTzinfo(tz);
            return astimezone(s, tz);
        });
        defReduce(t, 10);
        for (String g : new String[] {"hour", "minute", "second", "microsecond", "tzinfo", "fold"}) vm.defGetSet(t, g);
        vm.defTypeDoc(t);
        attr(t, "min", m.rawDatetime(t, 1, 1, 1, 0, 0, 0, 0, heap.None, 0));
        attr(t, "max", m.rawDatetime(t, 9999, 12, 31, 23, 59, 59, 999999, heap.None, 0));
        attr(t, "resolution", m.newDelta(0, 0, 1));
        vm.orderTypeDict(t, "__new__", "__repr__", "__hash__", "__str__", "__getattribute__", "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__",
                "__add__", "__radd__", "__sub__", "__rsub__", "now", "utcnow", "fromtimestamp", "utcfromtimestamp", "strptime", "combine", "fromisoformat",
                "date", "time", "timetz", "ctime", "timetuple", "timestamp", "utctimetuple", "isoformat", "utcoffset", "tzname", "dst", "replace",
                "astimezone", "__reduce_ex__", "__reduce__", "hour", "minute", "second", "microsecond", "tzinfo", "fold", "__doc__", "min", "max",
                "resolution");
    }

    private static final String[] DT_REPLACE = {"year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"};

    private long astimezone(long s, long tz) {
        long selfTz;
        long offset;
        if (m.tz(s) == heap.None) {
            selfTz = localTimezoneFromLocal(s);
        } else {
            selfTz = vm.incref(m.tz(s));
        }
        try {
            if (selfTz == tz) return vm.incref(s);
            offset = m.callOffset("utcoffset", selfTz, s);
            if (offset == heap.None) {
                heap.decref(offset);
                heap.decref(selfTz);
                selfTz = localTimezoneFromLocal(s);
                if (selfTz == tz) return vm.incref(s);
                offset = m.callOffset("utcoffset", selfTz, s);
            }
            long result;
            try {
                long r0 = m.addDatetimeDelta(s, offset, -1);
                try {
                    result = m.rawDatetime(m.datetime, DatetimeModule.year(r0), DatetimeModule.month(r0), DatetimeModule.day(r0), DatetimeModule.hour(r0, 29),
                            DatetimeModule.minute(r0, 29), DatetimeModule.second(r0, 29), DatetimeModule.micro(r0, 29), m.utc, 0);
                } finally {
                    heap.decref(r0);
                }
            } finally {
                heap.decref(offset);
            }
            long target = tz;
            boolean own = false;
            if (tz == heap.None) {
                long epoch = m.rawDatetime(m.datetime, 1970, 1, 1, 0, 0, 0, 0, m.utc, 0);
                try {
                    long d = m.subtractDatetimes(result, epoch, heap.None, heap.None);
                    try {
                        long secs = (long) DatetimeModule.days(d) * 86400 + DatetimeModule.secs(d);
                        target = localTimezoneFromTimestamp(secs);
                        own = true;
                    } finally {
                        heap.decref(d);
                    }
                } finally {
                    heap.decref(epoch);
                }
            }
            try {
                long withTz = m.rawDatetime(m.datetime, DatetimeModule.year(result), DatetimeModule.month(result), DatetimeModule.day(result), DatetimeModule.hour(result, 29),
                        DatetimeModule.minute(result, 29), DatetimeModule.second(result, 29), DatetimeModule.micro(result, 29), target, 0);
                heap.decref(result);
                long typ = Heap.typeAddress(s);
                try {
                    long r = vm.callMethod(target, "fromutc", withTz);
                    if (typ != m.datetime.typeObject() && heap.typeOf(r) == m.datetime) {
                        long sub = m.newDatetime(typ, DatetimeModule.year(r), DatetimeModule.month(r), DatetimeModule.day(r), DatetimeModule.hour(r, 29),
                                DatetimeModule.minute(r, 29), DatetimeModule.second(r, 29), DatetimeModule.micro(r, 29), m.tz(r), m.fold(r));
                        heap.decref(r);
                        return sub;
                    }
                    return r;
                } finally {
                    heap.decref(withTz);
                }
            } finally {
                if (own) heap.decref(target);
            }
        } finally {
            heap.decref(selfTz);
        }
    }

    // ---- tzinfo / timezone ------------------------------------------------------------------------------------

    private void checkDtArg(String meth, long dt) {
        if (dt != heap.None && !m.isDatetime(dt)) {
            throw vm.error("TypeError", meth + "(dt) argument must be a datetime instance or None, not " + vm.argTypeName(dt));
        }
    }

    private long fromutc(long self, long dt) {
        if (!m.isDatetime(dt)) throw vm.error("TypeError", "fromutc: argument must be a datetime");
        if (m.tz(dt) != self) throw vm.error("ValueError", "fromutc: dt.tzinfo is not self");
        long off = m.callOffset("utcoffset", self, dt);
        try {
            if (off == heap.None) throw vm.error("ValueError", "fromutc: non-None utcoffset() result required");
            long dst = m.callOffset("dst", self, dt);
            try {
                if (dst == heap.None) throw vm.error("ValueError", "fromutc: non-None dst() result required");
                long delta = m.newDeltaDiff(off, dst);
                long r;
                try {
                    r = m.addDatetimeDelta(dt, delta, 1);
                } finally {
                    heap.decref(delta);
                }
                try {
                    long dst2 = m.callOffset("dst", m.tz(r), r);
                    try {
                        if (dst2 == heap.None) throw vm.error("ValueError", "fromutc: tz.dst() gave inconsistent results; cannot convert");
                        return m.addDatetimeDelta(r, dst2, 1);
                    } finally {
                        heap.decref(dst2);
                    }
                } finally {
                    heap.decref(r);
                }
            } finally {
                heap.decref(dst);
            }
        } finally {
            heap.decref(off);
        }
    }

    private void tzinfo() {
        DtType t = m.tzinfo;
        vm.defTpNew(t);
        t.defSlotWrapper("__getattribute__", (s, a, o, n, kw) -> vm.getAttr(s, a[o]));
        for (String w : new String[] {"tzname", "utcoffset", "dst"}) {
            t.defMethod(w, (s, a, o, n, kw) -> {
                Params.unpack(vm, w, n, kw, 1, 1);
                throw vm.error("NotImplementedError", "a tzinfo subclass must implement " + w + "()");
            });
        }
        t.defMethod("fromutc", (s, a, o, n, kw) -> {
            Params.unpack(vm, "fromutc", n, kw, 1, 1);
            return fromutc(s, a[o]);
        });
        t.defMethod("__reduce__", (s, a, o, n, kw) -> {
            noArgs("__reduce__", n, kw);
            long gia = vm.getAttrOrNull(s, "__getinitargs__");
            long args;
            if (gia != 0) {
                try {
                    args = vm.call(gia);
                } finally {
                    heap.decref(gia);
                }
            } else args = heap.tuples.alloc(0);
            long state;
            try {
                state = vm.callMethod(s, "__getstate__");
            } catch (PyException e) {
                heap.decref(args);
                throw e;
            }
            try {
                return heap.tuples.of(Heap.typeAddress(s), args, state);
            } finally {
                heap.decref(args);
                heap.decref(state);
            }
        });
        vm.defTypeDoc(t);
        vm.orderTypeDict(t, "__new__", "__getattribute__", "tzname", "utcoffset", "dst", "fromutc", "__reduce__", "__doc__");
    }

    private void timezone() {
        DtType t = m.timezone;
        common(t, true);
        t.defMethod("tzname", (s, a, o, n, kw) -> {
            Params.unpack(vm, "tzname", n, kw, 1, 1);
            if (a[o] != heap.None && !m.isDatetime(a[o])) throw vm.error("TypeError", "tzname(dt) argument must be a datetime instance or None, not " + vm.argTypeName(a[o]));
            return str(m.tzStr(s));
        });
        t.defMethod("utcoffset", (s, a, o, n, kw) -> {
            Params.unpack(vm, "utcoffset", n, kw, 1, 1);
            checkDtArg("utcoffset", a[o]);
            return vm.incref(Native.getLong(s + DtType.TZ_OFFSET));
        });
        t.defMethod("dst", (s, a, o, n, kw) -> {
            Params.unpack(vm, "dst", n, kw, 1, 1);
            checkDtArg("dst", a[o]);
            return vm.incref(heap.None);
        });
        t.defMethod("fromutc", (s, a, o, n, kw) -> {
            Params.unpack(vm, "fromutc", n, kw, 1, 1);
            long dt = a[o];
            if (!m.isDatetime(dt)) throw vm.error("TypeError", "fromutc: argument must be a datetime");
            if (m.tz(dt) != s) throw vm.error("ValueError", "fromutc: dt.tzinfo is not self");
            return m.addDatetimeDelta(dt, Native.getLong(s + DtType.TZ_OFFSET), 1);
        });
        t.defMethod("__getinitargs__", (s, a, o, n, kw) -> {
            noArgs("__getinitargs__", n, kw);
            long name = Native.getLong(s + DtType.TZ_NAME), off = Native.getLong(s + DtType.TZ_OFFSET);
            return name == 0 ? heap.tuples.of(off) : heap.tuples.of(off, name);
        });
        vm.defTypeDoc(t);
        attr(t, "utc", vm.incref(m.utc));
        long minOff = m.newDelta(0, -(23 * 3600 + 59 * 60), 0), maxOff = m.newDelta(0, 23 * 3600 + 59 * 60, 0);
        long mn = t.make(), mx = t.make();
        Native.putLong(mn + DtType.TZ_OFFSET, minOff);
        Native.putLong(mx + DtType.TZ_OFFSET, maxOff);
        attr(t, "min", mn);
        attr(t, "max", mx);
        vm.orderTypeDict(t, "__new__", "__repr__", "__hash__", "__str__", "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__", "tzname", "utcoffset",
                "dst", "fromutc", "__getinitargs__", "__doc__", "utc", "min", "max");
    }
}

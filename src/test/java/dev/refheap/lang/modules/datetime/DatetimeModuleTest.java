package dev.refheap.lang.modules.datetime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.refheap.lang.modules.NativeModuleRun;
import org.junit.jupiter.api.Test;

/** _datetime: the calendar arithmetic, the ISO 8601 parser, layouts, rounding, pickles and comparisons (CPython 3.11's values). */
class DatetimeModuleTest {
    @Test
    void ordinalsRoundTripEveryDay() {
        long ord = 1;
        for (int y = 1; y <= 9999; y++) {
            for (int m = 1; m <= 12; m++) {
                for (int d = 1; d <= Cal.daysInMonth(y, m); d++, ord++) {
                    if (Cal.ymdToOrd(y, m, d) != ord) throw new AssertionError(y + "-" + m + "-" + d);
                    int[] back = Cal.ordToYmd(ord);
                    if (back[0] != y || back[1] != m || back[2] != d) throw new AssertionError("ordinal " + ord);
                }
            }
        }
        assertEquals(Cal.MAXORDINAL + 1, ord);
    }

    @Test
    void isoCalendarWeeks() {
        assertArrayEquals(new int[] {2004, 53, 6}, Cal.isoCalendar(2005, 1, 1));
        assertArrayEquals(new int[] {2009, 1, 1}, Cal.isoCalendar(2008, 12, 29));
        assertArrayEquals(new int[] {2020, 53, 4}, Cal.isoCalendar(2020, 12, 31));
        assertEquals(2, Cal.weekday(2020, 1, 1));
    }

    @Test
    void isoParserForms() {
        assertArrayEquals(new int[] {2020, 1, 5}, Iso.parseDate("20200105"));
        assertArrayEquals(new int[] {2019, 12, 30}, Iso.parseDate("2020-W01-1"));
        assertNull(Iso.parseDate("2020-1-05"));
        Iso.Time t = Iso.parseTime("10:11:12,123456789-01:30");
        assertArrayEquals(new int[] {10, 11, 12, 123456, -1, 5400}, new int[] {t.h, t.m, t.s, t.us, t.tzSign, t.tzSeconds});
        assertNull(Iso.parseTime("10:11:"));
        assertEquals(8, Iso.separator("2020-W01T10"));
        assertEquals(10, Iso.separator("2020-W01-1T10"));
        Iso.DateTime dt = Iso.parseDateTime("2020-01-05\u000110:11");
        assertArrayEquals(new int[] {2020, 1, 5, 10, 11}, new int[] {dt.date[0], dt.date[1], dt.date[2], dt.time.h, dt.time.m});
    }

    @Test
    void layoutsAreCPythonsAndUntracked() {
        assertEquals("[40, 32, 40, 48, 16, 32] [False, False, False, False, False, False]\n", NativeModuleRun.run(
                "import _datetime as D, sys, gc\nu = D.timezone.utc\nxs = [D.timedelta(1), D.date(1, 1, 1), D.time(tzinfo=u), D.datetime(1, 1, 1, tzinfo=u), D.tzinfo(), u]\n"
                        + "print([sys.getsizeof(x) for x in xs], [gc.is_tracked(x) for x in xs])\n"));
    }

    @Test
    void timedeltaFloatsRoundHalfToEven() {
        assertEquals("0:00:00.000002 0:00:00.000002 0:00:00.000004 0:00:00.000002\n", NativeModuleRun.run(
                "import _datetime as D\nprint(D.timedelta(microseconds=1.5), D.timedelta(microseconds=2.5), D.timedelta(microseconds=7) / 2, D.timedelta(microseconds=5) * 0.5)\n"));
    }

    @Test
    void picklesAreCPythons() {
        assertEquals("b'\\x80\\x04\\x95*\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x8c\\x08datetime\\x94\\x8c\\x08datetime\\x94\\x93\\x94C\\n\\x07\\xe4\\x81\\x02\\x03\\x04\\x05\\x00\\x00\\x06\\x94\\x85\\x94R\\x94.'\n",
                NativeModuleRun.run("import datetime, pickle\nprint(pickle.dumps(datetime.datetime(2020, 1, 2, 3, 4, 5, 6, fold=1), 4))\n"));
    }

    @Test
    void dateAndDatetimeCompareAsMixedTypes() {
        assertEquals("False True\nTypeError can't compare datetime.datetime to datetime.date\n", NativeModuleRun.run(
                "import _datetime as D\nd = D.date(2020, 1, 1); t = D.datetime(2020, 1, 1)\nprint(d == t, d != t)\n"
                        + "try: d < t\nexcept TypeError as e: print('TypeError', e)\n"));
    }

    /** comparison_did_not_try_a_subclass_right_operand_first: do_richcompare's reflected-first rule. */
    @Test
    void comparisonDidNotTryASubclassRightOperandFirst() {
        assertEquals("B\nFalse\n", NativeModuleRun.run("class A:\n    def __eq__(self, o): print('A'); return True\n"
                + "class B(A):\n    def __eq__(self, o): print('B'); return False\nprint(A() == B())\n"));
    }

    @Test
    void subclassesKeepTheirClassAndHash() {
        assertEquals("S True True\n", NativeModuleRun.run("import _datetime as D\nclass S(D.date): pass\n"
                + "s = S(2020, 1, 1) + D.timedelta(1)\nprint(type(s).__name__, s == D.date(2020, 1, 2), hash(s) == hash(D.date(2020, 1, 2)))\n"));
    }
}

package dev.refheap.lang.modules.datetime;

import dev.refheap.lang.bytecode.BinaryOp;
import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.PyType;

/**
 * One of {@code _datetime}'s six types, with CPython 3.11's layout (none GC-tracked: the types
 * lack Py_TPFLAGS_HAVE_GC, a tzinfo held or not):
 * <pre>
 *  timedelta 40: refcnt | type | hashcode | days (int) | seconds (int) | microseconds (int)
 *  date      32: refcnt | type | hashcode | hastzinfo (char) | data[4]: year (2, big-endian), month, day
 *  time      40: refcnt | type | hashcode | hastzinfo | data[6]: hour, minute, second, us (3) | fold | tzinfo
 *  datetime  48: refcnt | type | hashcode | hastzinfo | data[10]: date's 4, time's 6 | fold | pad | tzinfo
 *  tzinfo    16: refcnt | type
 *  timezone  32: refcnt | type | offset (a timedelta) | name (a str, or NULL)
 * </pre>
 * Invariants: the hashcode is -1 until hash() computes it (instances are immutable); a time or
 * datetime has hastzinfo 1 exactly when its tzinfo pointer holds a (non-None) tzinfo. Every
 * behaviour is {@link DatetimeModule}'s: this class is the layout, the slots' entry points and
 * construction for a Python subclass.
 */
final class DtType extends FieldsType {
    enum Kind { DELTA, DATE, TIME, DATETIME, TZINFO, TIMEZONE }

    static final int HASH = 16, DAYS = 24, SECS = 28, US = 32, HASTZ = 24, DATA = 25, TIME_FOLD = 31, TIME_TZ = 32, DT_FOLD = 35, DT_TZ = 40,
            TZ_OFFSET = 16, TZ_NAME = 24;

    final Kind kind;
    DatetimeModule mod;

    DtType(VmApi vm, String name, PyType base, Kind kind, long basicSize, int... owned) {
        super(vm, name, base, kind == Kind.TIMEZONE ? 0 : PyType.BASETYPE, basicSize, 0, owned);  // timezone is final
        this.kind = kind;
    }

    /** READY | BASETYPE | IMMUTABLETYPE (timezone is final: no BASETYPE), as CPython 3.11.7 reports. */
    @Override
    protected long declaredFlags() { return (kind == Kind.TIMEZONE ? 0x1100 : 0x1500); }

    @Override
    public boolean allowsPythonSubclasses() { return kind != Kind.TIMEZONE; }

    /** A new instance, zeroed, hashcode -1 (an instance of the Python subclass being made, when one is). */
    long make() {
        long o = alloc();
        if (kind != Kind.TZINFO && kind != Kind.TIMEZONE) Native.putLong(o + HASH, -1);
        return o;
    }

    @Override
    public long newSubtypeInstance(java.util.function.LongSupplier alloc, long cls, boolean objectInit, long[] a, int off, int n, long kw) {
        return newInstanceAs(alloc, a, off, n, kw);
    }

    @Override
    public void checkSubtypeNewArgs(boolean objectInit) {}

    @Override
    public long newInstance(long[] a, int off, int n, long kw) { return mod.construct(this, a, off, n, kw); }

    /** A new instance of this type made as {@code make} does, for Python class {@code cls} derived from it (its tp_alloc), or of this type. */
    long makeFor(long cls, java.util.function.LongSupplier make) {
        java.util.function.LongSupplier alloc = cls == 0 ? null : vm.subtypeAllocator(this, cls);
        return alloc == null ? make.getAsLong() : makeAs(alloc, make);
    }

    /** Whether {@link #newInstance} is making an instance of a Python subclass. */
    boolean subtypeNow() { return constructingSubtype(); }

    /** Dict and set key equality: the rich comparison (==), reflected as do_richcompare does. */
    @Override
    public boolean equals(long a, long b) { return a == b || vm.equal(a, b); }

    @Override
    public long hash(long o) { return mod.hash(this, o); }

    @Override
    public String reprOf(long o) { return mod.repr(this, o); }

    @Override
    public String strOf(long o) { return mod.str(this, o); }

    @Override
    public long binaryOf(BinaryOp op, long a, long b) { return mod.binary(op, a, b); }

    @Override
    public long unaryOf(String op, long o) { return mod.unary(op, o); }

    @Override
    public Boolean truthOf(long o) { return kind == Kind.DELTA ? mod.deltaTrue(o) : Boolean.TRUE; }

    @Override
    public long richCompareOf(int op, long a, long b) { return mod.richCompare(this, op, a, b); }

    @Override
    public boolean hasRichCompare() { return true; }

    @Override
    public long attrOf(long o, String name) { return mod.attr(this, o, name); }
}

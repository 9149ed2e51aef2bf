package dev.refheap.lang.modules.unicodedata;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.unicode.UnicodeData;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.PyType;

/**
 * {@code unicodedata.UCD}: CPython 3.11's PreviousDBVersion, the type of {@code unicodedata.ucd_3_2_0},
 * a heap type made from a spec whose instances cannot be created from Python. An instance is 40
 * bytes plus the GC head (refcnt | type | name | getrecord | normalization: C pointers, 0 here;
 * which database it answers for is {@link UnicodedataModule}'s business), GC-tracked, visiting
 * only its type. Its methods are the module's functions answering for Unicode 3.2.0; the member
 * {@code unidata_version} is {@code '3.2.0'} (read-only).
 */
final class UcdType extends FieldsType {
    UcdType(VmApi vm) {
        // not PyType.HEAPTYPE in the Java flags (the instances' reference to the type is heapTypeInstances'); tpFlags() carries CPython's
        super(vm, "unicodedata.UCD", PyType.HAVE_GC, 40, 0);
    }

    @Override
    protected boolean heapTypeInstances() { return true; }

    /** HAVE_GC | READY | HEAPTYPE | IMMUTABLETYPE | DISALLOW_INSTANTIATION, VALID_VERSION_TAG once a lookup assigned one. */
    @Override
    protected long declaredFlags() { return 21376; }

    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) {
        throw vm.error("TypeError", "cannot create 'unicodedata.UCD' instances");
    }

    /** new_previous_version: the 3.2.0 database object, tracked. */
    long create() {
        long o = alloc();
        heap.track(o);
        return o;
    }

    @Override
    public long attrOf(long o, String name) {
        return name.equals("unidata_version") ? vm.str(UnicodeData.VERSION_3_2) : 0;
    }

    @Override
    public boolean setAttrOf(long o, String name, long v) {
        if (name.equals("unidata_version")) throw vm.error("AttributeError", "readonly attribute");
        return false;
    }
}

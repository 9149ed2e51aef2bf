package dev.refheap.lang.modules.io;

import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.PyType;

/** An _io file type refheap does not have yet: the name exists (io.py imports it), making one is refused by name. */
final class PendingType extends IoType {
    PendingType(VmApi vm, IoModule.State st, String name, PyType base, long basicSize, int dictOff, int weakOff) {
        super(vm, st, "_io." + name, base, PyType.HAVE_GC | PyType.BASETYPE, basicSize, dictOff, weakOff, null, dictOff);
    }

    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) {
        throw vm.error("NotImplementedError", "refheap does not support " + name() + " yet");
    }

    @Override
    public void initSubtypeInstance(long o) {
        throw vm.error("NotImplementedError", "refheap does not support subclasses of " + name() + " yet");
    }
}

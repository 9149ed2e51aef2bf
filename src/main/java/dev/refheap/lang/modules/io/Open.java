package dev.refheap.lang.modules.io;

import dev.refheap.lang.vm.VmApi;

/** _io.open: the mode parsed, then FileIO, a buffered object and a TextIOWrapper stacked as it asks. */
final class Open {
    private Open() {}

    static long open(VmApi vm, IoModule.State st, long[] a, int off, int n, long kw) {
        throw vm.error("NotImplementedError", "refheap does not support _io.open yet");
    }

    static long openWith(VmApi vm, IoModule.State st, long path, long mode) {
        throw vm.error("NotImplementedError", "refheap does not support _io.open yet");
    }
}

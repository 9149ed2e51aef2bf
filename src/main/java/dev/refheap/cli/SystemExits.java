package dev.refheap.cli;

import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.Runtime;

/** The exit status of an uncaught SystemExit, as python3 computes it. */
final class SystemExits {
    private SystemExits() {}

    static int status(Runtime rt, PyException e) {
        return rt.systemExitStatus(e);
    }
}

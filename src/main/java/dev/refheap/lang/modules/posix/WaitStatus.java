package dev.refheap.lang.modules.posix;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import java.math.BigInteger;

/**
 * posix's wait-status part (its flags are in {@link Constants}): Linux's W* macros over a status
 * int (WIFEXITED, WEXITSTATUS, WIFSIGNALED, WTERMSIG, WIFSTOPPED, WSTOPSIG, WIFCONTINUED,
 * WCOREDUMP), {@code waitstatus_to_exitcode}, which subprocess binds at import, and {@code waitpid}
 * (waitpid(2), EINTR retried) for the children {@link Spawn} starts. Stateless.
 */
final class WaitStatus {
    private WaitStatus() {}

    /** The wait-status functions, in the order the module's setup defines them. */
    static void defineFunctions(VmApi vm, Posix.Def def) {
        macro(vm, def, "WIFEXITED", true, s -> (s & 0x7f) == 0 ? 1 : 0);
        macro(vm, def, "WEXITSTATUS", false, s -> (s & 0xff00) >> 8);
        macro(vm, def, "WIFSIGNALED", true, s -> ((byte) ((s & 0x7f) + 1) >> 1) > 0 ? 1 : 0);
        macro(vm, def, "WTERMSIG", false, s -> s & 0x7f);
        macro(vm, def, "WIFSTOPPED", true, s -> (s & 0xff) == 0x7f ? 1 : 0);
        macro(vm, def, "WSTOPSIG", false, s -> (s & 0xff00) >> 8);
        macro(vm, def, "WIFCONTINUED", true, s -> s == 0xffff ? 1 : 0);
        macro(vm, def, "WCOREDUMP", true, s -> (s & 0x80) != 0 ? 1 : 0);
        def.def("waitstatus_to_exitcode", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "waitstatus_to_exitcode", new String[] {"status"}, 1, 1, 0, a, o, n, kw);
            int st = status(vm, p[0]);
            if ((st & 0x7f) == 0) return vm.newInt((st & 0xff00) >> 8);
            if (((byte) ((st & 0x7f) + 1) >> 1) > 0) return vm.newInt(-(st & 0x7f));
            if ((st & 0xff) == 0x7f) throw vm.error("ValueError", "process stopped by delivery of signal " + ((st & 0xff00) >> 8));
            throw vm.error("ValueError", "invalid wait status: " + st);
        });
        def.def("waitpid", (s, a, o, n, kw) -> {
            Params.unpack(vm, "waitpid", n, kw, 2, 2);
            int[] r = Spawn.waitpid(vm, status(vm, a[o]), status(vm, a[o + 1]));
            return Posix.tuple(vm, vm.newInt(r[0]), vm.newInt(r[1]));
        });
    }

    private static void macro(VmApi vm, Posix.Def def, String name, boolean bool, java.util.function.IntUnaryOperator f) {
        def.def(name, (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, name, new String[] {"status"}, 1, 1, 0, a, o, n, kw);
            int r = f.applyAsInt(status(vm, p[0]));
            return bool ? vm.incref(r != 0 ? vm.heap.True : vm.heap.False) : vm.newInt(r);
        });
    }

    /** The status argument: a C int. */
    private static int status(VmApi vm, long v) {
        if (!vm.isInt(v)) throw vm.error("TypeError", "'" + vm.typeName(v) + "' object cannot be interpreted as an integer");
        BigInteger x = vm.asIndex(v);
        if (x.bitLength() > 63) throw vm.error("OverflowError", "Python int too large to convert to C long");
        if (x.bitLength() > 31) throw vm.error("OverflowError", "Python int too large to convert to C int");
        return x.intValue();
    }
}

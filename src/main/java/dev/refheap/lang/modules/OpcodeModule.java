package dev.refheap.lang.modules;

import dev.refheap.lang.bytecode.CpythonLayout;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;

/**
 * {@code _opcode} (an extension module in CPython 3.11): {@code stack_effect(opcode, oparg=None,
 * /, *, jump=None)} over 3.11's opcode numbers, from refheap's instruction enum
 * ({@link CpythonLayout#stackEffect311}), with 3.11's checks in its order: the opcode as a C int,
 * an oparg required from HAVE_ARGUMENT (90) on and refused below it, the oparg read as a C long
 * and cut to a C int as 3.11 casts it, jump exactly None, True or False; an opcode or argument 3.11
 * does not know is a ValueError. {@code get_specialization_stats()} is None, as in a CPython built
 * without specialization statistics. {@code opcode.stack_effect} and {@code dis.stack_effect} are
 * this function.
 */
public final class OpcodeModule {
    private OpcodeModule() {}

    private static final String[] NAMES = {"opcode", "oparg", "jump"};

    public static long create(VmApi vm) {
        Heap heap = vm.heap;
        long m = vm.newModule("_opcode");
        vm.def(m, "stack_effect", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "stack_effect", NAMES, 1, 2, 2, a, o, n, kw);
            int opcode = Params.clinicInt(vm, p[0]);
            long oparg = p[1] == 0 ? heap.None : p[1];
            int arg = 0;
            if (opcode >= CpythonLayout.HAVE_ARGUMENT_311) {
                if (oparg == heap.None) throw vm.error("ValueError", "stack_effect: opcode requires oparg but oparg was not specified");
                arg = (int) Params.cLong(vm, oparg);
            } else if (oparg != heap.None) {
                throw vm.error("ValueError", "stack_effect: opcode does not permit oparg but oparg was specified");
            }
            long jump = p[2] == 0 ? heap.None : p[2];
            int j;
            if (jump == heap.None) j = -1;
            else if (jump == heap.True) j = 1;
            else if (jump == heap.False) j = 0;
            else throw vm.error("ValueError", "stack_effect: jump must be False, True or None");
            int effect = CpythonLayout.stackEffect311(opcode, arg, j);
            if (effect == CpythonLayout.INVALID_STACK_EFFECT) throw vm.error("ValueError", "invalid opcode or oparg");
            return heap.ints.of(effect);
        });
        vm.def(m, "get_specialization_stats", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "_opcode.get_specialization_stats", n, kw);
            return vm.incref(heap.None);
        });
        return m;
    }
}

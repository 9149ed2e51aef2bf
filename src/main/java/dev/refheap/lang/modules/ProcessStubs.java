package dev.refheap.lang.modules;

import dev.refheap.lang.vm.VmApi;

/**
 * Two modules subprocess imports at its top, present so that it (and asyncio, test.support's
 * script_helper) import, with every operation refheap cannot do refused by name: {@code select}
 * ({@code select.select} refused; {@code error} is OSError; no poll/epoll/devpoll/kqueue, so
 * selectors' DefaultSelector is its SelectSelector) and {@code _posixsubprocess} ({@code fork_exec}
 * refused: refheap starts no child processes). Stateless.
 */
public final class ProcessStubs {
    private ProcessStubs() {}

    public static long select(VmApi vm) {
        long m = vm.newModule("select");
        vm.heap.dicts.setItem(vm.moduleDict(m), "error", vm.exceptionType("OSError").address());
        vm.def(m, "select", (s, a, o, n, kw) -> {
            throw vm.error("NotImplementedError", "refheap does not support select.select yet");
        });
        return m;
    }

    public static long posixSubprocess(VmApi vm) {
        long m = vm.newModule("_posixsubprocess");
        vm.def(m, "fork_exec", (s, a, o, n, kw) -> {
            throw vm.error("NotImplementedError", "refheap does not support starting child processes yet (_posixsubprocess.fork_exec)");
        });
        return m;
    }
}

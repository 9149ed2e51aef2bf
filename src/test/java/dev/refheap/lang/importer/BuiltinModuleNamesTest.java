package dev.refheap.lang.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.refheap.lang.vm.VmApi;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** sys.builtin_module_names names exactly the VM's built-in modules and the importer's native ones, sorted. */
class BuiltinModuleNamesTest {
    private static final List<String> VM_MODULES = List.of("sys", "gc", "ctypes", "_weakref", "_warnings", "time", "builtins", "refheap");

    @Test
    void namesEveryBuiltinAndNativeModuleInOrder() {
        TreeSet<String> expected = new TreeSet<>(NativeModules.names());
        expected.addAll(VM_MODULES);
        assertEquals(List.copyOf(expected), List.of(VmApi.BUILTIN_MODULE_NAMES));
    }
}

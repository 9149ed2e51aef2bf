package dev.refheap.lang.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refheap.lang.vm.VmApi;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The route of each native module is CPython 3.11's: the ones CPython builds into its interpreter
 * are built in (sys.builtin_module_names), the ones it builds as lib-dynload extension modules are
 * {@link NativeModules#isExtension}; refheap's own ({@code refheap}, its {@code ctypes}) are built in.
 */
class BuiltinModuleNamesTest {
    /** CPython 3.11.7's sys.builtin_module_names (pyenv's build on Linux x86-64). */
    private static final Set<String> CPYTHON_BUILTIN = Set.of("_abc", "_ast", "_codecs", "_collections", "_functools", "_imp", "_io",
            "_locale", "_operator", "_signal", "_sre", "_stat", "_string", "_symtable", "_thread", "_tokenize", "_tracemalloc", "_warnings",
            "_weakref", "atexit", "builtins", "errno", "faulthandler", "gc", "itertools", "marshal", "posix", "pwd", "sys", "time", "xxsubtype");
    private static final Set<String> REFHEAP_ONLY = Set.of("refheap", "ctypes");

    @Test
    void everyNativeModuleTakesCPythonsRoute() {
        for (String name : NativeModules.names()) {
            if (NativeModules.isExtension(name)) assertFalse(CPYTHON_BUILTIN.contains(name), name + " is built into CPython");
            else assertTrue(CPYTHON_BUILTIN.contains(name), name + " is no built-in module of CPython's");
        }
        for (String name : VmApi.VM_MODULE_NAMES) assertTrue(CPYTHON_BUILTIN.contains(name) || REFHEAP_ONLY.contains(name), name);
    }

    @Test
    void vmModuleNamesAreTheVmsBuiltins() {
        assertEquals(List.copyOf(new TreeSet<>(VmApi.VM_MODULE_NAMES)), VmApi.VM_MODULE_NAMES);
    }
}

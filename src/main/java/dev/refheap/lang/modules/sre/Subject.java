package dev.refheap.lang.modules.sre;

import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.BytesType;
import dev.refheap.object.StrType;

/**
 * A string the engine reads (CPython's getstring): a str as its code points, or a bytes-like
 * object (bytes, bytearray, memoryview...) as its bytes 0..255, with one 0 past the end as the
 * C engine's NUL terminator. {@code obj} is borrowed. {@link #slice} makes the pieces matches
 * return (getslice): a str, or bytes whatever the buffer's type; the whole of an exact str or
 * bytes is the object itself.
 */
record Subject(long obj, int[] chars, int length, boolean isBytes) {
    static Subject of(VmApi vm, long o) {
        if (vm.isInstanceOf(o, vm.heap.strs)) {
            int n = (int) StrType.length(o);
            int[] c = new int[n + 1];
            for (int i = 0; i < n; i++) c[i] = StrType.codePointAt(o, i);
            return new Subject(o, c, n, false);
        }
        byte[] b = vm.bytesLike(o);
        if (b == null) throw vm.error("TypeError", "expected string or bytes-like object, got '" + vm.typeName(o) + "'");
        int[] c = new int[b.length + 1];
        for (int i = 0; i < b.length; i++) c[i] = b[i] & 0xFF;
        return new Subject(o, c, b.length, true);
    }

    /** Whether {@code o} is a str or bytes-like, without converting it. */
    static Boolean kindOf(VmApi vm, long o) {
        if (vm.isInstanceOf(o, vm.heap.strs)) return false;
        return vm.bytesLike(o) != null ? true : null;
    }

    /** The piece [i, j) as a new str or bytes. */
    long slice(VmApi vm, int i, int j) { return slice(vm, obj, isBytes, chars, length, i, j); }

    static long slice(VmApi vm, long obj, boolean isBytes, int[] chars, int length, int i, int j) {
        if (isBytes) {
            if (vm.heap.typeOf(obj) == vm.heap.bytes && i == 0 && j == length) return vm.incref(obj);
            byte[] b = new byte[j - i];
            if (vm.heap.typeOf(obj) == vm.heap.bytes) Native.copyTo(obj + 32 + i, b, 0, b.length);
            else for (int k = 0; k < b.length; k++) b[k] = (byte) chars[i + k];
            return vm.heap.bytes.of(b);
        }
        if (vm.isStr(obj) && i == 0 && j == length) return vm.incref(obj);
        return vm.str(new String(chars, i, j - i));
    }

    /** getslice on the object itself (a Match's string), reading only the piece. */
    static long sliceOf(VmApi vm, long obj, int i, int j) {
        if (vm.isInstanceOf(obj, vm.heap.strs)) {
            int n = (int) StrType.length(obj);
            i = Math.min(i, n);
            j = Math.min(j, n);
            if (vm.isStr(obj) && i == 0 && j == n) return vm.incref(obj);
            StringBuilder sb = new StringBuilder(Math.max(0, j - i));
            for (int k = i; k < j; k++) dev.refheap.object.SurrogateEscapes.append(sb, StrType.codePointAt(obj, k));
            return vm.str(sb.toString());
        }
        if (vm.heap.typeOf(obj) == vm.heap.bytes) {
            int n = (int) BytesType.length(obj);
            i = Math.min(i, n);
            j = Math.min(j, n);
            if (i == 0 && j == n) return vm.incref(obj);
            byte[] b = new byte[Math.max(0, j - i)];
            Native.copyTo(obj + 32 + i, b, 0, b.length);
            return vm.heap.bytes.of(b);
        }
        Subject s = of(vm, obj);
        return s.slice(vm, Math.min(i, s.length), Math.min(j, s.length));
    }
}

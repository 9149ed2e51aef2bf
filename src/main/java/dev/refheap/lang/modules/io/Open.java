package dev.refheap.lang.modules.io;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;

/**
 * _io.open (_io_open_impl): the mode checked, then FileIO, a BufferedReader/Writer/Random over it
 * (unless buffering is 0) and a TextIOWrapper over that (text modes), each closed again if a
 * later layer fails. The buffer size is the file's st_blksize unless given; buffering 1, or a
 * tty, makes the text layer line-buffered. The wrapper gets {@code mode} as an attribute.
 */
final class Open {
    private Open() {}

    private static final String[] NAMES = {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"};

    static long open(VmApi vm, IoModule.State st, long[] a, int off, int n, long kw) {
        long[] p = Params.parse(vm, "open", NAMES, 1, 8, 0, a, off, n, kw);
        return open(vm, st, p);
    }

    static long openWith(VmApi vm, IoModule.State st, long path, long mode) {
        return open(vm, st, new long[] {path, mode, 0, 0, 0, 0, 0, 0});
    }

    private static String optStr(VmApi vm, long v, String what) {
        if (v == 0 || v == vm.heap.None) return null;
        if (!vm.isStr(v)) throw vm.error("TypeError", "open() argument '" + what + "' must be str or None, not " + vm.typeName(v));
        return vm.strValue(v);
    }

    private static long open(VmApi vm, IoModule.State st, long[] p) {
        Heap heap = vm.heap;
        long file = p[0];
        if (!vm.isInt(file) && !vm.isStr(file) && heap.typeOf(file) != heap.bytes && !vm.typeHas(file, "__fspath__")) {
            throw vm.error("TypeError", "expected str, bytes or os.PathLike object, not " + vm.typeName(file));
        }
        String mode = p[1] == 0 ? "r" : null;
        if (mode == null) {
            if (!vm.isStr(p[1])) throw vm.error("TypeError", "open() argument 'mode' must be str, not " + vm.typeName(p[1]));
            mode = vm.strValue(p[1]);
        }
        long buffering = p[2] == 0 ? -1 : Params.ssize(vm, p[2]);
        String encoding = optStr(vm, p[3], "encoding"), errors = optStr(vm, p[4], "errors"), newline = optStr(vm, p[5], "newline");
        boolean closefd = p[6] == 0 || vm.truthy(p[6]);
        boolean creating = false, reading = false, writing = false, appending = false, updating = false, text = false, binary = false;
        for (int i = 0; i < mode.length(); i++) {
            char c = mode.charAt(i);
            if ("xrwab+t".indexOf(c) < 0 || mode.indexOf(c, i + 1) >= 0) throw vm.error("ValueError", "invalid mode: '" + mode + "'");
            switch (c) {
                case 'x' -> creating = true;
                case 'r' -> reading = true;
                case 'w' -> writing = true;
                case 'a' -> appending = true;
                case '+' -> updating = true;
                case 't' -> text = true;
                case 'b' -> binary = true;
                default -> { }
            }
        }
        StringBuilder raw = new StringBuilder();
        if (creating) raw.append('x');
        if (reading) raw.append('r');
        if (writing) raw.append('w');
        if (appending) raw.append('a');
        if (updating) raw.append('+');
        if (text && binary) throw vm.error("ValueError", "can't have text and binary mode at once");
        if ((creating ? 1 : 0) + (reading ? 1 : 0) + (writing ? 1 : 0) + (appending ? 1 : 0) > 1) {
            throw vm.error("ValueError", "must have exactly one of create/read/write/append mode");
        }
        if (!(creating || reading || writing || appending)) throw vm.error("ValueError", "Must have exactly one of create/read/write/append mode and at most one plus");
        if (binary && encoding != null) throw vm.error("ValueError", "binary mode doesn't take an encoding argument");
        if (binary && errors != null) throw vm.error("ValueError", "binary mode doesn't take an errors argument");
        if (binary && newline != null) throw vm.error("ValueError", "binary mode doesn't take a newline argument");
        if (binary && buffering == 1) {
            // _io.open's PyErr_WarnEx: filtered and shown whether or not warnings is imported
            vm.warn("RuntimeWarning", "line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used", 1);
        }
        long modeObj = vm.str(raw.toString());
        long closefdObj = vm.incref(closefd ? heap.True : heap.False);
        long rawObj;
        try {
            long[] args = {file, modeObj, closefdObj, p[7] == 0 ? heap.None : p[7]};
            rawObj = vm.callArgs(st.fileio.typeObject(), args, 0, 4, 0);
        } finally {
            heap.decref(modeObj);
            heap.decref(closefdObj);
        }
        long result = rawObj;
        try {
            boolean lineBuffering = false;
            if (buffering == 1 || buffering < 0 && FileIOType.fd(rawObj) >= 0 && dev.refheap.lang.modules.posix.PosixFiles.isatty(FileIOType.fd(rawObj))) {
                buffering = -1;
                lineBuffering = true;
            }
            if (buffering < 0) buffering = dev.refheap.memory.Native.getLong(rawObj + FileIOType.BLKSIZE);
            if (buffering == 0) {
                if (binary) return rawObj;
                throw vm.error("ValueError", "can't have unbuffered text I/O");
            }
            BufferedType kind = updating ? st.random : creating || writing || appending ? st.writer : st.reader;
            long size = vm.newInt(buffering);
            long buffer;
            try {
                buffer = vm.call(kind.typeObject(), rawObj, size);
            } finally {
                heap.decref(size);
            }
            result = buffer;
            heap.decref(rawObj);
            if (binary) return buffer;
            long enc = encoding == null ? vm.incref(heap.None) : vm.str(encoding);  // None: TextIOWrapper's default (the locale's, or utf-8)
            long err = errors == null ? vm.incref(heap.None) : vm.str(errors);
            long nl = newline == null ? vm.incref(heap.None) : vm.str(newline);
            long lb = vm.incref(lineBuffering ? heap.True : heap.False);
            long wrapper;
            try {
                wrapper = vm.call(st.textio.typeObject(), buffer, enc, err, nl, lb);
            } finally {
                heap.decref(enc);
                heap.decref(err);
                heap.decref(nl);
                heap.decref(lb);
            }
            result = wrapper;
            heap.decref(buffer);
            long m = vm.str(mode);
            try {
                heap.dicts.setItem(st.textio.dict(wrapper), "mode", m);
            } finally {
                heap.decref(m);
            }
            return wrapper;
        } catch (RuntimeException e) {
            try {
                heap.decref(vm.callMethod(result, "close"));
            } catch (PyException e2) {
                heap.decref(e2.exc());
            }
            heap.decref(result);
            throw e;
        }
    }
}

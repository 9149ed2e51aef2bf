package dev.refheap.lang.vm;

import dev.refheap.object.GcHooks;
import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CPython 3.11's default unraisable hook ({@code sys.__unraisablehook__}, which
 * PyErr_WriteUnraisable calls while {@code sys.unraisablehook} is left alone, and which a program
 * may call itself) as it runs, not only what it prints: the "Exception ignored in" report is written
 * piece by piece, and between the pieces the GC objects CPython allocates and frees are allocated
 * and freed here too, in the same order, because each one moves count0 and may start an automatic
 * collection (in the middle of a report, whose finalizers may print reports of their own).
 *
 * <p>What CPython allocates (measured on 3.11.7 with a hardware watchpoint on generation 0's count
 * and breakpoints on the tuple, list, dict and slice allocators):
 * <ul>
 *   <li>the {@code UnraisableHookArgs} struct sequence, freed after the hook;
 *   <li>a bound {@code write} method for every piece written (PyFile_WriteString/WriteObject),
 *       and, for the real stderr (a line-buffered TextIOWrapper over a BufferedWriter), the
 *       pending-bytes list when a second piece waits for its newline and a memoryview with its
 *       managed buffer for every flush ({@link Stderr#LINE_BUFFERED}); an in-memory stream
 *       (io.StringIO, or stderr with PYTHONUNBUFFERED) allocates nothing more ({@link Stderr#IN_MEMORY});
 *   <li>for every frame whose file is not {@code <...>}: the source line is read again through
 *       {@code io}: the empty fromlist of the import of io, FileIO (with its {@code __dict__}),
 *       BufferedReader, TextIOWrapper and the codec's IncrementalDecoder with the argument tuples
 *       of their calls, a bound method twice, and for every 8192-byte chunk read the decoder-state
 *       tuples, the memoryview of the raw read, the decode result tuple (and its iterator while
 *       {@code codecs.BufferedIncrementalDecoder.decode} is not yet specialized: its first seven
 *       calls in a process), the {@code data[consumed:]} slice and the snapshot tuple, plus the
 *       list a line read across chunks is put aside in;
 *   <li>the arena list of the parse that looks for the operator anchors of a one-line span.
 * </ul>
 * Tuples, lists, dicts and the slice are real objects of this heap, so that their free lists (and
 * count0, which a free-list hit does not move) follow CPython's. The objects CPython tracks while
 * they live (the io objects, the decoder instance, bound methods, managed buffers and
 * memoryviews) are stand-ins tracked in generation 0 (empty cells), so that a collection started
 * inside the report finds them alive, moves them to generation 1 and counts them among the
 * survivors that decide when generation 2 is collected (memory fuzzer seeds 1048599, 3039149).
 * The struct sequence and the tuple iterator, never tracked, are counted only
 * ({@link GcHooks#onGcAlloc}/{@link GcHooks#onGcFree}).
 *
 * <p>Not modelled (no allocation is made for them): a segment whose parse fails (CPython makes a
 * SyntaxError and drops it), a source file CPython could not open (it searches sys.path), a
 * traceback CPython makes from the current frame for an exception that has none. A
 * {@code sys.unraisablehook} set by the program is called instead ({@link Runtime#writeUnraisable}),
 * with a real UnraisableHookArgs.
 *
 * <p>State: the kind of stderr; the line-buffered stream's pending text (none, one string, or a
 * list); how many times the process has called the decoder's {@code decode}.
 */
final class UnraisableHook {
    /** What sys.stderr is, for the allocations a write makes. */
    enum Stderr { LINE_BUFFERED, IN_MEMORY }

    /** Calls of a Python function before 3.11 specializes it (QUICKENING_WARMUP_DELAY). */
    static final int DECODE_SPECIALIZED_FROM_CALL = 8;
    /**
     * Calls of {@code BufferedIncrementalDecoder.decode} a clean CPython 3.11's {@code python3 FILE}
     * start-up makes, measured (calls left before the function is quickened, seen with
     * {@code dis.dis(..., adaptive=True)}): site reads the venv's pyvenv.cfg, one chunk and the
     * end of file. A python3 with .pth files in its site-packages makes more (4 on the build host),
     * -S none; tests/conformance/generate.py reads the program as bytes so that its oracle's count
     * is this one; the memory fuzzer's long-lived oracle has specialized it ({@link #configure}).
     */
    static final int STARTUP_DECODE_CALLS = 2;
    /** TextIOWrapper's _CHUNK_SIZE: bytes one read_chunk asks the buffer for. */
    static final int CHUNK_SIZE = 8192;

    private final Runtime rt;
    private final Heap heap;
    private Stderr stderr = Stderr.LINE_BUFFERED;
    private long decodeCalls = STARTUP_DECODE_CALLS;
    /** Line-buffered stderr: 0 nothing pending, 1 one string pending, 2 a list of them ({@link #pendingList}). */
    private int pending;
    private long pendingList;

    UnraisableHook(Runtime rt) {
        this.rt = rt;
        this.heap = rt.heap;
    }

    /** Sets the kind of stderr, and whether the decoder is already specialized (a long-running process). */
    void configure(Stderr kind, boolean decoderSpecialized) {
        stderr = kind;
        if (decoderSpecialized) decodeCalls = Math.max(decodeCalls, DECODE_SPECIALIZED_FROM_CALL - 1);
    }

    /**
     * Writes the report as write_unraisable_exc does: the line naming the object ({@code errMsg},
     * or "Exception ignored in" when null, then ": " and repr(obj), written as the hook writes
     * it; {@code errMsg} alone with ":" when obj is 0 or None; nothing when both are absent), the
     * traceback and the exception line. {@code countArgs}: the caller made an UnraisableHookArgs
     * for the hook (PyErr_WriteUnraisable did; a program calling {@code sys.__unraisablehook__}
     * passes its own). Does not release {@code exc}; {@code obj} is borrowed.
     */
    void report(long exc, String errMsg, long obj, boolean countArgs) {
        report(heap.typeOf(exc), exc, rt.tracebacks.tracebackOf(exc), errMsg, obj, countArgs);
    }

    /**
     * The report of an UnraisableHookArgs' parts as write_unraisable_exc takes them: {@code type}
     * (null for None) named on the last line, {@code value} (0 for None) written with str() after
     * it, {@code tb} (0 for None or what is not a traceback, which the C printer refuses and the
     * hook skips) printed between. Returns false where CPython's hook fails without an exception
     * set (no type: nothing after the traceback, no flush), which its caller turns into a
     * SystemError. Borrows everything.
     */
    boolean report(PyType type, long value, long tb, String errMsg, long obj, boolean countArgs) {
        long outer = ioFile;
        boolean outerFailed = ioFailed;
        if (rt.stdio != null) {  // the streams are io objects: the report goes to the current sys.stderr, as the hook writes it
            long f = rt.stdio.current("stderr");
            if (f == 0 || f == heap.None) {  // the hook writes nothing then
                if (countArgs) {
                    heap.gcHooks().onGcAlloc();
                    heap.gcHooks().onGcFree();
                }
                return true;
            }
            heap.incref(f);
            ioFile = f;
            ioFailed = false;
        }
        try {
            return reportTo(type, value, tb, errMsg, obj, countArgs);
        } finally {
            if (rt.stdio != null) heap.decref(ioFile);
            ioFile = outer;
            ioFailed = outerFailed;
        }
    }

    /** sys.stderr while a report is written to it when the streams are io objects (a reference), else 0. */
    private long ioFile;
    /** A write to {@link #ioFile} failed: the rest of the report is dropped, as the hook gives up. */
    private boolean ioFailed;

    private boolean reportTo(PyType type, long value, long tb, String errMsg, long obj, boolean countArgs) {
        GcHooks gc = heap.gcHooks();
        if (countArgs) gc.onGcAlloc();  // the UnraisableHookArgs struct sequence
        if (obj != 0 && obj != heap.None) {
            if (errMsg != null) {
                write(errMsg);
                write(": ");
            } else {
                write("Exception ignored in: ");
            }
            String repr;  // PyFile_WriteObject's repr, made as it is written
            try {
                repr = rt.ops.repr(obj);
            } catch (PyException e) {
                heap.decref(e.exc());
                repr = "<object repr() failed>";
            }
            write(repr);
            write("\n");
        } else if (errMsg != null) {
            write(errMsg);
            write(":\n");
        }  // neither: PyErr_WriteUnraisable(NULL), no "Exception ignored" line
        List<TracebackFormatter.FrameSummary> frames = tb == 0 ? null : rt.tracebacks.framesC(tb);
        if (frames != null) {
            write("Traceback (most recent call last):\n");
            TracebackFormatter.walkFrames(frames, rt.lineCache, new TracebackFormatter.FrameVisitor() {
                @Override public void frame(TracebackFormatter.FrameSummary f, String line) { writeFrame(f, line); }
                @Override public void repeated(String text) { write(text); }
            });
        }
        if (type == null) {
            if (countArgs) gc.onGcFree();
            return false;
        }
        write(rt.tracebacks.unraisableTypeName(type));
        if (value != 0) {
            write(": ");
            write(rt.tracebacks.safeStr(value));
        }
        write("\n");
        if (ioFile != 0) {
            if (!ioFailed) {
                try {
                    heap.decref(rt.ops.callMethod(ioFile, "flush"));
                } catch (PyException e) {
                    heap.decref(e.exc());
                }
            }
        } else {
            rt.err.flush();
        }
        if (countArgs) gc.onGcFree();  // the struct sequence
        return true;
    }

    /** tb_displayline: the File line, the source line read again from its file, the anchors' parse, the markers. */
    private void writeFrame(TracebackFormatter.FrameSummary f, String line) {
        long io = rt.heap.dicts.getItem(rt.sysModules, "io");
        if (rt.finalizing && (io == 0 || !rt.isModule(io))) {
            // the modules are being cleared at exit: display_source_line's import of io fails (sys.modules
            // is empty, sys.meta_path gone), so only the File line is written
            write(TracebackFormatter.formatFrameC(f, "").split("\n")[0] + "\n");
            return;
        }
        String[] rows = TracebackFormatter.formatFrameC(f, line).split("\n");
        write(rows[0] + "\n");
        String file = f.filename();
        String source = rt.lineCache.source(file);
        if (source != null && !(file.startsWith("<") && file.endsWith(">"))) readLine(source, f.lineno());
        if (rows.length < 2) return;
        write("    ");
        write(rows[1].substring(4));
        write("\n");
        var p = f.position();
        if (p != null && p.line() >= 0 && p.endLine() >= 0 && p.col() >= 0 && p.endCol() >= 0 && p.line() == p.endLine()) {
            heap.decref(heap.lists.alloc(0));  // extract_anchors_from_line's arena (its object list)
        }
        if (rows.length < 3) return;
        write(rows[2].substring(0, 4));
        write(rows[2].substring(4));
        write("\n");
    }

    /** PyFile_WriteString/WriteObject on sys.stderr: a bound write method, and the stream's own allocations. */
    private void write(String text) {
        long method = tracked();  // the bound write method
        if (ioFile != 0) {  // the real stream makes its own allocations
            if (!ioFailed) {
                try {
                    rt.stdio.write(ioFile, text);
                } catch (PyException e) {
                    ioFailed = true;
                    heap.decref(e.exc());
                }
            }
            heap.decref(method);
            return;
        }
        if (stderr == Stderr.LINE_BUFFERED) {
            if (pending == 0) {
                pending = 1;
            } else if (pending == 1) {
                pendingList = heap.lists.alloc(0);
                pending = 2;
            }
            if (text.indexOf('\n') >= 0) {  // line buffering: flush
                if (pending == 2) heap.decref(pendingList);
                pending = 0;
                memoryview();  // of the raw write
            }
        }
        rt.err.print(text);
        heap.decref(method);
    }

    /** display_source_line: opens the file through io and reads lines 1..lineno, then closes it. */
    private void readLine(String source, int lineno) {
        heap.decref(heap.lists.alloc(0));  // PyImport_Import("io")'s empty fromlist
        long args = tuple(4);               // io.open -> FileIO(file, mode, closefd, opener)
        long fileio = tracked();
        long fileioDict = heap.dicts.create();  // FileIO.name set
        heap.decref(args);
        args = tuple(2, fileio);            // BufferedReader(raw, buffering)
        long buffered = tracked();
        heap.decref(args);
        heap.decref(tracked());             // binary.fileno, bound
        args = tuple(2, buffered);          // TextIOWrapper(binary, encoding)
        long wrapper = tracked();
        long args1 = tuple(1);              // IncrementalDecoder('strict')
        long decoder = tracked();           // its instance
        heap.decref(args1);
        heap.decref(tuple(2, decoder));     // IncrementalNewlineDecoder(decoder, translate)
        heap.decref(tracked());             // buffer.read1, looked up
        heap.decref(args);

        byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
        long snapshot = 0;
        long read = 0;   // bytes read so far (whole chunks)
        boolean eof = false;
        int pos = 0;     // where the next line starts
        for (int i = 1; i <= lineno && !eof; i++) {
            int end = lineEnd(bytes, pos);  // index of the line's newline byte, or -1 at the last line
            long aside = 0;
            while (!eof && (end < 0 || read <= end)) {
                if (pos < read && aside == 0) aside = heap.lists.alloc(0);  // readline's chunks list
                long n = Math.min(CHUNK_SIZE, Math.max(0, bytes.length - read));
                snapshot = readChunk(snapshot);
                read += n;
                if (n == 0) eof = true;
            }
            if (aside != 0) heap.decref(aside);
            if (eof && snapshot != 0) {  // readline at end of file drops the snapshot
                heap.decref(snapshot);
                snapshot = 0;
            }
            pos = end < 0 ? bytes.length : end + 1;
        }
        heap.decref(buffered);
        heap.decref(decoder);
        if (snapshot != 0) heap.decref(snapshot);
        heap.decref(fileioDict);
        heap.decref(fileio);
        heap.decref(wrapper);
    }

    /** Index of the newline byte ending the line that starts at {@code pos} ('\r\n' counts at its '\n'), or -1. */
    private static int lineEnd(byte[] bytes, int pos) {
        for (int i = pos; i < bytes.length; i++) {
            if (bytes[i] == '\n') return i;
            if (bytes[i] == '\r') return i + 1 < bytes.length && bytes[i + 1] == '\n' ? i + 1 : i;
        }
        return -1;
    }

    /** textiowrapper_read_chunk with telling on: returns the new snapshot tuple (the old one is released). */
    private long readChunk(long oldSnapshot) {
        GcHooks gc = heap.gcHooks();
        heap.decref(tuple(2));              // decoder.getstate(): the Python decoder's (buffer, flags)
        heap.decref(tuple(2));              // and IncrementalNewlineDecoder's own
        memoryview();                       // of the raw read
        long result = tuple(2);             // codecs.utf_8_decode's (text, consumed)
        if (++decodeCalls < DECODE_SPECIALIZED_FROM_CALL) {
            gc.onGcAlloc();                 // UNPACK_SEQUENCE before specialization: a tuple iterator
            gc.onGcFree();
        }
        heap.decref(result);
        heap.decref(rt.sliceType.create(none(), none(), none()));  // data[consumed:]
        long snapshot = tuple(2);           // (dec_flags, next_input)
        if (oldSnapshot != 0) heap.decref(oldSnapshot);
        return snapshot;
    }

    /**
     * A stand-in for a GC object CPython tracks while it lives (an io object, a bound method, a
     * managed buffer): an empty cell, tracked in generation 0, so that a collection that starts
     * while it lives counts it among the survivors (which decide when generation 2 is collected)
     * as CPython's does. Released with decref.
     */
    private long tracked() {
        return rt.cellType.create(0);
    }

    /** PyMemoryView_FromBuffer and its release: the managed buffer, then the view over it, freed view first. */
    private void memoryview() {
        long mbuf = tracked();
        long view = tracked();
        heap.decref(view);
        heap.decref(mbuf);
    }

    /** A tuple of {@code n} Nones (argument and result tuples of atomic items: only their size matters, for the free lists). */
    private long tuple(int n) {
        long t = heap.tuples.alloc(n);
        for (int i = 0; i < n; i++) TupleType.setItemSteal(t, i, none());
        return t;
    }

    /**
     * An argument tuple whose first item is the GC object {@code first} (a new reference is taken),
     * the rest Nones: such a tuple stays tracked through a collection (a tuple of atomic items is
     * untracked by the first collection that sees it), so it is promoted with the io objects.
     */
    private long tuple(int n, long first) {
        long t = heap.tuples.alloc(n);
        heap.incref(first);
        TupleType.setItemSteal(t, 0, first);
        for (int i = 1; i < n; i++) TupleType.setItemSteal(t, i, none());
        return t;
    }

    private long none() {
        heap.incref(heap.None);
        return heap.None;
    }
}

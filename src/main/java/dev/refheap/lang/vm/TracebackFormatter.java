package dev.refheap.lang.vm;

import dev.refheap.lang.ast.Expr;
import dev.refheap.lang.ast.Module;
import dev.refheap.lang.ast.Stmt;
import dev.refheap.lang.bytecode.CodeUnit;
import dev.refheap.lang.parser.Parser;
import dev.refheap.memory.Native;
import dev.refheap.object.DictType;
import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Formats tracebacks the way CPython 3.11's {@code traceback} module does: the text python3 prints
 * for an uncaught exception, and what refheap records as a notebook cell's error output.
 *
 * <p>For each frame: the {@code File "...", line N, in NAME} line; the source line from the
 * {@link LineCache}, stripped, indented by four spaces (nothing if the line is unknown or blank);
 * and, when the failing instruction's position (its co_positions() entry) has columns and does
 * not cover the whole stripped line, a line of markers under it (PEP 657). The markers are
 * {@code ^} under the span; for a binary operation or a subscript that fits on one line, 3.11
 * re-parses the span and draws {@code ~} under the operands and {@code ^} under the operator
 * ({@code a / b} gives {@code ~~^~~}) or under the brackets ({@code d['k']} gives {@code ~^^^^^}).
 * A span over several lines is marked from its start to the end of its first line, without
 * operator markers. Columns are UTF-8 byte offsets; markers are placed in display columns (East
 * Asian wide characters count two), relative to the stripped line.
 *
 * <p>3.11's quirks are kept on purpose, since the output must be byte-identical: the offset of
 * the markers is computed from the line length including its trailing whitespace (so trailing
 * blanks shift the markers left), the operator search mixes byte and character offsets, and
 * {@code (a)/b} marks {@code /b} as the operator.
 *
 * <p>Frames repeated more than three times in a row (same file, line and function) are counted
 * in a {@code [Previous line repeated N more times]} line. Chained exceptions print their cause or
 * context first.
 *
 * <p>"Exception ignored in" reports (an exception escaping {@code __del__}, a weakref or gc
 * callback) are printed by CPython's C traceback printer instead, whose rules differ in small ways
 * that show: the source line keeps its trailing blanks and only spaces, tabs and form feeds are
 * stripped from its start; markers are omitted only when the span is exactly the rest of the line;
 * the operator search works on UTF-8 bytes and steps over closing parentheses; no cause/context
 * chain is printed, only the last 1000 frames, and the message line always has its ": ".
 * {@link UnraisableHook} writes those with {@link #lastC} and {@link #formatFrameC}.
 *
 * <p>Stateless apart from the runtime and line cache it reads.
 */
final class TracebackFormatter {
    static final int RECURSIVE_CUTOFF = 3;
    /** PyTraceBack_LIMIT: the C printer shows at most this many (most recent) frames. */
    static final int C_TRACEBACK_LIMIT = 1000;

    /**
     * One frame to show: what the traceback module's FrameSummary holds. {@code position} is the
     * failing instruction's co_positions() entry, or null when it has none (then no markers).
     */
    record FrameSummary(String filename, int lineno, String name, CodeUnit.Position position) {}

    /** Where the operator (or the brackets) of a one-line segment starts and ends, in characters of the segment. */
    record Anchors(int leftEnd, int rightStart) {}

    private final Runtime rt;
    private final LineCache lines;

    TracebackFormatter(Runtime rt, LineCache lines) {
        this.rt = rt;
        this.lines = lines;
    }

    // ---- exceptions on the heap -----------------------------------------------------------------

    /** traceback.format_exception: the traceback of {@code exc} with its cause/context chain. */
    String format(long exc) {
        return format(exc, false);
    }

    /**
     * As {@link #format(long)}; {@code suggest}: as 3.11's C display (PyErr_Display: python3's
     * uncaught exception, sys.excepthook, a thread's excepthook), which adds
     * {@link Suggestions}' ". Did you mean: 'x'?" to the message line; 3.11's traceback module does not.
     */
    String format(long exc, boolean suggest) {
        StringBuilder sb = new StringBuilder();
        formatChain(build(exc), sb, new int[1], new boolean[1], suggest);
        return sb.toString();
    }

    /** A TracebackException: an exception with the chained and grouped ones it will show. */
    private static final class Node {
        final long exc;
        Node cause, context;
        List<Node> members;

        Node(long exc, Set<Long> seen) {
            this.exc = exc;
            seen.add(exc);
        }
    }

    /**
     * TracebackException's construction: a work list (last in, first out) visits each exception; the
     * cause and the context get nodes unless already seen, then a group's members (always).
     */
    private Node build(long exc) {
        Set<Long> seen = new HashSet<>();
        Node top = new Node(exc, seen);
        java.util.ArrayDeque<Node> queue = new java.util.ArrayDeque<>();
        queue.push(top);
        while (!queue.isEmpty()) {
            Node te = queue.pop();
            long e = te.exc;
            if (!rt.ops.isInstance(e, rt.baseException)) continue;
            long cause = ExceptionType.cause(e), context = ExceptionType.context(e);
            te.cause = cause != 0 && !seen.contains(cause) ? new Node(cause, seen) : null;
            te.context = context != 0 && !seen.contains(context) ? new Node(context, seen) : null;
            List<Node> members = null;
            if (ExceptionGroups.isGroup(rt, e)) {
                members = new ArrayList<>();
                long excs = ExceptionGroups.exceptions(e);
                for (long i = 0; i < dev.refheap.object.TupleType.size(excs); i++) {
                    members.add(new Node(dev.refheap.object.TupleType.item(excs, i), seen));
                }
            }
            te.members = members;
            if (te.cause != null) queue.push(te.cause);
            if (te.context != null) queue.push(te.context);
            if (members != null) for (Node m : members) queue.push(m);
        }
        return top;
    }

    /** max_group_width and max_group_depth of 3.11's TracebackException. */
    private static final int MAX_GROUP_WIDTH = 15, MAX_GROUP_DEPTH = 10;

    /**
     * _ExceptionPrintContext.emit: every line of {@code text} indented by two spaces per group level,
     * then the margin character and a space inside a group.
     */
    private static void emit(StringBuilder sb, int depth, String text, char margin) {
        String indent = " ".repeat(2 * depth) + (depth > 0 ? margin + " " : "");
        int i = 0;
        while (i < text.length()) {
            int nl = text.indexOf('\n', i);
            int end = nl < 0 ? text.length() : nl + 1;
            sb.append(indent).append(text, i, end);
            i = end;
        }
    }

    /**
     * TracebackException.format: the chain (cause or context first), then this exception's traceback
     * and message line; an exception group adds its sub-exceptions in the +-+--- boxes, one level of
     * indentation deeper. {@code depth} and {@code needClose} are the print context's state.
     */
    private void formatChain(Node node, StringBuilder sb, int[] depth, boolean[] needClose, boolean suggest) {
        long exc = node.exc;
        boolean isExc = rt.ops.isInstance(exc, rt.baseException);
        if (isExc) {
            boolean suppress = Native.getLong(exc + ExceptionType.SUPPRESS) != 0;
            if (node.cause != null) {
                formatChain(node.cause, sb, depth, needClose, suggest);
                emit(sb, depth[0], "\nThe above exception was the direct cause of the following exception:\n\n", '|');
            } else if (node.context != null && !suppress) {
                formatChain(node.context, sb, depth, needClose, suggest);
                emit(sb, depth[0], "\nDuring handling of the above exception, another exception occurred:\n\n", '|');
            }
        }
        long tb = isExc ? ExceptionType.traceback(exc) : 0;
        if (!isExc || !ExceptionGroups.isGroup(rt, exc)) {
            List<FrameSummary> shown = tb == 0 ? null : suggest ? framesC(tb) : frames(tb);
            if (shown != null) {
                emit(sb, depth[0], "Traceback (most recent call last):\n", '|');
                emit(sb, depth[0], formatStack(shown, lines), '|');
            }
            emit(sb, depth[0], messageLine(exc, suggest), '|');
            emitNotes(sb, depth[0], exc, suggest);
            return;
        }
        if (depth[0] > MAX_GROUP_DEPTH) {
            emit(sb, depth[0], "... (max_group_depth is " + MAX_GROUP_DEPTH + ")\n", '|');
            return;
        }
        boolean toplevel = depth[0] == 0;
        if (toplevel) depth[0]++;
        List<FrameSummary> shown = tb == 0 ? null : suggest ? framesC(tb) : frames(tb);
        if (shown != null) {
            emit(sb, depth[0], "Exception Group Traceback (most recent call last):\n", toplevel ? '+' : '|');
            emit(sb, depth[0], formatStack(shown, lines), '|');
        }
        emit(sb, depth[0], messageLine(exc, suggest), '|');
        emitNotes(sb, depth[0], exc, suggest);
        long excs = ExceptionGroups.exceptions(exc);
        int num = (int) dev.refheap.object.TupleType.size(excs);
        int n = num <= MAX_GROUP_WIDTH ? num : MAX_GROUP_WIDTH + 1;
        needClose[0] = false;
        for (int i = 0; i < n; i++) {
            boolean last = i == n - 1;
            if (last) needClose[0] = true;
            boolean truncated = i >= MAX_GROUP_WIDTH;
            String title = truncated ? "..." : String.valueOf(i + 1);
            sb.append(" ".repeat(2 * depth[0])).append(i == 0 ? "+-" : "  ")
                    .append("+---------------- ").append(title).append(" ----------------\n");
            depth[0]++;
            if (!truncated) {
                formatChain(node.members.get(i), sb, depth, needClose, suggest);
            } else {
                int remaining = num - MAX_GROUP_WIDTH;
                emit(sb, depth[0], "and " + remaining + " more exception" + (remaining > 1 ? "s" : "") + "\n", '|');
            }
            if (last && needClose[0]) {
                sb.append(" ".repeat(2 * depth[0])).append("+------------------------------------\n");
                needClose[0] = false;
            }
            depth[0]--;
        }
        if (toplevel) depth[0] = 0;
    }

    /**
     * The exception's notes after its message line, each note's str line by line in the margin.
     * {@code display}: as the C display's print_exception_notes (__notes__ looked up as any
     * attribute; a sequence by PySequence_Check, a str too; "<note str() failed>" written without
     * the margin; anything else by its repr, no newline after it). Otherwise as 3.11's traceback.py, which
     * the corpus's recorded tracebacks come from ("<note str() failed>" in the margin; anything
     * else by its repr, with no newline after it).
     */
    private void emitNotes(StringBuilder sb, int depth, long exc, boolean display) {
        if (!rt.ops.isInstance(exc, rt.baseException)) return;
        long name = rt.heap.strs.internedOf("__notes__");
        long notes;
        try {
            notes = rt.ops.getAttrOrNull(exc, name, "__notes__");
        } catch (PyException e) {
            rt.heap.decref(e.exc());
            return;
        } finally {
            rt.heap.decref(name);
        }
        if (notes == 0) return;
        try {
            if (!display && notes == rt.heap.None) return;
            // PySequence_Check: not a dict, and a type with items by index (a str is one: each character a note)
            boolean sequence = !rt.ops.isInstance(notes, rt.heap.dicts) && rt.ops.lookupType(rt.heap.typeOf(notes), "__getitem__") != 0;
            if (!sequence) {
                String r;
                try {
                    r = rt.ops.repr(notes);
                } catch (PyException e) {
                    rt.heap.decref(e.exc());
                    r = "<__notes__ repr() failed>";
                }
                emit(sb, depth, r, '|');  // with no newline after it, in both printers
                return;
            }
            long n = rt.ops.len(notes);
            for (long i = 0; i < n; i++) {
                long index = rt.heap.ints.of(i), note;
                try {
                    note = rt.ops.getItem(notes, index);
                } finally {
                    rt.heap.decref(index);
                }
                String text;
                try {
                    text = rt.ops.str(note);
                } catch (PyException e) {
                    rt.heap.decref(e.exc());
                    text = null;
                } finally {
                    rt.heap.decref(note);
                }
                if (text == null && display) sb.append("<note str() failed>\n");
                else emit(sb, depth, (text == null ? "<note str() failed>" : text) + "\n", '|');
            }
        } finally {
            rt.heap.decref(notes);
        }
    }

    private String messageLine(long exc, boolean suggest) {
        String type = rt.ops.qualifiedTypeNameOf(rt.heap.typeOf(exc));
        if (type.startsWith("__main__.")) type = type.substring("__main__.".length());
        if (rt.heap.typeOf(exc) instanceof ClassType c && DictType.size(c.dict()) > 0) {
            long module = rt.heap.dicts.getItem(c.dict(), rt.names.__module__);
            if (module != 0 && !Heap.isStr(module)) type = "<unknown>." + type;  // both printers: a __module__ that is not a str
        }
        String[] syntax = syntaxErrorParts(exc);
        if (syntax != null) return syntax[0] + type + (syntax[1].isEmpty() ? "" : ": " + syntax[1]) + "\n";
        String msg = safeStr(exc);
        String suggestion = suggest ? Suggestions.offer(rt, exc) : null;
        return type + (msg.isEmpty() ? "" : ": " + msg) + (suggestion == null ? "" : ". Did you mean: '" + suggestion + "'?") + "\n";
    }

    /**
     * print_exception's branch for an exception with a {@code print_file_and_line} attribute
     * (SyntaxError and its subclasses): parse_syntax_error reads msg, filename (None: "<string>"),
     * lineno, offset (None: -1), for an exact SyntaxError end_lineno and end_offset (missing or None:
     * the line, -1; a subclass always gets those) and text; then the "File" line, the source line with
     * its carets when there is a text, and the message in place of str(exc). Returns {the lines before
     * the type, the message's str, or "" when the message is None or its str empty}, or null when an
     * attribute is missing or not an int where one is needed: CPython then drops that error and prints
     * the exception as any other.
     */
    private String[] syntaxErrorParts(long exc) {
        Heap heap = rt.heap;
        long msg = 0, filename = 0, text = 0;
        try {
            long marker = Attributes.getOrNull(rt, exc, "print_file_and_line");
            if (marker == 0) return null;
            heap.decref(marker);
            msg = Attributes.get(rt, exc, "msg");
            filename = Attributes.get(rt, exc, "filename");
            long lineno = ssize(Attributes.get(rt, exc, "lineno"), Long.MIN_VALUE);
            long offset = ssize(Attributes.get(rt, exc, "offset"), -1);
            long endLineno = lineno, endOffset = -1;
            if (heap.typeOf(exc) == rt.exceptionType("SyntaxError")) {
                long v = Attributes.getOrNull(rt, exc, "end_lineno");
                if (v != 0) endLineno = ssize(v, lineno);
                v = Attributes.getOrNull(rt, exc, "end_offset");
                if (v != 0) endOffset = ssize(v, -1);
            }
            text = Attributes.get(rt, exc, "text");
            StringBuilder sb = new StringBuilder();
            sb.append("  File \"").append(filename == heap.None ? "<string>" : safeStr(filename)).append("\", line ")
                    .append(lineno).append('\n');
            if (text != heap.None) {
                if (heap.typeOf(text) != heap.strs) return null;
                dev.refheap.lang.PySyntaxError.appendErrorText(sb, StrType.value(text), offset, endOffset, endLineno > lineno);
            }
            return new String[] {sb.toString(), msg == heap.None ? "" : safeStr(msg)};
        } catch (PyException e) {
            heap.decref(e.exc());
            return null;
        } finally {
            for (long v : new long[] {msg, filename, text}) if (v != 0) heap.decref(v);
        }
    }

    /**
     * PyLong_AsSsize_t of a new reference it releases: {@code none} for None, the value of an int,
     * else the TypeError or OverflowError CPython's call would raise (parse_syntax_error then fails).
     */
    private long ssize(long v, long none) {
        Heap heap = rt.heap;
        try {
            if (v == heap.None) {
                if (none == Long.MIN_VALUE) throw rt.typeError("an integer is required");
                return none;
            }
            if (!(rt.ops.baseView(v) instanceof dev.refheap.object.IntType)) throw rt.typeError("an integer is required");
            try {
                return dev.refheap.object.IntType.asLong(v);
            } catch (ArithmeticException e) {
                throw rt.error("OverflowError", "Python int too large to convert to C ssize_t");
            }
        } finally {
            heap.decref(v);
        }
    }

    /** str(exc), or {@code <exception str() failed>} when its __str__ raises (that error is dropped), as both printers do. */
    String safeStr(long exc) {
        try {
            return rt.ops.str(exc);
        } catch (PyException e) {
            rt.heap.decref(e.exc());
            return "<exception str() failed>";
        }
    }

    /** The traceback an exception holds, or 0 (also for what is not an exception). */
    long tracebackOf(long exc) {
        return rt.ops.isInstance(exc, rt.baseException) ? ExceptionType.traceback(exc) : 0;
    }

    /**
     * The unraisable hook's name of an exception class: its {@code __module__} (from the class's
     * own dict, as type's {@code __module__} getter reads it) and a dot unless that is
     * {@code builtins} or {@code __main__}, {@code <unknown>} without a dot when it is missing or
     * not a str; then its qualified name.
     */
    String unraisableTypeName(PyType t) {
        if (!(t instanceof ClassType c)) {
            String name = t.name();
            return name.startsWith("builtins.") ? name.substring("builtins.".length()) : name;
        }
        long module = DictType.size(c.dict()) > 0 ? rt.heap.dicts.getItem(c.dict(), rt.names.__module__) : 0;
        String qualname = StrType.value(Native.getLong(c.typeObject + ClassType.T_QUALNAME));
        if (module == 0 || !Heap.isStr(module)) return "<unknown>" + qualname;
        String m = StrType.value(module);
        return m.equals("builtins") || m.equals("__main__") ? qualname : m + "." + qualname;
    }

    /** The frames of a traceback chain, oldest first, each with the position of its tb_lasti. */
    List<FrameSummary> frames(long tb) {
        List<FrameSummary> out = new ArrayList<>();
        for (long t = tb; t != 0; t = TracebackType.next(t)) {
            Frame fr = rt.frameType.frame(TracebackType.frame(t));
            String file = StrType.value(Native.getLong(fr.codeObj + CodeType.FILENAME));
            String name = StrType.value(Native.getLong(fr.codeObj + CodeType.NAME));
            CodeUnit unit = fr.code.unit;
            int lasti = TracebackType.lasti(t);  // 3.11's byte offset: lasti // 2 indexes co_positions(), as traceback.py reads it
            var layout = fr.code.layout();
            CodeUnit.Position p = lasti >= 0 && lasti / 2 < layout.units ? layout.position(lasti / 2) : null;
            if (p == null || p.line() < 0) {
                out.add(new FrameSummary(file, TracebackType.lineno(t), name, null));
            } else {
                out.add(new FrameSummary(file, TracebackType.lineno(t), name, p));  // walk_tb's line is tb_lineno
            }
        }
        return out;
    }

    // ---- frames ---------------------------------------------------------------------------------

    /** StackSummary.format: every frame, with runs of more than three identical ones counted. */
    static String formatStack(List<FrameSummary> frames, LineCache lines) {
        return formatFrames(frames, lines, TracebackFormatter::formatFrame);
    }

    /** The frames, each as {@code format} prints it with its source line, runs of identical ones counted. */
    private static String formatFrames(List<FrameSummary> frames, LineCache lines,
            java.util.function.BiFunction<FrameSummary, String, String> format) {
        StringBuilder sb = new StringBuilder();
        walkFrames(frames, lines, new FrameVisitor() {
            @Override public void frame(FrameSummary f, String line) { sb.append(format.apply(f, line)); }
            @Override public void repeated(String text) { sb.append(text); }
        });
        return sb.toString();
    }

    /** What a traceback printer does with the frames it walks: show one, or count a run it cut short. */
    interface FrameVisitor {
        /** A frame to show, with its source line as linecache gives it ("" when there is none). */
        void frame(FrameSummary f, String line);

        /** The "[Previous line repeated N more times]" line ending a run of identical frames. */
        void repeated(String text);
    }

    /** Every frame in order; of a run of more than three identical ones (file, line, name) the rest are counted. */
    static void walkFrames(List<FrameSummary> frames, LineCache lines, FrameVisitor visitor) {
        FrameSummary last = null;
        int count = 0;
        for (FrameSummary f : frames) {
            if (last == null || !last.filename().equals(f.filename()) || last.lineno() != f.lineno()
                    || !last.name().equals(f.name())) {
                visitRepeated(visitor, count);
                last = f;
                count = 0;
            }
            count++;
            if (count > RECURSIVE_CUTOFF) continue;
            visitor.frame(f, lines.getline(f.filename(), f.lineno()));
        }
        visitRepeated(visitor, count);
    }

    /** PyTraceBack_Print: see {@link VmApi#formatTracebackC}. */
    String formatTracebackC(long tb) {
        if (rt.heap.typeOf(tb) != rt.tracebackType) {
            throw rt.error("SystemError", "Python/traceback.c:1071: bad argument to internal function");
        }
        List<FrameSummary> frames = framesC(tb);
        if (frames == null) return "";
        StringBuilder sb = new StringBuilder("Traceback (most recent call last):\n");
        walkFrames(frames, lines, new FrameVisitor() {
            @Override public void frame(FrameSummary f, String line) { sb.append(formatFrameC(f, line)); }
            @Override public void repeated(String text) { sb.append(text); }
        });
        return sb.toString();
    }

    /**
     * The frames PyTraceBack_Print shows of a traceback: the last sys.tracebacklimit of them (an int;
     * {@link #C_TRACEBACK_LIMIT} without one, all of them past a C long), or null for a limit of 0 or
     * less, which prints nothing, not even the "Traceback" line.
     */
    List<FrameSummary> framesC(long tb) {
        long limit = C_TRACEBACK_LIMIT;
        long sys = rt.heap.dicts.getItem(rt.sysModules, "sys");
        long lv = sys == 0 || !rt.isModule(sys) ? 0 : rt.heap.dicts.getItem(ModuleType.dict(sys), "tracebacklimit");
        if (lv != 0 && rt.ops.baseView(lv) instanceof dev.refheap.object.IntType) {
            if (!dev.refheap.object.IntType.fitsLong(lv)) {
                if (dev.refheap.object.IntType.toBig(lv).signum() < 0) return null;
                limit = Long.MAX_VALUE;
            } else {
                limit = dev.refheap.object.IntType.asLong(lv);
                if (limit <= 0) return null;
            }
        }
        List<FrameSummary> frames = frames(tb);
        return frames.size() > limit ? frames.subList(frames.size() - (int) limit, frames.size()) : frames;
    }

    private static void visitRepeated(FrameVisitor visitor, int count) {
        if (count > RECURSIVE_CUTOFF) {
            int more = count - RECURSIVE_CUTOFF;
            visitor.repeated("  [Previous line repeated " + more + " more time" + (more > 1 ? "s" : "") + "]\n");
        }
    }

    /**
     * One frame: its File line, the stripped source line and the marker line under the failing
     * span. {@code line} is the source line as linecache gives it (with its newline), or "".
     */
    static String formatFrame(FrameSummary f, String line) {
        StringBuilder row = new StringBuilder();
        row.append("  File \"").append(f.filename()).append("\", line ").append(f.lineno()).append(", in ")
                .append(f.name()).append('\n');
        int[] cps = line.codePoints().toArray();
        int[] stripped = strip(cps);
        if (stripped.length == 0) return row.toString();
        row.append("    ").append(new String(stripped, 0, stripped.length)).append('\n');
        CodeUnit.Position p = f.position();
        if (p == null || p.col() < 0 || p.endCol() < 0) return row.toString();

        int strippedCharacters = cps.length - stripped.length;
        int start = byteToCharOffset(cps, p.col());
        int end = byteToCharOffset(cps, p.endCol());
        int[] segment = slice(cps, start, end);
        Anchors anchors = null;
        if (f.lineno() == p.endLine()) {
            anchors = anchors(segment);
        } else {
            end = rstrip(cps).length;  // the span goes on below: mark to the end of this line
        }
        if (end - start < stripped.length || (anchors != null && anchors.rightStart() - anchors.leftEnd() > 0)) {
            int dpStart = displayWidth(cps, start) + 1;
            int dpEnd = displayWidth(cps, end) + 1;
            row.append("    ").append(" ".repeat(Math.max(0, dpStart - strippedCharacters)));
            if (anchors != null) {
                int dpLeftEnd = displayWidth(segment, anchors.leftEnd());
                int dpRightStart = displayWidth(segment, anchors.rightStart());
                row.append("~".repeat(Math.max(0, dpLeftEnd)));
                row.append("^".repeat(Math.max(0, dpRightStart - dpLeftEnd)));
                row.append("~".repeat(Math.max(0, dpEnd - dpStart - dpRightStart)));
            } else {
                row.append("^".repeat(Math.max(0, dpEnd - dpStart)));
            }
            row.append('\n');
        }
        return row.toString();
    }

    /**
     * The C printer's frame (tb_displayline): as {@link #formatFrame}, with the differences listed in
     * the class comment. {@code line} is the source line with its newline, or "".
     */
    static String formatFrameC(FrameSummary f, String line) {
        StringBuilder row = new StringBuilder();
        row.append("  File \"").append(f.filename()).append("\", line ").append(f.lineno()).append(", in ")
                .append(f.name()).append('\n');
        if (line.isEmpty()) return row.toString();
        String text = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        int[] cps = text.codePoints().toArray();
        int lead = 0;
        while (lead < cps.length && isCBlank(cps[lead])) lead++;
        row.append("    ").append(new String(cps, lead, cps.length - lead)).append('\n');
        CodeUnit.Position p = f.position();
        if (p == null || p.line() < 0 || p.endLine() < 0 || p.col() < 0 || p.endCol() < 0) return row.toString();

        int start = cByteToCharOffset(cps, p.col());
        int end = cByteToCharOffset(cps, p.endCol());
        Anchors anchors = null;
        if (p.line() == p.endLine()) {
            anchors = cAnchors(cps, start, end);
        } else {
            // to the last non-blank character: 3.11 walks back from the length in characters over
            // the UTF-8 bytes, which lands early on lines with non-ASCII text
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            int i = cps.length;
            while (--i >= 0) {
                if (!isCBlank(bytes[i])) break;
            }
            end = i + 1;
        }
        if (end - start == cps.length - lead && anchors == null) return row.toString();
        row.append("    ").append(" ".repeat(Math.max(0, displayWidth(cps, start) - lead)));
        for (int c = Math.max(start, 0); c < end; c++) {
            char mark = anchors == null || (anchors.leftEnd() <= c && c < anchors.rightStart()) ? '^' : '~';
            int width = c < cps.length && EastAsianWide.isWide(cps[c]) ? 2 : 1;
            for (int k = 0; k < width; k++) row.append(mark);
        }
        row.append('\n');
        return row.toString();
    }

    /**
     * The C printer's anchors for line[start:end], as character offsets in the line: the operator
     * of a binary operation (the first non-blank bytes between the operands that are not a closing
     * parenthesis) or the brackets of a subscript.
     */
    private static Anchors cAnchors(int[] line, int start, int end) {
        int[] segment = slice(line, start, end);
        Stmt.ExprStmt stmt = singleExpression(segment);
        if (stmt == null) return null;
        byte[] seg = new String(segment, 0, segment.length).getBytes(StandardCharsets.UTF_8);
        int left, right;
        switch (stmt.value()) {
            case Expr.BinOp b -> {
                left = right = -1;
                int rightCol = b.right().colOffset();
                for (int i = b.left().endColOffset(); i < rightCol && i < seg.length; i++) {
                    if (isCBlank(seg[i])) continue;
                    left = i;
                    right = i + 1;
                    if (i + 1 < rightCol && i + 1 < seg.length && !isCBlank(seg[i + 1])) right++;
                    if (i + 1 < rightCol && seg[i] == ')') continue;
                    break;
                }
                if (left < 0) return null;
            }
            case Expr.Subscript sub -> {
                left = sub.value().endColOffset();
                right = sub.slice().endColOffset() + 1;
                while (left < seg.length && seg[left] != '[') left++;
                while (right < seg.length && seg[right] != ']') right++;
                if (right < seg.length) right++;
            }
            default -> {
                return null;
            }
        }
        return new Anchors(cByteToCharOffset(segment, left) + start, cByteToCharOffset(segment, right) + start);
    }

    /** The C traceback code's IS_WHITESPACE. */
    private static boolean isCBlank(int c) {
        return c == ' ' || c == '\t' || c == '\f';
    }

    /**
     * _PyPegen_byte_offset_to_character_offset: characters in the first {@code offset} UTF-8 bytes,
     * a cut character counting as one; an offset past the end reads the string's terminating NUL
     * as one more character.
     */
    static int cByteToCharOffset(int[] cps, int offset) {
        int total = 0;
        for (int cp : cps) total += utf8Length(cp);
        if (offset > total) return cps.length + 1;
        return byteToCharOffset(cps, Math.max(0, offset));
    }

    /** The statement of a segment that parses on its own as one expression statement, or null. */
    private static Stmt.ExprStmt singleExpression(int[] segment) {
        Module tree;
        try {
            tree = Parser.parseModule(new String(segment, 0, segment.length), "<unknown>");
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
        return tree.body().size() == 1 && tree.body().getFirst() instanceof Stmt.ExprStmt stmt ? stmt : null;
    }

    /**
     * The operator or brackets of a segment that parses on its own as a single binary operation or
     * subscript expression; null for anything else (including segments that do not parse).
     */
    static Anchors anchors(int[] segment) {
        Stmt.ExprStmt stmt = singleExpression(segment);
        if (stmt == null) return null;
        try {
            return switch (stmt.value()) {
                case Expr.BinOp b -> binOpAnchors(segment, b);
                case Expr.Subscript s -> subscriptAnchors(segment, s);
                default -> null;
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Anchors binOpAnchors(int[] seg, Expr.BinOp b) {
        int[] op = slice(seg, byteToCharOffset(seg, b.left().endColOffset()), byteToCharOffset(seg, b.right().colOffset()));
        int opOffset = op.length - lstrip(op).length;
        // 3.11 adds the operator's character offset to the left operand's byte offset
        int left = b.left().endColOffset() + opOffset;
        int right = left + 1;
        if (opOffset + 1 < op.length && !isSpace(op[opOffset + 1])) right++;  // two-character operator
        while (left < seg.length && (isSpace(seg[left]) || seg[left] == ')' || seg[left] == '#')) {
            left++;
            right++;
        }
        return new Anchors(byteToCharOffset(seg, left), byteToCharOffset(seg, right));
    }

    private static Anchors subscriptAnchors(int[] seg, Expr.Subscript s) {
        int left = byteToCharOffset(seg, s.value().endColOffset());
        int right = byteToCharOffset(seg, s.slice().endColOffset() + 1);
        while (left < seg.length && seg[left] != '[') left++;
        while (right < seg.length && seg[right] != ']') right++;
        if (right < seg.length) right++;
        return new Anchors(left, right);
    }

    // ---- Python string semantics over code points ---------------------------------------------

    /**
     * The number of characters in the first {@code offset} UTF-8 bytes of {@code cps}, a character
     * cut in the middle counting as one (Python decodes the bytes with errors="replace").
     */
    static int byteToCharOffset(int[] cps, int offset) {
        if (offset < 0) {  // Python's slice from the end
            int total = 0;
            for (int cp : cps) total += utf8Length(cp);
            offset = Math.max(0, total + offset);
        }
        int bytes = 0, chars = 0;
        for (int cp : cps) {
            if (bytes >= offset) break;
            bytes += utf8Length(cp);
            chars++;
        }
        return chars;
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }

    /** The display width of the first {@code offset} characters (the offset itself for an all-ASCII line). */
    static int displayWidth(int[] cps, int offset) {
        boolean ascii = true;
        for (int cp : cps) if (cp >= 0x80) { ascii = false; break; }
        if (ascii) return offset;
        int n = sliceEnd(cps.length, offset), width = 0;
        for (int i = 0; i < n; i++) width += EastAsianWide.isWide(cps[i]) ? 2 : 1;
        return width;
    }

    /** str.isspace for one character. */
    static boolean isSpace(int cp) {
        return switch (cp) {
            case '\t', '\n', 0x0B, '\f', '\r', 0x1C, 0x1D, 0x1E, 0x1F, ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029,
                 0x202F, 0x205F, 0x3000 -> true;
            default -> cp >= 0x2000 && cp <= 0x200A;
        };
    }

    static int[] strip(int[] cps) {
        int a = 0, b = cps.length;
        while (a < b && isSpace(cps[a])) a++;
        while (b > a && isSpace(cps[b - 1])) b--;
        return java.util.Arrays.copyOfRange(cps, a, b);
    }

    private static int[] lstrip(int[] cps) {
        int a = 0;
        while (a < cps.length && isSpace(cps[a])) a++;
        return java.util.Arrays.copyOfRange(cps, a, cps.length);
    }

    private static int[] rstrip(int[] cps) {
        int b = cps.length;
        while (b > 0 && isSpace(cps[b - 1])) b--;
        return java.util.Arrays.copyOf(cps, b);
    }

    /** cps[start:end] with Python's clamping. */
    private static int[] slice(int[] cps, int start, int end) {
        int a = sliceEnd(cps.length, start), b = sliceEnd(cps.length, end);
        return b <= a ? new int[0] : java.util.Arrays.copyOfRange(cps, a, b);
    }

    private static int sliceEnd(int length, int i) {
        if (i < 0) return Math.max(0, length + i);
        return Math.min(i, length);
    }

    /** The characters of East Asian Width W or F (two columns), from Unicode 14 as CPython 3.11 ships it. */
    static final class EastAsianWide {
        private static final int[] RANGES = load();

        private EastAsianWide() {}

        static boolean isWide(int cp) {
            int lo = 0, hi = RANGES.length / 2 - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (cp < RANGES[2 * mid]) hi = mid - 1;
                else if (cp > RANGES[2 * mid + 1]) lo = mid + 1;
                else return true;
            }
            return false;
        }

        private static int[] load() {
            try (InputStream in = TracebackFormatter.class.getResourceAsStream("east-asian-wide.txt")) {
                if (in == null) throw new IllegalStateException("east-asian-wide.txt missing from the build");
                List<String> ls = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).lines()
                        .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
                int[] r = new int[2 * ls.size()];
                for (int i = 0; i < ls.size(); i++) {
                    String[] ab = ls.get(i).split("-");
                    r[2 * i] = Integer.parseInt(ab[0], 16);
                    r[2 * i + 1] = Integer.parseInt(ab[1], 16);
                }
                return r;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

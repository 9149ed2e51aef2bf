package dev.refheap.trace;

import dev.refheap.lang.PySyntaxError;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.Runtime;
import dev.refheap.lang.vm.RuntimeOptions;
import dev.refheap.notebook.Notebook;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One recorded run: a script (one cell) or a notebook (its code cells in one namespace), in a
 * fresh runtime with its own heap and the {@link TraceLimits}, its output captured. Produces the
 * record (docs/trace-format.md) as plain maps and lists, ready for JSON. A watchdog interrupts the
 * program at the wall-time limit even between line events (a long loop inside one line).
 *
 * <p>{@code sandboxed}: the program may not write memory through ctypes (the web page's runs).
 */
public final class TraceRun {
    public static final String FORMAT = "refheap-trace/1";

    private TraceRun() {}

    /** Records {@code source} ({@code .ipynb} JSON when {@code notebook}) named {@code name}. */
    public static Map<String, Object> record(String name, String source, boolean notebook, TraceLimits limits, boolean sandboxed) {
        return record(name, source, notebook, limits, sandboxed, rt -> { });
    }

    /** As above; {@code created} sees the run's runtime when it is made (tests check what becomes of its heap). */
    static Map<String, Object> record(String name, String source, boolean notebook, TraceLimits limits, boolean sandboxed,
                                      java.util.function.Consumer<Runtime> created) {
        List<String> cells = new ArrayList<>();
        if (notebook) {
            Notebook nb = Notebook.read(source.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < nb.size(); i++) cells.add(nb.source(i));
        } else {
            cells.add(source);
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("format", FORMAT);
        record.put("name", name);
        record.put("kind", notebook ? "notebook" : "script");
        List<Map<String, Object>> cellList = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) cellList.add(Map.of("index", i, "source", cells.get(i)));
        record.put("cells", cellList);
        record.put("limits", Map.of("maxSteps", limits.maxSteps(), "wallMillis", limits.wallMillis(), "heapBytes", limits.heapBytes(),
                "snapshotBudget", limits.snapshotBudget(), "objectsPerStep", limits.objectsPerStep()));
        String reason = "finished", message = null, error = null;
        Recorder rec = null;
        Runtime rt = null;
        boolean abandoned = false;
        try {
            rt = new Runtime(new RuntimeOptions(limits.heapBytes(), false, out, out));
            if (sandboxed) rt.setSandboxed(true);
            created.accept(rt);
            rec = new Recorder(rt, limits, buf::size);
            Recorder recorder = rec;
            Thread watchdog = Thread.ofPlatform().daemon().start(() -> {
                try {
                    Thread.sleep(limits.wallMillis());
                    recorder.stop("stopped after " + limits.wallMillis() / 1000.0 + " s (the time limit; --max-seconds changes it)");
                } catch (InterruptedException e) {
                    // the run ended first
                }
            });
            rt.setDisplayHook(out::println);
            rec.install();
            try {
                for (int i = 0; i < cells.size(); i++) {
                    String file = notebook ? "<cell " + (i + 1) + ">" : name;
                    rec.beginCell(i, file);
                    String cellError = null;
                    try {
                        if (notebook) rt.runCell(cells.get(i), file);
                        else rt.exec(cells.get(i), file);
                    } catch (PyException e) {
                        if (rec.stopped() == null) cellError = notebook ? rt.formatException(e) : rt.formatUncaught(e);
                    } catch (PySyntaxError e) {
                        cellError = e.format();
                    }
                    if (cellError != null) out.print(cellError);
                    out.flush();
                    rec.endOfCell(cellError);
                    if (cellError != null) {
                        reason = "error";
                        error = cellError;
                        break;
                    }
                    if (rec.stopped() != null) break;
                }
            } finally {
                rec.uninstall();
                watchdog.interrupt();
            }
        } catch (Recorder.Abandoned e) {
            abandoned = true;  // the heap may be mid-operation: not closed (no deallocator runs on it), its memory given back
        } catch (dev.refheap.memory.HeapLimitExceeded e) {
            reason = "limit";
            message = "stopped: the heap limit (" + limits.heapBytes() + " bytes) was reached";
        } catch (StackOverflowError e) {
            reason = "error";
            error = "RecursionError: maximum recursion depth exceeded (the Java stack ran out)";
        } finally {
            if (rt != null && abandoned) rt.abandon();
            if (rt != null && !abandoned) {
                try {
                    rt.close();
                } catch (RuntimeException e) {
                    // a run ended by a limit may leave objects alive: nothing to report to the user
                }
            }
        }
        if (rec != null && rec.stopped() != null) {
            reason = "limit";
            message = rec.stopped();
        }
        out.flush();
        record.put("stdout", buf.toString(StandardCharsets.UTF_8));
        Map<String, Object> ended = new LinkedHashMap<>();
        ended.put("reason", reason);
        if (message != null) ended.put("message", message);
        if (abandoned) ended.put("abandoned", true);
        if (error != null) ended.put("error", error);
        record.put("ended", ended);
        record.put("steps", rec == null ? List.of() : rec.steps());
        return record;
    }
}

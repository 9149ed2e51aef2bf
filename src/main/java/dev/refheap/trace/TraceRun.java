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
        return record(name, source, notebook, limits, sandboxed, created, () -> { });
    }

    /** How long past the time limit the caller waits for a stopped program before giving it up (see {@link Run}). */
    static final long GIVE_UP_MILLIS = 2_000;

    /**
     * As above; {@code ended} runs on the program's thread when that thread is done with its
     * runtime (its heap closed or abandoned), which may be after this method returned: the web
     * server admits the next program only then.
     */
    public static Map<String, Object> record(String name, String source, boolean notebook, TraceLimits limits, boolean sandboxed,
                                             java.util.function.Consumer<Runtime> created, Runnable ended) {
        List<String> cells = new ArrayList<>();
        if (notebook) {
            Notebook nb = Notebook.read(source.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < nb.size(); i++) cells.add(nb.source(i));
        } else {
            cells.add(source);
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("format", FORMAT);
        record.put("name", name);
        record.put("kind", notebook ? "notebook" : "script");
        List<Map<String, Object>> cellList = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) cellList.add(Map.of("index", i, "source", cells.get(i)));
        record.put("cells", cellList);
        record.put("limits", Map.of("maxSteps", limits.maxSteps(), "wallMillis", limits.wallMillis(), "heapBytes", limits.heapBytes(),
                "snapshotBudget", limits.snapshotBudget(), "objectsPerStep", limits.objectsPerStep()));
        Run run = new Run(name, cells, notebook, limits, sandboxed, created, ended);
        Thread t = new Thread(null, run::execute, "refheap-trace", 1L << 30);  // the interpreter wants a deep stack
        t.setDaemon(true);
        t.start();
        try {
            // the time limit counts from the program's start (a runtime takes a while to make on a loaded machine)
            while (t.isAlive()) {
                long started = run.startedNanos;
                long left = started == 0 ? 50 : limits.wallMillis() + GIVE_UP_MILLIS - (System.nanoTime() - started) / 1_000_000;
                if (left <= 0) break;
                t.join(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.stopNow("stopped: the recording was cancelled");
        }
        run.finish(record, t.isAlive());
        return record;
    }

    /**
     * The program's side of a recorded run, on a thread of its own (which alone touches the
     * runtime and its heap). A watchdog stops the program at the time limit: the interrupt flag
     * the VM polls at calls and backward jumps, and the long builtins (a huge power, a sort, a
     * join) inside their loops. A program still running a second later is unwound at its next
     * heap event ({@link Recorder.Abandoned}) and its heap abandoned. A program that does neither
     * (one step of pure Java work, such as the last squaring of a huge power) is given up by the
     * caller {@link #GIVE_UP_MILLIS} past the limit: the record ends there, and the thread frees
     * its heap itself when its Java work ends; nothing else uses that heap.
     */
    private static final class Run {
        final String name;
        final List<String> cells;
        final boolean notebook, sandboxed;
        final TraceLimits limits;
        final java.util.function.Consumer<Runtime> created;
        final Runnable ended;
        final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        volatile Recorder rec;
        /** When the runtime was made and the program's time began (System.nanoTime), 0 before. */
        volatile long startedNanos;
        volatile boolean done;
        String reason = "finished", message, error;
        boolean abandoned;
        Throwable failure;

        Run(String name, List<String> cells, boolean notebook, TraceLimits limits, boolean sandboxed,
            java.util.function.Consumer<Runtime> created, Runnable ended) {
            this.name = name;
            this.cells = cells;
            this.notebook = notebook;
            this.limits = limits;
            this.sandboxed = sandboxed;
            this.created = created;
            this.ended = ended;
        }

        void stopNow(String why) {
            Recorder r = rec;
            if (r != null) r.stop(why);
        }

        void execute() {
            Runtime rt = null;
            Thread watchdog = null;
            try {
                rt = new Runtime(new RuntimeOptions(limits.heapBytes(), false, out, out));
                if (sandboxed) rt.setSandboxed(true);
                startedNanos = System.nanoTime();
                created.accept(rt);
                Recorder recorder = new Recorder(rt, limits, buf::size);
                rec = recorder;
                watchdog = Thread.ofPlatform().daemon().start(() -> {
                    try {
                        Thread.sleep(limits.wallMillis());
                        recorder.stop("stopped after " + limits.wallMillis() / 1000.0 + " s (the time limit; --max-seconds changes it)");
                    } catch (InterruptedException e) {
                        // the run ended first
                    }
                });
                rt.setDisplayHook(out::println);
                runCells(rt, recorder);
            } catch (Recorder.Abandoned e) {
                abandoned = true;  // the heap may be mid-operation: not closed (no deallocator runs on it), its memory given back
            } catch (dev.refheap.memory.HeapLimitExceeded e) {
                reason = "limit";
                message = "stopped: the heap limit (" + limits.heapBytes() + " bytes) was reached";
            } catch (StackOverflowError e) {
                reason = "error";
                error = "RecursionError: maximum recursion depth exceeded (the Java stack ran out)";
            } catch (Throwable e) {
                failure = e;
            } finally {
                if (watchdog != null) watchdog.interrupt();
                done = true;
                try {
                    if (rt != null && abandoned) rt.abandon();
                    if (rt != null && !abandoned) {
                        try {
                            rt.close();
                        } catch (RuntimeException e) {
                            // a run ended by a limit may leave objects alive: nothing to report to the user
                        }
                    }
                } finally {
                    ended.run();
                }
            }
        }

        private void runCells(Runtime rt, Recorder rec) {
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
            }
        }

        /**
         * Completes {@code record} on the caller's thread: the program's outcome when its thread is
         * done, else ({@code givenUp}) what was recorded until now, the run marked abandoned.
         */
        void finish(Map<String, Object> record, boolean givenUp) {
            Recorder r = rec;
            List<Map<String, Object>> steps = r == null ? List.of() : r.detach();
            boolean gaveUp = givenUp && !done;
            if (!gaveUp && failure != null) {
                if (failure instanceof RuntimeException e) throw e;
                if (failure instanceof Error e) throw e;
                throw new IllegalStateException(failure);
            }
            Map<String, Object> endedMap = new LinkedHashMap<>();
            String why = r == null ? null : r.stopped();
            if (gaveUp) {
                endedMap.put("reason", "limit");
                endedMap.put("message", why != null ? why : "stopped: the program did not end");
                endedMap.put("abandoned", true);
            } else {
                String rsn = reason, msg = message;
                if (why != null) {
                    rsn = "limit";
                    msg = why;
                }
                endedMap.put("reason", rsn);
                if (msg != null) endedMap.put("message", msg);
                if (abandoned) endedMap.put("abandoned", true);
                if (error != null) endedMap.put("error", error);
            }
            out.flush();
            record.put("stdout", buf.toString(StandardCharsets.UTF_8));
            record.put("ended", endedMap);
            record.put("steps", steps);
        }
    }
}

package dev.refheap.notebook;

import dev.refheap.lang.PySyntaxError;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.Runtime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a notebook as a kernel does: each code cell compiled on its own and run in one shared
 * namespace; a cell ending in an expression whose value is not None shows its repr (no output
 * history is kept, so reference counts are not disturbed). Output goes to the terminal as it
 * happens and is also recorded per cell for {@code --output}.
 */
public final class NotebookRunner {
    private final Runtime rt;
    private final Notebook nb;
    private final String name;

    public NotebookRunner(Runtime rt, Notebook nb, String name) {
        this.rt = rt;
        this.nb = nb;
        this.name = name;
    }

    /**
     * Runs every code cell (until a KeyboardInterrupt); writes the executed notebook to {@code output}
     * if given. Returns 0, 1 if a cell failed, {@link #INTERRUPTED} if one was interrupted.
     */
    public int run(Path output) {
        PrintStream out = rt.out(), err = rt.err();
        List<Notebook.CellOutput> outputs = new ArrayList<>();
        boolean failed = false, interrupted = false;
        for (int i = 0; i < nb.size() && !interrupted; i++) {
            int count = i + 1;
            err.flush();
            System.err.println("[refheap] cell " + count + "/" + nb.size());
            ByteArrayOutputStream cellOut = new ByteArrayOutputStream(), cellErr = new ByteArrayOutputStream();
            PrintStream tOut = new PrintStream(new Tee(out, cellOut), true, StandardCharsets.UTF_8);
            PrintStream tErr = new PrintStream(new Tee(err, cellErr), true, StandardCharsets.UTF_8);
            rt.setStreams(tOut, tErr);
            String[] result = {null};
            rt.setDisplayHook(text -> {
                result[0] = text;  // saved as the cell's execute_result only, as a kernel does
                out.println(text);  // the terminal shows it, as it shows the rest of the cell's output
            });
            Notebook.Error error = null;
            try {
                rt.runCell(nb.source(i), "<cell " + nb.recordedCount(i) + ">");
            } catch (PyException e) {
                String type = rt.exceptionTypeName(e), value = rt.exceptionMessage(e);
                String tb = rt.formatException(e);
                err.print(tb);  // shown on the terminal; recorded as the error output, not as stderr text
                error = new Notebook.Error(type, value, Arrays.asList(tb.split("\n")));
                failed = true;
                interrupted = rt.isKeyboardInterrupt(e);  // Ctrl-C: the remaining cells are not run, as a kernel's interrupt
            } catch (PySyntaxError e) {
                String tb = e.formatAsTracebackModule();  // as a kernel's runner prints it: the traceback module's rules
                err.print(tb);  // shown on the terminal; recorded as the error output, not as stderr text
                error = new Notebook.Error(e.kind().toString(), e.msg(), Arrays.asList(tb.split("\n")));
                failed = true;
            }
            tOut.flush();
            tErr.flush();
            outputs.add(new Notebook.CellOutput(count, cellOut.toString(StandardCharsets.UTF_8), cellErr.toString(StandardCharsets.UTF_8),
                    result[0], error));
        }
        rt.setStreams(out, err);
        out.flush();
        if (output != null) {
            try {
                nb.write(output, outputs);
            } catch (IOException e) {
                String why = e instanceof java.nio.file.NoSuchFileException ? "No such file or directory"
                        : e instanceof java.nio.file.AccessDeniedException ? "Permission denied" : e.getMessage();
                System.err.println("refheap: cannot write " + output + ": " + why + " (" + output + " was left as it was)");
                return 1;
            }
        }
        return interrupted ? INTERRUPTED : failed ? 1 : 0;
    }

    /** {@link #run}'s status when a KeyboardInterrupt stopped the notebook (the shell's 128 + SIGINT). */
    public static final int INTERRUPTED = 130;

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a, b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override public void write(int c) throws IOException { a.write(c); b.write(c); }
        @Override public void write(byte[] buf, int off, int len) throws IOException { a.write(buf, off, len); b.write(buf, off, len); }
        @Override public void flush() throws IOException { a.flush(); }
    }
}

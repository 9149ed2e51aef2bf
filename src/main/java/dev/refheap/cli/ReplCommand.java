package dev.refheap.cli;

import dev.refheap.lang.PySyntaxError;
import dev.refheap.lang.parser.Parser;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.Runtime;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The interactive prompt: {@code >>>} and {@code ...} for continuation lines, history, the value of
 * an expression echoed, Ctrl-C interrupting the running code (KeyboardInterrupt) or the current
 * input, Ctrl-D leaving. Each input is compiled on its own, like a notebook cell.
 */
@Command(name = "repl", description = "Start the interactive prompt (also what refheap does with no arguments).")
final class ReplCommand implements Callable<Integer> {
    @Mixin
    RuntimeFlags ownFlags = new RuntimeFlags();

    @picocli.CommandLine.ParentCommand
    Main parent;

    @Override
    public Integer call() { return start(ownFlags.with(parent == null ? null : parent.flags)); }

    static int start(RuntimeFlags flags) {
        try (Runtime rt = flags.newRuntime(); Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("refheap")
                    .variable(LineReader.SECONDARY_PROMPT_PATTERN, "... ").build();
            Thread python = Thread.currentThread();
            terminal.handle(Terminal.Signal.INT, s -> rt.interrupt());
            terminal.writer().println("refheap 0.1.0 (CPython 3.11 memory semantics). Ctrl-D to exit.");
            terminal.flush();
            int n = 0;
            while (true) {
                StringBuilder input = new StringBuilder();
                try {
                    String line = reader.readLine(">>> ");
                    input.append(line);
                    while (Parser.isIncomplete(input.toString()) || (input.toString().strip().endsWith(":") || (input.indexOf("\n") > 0 && !line.isBlank())) && !line.isBlank()) {
                        line = reader.readLine("... ");
                        input.append('\n').append(line);
                        if (line.isBlank()) break;
                    }
                } catch (UserInterruptException e) {
                    terminal.writer().println("KeyboardInterrupt");
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                if (input.toString().isBlank()) continue;
                n++;
                try {
                    rt.clearInterrupt();
                    rt.runCell(input.toString() + "\n", "<stdin>");
                } catch (PyException e) {
                    rt.out().flush();
                    if (rt.isSystemExit(e)) return SystemExits.status(rt, e);
                    System.err.print(rt.formatException(e));
                } catch (PySyntaxError e) {
                    System.err.print(e.format());
                }
                rt.out().flush();
                System.err.flush();
                if (python.isInterrupted()) Thread.interrupted();
            }
            flags.afterRun(rt);
            return 0;
        } catch (java.io.IOException e) {
            System.err.println("refheap: cannot open the terminal: " + e.getMessage());
            return 1;
        }
    }
}

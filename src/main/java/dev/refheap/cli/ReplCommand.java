package dev.refheap.cli;

import dev.refheap.lang.PySyntaxError;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.Runtime;
import dev.refheap.lang.vm.Stdin;
import java.nio.file.Path;
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
 * The interactive prompt, shaped like python3's: {@code >>>}, then {@code ...} while an input
 * goes on ({@link ReplInput}: open brackets, compound statements until a blank line); the repr of
 * an expression's value echoed (not for None); an error prints its traceback and the session goes
 * on; Ctrl-C at the prompt drops the input ("KeyboardInterrupt"), Ctrl-C while code runs raises
 * KeyboardInterrupt in it (its traceback, then the prompt, the namespace intact); Ctrl-D on an
 * empty line leaves with status 0. History: the arrow keys recall earlier lines, kept in
 * {@code ~/.refheap_history} (as python3 keeps ~/.python_history). Each input is compiled on its
 * own in {@code __main__}, with the file name {@code <stdin>} and lines counted from 1.
 *
 * <p>States: reading (the terminal in raw mode, Ctrl-C is a key) ⇄ running (the terminal in its
 * normal mode, Ctrl-C is SIGINT, tripped with {@link Runtime#signal}) → closed.
 */
@Command(name = "repl", description = "Start the interactive prompt (also what refheap does with no arguments).")
final class ReplCommand implements Callable<Integer> {
    static final String PS1 = ">>> ", PS2 = "... ";

    @Mixin
    RuntimeFlags ownFlags = new RuntimeFlags();

    @picocli.CommandLine.ParentCommand
    Main parent;

    @Override
    public Integer call() { return start(ownFlags.with(parent == null ? null : parent.flags)); }

    static int start(RuntimeFlags flags) {
        String fatal = flags.fatalStartError();
        if (fatal != null) {
            System.err.print(fatal);
            return 1;
        }
        Runtime.MainConfig config = flags.mainConfig(java.util.List.of(""), "");
        StartupImages image = flags.startupImage(config);
        try (Runtime rt = flags.newRuntime(config, image); Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
            LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("refheap")
                    .variable(LineReader.SECONDARY_PROMPT_PATTERN, PS2)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)  // '!' is Python, not a history event
                    .option(LineReader.Option.INSERT_TAB, true)               // Tab indents, as in python3
                    .variable(LineReader.BLINK_MATCHING_PAREN, 0);            // no cursor trip back to '(' on ')', as in python3
            rt.clearInterrupt();
            if (flags.cpythonStartup()) {
                try {
                    flags.runCpythonStartup(rt, image);
                } catch (dev.refheap.lang.vm.PyException e) {
                    System.err.print(rt.formatUncaught(e, true));
                    return 1;
                }
            } else {
                flags.startTracing(rt);
            }
            Path history = historyFile();
            if (history != null) builder.variable(LineReader.HISTORY_FILE, history);
            LineReader reader = builder.build();
            terminal.handle(Terminal.Signal.INT, s -> rt.signal(2));
            // input() in the session reads through this reader (its own history-free line), never around it
            Stdin.setLineReader(prompt -> {
                try {
                    return reader.readLine(prompt);
                } catch (UserInterruptException e) {
                    throw Stdin.interrupted();
                } catch (EndOfFileException e) {
                    // python3 leaves the cursor after the prompt (the traceback starts there); JLine has moved to a new line
                    Terminal t = reader.getTerminal();
                    int column = org.jline.utils.AttributedString.fromAnsi(prompt).columnLength();
                    if (!Terminal.TYPE_DUMB.equals(t.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(t.getType())) {
                        t.writer().print("\u001b[A\r" + (column > 0 ? "\u001b[" + column + "C" : ""));
                        t.flush();
                    }
                    throw Stdin.endOfInput();
                }
            });
            terminal.writer().println("refheap 0.1.0 (CPython 3.11 memory semantics). Ctrl-D to exit.");
            terminal.flush();
            while (true) {
                String input;
                try {
                    input = readInput(reader);
                } catch (Interrupted e) {
                    terminal.writer().println("KeyboardInterrupt");
                    terminal.flush();
                    continue;
                } catch (EndOfFileException e) {
                    break;  // JLine has moved to a new line, as python3 does
                }
                if (input.isBlank()) continue;
                Integer exit = run(rt, input);
                if (exit != null) return exit;
            }
            return flags.afterRun(rt) ? 0 : 70;
        } catch (java.io.IOException e) {
            System.err.println("refheap: cannot open the terminal: " + e.getMessage());
            return 1;
        }
    }

    /** One input: the first line, then "... " lines while python3 would ask for more. */
    private static String readInput(LineReader reader) {
        StringBuilder input = new StringBuilder(readLine(reader, PS1));
        while (ReplInput.needsMore(input.toString())) {
            input.append('\n').append(readLine(reader, PS2));
        }
        return input.toString();
    }

    /**
     * One line. When Ctrl-C drops it, JLine has already moved to the next line; "^C" is added at
     * the end of the dropped line, where python3's readline shows it.
     */
    private static String readLine(LineReader reader, String prompt) {
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            Terminal t = reader.getTerminal();
            int column = org.jline.utils.AttributedString.fromAnsi(prompt + e.getPartialLine()).columnLength();
            if (!Terminal.TYPE_DUMB.equals(t.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(t.getType()) && column + 2 < t.getWidth()) {
                t.writer().print("\u001b[A\r" + (column > 0 ? "\u001b[" + column + "C" : "") + "^C\n");
            }
            throw new Interrupted();
        }
    }

    /** Ctrl-C at a prompt: the input is dropped. */
    private static final class Interrupted extends RuntimeException {
        Interrupted() { super(null, null, false, false); }
    }

    /** Runs one input in __main__; returns an exit status if it raised SystemExit, else null. */
    private static Integer run(Runtime rt, String input) {
        try {
            // A Ctrl-C pressed between Enter and the start of the code interrupts it (it is cleared only after each input).
            rt.runCell(input + "\n", "<stdin>");
        } catch (PyException e) {
            rt.out().flush();
            if (rt.isSystemExit(e)) return SystemExits.status(rt, e);
            rt.writeStderr(rt.formatException(e, true));
        } catch (PySyntaxError e) {
            rt.writeStderr(e.format());
        } finally {
            rt.clearInterrupt();  // a Ctrl-C that came after the code finished is not kept for the next input
            Thread.interrupted();
            rt.flushStdio();
            rt.out().flush();
            System.err.flush();
        }
        return null;
    }

    /** ~/.refheap_history, or null when there is no writable home directory. */
    private static Path historyFile() {
        String home = System.getProperty("user.home");
        if (home == null || home.isEmpty() || home.equals("?")) return null;
        Path dir = Path.of(home);
        return java.nio.file.Files.isDirectory(dir) && java.nio.file.Files.isWritable(dir) ? dir.resolve(".refheap_history") : null;
    }
}

package dev.refheap.cli;

import dev.refheap.lang.PySyntaxError;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.Runtime;
import dev.refheap.notebook.Notebook;
import dev.refheap.notebook.NotebookRunner;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code refheap run FILE.py} runs a program; {@code refheap run NOTEBOOK.ipynb [--output OUT]} runs a notebook. */
@Command(name = "run", description = "Run a Python file, or a notebook's code cells in one namespace.")
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "A .py program or an .ipynb notebook.")
    String file;

    /** The program's own arguments (sys.argv[1:]). */
    java.util.List<String> programArgs = java.util.List.of();

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Notebooks: write the executed notebook here (nbformat 4).")
    Path output;

    @Mixin
    RuntimeFlags ownFlags = new RuntimeFlags();

    @picocli.CommandLine.ParentCommand
    Main parent;

    @Override
    public Integer call() {
        RuntimeFlags flags = ownFlags.with(parent == null ? null : parent.flags);
        if (file.equals("-")) return Main.runStdin(flags, "-");
        byte[] bytes;
        try {
            bytes = SourceFiles.bytes(file);
            if (file.endsWith(".ipynb")) {
                if ("cpython".equals(flags.startup)) {
                    // a notebook starts small (--startup=refheap), as the seed notebook's recorded outputs were made
                    System.err.println("refheap: --startup=cpython is not supported for notebooks yet (scripts, -c, -m and the REPL start so by default)");
                    return 2;
                }
                Notebook nb;
                try {
                    nb = Notebook.read(bytes);
                } catch (IllegalArgumentException e) {
                    System.err.println("refheap: " + file + ": " + e.getMessage());
                    return 1;
                }
                try (Runtime rt = flags.newRuntime(java.util.List.of(file), scriptDirectory(file))) {
                    Signals.attach(rt);
                    int status = new NotebookRunner(rt, nb, file).run(output);
                    boolean consistent = flags.afterRun(rt);
                    Main.exitRuntime(rt, null);
                    Signals.detach(rt);
                    if (status == NotebookRunner.INTERRUPTED) Main.interruptedExit = true;
                    return consistent ? status : 70;
                }
            }
            java.util.List<String> argv = new java.util.ArrayList<>();
            argv.add(file);
            argv.addAll(programArgs);
            String filename = SourceFiles.absolute(file);
            return Main.runProgram(flags, SourceFiles.text(bytes, filename), filename, argv, scriptDirectory(file));
        } catch (SourceFiles.Unreadable e) {
            System.err.println(e.getMessage());
            return e.status;
        }
    }

    /** sys.path[0] for a script: its directory, absolute, links resolved (as python3 sets it). */
    static String scriptDirectory(String file) {
        Path p = Path.of(file).toAbsolutePath();
        try {
            p = p.toRealPath();
        } catch (java.io.IOException ignored) {
            // unreadable files fail later with python3's message
        }
        Path dir = p.getParent();
        return dir == null ? "/" : dir.toString();
    }
}

package dev.refheap.cli;

import dev.refheap.lang.PySyntaxError;
import dev.refheap.lang.bytecode.Disassembler;
import dev.refheap.lang.compiler.Compiler;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code refheap dis FILE.py}: the bytecode refheap compiles the program to. */
@Command(name = "dis", description = "Disassemble a Python file's bytecode.")
final class DisCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE")
    String file;

    @Override
    public Integer call() {
        try {
            String source = SourceFiles.text(SourceFiles.bytes(file), file);
            System.out.print(Disassembler.disassemble(Compiler.compile(source, file, Compiler.Mode.EXEC)));
            return 0;
        } catch (SourceFiles.Unreadable e) {
            System.err.println(e.getMessage());
            return e.status;
        } catch (PySyntaxError e) {
            System.err.print(e.format());
            return 1;
        }
    }
}

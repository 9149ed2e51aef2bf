package dev.refheap.lang.compiler;

import dev.refheap.lang.bytecode.CodeUnit;
import dev.refheap.lang.bytecode.CodeUnit.ExceptionEntry;
import dev.refheap.lang.bytecode.Disassembler;
import dev.refheap.lang.parser.Parser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every program of the parser corpus and of {@code compiler/cases} compiles to exactly what CPython 3.11
 * produces: the same code objects with the same co_consts, co_names, co_varnames, co_cellvars,
 * co_freevars, flags, argument counts, co_stacksize, instructions (with line numbers) and exception
 * table, in refheap's dialect. The expected files come from {@code compiler/generate.py}.
 */
class CpythonParityTest {
    static final Path ROOT = Path.of("src/test/resources");

    static List<Path> programs() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String dir : new String[] {"parser/corpus", "compiler/cases"}) {
            try (Stream<Path> s = Files.list(ROOT.resolve(dir))) {
                s.filter(p -> p.toString().endsWith(".py")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> compilesLikeCpython() throws IOException {
        return programs().stream().map(py -> DynamicTest.dynamicTest(py.getFileName().toString(), () -> {
            String name = py.getFileName().toString().replaceAll("\\.py$", "");
            String expected = Files.readString(ROOT.resolve("compiler/expected/" + name + ".dis"),
                    StandardCharsets.UTF_8).strip();
            CodeUnit code = Compiler.compileModule(Parser.parseModule(Files.readAllBytes(py),
                    py.getFileName().toString()), py.getFileName().toString(), Compiler.Mode.EXEC);
            String actual = dump(code).strip();
            if (!expected.equals(actual)) {
                Path out = Path.of("target/parity-actual/" + name + ".dis");
                Files.createDirectories(out.getParent());
                Files.writeString(out, actual + "\n");
            }
            if (divergences().contains(name)) {
                assertEquals(scopeLines(expected), scopeLines(actual));
            } else {
                assertEquals(expected, actual);
            }
        }));
    }

    /**
     * One test per corpus program that compiles like CPython on purpose (not in divergences.txt):
     * {@code dump} of its module's code equals python3's {@code compiler/expected/NAME.EXT}; a
     * differing dump is written to target/parity-actual/ for inspection.
     */
    static Stream<DynamicTest> eachAgainstExpected(String ext, java.util.function.Function<CodeUnit, String> dump) throws IOException {
        var divergent = divergences();
        return programs().stream()
                .filter(py -> !divergent.contains(name(py)))
                .map(py -> DynamicTest.dynamicTest(py.getFileName().toString(), () -> {
                    String expected = Files.readString(ROOT.resolve("compiler/expected/" + name(py) + "." + ext),
                            StandardCharsets.UTF_8).strip();
                    CodeUnit code = Compiler.compileModule(Parser.parseModule(Files.readAllBytes(py),
                            py.getFileName().toString()), py.getFileName().toString(), Compiler.Mode.EXEC);
                    String actual = dump.apply(code).strip();
                    if (!expected.equals(actual)) {
                        Path out = Path.of("target/parity-actual/" + name(py) + "." + ext);
                        Files.createDirectories(out.getParent());
                        Files.writeString(out, actual + "\n");
                    }
                    assertEquals(expected, actual);
                }));
    }

    static String name(Path py) {
        return py.getFileName().toString().replaceAll("\\.py$", "");
    }

    static List<String> divergences() throws IOException {
        return Files.readAllLines(ROOT.resolve("compiler/divergences.txt")).stream()
                .filter(l -> !l.startsWith("#") && l.contains(":")).map(l -> l.substring(0, l.indexOf(':'))).toList();
    }

    static List<String> scopeLines(String dump) {
        return dump.lines().filter(l -> l.startsWith("code ") || l.startsWith("  names:")
                || l.startsWith("  varnames:") || l.startsWith("  cellvars:") || l.startsWith("  freevars:")).toList();
    }

    /** The same text generate.py writes for a CPython code object. */
    static String dump(CodeUnit code) {
        StringBuilder out = new StringBuilder();
        dump(code, out);
        return out.toString();
    }

    private static void dump(CodeUnit c, StringBuilder out) {
        out.append(String.format("code %s qualname=%s flags=0x%x argcount=%d posonly=%d kwonly=%d stacksize=%d"
                        + " firstlineno=%d%n", c.name(), c.qualname(), c.flags(), c.argcount(), c.posonlyargcount(),
                c.kwonlyargcount(), c.stacksize(), c.firstLineno()));
        List<String> consts = c.consts().stream().map(CpythonParityTest::constRepr).toList();
        out.append("  consts: ").append(String.join(", ", consts)).append('\n');
        out.append("  names: ").append(String.join(", ", c.names())).append('\n');
        out.append("  varnames: ").append(String.join(", ", kind(c, CodeUnit.KIND_LOCAL))).append('\n');
        out.append("  cellvars: ").append(String.join(", ", kind(c, CodeUnit.KIND_CELL))).append('\n');
        out.append("  freevars: ").append(String.join(", ", kind(c, CodeUnit.KIND_FREE))).append('\n');
        for (int i = 0; i < c.instructionCount(); i++) {
            String arg = Disassembler.takesArgument(c.opcode(i)) ? " " + c.arg(i) : "";
            out.append(String.format("  %4d %4d %s%s%n", i, c.lines()[i], c.opcode(i).name(), arg));
        }
        for (ExceptionEntry e : c.exceptionTable()) {
            out.append(String.format("  exc %d-%d -> %d depth %d%s%n", e.start(), e.end(), e.target(), e.depth(),
                    e.lasti() ? " lasti" : ""));
        }
        for (Object k : c.consts()) {
            if (k instanceof CodeUnit nested) {
                dump(nested, out);
            }
        }
    }

    private static List<String> kind(CodeUnit c, byte kind) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < c.localsplusKinds().length; i++) {
            if ((c.localsplusKinds()[i] & kind) != 0) {
                out.add(c.localsplusNames().get(i));
            }
        }
        return out;
    }

    static String constRepr(Object v) {
        if (v instanceof CodeUnit c) {
            return "<code " + c.name() + ">";
        }
        if (v instanceof CodeUnit.ConstTuple t) {
            List<String> items = t.items().stream().map(CpythonParityTest::constRepr).toList();
            return "(" + String.join(", ", items) + (items.size() == 1 ? ",)" : ")");
        }
        if (v instanceof CodeUnit.ConstFrozenset f) {
            List<String> items = f.items().stream().map(CpythonParityTest::constRepr).sorted().toList();
            return "frozenset({" + String.join(", ", items) + "})";
        }
        return Disassembler.constRepr(v);
    }
}

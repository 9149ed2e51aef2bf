package dev.refheap.notebook;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refheap.lang.vm.Runtime;
import dev.refheap.lang.vm.RuntimeOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failing cell's error output: the traceback as a kernel shows it, with 3.11's marker lines. */
class NotebookRunnerTest {
    @TempDir
    Path dir;

    /**
     * The expected lines are what CPython 3.11 prints for these cells when each cell's source is
     * known to linecache (as a Jupyter kernel registers it), run as cpython_nbrun.py runs them.
     */
    @Test
    void cellErrorOutputCarriesMarkers() throws Exception {
        Notebook nb = Notebook.read("""
                {"cells": [
                  {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [],
                   "source": ["def f(d):\\n", "    return d['missing']\\n", "x = 1\\n"]},
                  {"cell_type": "code", "execution_count": 2, "metadata": {}, "outputs": [], "source": ["f({}) + 1\\n"]}
                 ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """.getBytes(StandardCharsets.UTF_8));
        JsonNode error = cellsOfAFailingRun(nb).get(1).get("outputs").get(0);
        assertEquals("error", error.get("output_type").asText());
        assertEquals("KeyError", error.get("ename").asText());
        List<String> tb = new ArrayList<>();
        error.get("traceback").forEach(l -> tb.add(l.asText()));
        assertEquals(List.of(
                "Traceback (most recent call last):",
                "  File \"<cell 2>\", line 1, in <module>",
                "    f({}) + 1",
                "    ^^^^^",
                "  File \"<cell 1>\", line 2, in f",
                "    return d['missing']",
                "           ~^^^^^^^^^^^",
                "KeyError: 'missing'"), tb);
    }

    /**
     * A cell that fails to compile is shown with the traceback module's rules, as cpython_nbrun.py
     * prints it (its lines after the runner's own ast.parse frame): an IndentationError's carets run
     * to its end_offset, and a tab in the stripped indent stays in the text.
     */
    @Test
    void bug_syntaxErrorCellRenderedByTracebackModuleRules() throws Exception {
        Notebook nb = Notebook.read("""
                {"cells": [
                  {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [], "source": "if x:\\npass"},
                  {"cell_type": "code", "execution_count": 2, "metadata": {}, "outputs": [], "source": "a = 1\\n\\tb = 2"},
                  {"cell_type": "code", "execution_count": 3, "metadata": {}, "outputs": [], "source": "def f(:\\n  pass"}
                 ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """.getBytes(StandardCharsets.UTF_8));
        JsonNode cells = cellsOfAFailingRun(nb);
        List<List<String>> tbs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<String> tb = new ArrayList<>();
            cells.get(i).get("outputs").get(0).get("traceback").forEach(l -> tb.add(l.asText()));
            tbs.add(tb);
        }
        assertEquals(List.of(
                List.of("  File \"<cell 1>\", line 2", "    pass", "    ^^^^",
                        "IndentationError: expected an indented block after 'if' statement on line 1"),
                List.of("  File \"<cell 2>\", line 2", "    \tb = 2", "    ^", "IndentationError: unexpected indent"),
                List.of("  File \"<cell 3>\", line 1", "    def f(:", "          ^", "SyntaxError: invalid syntax")), tbs);
    }

    /** Runs {@code nb} (which must fail: status 1), its output and the runner's progress lines kept out of the test's; the written notebook's cells. */
    private JsonNode cellsOfAFailingRun(Notebook nb) throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
        Path out = dir.resolve("out.ipynb");
        PrintStream stderr = System.err;
        try (Runtime rt = new Runtime(new RuntimeOptions(1L << 30, false, ps, ps))) {
            System.setErr(ps);
            assertEquals(1, new NotebookRunner(rt, nb, "nb.ipynb").run(out));
        } finally {
            System.setErr(stderr);
        }
        return new ObjectMapper().readTree(out.toFile()).get("cells");
    }
}

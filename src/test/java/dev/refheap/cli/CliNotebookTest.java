package dev.refheap.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notebooks through the command line: what is saved, and that nothing is lost (issue 7). */
class CliNotebookTest {
    @TempDir
    Path dir;

    static String notebook(String... sources) {
        StringBuilder sb = new StringBuilder("{\"cells\": [");
        for (int i = 0; i < sources.length; i++) {
            if (i > 0) sb.append(',');
            sb.append("{\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [], \"execution_count\": null, \"source\": ")
                    .append(sources[i]).append('}');
        }
        return sb.append("], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}\n").toString();
    }

    @Test
    void bug_failedOutputWriteKeepsTheInputNotebook() throws Exception {
        String input = notebook("\"print('x' * 8000)\"");
        Path nb = Files.writeString(dir.resolve("nb.ipynb"), input);
        // the process may write no file larger than 4 KiB: the executed notebook (8 KB of output) cannot be written
        List<String> jvm = CliRun.command("run", "nb.ipynb", "--output", "nb.ipynb");
        jvm.add(1, "-XX:-UsePerfData");
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "ulimit -f 4; exec \"$@\"", "sh"));
        cmd.addAll(jvm);
        Process p = CliRun.builder(dir, cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        assertEquals(1, p.exitValue(), err);
        assertTrue(err.contains("refheap: cannot write nb.ipynb: File too large (nb.ipynb was left as it was)"), err);
        assertEquals(input, Files.readString(nb));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("nb.ipynb"), files.map(f -> f.getFileName().toString()).toList(), "no temporary file left");
        }
    }

    @Test
    void bug_outputIntoAMissingDirectoryIsAClearError() throws Exception {
        Files.writeString(dir.resolve("nb.ipynb"), notebook("\"1\""));
        CliRun r = CliRun.in(dir, "run", "nb.ipynb", "--output", "no/such/out.ipynb");
        assertEquals(1, r.status());
        assertTrue(r.err().endsWith("refheap: cannot write no/such/out.ipynb: No such file or directory (no/such/out.ipynb was left as it was)\n"), r.err());
    }

    @Test
    void bug_lastExpressionIsSavedOnceAsExecuteResult() throws Exception {
        Files.writeString(dir.resolve("nb.ipynb"), notebook("\"print('before')\\nx = 1\\nx == 1\""));
        CliRun r = CliRun.in(dir, "run", "nb.ipynb", "--output", "out.ipynb");
        assertEquals(0, r.status(), r.err());
        assertEquals("before\nTrue\n", r.out());  // the console shows the value as before
        JsonNode outputs = new ObjectMapper().readTree(dir.resolve("out.ipynb").toFile()).at("/cells/0/outputs");
        assertEquals(2, outputs.size(), outputs.toString());
        assertEquals("stream", outputs.get(0).get("output_type").asText());
        assertEquals("before\n", outputs.get(0).at("/text/0").asText());
        assertEquals("execute_result", outputs.get(1).get("output_type").asText());
        assertEquals("True", outputs.get(1).at("/data/text~1plain").asText());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            null                        | cell 2: "source" is null; expected a string or a list of strings
            `["x = 1\\n", 2]`           | cell 2: "source" line 2 is a number (2), not a string
            {"a": 1}                    | cell 2: "source" is an object; expected a string or a list of strings
            """)
    void bug_malformedSourceIsOneClearErrorNamingTheCell(String source, String message) throws Exception {
        Files.writeString(dir.resolve("nb.ipynb"), notebook("\"print('first')\"", source));
        CliRun r = CliRun.in(dir, "run", "nb.ipynb");
        assertEquals(1, r.status());
        assertEquals("", r.out(), "no cell runs");
        assertEquals("refheap: nb.ipynb: " + message + "\n", r.err());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"cells": [1], "nbformat": 4}                          | cell 1: not a JSON object but a number (1)
            {"cells": [{"source": "1"}], "nbformat": 4}            | cell 1: "cell_type" is missing; expected "code", "markdown" or "raw"
            {"cells": [{"cell_type": 7, "source": ""}]}            | cell 1: "cell_type" is a number (7); expected "code", "markdown" or "raw"
            {"cells": [{"cell_type": "python", "source": ""}]}     | cell 1: unknown "cell_type" "python"; expected "code", "markdown" or "raw"
            {"cells": [{"cell_type": "code"}]}                     | cell 1: no "source"; expected a string or a list of strings
            {"cells": {}, "nbformat": 4}                           | no "cells" list: not an nbformat 4 notebook
            {"worksheets": [], "nbformat": 3}                      | nbformat 3 is not supported (only nbformat 4 notebooks)
            [1, 2]                                                 | not a notebook: the top level is not a JSON object
            ``                                                     | not a notebook: the top level is not a JSON object
            """)
    void bug_malformedNotebookIsOneClearError(String json, String message) throws Exception {
        Files.writeString(dir.resolve("nb.ipynb"), json == null ? "" : json);
        CliRun r = CliRun.in(dir, "run", "nb.ipynb");
        assertEquals(1, r.status());
        assertEquals("refheap: nb.ipynb: " + message + "\n", r.err());
    }

    @Test
    void bug_notJsonIsOneClearError() throws Exception {
        Files.writeString(dir.resolve("nb.ipynb"), "{\"cells\": [");
        CliRun r = CliRun.in(dir, "run", "nb.ipynb");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("refheap: nb.ipynb: not valid JSON: "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void outputOverTheInputReplacesIt() throws Exception {
        Files.writeString(dir.resolve("nb.ipynb"), notebook("\"print(2)\""));
        CliRun r = CliRun.in(dir, "run", "nb.ipynb", "--output", "nb.ipynb");
        assertEquals(0, r.status(), r.err());
        JsonNode out = new ObjectMapper().readTree(dir.resolve("nb.ipynb").toFile());
        assertEquals("2\n", out.at("/cells/0/outputs/0/text/0").asText());
    }

    @Test
    void bug_loneSurrogatesInANotebookRoundTrip() throws Exception {
        // a lone surrogate escaped in the notebook's JSON is one code point in the program, as
        // python3 reads it; the cell's value is its repr, on the console and in the saved notebook,
        // and the saved source keeps the surrogate
        Files.writeString(dir.resolve("nb.ipynb"), notebook("\"s = '\\ud800' + 'x'\\nprint(len(s), hex(ord(s[0])))\\ns\""));
        CliRun r = CliRun.in(dir, "run", "nb.ipynb", "--output", "out.ipynb");
        assertEquals(0, r.status(), r.err());
        assertEquals("2 0xd800\n'\\ud800x'\n", r.out());
        JsonNode out = new ObjectMapper().readTree(dir.resolve("out.ipynb").toFile());
        assertEquals("s = '\ud800' + 'x'\nprint(len(s), hex(ord(s[0])))\ns", out.at("/cells/0/source").asText());
        assertEquals("'\\ud800x'", out.at("/cells/0/outputs/1/data/text~1plain").asText());
    }
}

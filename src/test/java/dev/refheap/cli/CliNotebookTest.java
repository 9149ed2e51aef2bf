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
    void outputOverTheInputReplacesIt() throws Exception {
        Files.writeString(dir.resolve("nb.ipynb"), notebook("\"print(2)\""));
        CliRun r = CliRun.in(dir, "run", "nb.ipynb", "--output", "nb.ipynb");
        assertEquals(0, r.status(), r.err());
        JsonNode out = new ObjectMapper().readTree(dir.resolve("nb.ipynb").toFile());
        assertEquals("2\n", out.at("/cells/0/outputs/0/text/0").asText());
    }
}

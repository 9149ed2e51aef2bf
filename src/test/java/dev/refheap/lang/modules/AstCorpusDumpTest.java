package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every program of the conformance corpus parsed by refheap into {@code ast} node objects dumps
 * as python3's {@code ast.dump(ast.parse(src), include_attributes=True)}: the SHA-256 of each
 * dump is compared with the table {@code scripts/ast_dump_table.py} made from python3
 * ({@code src/test/resources/ast/corpus_dumps.txt}). The dumps are made by
 * {@code dump_corpus.py} running on refheap.
 */
class AstCorpusDumpTest {
    @Test
    void everyCorpusProgramDumpsAsPython3s() throws IOException, NoSuchAlgorithmException {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/ast/corpus_dumps.txt"))) {
            int sp = line.indexOf(' ');
            expected.put(line.substring(sp + 1), line.substring(0, sp));
        }
        StringBuilder program = new StringBuilder("SOURCES = [\n");
        HexFormat hex = HexFormat.of();
        for (String path : expected.keySet()) {
            program.append("    ('").append(path).append("', '").append(hex.formatHex(Files.readAllBytes(Path.of(path)))).append("'),\n");
        }
        program.append("]\n").append(Files.readString(Path.of("src/test/resources/ast/dump_corpus.py")));
        String out = NativeModuleRun.run(program.toString());
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<String> wrong = new ArrayList<>();
        int seen = 0;
        for (String line : out.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab < 0) continue;
            String path = line.substring(0, tab);
            String digest = hex.formatHex(sha.digest(line.substring(tab + 1).getBytes(StandardCharsets.UTF_8)));
            seen++;
            if (!digest.equals(expected.get(path))) wrong.add(path);
        }
        assertEquals(expected.size(), seen, "programs dumped (output starts: " + out.substring(0, Math.min(300, out.length())) + ")");
        assertTrue(wrong.isEmpty(), wrong.size() + " dumps differ from python3's: " + wrong);
    }
}

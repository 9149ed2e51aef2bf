package dev.refheap.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An nbformat-4 notebook: its code cells in, their outputs out. Reading keeps the whole document
 * so that {@link #write} produces the same notebook with fresh outputs and execution counts.
 */
public final class Notebook {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectNode root;
    private final List<ObjectNode> codeCells = new ArrayList<>();

    private Notebook(ObjectNode root) {
        this.root = root;
        JsonNode format = root.get("nbformat");
        if (format != null && !(format.isInt() && format.asInt() == 4)) {
            throw new IllegalArgumentException("nbformat " + format + " is not supported (only nbformat 4 notebooks)");
        }
        JsonNode cells = root.get("cells");
        if (cells == null || !cells.isArray()) throw new IllegalArgumentException("no \"cells\" list: not an nbformat 4 notebook");
        for (int i = 0; i < cells.size(); i++) {
            JsonNode c = cells.get(i);
            String where = "cell " + (i + 1) + ": ";
            if (!c.isObject()) throw new IllegalArgumentException(where + "not a JSON object but " + kind(c));
            JsonNode type = c.get("cell_type");
            if (type == null || !type.isTextual()) {
                throw new IllegalArgumentException(where + "\"cell_type\" is " + (type == null ? "missing" : kind(type))
                        + "; expected \"code\", \"markdown\" or \"raw\"");
            }
            switch (type.asText()) {
                case "code" -> {
                    checkSource(c.get("source"), where);
                    codeCells.add((ObjectNode) c);
                }
                case "markdown", "raw" -> checkSource(c.get("source"), where);
                default -> throw new IllegalArgumentException(where + "unknown \"cell_type\" " + type + "; expected \"code\", \"markdown\" or \"raw\"");
            }
        }
    }

    /** nbformat 4: a cell's source is a string or a list of strings (its lines). */
    private static void checkSource(JsonNode src, String where) {
        if (src == null) throw new IllegalArgumentException(where + "no \"source\"; expected a string or a list of strings");
        if (src.isTextual()) return;
        if (src.isArray()) {
            for (int j = 0; j < src.size(); j++) {
                if (!src.get(j).isTextual()) {
                    throw new IllegalArgumentException(where + "\"source\" line " + (j + 1) + " is " + kind(src.get(j)) + ", not a string");
                }
            }
            return;
        }
        throw new IllegalArgumentException(where + "\"source\" is " + kind(src) + "; expected a string or a list of strings");
    }

    /** How a JSON value is named in an error: null, a number, a list... */
    private static String kind(JsonNode n) {
        if (n.isNull()) return "null";
        if (n.isNumber()) return "a number (" + n + ")";
        if (n.isBoolean()) return n.toString();
        if (n.isArray()) return "a list";
        if (n.isObject()) return "an object";
        return "a string";
    }

    /** Reads a notebook; a clear IllegalArgumentException for anything that is not one. */
    public static Notebook read(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("not a notebook: the top level is not a JSON object");
        return new Notebook((ObjectNode) root);
    }

    public int size() { return codeCells.size(); }

    /** The source of code cell {@code i}. */
    public String source(int i) {
        JsonNode src = codeCells.get(i).get("source");  // checked when read: a string or a list of strings
        if (src.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode line : src) sb.append(line.asText());
            return sb.toString();
        }
        return src.asText();
    }

    /** The execution count recorded in the file for code cell {@code i} (or i + 1). */
    public int recordedCount(int i) {
        JsonNode n = codeCells.get(i).get("execution_count");
        return n != null && n.isInt() ? n.asInt() : i + 1;
    }

    /** The outputs of one executed cell. */
    public record CellOutput(int executionCount, String stdout, String stderr, String result, Error error) {}

    public record Error(String ename, String evalue, List<String> traceback) {}

    /** Replaces the outputs of every code cell and writes the notebook to {@code path}. */
    public void write(Path path, List<CellOutput> outputs) throws IOException {
        for (int i = 0; i < codeCells.size(); i++) {
            ObjectNode cell = codeCells.get(i);
            ArrayNode outs = JSON.createArrayNode();
            if (i < outputs.size()) {
                CellOutput o = outputs.get(i);
                cell.put("execution_count", o.executionCount());
                if (!o.stdout().isEmpty()) outs.add(stream("stdout", o.stdout()));
                if (!o.stderr().isEmpty()) outs.add(stream("stderr", o.stderr()));
                if (o.result() != null) {
                    ObjectNode r = JSON.createObjectNode();
                    r.put("output_type", "execute_result");
                    r.put("execution_count", o.executionCount());
                    r.putObject("data").put("text/plain", o.result());
                    r.putObject("metadata");
                    outs.add(r);
                }
                if (o.error() != null) {
                    ObjectNode e = JSON.createObjectNode();
                    e.put("output_type", "error");
                    e.put("ename", o.error().ename());
                    e.put("evalue", o.error().evalue());
                    ArrayNode tb = e.putArray("traceback");
                    o.error().traceback().forEach(tb::add);
                    outs.add(e);
                }
            } else {
                cell.putNull("execution_count");
            }
            cell.set("outputs", outs);
        }
        root.put("nbformat", 4);
        if (!root.has("nbformat_minor")) root.put("nbformat_minor", 5);
        if (!root.has("metadata")) root.putObject("metadata");
        writeAtomically(path, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    /**
     * Writes {@code bytes} to {@code path} all or nothing: a temporary file in the same directory,
     * forced to disk, then renamed over {@code path} in one step. If anything fails, {@code path}
     * is as it was (an input notebook written over with {@code --output} is never lost) and the
     * temporary file is removed. A new file gets the permissions an existing one had.
     */
    static void writeAtomically(Path path, byte[] bytes) throws IOException {
        Path target = path.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            try {
                Files.setPosixFilePermissions(tmp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                        : PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the temporary file's permissions stay
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private static ObjectNode stream(String name, String text) {
        ObjectNode s = JSON.createObjectNode();
        s.put("output_type", "stream");
        s.put("name", name);
        ArrayNode lines = s.putArray("text");
        for (String line : text.split("(?<=\n)")) lines.add(line);
        return s;
    }
}

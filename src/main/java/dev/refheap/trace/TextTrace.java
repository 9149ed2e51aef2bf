package dev.refheap.trace;

import java.util.List;
import java.util.Map;

/**
 * The record as text for a terminal: one block per step (the line about to run with its source,
 * or the collector phase), what changed, the frames' variables, and the objects shown with their
 * serial, type, address, refcount, state, gc_refs and holders.
 */
public final class TextTrace {
    private TextTrace() {}

    @SuppressWarnings("unchecked")
    public static String format(Map<String, Object> record) {
        StringBuilder b = new StringBuilder();
        List<Map<String, Object>> cells = (List<Map<String, Object>>) record.get("cells");
        byte[] stdout = ((String) record.get("stdout")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int shownOut = 0;
        for (Map<String, Object> step : (List<Map<String, Object>>) record.get("steps")) {
            int cell = ((Number) step.get("cell")).intValue();
            int line = ((Number) step.get("line")).intValue();
            String kind = (String) step.get("kind");
            b.append("step ").append(step.get("i")).append("  ");
            if (cells.size() > 1) b.append("cell ").append(cell + 1).append("  ");
            switch (kind) {
                case "line" -> b.append("line ").append(line).append(": ").append(sourceLine(cells, cell, line).strip());
                case "gc" -> b.append("gc generation ").append(step.get("generation")).append(" collection #")
                        .append(step.get("collection")).append(": ").append(step.get("phase")).append(" (").append(step.get("phaseCount")).append(')');
                default -> b.append("end of ").append(cells.size() > 1 ? "cell" : "program");
            }
            b.append('\n');
            int outNow = Math.min(stdout.length, ((Number) step.get("out")).intValue());
            if (outNow > shownOut) {
                String text = new String(stdout, shownOut, outNow - shownOut, java.nio.charset.StandardCharsets.UTF_8);
                for (String l : text.split("\n")) b.append("  | ").append(l).append('\n');
                shownOut = outNow;
            }
            Map<String, Object> ch = (Map<String, Object>) step.get("changes");
            Map<String, Object> gc = (Map<String, Object>) step.get("gc");
            long[] counts = (long[]) gc.get("count");
            int[] thr = (int[]) gc.get("threshold");
            b.append("  +").append(ch.get("allocated")).append(" allocated, -").append(ch.get("freed")).append(" freed, ")
                    .append(ch.get("increfs")).append(" increfs, ").append(ch.get("decrefs")).append(" decrefs; gc counts ")
                    .append(counts[0]).append('/').append(counts[1]).append('/').append(counts[2]).append(" (thresholds ")
                    .append(thr[0]).append('/').append(thr[1]).append('/').append(thr[2]).append("); ").append(step.get("bytes")).append(" bytes in use\n");
            for (Map<String, Object> f : (List<Map<String, Object>>) step.get("frames")) {
                b.append("  frame ").append(f.get("name")).append(':');
                for (Map<String, Object> v : (List<Map<String, Object>>) f.get("locals")) b.append(' ').append(v.get("name")).append("=#").append(v.get("ref"));
                b.append('\n');
            }
            List<Map<String, Object>> objects = (List<Map<String, Object>>) step.get("objects");
            if (objects == null) {
                b.append("  (").append(step.get("note")).append(")\n");
                continue;
            }
            for (Map<String, Object> o : objects) {
                b.append("  #").append(o.get("serial")).append(' ').append(o.get("type")).append(' ').append(o.get("id"))
                        .append(" refcount ").append(o.get("refcount"));
                if (!"live".equals(o.get("state"))) b.append(" [").append(o.get("state")).append(']');
                if (o.get("gcRefs") != null) b.append(" gc_refs ").append(o.get("gcRefs"));
                b.append("  ").append(o.get("value"));
                List<List<Object>> hs = (List<List<Object>>) o.get("holders");
                if (hs != null && !hs.isEmpty() && !"freed".equals(o.get("state")) && !Boolean.TRUE.equals(o.get("shared"))) {
                    b.append("  held by: ");
                    for (int i = 0; i < hs.size(); i++) b.append(i > 0 ? "; " : "").append(hs.get(i).get(0)).append(hs.get(i).get(1).equals(1L) ? "" : " x" + hs.get(i).get(1));
                }
                b.append('\n');
                List<Map<String, Object>> ev = (List<Map<String, Object>>) o.get("refEvents");
                if (ev != null) {
                    for (Map<String, Object> e : ev) {
                        b.append("      ").append(((Number) e.get("delta")).intValue() > 0 ? "+1 " : "-1 ");
                        if (e.get("allocated") != null) b.append("(allocated) ");
                        b.append(e.get("at"));
                        if (e.get("phase") != null) b.append(" (collector: ").append(e.get("phase")).append(')');
                        b.append(": ").append(e.get("holder")).append('\n');
                    }
                    List<Map<String, Object>> more = (List<Map<String, Object>>) o.get("refEventsMore");
                    if (more != null) {
                        long n = 0;
                        for (Map<String, Object> m : more) n += ((Number) m.get("count")).longValue();
                        b.append("      and ").append(n).append(" more:\n");
                        for (Map<String, Object> m : more) {
                            b.append("        ").append(((Number) m.get("delta")).intValue() > 0 ? "+" : "-").append(m.get("count")).append(' ').append(m.get("at"));
                            if (m.get("phase") != null) b.append(" (collector: ").append(m.get("phase")).append(')');
                            b.append('\n');
                        }
                    }
                }
            }
        }
        Map<String, Object> ended = (Map<String, Object>) record.get("ended");
        b.append("ended: ").append(ended.get("reason"));
        if (ended.get("message") != null) b.append(": ").append(ended.get("message"));
        b.append('\n');
        if (ended.get("error") != null) b.append(ended.get("error"));
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static String sourceLine(List<Map<String, Object>> cells, int cell, int line) {
        if (cell < 0 || cell >= cells.size()) return "";
        String[] lines = ((String) cells.get(cell).get("source")).split("\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }
}

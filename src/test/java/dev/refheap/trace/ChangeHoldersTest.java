package dev.refheap.trace;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.lang.vm.Tracing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pairing each refcount change with a holder from the holders before and after a step. */
class ChangeHoldersTest {
    private static ChangeHolders.Event ev(int d, String op, String arg) {
        return new ChangeHolders.Event(d, new Tracing.Site("<module>", op, arg, 3), null, false);
    }

    private static Map<String, ChangeHolders.Held> held(Object... pairs) {
        List<Map.Entry<String, Long>> l = new java.util.ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) l.add(Map.entry((String) pairs[i], ((Number) pairs[i + 1]).longValue()));
        return ChangeHolders.byKey(l);
    }

    private static List<Object> holders(List<Map<String, Object>> out) {
        return out.stream().map(m -> (Object) m.get("holder")).toList();
    }

    @Test
    void aFramesLineIsNotPartOfTheHoldersKey() {
        assertEquals(held("local 'x' in f() (frame of line 2)", 1).keySet(), held("local 'x' in f() (frame of line 9)", 1).keySet());
    }

    @Test
    void aStoreNamesTheNewHolderAndThePushIsTheTemporary() {
        var out = ChangeHolders.attribute(List.of(ev(1, "LOAD_NAME", "v"), ev(1, "STORE_NAME", "x"), ev(-1, "STORE_NAME", "x")), true,
                held("global 'v'", 1), held("global 'v'", 1, "global 'x'", 1));
        String temp = String.format(ChangeHolders.TEMPORARY, "<module>");
        assertEquals(List.of(temp, "global 'x'", temp), holders(out));
    }

    @Test
    void aDeleteNamesTheHolderItRemovesEvenWhenOthersGoInTheSameStep() {
        var out = ChangeHolders.attribute(List.of(ev(-1, "CALL", ""), ev(-1, "DELETE_NAME", "b")), true,
                held("local 'a' in f() (frame of line 2)", 1, "global 'b'", 1), held());
        assertEquals(List.of("local 'a' in f() (frame of line 2)", "global 'b'"), holders(out));
    }

    @Test
    void aFramesTeardownReleasesItsOwnVariablesNotTemporaries() {
        Tracing.Site teardown = new Tracing.Site("f()", "RETURN_VALUE", "", 4, "frame teardown of f()");
        var out = ChangeHolders.attribute(List.of(ev(1, "LOAD_NAME", "v"), ev(-1, "CALL", ""), new ChangeHolders.Event(-1, teardown, null, false)), true,
                held("local 'y' in f() (frame of line 3)", 1), held());
        String temp = String.format(ChangeHolders.TEMPORARY, "<module>");
        // by order alone the last decref would be taken for the temporary given back, and the CALL's for the local
        assertEquals(List.of(temp, temp, "local 'y' in f() (frame of line 3)"), holders(out));
        assertEquals("frame teardown of f() (after RETURN_VALUE in f() line 4)", out.get(2).get("at"));
                assertEquals("inside list.append(), called by CALL in <module> line 7",
                new Tracing.Site("<module>", "CALL", "", 7, "inside list.append()").toString());
    }

    @Test
    void unknownHoldersOrMissingChangesAreSaidNotGuessed() {
        var unknown = ChangeHolders.attribute(List.of(ev(1, "LOAD_NAME", "v")), true, null, held("global 'v'", 2));
        assertTrue(((String) unknown.get(0).get("holder")).startsWith("not named: the object's holders before"));
        var partial = ChangeHolders.attribute(List.of(ev(1, "LOAD_NAME", "v")), false, held(), held("global 'v'", 2));
        assertTrue(((String) partial.get(0).get("holder")).startsWith("not named: the step had more changes"));
        var mismatch = ChangeHolders.attribute(List.of(ev(1, "LOAD_NAME", "v")), true, held("global 'v'", 1), held("global 'v'", 1));
        assertTrue(((String) mismatch.get(0).get("holder")).contains("does not match"));
    }
}

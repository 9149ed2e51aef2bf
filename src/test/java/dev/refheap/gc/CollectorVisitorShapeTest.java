package dev.refheap.gc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

/**
 * A shape of the collector that its compiled speed depends on and no output shows: every visitor
 * a pass hands to a traversal is held in a field whose declared type is a final class. C2 takes
 * an exact type from such a field, so where the traversal is inlined into the pass it calls that
 * visitor alone; from a LongConsumer field (a lambda) it went by the containers' shared type
 * profile and inlined other passes' visitors instead (docs/performance.md, "Session 20: the
 * JIT's load").
 */
class CollectorVisitorShapeTest {
    @Test
    void visitorFieldsHaveFinalClassTypes() {
        int visitors = 0;
        for (Field f : CycleCollector.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || !LongConsumer.class.isAssignableFrom(f.getType())) continue;
            visitors++;
            assertFalse(f.getType().isInterface(), f.getName() + " is declared " + f.getType().getName() + ": C2 cannot tell which visitor it holds");
            assertTrue(Modifier.isFinal(f.getType().getModifiers()), f.getName() + "'s class " + f.getType().getName() + " is not final");
        }
        assertTrue(visitors >= 4, "found " + visitors + " visitor fields");
    }
}

package dev.refheap.lang.modules.posix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** LocaleModule's reading of the start-up locale: the JVM's answer agrees with the C library's. */
class LocaleModuleTest {
    /**
     * Under a UTF-8 locale (./test pins LANG=C.UTF-8) the locale read from the JVM's start, without
     * a call into the C library, is the one setlocale(LC_CTYPE, "") gives.
     */
    @Test
    void theUtf8LocaleFromTheJvmsStartIsTheCLibrarys() {
        String[] fromJvm = LocaleModule.utf8AtJvmStart();
        assumeTrue(fromJvm != null, "the test JVM does not run under a UTF-8 locale");
        assertArrayEquals(LocaleModule.fromEnvironmentByCLibrary(), fromJvm);
    }

    /** Outside a UTF-8 locale the JVM's start gives no answer, and the C library is asked. */
    @Test
    void aNonUtf8LocaleIsLeftToTheCLibrary() {
        String[] fromC = LocaleModule.fromEnvironmentByCLibrary();
        if (!fromC[1].equals("UTF-8")) assertEquals(null, LocaleModule.utf8AtJvmStart());
        else assertEquals(fromC[0], LocaleModule.utf8AtJvmStart()[0]);
    }
}

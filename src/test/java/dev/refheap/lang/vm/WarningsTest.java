package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.refheap.lang.modules.NativeModuleRun;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Warnings}, the _warnings module, checked where its own output path runs (before warnings is imported). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WarningsTest {
    /**
     * show_warning read the category's __name__ through a name it interned and never released: every
     * warning _warnings printed itself leaked a reference to '__name__' (--gc-stress's exact check
     * failed after the first one). Run under the stress mode, the heap is verified at every allocation.
     */
    @Test
    void bug_warningShownBeforeTheWarningsModuleKeepsNoReference() {
        String out = NativeModuleRun.run("import _warnings, sys\nfor i in range(3):\n    _warnings.warn('w%d' % i, UserWarning)\n"
                + "print('warnings' in sys.modules)\n", true);
        assertEquals("<test>:3: UserWarning: w0\n<test>:3: UserWarning: w1\n<test>:3: UserWarning: w2\nFalse\n", out);
    }
}

package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** _random: MT19937 reference values, seeding by int words and by hash, and the instance layout. */
class RandomModuleTest {
    @Test
    void seededSequencesAreCPythons() {
        // the values CPython 3.11.7 gives for Random(0) and Random(1)
        assertEquals("0.8444218515250481 0.13436424411240122\n",
                NativeModuleRun.run("import _random\nprint(_random.Random(0).random(), _random.Random(1).random())\n"));
    }

    @Test
    void negativeSeedsUseTheAbsoluteValue() {
        assertEquals("True\n", NativeModuleRun.run("import _random\nprint(_random.Random(-5).random() == _random.Random(5).random())\n"));
    }

    @Test
    void bigGetrandbitsFillsWordsLeastSignificantFirst() {
        assertEquals("True\n", NativeModuleRun.run("import _random\na = _random.Random(3); b = _random.Random(3)\n"
                + "lo = b.getrandbits(32); hi = b.getrandbits(32)\nprint(a.getrandbits(64) == lo | hi << 32)\n"));
    }

    @Test
    void instancesAre2520BytesUntracked() {
        assertEquals("2520 False\n", NativeModuleRun.run("import _random, sys, gc\nr = _random.Random(1)\nprint(sys.getsizeof(r), gc.is_tracked(r))\n"));
    }
}

package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** _typing and _statistics: python3's bits for the inverse normal CDF in each of AS241's three ranges, _idfunc's reference. */
class TypingStatisticsModulesTest {
    @Test
    void normalDistInvCdfIsPython3sBitsInEachRange() {
        // python3: _statistics._normal_dist_inv_cdf(p, mu, sigma).hex()
        assertEquals(Double.parseDouble("-0x1.0c7e39582c5fap-1"), StatisticsModule.normalDistInvCdf(0.3, 0, 1));
        assertEquals(0.0, StatisticsModule.normalDistInvCdf(0.5, 0, 1));
        assertEquals(Double.parseDouble("-0x1.3ea8a69497e95p+2"), StatisticsModule.normalDistInvCdf(0.01, 2, 3));
        assertEquals(Double.parseDouble("-0x1.286074064c26ep+5"), StatisticsModule.normalDistInvCdf(1e-300, 0, 1));
        assertEquals(Double.parseDouble("0x1.30381a97985f1p+2"), StatisticsModule.normalDistInvCdf(0.999999, 0, 1));
        assertEquals(Double.parseDouble("0x1.06b48528cea51p+3"), StatisticsModule.normalDistInvCdf(0.9999999999999999, 0, 1));
    }

    @Test
    void theFunctionsRefuseWhatCPythonsRefuse() {
        assertEquals("ValueError inv_cdf undefined for these parameters\nnan\n1 True\n", NativeModuleRun.run(
                "import _statistics as S, _typing as T, sys\n"
                + "try: S._normal_dist_inv_cdf(0.5, 0, 0)\nexcept ValueError as e: print(type(e).__name__, e)\n"
                + "print(S._normal_dist_inv_cdf(float('nan'), 0, 1))\n"
                + "o = object(); n = sys.getrefcount(o); x = T._idfunc(o); print(sys.getrefcount(o) - n, x is o)\n"));
    }
}

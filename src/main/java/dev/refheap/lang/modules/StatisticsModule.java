package dev.refheap.lang.modules;

import dev.refheap.lang.libm.Libm;
import dev.refheap.lang.vm.VmApi;

/**
 * {@code _statistics}: CPython 3.11's accelerator for statistics (an extension module in
 * lib-dynload): {@code _normal_dist_inv_cdf(p, mu, sigma, /)}, the inverse of the normal
 * distribution's CDF by Wichura's algorithm AS241 (Applied Statistics 37(3), 1988), which
 * NormalDist.inv_cdf and quantiles use. statistics.py has the same algorithm in Python and takes
 * this one when the module imports, as on CPython.
 *
 * <p>Exactness: the rational approximations are evaluated in the same order with the paper's
 * coefficients, and the logarithm is the C library's ({@link Libm}), so every result is the bit
 * pattern python3's gives. Arguments are converted as the C function's clinic {@code double}
 * converter does (PyFloat_AsDouble: "must be real number, not str"); p outside (0, 1) or sigma at
 * or below zero raises ValueError, a NaN argument gives NaN. No state.
 */
public final class StatisticsModule {
    private StatisticsModule() {}

    public static long create(VmApi vm) {
        long m = vm.newModule("_statistics");
        vm.def(m, "_normal_dist_inv_cdf", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "_statistics._normal_dist_inv_cdf", kw);
            if (n != 3) throw vm.error("TypeError", "_normal_dist_inv_cdf expected 3 arguments, got " + n);
            double p = vm.asDouble(a[o]), mu = vm.asDouble(a[o + 1]), sigma = vm.asDouble(a[o + 2]);
            if (p <= 0.0 || p >= 1.0 || sigma <= 0.0) throw vm.error("ValueError", "inv_cdf undefined for these parameters");
            return vm.newFloat(normalDistInvCdf(p, mu, sigma));
        });
        return m;
    }

    /** AS241's PPND16 for 0 < p < 1 (or NaN), scaled: mu + x * sigma. */
    static double normalDistInvCdf(double p, double mu, double sigma) {
        double q = p - 0.5;
        double num, den, r;
        if (Math.abs(q) <= 0.425) {
            r = 0.180625 - q * q;
            num = (((((((2.5090809287301226727e+3 * r
                    + 3.3430575583588128105e+4) * r
                    + 6.7265770927008700853e+4) * r
                    + 4.5921953931549871457e+4) * r
                    + 1.3731693765509461125e+4) * r
                    + 1.9715909503065514427e+3) * r
                    + 1.3314166789178437745e+2) * r
                    + 3.3871328727963666080e+0) * q;
            den = (((((((5.2264952788528545610e+3 * r
                    + 2.8729085735721942674e+4) * r
                    + 3.9307895800092710610e+4) * r
                    + 2.1213794301586595867e+4) * r
                    + 5.3941960214247511077e+3) * r
                    + 6.8718700749205790830e+2) * r
                    + 4.2313330701600911252e+1) * r
                    + 1.0);
            return mu + (num / den) * sigma;
        }
        r = q <= 0.0 ? p : 1.0 - p;
        r = Math.sqrt(-Libm.log(r));
        if (r <= 5.0) {
            r = r - 1.6;
            num = (((((((7.74545014278341407640e-4 * r
                    + 2.27238449892691845833e-2) * r
                    + 2.41780725177450611770e-1) * r
                    + 1.27045825245236838258e+0) * r
                    + 3.64784832476320460504e+0) * r
                    + 5.76949722146069140550e+0) * r
                    + 4.63033784615654529590e+0) * r
                    + 1.42343711074968357734e+0);
            den = (((((((1.05075007164441684324e-9 * r
                    + 5.47593808499534494600e-4) * r
                    + 1.51986665636164571966e-2) * r
                    + 1.48103976427480074590e-1) * r
                    + 6.89767334985100004550e-1) * r
                    + 1.67638483018380384940e+0) * r
                    + 2.05319162663775882187e+0) * r
                    + 1.0);
        } else {
            r = r - 5.0;
            num = (((((((2.01033439929228813265e-7 * r
                    + 2.71155556874348757815e-5) * r
                    + 1.24266094738807843860e-3) * r
                    + 2.65321895265761230930e-2) * r
                    + 2.96560571828504891230e-1) * r
                    + 1.78482653991729133580e+0) * r
                    + 5.46378491116411436990e+0) * r
                    + 6.65790464350110377720e+0);
            den = (((((((2.04426310338993978564e-15 * r
                    + 1.42151175831644588870e-7) * r
                    + 1.84631831751005468180e-5) * r
                    + 7.86869131145613259100e-4) * r
                    + 1.48753612908506148525e-2) * r
                    + 1.36929880922735805310e-1) * r
                    + 5.99832206555887937690e-1) * r
                    + 1.0);
        }
        double x = num / den;
        if (q < 0.0) x = -x;
        return mu + x * sigma;
    }
}

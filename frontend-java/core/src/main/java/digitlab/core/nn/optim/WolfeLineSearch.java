package digitlab.core.nn.optim;

/**
 * Finds a step length {@code alpha} along a descent direction {@code d} that satisfies the strong Wolfe
 * conditions (Nocedal and Wright, Numerical Optimization, algorithms 3.5 and 3.6):
 *
 * <pre>
 *   sufficient decrease:  f(x0 + alpha d) <= f(x0) + c1 * alpha * g0.d
 *   curvature:            |g(x0 + alpha d).d| <= c2 * |g0.d|
 * </pre>
 *
 * The first loop grows alpha until it brackets an acceptable step; {@code zoom} then narrows the bracket
 * by cubic interpolation (bisection when the cubic is unreliable). Works in place: after {@link #search}
 * the caller's {@code x} and {@code g} hold the accepted point and its gradient.
 */
final class WolfeLineSearch {
    static final double C1 = 1e-4;
    /** 0.9 is the usual choice for quasi-Newton methods: loose curvature, few evaluations per step. */
    static final double C2 = 0.9;

    private static final int MAX_EVALUATIONS = 25;

    private final float[] x0;
    private final float[] g0;
    private float[] x;
    private float[] g;
    private float[] d;
    private DifferentiableFunction f;
    private double phi0;
    private double dphi0;
    private int evaluations;
    // The last evaluated point along d: x and g always hold it.
    private double phi;
    private double dphi;

    WolfeLineSearch(int size) {
        x0 = new float[size];
        g0 = new float[size];
    }

    /**
     * Searches along {@code d} from {@code x} (where the cost is {@code fx} and the gradient {@code g}).
     *
     * @return the new cost if a step satisfying sufficient decrease was found (x, g updated), or NaN if
     *         none was (x, g restored)
     */
    double search(DifferentiableFunction f, float[] x, float[] g, double fx, float[] d, double alpha) {
        this.f = f;
        this.x = x;
        this.g = g;
        this.d = d;
        System.arraycopy(x, 0, x0, 0, x.length);
        System.arraycopy(g, 0, g0, 0, g.length);
        phi0 = fx;
        dphi0 = dot(g, d);
        evaluations = 0;

        double prevAlpha = 0;
        double prevPhi = phi0;
        double prevDphi = dphi0;
        while (evaluations < MAX_EVALUATIONS) {
            evaluate(alpha);
            if (!sufficientDecrease(alpha) || (evaluations > 1 && phi >= prevPhi)) {
                return zoom(prevAlpha, prevPhi, prevDphi, alpha, phi, dphi);
            }
            if (Math.abs(dphi) <= -C2 * dphi0) {
                return phi;
            }
            if (dphi >= 0) {
                return zoom(alpha, phi, dphi, prevAlpha, prevPhi, prevDphi);
            }
            prevAlpha = alpha;
            prevPhi = phi;
            prevDphi = dphi;
            alpha *= 2; // still going down steeply: try further
        }
        return fallBack(prevAlpha, prevPhi);
    }

    /** Function evaluations used by the last search. */
    int evaluations() {
        return evaluations;
    }

    /** Narrows {@code [lo, hi]}, where lo satisfies sufficient decrease and the acceptable step lies between. */
    private double zoom(double lo, double phiLo, double dphiLo, double hi, double phiHi, double dphiHi) {
        while (evaluations < MAX_EVALUATIONS && Math.abs(hi - lo) > 1e-12 * Math.max(1, lo)) {
            double alpha = cubicMinimum(lo, phiLo, dphiLo, hi, phiHi, dphiHi);
            double width = Math.abs(hi - lo);
            double low = Math.min(lo, hi);
            if (!(alpha >= low + 0.1 * width && alpha <= low + 0.9 * width)) {
                alpha = (lo + hi) / 2; // the cubic is off or too close to an end: bisect
            }
            evaluate(alpha);
            if (!sufficientDecrease(alpha) || phi >= phiLo) {
                hi = alpha;
                phiHi = phi;
                dphiHi = dphi;
            } else {
                if (Math.abs(dphi) <= -C2 * dphi0) {
                    return phi;
                }
                if (dphi * (hi - lo) >= 0) {
                    hi = lo;
                    phiHi = phiLo;
                    dphiHi = dphiLo;
                }
                lo = alpha;
                phiLo = phi;
                dphiLo = dphi;
            }
        }
        return fallBack(lo, phiLo);
    }

    /** Out of evaluations: take the best step that decreased the cost, or give up and restore x0. */
    private double fallBack(double alpha, double phiAlpha) {
        if (alpha > 0 && phiAlpha < phi0) {
            evaluate(alpha);
            return phi;
        }
        System.arraycopy(x0, 0, x, 0, x.length);
        System.arraycopy(g0, 0, g, 0, g.length);
        return Double.NaN;
    }

    private boolean sufficientDecrease(double alpha) {
        return phi <= phi0 + C1 * alpha * dphi0; // false for NaN, as wanted
    }

    /** Sets x = x0 + alpha d and evaluates the cost and its slope along d there. */
    private void evaluate(double alpha) {
        float a = (float) alpha;
        for (int k = 0; k < x.length; k++) {
            x[k] = x0[k] + a * d[k];
        }
        phi = f.valueAndGradient(x, g);
        dphi = dot(g, d);
        if (Double.isNaN(phi) || Double.isInfinite(phi)) {
            phi = Double.POSITIVE_INFINITY; // a step into overflow counts as "too far"
            dphi = Double.NaN;
        }
        evaluations++;
    }

    /** Minimiser of the cubic through (a, fa, da) and (b, fb, db); NaN if it has none. */
    static double cubicMinimum(double a, double fa, double da, double b, double fb, double db) {
        double d1 = da + db - 3 * (fa - fb) / (a - b);
        double disc = d1 * d1 - da * db;
        if (!(disc >= 0)) {
            return Double.NaN;
        }
        double d2 = Math.signum(b - a) * Math.sqrt(disc);
        return b - (b - a) * (db + d2 - d1) / (db - da + 2 * d2);
    }

    static double dot(float[] u, float[] v) {
        double sum = 0;
        for (int k = 0; k < u.length; k++) {
            sum += (double) u[k] * v[k];
        }
        return sum;
    }
}

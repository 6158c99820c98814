package digitlab.core.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** L-BFGS and its line search on classic test functions, away from any network. */
class LbfgsTest {
    /** Rosenbrock's banana valley, minimum 0 at (1, 1): hard for gradient descent, easy for quasi-Newton. */
    private static final DifferentiableFunction ROSENBROCK = (x, g) -> {
        double a = x[0];
        double b = x[1];
        g[0] = (float) (-2 * (1 - a) - 400 * a * (b - a * a));
        g[1] = (float) (200 * (b - a * a));
        return (1 - a) * (1 - a) + 100 * (b - a * a) * (b - a * a);
    };

    @Test
    void findsTheMinimumOfRosenbrock() {
        float[] x = {-1.2f, 1f};
        float[] g = new float[2];
        Lbfgs lbfgs = new Lbfgs(2, 5);
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 100 && !lbfgs.converged(); i++) {
            double f = lbfgs.iterate(ROSENBROCK, x, g);
            assertTrue(f <= previous, "every iteration decreases the cost");
            previous = f;
        }
        assertEquals(1f, x[0], 1e-3);
        assertEquals(1f, x[1], 2e-3);
        assertTrue(lbfgs.evaluations() < 200, "evaluations " + lbfgs.evaluations());
    }

    /**
     * Reference: scipy's L-BFGS-B (maxcor 10) on this function from x = 0 reaches 11.42, 0.960 and 0.0941
     * after 20, 40 and 60 iterations; this implementation gave the same figures to 3 digits.
     */
    @Test
    void solvesAnIllConditionedQuadratic() {
        int n = 50;
        // f = sum_k c_k (x_k - 1)^2 with curvatures from 1 to 1000
        DifferentiableFunction f = (x, g) -> {
            double sum = 0;
            for (int k = 0; k < n; k++) {
                double c = Math.pow(1000, k / (n - 1.0));
                sum += c * (x[k] - 1) * (x[k] - 1);
                g[k] = (float) (2 * c * (x[k] - 1));
            }
            return sum;
        };
        float[] x = new float[n];
        float[] g = new float[n];
        Lbfgs lbfgs = new Lbfgs(n, 10);
        double cost = Double.NaN;
        for (int i = 0; i < 60; i++) {
            cost = lbfgs.iterate(f, x, g);
        }
        assertTrue(cost < 0.1, "cost after 60 iterations " + cost);
        for (int i = 0; i < 100 && !lbfgs.converged(); i++) {
            cost = lbfgs.iterate(f, x, g);
        }
        assertTrue(cost < 1e-6, "cost after 160 iterations " + cost);
    }

    @Test
    void acceptedStepsSatisfyTheStrongWolfeConditions() {
        float[] x = {-1.2f, 1f};
        float[] g = new float[2];
        double f0 = ROSENBROCK.valueAndGradient(x, g);
        float[] d = {-g[0], -g[1]};
        double slope0 = WolfeLineSearch.dot(g, d);
        float[] start = x.clone();
        WolfeLineSearch search = new WolfeLineSearch(2);
        double f1 = search.search(ROSENBROCK, x, g, f0, d, 1e-3);
        double alpha = (x[0] - start[0]) / d[0];
        assertTrue(f1 <= f0 + WolfeLineSearch.C1 * alpha * slope0, "sufficient decrease");
        assertTrue(
                Math.abs(WolfeLineSearch.dot(g, d)) <= WolfeLineSearch.C2 * Math.abs(slope0) * 1.0001,
                "curvature condition");
    }

    @Test
    void cubicInterpolationFindsTheMinimumOfACubic() {
        // phi(a) = (a - 2)^2 is its own cubic model: minimum at 2 from points 0 and 3.
        double m = WolfeLineSearch.cubicMinimum(0, 4, -4, 3, 1, 2);
        assertEquals(2, m, 1e-12);
    }
}

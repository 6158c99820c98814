package digitlab.core.nn.optim;

/**
 * Limited-memory BFGS: a quasi-Newton method for full-batch training. It remembers the last few steps
 * {@code s = x_new - x_old} and gradient changes {@code y = g_new - g_old}, builds from them an
 * approximation of the inverse Hessian times the gradient (the "two-loop recursion"), and moves along
 * that direction with a step satisfying the strong Wolfe conditions ({@link WolfeLineSearch}).
 *
 * <p>This is what the classic tutorials call through {@code fmincg} or scipy's L-BFGS-B: far fewer
 * iterations than gradient descent, each one a full pass (or a few) over the training set.
 * Like the other optimisers it sees only the flat parameter and gradient arrays.
 */
public final class Lbfgs {
    /** Steps remembered; 5-20 is typical and 10 is a common default. */
    public static final int DEFAULT_MEMORY = 10;

    private final int size;
    private final int memory;
    private final float[][] s;
    private final float[][] y;
    private final double[] rho;
    private final double[] alphas;
    private final float[] direction;
    private final float[] previousX;
    private final float[] previousG;
    private final WolfeLineSearch lineSearch;
    private int stored; // how many (s, y) pairs are valid
    private int newest = -1; // index of the newest pair in the ring
    private boolean started;
    private boolean converged;
    private double cost;
    private int evaluations;

    public Lbfgs(int size, int memory) {
        if (memory < 1) {
            throw new IllegalArgumentException("L-BFGS memory must be at least 1, got " + memory);
        }
        this.size = size;
        this.memory = memory;
        s = new float[memory][size];
        y = new float[memory][size];
        rho = new double[memory];
        alphas = new double[memory];
        direction = new float[size];
        previousX = new float[size];
        previousG = new float[size];
        lineSearch = new WolfeLineSearch(size);
    }

    /**
     * One iteration: updates {@code x} in place to a point with lower cost, leaving the gradient there in
     * {@code g}. The first call also evaluates the starting point.
     *
     * @return the cost at the new {@code x}
     */
    public double iterate(DifferentiableFunction f, float[] x, float[] g) {
        if (x.length != size || g.length != size) {
            throw new IllegalArgumentException("L-BFGS was made for " + size + " parameters, got " + x.length);
        }
        if (!started) {
            cost = f.valueAndGradient(x, g);
            evaluations++;
            started = true;
        }
        if (converged) {
            return cost;
        }
        double gg = WolfeLineSearch.dot(g, g);
        if (gg == 0) {
            converged = true; // a stationary point: nothing left to do
            return cost;
        }
        computeDirection(g);
        double initialStep = 1;
        if (WolfeLineSearch.dot(g, direction) >= 0) {
            // The curvature memory went bad (float round-off): restart from steepest descent.
            stored = 0;
            computeDirection(g);
        }
        if (stored == 0) {
            // No curvature known yet: the direction is -g, whose scale is arbitrary; take a cautious first step.
            initialStep = Math.min(1, 1 / Math.sqrt(gg));
        }
        System.arraycopy(x, 0, previousX, 0, size);
        System.arraycopy(g, 0, previousG, 0, size);
        double newCost = lineSearch.search(f, x, g, cost, direction, initialStep);
        evaluations += lineSearch.evaluations();
        if (Double.isNaN(newCost)) {
            // No decrease found along this direction. With memory, retry from steepest descent next
            // time; without, we are as close to a minimum as float arithmetic can tell.
            if (stored == 0) {
                converged = true;
            }
            stored = 0;
            return cost;
        }
        remember(x, g);
        cost = newCost;
        return cost;
    }

    /** True once no further decrease can be found (the gradient vanished or the line search failed from -g). */
    public boolean converged() {
        return converged;
    }

    /** Function evaluations so far (each is a full pass over the training data in training). */
    public int evaluations() {
        return evaluations;
    }

    /** Stores the step just taken and the gradient change, if the curvature is positive. */
    private void remember(float[] x, float[] g) {
        int slot = (newest + 1) % memory;
        float[] sk = s[slot];
        float[] yk = y[slot];
        for (int k = 0; k < size; k++) {
            sk[k] = x[k] - previousX[k];
            yk[k] = g[k] - previousG[k];
        }
        double sy = WolfeLineSearch.dot(sk, yk);
        if (!(sy > 1e-10)) {
            // s.y <= 0 would make the approximation not positive definite: skip this pair. Its slot
            // held the oldest pair if the memory was full, which is now overwritten.
            stored = Math.min(stored, memory - 1);
            return;
        }
        rho[slot] = 1 / sy;
        newest = slot;
        stored = Math.min(stored + 1, memory);
    }

    /** direction = -H g by the two-loop recursion (Nocedal and Wright, algorithm 7.4). */
    private void computeDirection(float[] g) {
        float[] q = direction;
        System.arraycopy(g, 0, q, 0, size);
        int slot = newest;
        for (int i = 0; i < stored; i++) {
            alphas[slot] = rho[slot] * WolfeLineSearch.dot(s[slot], q);
            axpy((float) -alphas[slot], y[slot], q);
            slot = (slot - 1 + memory) % memory;
        }
        if (stored > 0) {
            // Scale by s.y / y.y of the newest pair: an estimate of the inverse Hessian's size.
            double gamma = 1 / (rho[newest] * WolfeLineSearch.dot(y[newest], y[newest]));
            for (int k = 0; k < size; k++) {
                q[k] *= (float) gamma;
            }
        }
        for (int i = 0; i < stored; i++) {
            slot = (slot + 1) % memory;
            double beta = rho[slot] * WolfeLineSearch.dot(y[slot], q);
            axpy((float) (alphas[slot] - beta), s[slot], q);
        }
        for (int k = 0; k < size; k++) {
            q[k] = -q[k];
        }
    }

    private static void axpy(float a, float[] u, float[] v) {
        for (int k = 0; k < v.length; k++) {
            v[k] += a * u[k];
        }
    }
}

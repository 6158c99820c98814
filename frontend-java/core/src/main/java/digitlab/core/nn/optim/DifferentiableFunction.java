package digitlab.core.nn.optim;

/** A cost to minimise over a flat parameter vector, for full-batch methods such as {@link Lbfgs}. */
public interface DifferentiableFunction {
    /** Returns f(x) and writes the gradient of f at x into {@code gradient} (same length as x). */
    double valueAndGradient(float[] x, float[] gradient);
}

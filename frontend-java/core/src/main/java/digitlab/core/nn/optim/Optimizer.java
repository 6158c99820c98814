package digitlab.core.nn.optim;

/**
 * A first-order update rule. It sees only flat arrays, the parameters and the gradient of the cost at
 * those parameters, never the layers behind them.
 *
 * <p>A rule with memory (momentum's velocity, Adam's moments) keeps it in one flat {@link #state()}
 * array, so that data-parallel training can hand it to other workers and fold their shares back in
 * ({@link #mergeShare}) without knowing which rule it is.
 */
public interface Optimizer {
    /** Moves {@code params} one step against {@code grads}, in place, with step size {@code learningRate}. */
    void update(float[] params, float[] grads, float learningRate);

    /** The rule's memory between steps, flat (live array; empty for plain gradient descent). */
    float[] state();

    /** Updates made so far, as far as the rule's memory counts them (Adam's bias correction does). */
    long steps();

    /** Takes over another copy's memory: {@code state} (copied) and {@code steps}. */
    void restore(float[] state, long steps);

    /**
     * Folds one share of a data-parallel round into this optimiser, as if that share had been trained
     * here after the shares already folded in (this optimiser's own share first, then the others in a
     * fixed order). Every share of the round started from the same parameters and memory.
     *
     * <p>How shares combine is the rule's own business: adding the parameter changes keeps the progress
     * per example of one worker where a step moves in proportion to its gradient (plain SGD) or by at most
     * the learning rate (Adam); a velocity built up within a share would overshoot when added up, so
     * momentum averages instead (the measurements are in the README).
     *
     * @param params the round's result so far (updated in place); this optimiser's state likewise
     * @param share what the share did
     * @param merged shares already folded into {@code params} (1 after this optimiser's own share)
     */
    void mergeShare(float[] params, ShareOutcome share, int merged);

    /** Folds {@code next} into the running mean {@code mean} of {@code merged} arrays: (merged * mean + next) / (merged + 1). */
    static void foldIntoMean(float[] mean, float[] next, int merged) {
        float keep = (float) merged / (merged + 1);
        float take = 1f / (merged + 1);
        for (int k = 0; k < mean.length; k++) {
            mean[k] = keep * mean[k] + take * next[k];
        }
    }
}

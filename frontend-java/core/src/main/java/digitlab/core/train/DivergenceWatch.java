package digitlab.core.train;

import digitlab.core.nn.Network;

/**
 * Watches a run's steps for signs that it has blown up or died, so that the {@link Trainer} stops it and
 * says why instead of training on for epochs at chance level. Non-finite numbers stop a run at once; the
 * other signs must last a while, at least {@link #MIN_UPDATES} updates and {@link #MIN_EXAMPLES} examples
 * in a row (a quarter to a third of an MNIST epoch in mini-batches), because a healthy run can start at
 * chance and spike for a few steps.
 */
public final class DivergenceWatch {
    /** Updates a sign must last (full-batch methods make one per pass over the data). */
    static final int MIN_UPDATES = 20;
    /** Examples a sign must last. */
    static final int MIN_EXAMPLES = 20_000;
    /** Examples a hidden layer must stay silent: a dead layer never recovers, so it is named sooner. */
    static final int MIN_EXAMPLES_DEAD = 2_000;
    /** Smoothed loss above this many times the first step's loss counts as exploded. */
    static final double LOSS_FACTOR = 5;
    /** Accuracy below this many times chance (1 / classes) counts as chance level. */
    static final double CHANCE_FACTOR = 1.5;
    /** Weight of the newest step in the smoothed figures (about the last 20 steps). */
    private static final double SMOOTHING = 0.05;

    private double firstLoss = Double.NaN;
    private double loss = Double.NaN;
    private double accuracy = Double.NaN;
    private final Streak exploded = new Streak();
    private final Streak chance = new Streak();
    private final Streak silent = new Streak();

    /**
     * True if {@code accuracy} is no better than guessing among {@code classes}: never a figure to show
     * as success.
     */
    public static boolean atChance(double accuracy, int classes) {
        return accuracy < CHANCE_FACTOR / classes;
    }

    /**
     * Takes one update's figures, measured before the update.
     *
     * @param stepLoss the step's cost
     * @param stepAccuracy the fraction of the step's examples classified correctly
     * @param examples the examples in the step
     * @param classes the output classes
     * @param silentLayer a hidden layer that output only zeros in the step (see {@link Network#silentLayer()}),
     *        or 0
     * @return the reason to stop, or null to go on
     */
    public Divergence step(double stepLoss, double stepAccuracy, int examples, int classes, int silentLayer) {
        if (Double.isNaN(stepLoss) || Double.isInfinite(stepLoss)) {
            return Divergence.NOT_FINITE;
        }
        if (Double.isNaN(firstLoss)) {
            firstLoss = stepLoss;
            loss = stepLoss;
            accuracy = stepAccuracy;
        } else {
            loss += SMOOTHING * (stepLoss - loss);
            accuracy += SMOOTHING * (stepAccuracy - accuracy);
        }
        if (silent.extend(silentLayer > 0, examples) && silent.examples >= MIN_EXAMPLES_DEAD) {
            return Divergence.DEAD_LAYER;
        }
        if (exploded.extend(loss > LOSS_FACTOR * firstLoss, examples) && exploded.examples >= MIN_EXAMPLES) {
            return Divergence.LOSS_EXPLODED;
        }
        if (chance.extend(atChance(accuracy, classes), examples) && chance.examples >= MIN_EXAMPLES) {
            return Divergence.AT_CHANCE;
        }
        return null;
    }

    /** Consecutive updates (and their examples) for which a sign held. */
    private static final class Streak {
        int updates;
        long examples;

        /** Extends the streak if {@code holds}, else ends it; true once it is {@link #MIN_UPDATES} long. */
        boolean extend(boolean holds, int stepExamples) {
            if (!holds) {
                updates = 0;
                examples = 0;
                return false;
            }
            updates++;
            examples += stepExamples;
            return updates >= MIN_UPDATES;
        }
    }
}

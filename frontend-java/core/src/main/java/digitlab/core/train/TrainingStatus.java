package digitlab.core.train;

/** Where a {@link Trainer} stands; every value but {@link #RUNNING} means training has stopped. */
public enum TrainingStatus {
    /** More steps will train further. */
    RUNNING,
    /** The planned number of epochs is done. */
    FINISHED,
    /** The validation accuracy reached the configured target. */
    TARGET_REACHED,
    /** No improvement for the configured number of epochs. */
    PLATEAU,
    /** A full-batch method found no further decrease (L-BFGS converged). */
    CONVERGED,
    /** The run blew up or died; {@link Trainer#divergence()} says how. The weights are of no use. */
    DIVERGED;

    /** True unless {@link #RUNNING}. */
    public boolean stopped() {
        return this != RUNNING;
    }
}

package digitlab.core.session;

import digitlab.core.train.TrainingStatus;

/**
 * Where the browser's training run stands, as the worker reports it and the page shows it. A stopped run's
 * reason is its {@link TrainingStatus}, which travels beside the phase.
 */
public enum RunPhase {
    /** No network yet: the first training shard is still downloading. */
    LOADING,
    /** A network that has not trained yet (fresh or loaded from a file). */
    READY,
    /** Training continuously. */
    TRAINING,
    /** Trained some, not training now; Train or Step goes on. */
    PAUSED,
    /** The trainer stopped (finished, a stop rule, diverged): its {@link TrainingStatus} says why. */
    STOPPED;

    /**
     * The phase of a run whose trainer has {@code status} after {@code updates} weight updates, while the
     * worker is {@code running} (trains continuously) or not.
     */
    public static RunPhase of(TrainingStatus status, boolean running, long updates) {
        if (status.stopped()) {
            return STOPPED;
        }
        return running ? TRAINING : updates == 0 ? READY : PAUSED;
    }
}

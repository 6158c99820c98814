package digitlab.core.session;

/**
 * When the training worker measures and reports between chunks of training steps: progress ten times a
 * second, the weights picture two or three times, the validation images at most every half second and
 * never for more than a tenth of the training time. All times are milliseconds of one clock.
 * A forced look (a single step, a full-batch iteration, a run about to wait for data) does everything now.
 */
public final class Pacing {
    static final double PROGRESS_EVERY_MS = 100;
    static final double WEIGHTS_EVERY_MS = 400;
    /** Least time between two validation measurements (more if one takes longer than a tenth of that). */
    static final double VALIDATE_EVERY_MS = 500;

    private double lastProgress;
    private double lastWeights;
    private double lastValidation;
    /** Time between validations: a measurement may take at most a tenth of training time. */
    private double validateEveryMs = VALIDATE_EVERY_MS;
    /** The last epoch whose end was seen (the trainer measures the validation images there). */
    private int seenEpoch;

    /** A new run: its first epoch end is still to come, and validation starts at its least spacing. */
    public void restart() {
        seenEpoch = 0;
        validateEveryMs = VALIDATE_EVERY_MS;
    }

    /**
     * True once for each epoch end: {@code epoch} (epochs done) went up since the last call. The trainer
     * measured the validation images there, so that counts as a validation at {@code now}.
     */
    public boolean epochEnded(int epoch, double now) {
        if (epoch <= seenEpoch) {
            return false;
        }
        seenEpoch = epoch;
        lastValidation = now;
        return true;
    }

    public boolean validationDue(double now, boolean force) {
        return force || now - lastValidation >= validateEveryMs;
    }

    /** A validation measurement ran from {@code started} to {@code ended}. */
    public void validated(double started, double ended) {
        lastValidation = ended;
        validateEveryMs = Math.max(VALIDATE_EVERY_MS, 10 * (ended - started));
    }

    /** True if a progress report is due ({@code stopped}: the run just stopped, which the page must see). */
    public boolean progressDue(double now, boolean force, boolean stopped) {
        return force || now - lastProgress >= PROGRESS_EVERY_MS || stopped;
    }

    public void progressSent(double now) {
        lastProgress = now;
    }

    /** True if a weights report is due, as {@link #progressDue}. */
    public boolean weightsDue(double now, boolean force, boolean stopped) {
        return force || now - lastWeights >= WEIGHTS_EVERY_MS || stopped;
    }

    public void weightsSent(double now) {
        lastWeights = now;
    }
}

package digitlab.core.nn.optim;

/**
 * How the learning rate changes over training, as a function of the base rate and of training progress
 * in epochs (fractional within an epoch, so a cosine decays smoothly from step to step).
 */
public enum Schedule {
    /** Always the base rate. */
    CONSTANT("constant", "constant"),
    /** The base rate times {@code decay} for every {@code every} finished epochs. */
    STEP("step", "step decay"),
    /** Half a cosine from the base rate down to 0 over the planned number of epochs. */
    COSINE("cosine", "cosine");

    private final String id;
    private final String label;

    Schedule(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /**
     * The learning rate at {@code progress} epochs into training.
     *
     * @param decay factor per step ({@link #STEP})
     * @param every epochs per step ({@link #STEP})
     * @param totalEpochs length of training ({@link #COSINE})
     */
    public float rate(float base, double progress, float decay, int every, int totalEpochs) {
        switch (this) {
            case STEP:
                return (float) (base * Math.pow(decay, Math.floor(progress / every)));
            case COSINE:
                double t = Math.min(1.0, progress / totalEpochs);
                return (float) (base * 0.5 * (1 + Math.cos(Math.PI * t)));
            default:
                return base;
        }
    }

    /** The short lowercase name used in URLs and the CLI. */
    public String id() {
        return id;
    }

    /** The name a person reads, in the settings form and the help. */
    public String label() {
        return label;
    }
}

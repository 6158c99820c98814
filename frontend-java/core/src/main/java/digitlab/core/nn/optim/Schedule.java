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
    COSINE("cosine", "cosine"),
    /**
     * Warm restarts (SGDR, Loshchilov and Hutter 2017): half a cosine from the peak down to 0 every
     * {@code every} epochs, the peak starting at the base rate and multiplied by {@code decay} at each
     * restart. Every such period ends annealed, so each epoch-end reading is of a settled network,
     * not of one still bouncing at a high rate.
     */
    RESTARTS("restarts", "cosine, restarted");

    private final String id;
    private final String label;

    Schedule(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /**
     * The learning rate at {@code progress} epochs into training.
     *
     * @param decay factor per step ({@link #STEP}) or per restart ({@link #RESTARTS})
     * @param every epochs per step ({@link #STEP}) or per period ({@link #RESTARTS})
     * @param totalEpochs length of training ({@link #COSINE})
     */
    public float rate(float base, double progress, float decay, int every, int totalEpochs) {
        switch (this) {
            case STEP:
                return (float) (base * Math.pow(decay, Math.floor(progress / every)));
            case COSINE:
                double t = Math.min(1.0, progress / totalEpochs);
                return (float) (base * 0.5 * (1 + Math.cos(Math.PI * t)));
            case RESTARTS:
                double periods = progress / every;
                double restarts = Math.floor(periods);
                double peak = base * Math.pow(decay, restarts);
                return (float) (peak * 0.5 * (1 + Math.cos(Math.PI * (periods - restarts))));
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

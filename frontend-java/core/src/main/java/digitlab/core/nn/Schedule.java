package digitlab.core.nn;

/**
 * How the learning rate changes over training, as a function of the base rate and of training progress
 * in epochs (fractional within an epoch, so a cosine decays smoothly from step to step).
 */
public enum Schedule {
    /** Always the base rate. */
    CONSTANT("constant"),
    /** The base rate times {@code decay} for every {@code every} finished epochs. */
    STEP("step"),
    /** Half a cosine from the base rate down to 0 over the planned number of epochs. */
    COSINE("cosine");

    private final String id;

    Schedule(String id) {
        this.id = id;
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

    /** The schedule named {@code id} (as returned by {@link #id()}). */
    public static Schedule fromId(String id) {
        for (Schedule s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown schedule '" + id + "' (expected constant, step or cosine)");
    }
}

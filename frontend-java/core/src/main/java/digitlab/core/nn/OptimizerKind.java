package digitlab.core.nn;

/** The training methods offered, with the learning rate each starts from when none is given. */
public enum OptimizerKind {
    /** Mini-batch stochastic gradient descent. */
    SGD("sgd", 0.1f, false),
    /** Mini-batch SGD with classical momentum. */
    MOMENTUM("momentum", 0.05f, false),
    /** Mini-batch SGD with Nesterov momentum. */
    NESTEROV("nesterov", 0.05f, false),
    /** Mini-batch Adam. */
    ADAM("adam", 0.001f, false),
    /** Gradient descent on the whole training set: one step per pass. */
    GD("gd", 1f, true),
    /** L-BFGS on the whole training set with a Wolfe line search; it needs no learning rate. */
    LBFGS("lbfgs", 1f, true);

    private final String id;
    private final float defaultLearningRate;
    private final boolean fullBatch;

    OptimizerKind(String id, float defaultLearningRate, boolean fullBatch) {
        this.id = id;
        this.defaultLearningRate = defaultLearningRate;
        this.fullBatch = fullBatch;
    }

    /** The short lowercase name used in URLs and the CLI. */
    public String id() {
        return id;
    }

    /** A learning rate that trains MNIST reasonably with this method. */
    public float defaultLearningRate() {
        return defaultLearningRate;
    }

    /** True if every step uses the whole training set (then an "epoch" is one step). */
    public boolean fullBatch() {
        return fullBatch;
    }

    /**
     * True if the run setting {@code key} (a {@link TrainingConfig} query key) has an effect with this
     * method, so a form can show only the settings that apply: L-BFGS finds its own step sizes, only the
     * momentum methods have a momentum, the full-batch methods count iterations rather than epochs and
     * have no mini-batch, and only L-BFGS keeps a curvature memory.
     */
    public boolean uses(String key) {
        switch (key) {
            case "lr":
            case "sched":
            case "decay":
            case "every":
                return this != LBFGS;
            case "momentum":
                return this == MOMENTUM || this == NESTEROV;
            case "batch":
            case "epochs":
                return !fullBatch;
            case "iters":
                return fullBatch;
            case "memory":
                return this == LBFGS;
            default:
                return true;
        }
    }

    /** The method named {@code id} (as returned by {@link #id()}). */
    public static OptimizerKind fromId(String id) {
        for (OptimizerKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException(
                "unknown optimizer '" + id + "' (expected sgd, momentum, nesterov, adam, gd or lbfgs)");
    }
}

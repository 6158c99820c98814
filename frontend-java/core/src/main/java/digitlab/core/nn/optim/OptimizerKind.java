package digitlab.core.nn.optim;

/** The training methods offered, with the learning rate each starts from when none is given. */
public enum OptimizerKind {
    /** Mini-batch stochastic gradient descent. */
    SGD("sgd", "mini-batch SGD", 0.1f, false),
    /** Mini-batch SGD with classical momentum. */
    MOMENTUM("momentum", "SGD + momentum", 0.05f, false),
    /** Mini-batch SGD with Nesterov momentum. */
    NESTEROV("nesterov", "SGD + Nesterov", 0.05f, false),
    /** Mini-batch Adam. */
    ADAM("adam", "Adam", 0.001f, false),
    /** Gradient descent on the whole training set: one step per pass. */
    GD("gd", "full-batch gradient descent", 1f, true),
    /** L-BFGS on the whole training set with a Wolfe line search; it needs no learning rate. */
    LBFGS("lbfgs", "L-BFGS (full batch)", 1f, true);

    private final String id;
    private final String label;
    private final float defaultLearningRate;
    private final boolean fullBatch;

    OptimizerKind(String id, String label, float defaultLearningRate, boolean fullBatch) {
        this.id = id;
        this.label = label;
        this.defaultLearningRate = defaultLearningRate;
        this.fullBatch = fullBatch;
    }

    /** The short lowercase name used in URLs and the CLI. */
    public String id() {
        return id;
    }

    /** The name a person reads, in the settings form and the help. */
    public String label() {
        return label;
    }

    /** A learning rate that trains MNIST reasonably with this method. */
    public float defaultLearningRate() {
        return defaultLearningRate;
    }

    /** True if every step uses the whole training set (then an "epoch" is one step). */
    public boolean fullBatch() {
        return fullBatch;
    }
}

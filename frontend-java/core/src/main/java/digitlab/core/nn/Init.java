package digitlab.core.nn;

/**
 * How the initial weights and biases are drawn. Every scheme but {@link #NORMAL} scales the weights to the
 * layer's fan-in/fan-out so signals neither vanish nor explode through the first forward passes, and
 * starts the biases at 0.
 */
public enum Init {
    /**
     * The classic tutorials' choice (Andrew Ng's ex4 {@code randInitializeWeights}): uniform in
     * {@code [-eps, eps]} with {@code eps = sqrt(6) / sqrt(fanIn + fanOut)}.
     */
    UNIFORM("uniform", "uniform ±√6/√(in+out)"),
    /** Xavier/Glorot: normal with standard deviation {@code sqrt(2 / (fanIn + fanOut))}; suits sigmoid/tanh. */
    XAVIER("xavier", "Xavier"),
    /** He/Kaiming: normal with standard deviation {@code sqrt(2 / fanIn)}; suits ReLU, which zeroes half its inputs. */
    HE("he", "He"),
    /**
     * Nielsen's {@code network.py}: every weight and every bias standard normal, N(0, 1), whatever the
     * layer's size. With 784 inputs many first-layer sigmoids start saturated (his chapter 3 explains the
     * slow learning that follows); it is here to reproduce his chapter 1 set-up (the same distribution,
     * drawn by {@link Rng}, not numpy's numbers).
     */
    NORMAL("normal", "normal N(0,1), biases too (Nielsen)");

    private final String id;
    private final String label;

    Init(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** One initial weight of a layer with {@code fanIn} inputs and {@code fanOut} outputs. */
    float weight(Rng rng, int fanIn, int fanOut) {
        switch (this) {
            case UNIFORM: {
                double eps = Math.sqrt(6.0) / Math.sqrt(fanIn + fanOut);
                return (float) ((rng.nextFloat() * 2.0 - 1.0) * eps);
            }
            case XAVIER:
                return (float) (rng.nextGaussian() * Math.sqrt(2.0 / (fanIn + fanOut)));
            case HE:
                return (float) (rng.nextGaussian() * Math.sqrt(2.0 / fanIn));
            default:
                return (float) rng.nextGaussian();
        }
    }

    /**
     * One initial bias: 0 for every scheme but {@link #NORMAL}, and then nothing is drawn from {@code rng},
     * so the random numbers that follow (the next layer's weights, the example order) are those of a run
     * without random biases.
     */
    float bias(Rng rng) {
        return this == NORMAL ? (float) rng.nextGaussian() : 0f;
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

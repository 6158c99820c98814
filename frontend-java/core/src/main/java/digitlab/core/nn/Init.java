package digitlab.core.nn;

/**
 * How the initial weights are drawn. Biases always start at 0. Every scheme scales the weights to the
 * layer's fan-in/fan-out so signals neither vanish nor explode through the first forward passes.
 */
public enum Init {
    /**
     * The classic tutorials' choice (Andrew Ng's ex4 {@code randInitializeWeights}): uniform in
     * {@code [-eps, eps]} with {@code eps = sqrt(6) / sqrt(fanIn + fanOut)}.
     */
    UNIFORM("uniform"),
    /** Xavier/Glorot: normal with standard deviation {@code sqrt(2 / (fanIn + fanOut))}; suits sigmoid/tanh. */
    XAVIER("xavier"),
    /** He/Kaiming: normal with standard deviation {@code sqrt(2 / fanIn)}; suits ReLU, which zeroes half its inputs. */
    HE("he");

    private final String id;

    Init(String id) {
        this.id = id;
    }

    /** One initial weight of a layer with {@code fanIn} inputs and {@code fanOut} outputs. */
    float draw(Rng rng, int fanIn, int fanOut) {
        switch (this) {
            case UNIFORM: {
                double eps = Math.sqrt(6.0) / Math.sqrt(fanIn + fanOut);
                return (float) ((rng.nextFloat() * 2.0 - 1.0) * eps);
            }
            case XAVIER:
                return (float) (rng.nextGaussian() * Math.sqrt(2.0 / (fanIn + fanOut)));
            default:
                return (float) (rng.nextGaussian() * Math.sqrt(2.0 / fanIn));
        }
    }

    /** The short lowercase name used in URLs and the CLI. */
    public String id() {
        return id;
    }

    /** The scheme named {@code id} (as returned by {@link #id()}). */
    public static Init fromId(String id) {
        for (Init i : values()) {
            if (i.id.equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown init '" + id + "' (expected uniform, xavier or he)");
    }
}

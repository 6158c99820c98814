package digitlab.server.models;

import digitlab.core.model.Model;
import digitlab.core.model.TrainingMetadata;
import digitlab.core.nn.Activation;
import digitlab.core.nn.Architecture;
import digitlab.core.nn.Loss;
import digitlab.core.run.TrainingConfig;
import java.util.Random;

/** Real model files built with the core API, for store and endpoint tests. */
public final class TestModels {
    private TestModels() {}

    /**
     * A {@code sizes} network with ReLU hidden layers and softmax output, random weights from {@code seed},
     * and run settings (the defaults for this network) as the browser saves them.
     */
    public static Model model(int[] sizes, long seed, TrainingMetadata metadata) {
        Architecture arch = new Architecture(sizes, new Activation[] {Activation.RELU}, Loss.SOFTMAX_CROSS_ENTROPY);
        float[] params = new float[arch.parameterCount()];
        Random r = new Random(seed);
        for (int i = 0; i < params.length; i++) {
            params[i] = (float) (r.nextGaussian() * 0.1);
        }
        return new Model(arch, params, metadata, TrainingConfig.defaults().withArchitecture(arch));
    }

    /** The layers of {@link #small}: the smallest network for MNIST. */
    public static final int[] SMALL = {784, 1, 10};

    /**
     * A small valid model file (784-1-10, 805 parameters, with metadata): the smallest the server accepts;
     * different seeds give different files.
     */
    public static byte[] small(long seed) {
        return model(SMALL, seed, new TrainingMetadata(3, 180000, 0.97f)).toBytes();
    }

    /** A valid model file of another shape than MNIST's (4-3-2), which the server refuses. */
    public static byte[] notMnist(long seed) {
        return model(new int[] {4, 3, 2}, seed, null).toBytes();
    }

    /** A 784-16-10 model file like the browser saves (about 51 kB). */
    public static byte[] mnist(long seed) {
        return model(new int[] {784, 16, 10}, seed, new TrainingMetadata(3, 180000, 0.97f))
                .toBytes();
    }
}

package digitlab.loadtest;

import digitlab.core.model.Model;
import digitlab.core.model.TrainingMetadata;
import digitlab.core.nn.Activation;
import digitlab.core.nn.Architecture;
import digitlab.core.nn.Loss;
import digitlab.core.run.TrainingConfig;
import java.util.Random;

/** The model the load test uploads and fetches: valid, so the server accepts it, and as big as asked. */
final class BigModel {
    private BigModel() {}

    /** A valid dense model file of about {@code mb} MB (4 bytes per parameter). */
    static byte[] bytes(int mb) {
        int hidden = Math.max(1, (int) ((mb * 1_000_000L / 4 - 10) / (784 + 1 + 10)));
        Architecture arch = new Architecture(
                new int[] {784, hidden, 10}, new Activation[] {Activation.RELU}, Loss.SOFTMAX_CROSS_ENTROPY);
        float[] params = new float[arch.parameterCount()];
        Random r = new Random(15);
        for (int i = 0; i < params.length; i++) {
            params[i] = (float) (r.nextGaussian() * 0.05);
        }
        return new Model(
                        arch,
                        params,
                        new TrainingMetadata(1, 60000, 0.9f),
                        TrainingConfig.defaults().withArchitecture(arch))
                .toBytes();
    }
}

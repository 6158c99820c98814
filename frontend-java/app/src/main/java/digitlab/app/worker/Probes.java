package digitlab.app.worker;

import digitlab.core.data.Digits;
import digitlab.core.data.InputFrame;
import digitlab.core.nn.Network;
import digitlab.core.train.Trainer;

/**
 * Answers the page's questions about the current network: every layer's activations for a test image or
 * a drawing, and the predicted digits of some training images. Each answer is a few forward passes, run
 * between training chunks; before there is a network there is no answer.
 */
final class Probes {
    private final ShardData data;
    private final CurrentRun run;
    private final Reporter reports;

    Probes(ShardData data, CurrentRun run, Reporter reports) {
        this.data = data;
        this.run = run;
        this.reports = reports;
    }

    void inspect(int image) {
        Trainer trainer = run.trainer();
        Digits test = trainer == null
                ? null
                : data.test(InputFrame.of(trainer.network().architecture()));
        if (test == null) {
            return;
        }
        if (image < 0 || image >= test.count()) {
            throw new IllegalArgumentException("no test image " + image);
        }
        float[] input = new float[test.imageSize()];
        test.toInput(image, input);
        Network network = trainer.network();
        reports.inspection(image, test.label(image), network.architecture(), activations(network, input));
    }

    /** {@code input}: the preprocessed drawing, the network's inputs. */
    void drawing(float[] input) {
        Trainer trainer = run.trainer();
        if (trainer == null) {
            return;
        }
        Network network = trainer.network();
        reports.drawing(network.architecture(), activations(network, input));
    }

    /** {@code images}: indices of training images. */
    void classifyTraining(int[] images) {
        Trainer trainer = run.trainer();
        if (trainer == null) {
            return;
        }
        Network network = trainer.network();
        Digits train = data.train(InputFrame.of(network.architecture()));
        float[] input = new float[train.imageSize()];
        float[] output = new float[network.architecture().outputSize()];
        int[] predicted = new int[images.length];
        for (int i = 0; i < images.length; i++) {
            if (images[i] < 0 || images[i] >= train.count()) {
                throw new IllegalArgumentException("no training image " + images[i]);
            }
            train.toInput(images[i], input);
            predicted[i] = network.predict(input, output);
        }
        reports.predictions(predicted);
    }

    /** Every layer's activations for one input, input first. */
    private static float[] activations(Network network, float[] input) {
        int total = 0;
        for (int size : network.architecture().sizes()) {
            total += size;
        }
        float[] all = new float[total];
        network.allActivations(input, all);
        return all;
    }
}

package digitlab.app.worker;

import digitlab.core.data.Digits;
import digitlab.core.data.InputFrame;
import digitlab.core.nn.Network;
import digitlab.core.train.Trainer;
import digitlab.core.view.DiagramNodes;
import digitlab.core.view.UnitLinks;

/**
 * Answers the page's questions about the current network: every layer's activations for a test image or
 * a drawing, the weights around one node of the network diagram, and the predicted digits of some training
 * images. Each answer is a few forward passes or a copy of one layer's weights, run between training
 * chunks. A test image asked about before there is a network or a test shard is answered once both are
 * here ({@link #answerWaiting}): the page asks once, when its network is built, and the first test shard
 * may still be on its way.
 */
final class Probes {
    private final ShardData data;
    private final CurrentRun run;
    private final Reporter reports;
    /** The diagram's view of the current network, made again when the network is replaced. */
    private NodeLinks links;
    /** The test image last asked about while there was nothing to answer with, or -1. */
    private int waitingImage = -1;

    private record NodeLinks(Network network, DiagramNodes nodes, UnitLinks weights) {
        NodeLinks(Network network) {
            this(network, DiagramNodes.of(network.architecture().layers()));
        }

        NodeLinks(Network network, DiagramNodes nodes) {
            this(network, nodes, new UnitLinks(nodes));
        }
    }

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
            waitingImage = image;
            return;
        }
        waitingImage = -1;
        if (image < 0 || image >= test.count()) {
            throw new IllegalArgumentException("no test image " + image);
        }
        float[] input = new float[test.imageSize()];
        test.toInput(image, input);
        Network network = trainer.network();
        reports.inspection(image, test.label(image), network.architecture(), activations(network, input));
    }

    /** Answers the test image asked about while there was no network or no test image yet, if now there are. */
    void answerWaiting() {
        if (waitingImage >= 0) {
            inspect(waitingImage);
        }
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

    /** The weights around node {@code node} of layer {@code layer} (0 = the input) of the network diagram. */
    void nodeWeights(int layer, int node) {
        Trainer trainer = run.trainer();
        if (trainer == null) {
            return;
        }
        Network network = trainer.network();
        if (links == null || links.network() != network) {
            links = new NodeLinks(network);
        }
        DiagramNodes nodes = links.nodes;
        if (layer < 0 || layer >= nodes.layerCount() || node < 0 || node >= nodes.nodes(layer)) {
            return; // asked about the network before this one: the page asks again when it hears of this one
        }
        reports.nodeWeights(
                network.architecture(),
                layer,
                node,
                links.weights.incoming(network, layer, node),
                links.weights.outgoing(network, layer, node));
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

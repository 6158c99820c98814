package digitlab.core.run;

import java.util.List;

/** The one-click starting points the settings form offers, in the order it shows them. */
public final class Presets {
    private Presets() {}

    /** Chosen by validation accuracy among measured candidates (README, "Choosing the CNN preset"). */
    private static final String BEST_CNN = "layers=784,c16k5v,p2,c32k5v,p2,128,10&act=relu&loss=softmax&opt=adam"
            + "&lr=0.0015&batch=8&sched=restarts&epochs=4";

    private static final String BEST_CNN_WHY = "A small LeNet: 16 then 32 5x5 ReLU filters on the windows inside"
            + " their input (valid padding, as LeNet had), each with a 2x2 max-pool, then 128 dense units; Adam on"
            + " mini-batches of 8, its step annealed to zero at the end of every epoch and restarted at half the"
            + " height (cosine with restarts), so each epoch ends on a settled network: about 98.9% on the test set"
            + " after one epoch, 99.2% after four (about three minutes on two cores).";

    public static final List<Preset> ALL = List.of(
            new Preset(
                    "classic",
                    "The classic tutorial",
                    "Andrew Ng's exercise: 25 sigmoid hidden units, the logistic cost with L2 regularisation"
                            + " (λ = 1), trained by L-BFGS on the whole training set at every step.",
                    "layers=784,25,10&act=sigmoid&loss=logistic&lambda=1&opt=lbfgs&iters=50&init=uniform"),
            new Preset(
                    "classic-20",
                    "The classic tutorial on 20x20 digits",
                    "The same exercise as its authors wrote it: 400 inputs, each digit's ink box area-averaged to"
                            + " 20x20 pixels (MNIST images and your drawings alike), 25 sigmoid units, λ = 1, L-BFGS:"
                            + " about 95% on the training set after 50 iterations, as the exercise reports.",
                    "layers=400,25,10&act=sigmoid&loss=logistic&lambda=1&opt=lbfgs&iters=50&init=uniform"),
            new Preset(
                    "nielsen",
                    "Nielsen's network.py",
                    "Chapter 1 of Neural Networks and Deep Learning: 30 sigmoid units, the quadratic cost,"
                            + " N(0,1) weights and mini-batch SGD (10 examples, learning rate 3).",
                    "layers=784,30,10&act=sigmoid&loss=quadratic&init=normal&opt=sgd&lr=3&batch=10&epochs=30"
                            + "&valid=10000"),
            new Preset(
                    "relu-mlp",
                    "Fast and accurate MLP",
                    "128 ReLU units, softmax with cross-entropy and Adam: about 96% on the test set after one"
                            + " epoch, in seconds.",
                    "layers=784,128,10&act=relu&loss=softmax&opt=adam&lr=0.001&batch=32&epochs=10"),
            new Preset(
                    "convnetjs",
                    "The ConvNetJS MNIST demo",
                    "Karpathy's in-browser demo: two 5x5 ReLU convolutions (8 and 16 filters), each followed by"
                            + " max-pooling, then softmax; about 6,000 weights that learn strokes from small patches"
                            + " of the image (Adam here in place of its Adadelta).",
                    "layers=784,c8k5,p2,c16k5,p3,10&act=relu&loss=softmax&opt=adam&lr=0.001&batch=32&epochs=5"),
            new Preset("best-cnn", "Our best CNN", BEST_CNN_WHY, BEST_CNN));

    /** The preset with this id, or null. */
    public static Preset byId(String id) {
        for (Preset preset : ALL) {
            if (preset.id().equals(id)) {
                return preset;
            }
        }
        return null;
    }

    /** The preset whose run is {@code config}, or null if it is none of them. */
    public static Preset matching(TrainingConfig config) {
        for (Preset preset : ALL) {
            if (preset.config().equals(config)) {
                return preset;
            }
        }
        return null;
    }
}

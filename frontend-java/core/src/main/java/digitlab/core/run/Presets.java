package digitlab.core.run;

import java.util.List;

/** The one-click starting points the settings form offers, in the order it shows them. */
public final class Presets {
    private Presets() {}

    public static final List<Preset> ALL = List.of(
            new Preset(
                    "classic",
                    "The classic tutorial",
                    "Andrew Ng's exercise: 25 sigmoid hidden units, the logistic cost with L2 regularisation"
                            + " (λ = 1), trained by L-BFGS on the whole training set at every step.",
                    "layers=784,25,10&act=sigmoid&loss=logistic&lambda=1&opt=lbfgs&iters=50&init=uniform"),
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
                    "layers=784,128,10&act=relu&loss=softmax&opt=adam&lr=0.001&batch=32&epochs=10"));

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

package digitlab.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The words a newcomer meets on the page, each in one or two plain sentences. The page derives from this
 * one table the "?" buttons next to the labels that use a term (a settings control names its terms through
 * the setting keys listed here, a static label through {@code data-term} in index.html) and the Glossary
 * panel that lists them all.
 */
public final class Glossary {
    /**
     * One term.
     *
     * @param id the term's id, as {@code data-term} names it
     * @param term the words as the page shows them
     * @param text one or two plain sentences
     * @param settings keys of the run settings whose control this term explains
     */
    public record Term(String id, String term, String text, List<String> settings) {}

    public static final List<Term> ALL = List.of(
            term(
                    "epoch",
                    "Epoch",
                    "One pass over every training image. The run bar counts in epochs: 1.50 means one and a half"
                            + " passes.",
                    "epochs",
                    "patience"),
            term(
                    "step",
                    "Step",
                    "One change of the weights: after one mini-batch, or after the whole training set for the"
                            + " full-batch methods (gradient descent, L-BFGS)."),
            term(
                    "loss",
                    "Loss",
                    "A number that says how wrong the network's answers on training images are; training is the"
                            + " search for weights that make it small.",
                    "loss"),
            term(
                    "learning-rate",
                    "Learning rate",
                    "How far the weights move against the gradient at each step. Too small learns slowly, too"
                            + " large overshoots and can blow up.",
                    "lr"),
            term(
                    "batch",
                    "Batch (mini-batch)",
                    "The few training images looked at together before each step. Small batches give many"
                            + " noisy steps, large ones fewer and smoother steps.",
                    "batch"),
            term(
                    "lambda",
                    "L2 lambda (λ)",
                    "A penalty on large weights added to the loss, which keeps the network from memorising its"
                            + " training images; 0 turns it off.",
                    "lambda"),
            term(
                    "init",
                    "He, Xavier and uniform initialisation",
                    "How the random first weights are drawn, scaled to the number of inputs so signals neither"
                            + " fade nor explode. He suits ReLU, Xavier and uniform suit sigmoid and tanh.",
                    "init"),
            term(
                    "sgd",
                    "SGD",
                    "Stochastic gradient descent: after each mini-batch, every weight moves a little against"
                            + " its gradient, the direction that raises the loss.",
                    "opt"),
            term(
                    "momentum",
                    "Momentum",
                    "SGD with a running velocity: steps that agree build up speed and zig-zags cancel out. Mu"
                            + " is the share of the velocity kept from step to step.",
                    "opt",
                    "momentum"),
            term(
                    "nesterov",
                    "Nesterov",
                    "Momentum that looks ahead: it takes the gradient where the velocity is about to carry the"
                            + " weights, which often settles sooner.",
                    "opt"),
            term(
                    "adam",
                    "Adam",
                    "An optimiser that gives every weight its own step size from running averages of its"
                            + " gradients; it works well with little tuning.",
                    "opt"),
            term(
                    "lbfgs",
                    "L-BFGS",
                    "A full-batch method that estimates the curvature of the loss from its last steps and"
                            + " chooses its own step sizes; the classic tutorial trains with it.",
                    "opt",
                    "memory"),
            term(
                    "cosine",
                    "Cosine schedule",
                    "Lowers the learning rate along half a cosine wave, from its full value at the start to zero"
                            + " at the end of the planned epochs. A step schedule cuts it by a factor instead.",
                    "sched"),
            term(
                    "test-set",
                    "Test set and test sample",
                    "The test set is the 10,000 MNIST images kept out of training, so its accuracy is an honest"
                            + " measure. A test sample is one of those images, such as the one shown going through"
                            + " the network."),
            term(
                    "validation",
                    "Validation images",
                    "Training images held out of training and measured while it runs, to watch for"
                            + " over-fitting and for the stop rules, so the test set never steers training.",
                    "valid",
                    "targetacc"),
            term(
                    "hidden-unit",
                    "Hidden unit",
                    "One neuron of a layer between input and output: it adds up its inputs, each times its own"
                            + " weight, and passes the sum through the activation."),
            term(
                    "activation",
                    "Activation",
                    "The function a unit applies to its summed input, such as ReLU (0 below zero, the input"
                            + " above) or sigmoid (an S-curve from 0 to 1). Without it, stacked layers would act"
                            + " as one."),
            term(
                    "seed",
                    "Seed",
                    "The number every random choice starts from (first weights, image order): the same seed"
                            + " and settings give the same run.",
                    "seed"));

    private Glossary() {}

    private static Term term(String id, String term, String text, String... settings) {
        return new Term(id, term, text, List.of(settings));
    }

    /** The term with this id, or null. */
    public static Term byId(String id) {
        for (Term term : ALL) {
            if (term.id().equals(id)) {
                return term;
            }
        }
        return null;
    }

    /** The terms that explain the control of the setting {@code key}, in the table's order; maybe none. */
    public static List<Term> forSetting(String key) {
        List<Term> terms = new ArrayList<>();
        for (Term term : ALL) {
            if (term.settings().contains(key)) {
                terms.add(term);
            }
        }
        return terms;
    }
}

package digitlab.cli;

import digitlab.core.nn.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The training settings on the command line of {@code train}: the {@link TrainingConfig} query keys
 * ({@code --layers 784,128,10}, {@code --lr 0.01}, ...), plus a few longer names ({@code --activation} for
 * {@code act}, {@code --optimizer} for {@code opt}, {@code --schedule} for {@code sched}, {@code --target}
 * for {@code targetacc}).
 */
final class TrainingOptions {
    private static final Set<String> KEYS = Set.of(TrainingConfig.KEYS);
    private static final Map<String, String> ALIASES =
            Map.of("activation", "act", "optimizer", "opt", "schedule", "sched", "target", "targetacc");

    private TrainingOptions() {}

    /** The training settings and their longer names, plus {@code others} (each taking a value). */
    static Args.Spec spec(String... others) {
        return Args.Spec.options(others).withOptions(KEYS).withAliases(ALIASES);
    }

    /**
     * The training settings given, over the defaults of {@link TrainingConfig#fromMap}.
     *
     * @throws UsageException for a bad value, naming the setting
     */
    static TrainingConfig config(Args a) {
        try {
            return TrainingConfig.fromMap(a.only(KEYS));
        } catch (IllegalArgumentException e) {
            throw new UsageException("bad option value: " + e.getMessage());
        }
    }

    /** Help text for the training options, one line each. */
    static String help() {
        List<String> lines = new ArrayList<>();
        lines.add("  --layers 784,128,10        layer sizes, input to output");
        lines.add("  --activation relu          hidden activation(s): sigmoid, tanh, relu, leakyrelu, linear");
        lines.add("                             (one for all hidden layers, or comma-separated per layer)");
        lines.add("  --loss softmax             softmax (cross-entropy), logistic (sigmoid outputs, Ng's");
        lines.add("                             cost) or quadratic (sigmoid outputs, Nielsen's network.py)");
        lines.add("  --optimizer adam           sgd, momentum, nesterov, adam, gd (full batch), lbfgs (full batch)");
        lines.add("  --lr 0.001                 learning rate (default depends on the optimizer)");
        lines.add("  --momentum 0.9             for momentum and nesterov");
        lines.add("  --schedule constant        constant, step (--decay 0.5 --every 1), cosine");
        lines.add("  --batch 32                 mini-batch size");
        lines.add("  --lambda 0                 L2 regularisation strength");
        lines.add("  --init he                  uniform (Ng's), xavier, he, normal (N(0,1) weights and biases,");
        lines.add("                             Nielsen's network.py)");
        lines.add("  --seed 1                   seed of every random choice");
        lines.add("  --epochs 10                epochs (mini-batch optimizers)");
        lines.add("  --iters 100                iterations (gd and lbfgs)");
        lines.add("  --train 0                  use only the first N training examples (0 = all)");
        lines.add("  --valid 5000               hold out the last N training images for validation (0 = none)");
        lines.add("  --target 0                 stop at this validation accuracy (0 = never)");
        lines.add("  --patience 0               stop after N epochs without a better validation accuracy");
        lines.add("                             (0 = never)");
        lines.add("  --memory 10                L-BFGS memory");
        return String.join("\n", lines);
    }
}

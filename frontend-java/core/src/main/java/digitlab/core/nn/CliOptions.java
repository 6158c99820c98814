package digitlab.core.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options of the JVM trainer and benchmark ({@code --key value} or {@code --key=value}),
 * parsed here so the CLI classes stay thin and this logic is tested with the core. The training settings
 * are the {@link TrainingConfig} query keys, plus a few aliases ({@code --activation} for
 * {@code act}, {@code --optimizer} for {@code opt}, {@code --schedule} for {@code sched}, {@code --target}
 * for {@code targetacc}).
 */
public final class CliOptions {
    private static final String[][] ALIASES = {
        {"activation", "act"}, {"optimizer", "opt"}, {"schedule", "sched"}, {"target", "targetacc"}
    };

    private final Map<String, String> values;

    private CliOptions(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Parses {@code args}. Accepted: every {@link TrainingConfig#KEYS} key and alias, {@code --help}
     * (no value), and {@code extraKeys} (each taking a value), e.g. "mnist", "out".
     *
     * @throws IllegalArgumentException for an unknown option, a missing value, a repeated option or a
     *         stray argument, saying which
     */
    public static CliOptions parse(String[] args, String... extraKeys) {
        List<String> extras = Arrays.asList(extraKeys);
        List<String> configKeys = Arrays.asList(TrainingConfig.KEYS);
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "' (options start with --)");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (name.equals("help")) {
                values.put("help", "true");
                continue;
            }
            String key = canonical(name);
            if (!configKeys.contains(key) && !extras.contains(key)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException("option --" + name + " needs a value");
                }
                value = args[++i];
            }
            if (values.put(key, value) != null) {
                throw new IllegalArgumentException("option --" + name + " is given twice");
            }
        }
        return new CliOptions(values);
    }

    private static String canonical(String name) {
        for (String[] alias : ALIASES) {
            if (alias[0].equals(name)) {
                return alias[1];
            }
        }
        return name;
    }

    /** True if {@code --help} was given. */
    public boolean help() {
        return values.containsKey("help");
    }

    /** The value of an extra option, or {@code fallback}. */
    public String get(String key, String fallback) {
        String v = values.get(key);
        return v == null ? fallback : v;
    }

    /** An extra option as a positive whole number, or {@code fallback}. */
    public int positiveInt(String key, int fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + key + " must be a whole number >= 1, got '" + v + "'");
    }

    /**
     * The training settings given, over the defaults of {@link TrainingConfig#fromMap}.
     *
     * @throws IllegalArgumentException for a bad value, naming the option
     */
    public TrainingConfig config() {
        Map<String, String> merged = new LinkedHashMap<>();
        List<String> configKeys = Arrays.asList(TrainingConfig.KEYS);
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (configKeys.contains(e.getKey())) {
                merged.put(e.getKey(), e.getValue());
            }
        }
        try {
            return TrainingConfig.fromMap(merged);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad option value: " + e.getMessage());
        }
    }

    /** Help text for the training options, one line each. */
    public static String trainingOptionsHelp() {
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

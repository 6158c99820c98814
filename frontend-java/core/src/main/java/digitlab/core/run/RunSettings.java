package digitlab.core.run;

import static digitlab.core.run.NumberRange.above;
import static digitlab.core.run.NumberRange.atLeast;
import static digitlab.core.run.NumberRange.closed;
import static digitlab.core.run.NumberRange.closedOpen;
import static digitlab.core.run.NumberRange.openClosed;

import digitlab.core.data.InputFrame;
import digitlab.core.data.Mnist;
import digitlab.core.nn.Activation;
import digitlab.core.nn.Init;
import digitlab.core.nn.LayerGrammar;
import digitlab.core.nn.LayerStack;
import digitlab.core.nn.Loss;
import digitlab.core.nn.optim.Lbfgs;
import digitlab.core.nn.optim.OptimizerKind;
import digitlab.core.nn.optim.Schedule;
import digitlab.core.text.PlainNumber;
import digitlab.core.text.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The table of run settings, in the spirit of TensorFlow Playground's {@code State.PROPS}: one entry per
 * setting, in the order the address lists them. A new setting is one entry here plus the code that uses
 * it ({@link TrainingConfig#get}); the address, the CLI options and help, the page's form and the README's
 * table of settings follow from it.
 *
 * <p>Links and model files written before a key existed lack it, and a missing key takes its default: so a
 * new key's default must be the behaviour from before the key, unless that behaviour was a mistake (before
 * {@code valid}, the stop rules looked at test images).
 *
 * <p>Longer than most classes here by design: it is the whole table, an entry per setting, with the few
 * readers the entries share.
 */
public final class RunSettings {
    private RunSettings() {}

    private static final List<Setting<?>> TABLE = new ArrayList<>();

    /** The largest mini-batch: larger ones only slow the page down. */
    public static final int MAX_BATCH = 8192;

    /** Training images held out for validation unless a run says otherwise: the last MNIST training shard. */
    public static final int DEFAULT_VALIDATION = 5000;

    private static final int MAX_PASSES = 1_000_000;

    public static final Setting<LayerStack> LAYERS = define("layers", LayerGrammar::parse, RunSettings::writeLayers)
            .byDefault(LayerStack.dense(new int[] {Mnist.PIXELS, 128, Mnist.CLASSES}))
            .help("layers, input to output: the input size (" + InputFrame.IMAGE.size() + " = the 28x28 image, "
                    + InputFrame.DIGIT_BOX.size()
                    + " = the digit's box area-averaged to 20x20), then per layer a number of units for a"
                    + " dense layer, c8k5 for a convolution of 8 filters of 5x5 (add s2 for stride 2, v for valid"
                    + " padding), p2 for a 2x2 max-pool (add s1 for stride 1); e.g. 784,c8k5,p2,c16k5,p3,10");

    public static final Setting<Activation[]> ACT = define(
                    "act", RunSettings::readActivations, RunSettings::writeActivations)
            .byDefault(new Activation[] {Activation.RELU})
            .options(options(Activation.values(), Activation::id, Activation::label))
            .cliAlias("activation")
            .help("hidden activation, one for every hidden layer with weights (dense or convolution) or one per such"
                    + " layer (comma-separated)");

    public static final Setting<Loss> LOSS = choice("loss", Loss.values(), Loss::id, Loss::label)
            .byDefault(Loss.SOFTMAX_CROSS_ENTROPY)
            .menu("Loss")
            .help("the cost the network minimises, with its output activation");

    public static final Setting<OptimizerKind> OPT = choice(
                    "opt", OptimizerKind.values(), OptimizerKind::id, OptimizerKind::label)
            .byDefault(OptimizerKind.ADAM)
            .menu("Optimiser")
            .cliAlias("optimizer")
            .help("the training method; gd and lbfgs take every step on the whole training set");

    public static final Setting<Float> LR = number("lr", above(0))
            .byDefault(earlier -> earlier.get(OPT).defaultLearningRate(), learningRateDefaults())
            .input("Learning rate")
            .appliesWhen(optimizer -> optimizer != OptimizerKind.LBFGS)
            .help("the learning rate; L-BFGS finds its own step sizes");

    public static final Setting<Float> MOMENTUM = number("momentum", closedOpen(0, 1))
            .byDefault(0.9f)
            .input("Momentum")
            .appliesWhen(optimizer -> optimizer == OptimizerKind.MOMENTUM || optimizer == OptimizerKind.NESTEROV)
            .help("the momentum mu of the momentum methods");

    public static final Setting<Schedule> SCHED = choice("sched", Schedule.values(), Schedule::id, Schedule::label)
            .byDefault(Schedule.CONSTANT)
            .menu("Schedule")
            .cliAlias("schedule")
            .appliesWhen(optimizer -> optimizer != OptimizerKind.LBFGS)
            .help("how the learning rate changes over training");

    public static final Setting<Float> DECAY = number("decay", openClosed(0, 1))
            .byDefault(0.5f)
            .appliesWhen(optimizer -> optimizer != OptimizerKind.LBFGS)
            .help("the step schedule's factor per step, and the restarts schedule's per restart");

    public static final Setting<Integer> EVERY = wholeNumber("every", 1, Integer.MAX_VALUE)
            .byDefault(1)
            .appliesWhen(optimizer -> optimizer != OptimizerKind.LBFGS)
            .help("epochs per step of the step schedule, and per period of the restarts schedule");

    public static final Setting<Integer> BATCH = wholeNumber("batch", 1, MAX_BATCH)
            .byDefault(32)
            .input("Batch size")
            .appliesWhen(optimizer -> !optimizer.fullBatch())
            .help("examples per mini-batch");

    public static final Setting<Float> LAMBDA =
            number("lambda", atLeast(0)).byDefault(0f).input("L2 λ").help("L2 regularisation strength");

    public static final Setting<Init> INIT = choice("init", Init.values(), Init::id, Init::label)
            .byDefault(RunSettings::initFor, "he for relu and leakyrelu, else uniform")
            .menu("Initialisation")
            .help("how the first weights are drawn");

    public static final Setting<Integer> SEED = wholeNumber("seed", Integer.MIN_VALUE, Integer.MAX_VALUE)
            .byDefault(1)
            .input("Seed")
            .help("the seed of every random choice: the same seed gives the same run");

    public static final Setting<Integer> EPOCHS = wholeNumber("epochs", 1, MAX_PASSES)
            .byDefault(10)
            .input("Epochs")
            .appliesWhen(optimizer -> !optimizer.fullBatch())
            .help("passes over the training set of the mini-batch methods");

    public static final Setting<Integer> ITERS = wholeNumber("iters", 1, MAX_PASSES)
            .byDefault(100)
            .input("Iterations")
            .appliesWhen(OptimizerKind::fullBatch)
            .help("steps of the full-batch methods, each a pass over the whole training set");

    public static final Setting<Integer> TRAIN = wholeNumber("train", 0, Integer.MAX_VALUE)
            .byDefault(0)
            .help("train on the first N training images only (0 = all)");

    public static final Setting<Integer> VALID = wholeNumber("valid", 0, Integer.MAX_VALUE)
            .byDefault(DEFAULT_VALIDATION)
            .input("Validation images")
            .help("hold the last N training images out of training and measure them while it trains, for"
                    + " the validation curve and the stop rules (0 = none)");

    public static final Setting<Float> TARGETACC = number("targetacc", closed(0, 1))
            .byDefault(0f)
            .input("Stop at accuracy")
            .cliAlias("target")
            .help("stop when the accuracy on the validation images reaches this (0 = never)");

    public static final Setting<Integer> PATIENCE = wholeNumber("patience", 0, Integer.MAX_VALUE)
            .byDefault(0)
            .input("Patience (epochs)")
            .help("stop after this many validations without a better validation accuracy (0 = never)");

    public static final Setting<Integer> MEMORY = wholeNumber("memory", 1, 100)
            .byDefault(Lbfgs.DEFAULT_MEMORY)
            .input("L-BFGS memory")
            .appliesWhen(optimizer -> optimizer == OptimizerKind.LBFGS)
            .help("past steps L-BFGS remembers to estimate the curvature");

    /** Every setting, in the order of the address. */
    public static final List<Setting<?>> ALL = Collections.unmodifiableList(TABLE);

    /** The setting with this key, or null. */
    public static Setting<?> byKey(String key) {
        for (Setting<?> s : ALL) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        return null;
    }

    /** The setting a command-line option names by its key or its longer alias, or null. */
    public static Setting<?> byCliName(String name) {
        for (Setting<?> s : ALL) {
            if (s.key().equals(name) || name.equals(s.cliAlias())) {
                return s;
            }
        }
        return null;
    }

    /** Every key, comma-separated, for messages. */
    public static String keyList() {
        List<String> keys = new ArrayList<>();
        for (Setting<?> s : ALL) {
            keys.add(s.key());
        }
        return String.join(", ", keys);
    }

    // ---------------------------------------------------------------- kinds of setting

    private static <T> Setting<T> define(String key, Setting.Reader<T> reader, Setting.Writer<T> writer) {
        Setting<T> setting = new Setting<>(key, TABLE.size(), reader, writer);
        TABLE.add(setting);
        return setting;
    }

    private static Setting<Integer> wholeNumber(String key, int min, int max) {
        String expected = min == Integer.MIN_VALUE
                ? "a whole number"
                : max == Integer.MAX_VALUE
                        ? "a whole number, " + min + " or more"
                        : "a whole number from " + min + " to " + max;
        Setting<Integer> setting = define(
                key,
                text -> {
                    int n;
                    try {
                        n = Integer.parseInt(text);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("must be " + expected + ", got '" + text + "'");
                    }
                    if (n < min || n > max) {
                        throw new IllegalArgumentException("must be " + expected + ", got " + n);
                    }
                    return n;
                },
                n -> Integer.toString(n));
        return setting.bounds(
                min == Integer.MIN_VALUE ? null : Integer.toString(min),
                max == Integer.MAX_VALUE ? null : Integer.toString(max),
                "1");
    }

    private static Setting<Float> number(String key, NumberRange range) {
        Setting<Float> setting = define(
                key,
                text -> {
                    float f;
                    try {
                        f = Float.parseFloat(text);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("must be a number, got '" + text + "'");
                    }
                    if (Float.isNaN(f) || Float.isInfinite(f)) {
                        throw new IllegalArgumentException("must be a finite number, got '" + text + "'");
                    }
                    if (!range.contains(f)) {
                        throw new IllegalArgumentException("must be " + range.describe() + ", got " + text);
                    }
                    return f;
                },
                PlainNumber::of);
        return setting.bounds(range.minText(), range.maxText(), "any");
    }

    private static <E> Setting<E> choice(String key, E[] values, Function<E, String> id, Function<E, String> label) {
        return define(key, text -> pick(values, id, text), id::apply).options(options(values, id, label));
    }

    private static <E> List<Setting.Option> options(E[] values, Function<E, String> id, Function<E, String> label) {
        List<Setting.Option> list = new ArrayList<>();
        for (E value : values) {
            list.add(new Setting.Option(id.apply(value), label.apply(value)));
        }
        return list;
    }

    private static <E> E pick(E[] values, Function<E, String> id, String text) {
        List<String> ids = new ArrayList<>();
        for (E value : values) {
            if (id.apply(value).equals(text)) {
                return value;
            }
            ids.add(id.apply(value));
        }
        throw new IllegalArgumentException("must be one of " + String.join(", ", ids) + ", got '" + text + "'");
    }

    // ---------------------------------------------------------------- the two lists and the derived defaults

    private static String writeLayers(LayerStack layers) {
        return LayerGrammar.format(layers, ',');
    }

    private static Activation[] readActivations(String text) {
        if (text.isEmpty()) {
            return new Activation[0];
        }
        String[] parts = Text.split(text, ',');
        Activation[] activations = new Activation[parts.length];
        for (int i = 0; i < parts.length; i++) {
            activations[i] = pick(Activation.values(), Activation::id, parts[i].trim());
        }
        return activations;
    }

    private static String writeActivations(Activation[] activations) {
        StringBuilder sb = new StringBuilder();
        for (Activation a : activations) {
            sb.append(sb.length() == 0 ? "" : ",").append(a.id());
        }
        return sb.toString();
    }

    /** He for the ReLU family, which zeroes half its inputs; the tutorials' uniform otherwise. */
    private static Init initFor(Setting.Earlier earlier) {
        Activation[] hidden = earlier.get(ACT);
        Activation first = hidden.length > 0 ? hidden[0] : Activation.SIGMOID;
        return first == Activation.RELU || first == Activation.LEAKY_RELU ? Init.HE : Init.UNIFORM;
    }

    private static String learningRateDefaults() {
        List<String> rates = new ArrayList<>();
        for (OptimizerKind kind : OptimizerKind.values()) {
            if (kind != OptimizerKind.LBFGS) {
                rates.add(kind.id() + " " + PlainNumber.of(kind.defaultLearningRate()));
            }
        }
        return "by optimiser: " + String.join(", ", rates);
    }
}

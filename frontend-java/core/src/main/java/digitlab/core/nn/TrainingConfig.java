package digitlab.core.nn;

import digitlab.core.text.Text;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that defines a training run, as one immutable value that travels as a URL query string
 * ({@link #toQuery()} / {@link #fromQuery}) and as CLI options ({@link #fromMap}), e.g.
 * {@code layers=784,64,10&act=relu&loss=softmax&opt=adam&lr=0.001&batch=32&seed=1}.
 *
 * <p>Keys (all optional in {@code fromQuery}; defaults in brackets). The page keeps its own parameters
 * (such as {@code target=wasm}, {@code model=...}) beside these, so no key here may clash with them:
 * <pre>
 *   layers    layer sizes, input to output                     [784,128,10]
 *   act       hidden activation, one for all or one per layer  [relu]
 *   loss      softmax | logistic | quadratic                   [softmax]
 *   opt       sgd | momentum | nesterov | adam | gd | lbfgs    [adam]
 *   lr        learning rate (ignored by lbfgs)                 [the optimizer's default]
 *   momentum  mu for momentum/nesterov                         [0.9]
 *   sched     constant | step | cosine                         [constant]
 *   decay     factor per step of the step schedule             [0.5]
 *   every     epochs per step of the step schedule             [1]
 *   batch     mini-batch size                                  [32]
 *   lambda    L2 regularisation strength                       [0]
 *   init      uniform | xavier | he | normal                   [he for relu-like, else uniform]
 *   seed      seed of every random choice                      [1]
 *   epochs    epochs to train (mini-batch methods)             [10]
 *   iters     iterations to train (gd and lbfgs)               [100]
 *   train     use only the first N training examples, 0 = all  [0]
 *   valid     hold out the last N training images for
 *             validation, 0 = none                             [5000]
 *   targetacc stop at this validation accuracy, 0 = never      [0]
 *   patience  stop after N validations without improvement,
 *             0 = never                                        [0]
 *   memory    L-BFGS memory                                    [10]
 * </pre>
 *
 * <p>The validation images are held out of training and never the test set's: the stop rules
 * ({@code targetacc}, {@code patience}) and the live validation curve use them, so the test accuracy stays
 * a figure measured on images nothing was tuned on.
 *
 * <p>Links and model files written before a key existed lack it, and a missing key takes its default: so a
 * new key's default must be the behaviour from before the key, unless that behaviour was a mistake (before
 * {@code valid}, the stop rules looked at test images). Model files also reach versions that do not
 * know a newer key yet; see {@link ModelFormat} for how they read one.
 */
public record TrainingConfig(
        int[] layers,
        Activation[] activations,
        Loss loss,
        OptimizerKind optimizer,
        float learningRate,
        float momentum,
        Schedule schedule,
        float decay,
        int decayEvery,
        int batchSize,
        float lambda,
        Init init,
        int seed,
        int epochs,
        int trainLimit,
        float targetAccuracy,
        int patience,
        int lbfgsMemory,
        int validationSize,
        int iterations) {

    public static final int MAX_BATCH = 8192;
    /** The query keys, in the order {@link #toQuery()} writes them. */
    public static final String[] KEYS = {
        "layers",
        "act",
        "loss",
        "opt",
        "lr",
        "momentum",
        "sched",
        "decay",
        "every",
        "batch",
        "lambda",
        "init",
        "seed",
        "epochs",
        "iters",
        "train",
        "valid",
        "targetacc",
        "patience",
        "memory"
    };
    /** Training images held out for validation unless a run says otherwise: the last MNIST training shard. */
    public static final int DEFAULT_VALIDATION = 5000;

    /**
     * @throws IllegalArgumentException naming the first bad value
     */
    public TrainingConfig {
        layers = layers.clone();
        activations = activations.clone();
        architectureOf(layers, activations, loss); // validates the shape
        if (optimizer == null || schedule == null || init == null) {
            throw new IllegalArgumentException("optimizer, schedule and init are required");
        }
        check(learningRate > 0f && learningRate < Float.POSITIVE_INFINITY, "lr", learningRate, "a positive number");
        check(momentum >= 0f && momentum < 1f, "momentum", momentum, "in [0, 1)");
        check(decay > 0f && decay <= 1f, "decay", decay, "in (0, 1]");
        check(decayEvery >= 1, "every", decayEvery, "at least 1");
        check(batchSize >= 1 && batchSize <= MAX_BATCH, "batch", batchSize, "1.." + MAX_BATCH);
        check(lambda >= 0f && lambda < Float.POSITIVE_INFINITY, "lambda", lambda, "a number >= 0");
        check(epochs >= 1 && epochs <= 1_000_000, "epochs", epochs, "1..1000000");
        check(trainLimit >= 0, "train", trainLimit, "a count >= 0 (0 = all)");
        check(targetAccuracy >= 0f && targetAccuracy <= 1f, "targetacc", targetAccuracy, "in [0, 1] (0 = none)");
        check(patience >= 0, "patience", patience, "a count >= 0 (0 = none)");
        check(lbfgsMemory >= 1 && lbfgsMemory <= 100, "memory", lbfgsMemory, "1..100");
        check(validationSize >= 0, "valid", validationSize, "a count >= 0 (0 = none)");
        check(iterations >= 1 && iterations <= 1_000_000, "iters", iterations, "1..1000000");
        check(
                validationSize > 0 || (targetAccuracy == 0f && patience == 0),
                "valid",
                validationSize,
                "above 0 for the stop rules targetacc and patience, which watch the validation images");
    }

    /** The defaults (784-128-10 ReLU, softmax, Adam 0.001, batch 32, seed 1, 10 epochs). */
    public static TrainingConfig defaults() {
        return fromMap(new LinkedHashMap<>());
    }

    /** The network shape this run trains. */
    public Architecture architecture() {
        return architectureOf(layers, activations, loss);
    }

    /** Layer sizes (a copy). */
    @Override
    public int[] layers() {
        return layers.clone();
    }

    /** Hidden activations as given: one for all hidden layers, or one per layer (a copy). */
    @Override
    public Activation[] activations() {
        return activations.clone();
    }

    /** This run with another learning rate (what a UI slider changes mid-training). */
    public TrainingConfig withLearningRate(float rate) {
        return new TrainingConfig(
                layers,
                activations,
                loss,
                optimizer,
                rate,
                momentum,
                schedule,
                decay,
                decayEvery,
                batchSize,
                lambda,
                init,
                seed,
                epochs,
                trainLimit,
                targetAccuracy,
                patience,
                lbfgsMemory,
                validationSize,
                iterations);
    }

    /**
     * This run with the layers, activations and loss of {@code architecture}, e.g. a loaded model's;
     * the other settings (optimiser, rates, seed...) stay.
     */
    public TrainingConfig withArchitecture(Architecture architecture) {
        return new TrainingConfig(
                architecture.sizes(),
                architecture.hiddenActivations(),
                architecture.loss(),
                optimizer,
                learningRate,
                momentum,
                schedule,
                decay,
                decayEvery,
                batchSize,
                lambda,
                init,
                seed,
                epochs,
                trainLimit,
                targetAccuracy,
                patience,
                lbfgsMemory,
                validationSize,
                iterations);
    }

    /** This run with another seed. */
    public TrainingConfig withSeed(int newSeed) {
        return new TrainingConfig(
                layers,
                activations,
                loss,
                optimizer,
                learningRate,
                momentum,
                schedule,
                decay,
                decayEvery,
                batchSize,
                lambda,
                init,
                newSeed,
                epochs,
                trainLimit,
                targetAccuracy,
                patience,
                lbfgsMemory,
                validationSize,
                iterations);
    }

    /** This run with another number of epochs. */
    public TrainingConfig withEpochs(int newEpochs) {
        return new TrainingConfig(
                layers,
                activations,
                loss,
                optimizer,
                learningRate,
                momentum,
                schedule,
                decay,
                decayEvery,
                batchSize,
                lambda,
                init,
                seed,
                newEpochs,
                trainLimit,
                targetAccuracy,
                patience,
                lbfgsMemory,
                validationSize,
                iterations);
    }

    /** This run with another number of full-batch iterations. */
    public TrainingConfig withIterations(int newIterations) {
        return new TrainingConfig(
                layers,
                activations,
                loss,
                optimizer,
                learningRate,
                momentum,
                schedule,
                decay,
                decayEvery,
                batchSize,
                lambda,
                init,
                seed,
                epochs,
                trainLimit,
                targetAccuracy,
                patience,
                lbfgsMemory,
                validationSize,
                newIterations);
    }

    /**
     * What the run plans in the trainer's unit of progress: epochs for the mini-batch methods, iterations
     * (one pass over the training set each) for the full-batch ones.
     */
    public int planned() {
        return optimizer.fullBatch() ? iterations : epochs;
    }

    /** This run with {@link #planned()} set to {@code n}. */
    public TrainingConfig withPlanned(int n) {
        return optimizer.fullBatch() ? withIterations(n) : withEpochs(n);
    }

    // ---------------------------------------------------------------- query string

    /** Every setting as a query string (no leading '?'), keys in the order of {@link #KEYS}. */
    public String toQuery() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : toMap().entrySet()) {
            sb.append(sb.length() == 0 ? "" : "&")
                    .append(e.getKey())
                    .append('=')
                    .append(e.getValue());
        }
        return sb.toString();
    }

    /** Every setting as key/value strings, keys in the order of {@link #KEYS}. */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        StringBuilder sizes = new StringBuilder();
        for (int size : layers) {
            sizes.append(sizes.length() == 0 ? "" : ",").append(size);
        }
        m.put("layers", sizes.toString());
        StringBuilder acts = new StringBuilder();
        for (Activation a : activations) {
            acts.append(acts.length() == 0 ? "" : ",").append(a.id());
        }
        m.put("act", acts.toString());
        m.put("loss", loss.id());
        m.put("opt", optimizer.id());
        m.put("lr", number(learningRate));
        m.put("momentum", number(momentum));
        m.put("sched", schedule.id());
        m.put("decay", number(decay));
        m.put("every", Integer.toString(decayEvery));
        m.put("batch", Integer.toString(batchSize));
        m.put("lambda", number(lambda));
        m.put("init", init.id());
        m.put("seed", Integer.toString(seed));
        m.put("epochs", Integer.toString(epochs));
        m.put("iters", Integer.toString(iterations));
        m.put("train", Integer.toString(trainLimit));
        m.put("valid", Integer.toString(validationSize));
        m.put("targetacc", number(targetAccuracy));
        m.put("patience", Integer.toString(patience));
        m.put("memory", Integer.toString(lbfgsMemory));
        return m;
    }

    /**
     * Parses a query string such as {@code layers=784,64,10&opt=adam&lr=0.001}; a leading '?' or '#' is
     * ignored, values may be percent-encoded ({@code 784%2C64%2C10}), missing keys take their defaults.
     *
     * @throws IllegalArgumentException for an unknown or repeated key or a bad value, naming it
     */
    public static TrainingConfig fromQuery(String query) {
        return fromMap(queryMap(query));
    }

    /**
     * The decoded key/value pairs of a query string, in order, without judging keys or values: for readers
     * that treat keys they do not know differently (a model file written by a newer version).
     *
     * @throws IllegalArgumentException for a pair without '=', a repeated key or a bad percent escape
     */
    static Map<String, String> queryMap(String query) {
        String q = query.startsWith("?") || query.startsWith("#") ? query.substring(1) : query;
        Map<String, String> m = new LinkedHashMap<>();
        if (!q.isEmpty()) {
            for (String pair : Text.split(q, '&')) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("'" + pair + "' has no value (expected key=value)");
                }
                String key = decode(pair.substring(0, eq));
                if (m.put(key, decode(pair.substring(eq + 1))) != null) {
                    throw new IllegalArgumentException("'" + key + "' is given twice");
                }
            }
        }
        return m;
    }

    /**
     * Builds a config from key/value strings (the keys of {@link #KEYS}); missing keys take their defaults.
     *
     * @throws IllegalArgumentException for an unknown key or a bad value, naming it
     */
    public static TrainingConfig fromMap(Map<String, String> values) {
        for (String key : values.keySet()) {
            if (!Arrays.asList(KEYS).contains(key)) {
                throw new IllegalArgumentException(
                        "unknown setting '" + key + "' (known: " + String.join(", ", KEYS) + ")");
            }
        }
        int[] layers = intList(values, "layers", "784,128,10");
        Activation[] acts = activationList(get(values, "act", "relu"));
        Loss loss = parse("loss", get(values, "loss", "softmax"), Loss::fromId);
        OptimizerKind opt = parse("opt", get(values, "opt", "adam"), OptimizerKind::fromId);
        float lr = floatValue(values, "lr", opt.defaultLearningRate());
        Activation firstHidden = acts.length > 0 ? acts[0] : Activation.SIGMOID;
        Init defaultInit =
                firstHidden == Activation.RELU || firstHidden == Activation.LEAKY_RELU ? Init.HE : Init.UNIFORM;
        return new TrainingConfig(
                layers,
                acts,
                loss,
                opt,
                lr,
                floatValue(values, "momentum", 0.9f),
                parse("sched", get(values, "sched", "constant"), Schedule::fromId),
                floatValue(values, "decay", 0.5f),
                intValue(values, "every", 1),
                intValue(values, "batch", 32),
                floatValue(values, "lambda", 0f),
                values.containsKey("init") ? parse("init", values.get("init"), Init::fromId) : defaultInit,
                intValue(values, "seed", 1),
                intValue(values, "epochs", 10),
                intValue(values, "train", 0),
                floatValue(values, "targetacc", 0f),
                intValue(values, "patience", 0),
                intValue(values, "memory", Lbfgs.DEFAULT_MEMORY),
                intValue(values, "valid", DEFAULT_VALIDATION),
                intValue(values, "iters", 100));
    }

    // ---------------------------------------------------------------- parsing helpers

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T parse(String key, String text, Parser<T> parser) {
        try {
            return parser.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage());
        }
    }

    private static String get(Map<String, String> values, String key, String fallback) {
        String v = values.get(key);
        return v == null ? fallback : v.trim();
    }

    private static int intValue(Map<String, String> values, String key, int fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + v + "'");
        }
    }

    private static float floatValue(Map<String, String> values, String key, float fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        float f;
        try {
            f = Float.parseFloat(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + v + "'");
        }
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            throw new IllegalArgumentException(key + " must be a finite number, got '" + v + "'");
        }
        return f;
    }

    private static int[] intList(Map<String, String> values, String key, String fallback) {
        String[] parts = Text.split(get(values, key, fallback), ',');
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        key + " must be whole numbers separated by commas, got '" + values.get(key) + "'");
            }
        }
        return out;
    }

    private static Activation[] activationList(String text) {
        if (text.isEmpty()) {
            return new Activation[0];
        }
        String[] parts = Text.split(text, ',');
        Activation[] out = new Activation[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parse("act", parts[i].trim(), Activation::fromId);
        }
        return out;
    }

    private static Architecture architectureOf(int[] layers, Activation[] activations, Loss loss) {
        try {
            return new Architecture(layers, activations, loss);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("layers/act: " + e.getMessage());
        }
    }

    private static void check(boolean ok, String key, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException(key + " must be " + expected + ", got " + value);
        }
    }

    /** Shortest text that parses back to the same float: "0.001", "1", "1.0E-4". */
    /** The shortest text that reads back as {@code f}, without exponent: 0.0005 stays "0.0005" in a URL. */
    static String number(float f) {
        if (f == (int) f && Math.abs(f) < 1e7f) {
            return Integer.toString((int) f);
        }
        String text = Float.toString(f);
        int e = text.indexOf('E');
        if (e < 0) {
            return text;
        }
        // d.dddE[-]n -> move the point n places.
        boolean negative = text.startsWith("-");
        String mantissa = text.substring(negative ? 1 : 0, e);
        int exponent = Integer.parseInt(text.substring(e + 1));
        int point = mantissa.indexOf('.');
        String digits = mantissa.substring(0, point) + mantissa.substring(point + 1);
        int newPoint = point + exponent;
        String plain;
        if (newPoint <= 0) {
            plain = "0." + "0".repeat(-newPoint) + digits;
        } else if (newPoint >= digits.length()) {
            plain = digits + "0".repeat(newPoint - digits.length());
        } else {
            plain = digits.substring(0, newPoint) + "." + digits.substring(newPoint);
        }
        plain = stripZeros(plain);
        return negative ? "-" + plain : plain;
    }

    /** "0.00050" -> "0.0005", "12.0" -> "12"; leaves whole numbers without a point alone. */
    private static String stripZeros(String plain) {
        if (plain.indexOf('.') < 0) {
            return plain;
        }
        int end = plain.length();
        while (plain.charAt(end - 1) == '0') {
            end--;
        }
        if (plain.charAt(end - 1) == '.') {
            end--;
        }
        return plain.substring(0, end);
    }

    /** Percent-decoding of ASCII escapes (%2C) and '+' as space, as in form-encoded URLs. */
    private static String decode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                sb.append(' ');
            } else if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                sb.append((char) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2))));
                i += 2;
            } else if (c == '%') {
                throw new IllegalArgumentException("bad percent escape in '" + s + "'");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingConfig && toQuery().equals(((TrainingConfig) o).toQuery());
    }

    @Override
    public int hashCode() {
        return toQuery().hashCode();
    }

    @Override
    public String toString() {
        return toQuery();
    }
}

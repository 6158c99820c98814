package digitlab.core.run;

import static digitlab.core.run.RunSettings.ACT;
import static digitlab.core.run.RunSettings.LAYERS;
import static digitlab.core.run.RunSettings.LOSS;

import digitlab.core.nn.Activation;
import digitlab.core.nn.Architecture;
import digitlab.core.nn.Init;
import digitlab.core.nn.LayerStack;
import digitlab.core.nn.Loss;
import digitlab.core.nn.optim.OptimizerKind;
import digitlab.core.nn.optim.Schedule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that defines a training run, as one immutable value: a value for every setting of
 * {@link RunSettings}. It travels as a query string ({@link #toQuery()} / {@link #fromQuery}), e.g.
 * {@code layers=784,64,10&act=relu&loss=softmax&opt=adam&lr=0.001&batch=32&seed=1}, and is read from CLI
 * options and model files through {@link #fromMap}. The page keeps its own parameters (such as
 * {@code target=wasm}, {@code model=...}) beside these, so no setting's key may clash with them.
 *
 * <p>The validation images are held out of training and never the test set's: the stop rules
 * ({@code targetacc}, {@code patience}) and the live validation curve use them, so the test accuracy stays
 * a figure measured on images nothing was tuned on.
 */
public final class TrainingConfig {
    /** The values, by {@link Setting#index()}. */
    private final Object[] values;

    private TrainingConfig(Object[] values) {
        this.values = values;
        architectureOf(get(LAYERS), get(ACT), get(LOSS)); // validates the shape
        if (validationSize() == 0 && (targetAccuracy() > 0f || patience() > 0)) {
            throw new IllegalArgumentException(
                    "valid must be above 0 for the stop rules targetacc and patience, which watch the validation"
                            + " images, got 0");
        }
    }

    /** The defaults (784-128-10 ReLU, softmax, Adam 0.001, batch 32, seed 1, 10 epochs). */
    public static TrainingConfig defaults() {
        return fromMap(new LinkedHashMap<>());
    }

    /** The value of {@code setting} in this run (arrays are copies). */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        Object value = values[setting.index()];
        if (value instanceof int[]) {
            return (T) ((int[]) value).clone();
        }
        if (value instanceof Object[]) {
            return (T) ((Object[]) value).clone();
        }
        return (T) value;
    }

    /**
     * This run with {@code setting} changed to {@code value} (what a UI changes mid-training).
     *
     * @throws IllegalArgumentException if the value is out of the setting's range
     */
    public <T> TrainingConfig with(Setting<T> setting, T value) {
        Map<String, String> map = toMap();
        map.put(setting.key(), setting.write(value));
        return fromMap(map);
    }

    /**
     * This run with the layers, activations and loss of {@code architecture}, e.g. a loaded model's;
     * the other settings (optimiser, rates, seed...) stay.
     */
    public TrainingConfig withArchitecture(Architecture architecture) {
        Map<String, String> map = toMap(); // all three at once: each alone may not fit the others
        map.put(LAYERS.key(), LAYERS.write(architecture.layers()));
        map.put(ACT.key(), ACT.write(architecture.hiddenActivations()));
        map.put(LOSS.key(), LOSS.write(architecture.loss()));
        return fromMap(map);
    }

    /** The network shape this run trains. */
    public Architecture architecture() {
        return architectureOf(get(LAYERS), get(ACT), get(LOSS));
    }

    // ---------------------------------------------------------------- typed reads of the common settings

    /** The input shape and the layers above it, e.g. {@code 784,c8k5,p2,10}. */
    public LayerStack layers() {
        return get(LAYERS);
    }

    /** Hidden activations as given: one for all hidden layers with weights, or one per such layer. */
    public Activation[] activations() {
        return get(ACT);
    }

    public Loss loss() {
        return get(LOSS);
    }

    public OptimizerKind optimizer() {
        return get(RunSettings.OPT);
    }

    public float learningRate() {
        return get(RunSettings.LR);
    }

    public float momentum() {
        return get(RunSettings.MOMENTUM);
    }

    public Schedule schedule() {
        return get(RunSettings.SCHED);
    }

    public float decay() {
        return get(RunSettings.DECAY);
    }

    public int decayEvery() {
        return get(RunSettings.EVERY);
    }

    public int batchSize() {
        return get(RunSettings.BATCH);
    }

    public float lambda() {
        return get(RunSettings.LAMBDA);
    }

    public Init init() {
        return get(RunSettings.INIT);
    }

    public int seed() {
        return get(RunSettings.SEED);
    }

    public int epochs() {
        return get(RunSettings.EPOCHS);
    }

    public int iterations() {
        return get(RunSettings.ITERS);
    }

    public int trainLimit() {
        return get(RunSettings.TRAIN);
    }

    public int validationSize() {
        return get(RunSettings.VALID);
    }

    public float targetAccuracy() {
        return get(RunSettings.TARGETACC);
    }

    public int patience() {
        return get(RunSettings.PATIENCE);
    }

    public int lbfgsMemory() {
        return get(RunSettings.MEMORY);
    }

    /**
     * What the run plans in the trainer's unit of progress: epochs for the mini-batch methods, iterations
     * (one pass over the training set each) for the full-batch ones.
     */
    public int planned() {
        return get(plannedSetting());
    }

    /** This run with {@link #planned()} set to {@code n}. */
    public TrainingConfig withPlanned(int n) {
        return with(plannedSetting(), n);
    }

    private Setting<Integer> plannedSetting() {
        return optimizer().fullBatch() ? RunSettings.ITERS : RunSettings.EPOCHS;
    }

    // ---------------------------------------------------------------- text

    /** Every setting as a query string (no leading '?'), in the order of {@link RunSettings#ALL}. */
    public String toQuery() {
        return QueryString.format(toMap());
    }

    /** Every setting as key/value strings, in the order of {@link RunSettings#ALL}. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (Setting<?> setting : RunSettings.ALL) {
            map.put(setting.key(), text(setting));
        }
        return map;
    }

    private <T> String text(Setting<T> setting) {
        return setting.write(get(setting));
    }

    /**
     * Parses a query string such as {@code layers=784,64,10&opt=adam&lr=0.001} ({@link QueryString#parse});
     * missing keys take their defaults.
     *
     * @throws IllegalArgumentException for an unknown or repeated key or a bad value, naming it
     */
    public static TrainingConfig fromQuery(String query) {
        return fromMap(QueryString.parse(query));
    }

    /**
     * Builds a config from key/value strings (the keys of {@link RunSettings#ALL}); missing keys take their
     * defaults.
     *
     * @throws IllegalArgumentException for an unknown key or a bad value, naming it
     */
    public static TrainingConfig fromMap(Map<String, String> texts) {
        for (String key : texts.keySet()) {
            if (RunSettings.byKey(key) == null) {
                throw new IllegalArgumentException(
                        "unknown setting '" + key + "' (known: " + RunSettings.keyList() + ")");
            }
        }
        Object[] values = new Object[RunSettings.ALL.size()];
        Setting.Earlier earlier = new Setting.Earlier() {
            @Override
            @SuppressWarnings("unchecked")
            public <V> V get(Setting<V> setting) {
                return (V) values[setting.index()];
            }
        };
        for (Setting<?> setting : RunSettings.ALL) {
            String text = texts.get(setting.key());
            values[setting.index()] = text == null ? setting.fallback(earlier) : setting.read(text);
        }
        return new TrainingConfig(values);
    }

    /**
     * Like {@link #fromMap}, but keeps every setting that reads: an unknown key is left out, a bad value
     * takes its default, and settings that do not fit together (a network the activations do not match,
     * stop rules without validation images) fall back to their defaults as a group. What was set aside is
     * added to {@code problems}, one sentence each; for a link that should lose no more than its mistakes.
     */
    public static TrainingConfig fromMapKeepingWhatReads(Map<String, String> texts, List<String> problems) {
        Map<String, String> good = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            Setting<?> setting = RunSettings.byKey(e.getKey());
            if (setting == null) {
                problems.add("unknown setting '" + e.getKey() + "'");
                continue;
            }
            try {
                setting.read(e.getValue());
                good.put(e.getKey(), e.getValue());
            } catch (IllegalArgumentException bad) {
                problems.add(bad.getMessage());
            }
        }
        // Each clash names its first key (see the constructor): drop the group of settings it belongs to.
        List<List<Setting<?>>> groups = List.of(
                List.of(LAYERS, ACT, LOSS), List.of(RunSettings.VALID, RunSettings.TARGETACC, RunSettings.PATIENCE));
        for (int attempt = 0; ; attempt++) {
            try {
                return fromMap(good);
            } catch (IllegalArgumentException clash) {
                problems.add(clash.getMessage());
                List<Setting<?>> group = groupNamedBy(clash.getMessage(), groups);
                if (group == null || attempt == groups.size()) {
                    return defaults();
                }
                for (Setting<?> setting : group) {
                    good.remove(setting.key());
                }
            }
        }
    }

    private static List<Setting<?>> groupNamedBy(String message, List<List<Setting<?>>> groups) {
        for (List<Setting<?>> group : groups) {
            for (Setting<?> setting : group) {
                if (message.startsWith(setting.key())) {
                    return group;
                }
            }
        }
        return null;
    }

    private static Architecture architectureOf(LayerStack layers, Activation[] activations, Loss loss) {
        try {
            return new Architecture(layers, activations, loss);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("layers/act: " + e.getMessage());
        }
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

package digitlab.core.run;

import digitlab.core.nn.optim.OptimizerKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One setting of a training run, everything known about it in one place: its key in the address and on
 * the command line, how its text reads and writes, its default, its help line, the form control that edits
 * it and the optimisers it has an effect with. The settings themselves are the table in {@link RunSettings};
 * {@link TrainingConfig}, the page's form, the CLI help and the README's table are derived from it.
 *
 * @param <T> the value's type, e.g. {@code Float} for the learning rate
 */
public final class Setting<T> {
    /** Reads a value's text, or throws an {@link IllegalArgumentException} saying what it must be. */
    public interface Reader<T> {
        T read(String text);
    }

    /** Writes a value as the text {@link Reader} reads back. */
    public interface Writer<T> {
        String write(T value);
    }

    /** The values read so far, for a default that depends on a setting earlier in the table. */
    public interface Earlier {
        <V> V get(Setting<V> setting);
    }

    /** The value a run takes when the setting is not given. */
    public interface Fallback<T> {
        T of(Earlier earlier);
    }

    /** Whether a setting has an effect with an optimiser. */
    public interface Applies {
        boolean to(OptimizerKind optimizer);
    }

    /** One option of a setting that picks from a list: its text in the address and its label in the form. */
    public record Option(String id, String label) {}

    private final String key;
    private final int index;
    private final Reader<T> reader;
    private final Writer<T> writer;
    // Set while RunSettings builds its table, never after.
    private Fallback<T> fallback;
    private String defaultText;
    private boolean defaultDerived;
    private String help = "";
    private String formLabel;
    private String inputMin;
    private String inputMax;
    private String inputStep;
    private List<Option> options = Collections.emptyList();
    private Applies applies = optimizer -> true;
    private String cliAlias;

    Setting(String key, int index, Reader<T> reader, Writer<T> writer) {
        this.key = key;
        this.index = index;
        this.reader = reader;
        this.writer = writer;
    }

    // ---------------------------------------------------------------- the table's builder steps

    Setting<T> byDefault(T value) {
        String text = writer.write(value);
        this.fallback = earlier -> reader.read(text); // a fresh value each time: arrays are not shared
        this.defaultText = text;
        return this;
    }

    /** A default derived from earlier settings, described by {@code text} for the help. */
    Setting<T> byDefault(Fallback<T> derived, String text) {
        this.fallback = derived;
        this.defaultText = text;
        this.defaultDerived = true;
        return this;
    }

    Setting<T> help(String line) {
        this.help = line;
        return this;
    }

    /** Shown in the page's settings form with this label, as a number input. */
    Setting<T> input(String label) {
        this.formLabel = label;
        return this;
    }

    /** The numbers a form input offers, from the values {@link #read} accepts. */
    Setting<T> bounds(String min, String max, String step) {
        this.inputMin = min;
        this.inputMax = max;
        this.inputStep = step;
        return this;
    }

    /** Shown in the page's settings form with this label, as a drop-down of {@link #options()}. */
    Setting<T> menu(String label) {
        this.formLabel = label;
        return this;
    }

    Setting<T> options(List<Option> list) {
        this.options = Collections.unmodifiableList(new ArrayList<>(list));
        return this;
    }

    Setting<T> appliesWhen(Applies rule) {
        this.applies = rule;
        return this;
    }

    /** A longer name the command line also accepts, e.g. {@code --optimizer} for {@code opt}. */
    Setting<T> cliAlias(String name) {
        this.cliAlias = name;
        return this;
    }

    // ---------------------------------------------------------------- what the rest of the code reads

    /** The key in the address, the CLI ({@code --key}) and model files. */
    public String key() {
        return key;
    }

    /** Position in {@link RunSettings#ALL}, which is also the order of the address. */
    int index() {
        return index;
    }

    /**
     * Reads {@code text}.
     *
     * @throws IllegalArgumentException starting with the key, e.g. "batch must be a whole number from 1 to
     *     8192, got '0'"
     */
    public T read(String text) {
        try {
            return reader.read(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " " + e.getMessage());
        }
    }

    /** {@code value} as text that {@link #read} reads back. */
    public String write(T value) {
        return writer.write(value);
    }

    T fallback(Earlier earlier) {
        return fallback.of(earlier);
    }

    /** The default as the help shows it, e.g. "32" or "he for relu-like activations, else uniform". */
    public String defaultText() {
        return defaultText;
    }

    /** True if the default depends on other settings ({@link #defaultText()} then describes the rule). */
    public boolean defaultDerived() {
        return defaultDerived;
    }

    /** One line saying what the setting does. */
    public String help() {
        return help;
    }

    /** The label in the page's form, or null for a setting the form does not show. */
    public String formLabel() {
        return formLabel;
    }

    /** True if the form edits it with a drop-down of {@link #options()} rather than a number input. */
    public boolean isMenu() {
        return !options.isEmpty();
    }

    /** The choices of a setting that picks from a list; empty for numbers. */
    public List<Option> options() {
        return options;
    }

    /** The number input's {@code min}, or null. */
    public String inputMin() {
        return inputMin;
    }

    /** The number input's {@code max}, or null. */
    public String inputMax() {
        return inputMax;
    }

    /** The number input's {@code step}. */
    public String inputStep() {
        return inputStep;
    }

    /** True if this setting changes anything when training with {@code optimizer} (the form hides it otherwise). */
    public boolean appliesTo(OptimizerKind optimizer) {
        return applies.to(optimizer);
    }

    /** The CLI's longer name, or null. */
    public String cliAlias() {
        return cliAlias;
    }

    @Override
    public String toString() {
        return key;
    }
}

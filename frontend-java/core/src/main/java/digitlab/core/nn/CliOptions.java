package digitlab.core.nn;

import digitlab.core.run.RunSettings;
import digitlab.core.run.Setting;
import digitlab.core.run.SettingsHelp;
import digitlab.core.run.TrainingConfig;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options of the JVM trainer and benchmark ({@code --key value} or {@code --key=value}),
 * parsed here so the CLI classes stay thin and this logic is tested with the core. The training settings
 * are the keys of {@link RunSettings}, or their longer CLI aliases ({@code --optimizer} for {@code opt}).
 */
public final class CliOptions {
    private final Map<String, String> values;

    private CliOptions(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Parses {@code args}. Accepted: every setting of {@link RunSettings} by key or CLI alias, {@code --help}
     * (no value), and {@code extraKeys} (each taking a value), e.g. "mnist", "out".
     *
     * @throws IllegalArgumentException for an unknown option, a missing value, a repeated option or a
     *         stray argument, saying which
     */
    public static CliOptions parse(String[] args, String... extraKeys) {
        List<String> extras = Arrays.asList(extraKeys);
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
            Setting<?> setting = RunSettings.byCliName(name);
            String key = setting != null ? setting.key() : name;
            if (setting == null && !extras.contains(key)) {
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
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (RunSettings.byKey(e.getKey()) != null) {
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
        return SettingsHelp.cliOptions();
    }
}

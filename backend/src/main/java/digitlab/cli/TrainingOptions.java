package digitlab.cli;

import digitlab.core.run.RunSettings;
import digitlab.core.run.Setting;
import digitlab.core.run.SettingsHelp;
import digitlab.core.run.TrainingConfig;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The training settings on the command line of {@code train}: the keys of {@link RunSettings}
 * ({@code --layers 784,128,10}, {@code --lr 0.01}, ...) or their longer CLI names ({@code --optimizer} for
 * {@code opt}), all from the table.
 */
final class TrainingOptions {
    private static final Set<String> KEYS = new LinkedHashSet<>();
    private static final Map<String, String> ALIASES = new LinkedHashMap<>();

    static {
        for (Setting<?> setting : RunSettings.ALL) {
            KEYS.add(setting.key());
            if (setting.cliAlias() != null) {
                ALIASES.put(setting.cliAlias(), setting.key());
            }
        }
    }

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

    /** Help text for the training options, from the table of settings. */
    static String help() {
        return SettingsHelp.cliOptions();
    }
}

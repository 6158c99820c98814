package digitlab.core.run;

import digitlab.core.data.InputFrame;
import digitlab.core.text.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the page's query string into the run configuration (keys of {@link TrainingConfig}) and the
 * page's own parameters ({@code target}, {@code model}, ...), and joins them back, so the address bar
 * always describes the run on screen.
 */
public final class RunQuery {
    /** The most workers {@code ?workers=N} may ask for. */
    public static final int MAX_WORKERS = 8;

    private final Map<String, String> config = new LinkedHashMap<>();
    private final Map<String, String> page = new LinkedHashMap<>();

    public RunQuery(String query) {
        for (Map.Entry<String, String> pair : QueryString.parseLeniently(query).entrySet()) {
            (isSetting(pair.getKey()) ? config : page).put(pair.getKey(), pair.getValue());
        }
    }

    private static boolean isSetting(String key) {
        return RunSettings.byKey(key) != null;
    }

    /**
     * The configuration named in the query; missing keys take their defaults.
     *
     * @throws IllegalArgumentException naming a bad value
     */
    public TrainingConfig config() {
        return TrainingConfig.fromMap(config);
    }

    /**
     * The configuration named in the query, keeping every setting that reads; what was set aside goes to
     * {@code problems} (see {@link TrainingConfig#fromMapKeepingWhatReads}).
     */
    public TrainingConfig config(List<String> problems) {
        TrainingConfig read = TrainingConfig.fromMapKeepingWhatReads(config, problems);
        String notADigit = InputFrame.mismatch(read.architecture());
        if (notADigit == null) {
            return read;
        }
        // Layers that read no picture of a digit (e.g. 401 inputs): the default layers, the rest as linked.
        problems.add(RunSettings.LAYERS.key() + " '" + config.get(RunSettings.LAYERS.key()) + "': " + notADigit);
        Map<String, String> rest = new LinkedHashMap<>(config);
        rest.remove(RunSettings.LAYERS.key());
        return TrainingConfig.fromMapKeepingWhatReads(rest, new ArrayList<>());
    }

    /** The query for {@code next}, keeping the page's own parameters. */
    public String with(TrainingConfig next) {
        Map<String, String> all = next.toMap();
        all.putAll(page);
        return QueryString.format(all);
    }

    /** The page parameter {@code key} (e.g. "model"), or null. */
    public String pageParam(String key) {
        return page.get(key);
    }

    /**
     * How many workers should train, from {@code ?workers=N} (1 to {@link #MAX_WORKERS}); 0 for automatic
     * (the parameter missing or {@code auto}).
     *
     * @throws IllegalArgumentException for anything else
     */
    public int workers() {
        String value = page.get("workers");
        if (value == null || value.equals("auto")) {
            return 0;
        }
        if (!Text.isDigits(value, 2) || Integer.parseInt(value) < 1 || Integer.parseInt(value) > MAX_WORKERS) {
            throw new IllegalArgumentException("workers must be auto or 1 to " + MAX_WORKERS + ", got '" + value + "'");
        }
        return Integer.parseInt(value);
    }

    /** Sets page parameter {@code key}, or removes it when {@code value} is null. */
    public void setPageParam(String key, String value) {
        if (isSetting(key)) {
            throw new IllegalArgumentException("'" + key + "' is a setting of the run, not of the page");
        }
        if (value == null) {
            page.remove(key);
        } else {
            page.put(key, value);
        }
    }
}

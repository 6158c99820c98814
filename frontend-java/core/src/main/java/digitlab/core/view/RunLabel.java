package digitlab.core.view;

import digitlab.core.run.RunSettings;
import digitlab.core.run.Setting;
import digitlab.core.run.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The label of one run's curves when they are kept to compare with a later run: its number in the session
 * and what sets it apart from the run shown now ("run 2: seed 3, lr 0.01"), plus any live change of its
 * learning rate ("lr 0.001 → 0.01 at 12k"), so kept curves never carry the same label.
 */
public final class RunLabel {
    /** More differences than this are counted, not listed, so a label stays one short line. */
    static final int MOST_LISTED = 3;

    private final int number;
    private final TrainingConfig config;
    /** Live changes of the learning rate, as "rate at examples" texts in the order they came. */
    private final List<String> rateChanges = new ArrayList<>();

    /**
     * @param number the run's number in this session, from 1
     * @param config the run's settings as it started
     */
    public RunLabel(int number, TrainingConfig config) {
        this.number = number;
        this.config = config;
    }

    public TrainingConfig config() {
        return config;
    }

    /** The learning rate was changed to {@code rate} while the run went on, after {@code examplesSeen}. */
    public void rateChanged(float rate, double examplesSeen) {
        rateChanges.add(RunSettings.LR.write(rate) + " at " + Format.compact(examplesSeen));
    }

    /** "run 2: seed 3, layers 784-64-10": this run against {@code current}, the run shown now. */
    public String against(TrainingConfig current) {
        List<String> differences = new ArrayList<>();
        Map<String, String> mine = config.toMap();
        Map<String, String> theirs = current.toMap();
        for (Setting<?> setting : RunSettings.ALL) {
            String key = setting.key();
            boolean matters = setting.appliesTo(config.optimizer()) || setting.appliesTo(current.optimizer());
            boolean rateChangedLive = setting == RunSettings.LR && !rateChanges.isEmpty();
            if (rateChangedLive) {
                differences.add("lr " + mine.get(key) + " \u2192 " + String.join(" \u2192 ", rateChanges));
            } else if (matters && !mine.get(key).equals(theirs.get(key))) {
                differences.add(key + " " + shown(setting, mine.get(key)));
            }
        }
        String what;
        if (differences.isEmpty()) {
            what = "same settings";
        } else if (differences.size() > MOST_LISTED + 1) {
            what = String.join(", ", differences.subList(0, MOST_LISTED)) + " and " + (differences.size() - MOST_LISTED)
                    + " more";
        } else {
            what = String.join(", ", differences);
        }
        return "run " + number + ": " + what;
    }

    private static String shown(Setting<?> setting, String text) {
        return setting == RunSettings.LAYERS ? text.replace(',', '-') : text;
    }
}

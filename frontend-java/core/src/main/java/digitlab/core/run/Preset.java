package digitlab.core.run;

/**
 * A named starting point for a run, with a sentence of why a learner would pick it; the settings it does
 * not name take their defaults.
 *
 * @param id its name in the page ({@code data-preset}) and in tests
 * @param name the button's text
 * @param why one sentence shown beside it
 * @param query the settings, as in the page's address
 */
public record Preset(String id, String name, String why, String query) {
    /** The run this preset starts. */
    public TrainingConfig config() {
        return TrainingConfig.fromQuery(query);
    }
}

package digitlab.core.share;

/**
 * The parts of the page a lesson link can hide, each with its name in the link ({@code hide=layers,settings}),
 * its label in the share panel and the CSS selector of what it hides. Hiding only tidies the page for a class:
 * the run, its settings and training stay the same.
 */
public enum LessonControl {
    NETWORK("network", "the whole Network and training card", "section[aria-labelledby=\"settings-title\"]"),
    PRESETS("presets", "the Start from presets", ".presets"),
    LAYERS("layers", "the layers editor", "#config-form > .layers"),
    SETTINGS(
            "settings",
            "the training settings (optimiser, learning rate, batch, ...)",
            "#config-form > label, #config-form ~ .hint"),
    TEACH("teach", "the Teach it your handwriting box", ".draw-panel .teach"),
    SHARE("share", "the Save and share card", "section[aria-labelledby=\"share-title\"]");

    private final String id;
    private final String label;
    private final String selector;

    LessonControl(String id, String label, String selector) {
        this.id = id;
        this.label = label;
        this.selector = selector;
    }

    /** The name in the link. */
    public String id() {
        return id;
    }

    /** What the share panel and the lesson banner call it. */
    public String label() {
        return label;
    }

    /** The CSS selector of the elements it hides. */
    public String selector() {
        return selector;
    }

    /** The control named {@code id} in a link, or null. */
    public static LessonControl byId(String id) {
        for (LessonControl control : values()) {
            if (control.id.equals(id)) {
                return control;
            }
        }
        return null;
    }
}

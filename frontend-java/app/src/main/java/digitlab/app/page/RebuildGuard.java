package digitlab.app.page;

import digitlab.core.run.TrainingConfig;
import java.util.function.Consumer;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Asks before a settings change throws a trained network away. The change waits in {@code #rebuild-confirm},
 * a bar under the settings (not a dialog, so a select's arrow keys go on working): one button builds the
 * new network, the other puts the form back to the trained network's settings. Further changes while it
 * waits replace the waiting one.
 */
final class RebuildGuard {
    private final HTMLElement bar;
    private final HTMLElement question;
    private TrainingConfig waiting;

    /**
     * @param rebuild builds a network with the waiting settings
     * @param keep puts the form back to the current run's settings
     */
    RebuildGuard(HTMLDocument document, Consumer<TrainingConfig> rebuild, Runnable keep) {
        bar = document.getElementById("rebuild-confirm");
        question = document.getElementById("rebuild-question");
        bar.querySelector("[data-answer=\"rebuild\"]").addEventListener("click", event -> {
            TrainingConfig next = waiting;
            dismiss();
            rebuild.accept(next);
        });
        bar.querySelector("[data-answer=\"keep\"]").addEventListener("click", event -> {
            dismiss();
            keep.run();
        });
    }

    /** Holds {@code next} until the person answers; {@code trained} says what would be lost. */
    void ask(TrainingConfig next, String trained) {
        waiting = next;
        question.setTextContent("This change builds a new network: " + trained + " would be lost.");
        bar.removeAttribute("hidden");
    }

    /** True while a change waits for an answer. */
    boolean asking() {
        return waiting != null;
    }

    /** Forgets the waiting change (answered, undone by hand, or overtaken by a new network). */
    void dismiss() {
        waiting = null;
        bar.setAttribute("hidden", "");
    }
}

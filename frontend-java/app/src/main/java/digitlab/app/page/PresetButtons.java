package digitlab.app.page;

import digitlab.app.browser.Dom;
import digitlab.core.run.Preset;
import digitlab.core.run.Presets;
import digitlab.core.run.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * "Start from": a button per {@link Presets preset} in {@code #presets}, pressed while the run is exactly
 * that preset, and its reason in {@code #preset-why}.
 */
final class PresetButtons {
    private final List<HTMLElement> buttons = new ArrayList<>();
    private final HTMLElement why;

    PresetButtons(HTMLDocument document, Consumer<TrainingConfig> onPick) {
        HTMLElement container = document.getElementById("presets");
        why = document.getElementById("preset-why");
        for (Preset preset : Presets.ALL) {
            HTMLElement button = Dom.text("button", "preset", preset.name());
            button.setAttribute("type", "button");
            button.setAttribute("data-preset", preset.id());
            button.setAttribute("aria-pressed", "false");
            button.setAttribute("title", preset.why());
            button.addEventListener("click", event -> onPick.accept(preset.config()));
            container.appendChild(button);
            buttons.add(button);
        }
    }

    /** Marks the preset {@code config} is, if any, and says why one would pick it. */
    void show(TrainingConfig config) {
        Preset current = Presets.matching(config);
        for (HTMLElement button : buttons) {
            boolean pressed = current != null && current.id().equals(button.getAttribute("data-preset"));
            button.setAttribute("aria-pressed", pressed ? "true" : "false");
        }
        why.setTextContent(current == null ? "" : current.why());
    }
}

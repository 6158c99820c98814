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
 * "Start from": a button per {@link Presets preset} in {@code #presets}, each with its reason beside it (so
 * one can read why before choosing, on a touch screen too), pressed while the run is exactly that preset,
 * whose reason {@code #preset-why} then announces.
 */
final class PresetButtons {
    private final List<HTMLElement> buttons = new ArrayList<>();
    private final HTMLElement why;

    PresetButtons(HTMLDocument document, Consumer<TrainingConfig> onPick) {
        HTMLElement container = document.getElementById("presets");
        why = document.getElementById("preset-why");
        for (Preset preset : Presets.ALL) {
            HTMLElement item = Dom.create("li", "preset-item");
            HTMLElement button = Dom.text("button", "preset", preset.name());
            button.setAttribute("type", "button");
            button.setAttribute("data-preset", preset.id());
            button.setAttribute("aria-pressed", "false");
            button.setAttribute("aria-describedby", "preset-why-" + preset.id());
            button.addEventListener("click", event -> onPick.accept(preset.config()));
            HTMLElement sentence = Dom.text("span", "preset-sentence", preset.why());
            sentence.setAttribute("id", "preset-why-" + preset.id());
            item.appendChild(button);
            item.appendChild(sentence);
            container.appendChild(item);
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

package digitlab.app.page;

import digitlab.core.nn.Activation;
import digitlab.core.nn.optim.OptimizerKind;
import digitlab.core.run.LayerRows;
import digitlab.core.run.RunSettings;
import digitlab.core.run.Setting;
import digitlab.core.run.TrainingConfig;
import digitlab.core.text.Glossary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * The settings form, two-way: {@link #show} puts a run configuration into the controls, {@link #read}
 * builds one from them. Its controls are made from the table of run settings ({@link RunSettings}): one per
 * setting with a form label, carrying the setting's key in {@code data-key}. Settings without a control
 * (e.g. the step schedule's decay) keep the value they had; the layers have their own editor.
 */
final class SettingsForm {
    /** A menu with a choice longer than this takes a whole row of the form. */
    private static final int WIDE_MENU_CHARS = 18;

    private final List<HTMLElement> controls = new ArrayList<>();
    private final LayersEditor layers;
    private final PresetButtons presets;
    private Map<String, String> current = new LinkedHashMap<>();

    SettingsForm(HTMLDocument document, GlossaryHelp glossary, Runnable onChange) {
        this.layers = new LayersEditor(document, onChange);
        this.presets = new PresetButtons(document, preset -> {
            show(preset);
            onChange.run();
        });
        HTMLElement form = document.getElementById("config-form");
        for (Setting<?> setting : RunSettings.ALL) {
            if (setting.formLabel() != null) {
                HTMLElement control = setting.isMenu() ? menu(document, setting) : input(document, setting);
                control.setAttribute("data-key", setting.key());
                control.addEventListener("change", event -> onChange.run());
                HTMLElement label = document.createElement("label");
                if (setting.isMenu() && longestOption(setting) > WIDE_MENU_CHARS) {
                    label.setAttribute("class", "wide"); // a whole row, so its longest choice is never cut off
                }
                label.setAttribute("title", setting.help());
                HTMLElement name = document.createElement("span");
                name.setAttribute("class", "setting-name");
                name.appendChild(document.createTextNode(setting.formLabel()));
                HTMLElement explain = glossary.help(Glossary.forSetting(setting.key()), setting.formLabel());
                if (explain != null) {
                    name.appendChild(explain);
                }
                label.appendChild(name);
                control.setAttribute("aria-label", setting.formLabel()); // its name without the "?" beside it
                label.appendChild(control);
                form.appendChild(label);
                controls.add(control);
            }
        }
    }

    private static int longestOption(Setting<?> setting) {
        int longest = 0;
        for (Setting.Option option : setting.options()) {
            longest = Math.max(longest, option.label().length());
        }
        return longest;
    }

    private static HTMLElement menu(HTMLDocument document, Setting<?> setting) {
        HTMLElement select = document.createElement("select");
        for (Setting.Option option : setting.options()) {
            HTMLElement element = document.createElement("option");
            element.setAttribute("value", option.id());
            element.setTextContent(option.label());
            select.appendChild(element);
        }
        return select;
    }

    private static HTMLElement input(HTMLDocument document, Setting<?> setting) {
        HTMLElement input = document.createElement("input");
        input.setAttribute("type", "number");
        input.setAttribute("step", setting.inputStep());
        if (setting.inputMin() != null) {
            input.setAttribute("min", setting.inputMin());
        }
        if (setting.inputMax() != null) {
            input.setAttribute("max", setting.inputMax());
        }
        input.setAttribute("inputmode", setting.inputStep().equals("any") ? "decimal" : "numeric");
        return input;
    }

    void show(TrainingConfig config) {
        current = config.toMap();
        for (HTMLElement control : controls) {
            setValue(control, current.get(control.getAttribute("data-key")));
            control.removeAttribute("aria-invalid");
        }
        showApplicable(config.optimizer());
        presets.show(config);
        layers.show(config.layers(), config.activations());
    }

    /**
     * The configuration the controls describe (and the preset buttons marked to match it). A control whose
     * value does not read is marked {@code aria-invalid} until it does.
     *
     * @throws IllegalArgumentException naming the first bad setting
     */
    TrainingConfig read() {
        Map<String, String> values = new LinkedHashMap<>(current);
        IllegalArgumentException firstBad = null;
        for (HTMLElement control : controls) {
            String key = control.getAttribute("data-key");
            String text = value(control).trim();
            values.put(key, text);
            try {
                RunSettings.byKey(key).read(text);
                control.removeAttribute("aria-invalid");
            } catch (IllegalArgumentException bad) {
                control.setAttribute("aria-invalid", "true"); // marked until it holds a good value
                firstBad = firstBad == null ? bad : firstBad;
            }
        }
        if (firstBad != null) {
            throw firstBad;
        }
        LayerRows.Check check = layers.check();
        if (!check.ok()) {
            throw new IllegalArgumentException("layers: " + check.error());
        }
        values.put(RunSettings.LAYERS.key(), LayerRows.layersText(check));
        values.put(RunSettings.ACT.key(), LayerRows.activationsText(layers.rows(), Activation.RELU));
        TrainingConfig config = TrainingConfig.fromMap(values);
        presets.show(config); // a change may make the run a preset, or no longer one
        return config;
    }

    /** The key of the first control marked invalid by {@link #read}, or null. */
    String firstInvalidKey() {
        for (HTMLElement control : controls) {
            if (control.hasAttribute("aria-invalid")) {
                return control.getAttribute("data-key");
            }
        }
        return null;
    }

    /** Shows only the controls whose setting has an effect with {@code optimizer} (e.g. no batch for L-BFGS). */
    void showApplicable(OptimizerKind optimizer) {
        for (HTMLElement control : controls) {
            HTMLElement label = (HTMLElement) control.getParentNode();
            if (RunSettings.byKey(control.getAttribute("data-key")).appliesTo(optimizer)) {
                label.removeAttribute("hidden");
            } else {
                label.setAttribute("hidden", "");
            }
        }
    }

    private static String value(HTMLElement control) {
        return control.getTagName().equalsIgnoreCase("select")
                ? ((HTMLSelectElement) control).getValue()
                : ((HTMLInputElement) control).getValue();
    }

    private static void setValue(HTMLElement control, String value) {
        if (control.getTagName().equalsIgnoreCase("select")) {
            ((HTMLSelectElement) control).setValue(value);
        } else {
            ((HTMLInputElement) control).setValue(value);
        }
    }
}

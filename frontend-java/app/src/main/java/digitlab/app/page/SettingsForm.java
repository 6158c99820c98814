package digitlab.app.page;

import digitlab.core.nn.OptimizerKind;
import digitlab.core.nn.TrainingConfig;
import digitlab.core.text.Text;
import java.util.LinkedHashMap;
import java.util.Map;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;
import org.teavm.jso.dom.xml.NodeList;

/**
 * The settings form, two-way: {@link #show} puts a run configuration into the controls, {@link #read}
 * builds one from them. Controls carry their configuration key in {@code data-key}; settings without a
 * control (e.g. the step schedule's decay) keep the value they had.
 */
final class SettingsForm {
    private final NodeList<? extends HTMLElement> controls;
    private final LayersEditor layers;
    private Map<String, String> current = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    SettingsForm(HTMLDocument document, Runnable onChange) {
        this.controls = (NodeList<? extends HTMLElement>) document.querySelectorAll("#config-form [data-key]");
        this.layers = new LayersEditor(document, onChange);
        for (int i = 0; i < controls.getLength(); i++) {
            controls.get(i).addEventListener("change", event -> onChange.run());
        }
    }

    void show(TrainingConfig config) {
        current = config.toMap();
        for (int i = 0; i < controls.getLength(); i++) {
            HTMLElement control = controls.get(i);
            String value = current.get(control.getAttribute("data-key"));
            if (value != null) {
                setValue(control, value);
            }
        }
        showApplicable(config.optimizer());
        int[] sizes = config.layers();
        String[] acts = Text.split(current.get("act"), ',');
        int hidden = sizes.length - 2;
        int[] widths = new int[hidden];
        String[] hiddenActs = new String[hidden];
        for (int i = 0; i < hidden; i++) {
            widths[i] = sizes[i + 1];
            hiddenActs[i] = acts.length == 1 ? acts[0] : acts[i];
        }
        layers.show(widths, hiddenActs);
    }

    /**
     * The configuration the controls describe.
     *
     * @throws IllegalArgumentException naming the first bad setting
     */
    TrainingConfig read() {
        Map<String, String> values = new LinkedHashMap<>(current);
        for (int i = 0; i < controls.getLength(); i++) {
            HTMLElement control = controls.get(i);
            values.put(control.getAttribute("data-key"), value(control).trim());
        }
        int[] widths = layers.widths();
        String[] acts = layers.activations();
        StringBuilder sizes = new StringBuilder("784");
        StringBuilder activations = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            if (widths[i] <= 0) {
                throw new IllegalArgumentException("hidden layer " + (i + 1) + " needs a whole number of units");
            }
            sizes.append(',').append(widths[i]);
            activations.append(i == 0 ? "" : ",").append(acts[i]);
        }
        sizes.append(",10");
        values.put("layers", sizes.toString());
        values.put("act", widths.length == 0 ? "relu" : activations.toString());
        return TrainingConfig.fromMap(values);
    }

    /** Shows only the controls whose setting has an effect with {@code optimizer} (e.g. no batch for L-BFGS). */
    void showApplicable(OptimizerKind optimizer) {
        for (int i = 0; i < controls.getLength(); i++) {
            HTMLElement control = controls.get(i);
            HTMLElement label = (HTMLElement) control.getParentNode();
            if (optimizer.uses(control.getAttribute("data-key"))) {
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

package digitlab.app.page;

import digitlab.core.run.RunSettings;
import digitlab.core.run.Setting;
import digitlab.core.text.Text;
import org.teavm.jso.dom.html.HTMLButtonElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;
import org.teavm.jso.dom.xml.NodeList;

/**
 * The hidden layers of the settings form: one row per layer with its width, its activation and a remove
 * button, plus "Add hidden layer". Input (784) and output (10) are fixed and not edited here.
 */
final class LayersEditor {
    private static final int MAX_HIDDEN = 6;

    private final HTMLDocument document;
    private final HTMLElement list;
    private final HTMLButtonElement addButton;
    private final Runnable onChange;

    LayersEditor(HTMLDocument document, Runnable onChange) {
        this.document = document;
        this.list = document.getElementById("hidden-layers");
        this.addButton = (HTMLButtonElement) document.getElementById("add-layer");
        this.onChange = onChange;
        addButton.onClick(event -> {
            int[] widths = widths();
            addRow(widths.length == 0 ? 64 : Math.max(10, widths[widths.length - 1] / 2), "relu");
            changed();
        });
    }

    /** Replaces the rows with {@code widths.length} layers. */
    void show(int[] widths, String[] activations) {
        while (list.getFirstChild() != null) {
            list.removeChild(list.getFirstChild());
        }
        for (int i = 0; i < widths.length; i++) {
            addRow(widths[i], activations[i]);
        }
        renumber();
    }

    /** Hidden layer widths as typed (unparsable text gives -1, which the config check reports). */
    int[] widths() {
        NodeList<? extends HTMLElement> inputs = rows(".layer-units");
        int[] widths = new int[inputs.getLength()];
        for (int i = 0; i < widths.length; i++) {
            String text = ((HTMLInputElement) inputs.get(i)).getValue().trim();
            widths[i] = Text.isDigits(text, 6) ? Integer.parseInt(text) : -1;
        }
        return widths;
    }

    String[] activations() {
        NodeList<? extends HTMLElement> selects = rows(".layer-act");
        String[] ids = new String[selects.getLength()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ((HTMLSelectElement) selects.get(i)).getValue();
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    private NodeList<? extends HTMLElement> rows(String selector) {
        return (NodeList<? extends HTMLElement>) list.querySelectorAll(selector);
    }

    private void addRow(int width, String activation) {
        HTMLElement row = document.createElement("li");
        row.setClassName("layer-row");

        HTMLElement unitsLabel = document.createElement("label");
        unitsLabel.appendChild(document.createTextNode("Units "));
        HTMLInputElement units = (HTMLInputElement) document.createElement("input");
        units.setType("number");
        units.setClassName("layer-units");
        units.setAttribute("min", "1");
        units.setAttribute("max", "4096");
        units.setAttribute("step", "1");
        units.setValue(String.valueOf(width));
        unitsLabel.appendChild(units);

        HTMLElement actLabel = document.createElement("label");
        actLabel.appendChild(document.createTextNode("Activation "));
        HTMLSelectElement select = (HTMLSelectElement) document.createElement("select");
        select.setClassName("layer-act");
        for (Setting.Option option : RunSettings.ACT.options()) {
            HTMLElement element = document.createElement("option");
            element.setAttribute("value", option.id());
            element.setTextContent(option.label());
            select.appendChild(element);
        }
        select.setValue(activation);
        actLabel.appendChild(select);

        HTMLButtonElement remove = (HTMLButtonElement) document.createElement("button");
        remove.setType("button");
        remove.setClassName("remove-layer");
        remove.setTextContent("Remove");
        remove.onClick(event -> {
            list.removeChild(row);
            changed();
        });

        row.appendChild(unitsLabel);
        row.appendChild(actLabel);
        row.appendChild(remove);
        list.appendChild(row);
        units.addEventListener("change", event -> onChange.run());
        select.addEventListener("change", event -> onChange.run());
    }

    private void changed() {
        renumber();
        onChange.run();
    }

    /** Row labels for screen readers, and the add button off at the maximum depth. */
    private void renumber() {
        NodeList<? extends HTMLElement> buttons = rows(".remove-layer");
        for (int i = 0; i < buttons.getLength(); i++) {
            buttons.get(i).setAttribute("aria-label", "Remove hidden layer " + (i + 1));
        }
        addButton.setDisabled(buttons.getLength() >= MAX_HIDDEN);
    }
}

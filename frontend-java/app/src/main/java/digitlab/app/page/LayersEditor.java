package digitlab.app.page;

import digitlab.core.nn.Activation;
import digitlab.core.nn.LayerStack;
import digitlab.core.run.LayerRows;
import digitlab.core.run.LayerRows.Kind;
import digitlab.core.run.LayerRows.Line;
import digitlab.core.run.LayerRows.Row;
import digitlab.core.run.RunSettings;
import digitlab.core.run.Setting;
import digitlab.core.text.Text;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.dom.html.HTMLButtonElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * The hidden layers of the settings form: one row per layer of a kind (convolution, max-pool, dense) with
 * that kind's settings, its activation if it has weights, a remove button, and the output shape and
 * parameters the core infers ({@link LayerRows}); "Add convolution / max-pool / dense layer" below. A stack
 * the core refuses shows the reason on the row it names, and {@link #check} says so, so the form does not
 * apply it. Input and output are fixed and shown, not edited.
 */
final class LayersEditor {
    private final HTMLDocument document;
    private final HTMLElement list;
    private final HTMLElement outputShape;
    private final HTMLElement total;
    private final List<HTMLButtonElement> addButtons = new ArrayList<>();
    private final Runnable onChange;
    private int inputSize = 784;
    private int classes = 10;

    LayersEditor(HTMLDocument document, Runnable onChange) {
        this.document = document;
        this.list = document.getElementById("hidden-layers");
        this.outputShape = document.getElementById("output-shape");
        this.total = document.getElementById("layers-total");
        this.onChange = onChange;
        addButton("add-conv", Kind.CONV);
        addButton("add-pool", Kind.POOL);
        addButton("add-layer", Kind.DENSE);
    }

    private void addButton(String id, Kind kind) {
        HTMLButtonElement button = (HTMLButtonElement) document.getElementById(id);
        button.onClick(event -> {
            addRow(LayerRows.added(kind, rows()));
            changed();
            HTMLElement last = (HTMLElement) list.getLastChild();
            ((HTMLElement) last.querySelector("input, select")).focus();
        });
        addButtons.add(button);
    }

    /** Replaces the rows with the hidden layers of {@code stack}. */
    void show(LayerStack stack, Activation[] activations) {
        inputSize = stack.input().size();
        classes = stack.shape(stack.layerCount() - 1).size();
        while (list.getFirstChild() != null) {
            list.removeChild(list.getFirstChild());
        }
        for (Row row : LayerRows.rows(stack, activations)) {
            addRow(row);
        }
        refresh();
    }

    /** The rows as typed, checked by the core; shows each row's shape, parameters and any refusal. */
    LayerRows.Check check() {
        return refresh();
    }

    /** The rows as typed (unreadable numbers are {@link Row#UNREADABLE}, which the check reports). */
    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < list.getChildNodes().getLength(); i++) {
            HTMLElement li = (HTMLElement) list.getChildNodes().get(i);
            Kind kind = Kind.byId(li.getAttribute("data-kind"));
            Activation act = kind == Kind.POOL
                    ? null
                    : activation(select(li, ".layer-act").getValue());
            rows.add(
                    switch (kind) {
                        case CONV -> Row.conv(
                                number(li, ".layer-filters"),
                                number(li, ".layer-kernel"),
                                number(li, ".layer-stride"),
                                select(li, ".layer-padding").getValue().equals("valid"),
                                act);
                        case POOL -> Row.pool(number(li, ".layer-size"), number(li, ".layer-stride"));
                        case DENSE -> Row.dense(number(li, ".layer-units"), act);
                    });
        }
        return rows;
    }

    private static Activation activation(String id) {
        for (Activation act : Activation.values()) {
            if (act.id().equals(id)) {
                return act;
            }
        }
        return Activation.RELU;
    }

    private static int number(HTMLElement row, String selector) {
        String text =
                ((HTMLInputElement) row.querySelector(selector)).getValue().trim();
        return Text.isDigits(text, 7) ? Integer.parseInt(text) : Row.UNREADABLE;
    }

    private static HTMLSelectElement select(HTMLElement row, String selector) {
        return (HTMLSelectElement) row.querySelector(selector);
    }

    private void addRow(Row row) {
        HTMLElement li = document.createElement("li");
        li.setClassName("layer-row");
        li.setAttribute("data-kind", row.kind().id());
        // A head line (name, inferred shape, parameters, remove), the kind's controls, then any refusal.
        HTMLElement head = document.createElement("div");
        head.setClassName("layer-head");
        HTMLElement name = document.createElement("span");
        name.setClassName("layer-name");
        head.appendChild(name);
        HTMLElement shape = document.createElement("output");
        shape.setClassName("layer-shape");
        head.appendChild(shape);
        HTMLElement params = document.createElement("span");
        params.setClassName("layer-params");
        head.appendChild(params);
        HTMLButtonElement remove = (HTMLButtonElement) document.createElement("button");
        remove.setType("button");
        remove.setClassName("remove-layer");
        remove.setTextContent("Remove");
        remove.onClick(event -> {
            HTMLElement next = (HTMLElement) li.getNextSibling();
            list.removeChild(li);
            changed();
            // Keep the keyboard in the list: on the next row's remove button, else the first add button.
            (next != null ? (HTMLElement) next.querySelector(".remove-layer") : addButtons.get(0)).focus();
        });
        head.appendChild(remove);
        li.appendChild(head);

        HTMLElement controls = document.createElement("div");
        controls.setClassName("layer-controls");
        switch (row.kind()) {
            case CONV -> {
                controls.appendChild(numberField("Filters", "layer-filters", row.count(), 1, 1024));
                controls.appendChild(numberField("Kernel", "layer-kernel", row.size(), 1, 28));
                controls.appendChild(numberField("Stride", "layer-stride", row.stride(), 1, 28));
                controls.appendChild(menu(
                        "Padding",
                        "layer-padding",
                        new String[] {"same", "valid"},
                        new String[] {"same", "valid"},
                        row.valid() ? "valid" : "same"));
            }
            case POOL -> {
                controls.appendChild(numberField("Size", "layer-size", row.size(), 1, 28));
                controls.appendChild(numberField("Stride", "layer-stride", row.stride(), 1, 28));
            }
            case DENSE -> controls.appendChild(numberField("Units", "layer-units", row.count(), 1, 4096));
        }
        if (row.hasWeights()) {
            List<Setting.Option> options = RunSettings.ACT.options();
            String[] ids = new String[options.size()];
            String[] labels = new String[options.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = options.get(i).id();
                labels[i] = options.get(i).label();
            }
            controls.appendChild(menu(
                    "Activation", "layer-act", ids, labels, row.activation().id()));
        }
        li.appendChild(controls);

        HTMLElement error = document.createElement("p");
        error.setClassName("layer-error");
        error.setAttribute("role", "alert");
        error.setAttribute("hidden", "");
        li.appendChild(error);
        list.appendChild(li);
    }

    private HTMLElement numberField(String label, String className, int value, int min, int max) {
        HTMLInputElement input = (HTMLInputElement) document.createElement("input");
        input.setType("number");
        input.setClassName(className);
        input.setAttribute("min", String.valueOf(min));
        input.setAttribute("max", String.valueOf(max));
        input.setAttribute("step", "1");
        input.setAttribute("inputmode", "numeric");
        input.setValue(String.valueOf(value));
        input.addEventListener("change", event -> onChange.run());
        return labelled(label, input);
    }

    private HTMLElement menu(String label, String className, String[] ids, String[] labels, String value) {
        HTMLSelectElement select = (HTMLSelectElement) document.createElement("select");
        select.setClassName(className);
        for (int i = 0; i < ids.length; i++) {
            HTMLElement option = document.createElement("option");
            option.setAttribute("value", ids[i]);
            option.setTextContent(labels[i]);
            select.appendChild(option);
        }
        select.setValue(value);
        select.addEventListener("change", event -> onChange.run());
        return labelled(label, select);
    }

    private HTMLElement labelled(String text, HTMLElement control) {
        HTMLElement label = document.createElement("label");
        label.appendChild(document.createTextNode(text + " "));
        label.appendChild(control);
        return label;
    }

    private void changed() {
        refresh();
        onChange.run();
    }

    /**
     * Names every row for screen readers ("Layer 2: max-pool"), shows what the core infers for it, and
     * turns the add buttons off at the most layers.
     */
    private LayerRows.Check refresh() {
        LayerRows.Check check = LayerRows.check(inputSize, rows(), classes);
        int count = list.getChildNodes().getLength();
        for (int i = 0; i < count; i++) {
            HTMLElement li = (HTMLElement) list.getChildNodes().get(i);
            Kind kind = Kind.byId(li.getAttribute("data-kind"));
            String name = "Layer " + (i + 1) + ": " + kind.label();
            li.querySelector(".layer-name").setTextContent(name);
            li.setAttribute("aria-label", name);
            li.querySelector(".remove-layer").setAttribute("aria-label", "Remove layer " + (i + 1));
            Line line = check.rows().get(i);
            li.querySelector(".layer-shape").setTextContent(line.shape());
            li.querySelector(".layer-params").setTextContent(line.parameters());
            HTMLElement error = (HTMLElement) li.querySelector(".layer-error");
            error.setAttribute("id", "layer-error-" + (i + 1));
            if (line.error() == null) {
                error.setTextContent("");
                error.setAttribute("hidden", "");
                li.removeAttribute("data-error");
            } else {
                error.setTextContent(line.error());
                error.removeAttribute("hidden");
                li.setAttribute("data-error", "");
            }
            var controls = li.querySelectorAll("input, select");
            for (int c = 0; c < controls.getLength(); c++) {
                HTMLElement control = (HTMLElement) controls.get(c);
                if (line.error() == null) {
                    control.removeAttribute("aria-invalid");
                    control.removeAttribute("aria-describedby");
                } else {
                    control.setAttribute("aria-invalid", "true");
                    control.setAttribute("aria-describedby", "layer-error-" + (i + 1));
                }
            }
        }
        Line output = check.output();
        outputShape.setTextContent(output.shape().isEmpty() ? "" : "· " + output.shape() + " · " + output.parameters());
        total.setTextContent(
                check.ok() ? check.total() : "Not applied until the layers fit (the reason is on its row).");
        for (HTMLButtonElement button : addButtons) {
            button.setDisabled(count >= LayerRows.MAX_ROWS);
        }
        return check;
    }
}

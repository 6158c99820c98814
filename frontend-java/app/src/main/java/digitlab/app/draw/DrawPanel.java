package digitlab.app.draw;

import digitlab.app.browser.Canvases;
import digitlab.app.browser.Dom;
import digitlab.app.views.LayerStripsView;
import digitlab.app.views.ProbabilityBars;
import digitlab.core.data.Digits;
import digitlab.core.data.Mnist;
import digitlab.core.draw.MnistPreprocessor;
import digitlab.core.draw.PreparedDigit;
import digitlab.core.nn.Scores;
import digitlab.core.view.DigitGrid;
import digitlab.core.view.Format;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLButtonElement;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * "Draw a digit": the drawing pad, what the network sees (the drawing made MNIST-like by
 * {@link MnistPreprocessor}, enlarged), the prediction with its probability bars and the hidden layers,
 * and "teach it your handwriting" (label, add to my digits, count, clear, export).
 *
 * <p>It never runs the network. When the drawing changes (throttled while drawing) it calls the
 * {@link Predictor} with the 784 inputs; whoever runs the network answers later with
 * {@link #showPrediction} or {@link #showActivations}. An empty pad shows no prediction
 * ({@link #showEmpty}), and answers that arrive after the pad was cleared are ignored.
 *
 * <p>Elements, by id (styled by web/css/draw.css, inside a {@code .draw-panel}): {@code draw-canvas},
 * {@code undo}, {@code clear}, {@code draw-preview}, {@code prediction}, {@code probabilities}; optional:
 * {@code draw-activations}, and the teaching controls {@code draw-labels}, {@code add-digit},
 * {@code my-digits-count}, {@code clear-my-digits}, {@code export-my-digits}, {@code my-digits}.
 * The panel's root gets {@code data-state} ("empty", "waiting" for an answer, "predicted").
 */
public final class DrawPanel {
    /** Asks the network about a drawing. */
    public interface Predictor {
        /**
         * @param input the preprocessed drawing: 784 values in [0, 1] (pixel / 255, row-major 28x28), a new
         *     array per call that the callee may keep or transfer
         */
        void predict(float[] input);
    }

    private static final int PREVIEW_SCALE = 1;
    private static final int THUMBNAILS = 10;
    private static final int CONFIRM_MS = 4000;

    private final DrawPad pad;
    /** The enclosing {@code .draw-panel} (the canvas itself if there is none): carries data-state. */
    private final HTMLElement root;

    private final MnistPreprocessor preprocessor = new MnistPreprocessor();
    private final HTMLButtonElement undoButton;
    private final HTMLButtonElement clearButton;
    private final HTMLCanvasElement preview;
    private final HTMLElement prediction;
    private final ProbabilityBars bars;
    private final LayerStripsView hiddenLayers;
    private final DigitGrid previewGrid = new DigitGrid(1, 1, PreparedDigit.SIDE, PREVIEW_SCALE, 0);
    private final byte[] previewRgba = previewGrid.newBuffer();
    private final Predictor predictor;
    private PreparedDigit current;

    // Teaching: all null when the page has no #draw-labels.
    private final PersonalDigits personal;
    private final HTMLInputElement[] labelInputs = new HTMLInputElement[10];
    private final HTMLButtonElement addButton;
    private final HTMLButtonElement clearMineButton;
    private final HTMLButtonElement exportButton;
    private final HTMLElement countLine;
    private final HTMLCanvasElement thumbnails;
    private final DigitGrid thumbnailGrid = new DigitGrid(THUMBNAILS, 1, PreparedDigit.SIDE, 2, 2);
    private byte[] thumbnailRgba;
    private Runnable personalListener;
    private int label = -1;
    private int confirmTimer;

    /**
     * @param predictor called with each changed drawing; may be null (no predictions)
     */
    public DrawPanel(HTMLDocument document, Predictor predictor) {
        this.predictor = predictor;
        HTMLCanvasElement canvas = (HTMLCanvasElement) required(document, "draw-canvas");
        pad = new DrawPad(canvas);
        HTMLElement panel = Dom.closest(canvas, ".draw-panel");
        root = panel != null ? panel : canvas;
        undoButton = (HTMLButtonElement) required(document, "undo");
        clearButton = (HTMLButtonElement) required(document, "clear");
        preview = (HTMLCanvasElement) required(document, "draw-preview");
        prediction = required(document, "prediction");
        bars = new ProbabilityBars(required(document, "probabilities"));
        HTMLElement activations = document.getElementById("draw-activations");
        hiddenLayers = activations == null ? null : new LayerStripsView(activations, "draw", 4);

        HTMLElement labels = document.getElementById("draw-labels");
        personal = labels == null ? null : new PersonalDigits();
        addButton = labels == null ? null : (HTMLButtonElement) document.getElementById("add-digit");
        clearMineButton = labels == null ? null : (HTMLButtonElement) document.getElementById("clear-my-digits");
        exportButton = labels == null ? null : (HTMLButtonElement) document.getElementById("export-my-digits");
        countLine = labels == null ? null : document.getElementById("my-digits-count");
        thumbnails = labels == null ? null : (HTMLCanvasElement) document.getElementById("my-digits");

        pad.setListener(settled -> drawingChanged());
        undoButton.onClick(event -> pad.undo());
        clearButton.onClick(event -> pad.clear());
        canvas.addEventListener("keydown", (EventListener<KeyboardEvent>) this::keyDown);
        if (labels != null) {
            buildLabels(labels);
            addButton.onClick(event -> addCurrent());
            clearMineButton.onClick(event -> clearMine());
            exportButton.onClick(event -> personal.export());
            showPersonal(personal.problem());
        }
        showEmpty();
    }

    private static HTMLElement required(HTMLDocument document, String id) {
        HTMLElement element = document.getElementById(id);
        if (element == null) {
            throw new IllegalStateException("the page has no #" + id + " for the drawing panel");
        }
        return element;
    }

    /** Called after the user's digits changed (added, cleared): e.g. to send {@link #personalDigits()}. */
    public void setPersonalDigitsListener(Runnable listener) {
        this.personalListener = listener;
    }

    /** The user's digits (no digits when the page has no teaching controls), oldest first. */
    public Digits personalDigits() {
        return personal == null ? new Digits(0, Mnist.SIDE, Mnist.SIDE, new byte[0], new byte[0]) : personal.digits();
    }

    /** Asks the predictor again about the current drawing, e.g. after the network changed. */
    public void refresh() {
        if (current != null && !current.isEmpty() && predictor != null) {
            setState("waiting");
            predictor.predict(current.input().clone());
        }
    }

    /** Shows the network's answer: 10 probabilities, the predicted digit taken as the most likely. */
    public void showPrediction(float[] probabilities) {
        showPrediction(probabilities, -1, null, null);
    }

    /**
     * Shows the network's answer for the current drawing; ignored if the pad is empty by now.
     *
     * @param probabilities the 10 output probabilities
     * @param predicted the predicted digit, or -1 for the most likely one
     * @param layerSizes the architecture, input first (e.g. {784, 128, 10}), or null: no hidden layers shown
     * @param activations the layers' values one after another, either every layer of {@code layerSizes} or
     *     every layer after the input (as in the worker's inspection report), or null
     */
    public void showPrediction(float[] probabilities, int predicted, int[] layerSizes, float[] activations) {
        if (pad.isEmpty() || probabilities.length < Mnist.CLASSES) {
            return;
        }
        int digit = predicted >= 0 ? predicted : Scores.argmax(probabilities, 0, Mnist.CLASSES);
        bars.show(probabilities, 0, -1);
        prediction.setTextContent(String.valueOf(digit));
        prediction.setAttribute("data-digit", String.valueOf(digit));
        prediction.setAttribute("title", "Probability " + Format.percent(probabilities[digit], 1));
        if (hiddenLayers != null) {
            int offset = hiddenOffset(layerSizes, activations);
            if (offset >= 0) {
                hiddenLayers.show(layerSizes, activations, offset);
            } else {
                hiddenLayers.clear();
            }
        }
        setState("predicted");
    }

    /**
     * Shows the answer given as all layers' values (the worker's inspection format, like
     * {@code ActivationsView}): the output layer, read as probabilities, is the last.
     */
    public void showActivations(int[] layerSizes, float[] activations) {
        int outputs = layerSizes[layerSizes.length - 1];
        float[] probabilities = new float[outputs];
        System.arraycopy(activations, activations.length - outputs, probabilities, 0, outputs);
        showPrediction(probabilities, -1, layerSizes, activations);
    }

    /** No drawing: no prediction, empty bars and preview. */
    public void showEmpty() {
        bars.clear();
        prediction.setTextContent(Format.MISSING);
        prediction.setAttribute("data-digit", "-1");
        prediction.setAttribute("title", "Nothing drawn");
        if (hiddenLayers != null) {
            hiddenLayers.clear();
        }
        showPreview(null);
        setState("empty");
    }

    /** Where the hidden layers start in {@code activations}, or -1 if they are not there. */
    private static int hiddenOffset(int[] layerSizes, float[] activations) {
        if (layerSizes == null || activations == null || layerSizes.length < 3) {
            return -1;
        }
        int all = 0;
        for (int size : layerSizes) {
            all += size;
        }
        if (activations.length == all) {
            return layerSizes[0];
        }
        return activations.length == all - layerSizes[0] ? 0 : -1;
    }

    private void drawingChanged() {
        current = preprocessor.fromRgba(pad.readRgba(), pad.side(), pad.side());
        boolean empty = current.isEmpty();
        undoButton.setDisabled(pad.isEmpty());
        clearButton.setDisabled(pad.isEmpty());
        if (empty) {
            showEmpty();
        } else {
            showPreview(current);
            if (predictor != null) {
                setState("waiting");
                predictor.predict(current.input().clone());
            }
        }
        updateTeaching();
    }

    private void showPreview(PreparedDigit digit) {
        byte[] pixels = digit == null ? new byte[PreparedDigit.PIXELS] : digit.pixels();
        previewGrid.paint(
                new Digits(1, PreparedDigit.SIDE, PreparedDigit.SIDE, new byte[1], pixels), new int[] {0}, previewRgba);
        Canvases.putRgba(preview, previewRgba, previewGrid.width(), previewGrid.height());
        preview.setAttribute(
                "aria-label",
                digit == null
                        ? "What the network sees: nothing drawn yet"
                        : "What the network sees: your drawing fitted into 20 by 20 pixels and centred in 28 by 28");
    }

    private void setState(String state) {
        root.setAttribute("data-state", state);
    }

    private void keyDown(KeyboardEvent event) {
        String key = event.getKey();
        if (personal == null || event.isCtrlKey() || event.isMetaKey() || event.isAltKey()) {
            return;
        }
        if (key.length() == 1 && key.charAt(0) >= '0' && key.charAt(0) <= '9') {
            event.preventDefault();
            selectLabel(key.charAt(0) - '0');
        } else if ("Enter".equals(key)) {
            event.preventDefault();
            addCurrent();
        }
    }

    // ---- Teaching ----

    private void buildLabels(HTMLElement container) {
        for (int d = 0; d < 10; d++) {
            HTMLElement choice = Dom.create("label", "label-choice");
            HTMLInputElement input = (HTMLInputElement) Dom.create("input", null);
            input.setType("radio");
            input.setName("draw-label");
            input.setValue(String.valueOf(d));
            int digit = d;
            input.addEventListener("change", event -> {
                if (input.isChecked()) {
                    label = digit;
                    updateTeaching();
                }
            });
            HTMLElement text = Dom.create("span", null);
            text.setTextContent(String.valueOf(d));
            choice.appendChild(input);
            choice.appendChild(text);
            container.appendChild(choice);
            labelInputs[d] = input;
        }
    }

    private void selectLabel(int digit) {
        label = digit;
        labelInputs[digit].setChecked(true);
        updateTeaching();
    }

    private void addCurrent() {
        if (current == null || current.isEmpty()) {
            showPersonal("Draw a digit first.");
            return;
        }
        if (label < 0) {
            showPersonal("Pick which digit you drew first.");
            labelInputs[0].focus();
            return;
        }
        if (!personal.add(current.pixels(), label)) {
            showPersonal("You have " + personal.capacity() + " digits, the most this page keeps: export them, or"
                    + " clear them to add more.");
            return;
        }
        int added = label;
        pad.clear();
        showPersonal(
                personal.problem() != null
                        ? personal.problem()
                        : "Added your " + added + " (" + personal.countOf(added) + " of your " + added + "s).");
        if (personalListener != null) {
            personalListener.run();
        }
    }

    private void clearMine() {
        if (personal.count() == 0) {
            return;
        }
        if (confirmTimer == 0) {
            clearMineButton.setTextContent("Click again to clear " + personal.count() + " digits");
            clearMineButton.getClassList().add("attention");
            confirmTimer = Window.setTimeout(this::resetClearMine, CONFIRM_MS);
            return;
        }
        resetClearMine();
        personal.clear();
        showPersonal(personal.problem() != null ? personal.problem() : "Cleared your digits.");
        if (personalListener != null) {
            personalListener.run();
        }
    }

    private void resetClearMine() {
        if (confirmTimer != 0) {
            Window.clearTimeout(confirmTimer);
            confirmTimer = 0;
        }
        clearMineButton.setTextContent("Clear my digits");
        clearMineButton.getClassList().remove("attention");
    }

    /** Updates the count line (with an optional message first), the thumbnails and the buttons. */
    private void showPersonal(String message) {
        int count = personal.count();
        String summary =
                count == 0 ? "None of your digits yet." : count == 1 ? "1 of your digits." : count + " of your digits.";
        countLine.setTextContent(message == null ? summary : message + " " + summary);
        countLine.setAttribute("data-count", String.valueOf(count));
        if (thumbnails != null) {
            thumbnails.setHidden(count == 0);
            if (count > 0) {
                Digits newest = personal.newest(THUMBNAILS);
                if (thumbnailRgba == null) {
                    thumbnailRgba = thumbnailGrid.newBuffer();
                }
                int[] indices = new int[newest.count()];
                StringBuilder text = new StringBuilder("Your newest digits:");
                for (int i = 0; i < indices.length; i++) {
                    indices[i] = i;
                    text.append(i == 0 ? " " : ", ").append(newest.label(i));
                }
                thumbnailGrid.paint(newest, indices, thumbnailRgba);
                Canvases.putRgba(thumbnails, thumbnailRgba, thumbnailGrid.width(), thumbnailGrid.height());
                thumbnails.setAttribute("aria-label", text.toString());
            }
        }
        updateTeaching();
    }

    private void updateTeaching() {
        if (personal == null) {
            return;
        }
        addButton.setDisabled(current == null || current.isEmpty() || personal.isFull());
        addButton.setTextContent(label < 0 ? "Add to my digits" : "Add as " + label);
        exportButton.setDisabled(personal.count() == 0);
        clearMineButton.setDisabled(personal.count() == 0);
    }
}

package digitlab.app.draw;

import digitlab.app.browser.Canvases;
import digitlab.app.browser.Dom;
import digitlab.app.views.LayerStripsView;
import digitlab.app.views.ProbabilityBars;
import digitlab.core.data.Digits;
import digitlab.core.data.InputFrame;
import digitlab.core.data.Mnist;
import digitlab.core.draw.MnistPreprocessor;
import digitlab.core.draw.PreparedDigit;
import digitlab.core.nn.Scores;
import digitlab.core.view.DigitGrid;
import digitlab.core.view.Format;
import digitlab.core.view.LayerOutline;
import org.teavm.jso.dom.html.HTMLButtonElement;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * "Draw a digit": the drawing pad, what the network sees (the drawing made MNIST-like by
 * {@link MnistPreprocessor}, enlarged), the prediction with its probability bars and the hidden layers (feature maps for convolutions and pools).
 * When the page has the teaching controls ({@code #draw-labels}), {@link TeachingControls} ("teach it your
 * handwriting") sits beside it and hears about every change of the drawing.
 *
 * <p>It never runs the network. When the drawing changes (throttled while drawing) it calls the
 * {@link Predictor} with the 784 inputs; whoever runs the network answers later with
 * {@link #showPrediction} or {@link #showActivations}. An empty pad shows no prediction
 * ({@link #showEmpty}), and answers that arrive after the pad was cleared are ignored.
 *
 * <p>Elements, by id (styled by web/css/draw.css, inside a {@code .draw-panel}): {@code draw-canvas},
 * {@code undo}, {@code clear}, {@code draw-preview}, {@code prediction}, {@code probabilities}; optional:
 * {@code draw-activations}, and the teaching controls (see {@link TeachingControls}).
 * The panel's root gets {@code data-state} ("empty", "waiting" for an answer, "predicted").
 */
public final class DrawPanel {
    /** Asks the network about a drawing. */
    public interface Predictor {
        /**
         * @param input the preprocessed drawing as the network reads it ({@link InputFrame}): 784 values in
         *     [0, 1] (pixel / 255, row-major 28x28), or 400 (the 20x20 digit box) for a 400-input network, a new
         *     array per call that the callee may keep or transfer
         */
        void predict(float[] input);
    }

    private static final int PREVIEW_SCALE = 1;
    /** About how many pixels a side of a feature map of the drawing gets. */
    private static final int DRAW_MAP_SIDE = 28;

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
    /** The pictures the network reads: the preview shows and the predictor gets the drawing as one. */
    private InputFrame frame = InputFrame.IMAGE;

    private DigitGrid previewGrid = previewGrid(frame);
    private byte[] previewRgba = previewGrid.newBuffer();
    private final Predictor predictor;
    /** Null when the page has no teaching controls. */
    private final TeachingControls teaching;

    private PreparedDigit current;
    /** Told when the pad becomes empty; may be null. */
    private Runnable clearedListener;

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
        hiddenLayers = activations == null ? null : new LayerStripsView(activations, "draw", 4, DRAW_MAP_SIDE);

        pad.setListener(settled -> drawingChanged());
        undoButton.onClick(event -> pad.undo());
        clearButton.onClick(event -> pad.clear());
        teaching = TeachingControls.find(document, canvas, pad::clear);
        showEmpty();
    }

    private static DigitGrid previewGrid(InputFrame frame) {
        return new DigitGrid(1, 1, frame.side(), PREVIEW_SCALE, 0);
    }

    /**
     * The network now reads {@code frame}'s pictures (e.g. 20x20 for {@code 400,25,10}): the preview and the
     * next predictions use them. Null (a network that reads no digit) changes nothing.
     */
    public void setInputFrame(InputFrame frame) {
        if (frame == null || frame == this.frame) {
            return;
        }
        this.frame = frame;
        previewGrid = previewGrid(frame);
        previewRgba = previewGrid.newBuffer();
        showPreview(current == null || current.isEmpty() ? null : current);
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
        if (teaching != null) {
            teaching.setPersonalDigitsListener(listener);
        }
    }

    /** True while there is ink on the pad (answers about it are shown). */
    public boolean hasDrawing() {
        return !pad.isEmpty();
    }

    /** Called whenever the pad becomes empty (cleared, or the last stroke undone). */
    public void setClearedListener(Runnable listener) {
        clearedListener = listener;
    }

    /** The user's digits (no digits when the page has no teaching controls), oldest first. */
    public Digits personalDigits() {
        return teaching == null ? new Digits(0, Mnist.SIDE, Mnist.SIDE, new byte[0], new byte[0]) : teaching.digits();
    }

    /** Asks the predictor again about the current drawing, e.g. after the network changed. */
    public void refresh() {
        if (current != null && !current.isEmpty() && predictor != null) {
            setState("waiting");
            predictor.predict(frame.input(current).clone());
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
     * @param outline the layers' kinds and shapes, input first, or null: no hidden layers shown
     * @param activations the layers' values one after another, either every layer of {@code outline} or
     *     every layer after the input (as in the worker's inspection report), or null
     */
    public void showPrediction(float[] probabilities, int predicted, LayerOutline outline, float[] activations) {
        if (pad.isEmpty() || probabilities.length < Mnist.CLASSES) {
            return;
        }
        int digit = predicted >= 0 ? predicted : Scores.argmax(probabilities, 0, Mnist.CLASSES);
        bars.show(probabilities, 0, -1);
        prediction.setTextContent(String.valueOf(digit));
        prediction.setAttribute("data-digit", String.valueOf(digit));
        prediction.setAttribute("title", "Probability " + Format.percent(probabilities[digit], 1));
        if (hiddenLayers != null) {
            int offset = hiddenOffset(outline, activations);
            if (offset >= 0) {
                hiddenLayers.show(outline, activations, offset);
            } else {
                hiddenLayers.clear();
            }
        }
        setState("predicted");
    }

    /**
     * Shows the answer given as all layers' values (the worker's drawing report, like
     * {@code ActivationsView}): the output layer, read as probabilities, is the last.
     */
    public void showActivations(LayerOutline outline, float[] activations) {
        int outputs = outline.shape(outline.layerCount() - 1).size();
        float[] probabilities = new float[outputs];
        System.arraycopy(activations, activations.length - outputs, probabilities, 0, outputs);
        showPrediction(probabilities, -1, outline, activations);
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
    private static int hiddenOffset(LayerOutline outline, float[] activations) {
        if (outline == null || activations == null || outline.layerCount() < 3) {
            return -1;
        }
        int[] layerSizes = outline.sizes();
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
            if (clearedListener != null) {
                clearedListener.run();
            }
        } else {
            showPreview(current);
            if (predictor != null) {
                setState("waiting");
                predictor.predict(frame.input(current).clone());
            }
        }
        if (teaching != null) {
            teaching.drawingChanged(current);
        }
    }

    private void showPreview(PreparedDigit digit) {
        int side = frame.side();
        byte[] pixels = digit == null ? new byte[frame.size()] : frame.pixels(digit);
        previewGrid.paint(new Digits(1, side, side, new byte[1], pixels), new int[] {0}, previewRgba);
        Canvases.putRgba(preview, previewRgba, previewGrid.width(), previewGrid.height());
        preview.setAttribute(
                "aria-label",
                digit == null
                        ? "What the network sees: nothing drawn yet"
                        : frame == InputFrame.IMAGE
                                ? "What the network sees: your drawing fitted into 20 by 20 pixels and centred in 28 by 28"
                                : "What the network sees: your drawing fitted into 20 by 20 pixels");
    }

    private void setState(String state) {
        root.setAttribute("data-state", state);
    }
}

package digitlab.app.views;

import digitlab.app.browser.Canvases;
import digitlab.app.browser.Dom;
import digitlab.core.data.Digits;
import digitlab.core.nn.Shape;
import digitlab.core.text.Text;
import digitlab.core.view.DigitGrid;
import digitlab.core.view.LayerOutline;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * What the network computes for one example, left to right: the input image (enlarged), each hidden
 * layer's activations ({@link LayerStripsView}: a dense layer as a grid of coloured cells, a convolution or
 * pool as its feature maps; orange = positive, blue = negative), and the output as {@link ProbabilityBars}.
 *
 * <p>Structure built inside the given container (hidden-layer figures are added or hidden as the
 * architecture changes; pixel buffers are reused while the sizes stay the same):
 * <pre>
 * &lt;div class="activations" data-index="123" data-layers="784,128,10" data-shapes="1x28x28,128x1x1,10x1x1" data-maps="false"&gt;
 *   &lt;figure class="act-input"&gt;&lt;canvas class="pixelated act-image"&gt;&lt;figcaption&gt;Test image 123, label 4&lt;/figcaption&gt;
 *   &lt;div class="act-layers"&gt;
 *     &lt;figure class="act-layer"&gt;&lt;canvas class="pixelated act-cells"&gt;&lt;figcaption&gt;Hidden layer 1: 128 units…
 *   &lt;/div&gt;
 *   &lt;figure class="act-output"&gt;&lt;figcaption&gt;Output&lt;/figcaption&gt;&lt;div class="act-probs"&gt;(ProbabilityBars)
 * </pre>
 */
public final class ActivationsView {
    private static final int INPUT_SCALE = 4;
    private static final int CELL = 8;
    /** About how many pixels a side of a feature map gets. */
    private static final int MAP_SIDE = 42;

    private final HTMLElement root;
    private final HTMLCanvasElement inputCanvas;
    private final HTMLElement inputCaption;
    private final HTMLElement layersBox;
    private final ProbabilityBars bars;
    private final LayerStripsView strips;
    private DigitGrid inputGrid;
    private byte[] inputRgba;

    /** @param container an empty element to build the view in */
    public ActivationsView(HTMLElement container) {
        root = Dom.create("div", "activations");
        HTMLElement input = Dom.create("figure", "act-input");
        inputCanvas = (HTMLCanvasElement) Dom.create("canvas", "pixelated act-image");
        inputCanvas.setAttribute("role", "img");
        inputCanvas.setAttribute("aria-label", "No example chosen");
        inputCanvas.setHidden(true);
        inputCaption = Dom.text("figcaption", null, "Choose an example");
        input.appendChild(inputCanvas);
        input.appendChild(inputCaption);
        layersBox = Dom.create("div", "act-layers");
        HTMLElement output = Dom.create("figure", "act-output");
        output.appendChild(Dom.text("figcaption", null, "Output"));
        HTMLElement probabilities = Dom.create("div", "act-probs");
        output.appendChild(probabilities);
        root.appendChild(input);
        root.appendChild(layersBox);
        root.appendChild(output);
        container.appendChild(root);
        bars = new ProbabilityBars(probabilities);
        strips = new LayerStripsView(layersBox, "act", CELL, MAP_SIDE);
    }

    /**
     * Shows example {@code index} of {@code digits} going through the network.
     *
     * @param outline the layers' kinds and shapes, input first and output last
     * @param activations the layers' values one after another: either every layer (input included) or
     *     every layer after the input; the last layer is read as probabilities
     */
    public void show(Digits digits, int index, LayerOutline outline, float[] activations) {
        int[] layerSizes = outline.sizes();
        if (layerSizes.length < 2) {
            throw new IllegalArgumentException(
                    "need at least an input and an output layer, got " + layerSizes.length + " sizes");
        }
        int all = 0;
        for (int size : layerSizes) {
            all += size;
        }
        int offset;
        if (activations.length == all) {
            offset = layerSizes[0];
        } else if (activations.length == all - layerSizes[0]) {
            offset = 0;
        } else {
            throw new IllegalArgumentException(activations.length + " activations fit neither all layers (" + all
                    + ") nor the layers after the input (" + (all - layerSizes[0]) + ")");
        }
        int label = digits.label(index);
        Shape input = outline.shape(0);
        if (offset > 0 && input.channels() == 1 && input.height() != digits.rows()) {
            // The network reads another picture than the page's copy (e.g. the 20x20 digit box): show its input.
            showInput(asPicture(activations, input, label), 0, index, label);
        } else {
            showInput(digits, index, index, label);
        }

        offset = strips.show(outline, activations, offset);
        bars.show(activations, offset, label);
        root.setAttribute("data-index", String.valueOf(index));
        root.setAttribute("data-layers", Text.join(layerSizes, ','));
        root.setAttribute("data-shapes", outline.shapesText());
        root.setAttribute("data-maps", String.valueOf(outline.hasMaps()));
    }

    /** The input values (pixel / 255, first in {@code activations}) as a one-image set of {@code shape}. */
    private static Digits asPicture(float[] activations, Shape shape, int label) {
        byte[] pixels = new byte[shape.size()];
        for (int p = 0; p < pixels.length; p++) {
            pixels[p] = (byte) Math.max(0, Math.min(255, (int) (activations[p] * 255 + 0.5f)));
        }
        return new Digits(1, shape.height(), shape.width(), new byte[] {(byte) label}, pixels);
    }

    private void showInput(Digits digits, int at, int index, int label) {
        if (inputGrid == null || inputGrid.width() != digits.cols() * INPUT_SCALE) {
            inputGrid = new DigitGrid(1, 1, digits.rows(), INPUT_SCALE, 0);
            inputRgba = inputGrid.newBuffer();
        }
        inputGrid.paint(digits, new int[] {at}, inputRgba);
        Canvases.putRgba(inputCanvas, inputRgba, inputGrid.width(), inputGrid.height());
        inputCanvas.setHidden(false);
        inputCaption.setTextContent("Test image " + index + ", label " + label);
        inputCanvas.setAttribute("aria-label", "Input: handwritten " + label + " (test image " + index + ")");
    }
}

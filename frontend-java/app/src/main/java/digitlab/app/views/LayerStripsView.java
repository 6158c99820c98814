package digitlab.app.views;

import digitlab.app.browser.Canvases;
import digitlab.app.browser.Dom;
import digitlab.core.view.ActivationStrip;
import digitlab.core.view.Format;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * One strip of coloured cells per hidden layer, one cell per unit (orange positive, blue negative,
 * {@link ActivationStrip}), built inside a container as
 * {@code <figure class="PREFIX-layer"><canvas class="pixelated PREFIX-cells"><figcaption>}. Used for a
 * test image going through the network and for a drawn digit.
 */
public final class LayerStripsView {
    private static final int MAX_COLUMNS = 32;
    private static final int GAP = 1;

    private final HTMLElement container;
    private final String classPrefix;
    private final int cell;
    private final List<Layer> layers = new ArrayList<>();

    private static final class Layer {
        final HTMLElement figure;
        final HTMLCanvasElement canvas;
        final HTMLElement caption;
        ActivationStrip strip;
        byte[] rgba;

        Layer(HTMLElement figure, HTMLCanvasElement canvas, HTMLElement caption) {
            this.figure = figure;
            this.canvas = canvas;
            this.caption = caption;
        }
    }

    /**
     * @param classPrefix CSS class prefix, e.g. "act" gives {@code act-layer} and {@code act-cells}
     * @param cell side of one unit's cell in pixels
     */
    public LayerStripsView(HTMLElement container, String classPrefix, int cell) {
        this.container = container;
        this.classPrefix = classPrefix;
        this.cell = cell;
    }

    /**
     * Shows every hidden layer.
     *
     * @param layerSizes the whole architecture, input first, output last
     * @param activations the hidden layers' values one after another, the first at {@code offset}
     * @return the offset just after the last hidden layer (where the output layer starts)
     */
    public int show(int[] layerSizes, float[] activations, int offset) {
        int hidden = Math.max(0, layerSizes.length - 2);
        for (int h = 0; h < hidden; h++) {
            int size = layerSizes[h + 1];
            Layer layer = layer(h);
            if (layer.strip == null || layer.strip.count() != size) {
                layer.strip = new ActivationStrip(size, MAX_COLUMNS, cell, GAP);
                layer.rgba = layer.strip.newBuffer();
            }
            double scale = layer.strip.paint(activations, offset, layer.rgba);
            Canvases.putRgba(layer.canvas, layer.rgba, layer.strip.width(), layer.strip.height());
            int active = 0;
            for (int u = 0; u < size; u++) {
                if (activations[offset + u] > 0.5 * scale) {
                    active++;
                }
            }
            String text = "Hidden layer " + (h + 1) + ": " + size + " units, full colour at \u00b1"
                    + Format.significant(scale, 3);
            layer.caption.setTextContent(text);
            layer.canvas.setAttribute("aria-label", text + "; " + active + " units above half of that");
            layer.figure.setHidden(false);
            offset += size;
        }
        for (int h = hidden; h < layers.size(); h++) {
            layers.get(h).figure.setHidden(true);
        }
        return offset;
    }

    public void clear() {
        for (Layer layer : layers) {
            layer.figure.setHidden(true);
        }
    }

    private Layer layer(int h) {
        while (layers.size() <= h) {
            HTMLElement figure = Dom.create("figure", classPrefix + "-layer");
            HTMLCanvasElement canvas = (HTMLCanvasElement) Dom.create("canvas", "pixelated " + classPrefix + "-cells");
            canvas.setAttribute("role", "img");
            HTMLElement caption = Dom.create("figcaption", null);
            figure.appendChild(canvas);
            figure.appendChild(caption);
            container.appendChild(figure);
            layers.add(new Layer(figure, canvas, caption));
        }
        return layers.get(h);
    }
}

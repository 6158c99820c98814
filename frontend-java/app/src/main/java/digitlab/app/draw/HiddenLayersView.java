package digitlab.app.draw;

import digitlab.app.browser.Canvases;
import digitlab.core.view.ActivationStrip;
import digitlab.core.view.Format;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * A compact strip per hidden layer for the drawn digit: one small cell per unit, orange for positive and
 * blue for negative ({@link ActivationStrip}). Built inside the given container:
 * <pre>
 * &lt;figure class="draw-layer"&gt;&lt;canvas class="pixelated draw-layer-cells"&gt;&lt;figcaption&gt;Hidden layer 1 · 128 units
 * </pre>
 */
final class HiddenLayersView {
    private static final int MAX_COLUMNS = 32;
    private static final int CELL = 4;
    private static final int GAP = 1;

    private final HTMLElement container;
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

    HiddenLayersView(HTMLElement container) {
        this.container = container;
    }

    /**
     * @param layerSizes the whole architecture, input first, output last
     * @param activations every hidden layer's values, one after another, starting at {@code offset}
     */
    void show(int[] layerSizes, float[] activations, int offset) {
        int hidden = Math.max(0, layerSizes.length - 2);
        for (int h = 0; h < hidden; h++) {
            int size = layerSizes[h + 1];
            Layer layer = layer(h);
            if (layer.strip == null || layer.strip.count() != size) {
                layer.strip = new ActivationStrip(size, MAX_COLUMNS, CELL, GAP);
                layer.rgba = layer.strip.newBuffer();
            }
            double scale = layer.strip.paint(activations, offset, layer.rgba);
            Canvases.putRgba(layer.canvas, layer.rgba, layer.strip.width(), layer.strip.height());
            String text = "Hidden layer " + (h + 1) + " \u00b7 " + size + " units";
            layer.caption.setTextContent(text);
            layer.canvas.setAttribute("aria-label", text + ", full colour at \u00b1" + Format.significant(scale, 3));
            layer.figure.setHidden(false);
            offset += size;
        }
        for (int h = hidden; h < layers.size(); h++) {
            layers.get(h).figure.setHidden(true);
        }
    }

    void clear() {
        for (Layer layer : layers) {
            layer.figure.setHidden(true);
        }
    }

    private Layer layer(int h) {
        while (layers.size() <= h) {
            HTMLElement figure = DrawDom.create("figure", "draw-layer");
            HTMLCanvasElement canvas = (HTMLCanvasElement) DrawDom.create("canvas", "pixelated draw-layer-cells");
            canvas.setAttribute("role", "img");
            HTMLElement caption = DrawDom.create("figcaption", null);
            figure.appendChild(canvas);
            figure.appendChild(caption);
            container.appendChild(figure);
            layers.add(new Layer(figure, canvas, caption));
        }
        return layers.get(h);
    }
}

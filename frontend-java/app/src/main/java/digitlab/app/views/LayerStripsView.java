package digitlab.app.views;

import digitlab.core.nn.Shape;
import digitlab.core.view.ActivationStrip;
import digitlab.core.view.Format;
import digitlab.core.view.LayerOutline;
import digitlab.core.view.MapGrid;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Every hidden layer's values for one input, built inside a container as
 * {@code <figure class="PREFIX-layer" data-kind="…" data-layer="l" data-shape="CxHxW"><canvas
 * class="pixelated PREFIX-cells|PREFIX-maps"><figcaption>}: a dense layer as a strip of coloured cells, one
 * per unit ({@link ActivationStrip}); a convolution or pool as its feature maps, one small image per
 * channel in a grid ({@link MapGrid}, one colour scale for the layer; the figure also gets
 * {@code data-maps}). Orange is positive, blue negative. Used for a test image going through the network
 * and for a drawn digit. Pixel buffers are reused while a layer's shape stays the same.
 */
public final class LayerStripsView {
    private static final int MAX_COLUMNS = 32;
    private static final int MAX_MAP_COLUMNS = 8;
    private static final int MAX_MAP_SCALE = 12;
    private static final int GAP = 1;

    private final HTMLElement container;
    private final String classPrefix;
    private final int cell;
    private final int mapSide;
    private final List<Layer> layers = new ArrayList<>();

    private static final class Layer extends CaptionedCanvas {
        ActivationStrip strip;
        MapGrid maps;
        Shape shape;
        byte[] rgba;

        Layer(HTMLElement container, String figureClass, String canvasClass) {
            super(container, figureClass, canvasClass);
        }
    }

    /**
     * @param classPrefix CSS class prefix, e.g. "act" gives {@code act-layer} and {@code act-cells}
     * @param cell side of one unit's cell in pixels
     * @param mapSide about how many pixels a side of a feature map gets
     */
    public LayerStripsView(HTMLElement container, String classPrefix, int cell, int mapSide) {
        this.container = container;
        this.classPrefix = classPrefix;
        this.cell = cell;
        this.mapSide = mapSide;
    }

    /**
     * Shows every hidden layer.
     *
     * @param outline the layers' kinds and shapes, input first, output last
     * @param activations the hidden layers' values one after another, the first at {@code offset}
     * @return the offset just after the last hidden layer (where the output layer starts)
     */
    public int show(LayerOutline outline, float[] activations, int offset) {
        int hidden = Math.max(0, outline.layerCount() - 2);
        for (int h = 0; h < hidden; h++) {
            int l = h + 1;
            Shape shape = outline.shape(l);
            Layer layer = layer(h);
            boolean maps = outline.showsMaps(l);
            if (!shape.equals(layer.shape) || maps != (layer.maps != null)) {
                layer.shape = shape;
                layer.strip = maps ? null : new ActivationStrip(shape.size(), MAX_COLUMNS, cell, GAP);
                layer.maps = maps ? MapGrid.featureMaps(shape, mapSide, MAX_MAP_COLUMNS, MAX_MAP_SCALE, GAP) : null;
                layer.rgba = maps ? layer.maps.newBuffer() : layer.strip.newBuffer();
                layer.canvas.setClassName("pixelated " + classPrefix + (maps ? "-maps" : "-cells"));
                layer.figure.setAttribute("data-kind", outline.kind(l).name().toLowerCase());
                layer.figure.setAttribute("data-layer", String.valueOf(l));
                layer.figure.setAttribute("data-shape", shape.toString());
                if (maps) {
                    layer.figure.setAttribute("data-maps", String.valueOf(shape.channels()));
                } else {
                    layer.figure.removeAttribute("data-maps");
                }
            }
            String text;
            if (maps) {
                layer.maps.paint(activations, offset, shape.channels(), 1, layer.rgba);
                layer.picture.put(layer.rgba, layer.maps.width(), layer.maps.height());
                String scale = Format.significant(layer.maps.lastScale(), 3);
                text = outline.caption(l) + ", full colour at \u00b1" + scale;
                layer.canvas.setAttribute(
                        "aria-label",
                        "Layer " + l + ", " + outline.caption(l) + ": " + shape.channels() + " feature maps of "
                                + shape.height() + " by " + shape.width() + ", full colour at \u00b1" + scale);
            } else {
                double scale = layer.strip.paint(activations, offset, layer.rgba);
                layer.picture.put(layer.rgba, layer.strip.width(), layer.strip.height());
                int size = shape.size();
                int active = 0;
                for (int u = 0; u < size; u++) {
                    if (activations[offset + u] > 0.5 * scale) {
                        active++;
                    }
                }
                text = "Hidden layer " + l + ": " + size + " units, full colour at \u00b1"
                        + Format.significant(scale, 3);
                layer.canvas.setAttribute("aria-label", text + "; " + active + " units above half of that");
            }
            layer.caption.setTextContent(text);
            layer.figure.setHidden(false);
            offset += shape.size();
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
            layers.add(new Layer(container, classPrefix + "-layer", classPrefix + "-cells"));
        }
        return layers.get(h);
    }
}

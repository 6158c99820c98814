package digitlab.app.views;

import digitlab.app.browser.Dom;
import digitlab.core.view.MapGrid;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The learned filters of every convolution, live while training: per convolution one picture of its
 * filters ({@link MapGrid}: a {@code k x k} image per filter and input channel, a filter's channels in a
 * row, each filter at its own contrast, orange positive, blue negative). A network without convolutions
 * shows a sentence instead.
 *
 * <p>Built inside the given container ({@code #filters}), which carries {@code data-layers} (each
 * convolution as {@code filters x channels x kernel x kernel}, comma-separated; empty without any):
 * <pre>
 * &lt;p class="filters-empty"&gt;This network has no convolutions…
 * &lt;figure class="filter-layer" data-layer="1" data-filters="8" data-channels="1" data-kernel="5" data-checksum="…"&gt;
 *   &lt;canvas class="pixelated filter-grid" role="img"&gt;&lt;figcaption&gt;Layer 1: 8 filters of 5x5…
 * </pre>
 * Pixel buffers are reused while a layer's shape stays the same.
 */
public final class FiltersView {
    private static final int MAX_MAPS = 1024;
    private static final int MAX_COLUMNS = 16;
    private static final int MAX_WIDTH = 480;
    private static final int MAX_SCALE = 6;
    private static final int GAP = 2;

    private final HTMLElement container;
    private final HTMLElement empty;
    private final List<Layer> layers = new ArrayList<>();
    private String shapes = "";

    private static final class Layer extends CaptionedCanvas {
        MapGrid grid;
        byte[] rgba;
        int filters;
        int channels;

        Layer(HTMLElement container, String figureClass, String canvasClass) {
            super(container, figureClass, canvasClass);
        }
    }

    /** @param container an empty element to build the view in */
    public FiltersView(HTMLElement container) {
        this.container = container;
        empty = Dom.text(
                "p",
                "filters-empty hint",
                "This network has no convolutional layers. Add one (e.g. layers 784,c8k5,p2,10) to see its"
                        + " filters here.");
        container.appendChild(empty);
        container.setAttribute("data-layers", "");
    }

    /**
     * Shows the filters.
     *
     * @param filterShapes four ints per convolution: layer, filters, input channels, kernel side
     * @param weights the convolutions' filters one after another (as the worker's filters report)
     */
    public void show(int[] filterShapes, float[] weights) {
        int count = filterShapes.length / 4;
        StringBuilder text = new StringBuilder();
        int at = 0;
        for (int c = 0; c < count; c++) {
            int l = filterShapes[4 * c];
            int filters = filterShapes[4 * c + 1];
            int channels = filterShapes[4 * c + 2];
            int kernel = filterShapes[4 * c + 3];
            text.append(c == 0 ? "" : ",")
                    .append(filters)
                    .append('x')
                    .append(channels)
                    .append('x')
                    .append(kernel)
                    .append('x')
                    .append(kernel);
            Layer layer = layer(c);
            if (layer.grid == null
                    || layer.filters != filters
                    || layer.grid.mapWidth() != kernel
                    || layer.channels != channels) {
                layer.grid =
                        MapGrid.filters(filters, channels, kernel, MAX_MAPS, MAX_COLUMNS, MAX_WIDTH, MAX_SCALE, GAP);
                layer.rgba = layer.grid.newBuffer();
                layer.filters = filters;
                layer.channels = channels;
                int shown = layer.grid.maps() / channels;
                layer.figure.setAttribute("data-filters", String.valueOf(filters));
                layer.figure.setAttribute("data-shown", String.valueOf(shown));
                layer.figure.setAttribute("data-channels", String.valueOf(channels));
                layer.figure.setAttribute("data-kernel", String.valueOf(kernel));
                String what = (shown < filters ? "the first " + shown + " of " : "") + filters + " filters of " + kernel
                        + "\u00d7" + kernel + " on " + channels + (channels == 1 ? " channel" : " channels");
                layer.caption.setTextContent("Layer " + l + ": " + what);
                layer.canvas.setAttribute(
                        "aria-label",
                        "Convolution filters of layer " + l + ": " + what
                                + (channels > 1 ? ", a row of input channels per filter" : "")
                                + "; orange weights raise the filter's output, blue ones lower it.");
            }
            layer.figure.setAttribute("data-layer", String.valueOf(l));
            int checksum = layer.grid.paint(weights, at, channels, 0, layer.rgba);
            layer.picture.put(layer.rgba, layer.grid.width(), layer.grid.height());
            layer.figure.setAttribute("data-checksum", Integer.toHexString(checksum));
            layer.figure.setHidden(false);
            at += filters * channels * kernel * kernel;
        }
        for (int c = count; c < layers.size(); c++) {
            layers.get(c).figure.setHidden(true);
        }
        empty.setHidden(count > 0);
        String now = text.toString();
        if (!now.equals(shapes)) {
            shapes = now;
            container.setAttribute("data-layers", now);
        }
    }

    private Layer layer(int c) {
        while (layers.size() <= c) {
            layers.add(new Layer(container, "filter-layer", "filter-grid"));
        }
        return layers.get(c);
    }
}

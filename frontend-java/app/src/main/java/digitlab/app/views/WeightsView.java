package digitlab.app.views;

import digitlab.app.browser.CanvasPicture;
import digitlab.app.browser.Dom;
import digitlab.core.view.MapGrid;
import digitlab.core.view.WeightMosaic;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * The {@code <canvas id="weights" class="pixelated">}: the first layer's weights. For a dense first layer,
 * a mosaic of 28x28 images, one per hidden unit (see {@link WeightMosaic}: per-unit contrast, orange
 * positive, blue negative), the first {@link #MAX_CELLS} units of wider layers. For a convolution, its
 * filters as small {@code k x k} images ({@link MapGrid}): every filter, every input channel, each filter
 * at its own contrast.
 *
 * <p>After each {@link #show} the canvas carries {@code data-kind} ("dense" or "conv"), {@code data-picture}
 * (the side of one picture, e.g. "28x28" or "5x5"), {@code data-units} (units or filters in the layer),
 * {@code data-shown} (units painted), {@code data-checksum} (a hash of the painted picture, so a test can
 * see the weights change between two moments) and an {@code aria-label}; hovering a cell sets the canvas
 * title to the unit's number. The pixel buffer is reused while the layer's shape stays the same.
 */
public final class WeightsView {
    /** Most units (dense) or filter pictures (convolution) painted. */
    public static final int MAX_CELLS = 256;

    private static final int MAX_WIDTH = 640;
    private static final int MAX_SCALE = 3;
    private static final int MAX_FILTER_SCALE = 12;
    private static final int MAX_FILTER_COLUMNS = 16;
    private static final int GAP = 2;

    private final HTMLCanvasElement canvas;
    private final CanvasPicture picture;
    private WeightMosaic mosaic;
    private MapGrid filters;
    private int channels;
    private int filterUnits;
    private byte[] rgba;
    private int inputs;

    public WeightsView(HTMLCanvasElement canvas) {
        this.canvas = canvas;
        this.picture = new CanvasPicture(canvas);
        canvas.setAttribute("role", "img");
        canvas.setAttribute("data-units", "0");
        canvas.setAttribute("data-checksum", "0");
        canvas.setAttribute("aria-label", "First-layer weights (none yet)");
        canvas.onMouseMove(event -> {
            double cssWidth = Dom.renderedWidth(canvas);
            if (cssWidth <= 0 || (mosaic == null && filters == null)) {
                return;
            }
            int width = mosaic != null ? mosaic.width() : filters.width();
            double toPicture = width / cssWidth;
            int x = (int) (Dom.pointerX(event, canvas) * toPicture);
            int y = (int) (Dom.pointerY(event, canvas) * toPicture);
            if (mosaic != null) {
                int unit = mosaic.unitAt(x, y);
                canvas.setAttribute("title", unit < 0 ? "" : "hidden unit " + unit);
            } else {
                int map = filters.mapAt(x, y);
                canvas.setAttribute(
                        "title", map < 0 ? "" : "filter " + map / channels + ", input channel " + map % channels);
            }
        });
    }

    /**
     * Paints the weights.
     *
     * @param weights at least {@code units * inputs} floats: unit {@code j}'s incoming weights at
     *     {@code j * inputs} (as {@code Network.copyFirstLayerWeights} lays them out)
     * @param units hidden units (or filters) in the first layer; 0 if it has no weights (a pool)
     * @param inputs inputs per unit; for a dense layer a square (784 = 28x28)
     * @param kernel 0 for a dense layer, else the side of the convolution's filters
     * @param channels input channels of a filter (1 for a dense layer)
     */
    public void show(float[] weights, int units, int inputs, int kernel, int channels) {
        if (units == 0) {
            mosaic = null;
            filters = null;
            picture.put(new byte[4], 1, 1);
            canvas.setAttribute("data-units", "0");
            canvas.setAttribute("data-kind", "none");
            canvas.setAttribute("aria-label", "The first layer has no weights");
            return;
        }
        if (kernel > 0) {
            showFilters(weights, units, kernel, channels);
            return;
        }
        int side = WeightMosaic.squareSide(inputs);
        if (side < 0) {
            throw new IllegalArgumentException(inputs + " inputs do not form a square image");
        }
        filters = null;
        if (mosaic == null || mosaic.units() != units || this.inputs != inputs) {
            int shown = Math.min(units, MAX_CELLS);
            int columns = WeightMosaic.columnsFor(shown);
            int scale = WeightMosaic.scaleToFit(columns, side, GAP, MAX_WIDTH, MAX_SCALE);
            mosaic = new WeightMosaic(units, side, scale, GAP, MAX_CELLS);
            rgba = mosaic.newBuffer();
            this.inputs = inputs;
            canvas.setAttribute("data-kind", "dense");
            canvas.removeAttribute("data-channels");
            canvas.setAttribute("data-picture", side + "x" + side);
            canvas.setAttribute("data-units", String.valueOf(units));
            canvas.setAttribute("data-shown", String.valueOf(mosaic.shown()));
            canvas.setAttribute(
                    "aria-label",
                    "First-layer weights of "
                            + (mosaic.shown() < units ? "the first " + mosaic.shown() + " of " : "") + units
                            + " hidden units, each drawn as a " + side + " by " + side
                            + " image: orange where a pixel's ink raises the unit's input, blue where it lowers it.");
        }
        int checksum = mosaic.paint(weights, rgba);
        picture.put(rgba, mosaic.width(), mosaic.height());
        canvas.setAttribute("data-checksum", Integer.toHexString(checksum));
    }

    private void showFilters(float[] weights, int units, int kernel, int channels) {
        mosaic = null;
        int inputs = channels * kernel * kernel;
        if (filters == null || this.inputs != inputs || filterUnits != units) {
            filters = MapGrid.filters(
                    units, channels, kernel, MAX_CELLS, MAX_FILTER_COLUMNS, MAX_WIDTH, MAX_FILTER_SCALE, GAP);
            rgba = filters.newBuffer();
            this.inputs = inputs;
            this.channels = channels;
            filterUnits = units;
            int shown = filters.maps() / channels;
            canvas.setAttribute("data-kind", "conv");
            canvas.setAttribute("data-picture", kernel + "x" + kernel);
            canvas.setAttribute("data-units", String.valueOf(units));
            canvas.setAttribute("data-shown", String.valueOf(shown));
            canvas.setAttribute("data-channels", String.valueOf(channels));
            canvas.setAttribute(
                    "aria-label",
                    "First-layer filters: " + (shown < units ? "the first " + shown + " of " : "") + units
                            + " filters of " + kernel + " by " + kernel
                            + (channels > 1 ? " on " + channels + " input channels, a row of channels per filter" : "")
                            + ", each at its own contrast: orange where ink under the filter raises its"
                            + " output, blue where it lowers it.");
        }
        int checksum = filters.paint(weights, 0, channels, 0, rgba);
        picture.put(rgba, filters.width(), filters.height());
        canvas.setAttribute("data-checksum", Integer.toHexString(checksum));
    }
}

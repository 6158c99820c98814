package digitlab.app.views;

import digitlab.app.browser.Canvases;
import digitlab.app.browser.Dom;
import digitlab.core.view.WeightMosaic;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * The {@code <canvas id="weights" class="pixelated">}: the first layer's weights as a mosaic of 28x28
 * images, one per hidden unit (see {@link WeightMosaic}: per-unit contrast, orange positive, blue
 * negative), the first {@link #MAX_CELLS} units of wider layers.
 *
 * <p>After each {@link #show} the canvas carries {@code data-units} (units in the layer), {@code data-shown}
 * (units painted), {@code data-checksum} (a hash of the painted picture, so a test can see the weights
 * change between two moments) and an {@code aria-label}; hovering a cell sets the canvas title to the
 * unit's number. The pixel buffer is reused while the layer size stays the same.
 */
public final class WeightsView {
    /** Most units painted. */
    public static final int MAX_CELLS = 256;

    private static final int MAX_WIDTH = 640;
    private static final int MAX_SCALE = 3;
    private static final int GAP = 2;

    private final HTMLCanvasElement canvas;
    private WeightMosaic mosaic;
    private byte[] rgba;
    private int inputs;

    public WeightsView(HTMLCanvasElement canvas) {
        this.canvas = canvas;
        canvas.setAttribute("role", "img");
        canvas.setAttribute("data-units", "0");
        canvas.setAttribute("data-checksum", "0");
        canvas.setAttribute("aria-label", "First-layer weights (none yet)");
        canvas.onMouseMove(event -> {
            if (mosaic == null) {
                return;
            }
            double cssWidth = Dom.renderedWidth(canvas);
            if (cssWidth <= 0) {
                return;
            }
            double toPicture = mosaic.width() / cssWidth;
            int unit = mosaic.unitAt(
                    (int) (Dom.pointerX(event, canvas) * toPicture), (int) (Dom.pointerY(event, canvas) * toPicture));
            canvas.setAttribute("title", unit < 0 ? "" : "hidden unit " + unit);
        });
    }

    /**
     * Paints the weights.
     *
     * @param weights at least {@code units * inputs} floats: unit {@code j}'s incoming weights at
     *     {@code j * inputs} (as {@code Network.copyFirstLayerWeights} lays them out)
     * @param units hidden units in the first layer
     * @param inputs inputs per unit; must be a square (784 = 28x28)
     */
    public void show(float[] weights, int units, int inputs) {
        int side = WeightMosaic.squareSide(inputs);
        if (side < 0) {
            throw new IllegalArgumentException(inputs + " inputs do not form a square image");
        }
        if (mosaic == null || mosaic.units() != units || this.inputs != inputs) {
            int shown = Math.min(units, MAX_CELLS);
            int columns = WeightMosaic.columnsFor(shown);
            int scale = WeightMosaic.scaleToFit(columns, side, GAP, MAX_WIDTH, MAX_SCALE);
            mosaic = new WeightMosaic(units, side, scale, GAP, MAX_CELLS);
            rgba = mosaic.newBuffer();
            this.inputs = inputs;
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
        Canvases.putRgba(canvas, rgba, mosaic.width(), mosaic.height());
        canvas.setAttribute("data-checksum", Integer.toHexString(checksum));
    }
}

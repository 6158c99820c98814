package digitlab.app.page;

import digitlab.app.browser.Canvases;
import digitlab.app.browser.Theme;
import digitlab.core.data.Digits;
import digitlab.core.view.DigitGrid;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * The {@code #sample-grid} canvas: training digits (100 in 10 columns, fewer and larger on a phone), each with its label in the top-left corner and,
 * once the network has looked at them, its prediction in the bottom-right (green if right, red if wrong).
 */
final class SampleGridView {
    static final int COLUMNS = 10;
    private static final int SCALE = 2;
    private static final int GAP = 2;
    private final String labelColor = Theme.color(Theme.ACCENT);
    private final String rightColor = Theme.color(Theme.OK);
    private final String wrongColor = Theme.color(Theme.BAD);

    private final HTMLCanvasElement canvas;
    private final int columns;
    private Digits digits;
    private int[] indices;
    private DigitGrid grid;
    private byte[] rgba;

    SampleGridView(HTMLCanvasElement canvas, int columns) {
        this.canvas = canvas;
        this.columns = columns;
    }

    /** The images shown, as indices into the training set. */
    int[] indices() {
        return indices;
    }

    /** Draws the images at {@code indices} (at most 100) and records what it drew on the element. */
    void show(Digits digits, int[] indices) {
        this.digits = digits;
        this.indices = indices;
        int rows = (indices.length + columns - 1) / columns;
        grid = new DigitGrid(columns, Math.max(rows, 1), digits.rows(), SCALE, GAP);
        rgba = grid.newBuffer();
        grid.paint(digits, indices, rgba);
        paint(null);
    }

    /** Adds the network's prediction for each image, in the order of {@link #indices()}. */
    void showPredictions(int[] predicted) {
        if (digits == null || predicted.length != indices.length) {
            return;
        }
        paint(predicted);
    }

    private void paint(int[] predicted) {
        Canvases.putRgba(canvas, rgba, grid.width(), grid.height());
        CanvasRenderingContext2D context = Canvases.context2d(canvas);
        context.setFont("bold 13px system-ui, sans-serif");
        StringBuilder labels = new StringBuilder();
        StringBuilder predictions = new StringBuilder();
        int right = 0;
        int cellSide = digits.rows() * SCALE;
        for (int cell = 0; cell < indices.length; cell++) {
            int label = digits.label(indices[cell]);
            context.setTextBaseline("top");
            context.setFillStyle(labelColor);
            context.fillText(String.valueOf(label), grid.cellX(cell) + 3, grid.cellY(cell) + 2);
            labels.append(cell == 0 ? "" : ",").append(label);
            if (predicted != null) {
                boolean correct = predicted[cell] == label;
                right += correct ? 1 : 0;
                context.setTextBaseline("bottom");
                context.setFillStyle(correct ? rightColor : wrongColor);
                context.fillText(
                        String.valueOf(predicted[cell]),
                        grid.cellX(cell) + cellSide - 10,
                        grid.cellY(cell) + cellSide - 1);
                predictions.append(cell == 0 ? "" : ",").append(predicted[cell]);
            }
        }
        canvas.setAttribute("data-count", String.valueOf(indices.length));
        canvas.setAttribute("data-labels", labels.toString());
        String description = indices.length + " training digits with labels " + labels;
        if (predicted != null) {
            canvas.setAttribute("data-predictions", predictions.toString());
            description += "; the network gets " + right + " of " + indices.length + " right";
        }
        canvas.setAttribute("aria-label", description);
    }
}

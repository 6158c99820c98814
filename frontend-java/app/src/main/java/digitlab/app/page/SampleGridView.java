package digitlab.app.page;

import digitlab.app.browser.Canvases;
import digitlab.core.data.Digits;
import digitlab.core.view.DigitGrid;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/** The {@code #sample-grid} canvas: 100 training digits, each with its label in the corner. */
final class SampleGridView {
    private static final int COLUMNS = 10;
    private static final int SCALE = 2;
    private static final int GAP = 2;

    private final HTMLCanvasElement canvas;

    SampleGridView(HTMLCanvasElement canvas) {
        this.canvas = canvas;
    }

    /** Draws the images at {@code indices} (at most 100) and records what it drew on the element. */
    void show(Digits digits, int[] indices) {
        int rows = (indices.length + COLUMNS - 1) / COLUMNS;
        DigitGrid grid = new DigitGrid(COLUMNS, Math.max(rows, 1), digits.rows(), SCALE, GAP);
        byte[] rgba = grid.newBuffer();
        grid.paint(digits, indices, rgba);
        Canvases.putRgba(canvas, rgba, grid.width(), grid.height());

        CanvasRenderingContext2D context = Canvases.context2d(canvas);
        context.setFont("bold 13px system-ui, sans-serif");
        context.setTextBaseline("top");
        StringBuilder labels = new StringBuilder();
        for (int cell = 0; cell < indices.length; cell++) {
            String label = String.valueOf(digits.label(indices[cell]));
            context.setFillStyle("#ffb454");
            context.fillText(label, grid.cellX(cell) + 3, grid.cellY(cell) + 2);
            labels.append(cell == 0 ? "" : ",").append(label);
        }
        canvas.setAttribute("data-count", String.valueOf(indices.length));
        canvas.setAttribute("data-labels", labels.toString());
        canvas.setAttribute("aria-label", indices.length + " training digits with labels " + labels);
    }
}

package digitlab.app.views;

import digitlab.app.browser.Dom;
import digitlab.core.data.Mnist;
import digitlab.core.view.ConfusionMatrix;
import digitlab.core.view.Format;
import digitlab.core.view.Palette;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The 10x10 confusion matrix as an HTML table built once and updated in place: rows are the true digit,
 * columns the predicted one; each cell is a button (so it is keyboard-focusable and Enter or Space
 * activate it) showing the count, coloured as {@link ConfusionMatrix#colour} says (blue = correct, share
 * of the row; orange = mistakes, brightest for the most frequent confusion).
 * Activating an off-diagonal cell calls the {@link CellListener} with (true, predicted) and marks that
 * cell {@code aria-pressed="true"}.
 *
 * <pre>
 * &lt;table class="confusion" data-total="10000" data-correct="9712"&gt;
 *   &lt;caption class="confusion-caption"&gt;…&lt;/caption&gt;
 *   &lt;thead&gt;&lt;tr&gt;&lt;th class="confusion-corner"&gt;…&lt;/th&gt;&lt;th scope="col"&gt;0&lt;/th&gt;…
 *   &lt;tbody&gt;&lt;tr&gt;&lt;th scope="row"&gt;0&lt;/th&gt;
 *     &lt;td&gt;&lt;button type="button" class="confusion-cell [is-diagonal]" data-true="0" data-predicted="1"
 *        aria-label="true 0, predicted 1: 3 images"&gt;3&lt;/button&gt;&lt;/td&gt; …
 * </pre>
 */
public final class ConfusionView {
    /** Receives the cell the user chose. */
    public interface CellListener {
        void cellChosen(int trueClass, int predicted);
    }

    private static final int CLASSES = Mnist.CLASSES;

    private final HTMLElement table;
    private final HTMLElement caption;
    private final HTMLElement[] cells = new HTMLElement[CLASSES * CLASSES];
    private final ConfusionMatrix matrix = new ConfusionMatrix(CLASSES);
    private final CellListener listener;
    private int selected = -1;

    /**
     * @param container an empty element to build the table in
     * @param listener called when an off-diagonal cell is clicked or activated by keyboard
     */
    public ConfusionView(HTMLElement container, CellListener listener) {
        this.listener = listener;
        table = Dom.create("table", "confusion");
        caption = Dom.text(
                "caption", "confusion-caption", "Rows: true digit. Columns: predicted digit. No evaluation yet.");
        table.appendChild(caption);
        HTMLElement head = Dom.create("thead", null);
        HTMLElement headRow = Dom.create("tr", null);
        HTMLElement corner = Dom.text("th", "confusion-corner", "true \u2193 predicted \u2192");
        corner.setAttribute("scope", "col");
        headRow.appendChild(corner);
        for (int p = 0; p < CLASSES; p++) {
            HTMLElement th = Dom.text("th", null, String.valueOf(p));
            th.setAttribute("scope", "col");
            headRow.appendChild(th);
        }
        head.appendChild(headRow);
        table.appendChild(head);
        HTMLElement body = Dom.create("tbody", null);
        for (int t = 0; t < CLASSES; t++) {
            HTMLElement row = Dom.create("tr", null);
            HTMLElement th = Dom.text("th", null, String.valueOf(t));
            th.setAttribute("scope", "row");
            row.appendChild(th);
            for (int p = 0; p < CLASSES; p++) {
                HTMLElement td = Dom.create("td", null);
                HTMLElement cell = Dom.create("button", t == p ? "confusion-cell is-diagonal" : "confusion-cell");
                cell.setAttribute("type", "button");
                cell.setAttribute("data-true", String.valueOf(t));
                cell.setAttribute("data-predicted", String.valueOf(p));
                if (t != p) {
                    cell.setAttribute("aria-pressed", "false");
                    int trueClass = t;
                    int predicted = p;
                    cell.onClick(event -> choose(trueClass, predicted));
                }
                td.appendChild(cell);
                row.appendChild(td);
                cells[t * CLASSES + p] = cell;
            }
            body.appendChild(row);
        }
        table.appendChild(body);
        container.appendChild(table);
        show(new int[CLASSES * CLASSES]);
    }

    /** Shows 100 counts, row by row (true digit), as the worker's evaluation report carries them. */
    public void show(int[] counts) {
        matrix.set(counts, 0);
        for (int t = 0; t < CLASSES; t++) {
            for (int p = 0; p < CLASSES; p++) {
                HTMLElement cell = cells[t * CLASSES + p];
                int count = matrix.count(t, p);
                int colour = matrix.colour(t, p);
                cell.setTextContent(String.valueOf(count));
                Dom.style(cell, "background-color", Palette.css(colour));
                Dom.style(cell, "color", Palette.css(Palette.textOn(colour)));
                cell.setAttribute(
                        "aria-label",
                        "true " + t + ", predicted " + p + ": " + count
                                + (count == 1 ? " image" : " images")
                                + (matrix.rowTotal(t) > 0
                                        ? " (" + Format.percent(matrix.rowFraction(t, p), 1) + " of the " + t + "s)"
                                        : ""));
            }
        }
        int total = matrix.total();
        table.setAttribute("data-total", String.valueOf(total));
        table.setAttribute("data-correct", String.valueOf(matrix.correct()));
        caption.setTextContent("Rows: true digit. Columns: predicted digit. "
                + (total == 0
                        ? "No evaluation yet."
                        : matrix.correct() + " of " + total + " right (" + Format.percent(matrix.accuracy())
                                + "). Choose a cell off the diagonal to see those mistakes."));
    }

    /** Marks cell (true, predicted) as chosen without calling the listener; (-1, -1) unmarks. */
    public void select(int trueClass, int predicted) {
        if (selected >= 0) {
            cells[selected].setAttribute("aria-pressed", "false");
        }
        selected = trueClass < 0 || predicted < 0 || trueClass == predicted ? -1 : trueClass * CLASSES + predicted;
        if (selected >= 0) {
            cells[selected].setAttribute("aria-pressed", "true");
        }
    }

    /** The counts last shown. */
    public ConfusionMatrix matrix() {
        return matrix;
    }

    private void choose(int trueClass, int predicted) {
        select(trueClass, predicted);
        listener.cellChosen(trueClass, predicted);
    }
}

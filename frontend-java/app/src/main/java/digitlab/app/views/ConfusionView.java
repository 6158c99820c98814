package digitlab.app.views;

import digitlab.app.browser.Dom;
import digitlab.core.data.Mnist;
import digitlab.core.view.ConfusionMatrix;
import digitlab.core.view.Format;
import digitlab.core.view.GridKeys;
import digitlab.core.view.Palette;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The 10x10 confusion matrix as an ARIA grid built once and updated in place: rows are the true digit,
 * columns the predicted one; each cell shows the count, coloured as {@link ConfusionMatrix#colour} says
 * (blue = correct, share of the row; orange = mistakes, brightest for the most frequent confusion).
 * The grid is one Tab stop (a roving tabindex): the arrow keys, Home and End move the active cell as
 * {@link GridKeys} says. Clicking an off-diagonal cell, or Enter or Space on it, calls the
 * {@link CellListener} with (true, predicted) and marks that cell {@code aria-selected="true"}.
 *
 * <pre>
 * &lt;table class="confusion" role="grid" aria-label="…" data-total="10000" data-correct="9712"&gt;
 *   &lt;caption class="confusion-caption"&gt;…&lt;/caption&gt;
 *   &lt;thead&gt;&lt;tr&gt;&lt;th class="confusion-corner"&gt;…&lt;/th&gt;&lt;th scope="col"&gt;0&lt;/th&gt;…
 *   &lt;tbody&gt;&lt;tr&gt;&lt;th scope="row"&gt;0&lt;/th&gt;
 *     &lt;td role="gridcell" class="confusion-cell [is-diagonal]" tabindex="0|-1" data-true="0" data-predicted="1"
 *        aria-selected="false" aria-label="true 0, predicted 1: 3 images"&gt;&lt;span class="confusion-count"&gt;3&lt;/span&gt;&lt;/td&gt; …
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
    private final HTMLElement[] countTexts = new HTMLElement[CLASSES * CLASSES];
    private final ConfusionMatrix matrix = new ConfusionMatrix(CLASSES);
    private final CellListener listener;
    private int selected = -1;
    /** The cell that holds the grid's one Tab stop. */
    private int active;

    /**
     * @param container an empty element to build the table in
     * @param listener called when an off-diagonal cell is clicked or activated by keyboard
     */
    public ConfusionView(HTMLElement container, CellListener listener) {
        this.listener = listener;
        table = Dom.create("table", "confusion");
        table.setAttribute("role", "grid");
        table.setAttribute("aria-label", "Confusion matrix: rows true digit, columns predicted digit");
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
                int index = t * CLASSES + p;
                HTMLElement cell = Dom.create("td", t == p ? "confusion-cell is-diagonal" : "confusion-cell");
                cell.setAttribute("role", "gridcell");
                cell.setAttribute("tabindex", index == active ? "0" : "-1");
                cell.setAttribute("data-true", String.valueOf(t));
                cell.setAttribute("data-predicted", String.valueOf(p));
                if (t != p) {
                    cell.setAttribute("aria-selected", "false");
                }
                cell.onClick(event -> {
                    moveTo(index, false);
                    choose(index);
                });
                HTMLElement count = Dom.create("span", "confusion-count");
                cell.appendChild(count);
                row.appendChild(cell);
                cells[index] = cell;
                countTexts[index] = count;
            }
            body.appendChild(row);
        }
        table.appendChild(body);
        table.addEventListener("keydown", (EventListener<KeyboardEvent>) this::keyDown);
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
                countTexts[t * CLASSES + p].setTextContent(String.valueOf(count));
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
            cells[selected].setAttribute("aria-selected", "false");
        }
        selected = trueClass < 0 || predicted < 0 || trueClass == predicted ? -1 : trueClass * CLASSES + predicted;
        if (selected >= 0) {
            cells[selected].setAttribute("aria-selected", "true");
        }
    }

    /** The counts last shown. */
    public ConfusionMatrix matrix() {
        return matrix;
    }

    /** Enter or Space choose the active cell; the navigation keys move it. */
    private void keyDown(KeyboardEvent event) {
        String key = event.getKey();
        if ("Enter".equals(key) || " ".equals(key)) {
            event.preventDefault();
            choose(active);
            return;
        }
        int next = GridKeys.next(key, event.isCtrlKey() || event.isMetaKey(), active, CLASSES, CLASSES);
        if (next != GridKeys.NOT_A_MOVE) {
            event.preventDefault();
            moveTo(next, true);
        }
    }

    /** Gives cell {@code index} the grid's Tab stop, and the focus if {@code focus}. */
    private void moveTo(int index, boolean focus) {
        cells[active].setAttribute("tabindex", "-1");
        active = index;
        cells[active].setAttribute("tabindex", "0");
        if (focus) {
            cells[active].focus();
        }
    }

    /** A mistake cell shows its mistakes; a diagonal cell (the right answers) has none to show. */
    private void choose(int index) {
        int trueClass = index / CLASSES;
        int predicted = index % CLASSES;
        if (trueClass == predicted) {
            return;
        }
        select(trueClass, predicted);
        listener.cellChosen(trueClass, predicted);
    }
}

package digitlab.app.views;

import digitlab.app.browser.Dom;
import digitlab.core.data.Mnist;
import digitlab.core.nn.Scores;
import digitlab.core.view.Format;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Ten horizontal bars, one per digit, with the digit and its probability as text; the most likely digit
 * is highlighted ({@code is-top}) and, if given, the true label is marked ({@code is-true}).
 *
 * <p>Built once inside the given container, then updated in place (a width style and a text per row):
 * <pre>
 * &lt;ol class="prob-bars" aria-label="Prediction: 4 (87.1%)"&gt;
 *   &lt;li class="prob-row [is-top] [is-true]" data-digit="0"&gt;
 *     &lt;span class="prob-digit"&gt;0&lt;/span&gt;
 *     &lt;span class="prob-track"&gt;&lt;span class="prob-fill" style="width: 1.2%"&gt;&lt;/span&gt;&lt;/span&gt;
 *     &lt;span class="prob-value"&gt;1.2%&lt;/span&gt;
 *   &lt;/li&gt; …
 * </pre>
 * The container gets {@code data-top} (the predicted digit, -1 when cleared).
 */
public final class ProbabilityBars {
    /** Classes (rows). */
    private static final int CLASSES = Mnist.CLASSES;

    private final HTMLElement container;
    private final HTMLElement list;
    private final HTMLElement[] rows = new HTMLElement[CLASSES];
    private final HTMLElement[] fills = new HTMLElement[CLASSES];
    private final HTMLElement[] values = new HTMLElement[CLASSES];
    private int top = -1;

    public ProbabilityBars(HTMLElement container) {
        this.container = container;
        list = Dom.create("ol", "prob-bars");
        for (int d = 0; d < CLASSES; d++) {
            HTMLElement row = Dom.create("li", "prob-row");
            row.setAttribute("data-digit", String.valueOf(d));
            row.appendChild(Dom.text("span", "prob-digit", String.valueOf(d)));
            HTMLElement track = Dom.create("span", "prob-track");
            track.setAttribute("aria-hidden", "true");
            HTMLElement fill = Dom.create("span", "prob-fill");
            track.appendChild(fill);
            row.appendChild(track);
            HTMLElement value = Dom.create("span", "prob-value");
            row.appendChild(value);
            list.appendChild(row);
            rows[d] = row;
            fills[d] = fill;
            values[d] = value;
        }
        container.appendChild(list);
        clear();
    }

    /**
     * Shows {@code probabilities[offset..offset+10)} (each 0..1).
     *
     * @param trueLabel the correct digit to mark, or -1
     */
    public void show(float[] probabilities, int offset, int trueLabel) {
        top = Scores.argmax(probabilities, offset, CLASSES);
        for (int d = 0; d < CLASSES; d++) {
            double p = probabilities[offset + d];
            double clamped = Double.isNaN(p) ? 0 : Math.max(0, Math.min(1, p));
            Dom.style(fills[d], "width", Format.fixed(clamped * 100, 2) + "%");
            values[d].setTextContent(Format.percent(p, 1));
            rows[d].setClassName("prob-row" + (d == top ? " is-top" : "") + (d == trueLabel ? " is-true" : ""));
        }
        String label = "Prediction: " + top + " (" + Format.percent(probabilities[offset + top], 1) + ")"
                + (trueLabel >= 0 ? ", true digit " + trueLabel : "");
        list.setAttribute("aria-label", label);
        container.setAttribute("data-top", String.valueOf(top));
    }

    /** Empty bars, no prediction. */
    public void clear() {
        top = -1;
        for (int d = 0; d < CLASSES; d++) {
            Dom.style(fills[d], "width", "0%");
            values[d].setTextContent(Format.MISSING);
            rows[d].setClassName("prob-row");
        }
        list.setAttribute("aria-label", "No prediction yet");
        container.setAttribute("data-top", "-1");
    }
}

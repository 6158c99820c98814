package digitlab.app.views;

import digitlab.app.browser.Canvases;
import digitlab.app.browser.Dom;
import digitlab.app.browser.Theme;
import digitlab.core.view.Format;
import digitlab.core.view.Series;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * A line chart on a canvas: axes with nice ticks (linear, or logarithmic for a loss), several
 * {@link Series} drawn as coloured lines, earlier runs as grey dashed overlays, an HTML legend (a button
 * per line that hides or shows it) and a hover readout (a vertical line and the values at that x; the
 * arrow keys move it when the canvas has focus).
 *
 * <p>Structure built inside the given container (e.g. an empty {@code <div class="chart">}):
 * <pre>
 * &lt;canvas class="chart-canvas" role="img" tabindex="0" aria-label="…"&gt;
 * &lt;ul class="chart-legend"&gt;&lt;li&gt;&lt;button class="chart-key [is-overlay]" aria-pressed&gt;…
 * &lt;p class="chart-readout" aria-live="off"&gt;latest values, or the values under the pointer&lt;/p&gt;
 * </pre>
 * The canvas takes its CSS size from the stylesheet (views.css) and keeps its backing store at that size
 * times devicePixelRatio, following its box through a ResizeObserver. The series belong to the caller,
 * who adds points and calls {@link #redraw()} (throttled, a few times a second); a redraw walks each
 * series once (at most its capacity, e.g. 2,000 points) and allocates nothing large.
 */
public final class LineChartView {
    private final String overlayColor = Theme.color(Theme.OVERLAY);
    private final String title;
    private final HTMLCanvasElement canvas;
    private final CanvasRenderingContext2D context;
    private final ChartPainter painter;
    private final HTMLElement legend;
    private final HTMLElement readout;
    private final List<ChartLine> lines = new ArrayList<>();
    private String xLabel = "examples seen";
    private boolean logY;
    private boolean percentY;
    private double cssWidth;
    private double cssHeight;
    private double hoverX = Double.NaN;
    private boolean framePending;
    private String lastReadout = "";

    /**
     * @param container an empty element to build the chart in
     * @param title what the chart shows, e.g. "Loss"; starts the canvas's aria-label
     */
    public LineChartView(HTMLElement container, String title) {
        this.title = title;
        canvas = (HTMLCanvasElement) Dom.create("canvas", "chart-canvas");
        canvas.setAttribute("role", "img");
        canvas.setAttribute("tabindex", "0");
        canvas.setAttribute("aria-label", title + ": no data yet");
        legend = Dom.create("ul", "chart-legend");
        readout = Dom.create("p", "chart-readout");
        readout.setAttribute("aria-live", "off");
        container.appendChild(canvas);
        container.appendChild(legend);
        container.appendChild(readout);
        context = Canvases.context2d(canvas);
        painter = new ChartPainter(context);

        canvas.onMouseMove(event -> hoverAtPixel(Dom.pointerX(event, canvas)));
        canvas.onMouseLeave(event -> clearHover());
        canvas.onKeyDown(this::onKey);
        canvas.onBlur(event -> clearHover());
        Dom.onResize(canvas, (width, height) -> {
            cssWidth = width;
            cssHeight = height;
            redraw();
        });
    }

    /** Adds a line drawn from {@code series} in {@code colour} (CSS), labelled {@code label}; returns its number. */
    public int addLine(String label, String colour, Series series) {
        return add(label, colour, series, false);
    }

    /**
     * Adds an earlier run's series as a grey dashed line (each overlay dashed differently) labelled with
     * its settings, e.g. "earlier: lr 0.1, 784-64-10".
     */
    public int addOverlay(String label, Series series) {
        return add(label, overlayColor, series, true);
    }

    /** Removes every line and overlay, e.g. before showing a new run. */
    public void clearLines() {
        for (ChartLine line : lines) {
            legend.removeChild(line.key.getParentNode());
        }
        lines.clear();
        scheduleRedraw();
    }

    /** Logarithmic y axis (suits a loss); non-positive values are not drawn on it. */
    public void setLogY(boolean log) {
        logY = log;
    }

    /** Shows y values (fractions 0..1) as percentages on the axis and in the readout. */
    public void setPercentY(boolean percent) {
        percentY = percent;
    }

    /** The x axis title, "examples seen" by default. */
    public void setXLabel(String label) {
        xLabel = label;
    }

    /** Draws the chart now from the series' current points. */
    public void redraw() {
        framePending = false;
        if (cssWidth < 40 || cssHeight < 40) {
            cssWidth = Dom.renderedWidth(canvas);
            cssHeight = canvas.getClientHeight();
            if (cssWidth < 40 || cssHeight < 40) {
                return;
            }
        }
        double ratio = Dom.devicePixelRatio();
        int backingWidth = (int) Math.round(cssWidth * ratio);
        int backingHeight = (int) Math.round(cssHeight * ratio);
        if (canvas.getWidth() != backingWidth || canvas.getHeight() != backingHeight) {
            canvas.setWidth(backingWidth);
            canvas.setHeight(backingHeight);
        }
        context.setTransform(ratio, 0, 0, ratio, 0, 0);
        int points = painter.paint(cssWidth, cssHeight, lines, logY, percentY, xLabel, hoverX);
        canvas.setAttribute("data-points", String.valueOf(points));
        updateReadout();
    }

    private int add(String label, String colour, Series series, boolean overlay) {
        int overlayNumber = 0;
        for (ChartLine line : lines) {
            if (line.overlay) {
                overlayNumber++;
            }
        }
        HTMLElement item = Dom.create("li", null);
        HTMLElement key = Dom.create("button", overlay ? "chart-key is-overlay" : "chart-key");
        key.setAttribute("type", "button");
        key.setAttribute("aria-pressed", "true");
        key.setAttribute("title", "Show or hide this line");
        HTMLElement swatch = Dom.create("span", "chart-swatch");
        swatch.setAttribute("aria-hidden", "true");
        Dom.style(swatch, overlay ? "border-top-color" : "background-color", colour);
        key.appendChild(swatch);
        key.appendChild(Dom.text("span", "chart-key-label", label));
        item.appendChild(key);
        legend.appendChild(item);
        ChartLine line = new ChartLine(label, colour, series, overlay, overlayNumber, key);
        lines.add(line);
        key.onClick(event -> {
            line.hidden = !line.hidden;
            key.setAttribute("aria-pressed", line.hidden ? "false" : "true");
            scheduleRedraw();
        });
        return lines.size() - 1;
    }

    private void updateReadout() {
        StringBuilder text = new StringBuilder();
        boolean hovering = !Double.isNaN(hoverX);
        if (hovering) {
            text.append("At ")
                    .append(Format.compact(hoverX))
                    .append(' ')
                    .append(xLabel)
                    .append(": ");
        } else {
            text.append("Latest: ");
        }
        int shown = 0;
        double near = painter.nearX();
        for (ChartLine line : lines) {
            Series s = line.series;
            if (line.hidden || s.isEmpty()) {
                continue;
            }
            double x;
            double y;
            if (hovering) {
                int i = s.nearestIndex(hoverX);
                x = s.x(i);
                y = s.y(i);
            } else {
                x = s.lastX();
                y = s.lastY();
            }
            text.append(shown++ == 0 ? "" : "; ")
                    .append(line.label)
                    .append(": ")
                    .append(value(y));
            if (!hovering || Math.abs(x - hoverX) > near) {
                text.append(" at ").append(Format.compact(x));
            }
        }
        if (shown == 0) {
            text.setLength(0);
            text.append("No data yet.");
        }
        String result = text.toString();
        if (!result.equals(lastReadout)) {
            lastReadout = result;
            readout.setTextContent(result);
            if (!hovering) {
                canvas.setAttribute("aria-label", title + ". " + result);
            }
        }
    }

    private String value(double y) {
        return percentY ? Format.percent(y, 2) : Format.significant(y, 3);
    }

    private void hoverAtPixel(double pixelX) {
        hoverX = painter.xAt(pixelX);
        scheduleRedraw();
    }

    private void clearHover() {
        if (!Double.isNaN(hoverX)) {
            hoverX = Double.NaN;
            scheduleRedraw();
        }
    }

    /** Arrow keys step the readout through the first visible line's points; Escape clears it. */
    private void onKey(KeyboardEvent event) {
        String key = event.getKey();
        if ("Escape".equals(key)) {
            clearHover();
            return;
        }
        int step = "ArrowRight".equals(key) ? 1 : "ArrowLeft".equals(key) ? -1 : 0;
        if (step == 0) {
            return;
        }
        Series guide = null;
        for (ChartLine line : lines) {
            if (!line.hidden && !line.series.isEmpty() && (guide == null || !line.overlay)) {
                guide = line.series;
                if (!line.overlay) {
                    break;
                }
            }
        }
        if (guide == null) {
            return;
        }
        event.preventDefault();
        int i = Double.isNaN(hoverX) ? (step > 0 ? -1 : guide.size()) : guide.nearestIndex(hoverX);
        i = Math.max(0, Math.min(guide.size() - 1, i + step));
        hoverX = guide.x(i);
        scheduleRedraw();
    }

    private void scheduleRedraw() {
        if (!framePending) {
            framePending = true;
            Window.requestAnimationFrame(timestamp -> redraw());
        }
    }
}

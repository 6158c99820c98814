package digitlab.app.views;

import digitlab.app.browser.Dom;
import digitlab.app.browser.Theme;
import digitlab.core.view.ChartDomain;
import digitlab.core.view.Format;
import digitlab.core.view.NiceScale;
import digitlab.core.view.Series;
import java.util.List;
import org.teavm.jso.canvas.CanvasRenderingContext2D;

/**
 * Paints a {@link LineChartView}'s canvas: the plot area inside fixed margins, axes with nice ticks, the
 * lines (merged points as a faint band, overlays dashed) and the hover marker. It knows the last scales,
 * so the chart can turn a pointer position into an x value.
 */
final class ChartPainter {
    private static final String FONT = "12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
    private static final double LEFT = 50;
    private static final double RIGHT = 14;
    private static final double TOP = 10;
    private static final double BOTTOM = 38;
    private static final int DOTS_UP_TO = 60;

    private final String gridColor = Theme.color(Theme.EDGE);
    private final String axisColor = Theme.color(Theme.MUTED);
    private final CanvasRenderingContext2D context;
    private double cssHeight;
    private double plotWidth;
    private double plotHeight;
    private NiceScale xScale;
    private NiceScale yScale;

    ChartPainter(CanvasRenderingContext2D context) {
        this.context = context;
    }

    /**
     * Paints everything on a canvas of {@code cssWidth} x {@code cssHeight} CSS pixels (the context's
     * transform already maps them to the backing store).
     *
     * @return how many points the visible lines have
     */
    int paint(
            double cssWidth,
            double cssHeight,
            List<ChartLine> lines,
            boolean logY,
            boolean percentY,
            String xLabel,
            double hoverX) {
        this.cssHeight = cssHeight;
        context.clearRect(0, 0, cssWidth, cssHeight);
        context.setFont(FONT);
        plotWidth = cssWidth - LEFT - RIGHT;
        plotHeight = cssHeight - TOP - BOTTOM;

        ChartDomain domain = new ChartDomain(logY);
        for (ChartLine line : lines) {
            if (!line.hidden) {
                domain.include(line.series);
            }
        }
        xScale = domain.xScale(Math.max(2, (int) (plotWidth / 90)));
        yScale = domain.yScale(Math.max(2, (int) (plotHeight / 38)));

        drawAxes(xLabel, percentY);
        context.save();
        context.beginPath();
        context.rect(LEFT, TOP, plotWidth, plotHeight);
        context.clip();
        for (ChartLine line : lines) {
            if (line.overlay && !line.hidden) {
                drawLine(line);
            }
        }
        for (ChartLine line : lines) {
            if (!line.overlay && !line.hidden) {
                drawLine(line);
            }
        }
        context.restore();
        if (domain.isEmpty()) {
            context.setFillStyle(axisColor);
            context.setTextAlign("center");
            context.setTextBaseline("middle");
            context.fillText("no data yet", LEFT + plotWidth / 2, TOP + plotHeight / 2);
        }
        drawHover(lines, hoverX);
        return domain.points();
    }

    /** The x value under the pointer at {@code pixelX} (CSS pixels from the left), or NaN outside the plot. */
    double xAt(double pixelX) {
        if (xScale == null || plotWidth <= 0) {
            return Double.NaN;
        }
        double unit = (pixelX - LEFT) / plotWidth;
        return unit < 0 || unit > 1 ? Double.NaN : xScale.fromUnit(unit);
    }

    /** The x distance under which a point counts as "at" the hover position: 3% of the axis. */
    double nearX() {
        return xScale == null ? 0 : (xScale.max() - xScale.min()) * 0.03;
    }

    private double px(double x) {
        return LEFT + xScale.toUnit(x) * plotWidth;
    }

    private double py(double y) {
        return TOP + (1 - yScale.toUnit(y)) * plotHeight;
    }

    private void drawAxes(String xLabel, boolean percentY) {
        context.setLineWidth(1);
        context.setStrokeStyle(gridColor);
        context.setFillStyle(axisColor);
        context.setTextAlign("right");
        context.setTextBaseline("middle");
        context.beginPath();
        for (int i = 0; i < yScale.tickCount(); i++) {
            double y = Math.round(py(yScale.tick(i))) + 0.5;
            context.moveTo(LEFT, y);
            context.lineTo(LEFT + plotWidth, y);
            context.fillText(yLabel(i, percentY), LEFT - 6, y);
        }
        context.setTextAlign("center");
        context.setTextBaseline("top");
        for (int i = 0; i < xScale.tickCount(); i++) {
            double x = Math.round(px(xScale.tick(i))) + 0.5;
            context.moveTo(x, TOP);
            context.lineTo(x, TOP + plotHeight);
            context.fillText(xScale.label(i), x, TOP + plotHeight + 4);
        }
        context.stroke();
        context.setTextAlign("right");
        context.setTextBaseline("bottom");
        context.fillText(xLabel, LEFT + plotWidth, cssHeight - 1);
    }

    private String yLabel(int i, boolean percentY) {
        return percentY ? Format.trimmed(yScale.tick(i) * 100, 2) + "%" : yScale.label(i);
    }

    private void drawLine(ChartLine line) {
        Series s = line.series;
        int n = s.size();
        if (n == 0) {
            return;
        }
        if (!line.overlay && s.perPoint() > 1) {
            // Merged points: a faint band from each point's lowest to highest value.
            context.setGlobalAlpha(0.22);
            context.setStrokeStyle(line.colour);
            context.setLineWidth(1);
            context.beginPath();
            for (int i = 0; i < n; i++) {
                if (s.high(i) > s.low(i)) {
                    double x = px(s.x(i));
                    context.moveTo(x, py(s.low(i)));
                    context.lineTo(x, py(s.high(i)));
                }
            }
            context.stroke();
            context.setGlobalAlpha(1);
        }
        context.setStrokeStyle(line.colour);
        context.setLineWidth(line.overlay ? 1.5 : 2);
        context.setLineJoin("round");
        if (line.overlay) {
            int pattern = line.overlayNumber % 3;
            Dom.lineDash(context, pattern == 0 ? 6 : pattern == 1 ? 2 : 10, pattern == 0 ? 4 : 3);
        }
        context.beginPath();
        boolean penDown = false;
        for (int i = 0; i < n; i++) {
            double y = py(s.y(i));
            if (Double.isNaN(y)) {
                penDown = false;
                continue;
            }
            double x = px(s.x(i));
            if (penDown) {
                context.lineTo(x, y);
            } else {
                context.moveTo(x, y);
                penDown = true;
            }
        }
        context.stroke();
        Dom.lineDash(context, 0, 0);
        if (!line.overlay) {
            context.setFillStyle(line.colour);
            int from = n <= DOTS_UP_TO ? 0 : n - 1;
            for (int i = from; i < n; i++) {
                dot(px(s.x(i)), py(s.y(i)), 2.5);
            }
        }
    }

    private void dot(double x, double y, double radius) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return;
        }
        context.beginPath();
        context.arc(x, y, radius, 0, 2 * Math.PI);
        context.fill();
    }

    private void drawHover(List<ChartLine> lines, double hoverX) {
        if (Double.isNaN(hoverX)) {
            return;
        }
        double x = px(hoverX);
        context.setStrokeStyle(axisColor);
        context.setLineWidth(1);
        context.beginPath();
        context.moveTo(Math.round(x) + 0.5, TOP);
        context.lineTo(Math.round(x) + 0.5, TOP + plotHeight);
        context.stroke();
        for (ChartLine line : lines) {
            int i = line.hidden ? -1 : line.series.nearestIndex(hoverX);
            if (i >= 0) {
                context.setFillStyle(line.colour);
                dot(px(line.series.x(i)), py(line.series.y(i)), 4);
            }
        }
    }
}

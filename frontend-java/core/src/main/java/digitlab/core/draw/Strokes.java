package digitlab.core.draw;

import java.util.ArrayList;
import java.util.List;

/**
 * What was drawn, as strokes of points in unit coordinates (0..1 across the square pad, so the picture
 * survives a resize of the canvas): the model behind the drawing pad's undo, clear and redraw.
 *
 * <p>A stroke starts with {@link #begin}, grows with {@link #extend} and closes with {@link #end}; a stroke
 * of one point is a dot.
 */
public final class Strokes {
    /** The pen's width as a fraction of the pad's side: a digit drawn across most of the pad then has
     * about MNIST's stroke width relative to its height. */
    public static final double DEFAULT_WIDTH = 0.09;

    private final List<float[]> strokes = new ArrayList<>();
    private final List<Integer> lengths = new ArrayList<>();
    private boolean drawing;

    /** Starts a new stroke at (x, y), closing any open one. */
    public void begin(double x, double y) {
        end();
        float[] points = new float[32];
        points[0] = (float) x;
        points[1] = (float) y;
        strokes.add(points);
        lengths.add(1);
        drawing = true;
    }

    /**
     * Adds (x, y) to the open stroke.
     *
     * @return false if no stroke is open or the point repeats the last one (nothing added)
     */
    public boolean extend(double x, double y) {
        if (!drawing) {
            return false;
        }
        int last = strokes.size() - 1;
        float[] points = strokes.get(last);
        int n = lengths.get(last);
        float fx = (float) x;
        float fy = (float) y;
        if (points[2 * n - 2] == fx && points[2 * n - 1] == fy) {
            return false;
        }
        if (2 * n + 2 > points.length) {
            float[] bigger = new float[points.length * 2];
            System.arraycopy(points, 0, bigger, 0, 2 * n);
            points = bigger;
            strokes.set(last, points);
        }
        points[2 * n] = fx;
        points[2 * n + 1] = fy;
        lengths.set(last, n + 1);
        return true;
    }

    /** Closes the open stroke, if any. */
    public void end() {
        drawing = false;
    }

    /** True between {@link #begin} and {@link #end}. */
    public boolean isDrawing() {
        return drawing;
    }

    /** Strokes, including an open one. */
    public int count() {
        return strokes.size();
    }

    public boolean isEmpty() {
        return strokes.isEmpty();
    }

    /**
     * Removes the last stroke (closing it first if it is being drawn).
     *
     * @return false if there was none
     */
    public boolean undo() {
        drawing = false;
        if (strokes.isEmpty()) {
            return false;
        }
        strokes.remove(strokes.size() - 1);
        lengths.remove(lengths.size() - 1);
        return true;
    }

    public void clear() {
        drawing = false;
        strokes.clear();
        lengths.clear();
    }

    /** Points in stroke {@code stroke}. */
    public int points(int stroke) {
        return lengths.get(stroke);
    }

    public double x(int stroke, int point) {
        checkPoint(stroke, point);
        return strokes.get(stroke)[2 * point];
    }

    public double y(int stroke, int point) {
        checkPoint(stroke, point);
        return strokes.get(stroke)[2 * point + 1];
    }

    private void checkPoint(int stroke, int point) {
        if (point < 0 || point >= lengths.get(stroke)) {
            throw new IndexOutOfBoundsException("point " + point + " of a stroke of " + lengths.get(stroke));
        }
    }

    /**
     * Paints every stroke into {@code raster}, unit coordinates scaled to its width and height, with a pen
     * {@code width} (a fraction of the raster's width) wide.
     */
    public void paint(InkRaster raster, double width) {
        double radius = width * raster.width() / 2;
        float[] scaled = new float[64];
        for (int s = 0; s < strokes.size(); s++) {
            float[] points = strokes.get(s);
            int n = lengths.get(s);
            if (scaled.length < 2 * n) {
                scaled = new float[2 * n];
            }
            for (int i = 0; i < n; i++) {
                scaled[2 * i] = points[2 * i] * raster.width();
                scaled[2 * i + 1] = points[2 * i + 1] * raster.height();
            }
            raster.polyline(scaled, n, radius);
        }
    }
}

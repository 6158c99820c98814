package digitlab.core.draw;

import java.util.Arrays;

/**
 * A small anti-aliased pen in plain Java: thick line segments with round caps (so a polyline gets round
 * joins) painted as ink 0..1 into a float image. The browser draws on its canvas instead; this one lets
 * the JVM tests, and any code without a canvas, make drawings.
 *
 * <p>Coordinates are in pixels with pixel (x, y) covering [x, x+1) x [y, y+1), so its centre is at
 * (x + 0.5, y + 0.5). A pixel's ink is its coverage by the pen, estimated from the distance of its centre
 * to the segment (full inside, a one-pixel ramp at the edge); where strokes overlap the larger ink wins.
 */
public final class InkRaster {
    private final int width;
    private final int height;
    private final float[] ink;

    public InkRaster(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("bad raster size " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.ink = new float[width * height];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The image (not a copy): {@code width * height} values, row-major, 0 = background, 1 = full ink. */
    public float[] ink() {
        return ink;
    }

    public void clear() {
        Arrays.fill(ink, 0);
    }

    /** A round dot of the given radius. */
    public void dot(double x, double y, double radius) {
        segment(x, y, x, y, radius);
    }

    /** A segment from (x0, y0) to (x1, y1) of half-width {@code radius}, with round caps. */
    public void segment(double x0, double y0, double x1, double y1, double radius) {
        if (!(radius > 0)) {
            return;
        }
        int fromX = Math.max(0, (int) Math.floor(Math.min(x0, x1) - radius - 1));
        int toX = Math.min(width - 1, (int) Math.ceil(Math.max(x0, x1) + radius + 1));
        int fromY = Math.max(0, (int) Math.floor(Math.min(y0, y1) - radius - 1));
        int toY = Math.min(height - 1, (int) Math.ceil(Math.max(y0, y1) + radius + 1));
        double dx = x1 - x0;
        double dy = y1 - y0;
        double lengthSquared = dx * dx + dy * dy;
        for (int py = fromY; py <= toY; py++) {
            double cy = py + 0.5;
            for (int px = fromX; px <= toX; px++) {
                double cx = px + 0.5;
                double t = lengthSquared > 0 ? ((cx - x0) * dx + (cy - y0) * dy) / lengthSquared : 0;
                t = t < 0 ? 0 : t > 1 ? 1 : t;
                double ex = cx - (x0 + t * dx);
                double ey = cy - (y0 + t * dy);
                double coverage = radius + 0.5 - Math.sqrt(ex * ex + ey * ey);
                if (coverage > 0) {
                    float v = coverage >= 1 ? 1f : (float) coverage;
                    int at = py * width + px;
                    if (v > ink[at]) {
                        ink[at] = v;
                    }
                }
            }
        }
    }

    /**
     * A stroke through {@code points} points {@code xy = {x0, y0, x1, y1, ...}}: a dot for one point,
     * otherwise a segment between each pair of neighbours.
     */
    public void polyline(float[] xy, int points, double radius) {
        if (points == 1) {
            dot(xy[0], xy[1], radius);
        }
        for (int i = 1; i < points; i++) {
            segment(xy[2 * i - 2], xy[2 * i - 1], xy[2 * i], xy[2 * i + 1], radius);
        }
    }
}

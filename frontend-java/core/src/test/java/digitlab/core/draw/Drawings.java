package digitlab.core.draw;

/** Synthetic pen drawings for the tests, painted with {@link InkRaster}. */
final class Drawings {
    private Drawings() {}

    /** An ellipse outline (a "0") centred at (cx, cy) with radii rx, ry, pen half-width {@code pen}. */
    static void ellipse(InkRaster raster, double cx, double cy, double rx, double ry, double pen) {
        int n = 64;
        for (int i = 0; i < n; i++) {
            double a0 = 2 * Math.PI * i / n;
            double a1 = 2 * Math.PI * (i + 1) / n;
            raster.segment(
                    cx + rx * Math.cos(a0),
                    cy + ry * Math.sin(a0),
                    cx + rx * Math.cos(a1),
                    cy + ry * Math.sin(a1),
                    pen);
        }
    }

    /** A "7": a top bar and a diagonal down to the bottom left, inside the box (x, y, w, h). */
    static void seven(InkRaster raster, double x, double y, double w, double h, double pen) {
        raster.segment(x, y, x + w, y, pen);
        raster.segment(x + w, y, x + w * 0.3, y + h, pen);
    }

    /** Sum of the bytes over 255: the image's ink in full-pixel units. */
    static double mass(byte[] pixels) {
        double sum = 0;
        for (byte b : pixels) {
            sum += (b & 0xFF) / 255.0;
        }
        return sum;
    }

    /** {left, top, right, bottom} of the non-zero pixels of a square image, or null if none. */
    static int[] inkBox(byte[] pixels, int side) {
        int left = side;
        int top = side;
        int right = -1;
        int bottom = -1;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                if (pixels[y * side + x] != 0) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        return right < 0 ? null : new int[] {left, top, right, bottom};
    }

    /** Pearson correlation of two images' pixel values. */
    static double correlation(byte[] a, byte[] b) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i] & 0xFF;
            mb += b[i] & 0xFF;
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = (a[i] & 0xFF) - ma;
            double db = (b[i] & 0xFF) - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return sab / Math.sqrt(saa * sbb);
    }
}

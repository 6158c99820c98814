package digitlab.core.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InkRasterTest {
    @Test
    void dotIsFullInsideEmptyOutsideAndGreyAtItsEdge() {
        InkRaster raster = new InkRaster(40, 40);
        raster.dot(20, 20, 8);
        float[] ink = raster.ink();
        assertEquals(1f, ink[20 * 40 + 20]);
        assertEquals(0f, ink[20 * 40 + 35]);
        assertEquals(0f, ink[2 * 40 + 2]);
        int grey = 0;
        double area = 0;
        for (float v : ink) {
            grey += v > 0 && v < 1 ? 1 : 0;
            area += v;
        }
        assertTrue(grey > 20, "an anti-aliased rim, got " + grey + " grey pixels");
        assertEquals(Math.PI * 8 * 8, area, 0.05 * Math.PI * 64, "ink covers the disc's area");
    }

    @Test
    void fastStrokeBetweenFarPointsHasNoGaps() {
        InkRaster raster = new InkRaster(280, 280);
        raster.polyline(new float[] {10, 10, 270, 200, 30, 260}, 3, 5);
        float[] ink = raster.ink();
        for (int i = 0; i <= 100; i++) {
            double t = i / 100.0;
            int x = (int) (10 + t * 260);
            int y = (int) (10 + t * 190);
            assertEquals(1f, ink[y * 280 + x], "on the first segment at t=" + t);
            x = (int) (270 - t * 240);
            y = (int) (200 + t * 60);
            assertEquals(1f, ink[y * 280 + x], "on the second segment at t=" + t);
        }
    }

    @Test
    void strokesCrossingTheBorderAreClipped() {
        InkRaster raster = new InkRaster(20, 10);
        raster.segment(-30, -5, 50, 15, 4);
        raster.dot(19.9, 9.9, 30);
        assertEquals(1f, raster.ink()[0]);
        raster.clear();
        for (float v : raster.ink()) {
            assertEquals(0f, v);
        }
        raster.dot(5, 5, 0);
        raster.dot(5, 5, Double.NaN);
        for (float v : raster.ink()) {
            assertEquals(0f, v);
        }
        assertThrows(IllegalArgumentException.class, () -> new InkRaster(0, 5));
    }
}

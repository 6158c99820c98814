package digitlab.core.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WeightMosaicTest {
    private static int rgbAt(byte[] rgba, int width, int x, int y) {
        int at = (y * width + x) * 4;
        return (rgba[at] & 0xFF) << 16 | (rgba[at + 1] & 0xFF) << 8 | rgba[at + 2] & 0xFF;
    }

    @Test
    void gridIsNearSquare() {
        assertEquals(1, WeightMosaic.columnsFor(1));
        assertEquals(2, WeightMosaic.columnsFor(2));
        assertEquals(2, WeightMosaic.columnsFor(4));
        assertEquals(3, WeightMosaic.columnsFor(5));
        assertEquals(8, WeightMosaic.columnsFor(64));
        assertEquals(10, WeightMosaic.columnsFor(100));
        assertEquals(12, WeightMosaic.columnsFor(128));
        WeightMosaic mosaic = new WeightMosaic(128, 28, 2, 2, 256);
        assertEquals(12, mosaic.columns());
        assertEquals(11, mosaic.rows());
        assertEquals(12 * 58 + 2, mosaic.width());
        assertEquals(11 * 58 + 2, mosaic.height());
    }

    @Test
    void wideLayersShowTheirFirstUnits() {
        WeightMosaic mosaic = new WeightMosaic(1024, 28, 1, 1, 256);
        assertEquals(1024, mosaic.units());
        assertEquals(256, mosaic.shown());
        assertEquals(16, mosaic.columns());
        assertEquals(16, mosaic.rows());
        float[] weights = new float[1024 * 784];
        mosaic.paint(weights, mosaic.newBuffer());
    }

    @Test
    void paintsEachUnitWithItsOwnContrast() {
        // Two 2x2 units: unit 0 weights {-1, 0, 0.5, 1}, unit 1 tiny weights {0.001, 0, 0, -0.001}.
        float[] weights = {-1, 0, 0.5f, 1, 0.001f, 0, 0, -0.001f};
        WeightMosaic mosaic = new WeightMosaic(2, 2, 1, 1, 10);
        assertEquals(2, mosaic.columns());
        assertEquals(1, mosaic.rows());
        byte[] rgba = mosaic.newBuffer();
        mosaic.paint(weights, rgba);
        int w = mosaic.width();
        assertEquals(Palette.GAP, rgbAt(rgba, w, 0, 0));
        assertEquals(DivergingColormap.tableRgb(0), rgbAt(rgba, w, 1, 1));
        assertEquals(DivergingColormap.ZERO, rgbAt(rgba, w, 2, 1));
        assertEquals(DivergingColormap.tableRgb(DivergingColormap.index(0.5)), rgbAt(rgba, w, 1, 2));
        assertEquals(DivergingColormap.tableRgb(254), rgbAt(rgba, w, 2, 2));
        // Unit 1 is scaled by its own max |w|: 0.001 shows as full orange.
        assertEquals(DivergingColormap.tableRgb(254), rgbAt(rgba, w, mosaic.cellX(1), 1));
        assertEquals(DivergingColormap.tableRgb(0), rgbAt(rgba, w, mosaic.cellX(1) + 1, 2));
        for (int at = 3; at < rgba.length; at += 4) {
            assertEquals(255, rgba[at] & 0xFF);
        }
    }

    @Test
    void allZeroUnitIsNeutralAndScaleRepeatsPixels() {
        WeightMosaic mosaic = new WeightMosaic(1, 2, 3, 0, 1);
        byte[] rgba = mosaic.newBuffer();
        mosaic.paint(new float[] {0, 0, 0, 0}, rgba);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 6; x++) {
                assertEquals(DivergingColormap.ZERO, rgbAt(rgba, 6, x, y));
            }
        }
        mosaic.paint(new float[] {1, 0, 0, 0}, rgba);
        assertEquals(Palette.ACCENT, rgbAt(rgba, 6, 2, 2));
        assertEquals(DivergingColormap.ZERO, rgbAt(rgba, 6, 3, 2));
    }

    @Test
    void checksumChangesWithTheWeights() {
        WeightMosaic mosaic = new WeightMosaic(4, 28, 1, 1, 4);
        byte[] rgba = mosaic.newBuffer();
        float[] weights = new float[4 * 784];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) Math.sin(i * 0.37);
        }
        int first = mosaic.paint(weights, rgba);
        assertEquals(first, mosaic.paint(weights, rgba));
        weights[100] = -weights[100];
        assertNotEquals(first, mosaic.paint(weights, rgba));
    }

    @Test
    void unitUnderAPixel() {
        WeightMosaic mosaic = new WeightMosaic(5, 2, 2, 1, 10);
        // 3 columns, pitch 5: cells at x 1..4, 6..9, 11..14.
        assertEquals(0, mosaic.unitAt(1, 1));
        assertEquals(-1, mosaic.unitAt(0, 1));
        assertEquals(-1, mosaic.unitAt(5, 1));
        assertEquals(1, mosaic.unitAt(6, 4));
        assertEquals(4, mosaic.unitAt(6, 6));
        assertEquals(-1, mosaic.unitAt(11, 6));
        assertEquals(-1, mosaic.unitAt(100, 1));
    }

    @Test
    void helpers() {
        assertEquals(28, WeightMosaic.squareSide(784));
        assertEquals(-1, WeightMosaic.squareSide(785));
        assertEquals(2, WeightMosaic.scaleToFit(10, 28, 2, 600, 3));
        assertEquals(1, WeightMosaic.scaleToFit(40, 28, 1, 600, 3));
        assertEquals(3, WeightMosaic.scaleToFit(2, 28, 2, 600, 3));
        assertEquals(2f, WeightMosaic.maxAbs(new float[] {1, -2, 0.5f}, 0, 3), 0);
        assertEquals(0.5f, WeightMosaic.maxAbs(new float[] {1, -2, 0.5f}, 2, 1), 0);
    }

    @Test
    void rejectsTooFewWeightsOrAWrongBuffer() {
        WeightMosaic mosaic = new WeightMosaic(2, 2, 1, 0, 2);
        assertThrows(IllegalArgumentException.class, () -> mosaic.paint(new float[7], mosaic.newBuffer()));
        assertThrows(IllegalArgumentException.class, () -> mosaic.paint(new float[8], new byte[4]));
        assertThrows(IllegalArgumentException.class, () -> new WeightMosaic(0, 28, 1, 1, 1));
    }
}

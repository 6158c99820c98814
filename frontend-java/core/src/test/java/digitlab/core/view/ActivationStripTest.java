package digitlab.core.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ActivationStripTest {
    private static int rgbAt(byte[] rgba, int width, int x, int y) {
        int at = (y * width + x) * 4;
        return (rgba[at] & 0xFF) << 16 | (rgba[at + 1] & 0xFF) << 8 | rgba[at + 2] & 0xFF;
    }

    @Test
    void layoutWrapsIntoRows() {
        ActivationStrip strip = new ActivationStrip(100, 32, 6, 1);
        assertEquals(32, strip.columns());
        assertEquals(4, strip.rows());
        assertEquals(32 * 7 + 1, strip.width());
        assertEquals(4 * 7 + 1, strip.height());
        ActivationStrip small = new ActivationStrip(10, 32, 6, 1);
        assertEquals(10, small.columns());
        assertEquals(1, small.rows());
    }

    @Test
    void boundedActivationsKeepTheirAbsoluteScale() {
        ActivationStrip strip = new ActivationStrip(3, 3, 2, 1);
        byte[] rgba = strip.newBuffer();
        double scale = strip.paint(new float[] {9, 0.5f, 0, -1}, 1, rgba);
        assertEquals(1, scale, 0);
        int w = strip.width();
        assertEquals(DivergingColormap.tableRgb(DivergingColormap.index(0.5)), rgbAt(rgba, w, 1, 1));
        assertEquals(DivergingColormap.ZERO, rgbAt(rgba, w, 4, 1));
        assertEquals(DivergingColormap.tableRgb(0), rgbAt(rgba, w, 8, 2));
        assertEquals(Palette.GAP, rgbAt(rgba, w, 3, 1));
    }

    @Test
    void unboundedActivationsAreScaledByTheirMax() {
        ActivationStrip strip = new ActivationStrip(2, 2, 1, 0);
        byte[] rgba = strip.newBuffer();
        assertEquals(4, strip.paint(new float[] {4, 2}, 0, rgba), 0);
        assertEquals(Palette.ACCENT, rgbAt(rgba, 2, 0, 0));
        assertEquals(DivergingColormap.tableRgb(DivergingColormap.index(0.5)), rgbAt(rgba, 2, 1, 0));
    }

    @Test
    void unitUnderAPixelAndBadInput() {
        ActivationStrip strip = new ActivationStrip(5, 4, 2, 1);
        assertEquals(0, strip.unitAt(1, 1));
        assertEquals(-1, strip.unitAt(3, 1));
        assertEquals(4, strip.unitAt(1, 4));
        assertEquals(-1, strip.unitAt(4, 4));
        assertThrows(IllegalArgumentException.class, () -> strip.paint(new float[4], 0, strip.newBuffer()));
        assertThrows(IllegalArgumentException.class, () -> strip.paint(new float[5], 0, new byte[8]));
    }
}

package digitlab.core.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DivergingColormapTest {
    private static int red(int rgb) {
        return rgb >> 16 & 0xFF;
    }

    private static int blue(int rgb) {
        return rgb & 0xFF;
    }

    @Test
    void negativeIsBluePositiveIsOrangeZeroIsNeutral() {
        int negative = DivergingColormap.rgb(-1);
        int positive = DivergingColormap.rgb(1);
        assertTrue(blue(negative) > red(negative) + 100);
        assertTrue(red(positive) > blue(positive) + 100);
        assertEquals(DivergingColormap.ZERO, DivergingColormap.rgb(0));
        assertEquals(Palette.ACCENT, positive);
        assertEquals(DivergingColormap.ZERO, DivergingColormap.rgb(Double.NaN));
    }

    @Test
    void clampsOutOfRangeValues() {
        assertEquals(DivergingColormap.rgb(1), DivergingColormap.rgb(7));
        assertEquals(DivergingColormap.rgb(-1), DivergingColormap.rgb(-7));
    }

    @Test
    void lightnessGrowsWithMagnitudeOnBothSides() {
        double previousNegative = Palette.luminance(DivergingColormap.rgb(0));
        double previousPositive = previousNegative;
        for (int i = 1; i <= 20; i++) {
            double v = i / 20.0;
            double negative = Palette.luminance(DivergingColormap.rgb(-v));
            double positive = Palette.luminance(DivergingColormap.rgb(v));
            assertTrue(negative > previousNegative, "at -" + v);
            assertTrue(positive > previousPositive, "at " + v);
            previousNegative = negative;
            previousPositive = positive;
        }
    }

    @Test
    void tableHasAnExactZeroAndMatchesTheFunction() {
        assertEquals(255, DivergingColormap.STEPS);
        int middle = DivergingColormap.index(0);
        assertEquals(127, middle);
        assertEquals(DivergingColormap.ZERO, DivergingColormap.tableRgb(middle));
        assertEquals(0, DivergingColormap.index(-1));
        assertEquals(254, DivergingColormap.index(1));
        assertEquals(0, DivergingColormap.index(-3));
        assertEquals(254, DivergingColormap.index(3));
        assertEquals(127, DivergingColormap.index(Double.NaN));
        for (int i = 0; i < DivergingColormap.STEPS; i++) {
            assertEquals(i, DivergingColormap.index(DivergingColormap.valueOf(i)));
            assertEquals(DivergingColormap.rgb(DivergingColormap.valueOf(i)), DivergingColormap.tableRgb(i));
        }
    }
}

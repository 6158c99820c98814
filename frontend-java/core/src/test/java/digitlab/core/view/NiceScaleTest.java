package digitlab.core.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NiceScaleTest {
    private static double[] ticks(NiceScale scale) {
        double[] out = new double[scale.tickCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = scale.tick(i);
        }
        return out;
    }

    private static String[] labels(NiceScale scale) {
        String[] out = new String[scale.tickCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = scale.label(i);
        }
        return out;
    }

    @Test
    void niceStepsAreOneTwoFive() {
        assertEquals(1, NiceScale.niceStep(0.7), 1e-12);
        assertEquals(2, NiceScale.niceStep(1.3), 1e-12);
        assertEquals(5, NiceScale.niceStep(2.01), 1e-12);
        assertEquals(10, NiceScale.niceStep(5.5), 1e-12);
        assertEquals(0.02, NiceScale.niceStep(0.0123), 1e-12);
        assertEquals(20000, NiceScale.niceStep(12000), 1e-6);
    }

    @Test
    void linearAxisWidensToTicks() {
        NiceScale scale = NiceScale.linear(0.03, 0.97, 6);
        assertEquals(0, scale.min(), 1e-12);
        assertEquals(1, scale.max(), 1e-12);
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1}, ticks(scale), 1e-12);
        assertArrayEquals(new String[] {"0", "0.2", "0.4", "0.6", "0.8", "1.0"}, labels(scale));
    }

    @Test
    void largeValuesGetCompactLabels() {
        NiceScale scale = NiceScale.linear(0, 58_000, 5);
        assertEquals(0, scale.min(), 0);
        assertEquals(60_000, scale.max(), 1e-6);
        assertArrayEquals(new String[] {"0", "20k", "40k", "60k"}, labels(scale));
    }

    @Test
    void tickCountStaysNearTheLimit() {
        for (int maxTicks = 2; maxTicks <= 10; maxTicks++) {
            for (double hi : new double[] {0.013, 1, 7.3, 99, 123456, 1e9}) {
                NiceScale scale = NiceScale.linear(0, hi, maxTicks);
                assertTrue(scale.tickCount() <= maxTicks + 1, maxTicks + " ticks for " + hi + ": " + scale.tickCount());
                assertTrue(scale.tickCount() >= 2);
                assertTrue(scale.max() >= hi && scale.min() <= 0);
            }
        }
    }

    @Test
    void emptyAndBrokenRangesStillDraw() {
        NiceScale flat = NiceScale.linear(5, 5, 5);
        assertTrue(flat.min() < 5 && flat.max() > 5);
        NiceScale zero = NiceScale.linear(0, 0, 5);
        assertTrue(zero.min() < 0 && zero.max() > 0);
        NiceScale nan = NiceScale.linear(Double.NaN, 3, 5);
        assertEquals(0, nan.min(), 0);
        assertEquals(1, nan.max(), 0);
    }

    @Test
    void unitMappingIsLinearAndInvertible() {
        NiceScale scale = NiceScale.linear(0, 10, 6);
        assertEquals(0.5, scale.toUnit(5), 1e-12);
        assertEquals(7.5, scale.fromUnit(scale.toUnit(7.5)), 1e-12);
    }

    @Test
    void logAxisSnapsToOneTwoFive() {
        NiceScale scale = NiceScale.log(0.05, 2.3, 10);
        assertTrue(scale.isLog());
        assertEquals(0.05, scale.min(), 1e-12);
        assertEquals(5, scale.max(), 1e-12);
        assertArrayEquals(new double[] {0.05, 0.1, 0.2, 0.5, 1, 2, 5}, ticks(scale), 1e-12);
        assertArrayEquals(new String[] {"0.05", "0.1", "0.2", "0.5", "1", "2", "5"}, labels(scale));
        assertEquals(0, scale.toUnit(0.05), 1e-12);
        assertEquals(1, scale.toUnit(5), 1e-12);
        assertEquals(0.5, scale.toUnit(0.5), 1e-12);
        assertEquals(0.2, scale.fromUnit(scale.toUnit(0.2)), 1e-12);
        assertTrue(Double.isNaN(scale.toUnit(0)));
    }

    @Test
    void logAxisKeepsOneTwoFiveWhileTheyFit() {
        NiceScale scale = NiceScale.log(0.12, 2.3, 5);
        assertArrayEquals(new double[] {0.1, 0.2, 0.5, 1, 2, 5}, ticks(scale), 1e-12);
        NiceScale tight = NiceScale.log(0.12, 2.3, 3);
        assertArrayEquals(new double[] {0.1, 1}, ticks(tight), 1e-12);
        assertEquals(0.1, tight.min(), 1e-12);
    }

    @Test
    void wideLogAxisShowsDecades() {
        NiceScale scale = NiceScale.log(0.0001, 10, 5);
        assertArrayEquals(new double[] {1e-4, 1e-3, 1e-2, 0.1, 1, 10}, ticks(scale), 1e-15);
        NiceScale wider = NiceScale.log(1e-8, 10, 5);
        assertTrue(wider.tickCount() <= 6, "ticks: " + wider.tickCount());
    }

    @Test
    void logAxisRepairsNonPositiveInput() {
        NiceScale scale = NiceScale.log(0, 2, 10);
        assertTrue(scale.min() > 0);
        assertTrue(scale.max() >= 2);
        NiceScale single = NiceScale.log(1, 1, 10);
        assertTrue(single.max() > single.min());
    }
}

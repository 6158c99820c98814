package digitlab.core.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeriesTest {
    @Test
    void keepsPointsUntilFull() {
        Series series = new Series(8);
        for (int i = 0; i < 8; i++) {
            series.add(i * 10, i);
        }
        assertEquals(8, series.size());
        assertEquals(1, series.perPoint());
        assertEquals(70, series.x(7), 0);
        assertEquals(7, series.y(7), 0);
        assertEquals(0, series.minY(), 0);
        assertEquals(7, series.maxY(), 0);
        assertEquals(70, series.lastX(), 0);
    }

    @Test
    void mergesNeighboursWhenFullAndStaysBounded() {
        Series series = new Series(2000);
        for (int i = 0; i < 100_000; i++) {
            series.add(i, i % 7);
        }
        assertTrue(series.size() <= 2000);
        assertTrue(series.size() > 1000, "size " + series.size());
        assertEquals(100_000, series.added());
        assertEquals(99_999, series.maxX(), 0);
        assertEquals(99_999, series.lastX(), 0);
        // Means of merged points lie between the extremes, the x's still increase.
        for (int i = 1; i < series.size(); i++) {
            assertTrue(series.x(i) > series.x(i - 1));
            assertTrue(series.low(i) <= series.y(i) && series.y(i) <= series.high(i));
        }
    }

    @Test
    void mergedPointIsTheMeanAndKeepsItsExtremes() {
        Series series = new Series(4);
        series.add(0, 1);
        series.add(1, 3);
        series.add(2, 10);
        series.add(3, 0);
        series.add(4, 5); // full: halves to (0.5, 2) and (2.5, 5), then appends
        assertEquals(3, series.size());
        assertEquals(2, series.perPoint());
        assertEquals(0.5, series.x(0), 1e-12);
        assertEquals(2, series.y(0), 1e-12);
        assertEquals(1, series.low(0), 0);
        assertEquals(3, series.high(0), 0);
        assertEquals(5, series.y(1), 1e-12);
        assertEquals(0, series.low(1), 0);
        assertEquals(10, series.high(1), 0);
        series.add(5, 7); // joins the last point, which now holds 2 raw points
        assertEquals(3, series.size());
        assertEquals(4.5, series.x(2), 1e-12);
        assertEquals(6, series.y(2), 1e-12);
        assertEquals(10, series.maxY(), 0);
        assertEquals(0, series.minY(), 0);
    }

    @Test
    void aSpikeSurvivesManyMerges() {
        Series series = new Series(16);
        for (int i = 0; i < 10_000; i++) {
            series.add(i, i == 5_000 ? 100 : 1);
        }
        assertEquals(100, series.maxY(), 0);
        double highest = 0;
        for (int i = 0; i < series.size(); i++) {
            highest = Math.max(highest, series.high(i));
        }
        assertEquals(100, highest, 0);
    }

    @Test
    void skipsNonFiniteValuesAndRejectsDecreasingX() {
        Series series = new Series(8);
        assertFalse(series.add(0, Double.NaN));
        assertFalse(series.add(0, Double.POSITIVE_INFINITY));
        assertTrue(series.isEmpty());
        assertTrue(Double.isNaN(series.minY()));
        assertTrue(series.add(5, 1));
        assertThrows(IllegalArgumentException.class, () -> series.add(4, 1));
        assertThrows(IllegalArgumentException.class, () -> series.add(Double.NaN, 1));
        assertTrue(series.add(5, 2));
    }

    @Test
    void aMeasurementIsOnePointHoweverOftenItIsReported() {
        // Progress reports as the page gets them: (examples seen when the test set was measured, its
        // accuracy), repeated until the next epoch end. Epochs 1 and 2 happen to score the same.
        Series test = new Series(8);
        double[][] reports = {
            {0, Double.NaN},
            {0, Double.NaN},
            {60_000, 0.95},
            {60_000, 0.95},
            {60_000, 0.95},
            {120_000, 0.95},
            {120_000, 0.95},
            {180_000, 0.96},
        };
        for (double[] r : reports) {
            test.addMeasurement(r[0], r[1]);
        }
        assertEquals(3, test.size());
        assertEquals(60_000, test.x(0), 0);
        assertEquals(120_000, test.x(1), 0);
        assertEquals(0.95, test.y(1), 0);
        assertEquals(180_000, test.x(2), 0);
        assertFalse(test.addMeasurement(180_000, 0.97), "the same measurement, reported again");
    }

    @Test
    void smoothingIsABiasCorrectedMovingAverage() {
        Series series = new Series(8, 0.9);
        series.add(0, 2);
        assertEquals(2, series.y(0), 1e-12); // corrected: the first point is not pulled towards 0
        series.add(1, 0);
        double ema = 0.9 * (0.1 * 2) + 0.1 * 0;
        assertEquals(ema / (1 - 0.81), series.y(1), 1e-12);
        assertEquals(0, series.lastRawY(), 0);
        assertEquals(series.y(1), series.lastY(), 0);
        for (int i = 2; i < 200; i++) {
            series.add(i, 0.5);
        }
        assertEquals(0.5, series.lastY(), 1e-6);
        assertEquals(2, series.maxY(), 1e-12);
    }

    @Test
    void nearestPointToAnX() {
        Series series = new Series(8);
        assertEquals(-1, series.nearestIndex(3));
        series.add(0, 0);
        series.add(10, 1);
        series.add(20, 2);
        assertEquals(0, series.nearestIndex(-5));
        assertEquals(0, series.nearestIndex(4));
        assertEquals(0, series.nearestIndex(5));
        assertEquals(1, series.nearestIndex(6));
        assertEquals(2, series.nearestIndex(19));
        assertEquals(2, series.nearestIndex(1000));
    }

    @Test
    void clearStartsOver() {
        Series series = new Series(4, 0.5);
        for (int i = 0; i < 10; i++) {
            series.add(i, i);
        }
        series.clear();
        assertTrue(series.isEmpty());
        assertEquals(1, series.perPoint());
        series.add(0, 3);
        assertEquals(3, series.y(0), 1e-12);
        assertEquals(3, series.minY(), 0);
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new Series(3));
        assertThrows(IllegalArgumentException.class, () -> new Series(7));
        assertThrows(IllegalArgumentException.class, () -> new Series(8, 1));
        assertThrows(IllegalArgumentException.class, () -> new Series(8, -0.1));
    }
}

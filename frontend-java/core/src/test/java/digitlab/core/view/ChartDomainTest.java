package digitlab.core.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChartDomainTest {
    private static Series series(double... xy) {
        Series s = new Series(100);
        for (int i = 0; i < xy.length; i += 2) {
            s.add(xy[i], xy[i + 1]);
        }
        return s;
    }

    @Test
    void noPointsShowZeroToOne() {
        ChartDomain linear = new ChartDomain(false);
        linear.include(new Series(10));
        assertTrue(linear.isEmpty());
        assertEquals(0, linear.xScale(5).min(), 0);
        assertEquals(1, linear.xScale(5).max(), 0);
        assertEquals(0, linear.yScale(5).min(), 0);
        assertEquals(1, linear.yScale(5).max(), 0);
        ChartDomain log = new ChartDomain(true);
        assertEquals(0.1, log.yScale(5).min(), 1e-12);
        assertEquals(1, log.yScale(5).max(), 1e-12);
    }

    @Test
    void theAxesCoverEverySeriesAndXStartsAtZero() {
        ChartDomain domain = new ChartDomain(false);
        domain.include(series(1000, 0.5, 2000, 0.7));
        domain.include(series(1500, 0.2, 3000, 0.9));
        assertFalse(domain.isEmpty());
        assertEquals(4, domain.points());
        NiceScale x = domain.xScale(5);
        assertEquals(0, x.min(), 0);
        assertTrue(x.max() >= 3000);
        NiceScale y = domain.yScale(5);
        assertTrue(y.min() <= 0.2 && y.max() >= 0.9, y.min() + ".." + y.max());
        assertEquals(NiceScale.linear(0.2, 0.9, 5).min(), y.min(), 0);
    }

    @Test
    void aLogAxisSkipsValuesThatAreNotPositive() {
        ChartDomain domain = new ChartDomain(true);
        domain.include(series(1, 0.0, 2, 0.05, 3, 2.3));
        NiceScale y = domain.yScale(5);
        assertEquals(NiceScale.log(0.05, 2.3, 5).min(), y.min(), 0);
        assertEquals(NiceScale.log(0.05, 2.3, 5).max(), y.max(), 0);
    }
}

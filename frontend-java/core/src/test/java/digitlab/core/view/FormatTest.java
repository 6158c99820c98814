package digitlab.core.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FormatTest {
    @Test
    void fixedRoundsHalfAwayFromZeroAndPads() {
        assertEquals("3.14", Format.fixed(3.14159, 2));
        assertEquals("3", Format.fixed(2.5, 0));
        assertEquals("-3", Format.fixed(-2.5, 0));
        assertEquals("0.05", Format.fixed(0.05, 2));
        assertEquals("1.000", Format.fixed(0.9996, 3));
        assertEquals("12.0", Format.fixed(12, 1));
        assertEquals("0.001", Format.fixed(0.001, 3));
    }

    @Test
    void neverShowsMinusZero() {
        assertEquals("0.00", Format.fixed(-0.001, 2));
        assertEquals("0", Format.fixed(-0.0, 0));
    }

    @Test
    void missingAndInfiniteValues() {
        assertEquals(Format.MISSING, Format.fixed(Double.NaN, 2));
        assertEquals(Format.MISSING, Format.percent(Double.NaN));
        assertEquals("\u221e", Format.fixed(Double.POSITIVE_INFINITY, 1));
        assertThrows(IllegalArgumentException.class, () -> Format.fixed(1, 10));
    }

    @Test
    void percentages() {
        assertEquals("97.31%", Format.percent(0.9731));
        assertEquals("97.3%", Format.percent(0.9731, 1));
        assertEquals("100.00%", Format.percent(1));
        assertEquals("0%", Format.percent(0.001, 0));
    }

    @Test
    void probabilityHasTwoDecimals() {
        assertEquals("0.87", Format.probability(0.8749));
        assertEquals("1.00", Format.probability(0.999));
    }

    @Test
    void trimmedDropsTrailingZeros() {
        assertEquals("2.5", Format.trimmed(2.5, 3));
        assertEquals("2", Format.trimmed(2.0001, 3));
        assertEquals("120", Format.trimmed(120, 2));
    }

    @Test
    void significantDigits() {
        assertEquals("0.231", Format.significant(0.231456, 3));
        assertEquals("2.5", Format.significant(2.5, 3));
        assertEquals("0.0012", Format.significant(0.00123, 2));
        assertEquals("12346", Format.significant(12345.6, 3));
        assertEquals("0", Format.significant(0, 3));
        assertEquals("-1.5", Format.significant(-1.5, 2));
    }

    @Test
    void compactCounts() {
        assertEquals("12.3k", Format.compact(12345.6));
        assertEquals("950", Format.compact(950));
        assertEquals("0.25", Format.compact(0.25));
        assertEquals("60k", Format.compact(60000));
        assertEquals("2.5M", Format.compact(2_500_000));
        assertEquals("100k", Format.compact(99_960));
        assertEquals("1M", Format.compact(999_960));
        assertEquals("1k", Format.compact(999.7));
        assertEquals("-1.5k", Format.compact(-1500));
        assertEquals("250k", Format.compact(250_000));
    }

    @Test
    void groupedSeparatesThousands() {
        assertEquals("0", Format.grouped(0));
        assertEquals("999", Format.grouped(999));
        assertEquals("12,345", Format.grouped(12345));
        assertEquals("1,234,567", Format.grouped(1234567));
        assertEquals("-1,000", Format.grouped(-1000));
    }
}

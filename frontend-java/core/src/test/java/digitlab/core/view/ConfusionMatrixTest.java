package digitlab.core.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
    /** 3 classes: class 0 all right (8), class 1: 6 right, 3 taken for 2, 1 for 0; class 2 empty. */
    private static ConfusionMatrix sample() {
        ConfusionMatrix matrix = new ConfusionMatrix(3);
        matrix.set(new int[] {99, 8, 0, 0, 1, 6, 3, 0, 0, 0}, 1);
        return matrix;
    }

    @Test
    void countsTotalsAndAccuracy() {
        ConfusionMatrix matrix = sample();
        assertEquals(3, matrix.count(1, 2));
        assertEquals(10, matrix.rowTotal(1));
        assertEquals(0, matrix.rowTotal(2));
        assertEquals(18, matrix.total());
        assertEquals(14, matrix.correct());
        assertEquals(14 / 18.0, matrix.accuracy(), 1e-12);
        assertEquals(0.3, matrix.rowFraction(1, 2), 1e-12);
        assertEquals(0, matrix.rowFraction(2, 2), 0);
        assertTrue(Double.isNaN(new ConfusionMatrix(2).accuracy()));
    }

    @Test
    void coloursSayRightOrWrongAndHowMuch() {
        ConfusionMatrix matrix = sample();
        assertEquals(DivergingColormap.rgb(-1), matrix.colour(0, 0));
        assertEquals(DivergingColormap.rgb(-0.6), matrix.colour(1, 1));
        assertEquals(DivergingColormap.rgb(1), matrix.colour(1, 2)); // the worst mistake
        assertEquals(DivergingColormap.rgb(1 / 3.0), matrix.colour(1, 0));
        assertEquals(DivergingColormap.ZERO, matrix.colour(0, 1));
        assertEquals(DivergingColormap.ZERO, matrix.colour(2, 2));
    }

    @Test
    void worstMistakesComeFirst() {
        ConfusionMatrix matrix = new ConfusionMatrix(3);
        matrix.set(new int[] {5, 1, 4, 2, 5, 0, 4, 9, 5}, 0);
        assertArrayEquals(new int[] {7, 2, 6, 3}, matrix.worstMistakes(4));
        assertArrayEquals(new int[] {7, 2}, matrix.worstMistakes(2));
        assertArrayEquals(new int[] {7, 2, 6, 3, 1}, matrix.worstMistakes(10));
        assertArrayEquals(new int[0], matrix.worstMistakes(0));
    }

    @Test
    void rejectsShortInput() {
        assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(3).set(new int[9], 1));
    }
}

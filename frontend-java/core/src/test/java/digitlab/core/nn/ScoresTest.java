package digitlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScoresTest {
    @Test
    void argmaxIsRelativeAndTakesTheFirstOnTies() {
        float[] values = {9, 0.1f, 0.7f, 0.2f, 0.7f};
        assertEquals(1, Scores.argmax(values, 1, 4));
        assertEquals(0, Scores.argmax(values, 0, 5));
        assertEquals(1.7, Scores.sum(values, 1, 4), 1e-6);
    }
}

package digitlab.core.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PacingTest {
    @Test
    void progressTenTimesASecondWeightsLessOften() {
        Pacing pacing = new Pacing();
        pacing.progressSent(1000);
        pacing.weightsSent(1000);
        assertFalse(pacing.progressDue(1099, false, false));
        assertTrue(pacing.progressDue(1100, false, false));
        assertFalse(pacing.weightsDue(1399, false, false));
        assertTrue(pacing.weightsDue(1400, false, false));
    }

    @Test
    void aForcedLookOrAStoppedRunReportsAtOnce() {
        Pacing pacing = new Pacing();
        pacing.progressSent(1000);
        pacing.weightsSent(1000);
        assertTrue(pacing.progressDue(1001, true, false));
        assertTrue(pacing.progressDue(1001, false, true));
        assertTrue(pacing.weightsDue(1001, true, false));
        assertTrue(pacing.weightsDue(1001, false, true));
    }

    @Test
    void validationTakesAtMostATenthOfTheTime() {
        Pacing pacing = new Pacing();
        pacing.validated(1000, 1010); // 10 ms: the least spacing, 500 ms, applies
        assertFalse(pacing.validationDue(1509, false));
        assertTrue(pacing.validationDue(1510, false));
        pacing.validated(2000, 2080); // 80 ms: wait ten times that
        assertFalse(pacing.validationDue(2879, false));
        assertTrue(pacing.validationDue(2880, false));
        assertTrue(pacing.validationDue(2081, true));
        pacing.restart();
        assertTrue(pacing.validationDue(2580, false), "a new run starts at the least spacing again");
    }

    @Test
    void eachEpochEndIsSeenOnceAndCountsAsAValidation() {
        Pacing pacing = new Pacing();
        assertFalse(pacing.epochEnded(0, 100));
        assertTrue(pacing.epochEnded(1, 5000));
        assertFalse(pacing.epochEnded(1, 5001));
        assertFalse(pacing.validationDue(5400, false), "the trainer measured the validation images at the end");
        assertTrue(pacing.validationDue(5500, false));
        pacing.restart();
        assertTrue(pacing.epochEnded(1, 9000), "a new run's first epoch end");
    }
}

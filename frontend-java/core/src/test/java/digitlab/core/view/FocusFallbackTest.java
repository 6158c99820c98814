package digitlab.core.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FocusFallbackTest {
    // The run bar's row: Train, Pause, Step, Reset.
    private static final int TRAIN = 0;
    private static final int PAUSE = 1;
    private static final int RESET = 3;

    @Test
    void trainPressedGivesTheFocusToPauseAndPauseBackToTrain() {
        boolean[] training = {false, true, false, false};
        boolean[] paused = {true, false, true, true};
        assertEquals(PAUSE, FocusFallback.nearestEnabled(training, TRAIN));
        assertEquals(TRAIN, FocusFallback.nearestEnabled(paused, PAUSE), "Train before Step on a tie");
    }

    @Test
    void aRunThatEndsLeavesTheFocusOnTheNearestButtonStillEnabled() {
        boolean[] done = {false, false, false, true};
        assertEquals(RESET, FocusFallback.nearestEnabled(done, PAUSE));
    }

    @Test
    void anEnabledButtonKeepsTheFocus() {
        assertEquals(RESET, FocusFallback.nearestEnabled(new boolean[] {true, true, true, true}, RESET));
    }

    @Test
    void noEnabledButtonIsNone() {
        assertEquals(FocusFallback.NONE, FocusFallback.nearestEnabled(new boolean[4], TRAIN));
    }

    @Test
    void refusesAButtonOutsideTheRow() {
        assertThrows(IllegalArgumentException.class, () -> FocusFallback.nearestEnabled(new boolean[4], 4));
    }
}

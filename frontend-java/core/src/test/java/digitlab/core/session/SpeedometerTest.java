package digitlab.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpeedometerTest {
    @Test
    void zeroUntilTheFirstChunkThenItsRate() {
        Speedometer speed = new Speedometer();
        assertEquals(0, speed.examplesPerSecond(), 0);
        speed.add(40, 400);
        assertEquals(10_000, speed.examplesPerSecond(), 1e-9);
    }

    @Test
    void aSlowChunkMovesTheFigureAFifthOfTheWay() {
        Speedometer speed = new Speedometer();
        speed.add(40, 400); // 10 examples/ms
        speed.add(40, 200); // 5 examples/ms
        assertEquals(9_000, speed.examplesPerSecond(), 1e-9);
    }

    @Test
    void chunksWithoutTimeAreIgnoredAndRestartForgets() {
        Speedometer speed = new Speedometer();
        speed.add(0, 100);
        assertEquals(0, speed.examplesPerSecond(), 0);
        speed.add(10, 100);
        speed.restart();
        assertEquals(0, speed.examplesPerSecond(), 0);
    }
}

package digitlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Update rules and schedules on hand-computed numbers; p = 1, g = 0.5, lr = 0.1, mu = 0.9. */
class OptimizerTest {
    @Test
    void plainSgd() {
        float[] p = {1f};
        new Sgd().update(p, new float[] {0.5f}, 0.1f);
        assertEquals(0.95f, p[0], 1e-7); // 1 - 0.1 * 0.5
    }

    @Test
    void momentum() {
        float[] p = {1f};
        Sgd sgd = new Sgd(1, 0.9f, false);
        sgd.update(p, new float[] {0.5f}, 0.1f); // v = -0.05
        assertEquals(0.95f, p[0], 1e-7);
        sgd.update(p, new float[] {0.5f}, 0.1f); // v = 0.9 * -0.05 - 0.05 = -0.095
        assertEquals(0.855f, p[0], 1e-6);
    }

    @Test
    void nesterov() {
        float[] p = {1f};
        Sgd sgd = new Sgd(1, 0.9f, true);
        sgd.update(p, new float[] {0.5f}, 0.1f); // v = -0.05; p += 0.9 * v - 0.05 = -0.095
        assertEquals(0.905f, p[0], 1e-6);
    }

    @Test
    void adamFirstStepMovesByTheLearningRate() {
        // Bias correction makes the first step m_hat / sqrt(v_hat) = g / |g| = 1 (up to epsilon).
        float[] p = {1f, 1f};
        new Adam(2).update(p, new float[] {0.5f, -3f}, 0.1f);
        assertEquals(0.9f, p[0], 1e-5);
        assertEquals(1.1f, p[1], 1e-5);
    }

    @Test
    void plainSgdAddsTheSharesChanges() {
        Sgd sgd = new Sgd();
        float[] start = {1f, 2f};
        float[] params = {1.5f, 1f}; // after this worker's share
        sgd.mergeShare(params, start, new float[0], new float[] {0.75f, 2.5f}, new float[0], 4, 1);
        assertArrayEquals(new float[] {1.25f, 1.5f}, params, 1e-6f);
    }

    @Test
    void momentumAveragesParametersAndVelocityOverTheShares() {
        for (boolean nesterov : new boolean[] {false, true}) {
            Sgd sgd = new Sgd(1, 0.9f, nesterov);
            float[] start = {1f};
            float[] startVelocity = {0.1f};
            sgd.restore(new float[] {0.4f}, 0); // this worker's velocity after its share
            float[] params = {2f};
            sgd.mergeShare(params, start, startVelocity, new float[] {4f}, new float[] {0.1f}, 4, 1);
            assertEquals(3f, params[0], 1e-6);
            assertEquals(0.25f, sgd.state()[0], 1e-6);
            sgd.mergeShare(params, start, startVelocity, new float[] {0f}, new float[] {-0.35f}, 4, 2);
            assertEquals(2f, params[0], 1e-6); // (2 + 4 + 0) / 3
            assertEquals(0.05f, sgd.state()[0], 1e-6); // (0.4 + 0.1 - 0.35) / 3
        }
    }

    @Test
    void adamFoldsItsMomentsAsIfTheSharesRanOneAfterAnother() {
        // With a gradient that does not change, two shares of T steps folded together must leave the same
        // moments and step count as one worker that ran 2T steps.
        float[] g = {0.5f, -2f};
        int steps = 5;
        Adam start = new Adam(2);
        for (int i = 0; i < 3; i++) {
            start.update(new float[2], new float[] {-1f, 1f}, 0.01f); // some history before the round
        }
        Adam here = copyOf(start);
        Adam there = copyOf(start);
        Adam sequentialFromStart = copyOf(start);
        float[] startParams = new float[2];
        float[] mine = new float[2];
        float[] theirs = new float[2];
        float[] both = new float[2];
        for (int i = 0; i < steps; i++) {
            here.update(mine, g, 0.01f);
            there.update(theirs, g, 0.01f);
        }
        for (int i = 0; i < 2 * steps; i++) {
            sequentialFromStart.update(both, g, 0.01f);
        }
        here.mergeShare(mine, startParams, start.state().clone(), theirs, there.state(), steps, 1);
        assertArrayEquals(sequentialFromStart.state(), here.state(), 1e-6f);
        assertEquals(sequentialFromStart.steps(), here.steps());
        assertEquals(2 * mine.length, here.state().length);
    }

    private static Adam copyOf(Adam adam) {
        Adam copy = new Adam(adam.state().length / 2);
        copy.restore(adam.state(), adam.steps());
        return copy;
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Sgd(1, 1f, false));
        assertThrows(IllegalArgumentException.class, () -> new Adam(1, 1f, 0.9f, 1e-8f));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(2, 0.5f, false).update(new float[3], new float[3], 1f));
    }

    @Test
    void schedules() {
        assertEquals(0.1f, Schedule.CONSTANT.rate(0.1f, 7.5, 0.5f, 1, 10));
        assertEquals(0.05f, Schedule.STEP.rate(0.1f, 3.5, 0.5f, 2, 10), 1e-7); // floor(3.5 / 2) = 1 step
        assertEquals(0.025f, Schedule.STEP.rate(0.1f, 4.0, 0.5f, 2, 10), 1e-7);
        assertEquals(0.1f, Schedule.COSINE.rate(0.1f, 0, 0.5f, 1, 10), 1e-7);
        assertEquals(0.05f, Schedule.COSINE.rate(0.1f, 5, 0.5f, 1, 10), 1e-7);
        assertEquals(0f, Schedule.COSINE.rate(0.1f, 10, 0.5f, 1, 10), 1e-7);
        assertEquals(0f, Schedule.COSINE.rate(0.1f, 12, 0.5f, 1, 10), 1e-7);
    }

    @Test
    void activationDerivativesMatchTheirFunctions() {
        for (Activation a : Activation.values()) {
            for (float z : new float[] {-2.5f, -0.3f, 0.2f, 1.7f}) {
                double h = 1e-3;
                double numeric = (a.value((float) (z + h)) - a.value((float) (z - h))) / (2 * h);
                assertEquals(numeric, a.derivative(z, a.value(z)), 2e-3, a + " at " + z);
            }
            assertEquals(a, Activation.fromId(a.id()));
        }
    }
}

package digitlab.core.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import digitlab.core.nn.Activation;
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
        sgd.mergeShare(params, new ShareOutcome(start, new float[0], new float[] {0.75f, 2.5f}, new float[0], 4), 1);
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
            sgd.mergeShare(params, new ShareOutcome(start, startVelocity, new float[] {4f}, new float[] {0.1f}, 4), 1);
            assertEquals(3f, params[0], 1e-6);
            assertEquals(0.25f, sgd.state()[0], 1e-6);
            sgd.mergeShare(
                    params, new ShareOutcome(start, startVelocity, new float[] {0f}, new float[] {-0.35f}, 4), 2);
            assertEquals(2f, params[0], 1e-6); // (2 + 4 + 0) / 3
            assertEquals(0.05f, sgd.state()[0], 1e-6); // (0.4 + 0.1 - 0.35) / 3
        }
    }

    @Test
    void adamAddsTheChangesAndAveragesTheMoments() {
        Adam adam = new Adam(2);
        adam.restore(new float[] {0.2f, 0.4f, 1f, 2f}, 7); // m then v, after this worker's share
        float[] start = {1f, 1f};
        float[] params = {0.5f, 1.5f};
        adam.mergeShare(
                params,
                new ShareOutcome(start, new float[4], new float[] {0.75f, 2f}, new float[] {0.4f, 0f, 3f, 2f}, 4),
                1);
        assertArrayEquals(new float[] {0.25f, 2.5f}, params, 1e-6f);
        assertArrayEquals(new float[] {0.3f, 0.2f, 2f, 2f}, adam.state(), 1e-6f);
        assertEquals(7, adam.steps(), "the shares ran side by side: their steps count once");
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Sgd(1, 1f, false));
        assertThrows(IllegalArgumentException.class, () -> new Adam(1, 1f, 0.9f, 1e-8f));
        assertThrows(
                IllegalArgumentException.class, () -> new Sgd(2, 0.5f, false).update(new float[3], new float[3], 1f));
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
        // Restarts: every 2 epochs the cosine starts again from a peak halved each time.
        assertEquals(0.1f, Schedule.RESTARTS.rate(0.1f, 0, 0.5f, 2, 10), 1e-7);
        assertEquals(0.05f, Schedule.RESTARTS.rate(0.1f, 1, 0.5f, 2, 10), 1e-7);
        assertEquals(0f, Schedule.RESTARTS.rate(0.1f, 1.999999, 0.5f, 2, 10), 1e-6);
        assertEquals(0.05f, Schedule.RESTARTS.rate(0.1f, 2, 0.5f, 2, 10), 1e-7);
        assertEquals(0.0125f, Schedule.RESTARTS.rate(0.1f, 5, 0.5f, 2, 10), 1e-7);
    }

    @Test
    void activationDerivativesMatchTheirFunctions() {
        for (Activation a : Activation.values()) {
            for (float z : new float[] {-2.5f, -0.3f, 0.2f, 1.7f}) {
                double h = 1e-3;
                double numeric = (a.value((float) (z + h)) - a.value((float) (z - h))) / (2 * h);
                assertEquals(numeric, a.derivative(z, a.value(z)), 2e-3, a + " at " + z);
            }
        }
    }
}

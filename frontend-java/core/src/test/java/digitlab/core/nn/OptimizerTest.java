package digitlab.core.nn;

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

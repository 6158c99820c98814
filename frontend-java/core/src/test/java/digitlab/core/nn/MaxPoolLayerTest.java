package digitlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Max-pooling's routing of the gradient: to the first largest input of each window, adding up where windows overlap. */
class MaxPoolLayerTest {
    @Test
    void theFirstOfTiedMaximaWinsRowByRow() {
        Layer pool = new MaxPoolLayer.Spec(2, 2).create(new Shape(1, 2, 4), 0, 1);
        float[] x = {
            1, 3, 3, 2, //
            0, 3, 1, 3
        };
        float[] z = new float[2];
        pool.forward(new float[0], x, z, 1);
        assertArrayEquals(new float[] {3, 3}, z, 0f);

        float[] dx = new float[8];
        pool.backward(new float[0], x, new float[] {10, 20}, new float[0], dx, 1);
        // Window 1 ties at (0,1) and (1,1): (0,1) is first. Window 2 ties at (0,2) and (1,3): (0,2) is first.
        assertArrayEquals(new float[] {0, 10, 20, 0, 0, 0, 0, 0}, dx, 0f);
    }

    @Test
    void overlappingWindowsAddTheirGradients() {
        Layer pool = new MaxPoolLayer.Spec(2, 1).create(new Shape(1, 2, 3), 0, 2);
        float[] x = {
            0, 5, 0, //
            0, 0, 0, // example 2 below
            1, 0, 0, //
            0, 0, 2
        };
        float[] z = new float[4];
        pool.forward(new float[0], x, z, 2);
        assertArrayEquals(new float[] {5, 5, 1, 2}, z, 0f);
        float[] dx = new float[12];
        pool.backward(new float[0], x, new float[] {1, 2, 3, 4}, new float[0], dx, 2);
        assertArrayEquals(new float[] {0, 3, 0, 0, 0, 0, 3, 0, 0, 0, 0, 4}, dx, 0f);
    }
}

package digitlab.core.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class DiagramEdgesTest {
    @Test
    void theStrongestByMagnitudeComeFirst() {
        float[] w = {0.1f, -3, 2, 0, -0.5f, 2, Float.NaN, 1};
        assertArrayEquals(new int[] {1, 2, 5}, DiagramEdges.strongest(w, 3));
        assertArrayEquals(new int[] {1, 2, 5, 7, 4, 0}, DiagramEdges.strongest(w, 10), "no zero or NaN edges");
        assertArrayEquals(new int[0], DiagramEdges.strongest(new float[4], 3));
    }

    @Test
    void manyWeightsKeepOnlyTheTop() {
        float[] w = new float[100_352];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) Math.sin(i) * 0.01f;
        }
        w[777] = 5;
        w[42] = -4;
        int[] top = DiagramEdges.strongest(w, DiagramEdges.TOP);
        assertArrayEquals(new int[] {777, 42}, new int[] {top[0], top[1]});
        assertArrayEquals(new int[] {DiagramEdges.TOP}, new int[] {top.length});
    }
}

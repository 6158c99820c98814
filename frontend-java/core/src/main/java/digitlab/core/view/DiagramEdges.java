package digitlab.core.view;

/**
 * The edges the network diagram draws for a selected node: never all of them (784-128-10 has 100,000),
 * only the {@code k} strongest by magnitude of the weights into it and of those out of it, one weight per
 * pair of nodes (see {@link DiagramNodes#incomingByNode}).
 */
public final class DiagramEdges {
    /** Edges drawn on each side of a selected node. */
    public static final int TOP = 12;

    private DiagramEdges() {}

    /**
     * The indices of the {@code k} largest {@code |weights[i]|}, largest first (ties: the smaller index
     * first); zero and NaN weights are never edges.
     */
    public static int[] strongest(float[] weights, int k) {
        int[] top = new int[Math.min(k, weights.length)];
        int found = 0;
        for (int i = 0; i < weights.length; i++) {
            float a = Math.abs(weights[i]);
            if (!(a > 0)) {
                continue;
            }
            int at = found < top.length ? found++ : top.length;
            while (at > 0 && Math.abs(weights[top[at - 1]]) < a) {
                if (at < top.length) {
                    top[at] = top[at - 1];
                }
                at--;
            }
            if (at < top.length) {
                top[at] = i;
            }
        }
        if (found == top.length) {
            return top;
        }
        int[] fewer = new int[found];
        System.arraycopy(top, 0, fewer, 0, found);
        return fewer;
    }
}

package digitlab.core.view;

import digitlab.core.nn.Shape;

/**
 * The sentences of the network diagram: a node's name ("Hidden layer 1, unit 17") and its value for the
 * input shown ("activation 0.83"), for the line that screen readers hear when the selection changes.
 */
public final class DiagramText {
    private DiagramText() {}

    /** E.g. "Input, pixel (14, 7)", "Hidden layer 2, unit 17", "Layer 1 (conv 8@5x5 same), map 3", "Output 4". */
    public static String name(DiagramNodes nodes, DiagramLayout.Pick pick) {
        int l = pick.layer();
        int n = pick.node();
        LayerOutline outline = nodes.outline();
        if (l == 0) {
            Shape input = outline.shape(0);
            return switch (nodes.look(0)) {
                case PIXELS -> "Input, pixel (" + n % input.width() + ", " + n / input.width() + ")";
                case TILES -> "Input, channel " + n;
                case DOTS -> "Input " + n;
            };
        }
        if (l == outline.layerCount() - 1 && nodes.look(l) == DiagramNodes.Look.DOTS) {
            return "Output " + n;
        }
        if (nodes.look(l) == DiagramNodes.Look.TILES) {
            return "Layer " + l + " (" + outline.spec(l) + "), map " + n;
        }
        return "Hidden layer " + l + ", unit " + n;
    }

    /**
     * The node's value for the input shown: a pixel's ink, a unit's activation, an output's probability, a
     * map's mean and largest activation; "no value yet" without activations.
     *
     * @param activations every layer's values, the input first, or null
     * @param offset where layer {@code pick.layer()}'s values start in {@code activations}
     */
    public static String value(DiagramNodes nodes, DiagramLayout.Pick pick, float[] activations, int offset) {
        if (activations == null) {
            return "no value yet";
        }
        int l = pick.layer();
        if (nodes.look(l) == DiagramNodes.Look.TILES) {
            int area = nodes.valuesPerNode(l);
            int from = offset + pick.node() * area;
            double sum = 0;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = from; i < from + area; i++) {
                sum += activations[i];
                max = Math.max(max, activations[i]);
            }
            return "mean " + Format.fixed(sum / area, 2) + ", largest " + Format.fixed(max, 2);
        }
        float value = activations[offset + pick.node()];
        if (l == 0) {
            return "ink " + Format.fixed(value, 2);
        }
        boolean output = l == nodes.layerCount() - 1;
        return (output ? "probability " : "activation ") + Format.fixed(value, 2);
    }

    /** What a node's incoming weights are, when it has none. */
    public static String noWeights(DiagramNodes nodes, int l) {
        if (l == 0) {
            return "The input has no incoming weights.";
        }
        return "A pool has no weights: each of its values is the largest in its window of the same channel.";
    }
}

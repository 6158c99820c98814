package digitlab.core.view;

import digitlab.core.nn.Network;

/**
 * The weights around one node of the network diagram, read from the network: the node's own incoming
 * weights (a dense unit's inputs, a convolution's filter; none for the input or a pool) and one weight to
 * each node of the next layer, the sum of the weights that read this node's values (none into a pool or
 * out of the output). The worker computes them for the selected node only, at the diagram's pace.
 */
public final class UnitLinks {
    private final DiagramNodes nodes;
    private float[] layerBuffer = new float[0];

    public UnitLinks(DiagramNodes nodes) {
        this.nodes = nodes;
    }

    /** Node {@code node} of layer {@code l}'s incoming weights ({@link DiagramNodes#weightsPerNode} floats). */
    public float[] incoming(Network network, int l, int node) {
        int per = nodes.weightsPerNode(l);
        if (per == 0) {
            return new float[0];
        }
        float[] all = weightsOf(network, l);
        float[] out = new float[per];
        System.arraycopy(all, node * per, out, 0, per);
        return out;
    }

    /** One weight from node {@code node} of layer {@code l} to each node of layer {@code l + 1}. */
    public float[] outgoing(Network network, int l, int node) {
        int next = l + 1;
        if (next >= nodes.layerCount() || !nodes.hasWeights(next)) {
            return new float[0];
        }
        float[] all = weightsOf(network, next);
        int per = nodes.weightsPerNode(next);
        int kernel = nodes.kernel(next);
        int group = kernel > 0 ? kernel * kernel : nodes.valuesPerNode(l);
        float[] out = new float[nodes.nodes(next)];
        for (int target = 0; target < out.length; target++) {
            float sum = 0;
            int from = target * per + node * group;
            for (int i = from; i < from + group; i++) {
                sum += all[i];
            }
            out[target] = sum;
        }
        return out;
    }

    private float[] weightsOf(Network network, int l) {
        int size = network.units(l) * network.weightsPerUnit(l);
        if (layerBuffer.length < size) {
            layerBuffer = new float[size];
        }
        network.copyWeightsByUnit(l, layerBuffer);
        return layerBuffer;
    }
}

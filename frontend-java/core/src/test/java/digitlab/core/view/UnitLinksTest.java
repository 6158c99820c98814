package digitlab.core.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import digitlab.core.nn.Activation;
import digitlab.core.nn.Architecture;
import digitlab.core.nn.Init;
import digitlab.core.nn.LayerGrammar;
import digitlab.core.nn.Loss;
import digitlab.core.nn.Network;
import digitlab.core.nn.Rng;
import org.junit.jupiter.api.Test;

class UnitLinksTest {
    private static Network network(String layers) {
        Network network = new Network(
                new Architecture(
                        LayerGrammar.parse(layers), new Activation[] {Activation.RELU}, Loss.SOFTMAX_CROSS_ENTROPY),
                1);
        network.initialise(Init.HE, new Rng(7));
        return network;
    }

    @Test
    void aDenseUnitReadsItsRowAndFeedsTheNextLayer() {
        Network network = network("16,5,3");
        DiagramNodes nodes = DiagramNodes.of(network.architecture().layers());
        UnitLinks links = new UnitLinks(nodes);
        float[] first = new float[5 * 16];
        network.copyWeightsByUnit(1, first);
        float[] second = new float[3 * 5];
        network.copyWeightsByUnit(2, second);

        float[] in = links.incoming(network, 1, 2);
        assertEquals(16, in.length);
        assertEquals(first[2 * 16 + 9], in[9]);
        float[] out = links.outgoing(network, 1, 2);
        assertArrayEquals(new float[] {second[2], second[5 + 2], second[10 + 2]}, out);
        assertEquals(0, links.outgoing(network, 2, 0).length, "nothing after the output");
        assertEquals(0, links.incoming(network, 0, 3).length, "nothing into the input");
        float[] fromPixel = links.outgoing(network, 0, 9);
        assertEquals(first[16 + 9], fromPixel[1]);
    }

    @Test
    void aChannelFeedsAFilterWithTheSumOfItsKernel() {
        Network network = network("16,c2k3,c3k3,p2,4");
        UnitLinks links = new UnitLinks(DiagramNodes.of(network.architecture().layers()));
        float[] filters = new float[3 * 2 * 9];
        network.copyWeightsByUnit(2, filters);
        float[] out = links.outgoing(network, 1, 1);
        assertEquals(3, out.length);
        float sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += filters[2 * 18 + 9 + i];
        }
        assertEquals(sum, out[2], 1e-6);
        assertEquals(18, links.incoming(network, 2, 0).length);
        assertEquals(0, links.outgoing(network, 2, 0).length, "a pool has no weights");
        float[] dense = new float[4 * 12];
        network.copyWeightsByUnit(4, dense);
        float[] fromPooled = links.outgoing(network, 3, 2);
        assertEquals(dense[12 + 8] + dense[12 + 9] + dense[12 + 10] + dense[12 + 11], fromPooled[1], 1e-6);
    }
}

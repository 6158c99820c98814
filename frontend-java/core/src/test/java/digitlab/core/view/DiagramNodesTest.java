package digitlab.core.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import digitlab.core.nn.LayerGrammar;
import org.junit.jupiter.api.Test;

class DiagramNodesTest {
    @Test
    void aDenseNetHasPixelsAndDots() {
        DiagramNodes nodes = DiagramNodes.of(LayerGrammar.parse("784,32,10"));
        assertEquals(DiagramNodes.Look.PIXELS, nodes.look(0));
        assertEquals(784, nodes.nodes(0));
        assertEquals(DiagramNodes.Look.DOTS, nodes.look(1));
        assertEquals(784, nodes.weightsPerNode(1));
        assertEquals(32, nodes.weightsPerNode(2));
        assertEquals(0, nodes.weightsPerNode(0));
        assertEquals("784", nodes.token(0));
        assertEquals("32", nodes.token(1));
    }

    @Test
    void aConvNetHasTilesPerChannel() {
        DiagramNodes nodes = DiagramNodes.of(LayerGrammar.parse("784,c4k5,p2,c6k3,10"));
        assertEquals(DiagramNodes.Look.TILES, nodes.look(0));
        assertEquals(1, nodes.nodes(0));
        assertEquals(4, nodes.nodes(1));
        assertEquals(14 * 14, nodes.valuesPerNode(2));
        assertFalse(nodes.hasWeights(2), "a pool");
        assertEquals(4 * 3 * 3, nodes.weightsPerNode(3));
        assertEquals(6 * 14 * 14, nodes.weightsPerNode(4));
        assertEquals("c4k5", nodes.token(1));
    }

    @Test
    void incomingWeightsAddUpPerNodeBelow() {
        DiagramNodes nodes = DiagramNodes.of(LayerGrammar.parse("16,c2k1,p2,3"));
        // The pool's output is 2 channels of 2x2: a dense unit's 8 weights, 4 a channel.
        float[] dense = {1, 2, 3, 4, -1, -1, -1, 0.5f};
        assertArrayEquals(new float[] {10, -2.5f}, nodes.incomingByNode(3, 0, dense));
        // A 1x1 filter on 2 channels: one weight a channel.
        DiagramNodes deeper = DiagramNodes.of(LayerGrammar.parse("16,c2k1,c3k2,3"));
        assertArrayEquals(
                new float[] {1, -2}, deeper.incomingByNode(2, 0, new float[] {0.5f, 0.5f, 0, 0, -1, -1, 0, 0}));
        assertArrayEquals(new float[] {0, 1}, nodes.incomingByNode(2, 1, new float[0]), "a pool reads its own channel");
        assertArrayEquals(
                new float[] {5, -1},
                DiagramNodes.of(LayerGrammar.parse("4,2,3")).incomingByNode(2, 0, new float[] {5, -1}));
        assertThrows(IllegalArgumentException.class, () -> nodes.incomingByNode(3, 0, new float[3]));
    }
}

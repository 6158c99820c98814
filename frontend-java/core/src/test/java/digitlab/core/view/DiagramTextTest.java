package digitlab.core.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import digitlab.core.nn.LayerGrammar;
import org.junit.jupiter.api.Test;

class DiagramTextTest {
    @Test
    void namesAndValues() {
        DiagramNodes nodes = DiagramNodes.of(LayerGrammar.parse("784,32,10"));
        float[] values = new float[784 + 32 + 10];
        values[784 + 17] = 0.834f;
        values[784 + 32 + 3] = 0.91f;
        values[5 * 28 + 14] = 0.5f;
        DiagramLayout.Pick unit = new DiagramLayout.Pick(1, 17);
        assertEquals("Hidden layer 1, unit 17", DiagramText.name(nodes, unit));
        assertEquals("activation 0.83", DiagramText.value(nodes, unit, values, 784));
        assertEquals("Output 3", DiagramText.name(nodes, new DiagramLayout.Pick(2, 3)));
        assertEquals("probability 0.91", DiagramText.value(nodes, new DiagramLayout.Pick(2, 3), values, 816));
        DiagramLayout.Pick pixel = new DiagramLayout.Pick(0, 5 * 28 + 14);
        assertEquals("Input, pixel (14, 5)", DiagramText.name(nodes, pixel));
        assertEquals("ink 0.50", DiagramText.value(nodes, pixel, values, 0));
        assertEquals("no value yet", DiagramText.value(nodes, pixel, null, 0));
    }

    @Test
    void mapsAreNamedByTheirLayer() {
        DiagramNodes nodes = DiagramNodes.of(LayerGrammar.parse("16,c2k3,p2,3"));
        DiagramLayout.Pick map = new DiagramLayout.Pick(1, 1);
        assertEquals("Layer 1 (conv 2@3x3 same), map 1", DiagramText.name(nodes, map));
        float[] values = new float[16 + 32 + 8 + 3];
        values[16 + 16 + 5] = 2;
        values[16 + 16 + 6] = -1;
        assertEquals("mean 0.06, largest 2.00", DiagramText.value(nodes, map, values, 16));
    }
}

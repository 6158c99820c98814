package digitlab.core.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import digitlab.core.nn.LayerGrammar;
import org.junit.jupiter.api.Test;

class IncomingPictureTest {
    @Test
    void eachKindOfNodeHasItsPicture() {
        DiagramNodes dense = DiagramNodes.of(LayerGrammar.parse("784,128,10"));
        IncomingPicture first = new IncomingPicture(dense, 1, 112);
        assertEquals("784 weights as a 28\u00d728 image", first.description());
        assertEquals(112, first.width(), "28 pixels at scale 4");
        IncomingPicture output = new IncomingPicture(dense, 2, 112);
        assertEquals("128 weights, 12 a row", output.description());
        assertEquals(0, output.width() % 12);

        DiagramNodes conv = DiagramNodes.of(LayerGrammar.parse("784,c4k5,p2,c6k3,10"));
        assertEquals("its filter: 5\u00d75", new IncomingPicture(conv, 1, 112).description());
        assertEquals(
                "its filter: 3\u00d73 on each of 4 input channels", new IncomingPicture(conv, 3, 112).description());
        assertEquals("1176 weights as 6 maps of 14\u00d714", new IncomingPicture(conv, 4, 112).description());
        assertThrows(IllegalArgumentException.class, () -> new IncomingPicture(conv, 2, 112), "a pool");
    }

    @Test
    void paintingFollowsTheWeights() {
        IncomingPicture picture = new IncomingPicture(DiagramNodes.of(LayerGrammar.parse("784,32,10")), 2, 64);
        byte[] rgba = picture.newBuffer();
        float[] w = new float[32];
        w[0] = 1;
        int before = picture.paint(w, rgba);
        assertEquals(Palette.ACCENT >> 16, rgba[0] & 0xFF, "weight 0 at the top left, at full colour");
        w[31] = -1;
        assertNotEquals(before, picture.paint(w, rgba));
        assertThrows(IllegalArgumentException.class, () -> picture.paint(new float[31], rgba));
    }
}

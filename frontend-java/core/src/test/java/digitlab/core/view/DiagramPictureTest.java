package digitlab.core.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.nn.LayerGrammar;
import org.junit.jupiter.api.Test;

class DiagramPictureTest {
    private static int rgbAt(byte[] rgba, int width, int x, int y) {
        int at = (y * width + x) * 4;
        return (rgba[at] & 0xFF) << 16 | (rgba[at + 1] & 0xFF) << 8 | rgba[at + 2] & 0xFF;
    }

    private static DiagramPicture picture(String layers) {
        return new DiagramPicture(new DiagramLayout(DiagramNodes.of(LayerGrammar.parse(layers)), 800, 360, 1));
    }

    @Test
    void nodesTakeTheirValuesColours() {
        DiagramPicture picture = picture("784,32,10");
        DiagramLayout d = picture.layout();
        float[] values = new float[picture.values()];
        values[picture.offset(0) + 3 * 28 + 4] = 1; // an inked pixel
        values[picture.offset(1) + 7] = 2; // the hidden layer's largest: full orange
        values[picture.offset(1) + 8] = -2;
        values[picture.offset(2) + 4] = 0.5f;
        byte[] rgba = picture.newBuffer();
        int hash = picture.paint(values, null, null, null, rgba);
        int w = d.width();
        DiagramLayout.Column input = d.column(0);
        assertEquals(Palette.inkRed(255), rgbAt(rgba, w, input.centreX(3 * 28 + 4), input.centreY(3 * 28 + 4)) >> 16);
        assertEquals(Palette.BACKGROUND >> 16, rgbAt(rgba, w, input.centreX(0), input.centreY(0)) >> 16);
        DiagramLayout.Column hidden = d.column(1);
        assertEquals(Palette.ACCENT, rgbAt(rgba, w, hidden.centreX(7), hidden.centreY(7)));
        assertEquals(Palette.LINE_2, rgbAt(rgba, w, hidden.centreX(8), hidden.centreY(8)));
        assertEquals(DivergingColormap.ZERO, rgbAt(rgba, w, hidden.centreX(0), hidden.centreY(0)));
        assertEquals(Palette.NODE_RING, rgbAt(rgba, w, hidden.nodeX(0) + hidden.nodeWidth() / 2, hidden.nodeY(0)));
        DiagramLayout.Column output = d.column(2);
        assertEquals(
                DivergingColormap.tableRgb(DivergingColormap.index(0.5)),
                rgbAt(rgba, w, output.centreX(4), output.centreY(4)),
                "probabilities at their own scale");

        values[picture.offset(1) + 9] = 1;
        assertNotEquals(hash, picture.paint(values, null, null, null, rgba), "the hash follows the values");
    }

    @Test
    void aSelectedNodeGetsARingAndItsStrongestEdges() {
        DiagramPicture picture = picture("784,32,10");
        DiagramLayout d = picture.layout();
        DiagramLayout.Column hidden = d.column(1);
        DiagramLayout.Column output = d.column(2);
        float[] incoming = new float[784];
        incoming[14 * 28 + 27] = 3; // one strong pixel
        float[] outgoing = new float[10];
        outgoing[3] = -2;
        byte[] rgba = picture.newBuffer();
        picture.paint(new float[picture.values()], new DiagramLayout.Pick(1, 0), incoming, outgoing, rgba);
        int w = d.width();
        assertEquals(Palette.TEXT, rgbAt(rgba, w, hidden.nodeX(0) - 3, hidden.centreY(0)), "the selection ring");
        int midIn = (d.column(0).left() + d.column(0).width() + hidden.left()) / 2;
        int[] column = new int[d.height()];
        int orange = 0;
        for (int y = 0; y < d.height(); y++) {
            column[y] = rgbAt(rgba, w, midIn, y);
            if (column[y] == Palette.ACCENT) {
                orange++;
            }
        }
        assertTrue(orange > 0, "a positive edge in full orange crosses the gap");
        int midOut = (hidden.left() + hidden.width() + output.left()) / 2;
        int blue = 0;
        for (int y = 0; y < d.height(); y++) {
            if (rgbAt(rgba, w, midOut, y) == Palette.LINE_2) {
                blue++;
            }
        }
        assertTrue(blue > 0, "a negative edge in full blue");
        assertThrows(
                IllegalArgumentException.class,
                () -> picture.paint(null, new DiagramLayout.Pick(1, 0), new float[5], null, rgba),
                "edge weights must match the layer below");
    }

    @Test
    void convolutionsShowFeatureMaps() {
        DiagramPicture picture = picture("784,c4k5,p2,10");
        DiagramLayout d = picture.layout();
        float[] values = new float[picture.values()];
        int map2 = picture.offset(1) + 2 * 784;
        values[map2 + 10 * 28 + 10] = 3;
        byte[] rgba = picture.newBuffer();
        picture.paint(values, null, null, null, rgba);
        DiagramLayout.Column conv = d.column(1);
        int s = conv.scale();
        assertEquals(Palette.ACCENT, rgbAt(rgba, d.width(), conv.nodeX(2) + 10 * s, conv.nodeY(2) + 10 * s));
        assertThrows(IllegalArgumentException.class, () -> picture.paint(new float[3], null, null, null, rgba));
    }
}

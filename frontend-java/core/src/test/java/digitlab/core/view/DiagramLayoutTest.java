package digitlab.core.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.nn.LayerGrammar;
import org.junit.jupiter.api.Test;

class DiagramLayoutTest {
    private static DiagramLayout layout(String layers, int width, int height, double unit) {
        return new DiagramLayout(DiagramNodes.of(LayerGrammar.parse(layers)), width, height, unit);
    }

    /** Every node lies inside the canvas, below the caption band, and no two columns overlap. */
    private static void assertReadable(DiagramLayout layout) {
        int previousRight = 0;
        for (int l = 0; l < layout.layerCount(); l++) {
            DiagramLayout.Column c = layout.column(l);
            assertTrue(c.left() >= previousRight, "column " + l + " starts after the one before");
            for (int n = 0; n < c.nodes(); n++) {
                int x = c.nodeX(n);
                int y = c.nodeY(n);
                assertTrue(x >= c.left() && x + c.nodeWidth() <= c.left() + c.width(), "node " + n + " of " + l);
                assertTrue(y >= layout.px(DiagramLayout.CAPTION_BAND), "node " + n + " of " + l + " below captions");
                assertTrue(x + c.nodeWidth() <= layout.width() && y + c.nodeHeight() <= layout.height(), "inside");
            }
            previousRight = c.left() + c.width();
        }
    }

    /** Clicking the centre of every node picks that node. */
    private static void assertHitsEveryNode(DiagramLayout layout) {
        for (int l = 0; l < layout.layerCount(); l++) {
            DiagramLayout.Column c = layout.column(l);
            for (int n = 0; n < c.nodes(); n++) {
                assertEquals(
                        new DiagramLayout.Pick(l, n),
                        layout.nodeAt(c.centreX(n) + 0.5, c.centreY(n) + 0.5),
                        "layer " + l + " node " + n);
            }
        }
    }

    @Test
    void aDenseNetOnADesktopHasAPixelBlockWrappedDotsAndTenOutputs() {
        DiagramLayout d = layout("784,128,10", 1000, 420, 1);
        DiagramLayout.Column input = d.column(0);
        assertEquals(DiagramNodes.Look.PIXELS, input.look());
        assertEquals(784, input.nodes());
        assertEquals(28, input.subColumns(), "28 pixels a row");
        assertEquals(input.nodeWidth() * 28, input.width());
        assertTrue(input.nodeWidth() >= 4, "pixels of " + input.nodeWidth());
        DiagramLayout.Column hidden = d.column(1);
        assertEquals(128, hidden.nodes());
        assertTrue(hidden.subColumns() > 1, "128 dots wrap");
        assertTrue(hidden.nodeWidth() >= 10, "large dots when there is room: " + hidden.nodeWidth());
        DiagramLayout.Column output = d.column(2);
        assertEquals(1, output.subColumns());
        assertTrue(output.nodeWidth() > hidden.nodeWidth(), "the outputs are the largest dots");
        assertTrue(d.column(1).left() - (input.left() + input.width()) >= DiagramLayout.MIN_GAP, "room for edges");
        assertReadable(d);
        assertHitsEveryNode(d);
    }

    @Test
    void everyNetworkFitsADesktopAndAPhone() {
        String[] nets = {
            "784,128,10",
            "784,25,10",
            "784,256,128,64,10",
            "784,c8k5,p2,c16k5,p2,10",
            "784,c4k5,p2,c6k3,10",
            "784,1000,500,250,10",
            "100,10"
        };
        for (String net : nets) {
            for (int[] size : new int[][] {{1300, 440}, {716, 540}}) {
                double unit = size[0] == 716 ? 2 : 1; // a 358x270 CSS-pixel phone canvas at 2x
                DiagramLayout d = layout(net, size[0], size[1], unit);
                assertReadable(d);
                assertHitsEveryNode(d);
            }
        }
    }

    @Test
    void theInputOfAConvolutionIsOneTile() {
        DiagramLayout d = layout("784,c8k5,p2,c16k5,p2,10", 900, 400, 1);
        assertEquals(DiagramNodes.Look.TILES, d.column(0).look());
        assertEquals(1, d.column(0).nodes());
        assertEquals(8, d.column(1).nodes());
        assertEquals(28 * d.column(1).scale(), d.column(1).nodeWidth());
        assertEquals(16, d.column(3).nodes());
        assertEquals(DiagramNodes.Look.DOTS, d.column(5).look());
    }

    @Test
    void pointsAwayFromEveryColumnPickNothing() {
        DiagramLayout d = layout("784,128,10", 1000, 420, 1);
        assertNull(d.nodeAt(1, 1));
        DiagramLayout.Column input = d.column(0);
        DiagramLayout.Column hidden = d.column(1);
        assertNull(d.nodeAt((input.left() + input.width() + hidden.left()) / 2.0, hidden.centreY(0)));
        assertEquals(new DiagramLayout.Pick(1, 0), d.nodeAt(hidden.left() - 2, hidden.top() - 2), "near counts");
    }

    @Test
    void arrowsStepWithinALayerAndAcrossLayers() {
        DiagramLayout d = layout("784,128,10", 1000, 420, 1);
        DiagramLayout.Pick unit = new DiagramLayout.Pick(1, 5);
        assertEquals(new DiagramLayout.Pick(1, 6), d.move(unit, 0, 1));
        assertEquals(new DiagramLayout.Pick(1, 4), d.move(unit, 0, -1));
        assertEquals(new DiagramLayout.Pick(1, 0), d.move(new DiagramLayout.Pick(1, 0), 0, -1), "stays at the top");
        DiagramLayout.Pick output = d.move(unit, 1, 0);
        assertEquals(2, output.layer());
        assertEquals(new DiagramLayout.Pick(2, 9), d.move(new DiagramLayout.Pick(2, 9), 1, 0), "the last layer");
        DiagramLayout.Pick pixel = d.move(unit, -1, 0);
        assertEquals(0, pixel.layer());
        assertEquals(27, pixel.node() % 28, "enters the input at its right edge");
        assertEquals(new DiagramLayout.Pick(0, 28 * 3 + 4), d.move(new DiagramLayout.Pick(0, 28 * 3 + 5), -1, 0));
        assertEquals(new DiagramLayout.Pick(0, 28 * 4 + 5), d.move(new DiagramLayout.Pick(0, 28 * 3 + 5), 0, 1));
        assertEquals(1, d.move(new DiagramLayout.Pick(0, 28 * 3 + 27), 1, 0).layer(), "off the block's right edge");
        assertEquals(new DiagramLayout.Pick(0, 28 * 3), d.move(new DiagramLayout.Pick(0, 28 * 3), -1, 0));
    }

    @Test
    void aPhoneGetsSmallerNodesThanADesktop() {
        DiagramLayout desktop = layout("784,256,128,64,10", 1300, 440, 1);
        DiagramLayout phone = layout("784,256,128,64,10", 358, 270, 1);
        assertTrue(phone.column(1).nodeWidth() < desktop.column(1).nodeWidth());
        assertReadable(phone);
    }
}

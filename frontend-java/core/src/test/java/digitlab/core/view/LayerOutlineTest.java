package digitlab.core.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.nn.LayerGrammar;
import digitlab.core.nn.LayerStack;
import org.junit.jupiter.api.Test;

class LayerOutlineTest {
    @Test
    void aCnnRoundTripsThroughTheReportFields() {
        LayerStack stack = LayerGrammar.parse("784,c8k5,p2,c16k5,p3,10");
        int[] shapes = LayerOutline.shapeInts(stack);
        assertArrayEquals(new int[] {1, 28, 28, 8, 28, 28, 8, 14, 14, 16, 14, 14, 16, 4, 4, 10, 1, 1}, shapes);
        LayerOutline outline = LayerOutline.of("784,c8k5,p2,c16k5,p3,10", shapes);
        assertEquals(6, outline.layerCount());
        assertEquals(LayerOutline.Kind.INPUT, outline.kind(0));
        assertEquals(LayerOutline.Kind.CONV, outline.kind(1));
        assertEquals(LayerOutline.Kind.POOL, outline.kind(2));
        assertEquals(LayerOutline.Kind.DENSE, outline.kind(5));
        assertTrue(outline.showsMaps(1));
        assertTrue(outline.showsMaps(4));
        assertFalse(outline.showsMaps(5));
        assertTrue(outline.hasMaps());
        assertEquals("conv 8@5x5 same \u2192 8x28x28", outline.caption(1));
        assertEquals("max-pool 2x2 \u2192 8x14x14", outline.caption(2));
        assertEquals("dense 10", outline.caption(5));
        assertEquals("1x28x28,8x28x28,8x14x14,16x14x14,16x4x4,10x1x1", outline.shapesText());
        assertArrayEquals(new int[] {784, 6272, 1568, 3136, 256, 10}, outline.sizes());
    }

    @Test
    void aDenseNetworkHasNoMaps() {
        LayerOutline outline = LayerOutline.of("784,128,10", LayerOutline.shapeInts(LayerGrammar.parse("784,128,10")));
        assertFalse(outline.hasMaps());
        assertEquals("dense 128", outline.caption(1));
        assertEquals("784,128,10", outline.layers());
    }

    @Test
    void shapesThatDisagreeWithTheLayersAreRefused() {
        int[] shapes = LayerOutline.shapeInts(LayerGrammar.parse("784,c8k5,p2,10"));
        assertThrows(IllegalArgumentException.class, () -> LayerOutline.of("784,c4k5,p2,10", shapes));
        assertThrows(IllegalArgumentException.class, () -> LayerOutline.of("784,c8k5,10", shapes));
    }
}

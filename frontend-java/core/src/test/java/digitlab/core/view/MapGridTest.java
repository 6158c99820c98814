package digitlab.core.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import digitlab.core.nn.Shape;
import org.junit.jupiter.api.Test;

class MapGridTest {
    private static int rgbAt(byte[] rgba, int width, int x, int y) {
        int at = (y * width + x) * 4;
        return (rgba[at] & 0xFF) << 16 | (rgba[at + 1] & 0xFF) << 8 | rgba[at + 2] & 0xFF;
    }

    @Test
    void mapsWrapIntoRowsWithGaps() {
        MapGrid grid = new MapGrid(10, 3, 2, 4, 2, 1);
        assertEquals(4, grid.columns());
        assertEquals(3, grid.rows());
        assertEquals(4 * (2 * 2 + 1) + 1, grid.width());
        assertEquals(3 * (3 * 2 + 1) + 1, grid.height());
        assertEquals(1, grid.mapX(0));
        assertEquals(1 + 5, grid.mapX(1));
        assertEquals(1 + 7, grid.mapY(4));
        assertEquals(0, grid.mapAt(1, 1));
        assertEquals(-1, grid.mapAt(0, 1), "the border");
        assertEquals(-1, grid.mapAt(5, 1), "the gap between maps");
        assertEquals(5, grid.mapAt(6, 8));
        assertEquals(-1, grid.mapAt(grid.mapX(3), grid.mapY(9) + 7 + 1), "below the last row");
        assertEquals(-1, grid.mapAt(grid.mapX(3), grid.mapY(8)), "after the last map");
        assertEquals(2, new MapGrid(2, 3, 3, 8, 1, 0).columns(), "no more columns than maps");
    }

    @Test
    void featureMapsAreEnlargedToAboutTheTargetSide() {
        MapGrid conv = MapGrid.featureMaps(new Shape(8, 28, 28), 40, 8, 12, 2);
        assertEquals(2, conv.scale());
        assertEquals(8, conv.columns());
        assertEquals(1, conv.rows());
        MapGrid pool = MapGrid.featureMaps(new Shape(16, 4, 4), 40, 8, 12, 2);
        assertEquals(10, pool.scale());
        assertEquals(2, pool.rows());
        assertEquals(12, MapGrid.featureMaps(new Shape(3, 1, 1), 40, 8, 12, 2).scale(), "capped");
        assertEquals(
                1, MapGrid.featureMaps(new Shape(1, 100, 100), 40, 8, 12, 2).scale());
    }

    @Test
    void filtersOfOneChannelFormASquareAndOfManyARowPerFilter() {
        MapGrid first = MapGrid.filters(8, 1, 5, 512, 16, 640, 8, 2);
        assertEquals(8, first.maps());
        assertEquals(3, first.columns());
        assertEquals(8, first.scale());
        MapGrid second = MapGrid.filters(16, 8, 5, 512, 16, 300, 8, 2);
        assertEquals(128, second.maps());
        assertEquals(8, second.columns(), "one filter per row");
        assertEquals(16, second.rows());
        assertEquals(7, second.scale(), "the largest that fits 300 pixels");
        assertEquals(16 * (5 * 7 + 6) + 6, second.height(), "filters three gaps apart");
        assertEquals(8, second.mapAt(second.mapX(0), second.mapY(8)));
        assertEquals(-1, second.mapAt(second.mapX(0), second.mapY(8) - 1), "between two filters");
        MapGrid many = MapGrid.filters(64, 32, 3, 512, 16, 640, 8, 1);
        assertEquals(16 * 32, many.maps(), "whole filters up to the cap");
        assertEquals(16, many.columns());
    }

    @Test
    void groupsShareAScale() {
        MapGrid grid = new MapGrid(4, 1, 1, 4, 1, 1);
        byte[] rgba = grid.newBuffer();
        // Two groups of two maps: {2, -1} at scale 2, {0.5, 0.25} at scale 0.5.
        grid.paint(new float[] {7, 2, -1, 0.5f, 0.25f}, 1, 2, 0, rgba);
        int w = grid.width();
        assertEquals(DivergingColormap.tableRgb(DivergingColormap.STEPS - 1), rgbAt(rgba, w, 1, 1));
        assertEquals(DivergingColormap.tableRgb(DivergingColormap.index(-0.5)), rgbAt(rgba, w, 3, 1));
        assertEquals(DivergingColormap.tableRgb(DivergingColormap.STEPS - 1), rgbAt(rgba, w, 5, 1));
        assertEquals(DivergingColormap.tableRgb(DivergingColormap.index(0.5)), rgbAt(rgba, w, 7, 1));
        assertEquals(Palette.GAP, rgbAt(rgba, w, 0, 0));
        assertEquals(0.5, grid.lastScale(), 1e-9);
    }

    @Test
    void aFloorKeepsSmallActivationsDim() {
        MapGrid grid = new MapGrid(1, 1, 2, 1, 1, 0);
        byte[] rgba = grid.newBuffer();
        grid.paint(new float[] {0.5f, 0}, 0, 1, 1, rgba);
        assertEquals(1, grid.lastScale(), 0);
        assertEquals(DivergingColormap.tableRgb(DivergingColormap.index(0.5)), rgbAt(rgba, grid.width(), 0, 0));
        assertEquals(DivergingColormap.ZERO, rgbAt(rgba, grid.width(), 1, 0));
    }

    @Test
    void theHashFollowsThePicture() {
        MapGrid grid = new MapGrid(2, 2, 2, 2, 3, 1);
        byte[] rgba = grid.newBuffer();
        float[] values = {1, 0, 0, -1, 0.5f, 0.5f, 0, 0};
        int before = grid.paint(values, 0, 1, 0, rgba);
        assertEquals(before, grid.paint(values, 0, 1, 0, rgba));
        values[1] = 0.7f;
        assertNotEquals(before, grid.paint(values, 0, 1, 0, rgba));
    }

    @Test
    void badInputsAreRefused() {
        MapGrid grid = new MapGrid(2, 2, 2, 2, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> grid.paint(new float[7], 0, 1, 0, grid.newBuffer()));
        assertThrows(IllegalArgumentException.class, () -> grid.paint(new float[8], 0, 1, 0, new byte[4]));
        assertThrows(IllegalArgumentException.class, () -> grid.paint(new float[8], 0, 0, 0, grid.newBuffer()));
        assertThrows(IllegalArgumentException.class, () -> new MapGrid(0, 2, 2, 2, 1, 1));
    }
}

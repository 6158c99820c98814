package digitlab.core.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import digitlab.core.data.Digits;
import org.junit.jupiter.api.Test;

class DigitGridTest {
    /** Two 2x2 images: the first has one full-ink pixel top-left, the second is blank. */
    private static Digits twoImages() {
        byte[] pixels = {(byte) 255, 0, 0, 0, 0, 0, 0, 0};
        return new Digits(2, 2, 2, new byte[] {3, 7}, pixels);
    }

    @Test
    void sizeCountsCellsScaleAndGaps() {
        DigitGrid grid = new DigitGrid(10, 10, 28, 2, 2);
        assertEquals(10 * (56 + 2) + 2, grid.width());
        assertEquals(grid.width(), grid.height());
        assertEquals(100, grid.cells());
        assertEquals(2 + 3 * 58, grid.cellX(13));
        assertEquals(2 + 58, grid.cellY(13));
    }

    @Test
    void paintsInkScaledIntoItsCell() {
        DigitGrid grid = new DigitGrid(2, 1, 2, 2, 1);
        byte[] rgba = grid.newBuffer();
        grid.paint(twoImages(), new int[] {0, 1}, rgba);

        int width = grid.width();
        // The full-ink pixel of image 0 covers 2x2 screen pixels starting at (1, 1).
        for (int y = 1; y <= 2; y++) {
            for (int x = 1; x <= 2; x++) {
                assertEquals(Palette.inkRed(255), rgba[(y * width + x) * 4] & 0xFF);
            }
        }
        // Next to it: background ink 0; the border: gap colour; alpha always opaque.
        assertEquals(Palette.inkRed(0), rgba[(1 * width + 3) * 4] & 0xFF);
        assertEquals(Palette.GAP >> 16 & 0xFF, rgba[0] & 0xFF);
        for (int at = 3; at < rgba.length; at += 4) {
            assertEquals(255, rgba[at] & 0xFF);
        }
    }

    @Test
    void rejectsMismatchedImagesAndBuffers() {
        DigitGrid grid = new DigitGrid(2, 1, 28, 1, 0);
        assertThrows(IllegalArgumentException.class, () -> grid.paint(twoImages(), new int[] {0}, grid.newBuffer()));
        DigitGrid small = new DigitGrid(2, 1, 2, 1, 0);
        assertThrows(IllegalArgumentException.class, () -> small.paint(twoImages(), new int[] {0}, new byte[3]));
    }

    @Test
    void evenlySpacedIndicesCoverTheRange() {
        assertArrayEquals(new int[] {0, 25, 50, 75}, DigitGrid.evenlySpaced(4, 100));
        assertArrayEquals(new int[] {0, 1, 2}, DigitGrid.evenlySpaced(100, 3));
        assertEquals(100, DigitGrid.evenlySpaced(100, 5000).length);
    }

    @Test
    void inkRunsFromBackgroundToNearWhite() {
        assertEquals(Palette.BACKGROUND >> 16 & 0xFF, Palette.inkRed(0));
        assertEquals(0xf4, Palette.inkRed(255));
    }
}

package digitlab.core.draw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StrokesTest {
    @Test
    void recordsStrokesAndUndoesTheLast() {
        Strokes strokes = new Strokes();
        assertTrue(strokes.isEmpty());
        assertFalse(strokes.extend(0.5, 0.5), "no stroke open");
        strokes.begin(0.1, 0.2);
        assertTrue(strokes.isDrawing());
        assertTrue(strokes.extend(0.3, 0.4));
        assertFalse(strokes.extend(0.3, 0.4), "a repeated point adds nothing");
        strokes.end();
        assertFalse(strokes.extend(0.9, 0.9), "closed");
        strokes.begin(0.7, 0.7);
        strokes.end();
        assertEquals(2, strokes.count());
        assertEquals(2, strokes.points(0));
        assertEquals(1, strokes.points(1));
        assertEquals(0.3, strokes.x(0, 1), 1e-6);
        assertEquals(0.4, strokes.y(0, 1), 1e-6);
        assertThrows(IndexOutOfBoundsException.class, () -> strokes.x(0, 2));

        assertTrue(strokes.undo());
        assertEquals(1, strokes.count());
        assertTrue(strokes.undo());
        assertFalse(strokes.undo());
        assertTrue(strokes.isEmpty());
    }

    @Test
    void longStrokesGrowAndClearEmpties() {
        Strokes strokes = new Strokes();
        strokes.begin(0, 0);
        for (int i = 1; i <= 1000; i++) {
            strokes.extend(i / 1000.0, i / 2000.0);
        }
        assertEquals(1001, strokes.points(0));
        assertEquals(1.0, strokes.x(0, 1000), 1e-6);
        strokes.clear();
        assertTrue(strokes.isEmpty());
        assertFalse(strokes.isDrawing());
    }

    @Test
    void paintsInUnitCoordinatesScaledToTheRaster() {
        Strokes strokes = new Strokes();
        strokes.begin(0.25, 0.5);
        strokes.extend(0.75, 0.5);
        strokes.end();
        strokes.begin(0.5, 0.9);
        strokes.end();

        InkRaster painted = new InkRaster(200, 200);
        strokes.paint(painted, Strokes.DEFAULT_WIDTH);
        InkRaster expected = new InkRaster(200, 200);
        double radius = Strokes.DEFAULT_WIDTH * 200 / 2;
        expected.segment(50, 100, 150, 100, radius);
        expected.dot(100, 180, radius);
        assertArrayEquals(expected.ink(), painted.ink());
    }
}

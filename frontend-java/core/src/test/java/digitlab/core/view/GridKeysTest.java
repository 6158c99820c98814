package digitlab.core.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GridKeysTest {
    private static final int N = 10;

    private static int next(String key, int row, int column) {
        return GridKeys.next(key, false, row * N + column, N, N);
    }

    @Test
    void arrowsMoveOneCell() {
        assertEquals(4 * N + 8, next("ArrowLeft", 4, 9));
        assertEquals(4 * N + 9, next("ArrowRight", 4, 8));
        assertEquals(3 * N + 9, next("ArrowUp", 4, 9));
        assertEquals(5 * N + 9, next("ArrowDown", 4, 9));
    }

    @Test
    void arrowsStopAtTheEdges() {
        assertEquals(0, next("ArrowLeft", 0, 0));
        assertEquals(0, next("ArrowUp", 0, 0));
        assertEquals(N * N - 1, next("ArrowRight", 9, 9));
        assertEquals(N * N - 1, next("ArrowDown", 9, 9));
        assertEquals(3 * N + 9, next("ArrowRight", 3, 9), "no wrap to the next row");
        assertEquals(4 * N, next("ArrowLeft", 4, 0), "no wrap to the row before");
    }

    @Test
    void homeAndEndGoToTheEndsOfTheRowOrWithControlOfTheGrid() {
        assertEquals(4 * N, next("Home", 4, 7));
        assertEquals(4 * N + 9, next("End", 4, 7));
        assertEquals(0, GridKeys.next("Home", true, 47, N, N));
        assertEquals(N * N - 1, GridKeys.next("End", true, 47, N, N));
    }

    @Test
    void otherKeysAreNotMoves() {
        assertEquals(GridKeys.NOT_A_MOVE, next("Enter", 4, 9));
        assertEquals(GridKeys.NOT_A_MOVE, next(" ", 4, 9));
        assertEquals(GridKeys.NOT_A_MOVE, next("Tab", 4, 9));
        assertEquals(GridKeys.NOT_A_MOVE, next("a", 4, 9));
    }

    @Test
    void aRectangularGrid() {
        // 2 rows of 3: cells 0 1 2 / 3 4 5
        assertEquals(5, GridKeys.next("ArrowDown", false, 2, 2, 3));
        assertEquals(5, GridKeys.next("ArrowDown", false, 5, 2, 3));
        assertEquals(3, GridKeys.next("Home", false, 5, 2, 3));
        assertEquals(5, GridKeys.next("End", true, 0, 2, 3));
    }

    @Test
    void refusesACellOutsideTheGrid() {
        assertThrows(IllegalArgumentException.class, () -> GridKeys.next("ArrowUp", false, 100, N, N));
        assertThrows(IllegalArgumentException.class, () -> GridKeys.next("ArrowUp", false, -1, N, N));
        assertThrows(IllegalArgumentException.class, () -> GridKeys.next("ArrowUp", false, 0, 0, N));
    }
}

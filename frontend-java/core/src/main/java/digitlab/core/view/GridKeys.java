package digitlab.core.view;

/**
 * Where a key moves the active cell of a grid of {@code rows x columns} cells, numbered row by row from 0,
 * as the WAI-ARIA grid pattern has it: an arrow moves one cell and stops at the edge; Home and End go to
 * the first and last cell of the row, with Ctrl to the first and last cell of the grid. Key names are the
 * browser's {@code KeyboardEvent.key} values.
 */
public final class GridKeys {
    /** What {@link #next} returns for a key that does not move the active cell (leave the key alone). */
    public static final int NOT_A_MOVE = -1;

    private GridKeys() {}

    /**
     * @param key the key's name, e.g. {@code "ArrowDown"}
     * @param control whether Ctrl (or the Mac's Command key) is held
     * @param cell the active cell, {@code row * columns + column}
     * @return the cell the key moves to (the same cell at an edge), or {@link #NOT_A_MOVE}
     */
    public static int next(String key, boolean control, int cell, int rows, int columns) {
        if (rows <= 0 || columns <= 0) {
            throw new IllegalArgumentException("a grid needs rows and columns, got " + rows + "x" + columns);
        }
        if (cell < 0 || cell >= rows * columns) {
            throw new IllegalArgumentException("cell " + cell + " is outside a " + rows + "x" + columns + " grid");
        }
        int row = cell / columns;
        int column = cell % columns;
        switch (key) {
            case "ArrowLeft":
                return row * columns + Math.max(0, column - 1);
            case "ArrowRight":
                return row * columns + Math.min(columns - 1, column + 1);
            case "ArrowUp":
                return Math.max(0, row - 1) * columns + column;
            case "ArrowDown":
                return Math.min(rows - 1, row + 1) * columns + column;
            case "Home":
                return control ? 0 : row * columns;
            case "End":
                return control ? rows * columns - 1 : row * columns + columns - 1;
            default:
                return NOT_A_MOVE;
        }
    }
}

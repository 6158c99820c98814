package digitlab.core.view;

/**
 * Where the cells of a picture grid go: {@code columns x rows} square cells of {@code cellSide} screen
 * pixels, {@code gap} pixels between them and around the border, filled left to right, then top to bottom.
 * Shared by every grid view (digit samples, first-layer weights).
 */
public record CellLayout(int columns, int rows, int cellSide, int gap) {
    public int width() {
        return columns * (cellSide + gap) + gap;
    }

    public int height() {
        return rows * (cellSide + gap) + gap;
    }

    /** Left edge, in screen pixels, of cell {@code cell}. */
    public int cellX(int cell) {
        return gap + (cell % columns) * (cellSide + gap);
    }

    /** Top edge, in screen pixels, of cell {@code cell}. */
    public int cellY(int cell) {
        return gap + (cell / columns) * (cellSide + gap);
    }
}

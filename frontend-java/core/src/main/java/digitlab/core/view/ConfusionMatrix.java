package digitlab.core.view;

/**
 * A confusion matrix (rows = true class, columns = predicted class) with what a view needs to colour it:
 * fractions of each row, and cell colours from {@link DivergingColormap}.
 *
 * <p>Colours: a diagonal cell (correct) is blue, brighter the larger the share of its row that is correct;
 * an off-diagonal cell (a mistake) is orange, brighter the larger its share of its row relative to the
 * worst mistake in the matrix, so the most frequent confusion is always the brightest orange. Empty
 * cells are the neutral zero colour.
 */
public final class ConfusionMatrix {
    private final int classes;
    private final int[] counts;
    private final int[] rowTotals;
    private double maxMistakeFraction;

    public ConfusionMatrix(int classes) {
        if (classes <= 0) {
            throw new IllegalArgumentException("classes must be positive, got " + classes);
        }
        this.classes = classes;
        this.counts = new int[classes * classes];
        this.rowTotals = new int[classes];
    }

    /** Copies {@code classes * classes} counts, row by row (true class), from {@code source[offset..]}. */
    public void set(int[] source, int offset) {
        if (offset < 0 || source.length < offset + counts.length) {
            throw new IllegalArgumentException(
                    "need " + counts.length + " counts from " + offset + ", array has " + source.length);
        }
        System.arraycopy(source, offset, counts, 0, counts.length);
        maxMistakeFraction = 0;
        for (int t = 0; t < classes; t++) {
            int total = 0;
            for (int p = 0; p < classes; p++) {
                total += counts[t * classes + p];
            }
            rowTotals[t] = total;
        }
        for (int t = 0; t < classes; t++) {
            for (int p = 0; p < classes; p++) {
                if (p != t) {
                    maxMistakeFraction = Math.max(maxMistakeFraction, rowFraction(t, p));
                }
            }
        }
    }

    public int count(int trueClass, int predicted) {
        return counts[trueClass * classes + predicted];
    }

    public int rowTotal(int trueClass) {
        return rowTotals[trueClass];
    }

    public int total() {
        int total = 0;
        for (int t = 0; t < classes; t++) {
            total += rowTotals[t];
        }
        return total;
    }

    public int correct() {
        int correct = 0;
        for (int c = 0; c < classes; c++) {
            correct += counts[c * classes + c];
        }
        return correct;
    }

    /** Correct / total, NaN when empty. */
    public double accuracy() {
        int total = total();
        return total == 0 ? Double.NaN : (double) correct() / total;
    }

    /** Share of true class {@code trueClass} predicted as {@code predicted}, 0 for an empty row. */
    public double rowFraction(int trueClass, int predicted) {
        int total = rowTotals[trueClass];
        return total == 0 ? 0 : (double) counts[trueClass * classes + predicted] / total;
    }

    /** The cell's fill colour, 0xRRGGBB (see the class comment). */
    public int colour(int trueClass, int predicted) {
        if (count(trueClass, predicted) == 0) {
            return DivergingColormap.ZERO;
        }
        double fraction = rowFraction(trueClass, predicted);
        if (trueClass == predicted) {
            return DivergingColormap.rgb(-fraction);
        }
        return DivergingColormap.rgb(Math.max(0.25, fraction / maxMistakeFraction));
    }

    /**
     * The off-diagonal cells with the most examples, most first (ties: lower true class, then lower
     * prediction), as {@code trueClass * classes + predicted}; at most {@code limit}, only non-empty cells.
     */
    public int[] worstMistakes(int limit) {
        int[] best = new int[Math.max(0, limit)];
        int n = 0;
        for (int cellIndex = 0; cellIndex < counts.length; cellIndex++) {
            int t = cellIndex / classes;
            if (t == cellIndex % classes || counts[cellIndex] == 0) {
                continue;
            }
            int at = n < best.length ? n++ : best.length;
            while (at > 0 && counts[best[at - 1]] < counts[cellIndex]) {
                if (at < best.length) {
                    best[at] = best[at - 1];
                }
                at--;
            }
            if (at < best.length) {
                best[at] = cellIndex;
            }
        }
        int[] result = new int[n];
        System.arraycopy(best, 0, result, 0, n);
        return result;
    }
}

package digitlab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.nn.Activation;
import digitlab.core.nn.LayerGrammar;
import digitlab.core.run.LayerRows.Check;
import digitlab.core.run.LayerRows.Kind;
import digitlab.core.run.LayerRows.Line;
import digitlab.core.run.LayerRows.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerRowsTest {
    private static final Activation[] RELU = {Activation.RELU};

    @Test
    void aCnnLinkBecomesRowsOfItsKindsAndBackTheSameText() {
        List<Row> rows = LayerRows.rows(LayerGrammar.parse("784,c8k5,p2,c16k5s2v,p3s2,32,10"), RELU);
        assertEquals(
                List.of(
                        Row.conv(8, 5, 1, false, Activation.RELU),
                        Row.pool(2, 2),
                        Row.conv(16, 5, 2, true, Activation.RELU),
                        Row.pool(3, 2),
                        Row.dense(32, Activation.RELU)),
                rows);
        Check check = LayerRows.check(784, rows, 10);
        assertTrue(check.ok());
        assertEquals("784,c8k5,p2,c16k5s2v,p3s2,32,10", LayerRows.layersText(check));
        assertEquals("relu", LayerRows.activationsText(rows, Activation.RELU));
    }

    @Test
    void everyRowShowsItsShapeAndParameters() {
        Check check = LayerRows.check(784, LayerRows.rows(LayerGrammar.parse("784,c8k5,p2,c16k5,p3,10"), RELU), 10);
        assertEquals(
                List.of(
                        new Line("8x28x28", "208 parameters", null),
                        new Line("8x14x14", "no parameters", null),
                        new Line("16x14x14", "3,216 parameters", null),
                        new Line("16x4x4", "no parameters", null)),
                check.rows());
        assertEquals(new Line("256 -> 10", "2,570 parameters", null), check.output());
        assertEquals("5,994 parameters in all", check.total());
        assertNull(check.error());
    }

    @Test
    void aDenseNetworkShowsValuesInToUnits() {
        Check check = LayerRows.check(784, List.of(Row.dense(128, Activation.RELU)), 10);
        assertEquals(
                new Line("784 -> 128", "100,480 parameters", null), check.rows().get(0));
        assertEquals(new Line("128 -> 10", "1,290 parameters", null), check.output());
        assertEquals("784,128,10", LayerRows.layersText(check));
    }

    @Test
    void aKernelLargerThanItsMapsIsRefusedOnItsRowWithTheCoresMessage() {
        List<Row> rows = List.of(
                Row.conv(8, 5, 1, false, Activation.RELU),
                Row.pool(7, 7),
                Row.conv(16, 5, 1, false, Activation.RELU),
                Row.dense(32, Activation.RELU));
        Check check = LayerRows.check(784, rows, 10);
        assertFalse(check.ok());
        assertEquals("8x4x4", check.rows().get(1).shape());
        Line bad = check.rows().get(2);
        assertEquals("", bad.shape());
        assertEquals("'c16k5' (layer 3) on 8x4x4: a 5x5 kernel is larger than its 4x4 input maps", bad.error());
        assertEquals(bad.error(), check.error());
        assertEquals(new Line("", "", null), check.rows().get(3), "nothing is worked out past the refusal");
        assertEquals("", check.total());
    }

    @Test
    void aPoolThatLeavesNothingAndAConvolutionAfterADenseLayerAreRefused() {
        Check pool = LayerRows.check(784, List.of(Row.pool(29, 29)), 10);
        assertEquals(
                "'p29' (layer 1) on 1x28x28: a 29x29 pool is larger than its 28x28 input maps and would leave nothing",
                pool.rows().get(0).error());
        Check conv = LayerRows.check(
                784, List.of(Row.dense(64, Activation.RELU), Row.conv(8, 3, 1, false, Activation.RELU)), 10);
        assertTrue(
                conv.rows().get(1).error().startsWith("'c8k3' (layer 2) on 64x1x1: a 3x3 kernel is larger"),
                conv.error());
    }

    @Test
    void anUnreadableOrOutOfRangeNumberNamesTheLayerAndTheSetting() {
        Check unreadable = LayerRows.check(784, List.of(Row.conv(Row.UNREADABLE, 5, 1, false, Activation.RELU)), 10);
        assertEquals("layer 1 (conv): filters must be a whole number", unreadable.error());
        Check zero = LayerRows.check(784, List.of(Row.dense(0, Activation.RELU)), 10);
        assertEquals(
                "layer 1 (dense): a dense layer needs 1 to 65536 units, got 0",
                zero.rows().get(0).error());
    }

    @Test
    void noHiddenLayersIsAPlainSoftmaxRegression() {
        Check check = LayerRows.check(784, List.of(), 10);
        assertEquals("784,10", LayerRows.layersText(check));
        assertEquals("7,850 parameters in all", check.total());
    }

    @Test
    void addedRowsFollowTheLastOnes() {
        List<Row> rows = new ArrayList<>();
        rows.add(LayerRows.added(Kind.CONV, rows));
        assertEquals(Row.conv(8, 5, 1, false, Activation.RELU), rows.get(0));
        rows.add(LayerRows.added(Kind.POOL, rows));
        assertEquals(Row.pool(2, 2), rows.get(1));
        rows.add(LayerRows.added(Kind.CONV, rows));
        assertEquals(16, rows.get(2).count());
        rows.add(LayerRows.added(Kind.DENSE, rows));
        assertEquals(Row.dense(64, Activation.RELU), rows.get(3));
        rows.add(LayerRows.added(Kind.DENSE, rows));
        assertEquals(32, rows.get(4).count());
        assertEquals("784,c8k5,p2,c16k5,64,32,10", LayerRows.layersText(LayerRows.check(784, rows, 10)));
    }

    @Test
    void activationsAreOneWhenAllAgreeElseOnePerLayerWithWeights() {
        List<Row> rows =
                List.of(Row.conv(8, 5, 1, false, Activation.TANH), Row.pool(2, 2), Row.dense(32, Activation.RELU));
        assertEquals("tanh,relu", LayerRows.activationsText(rows, Activation.RELU));
        assertEquals(rows, LayerRows.rows(LayerGrammar.parse("784,c8k5,p2,32,10"), new Activation[] {
            Activation.TANH, Activation.RELU
        }));
        assertEquals("sigmoid", LayerRows.activationsText(List.of(Row.pool(2, 2)), Activation.SIGMOID));
    }

    @Test
    void numbersAreGroupedByThousands() {
        assertEquals("0", LayerRows.grouped(0));
        assertEquals("999", LayerRows.grouped(999));
        assertEquals("1,000", LayerRows.grouped(1000));
        assertEquals("12,345,678", LayerRows.grouped(12345678));
        assertEquals("1 parameter", LayerRows.parametersText(1));
    }
}

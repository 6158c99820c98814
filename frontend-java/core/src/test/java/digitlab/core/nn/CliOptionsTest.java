package digitlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.run.TrainingConfig;
import org.junit.jupiter.api.Test;

class CliOptionsTest {
    @Test
    void mapsOptionsAndAliasesToTheConfig() {
        CliOptions o = CliOptions.parse(
                new String[] {
                    "--layers",
                    "784,25,10",
                    "--activation",
                    "sigmoid",
                    "--loss=logistic",
                    "--optimizer",
                    "lbfgs",
                    "--lambda",
                    "1",
                    "--epochs",
                    "50",
                    "--seed",
                    "3",
                    "--target",
                    "0.9",
                    "--mnist",
                    "/data",
                    "--out",
                    "m.bin"
                },
                "mnist",
                "out");
        TrainingConfig c = o.config();
        assertArrayEquals(new int[] {784, 25, 10}, c.layers());
        assertEquals(Activation.SIGMOID, c.activations()[0]);
        assertEquals(Loss.SIGMOID_CROSS_ENTROPY, c.loss());
        assertEquals(OptimizerKind.LBFGS, c.optimizer());
        assertEquals(1f, c.lambda());
        assertEquals(50, c.epochs());
        assertEquals(0.9f, c.targetAccuracy());
        assertEquals("/data", o.get("mnist", "x"));
        assertEquals("m.bin", o.get("out", null));
        assertFalse(o.help());
    }

    @Test
    void helpAndDefaults() {
        CliOptions o = CliOptions.parse(new String[] {"--help"}, "mnist");
        assertTrue(o.help());
        assertEquals("fallback", o.get("mnist", "fallback"));
        assertEquals(TrainingConfig.defaults(), CliOptions.parse(new String[0]).config());
    }

    @Test
    void helpNamesEveryLossAndInit() {
        String help = CliOptions.trainingOptionsHelp();
        for (Loss loss : Loss.values()) {
            assertTrue(help.contains(loss.id()), "--help should offer loss " + loss.id());
        }
        for (Init init : Init.values()) {
            assertTrue(help.contains(init.id()), "--help should offer init " + init.id());
        }
    }

    @Test
    void badOptionsSayWhichOne() {
        assertBad(new String[] {"--colour", "red"}, "--colour");
        assertBad(new String[] {"--lr"}, "needs a value");
        assertBad(new String[] {"--lr", "--batch", "3"}, "needs a value");
        assertBad(new String[] {"stray"}, "stray");
        assertBad(new String[] {"--lr", "1", "--lr", "2"}, "twice");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CliOptions.parse(new String[] {"--batch", "-4"})
                        .config());
        assertTrue(e.getMessage().contains("batch"), e.getMessage());
        IllegalArgumentException r = assertThrows(
                IllegalArgumentException.class, () -> CliOptions.parse(new String[] {"--repeats", "0"}, "repeats")
                        .positiveInt("repeats", 5));
        assertTrue(r.getMessage().contains("--repeats"), r.getMessage());
    }

    private static void assertBad(String[] args, String mentioned) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CliOptions.parse(args, "mnist"));
        assertTrue(e.getMessage().contains(mentioned), "'" + e.getMessage() + "' should mention " + mentioned);
    }
}

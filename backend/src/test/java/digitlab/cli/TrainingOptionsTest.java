package digitlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.nn.Activation;
import digitlab.core.nn.Init;
import digitlab.core.nn.Loss;
import digitlab.core.nn.optim.OptimizerKind;
import digitlab.core.run.TrainingConfig;
import org.junit.jupiter.api.Test;

class TrainingOptionsTest {
    private static Args parse(String... args) {
        return Args.parse(args, TrainingOptions.spec("mnist", "out"));
    }

    @Test
    void mapsOptionsAndAliasesToTheConfig() {
        Args o = parse(
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
                "m.bin");
        TrainingConfig c = TrainingOptions.config(o);
        assertArrayEquals(new int[] {784, 25, 10}, c.layers().sizes());
        assertEquals(Activation.SIGMOID, c.activations()[0]);
        assertEquals(Loss.SIGMOID_CROSS_ENTROPY, c.loss());
        assertEquals(OptimizerKind.LBFGS, c.optimizer());
        assertEquals(1f, c.lambda());
        assertEquals(50, c.epochs());
        assertEquals(0.9f, c.targetAccuracy());
        assertEquals("/data", o.get("mnist", "x"));
        assertEquals("m.bin", o.get("out", null));
    }

    @Test
    void theQueryKeysWorkToo() {
        assertEquals(
                TrainingConfig.fromQuery("act=tanh&opt=momentum&sched=cosine&targetacc=0.95"),
                TrainingOptions.config(
                        parse("--act", "tanh", "--opt=momentum", "--sched", "cosine", "--targetacc", "0.95")));
    }

    @Test
    void defaults() {
        assertEquals(TrainingConfig.defaults(), TrainingOptions.config(parse()));
        assertEquals(TrainingConfig.defaults(), TrainingOptions.config(parse("--mnist", "d", "--help")));
    }

    @Test
    void anOptionAndItsLongerNameAreTheSameOption() {
        UsageException e = assertThrows(UsageException.class, () -> parse("--opt", "sgd", "--optimizer", "adam"));
        assertEquals("option --optimizer is given twice", e.getMessage());
    }

    @Test
    void badValuesNameTheSetting() {
        UsageException e = assertThrows(UsageException.class, () -> TrainingOptions.config(parse("--batch", "-4")));
        assertTrue(e.getMessage().startsWith("bad option value: "), e.getMessage());
        assertTrue(e.getMessage().contains("batch"), e.getMessage());
        e = assertThrows(UsageException.class, () -> parse("--colour", "red"));
        assertEquals("unknown option --colour", e.getMessage());
    }

    @Test
    void helpNamesEveryLossAndInit() {
        String help = TrainingOptions.help();
        for (Loss loss : Loss.values()) {
            assertTrue(help.contains(loss.id()), "--help should offer loss " + loss.id());
        }
        for (Init init : Init.values()) {
            assertTrue(help.contains(init.id()), "--help should offer init " + init.id());
        }
    }
}

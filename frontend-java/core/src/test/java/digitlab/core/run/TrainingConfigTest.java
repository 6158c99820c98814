package digitlab.core.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.nn.Activation;
import digitlab.core.nn.Architecture;
import digitlab.core.nn.Init;
import digitlab.core.nn.Loss;
import digitlab.core.nn.optim.OptimizerKind;
import digitlab.core.nn.optim.Schedule;
import digitlab.core.text.PlainNumber;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingConfigTest {
    @Test
    void queryRoundTrip() {
        TrainingConfig c = TrainingConfig.fromQuery("layers=784,256,128,10&act=tanh,leakyrelu&loss=logistic"
                + "&opt=nesterov&lr=0.0001&momentum=0.95&sched=step&decay=0.3&every=2&batch=64&lambda=0.5"
                + "&init=xavier&seed=-7&epochs=12&train=5000&targetacc=0.97&patience=3&memory=7");
        assertEquals(c, TrainingConfig.fromQuery(c.toQuery()));
        assertArrayEquals(new int[] {784, 256, 128, 10}, c.layers().sizes());
        assertEquals(Activation.LEAKY_RELU, c.architecture().activation(2));
        assertEquals(Loss.SIGMOID_CROSS_ENTROPY, c.loss());
        assertEquals(OptimizerKind.NESTEROV, c.optimizer());
        assertEquals(0.0001f, c.learningRate());
        assertEquals(Schedule.STEP, c.schedule());
        assertEquals(-7, c.seed());
        assertEquals(0.97f, c.targetAccuracy());
        assertEquals(7, c.lbfgsMemory());
    }

    @Test
    void nielsensNetworkPyParses() {
        // Chapter 1 of "Neural Networks and Deep Learning": quadratic cost, N(0,1) weights and biases.
        TrainingConfig c = TrainingConfig.fromQuery(
                "layers=784,30,10&act=sigmoid&loss=quadratic&init=normal" + "&opt=sgd&lr=3&batch=10&epochs=30");
        assertEquals(Loss.QUADRATIC, c.loss());
        assertEquals(Init.NORMAL, c.init());
        assertEquals(3f, c.learningRate());
        assertEquals(c, TrainingConfig.fromQuery(c.toQuery()));
    }

    @Test
    void queryLooksLikeTheDocumentedForm() {
        TrainingConfig c = TrainingConfig.fromQuery(
                "layers=784,64,10&act=relu&loss=softmax&opt=adam&lr=0.001" + "&batch=32&seed=1");
        assertTrue(c.toQuery().startsWith("layers=784,64,10&act=relu&loss=softmax&opt=adam&lr=0.001&"), c.toQuery());
        assertEquals(RunSettings.ALL.size(), c.toQuery().split("&").length);
    }

    @Test
    void defaultsAndOptimizerSpecificLearningRate() {
        TrainingConfig d = TrainingConfig.defaults();
        assertArrayEquals(new int[] {784, 128, 10}, d.layers().sizes());
        assertEquals(OptimizerKind.ADAM, d.optimizer());
        assertEquals(0.001f, d.learningRate());
        assertEquals(Init.HE, d.init());
        TrainingConfig sgd = TrainingConfig.fromQuery("opt=sgd&act=sigmoid");
        assertEquals(0.1f, sgd.learningRate());
        assertEquals(Init.UNIFORM, sgd.init());
        assertEquals(d, TrainingConfig.fromQuery(""));
        assertEquals(d, TrainingConfig.fromQuery("?"));
    }

    @Test
    void acceptsPercentEncodingAndLeadingMarks() {
        TrainingConfig c = TrainingConfig.fromQuery("#layers=784%2C32%2C10&act=relu");
        assertArrayEquals(new int[] {784, 32, 10}, c.layers().sizes());
        assertEquals(c, TrainingConfig.fromQuery("?layers=784,32,10&act=relu"));
    }

    @Test
    void withLearningRateKeepsTheRest() {
        TrainingConfig c = TrainingConfig.defaults().with(RunSettings.LR, 0.5f);
        assertEquals(0.5f, c.learningRate());
        assertEquals(TrainingConfig.defaults().with(RunSettings.LR, 0.5f), c);
    }

    @Test
    void badValuesSayWhatIsWrong() {
        assertBad("lr=abc", "lr");
        assertBad("lr=-1", "lr");
        assertBad("lr=NaN", "lr");
        assertBad("batch=0", "batch");
        assertBad("batch=1.5", "batch");
        assertBad("layers=784,x,10", "layers");
        assertBad("layers=784", "layers");
        assertBad("layers=784,0,10", "layers");
        assertBad("layers=784,10,10,10&act=relu,tanh,relu", "activations");
        assertBad("act=swish", "swish");
        assertBad("loss=mse", "mse");
        assertBad("opt=rmsprop", "rmsprop");
        assertBad("init=zeros", "zeros");
        assertBad("sched=linear", "linear");
        assertBad("momentum=1", "momentum");
        assertBad("lambda=-0.1", "lambda");
        assertBad("targetacc=1.5", "targetacc");
        assertBad("target=wasm", "unknown setting 'target'"); // a page parameter, not a setting
        assertBad("epochs=0", "epochs");
        assertBad("seed=", "seed");
        assertBad("colour=red", "unknown setting 'colour'");
        assertBad("lr=0.1&lr=0.2", "twice");
        assertBad("lr", "no value");
        assertBad("lr=%zz", "percent");
    }

    private static void assertBad(String query, String mentioned) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TrainingConfig.fromQuery(query), query);
        assertTrue(e.getMessage().contains(mentioned), "'" + e.getMessage() + "' should mention " + mentioned);
    }

    @Test
    void numbersInTheQueryHaveNoExponent() {
        assertEquals("0.0005", PlainNumber.of(0.0005f));
        assertEquals("0.00001", PlainNumber.of(0.00001f));
        assertEquals("0.1", PlainNumber.of(0.1f));
        assertEquals("2.5", PlainNumber.of(2.5f));
        assertEquals("-0.003", PlainNumber.of(-0.003f));
        assertEquals("12345678", PlainNumber.of(12345678f));
        assertEquals("100000000", PlainNumber.of(1e8f));
        TrainingConfig tiny = TrainingConfig.defaults().with(RunSettings.LR, 0.0005f);
        assertTrue(tiny.toQuery().contains("lr=0.0005&"), tiny.toQuery());
        assertEquals(tiny, TrainingConfig.fromQuery(tiny.toQuery()));
    }

    @Test
    void withArchitectureTakesLayersActivationsAndLossAndKeepsTheRest() {
        TrainingConfig run = TrainingConfig.fromQuery("layers=784,128,10&opt=sgd&lr=0.1&seed=5");
        Architecture loaded = new Architecture(
                new int[] {784, 25, 10}, new Activation[] {Activation.SIGMOID}, Loss.SIGMOID_CROSS_ENTROPY);
        TrainingConfig next = run.withArchitecture(loaded);
        assertEquals(loaded, next.architecture());
        assertEquals(OptimizerKind.SGD, next.optimizer());
        assertEquals(0.1f, next.learningRate());
        assertEquals(5, next.seed());
    }

    @Test
    void aLinkWithMistakesKeepsEverySettingThatReads() {
        List<String> problems = new ArrayList<>();
        TrainingConfig c = TrainingConfig.fromMapKeepingWhatReads(
                QueryString.parse("layers=784,32,10&lr=abc&opt=sgd&colour=red&seed=7"), problems);
        assertEquals("784-32-10 relu softmax", c.architecture().toString());
        assertEquals(OptimizerKind.SGD, c.optimizer());
        assertEquals(0.1f, c.learningRate(), "the bad lr takes sgd's default");
        assertEquals(7, c.seed());
        assertEquals(List.of("lr must be a number, got 'abc'", "unknown setting 'colour'"), problems);

        problems.clear();
        TrainingConfig clash = TrainingConfig.fromMapKeepingWhatReads(
                QueryString.parse("layers=784,32,16,10&act=relu,tanh,relu&valid=0&targetacc=0.9&seed=3"), problems);
        assertEquals(TrainingConfig.defaults().architecture(), clash.architecture());
        assertEquals(3, clash.seed());
        assertEquals(RunSettings.DEFAULT_VALIDATION, clash.validationSize());
        assertEquals(0f, clash.targetAccuracy());
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("layers/act:"), problems.get(0));
        assertTrue(problems.get(1).startsWith("valid must be above 0"), problems.get(1));

        problems.clear();
        assertEquals(
                TrainingConfig.fromQuery("seed=2"),
                TrainingConfig.fromMapKeepingWhatReads(QueryString.parse("seed=2"), problems));
        assertEquals(List.of(), problems);
    }

    @Test
    void aConvolutionalNetworkTravelsInTheLayersSetting() {
        TrainingConfig c = TrainingConfig.fromQuery("layers=784,c8k5,p2,c16k5,p3,10&act=relu&opt=sgd&lr=0.01");
        assertTrue(c.toQuery().startsWith("layers=784,c8k5,p2,c16k5,p3,10&act=relu&"), c.toQuery());
        assertEquals(c, TrainingConfig.fromQuery(c.toQuery()));
        assertEquals(
                "784-c8k5-p2-c16k5-p3-10 relu relu softmax", c.architecture().toString());
        assertEquals(
                c.architecture(),
                TrainingConfig.defaults().withArchitecture(c.architecture()).architecture());
        TrainingConfig perLayer = TrainingConfig.fromQuery("layers=784,c8k5,p2,c16k5,p3,10&act=relu,tanh");
        assertEquals(Activation.TANH, perLayer.architecture().activation(3));
        assertTrue(perLayer.toQuery().contains("&act=relu,tanh&"), perLayer.toQuery());
    }

    @Test
    void badConvolutionalLayersAreRefusedNamingTheLayer() {
        assertEquals(
                "layers 'c0k5' (layer 1): a convolution needs 1 to 1024 filters, got 0",
                assertThrows(IllegalArgumentException.class, () -> TrainingConfig.fromQuery("layers=784,c0k5,10"))
                        .getMessage());
        assertEquals(
                "layers 'c8k29' (layer 1) on 1x28x28: a 29x29 kernel is larger than its 28x28 input maps",
                assertThrows(IllegalArgumentException.class, () -> TrainingConfig.fromQuery("layers=784,c8k29,10"))
                        .getMessage());
        assertEquals(
                "layers/act: 2 hidden layers with weights need 2 activations (or one for all), got 3",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> TrainingConfig.fromQuery("layers=784,c8k5,p2,c16k5,p3,10&act=relu,relu,relu"))
                        .getMessage());
        assertEquals(
                "layers/act: the output layer must be a dense layer of one unit per class, got 'p2' (layer 2)",
                assertThrows(IllegalArgumentException.class, () -> TrainingConfig.fromQuery("layers=784,c8k5,p2"))
                        .getMessage());
    }
}

package digitlab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.data.Digits;
import digitlab.core.model.Model;
import digitlab.core.nn.Network;
import digitlab.core.nn.Scores;
import digitlab.core.nn.TestDigits;
import digitlab.core.run.TrainingConfig;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The step-by-step training API the browser worker drives, on a small synthetic problem. */
class TrainerTest {
    private static final Digits TRAIN = TestDigits.synthetic(400, 4, 1);
    private static final Digits VALID = TestDigits.synthetic(200, 4, 2);
    private static final String BASE = "layers=16,12,10&act=relu&batch=20&seed=3";

    /** A trainer on the synthetic set: BASE's settings, overridden by those in {@code query}. */
    private static Trainer trainer(String query) {
        return new Trainer(config(query), TRAIN, VALID);
    }

    private static TrainingConfig config(String query) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (String pair : (BASE + "&" + query).split("&")) {
            String[] kv = pair.split("=", 2);
            merged.put(kv[0], kv[1]);
        }
        return TrainingConfig.fromMap(merged);
    }

    @Test
    void everyOptimizerLearnsTheEasyProblem() {
        for (String opt : new String[] {
            "opt=sgd&lr=0.5&epochs=30",
            "opt=momentum&epochs=30",
            "opt=nesterov&epochs=30",
            "opt=adam&lr=0.01&epochs=30",
            "opt=gd&lr=2&epochs=300",
            "opt=lbfgs&epochs=60"
        }) {
            Trainer t = trainer(opt);
            while (!t.status().stopped()) {
                t.trainRound();
            }
            // Chance is 0.1; noise pixels that land on class pixels cap this task near 0.89.
            assertTrue(t.validationAccuracy() > 0.85, opt + ": " + t.validationAccuracy() + " " + t.status());
        }
    }

    @Test
    void stepRecordsBatchLossAndAccuracyAndCountsExamples() {
        Trainer t = trainer("opt=sgd&lr=0.5&epochs=2");
        assertEquals(TrainingStatus.RUNNING, t.trainRound());
        assertTrue(t.lastLoss() > 0 && t.lastLoss() < 10, "loss " + t.lastLoss());
        assertTrue(t.lastAccuracy() >= 0 && t.lastAccuracy() <= 1);
        assertEquals(20, t.examplesSeen());
        assertEquals(20, t.position());
        assertEquals(1, t.updates());
        assertEquals(TrainingStatus.RUNNING, t.runEpoch());
        assertEquals(20, t.updates());
        assertEquals(1, t.epoch());
        assertEquals(0, t.position());
        assertEquals(400, t.examplesSeen());
        assertEquals(TrainingStatus.FINISHED, t.runEpoch());
        assertEquals(2, t.epoch());
        assertEquals(800, t.examplesSeen());
        assertEquals(TrainingStatus.FINISHED, t.trainRound(), "a finished trainer stays finished");
        assertEquals(800, t.examplesSeen());
        t.setPlanned(3);
        assertEquals(TrainingStatus.RUNNING, t.status());
        assertEquals(TrainingStatus.FINISHED, t.runEpoch());
        assertEquals(3, t.epoch());
    }

    @Test
    void lastPartialBatchIsUsed() {
        Trainer t = new Trainer(config("batch=64&train=100&epochs=1"), TRAIN, null);
        t.trainRound();
        assertEquals(64, t.position());
        t.trainRound();
        assertEquals(TrainingStatus.FINISHED, t.status());
        assertEquals(100, t.examplesSeen());
        assertEquals(2, t.updates());
    }

    @Test
    void changingTheLearningRateKeepsTheWeights() {
        Trainer t = trainer("opt=adam&lr=0.01");
        for (int s = 0; s < 10; s++) {
            t.trainRound();
        }
        float[] before = t.network().parameters().clone();
        t.setLearningRate(0.0001f);
        assertArrayEquals(before, t.network().parameters());
        assertEquals(0.0001f, t.learningRate());
        t.trainRound();
        float[] after = t.network().parameters();
        float largestChange = 0;
        for (int k = 0; k < before.length; k++) {
            largestChange = Math.max(largestChange, Math.abs(after[k] - before[k]));
        }
        // Adam moves each weight by about lr per step at most: the new, small rate is in effect.
        assertTrue(largestChange > 0 && largestChange < 0.0005f, "change " + largestChange);
        assertThrows(IllegalArgumentException.class, () -> t.setLearningRate(Float.NaN));
    }

    @Test
    void theModelCarriesTheRunAsItStandsLiveChangesIncluded() {
        Trainer t = trainer("opt=momentum&lr=0.05&seed=7&epochs=2");
        t.trainRound();
        assertEquals(
                config("opt=momentum&lr=0.05&seed=7&epochs=2"),
                t.toModel(Float.NaN).config());
        t.setLearningRate(0.01f);
        t.setPlanned(4);
        assertEquals(
                config("opt=momentum&lr=0.01&seed=7&epochs=4"),
                t.toModel(Float.NaN).config(),
                "Reset after loading trains with the rate and epochs the run had when it was saved");
    }

    @Test
    void hugeLearningRateIsReportedAsDiverged() {
        Trainer t = trainer("opt=sgd&lr=1e30&epochs=100");
        while (!t.status().stopped()) {
            t.trainRound();
        }
        assertEquals(TrainingStatus.DIVERGED, t.status());
        long seen = t.examplesSeen();
        assertEquals(TrainingStatus.DIVERGED, t.trainRound());
        assertEquals(seen, t.examplesSeen(), "no training after divergence");
    }

    @Test
    void stopsAtTargetAccuracy() {
        Trainer t = trainer("opt=adam&lr=0.01&epochs=100&targetacc=0.8");
        while (!t.status().stopped()) {
            t.trainRound();
        }
        assertEquals(TrainingStatus.TARGET_REACHED, t.status());
        assertTrue(t.validationAccuracy() >= 0.8);
        assertTrue(t.epoch() < 100);
    }

    @Test
    void stopsOnPlateau() {
        // A learning rate too small to change anything: no improvement after the first epoch.
        Trainer t = trainer("opt=sgd&lr=1e-9&epochs=100&patience=2");
        while (!t.status().stopped()) {
            t.trainRound();
        }
        assertEquals(TrainingStatus.PLATEAU, t.status());
        assertEquals(3, t.epoch());
    }

    @Test
    void scheduleLowersTheRateAsEpochsPass() {
        Trainer t = trainer("opt=sgd&lr=0.4&sched=step&decay=0.5&every=1&epochs=5");
        assertEquals(0.4f, t.learningRate());
        t.runEpoch();
        assertEquals(0.2f, t.learningRate());
        t.runEpoch();
        assertEquals(0.1f, t.learningRate());
    }

    @Test
    void rejectsDataThatDoesNotFit() {
        TrainingConfig wide = TrainingConfig.fromQuery("layers=784,16,10");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Trainer(wide, TRAIN, null));
        assertTrue(e.getMessage().contains("16 pixels"), e.getMessage());
        TrainingConfig fewOutputs = TrainingConfig.fromQuery("layers=16,8,5");
        assertThrows(IllegalArgumentException.class, () -> new Trainer(fewOutputs, TRAIN, null));
    }

    @Test
    void uiAccessors() {
        Trainer t = trainer("opt=adam&lr=0.01&epochs=10");
        t.runEpoch();
        Network net = t.network();
        float[] input = new float[16];
        input[3] = 1f;
        float[] probabilities = new float[10];
        int predicted = net.predict(input, probabilities);
        double sum = 0;
        for (float p : probabilities) {
            sum += p;
        }
        assertEquals(1, sum, 1e-5, "softmax outputs sum to 1");
        assertEquals(Scores.argmax(probabilities, 0, 10), predicted);

        float[] output = new float[10];
        net.activations(input, 2, output);
        assertArrayEquals(probabilities, output);
        float[] hidden = new float[12];
        net.activations(input, 1, hidden);
        for (float h : hidden) {
            assertTrue(h >= 0f, "ReLU outputs");
        }

        float[] weights = new float[16 * 12];
        net.copyFirstLayerWeights(weights);
        float[] params = net.parameters();
        assertEquals(params[5 * 12 + 7], weights[7 * 16 + 5], "unit 7's weight from pixel 5");

        Model model = t.toModel(0.95f);
        Network loaded = Network.fromModel(Model.fromBytes(model.toBytes()), 8);
        float[] again = new float[10];
        loaded.predict(input, again);
        assertArrayEquals(probabilities, again);
        assertEquals(1, model.metadata().epochs());
        assertEquals(400, model.metadata().examplesSeen());
        assertThrows(IllegalArgumentException.class, () -> net.predict(new float[5], again));
        assertThrows(IllegalArgumentException.class, () -> net.activations(input, 3, again));
    }

    @Test
    void evaluationIsConsistent() {
        Trainer t = trainer("opt=sgd&lr=0.5&epochs=3");
        t.runEpoch();
        Evaluation ev = t.evaluate(VALID);
        assertEquals(200, ev.count());
        int total = 0;
        int diagonal = 0;
        int[][] confusion = ev.confusion();
        for (int c = 0; c < 10; c++) {
            for (int p = 0; p < 10; p++) {
                total += confusion[c][p];
            }
            diagonal += confusion[c][c];
        }
        assertEquals(200, total);
        assertEquals(ev.correct(), diagonal);
        assertEquals(ev.correct() / 200.0, ev.accuracy());
        assertEquals(200 - ev.correct(), ev.misclassified().length);
        for (int i = 0; i < ev.misclassified().length; i++) {
            int index = ev.misclassified()[i];
            float[] out = ev.misclassifiedOutput(i);
            assertTrue(Scores.argmax(out, 0, 10) != VALID.label(index));
        }
        double[] perClass = ev.perClassAccuracy();
        for (int c = 0; c < 10; c++) {
            int count = Arrays.stream(confusion[c]).sum();
            assertEquals(count == 0 ? Double.NaN : (double) confusion[c][c] / count, perClass[c]);
        }
        assertTrue(ev.meanCost() > 0);
        assertFalse(Double.isNaN(t.validationAccuracy()));
    }
}

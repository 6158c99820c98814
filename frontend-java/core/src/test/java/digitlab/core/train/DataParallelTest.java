package digitlab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.data.Digits;
import digitlab.core.nn.TestDigits;
import digitlab.core.run.TrainingConfig;
import digitlab.core.train.parallel.InlineReplica;
import digitlab.core.train.parallel.Replica;
import digitlab.core.train.parallel.ReplicaTrainer;
import digitlab.core.train.parallel.Share;
import digitlab.core.train.parallel.ShareResult;
import digitlab.core.train.parallel.ThreadReplica;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataParallelTest {
    private static final TrainingConfig CONFIG = TrainingConfig.fromQuery(
            "layers=64,16,10&act=relu&loss=softmax&opt=momentum&lr=0.05&batch=16&init=he&seed=3&epochs=2");
    private static final Digits DATA = TestDigits.synthetic(3000, 8, 5);
    /** A small CNN (convolution, pool, dense) on the same 8x8 digits: plain SGD, as the CNN benchmark trains. */
    private static final TrainingConfig CNN = TrainingConfig.fromQuery(
            "layers=64,c4k3,p2,c6k3v,10&act=relu&loss=softmax&opt=sgd&lr=0.05&batch=16&init=he&seed=3&epochs=2");

    @Test
    void anEpochVisitsEveryExampleOnceAcrossWorkers() {
        Set<Integer> seen = new HashSet<>();
        Replica recording = new TestReplica() {
            @Override
            public boolean ready() {
                return true;
            }

            @Override
            public void start(Share share) {
                for (int i = share.from(); i < share.from() + share.count(); i++) {
                    assertTrue(seen.add(share.indices()[i]), "example " + share.indices()[i] + " twice");
                }
                inner.start(share);
            }

            @Override
            public ShareResult finish(float[] parameters, float[] optimizerState) {
                return inner.finish(parameters, optimizerState);
            }
        };
        Trainer trainer = new Trainer(CONFIG, DATA, null);
        trainer.useReplicas(List.of(recording));
        trainer.trainRound();
        assertEquals(2, trainer.lastWorkers());
        assertEquals(2 * DataParallelRounds.ROUND_EXAMPLES, trainer.position());
        trainer.runEpoch();
        assertEquals(1, trainer.epoch());
        assertEquals(DATA.count(), trainer.examplesSeen());
        // 3000 examples: two rounds of 2 x 512 for the pair, the last 952 here alone.
        assertEquals(2 * DataParallelRounds.ROUND_EXAMPLES, seen.size());
    }

    @Test
    void aRoundCountsEveryWorkersBatchesAndASingleStepTrainsOneBatchHere() {
        Trainer trainer = new Trainer(CONFIG, DATA, null);
        trainer.useReplicas(List.of(new InlineReplica(CONFIG)));
        trainer.trainRound();
        assertEquals(2 * DataParallelRounds.ROUND_EXAMPLES / CONFIG.batchSize(), trainer.updates());
        trainer.trainOneUpdate();
        assertEquals(1, trainer.lastWorkers());
        assertEquals(2 * DataParallelRounds.ROUND_EXAMPLES + CONFIG.batchSize(), trainer.examplesSeen());
        assertEquals(2 * DataParallelRounds.ROUND_EXAMPLES / CONFIG.batchSize() + 1, trainer.updates());
        trainer.trainRound();
        assertEquals(2, trainer.lastWorkers());
    }

    @Test
    void threadsGiveExactlyTheResultOfTheSameRoundsInOneThread() {
        for (TrainingConfig config : List.of(CONFIG, CNN)) {
            Trainer inline = new Trainer(config, DATA, null);
            inline.useReplicas(List.of(new InlineReplica(config), new InlineReplica(config)));
            Trainer threaded = new Trainer(config, DATA, null);
            try (ThreadReplica a = new ThreadReplica(config);
                    ThreadReplica b = new ThreadReplica(config)) {
                threaded.useReplicas(List.of(a, b));
                while (!threaded.status().stopped()) {
                    threaded.runEpoch();
                    inline.runEpoch();
                }
            }
            assertArrayEquals(inline.network().parameters(), threaded.network().parameters(), config.toQuery());
            assertEquals(inline.epochLoss(), threaded.epochLoss(), config.toQuery());
        }
    }

    @Test
    void aCnnOnTwoThreadsTrainsAndRepeatsItselfForASeed() {
        Digits test = TestDigits.synthetic(1000, 8, 6);
        float[] first = null;
        for (int run = 0; run < 2; run++) {
            Trainer trainer = new Trainer(CNN, DATA, null);
            try (ThreadReplica replica = new ThreadReplica(CNN)) {
                trainer.useReplicas(List.of(replica));
                while (!trainer.status().stopped()) {
                    trainer.runEpoch();
                }
            }
            double accuracy = trainer.evaluate(test).accuracy();
            assertTrue(accuracy > 0.9, "two threads, run " + run + ": " + accuracy);
            if (first == null) {
                first = trainer.network().parameters().clone();
            } else {
                assertArrayEquals(first, trainer.network().parameters(), "the same seed, the same weights");
            }
        }
    }

    @Test
    void twoWorkersTrainAsWellAsOne() {
        Digits test = TestDigits.synthetic(1000, 8, 6);
        Trainer single = new Trainer(CONFIG, DATA, null);
        Trainer pair = new Trainer(CONFIG, DATA, null);
        pair.useReplicas(List.of(new InlineReplica(CONFIG)));
        while (!single.status().stopped() || !pair.status().stopped()) {
            single.trainRound();
            pair.trainRound();
        }
        double one = single.evaluate(test).accuracy();
        double two = pair.evaluate(test).accuracy();
        assertTrue(one > 0.9, "one worker " + one);
        assertTrue(two > one - 0.02, "one worker " + one + ", two workers " + two);
    }

    @Test
    void aFailedReplicasShareIsTrainedHereAndItIsNotAskedAgain() {
        int[] starts = {0};
        Replica failing = new TestReplica() {
            private boolean failed;

            @Override
            public boolean ready() {
                return !failed;
            }

            @Override
            public void start(Share share) {
                starts[0]++;
            }

            @Override
            public ShareResult finish(float[] parameters, float[] optimizerState) {
                failed = true;
                Arrays.fill(parameters, Float.NaN); // whatever it left must not be used
                Arrays.fill(optimizerState, Float.NaN);
                return null;
            }
        };
        Trainer trainer = new Trainer(CONFIG, DATA, null);
        trainer.useReplicas(List.of(failing));
        trainer.trainRound();
        assertEquals(1, trainer.lastWorkers());
        assertEquals(2 * DataParallelRounds.ROUND_EXAMPLES, trainer.examplesSeen());
        trainer.runEpoch();
        assertEquals(1, starts[0]);
        assertEquals(DATA.count(), trainer.examplesSeen());
        assertTrue(trainer.network().parametersFinite());
        assertFalse(trainer.status().stopped());
    }

    @Test
    void anEvaluationSplitBetweenWorkersEqualsOneInOneWorker() throws Exception {
        for (TrainingConfig config : List.of(CONFIG, CNN)) {
            Trainer trainer = new Trainer(config, DATA, null);
            trainer.runEpoch();
            Evaluation alone = Evaluation.of(trainer.network(), DATA);
            assertTrue(alone.accuracy() > 0.5 && alone.accuracy() < 1, "some right, some wrong: " + alone.accuracy());
            trainer.useReplicas(List.of(new InlineReplica(config), new InlineReplica(config)));
            assertSameEvaluation(alone, trainer.evaluate(DATA));
            try (ThreadReplica thread = new ThreadReplica(config)) {
                trainer.useReplicas(List.of(thread));
                assertSameEvaluation(alone, trainer.evaluate(DATA));
            }
        }
    }

    @Test
    void aReplicaThatFailsAnEvaluationHasItsBlockDoneHere() {
        Trainer trainer = new Trainer(CONFIG, DATA, null);
        trainer.runEpoch();
        Evaluation alone = Evaluation.of(trainer.network(), DATA);
        int[] blocks = {0};
        Replica failing = new TestReplica() {
            private boolean failed;

            @Override
            public boolean ready() {
                return !failed;
            }

            @Override
            public void start(Share share) {}

            @Override
            public ShareResult finish(float[] parameters, float[] optimizerState) {
                return null;
            }

            @Override
            public void startForward(float[] parameters, Digits data, int from, int count) {
                blocks[0]++;
            }

            @Override
            public boolean finishForward(float[] outputs, float[] costs) {
                failed = true;
                return false;
            }
        };
        trainer.useReplicas(List.of(failing));
        assertSameEvaluation(alone, trainer.evaluate(DATA));
        assertEquals(1, blocks[0]);
    }

    private static void assertSameEvaluation(Evaluation expected, Evaluation actual) {
        assertEquals(expected.count(), actual.count());
        assertEquals(expected.correct(), actual.correct());
        assertEquals(expected.meanCost(), actual.meanCost());
        assertArrayEquals(expected.confusion(), actual.confusion());
        assertArrayEquals(expected.misclassified(), actual.misclassified());
        for (int i = 0; i < expected.misclassified().length; i++) {
            assertArrayEquals(expected.misclassifiedOutput(i), actual.misclassifiedOutput(i));
        }
    }

    /** A replica for these tests: forward passes as a real replica does them, training as each test says. */
    private abstract static class TestReplica implements Replica {
        final InlineReplica inner = new InlineReplica(CONFIG);

        @Override
        public void startForward(float[] parameters, Digits data, int from, int count) {
            inner.startForward(parameters, data, from, count);
        }

        @Override
        public boolean finishForward(float[] outputs, float[] costs) {
            return inner.finishForward(outputs, costs);
        }
    }

    @Test
    void aReplicaThatDivergesStopsTheRun() {
        Replica diverging = new TestReplica() {
            @Override
            public boolean ready() {
                return true;
            }

            @Override
            public void start(Share share) {}

            @Override
            public ShareResult finish(float[] parameters, float[] optimizerState) {
                Arrays.fill(parameters, Float.NaN);
                return new ShareResult(DataParallelRounds.ROUND_EXAMPLES, Double.NaN, 0);
            }
        };
        Trainer trainer = new Trainer(CONFIG, DATA, null);
        trainer.useReplicas(List.of(diverging));
        assertEquals(TrainingStatus.DIVERGED, trainer.trainRound());
    }

    @Test
    void aReplicaThatBecomesReadyMidStepJoinsOnlyIfTheEpochHasRoomForIt() {
        Digits small = TestDigits.synthetic(1100, 8, 5); // room for one round of two shares, not three
        int[] calls = {0};
        int[] starts = {0};
        Replica late = new TestReplica() {
            @Override
            public boolean ready() {
                return calls[0]++ > 0; // not ready when the round is planned, ready when it starts
            }

            @Override
            public void start(Share share) {
                starts[0]++;
                inner.start(share);
            }

            @Override
            public ShareResult finish(float[] parameters, float[] optimizerState) {
                return inner.finish(parameters, optimizerState);
            }
        };
        Trainer trainer = new Trainer(CONFIG, small, null);
        trainer.useReplicas(List.of(new InlineReplica(CONFIG), late));
        trainer.trainRound();
        assertEquals(0, starts[0]);
        assertEquals(2, trainer.lastWorkers());
        assertEquals(2 * DataParallelRounds.ROUND_EXAMPLES, trainer.examplesSeen());
    }

    @Test
    void fullBatchMethodsTrainInOneWorker() {
        TrainingConfig lbfgs = TrainingConfig.fromQuery("layers=64,16,10&opt=lbfgs");
        Trainer trainer = new Trainer(lbfgs, DATA, null);
        assertThrows(IllegalArgumentException.class, () -> trainer.useReplicas(List.of(new InlineReplica(CONFIG))));
        assertThrows(IllegalArgumentException.class, () -> new ReplicaTrainer(lbfgs));
    }
}

package digitlab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.data.Digits;
import digitlab.core.nn.Rng;
import digitlab.core.nn.TestDigits;
import digitlab.core.run.TrainingConfig;
import digitlab.core.train.parallel.InlineReplica;
import digitlab.core.train.parallel.Replica;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The training set arriving in parts while training, as when the browser downloads shards, and growing
 * beyond them (the person's digits).
 */
class TrainerGrowthTest {
    private static TrainingConfig config(String extra) {
        return TrainingConfig.fromQuery("layers=16,8,10&opt=sgd&lr=0.5&batch=10&epochs=3" + extra);
    }

    /**
     * Trains to the end with the parts of {@code all} handed over one at a time: the next one whenever the
     * trainer waits for it, and otherwise after every {@code stepsPerPart} steps (0: only when it waits).
     */
    private static Trainer trainArriving(
            TrainingConfig config, int[] parts, Digits all, int stepsPerPart, List<Replica> replicas) {
        int arrived = parts[0];
        int next = 1;
        Trainer trainer = new Trainer(config, parts, all.slice(0, arrived), null);
        trainer.useReplicas(replicas);
        int steps = 0;
        while (!trainer.status().stopped()) {
            boolean due = stepsPerPart > 0 && steps > 0 && steps % stepsPerPart == 0;
            if (next < parts.length && (trainer.waitingForData() || due)) {
                arrived += parts[next++];
                trainer.extendTrainingSet(all.slice(0, arrived));
            }
            trainer.trainRound();
            steps++;
        }
        return trainer;
    }

    private static Trainer trainAtOnce(TrainingConfig config, int[] parts, Digits all, List<Replica> replicas) {
        Trainer trainer = new Trainer(config, parts, all, null);
        trainer.useReplicas(replicas);
        while (!trainer.status().stopped()) {
            trainer.trainRound();
        }
        return trainer;
    }

    @Test
    void dataArrivingInPartsGivesBitForBitTheRunOfAllDataAtOnce() {
        TrainingConfig config = config("&seed=7");
        Digits all = TestDigits.synthetic(230, 4, 3);
        int[] parts = {60, 60, 60, 50};
        float[] atOnce = trainAtOnce(config, parts, all, List.of()).network().parameters();
        for (int stepsPerPart : new int[] {0, 1, 4}) {
            Trainer arriving = trainArriving(config, parts, all, stepsPerPart, List.of());
            assertArrayEquals(atOnce, arriving.network().parameters(), "a part every " + stepsPerPart + " steps");
            assertEquals(3 * 230, arriving.examplesSeen());
        }
    }

    @Test
    void dataParallelRoundsWaitForTheirDataInsteadOfTurningIntoSingleBatches() {
        TrainingConfig config = TrainingConfig.fromQuery(
                "layers=64,16,10&act=relu&opt=momentum&lr=0.05&batch=16&init=he&seed=3&epochs=2");
        Digits all = TestDigits.synthetic(3000, 8, 5);
        int[] parts = {700, 700, 700, 700, 200};
        Trainer atOnce = trainAtOnce(config, parts, all, List.of(new InlineReplica(config)));
        for (int stepsPerPart : new int[] {0, 3}) {
            Trainer arriving = trainArriving(config, parts, all, stepsPerPart, List.of(new InlineReplica(config)));
            assertArrayEquals(atOnce.network().parameters(), arriving.network().parameters());
            assertEquals(atOnce.updates(), arriving.updates());
        }
    }

    @Test
    void aStepWaitsForItsPartAndAnEpochIsTheWholePlanFromTheStart() {
        Digits all = TestDigits.synthetic(100, 4, 3);
        Trainer trainer = new Trainer(config(""), new int[] {30, 70}, all.slice(0, 30), null);
        assertEquals(100, trainer.trainCount());
        assertFalse(trainer.waitingForData(), "the first part is there");
        for (int i = 0; i < 3; i++) {
            trainer.trainRound();
        }
        assertEquals(30, trainer.position());
        assertTrue(trainer.waitingForData(), "the first part is done, the second not there");
        assertThrows(IllegalStateException.class, trainer::trainRound);
        trainer.extendTrainingSet(all);
        assertFalse(trainer.waitingForData());
        trainer.runEpoch();
        assertEquals(1, trainer.epoch());
        assertEquals(100, trainer.examplesSeen());
    }

    @Test
    void theFirstEpochOrderKeepsEachPartTogether() {
        EpochOrder order = new EpochOrder(new int[] {30, 70}, Integer.MAX_VALUE, new Rng(5));
        int[] first = Arrays.copyOfRange(order.indices(), 0, 30);
        int[] second = Arrays.copyOfRange(order.indices(), 30, 100);
        Arrays.sort(first);
        Arrays.sort(second);
        for (int i = 0; i < 30; i++) {
            assertEquals(i, first[i]);
        }
        for (int i = 0; i < 70; i++) {
            assertEquals(30 + i, second[i]);
        }
        assertEquals(0, order.ready());
        order.arrive(50, new Rng(6));
        assertEquals(30, order.ready(), "only whole parts are ready");
        order.arrive(100, new Rng(6));
        assertEquals(100, order.ready());
        int[] before = order.indices().clone();
        order.nextEpoch(new Rng(7));
        int[] after = order.indices().clone();
        assertFalse(Arrays.equals(before, after));
        Arrays.sort(after);
        for (int i = 0; i < 100; i++) {
            assertEquals(i, after[i]);
        }
    }

    @Test
    void fullBatchMethodsWaitForEveryPart() {
        TrainingConfig lbfgs = TrainingConfig.fromQuery("layers=16,8,10&opt=lbfgs&epochs=5&seed=2");
        Digits all = TestDigits.synthetic(200, 4, 3);
        int[] parts = {100, 100};
        Trainer trainer = new Trainer(lbfgs, parts, all.slice(0, 100), null);
        assertTrue(trainer.waitingForData());
        trainer.extendTrainingSet(all);
        assertFalse(trainer.waitingForData());
        while (!trainer.status().stopped()) {
            trainer.trainRound();
        }
        assertArrayEquals(
                trainAtOnce(lbfgs, parts, all, List.of()).network().parameters(),
                trainer.network().parameters());
    }

    @Test
    void newExamplesJoinTheCurrentEpochAndEveryExampleIsVisitedOncePerEpoch() {
        Digits all = TestDigits.synthetic(100, 4, 3);
        Trainer trainer = new Trainer(config(""), all.slice(0, 40), null);
        trainer.trainRound();
        trainer.trainRound();
        assertEquals(20, trainer.position());

        trainer.extendTrainingSet(all);
        assertEquals(100, trainer.trainCount());
        assertEquals(20, trainer.position(), "the epoch goes on where it was");
        while (trainer.epoch() == 0) {
            trainer.trainRound();
        }
        assertEquals(100, trainer.examplesSeen(), "the first epoch covered old and new examples once");
        trainer.runEpoch();
        assertEquals(200, trainer.examplesSeen());
    }

    @Test
    void trainingOnTheGrownSetStillLearns() {
        Digits all = TestDigits.synthetic(600, 4, 5);
        Trainer trainer = new Trainer(
                TrainingConfig.fromQuery("layers=16,8,10&opt=sgd&lr=0.5&batch=10&epochs=20"), all.slice(0, 100), null);
        trainer.trainRound();
        trainer.extendTrainingSet(all);
        for (int e = 0; e < 20 && !trainer.status().stopped(); e++) {
            trainer.runEpoch();
        }
        assertTrue(
                trainer.evaluate(all).accuracy() > 0.9,
                "accuracy " + trainer.evaluate(all).accuracy());
    }

    @Test
    void respectsTheTrainingLimit() {
        Digits all = TestDigits.synthetic(100, 4, 3);
        Trainer trainer = new Trainer(config("&train=50"), all.slice(0, 30), null);
        trainer.extendTrainingSet(all);
        assertEquals(50, trainer.trainCount());
    }

    @Test
    void fullBatchMethodsUseTheLargerSetFromTheNextIteration() {
        Digits all = TestDigits.synthetic(200, 4, 3);
        Trainer trainer =
                new Trainer(TrainingConfig.fromQuery("layers=16,8,10&opt=lbfgs&epochs=10"), all.slice(0, 50), null);
        trainer.trainRound();
        long before = trainer.examplesSeen();
        trainer.extendTrainingSet(all);
        trainer.trainRound();
        assertEquals(200, trainer.trainCount());
        assertEquals(0, (trainer.examplesSeen() - before) % 200, "every evaluation was a pass over 200");
    }

    @Test
    void rejectsASmallerOrDifferentSet() {
        Digits all = TestDigits.synthetic(100, 4, 3);
        Trainer trainer = new Trainer(config(""), all.slice(0, 40), null);
        assertThrows(IllegalArgumentException.class, () -> trainer.extendTrainingSet(all.slice(0, 10)));
        assertThrows(IllegalArgumentException.class, () -> trainer.extendTrainingSet(TestDigits.synthetic(100, 5, 3)));
    }
}

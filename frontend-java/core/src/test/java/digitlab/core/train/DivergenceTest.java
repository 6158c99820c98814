package digitlab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.data.Digits;
import digitlab.core.nn.TestDigits;
import digitlab.core.run.TrainingConfig;
import org.junit.jupiter.api.Test;

/** Runs that blow up or die are stopped with the reason; healthy ones, even slow starters, are not. */
class DivergenceTest {
    @Test
    void eachSignMustLastAWhileExceptNonFiniteNumbers() {
        DivergenceWatch watch = new DivergenceWatch();
        assertNull(watch.step(2.3, 0.1, 32, 10, 0));
        // A spike of a few steps is no divergence.
        for (int i = 0; i < 10; i++) {
            assertNull(watch.step(100, 0.5, 32, 10, 0));
        }
        assertEquals(Divergence.NOT_FINITE, watch.step(Double.NaN, 0.5, 32, 10, 0));
    }

    @Test
    void aLossFarAboveItsStartForLongEnoughIsExploded() {
        DivergenceWatch watch = new DivergenceWatch();
        watch.step(2.3, 0.5, 100, 10, 0);
        Divergence seen = null;
        int steps = 0;
        while (seen == null && steps < 1000) {
            seen = watch.step(40, 0.5, 100, 10, 0);
            steps++;
        }
        assertEquals(Divergence.LOSS_EXPLODED, seen);
        assertTrue(steps * 100 >= DivergenceWatch.MIN_EXAMPLES, "after " + steps + " steps");
    }

    @Test
    void accuracyAtChanceForLongEnoughStopsButImprovingInTimeDoesNot() {
        DivergenceWatch stuck = new DivergenceWatch();
        DivergenceWatch learning = new DivergenceWatch();
        int atChanceSteps = DivergenceWatch.MIN_EXAMPLES / 32 - 10;
        for (int i = 0; i < atChanceSteps; i++) {
            assertNull(stuck.step(2.3, 0.1, 32, 10, 0));
            assertNull(learning.step(2.3, 0.1, 32, 10, 0));
        }
        Divergence seen = null;
        for (int i = 0; i < 100 && seen == null; i++) {
            seen = stuck.step(2.3, 0.1, 32, 10, 0);
            assertNull(learning.step(2.0, 0.6, 32, 10, 0));
        }
        assertEquals(Divergence.AT_CHANCE, seen);
    }

    @Test
    void aSilentLayerIsNamedSooner() {
        DivergenceWatch watch = new DivergenceWatch();
        Divergence seen = null;
        int steps = 0;
        while (seen == null) {
            seen = watch.step(2.3, 0.1, 32, 10, 1);
            steps++;
        }
        assertEquals(Divergence.DEAD_LAYER, seen);
        assertTrue(steps * 32 < DivergenceWatch.MIN_EXAMPLES);
    }

    @Test
    void chanceLevelDependsOnTheClasses() {
        assertTrue(DivergenceWatch.atChance(0.096, 10));
        assertFalse(DivergenceWatch.atChance(0.5, 10));
        assertFalse(DivergenceWatch.atChance(0.4, 4)); // 0.4 is 1.6 times chance among 4
    }

    // ---------------------------------------------------------------- on MNIST, as a learner saw them

    @Test
    void reluNetsAtHugeLearningRatesDieAndAreStoppedWithinAnEpoch() {
        assertEquals(Divergence.DEAD_LAYER, firstEpoch("opt=sgd&lr=50").divergence());
        assertEquals(Divergence.DEAD_LAYER, firstEpoch("opt=sgd&lr=1000").divergence());
        assertEquals(Divergence.DEAD_LAYER, firstEpoch("opt=adam&lr=1000000").divergence());
    }

    @Test
    void otherBlowUpsAreNamed() {
        assertEquals(Divergence.NOT_FINITE, firstEpoch("opt=sgd&lr=1000000").divergence());
        assertEquals(
                Divergence.AT_CHANCE, firstEpoch("opt=sgd&lr=50&act=sigmoid").divergence());
        assertEquals(
                Divergence.LOSS_EXPLODED, firstEpoch("opt=sgd&lr=1000&act=tanh").divergence());
    }

    @Test
    void theClassicSlowStartersAreNotStopped() {
        Trainer tutorial = firstEpoch("layers=784,25,10&act=sigmoid&loss=logistic&opt=sgd&lr=0.1");
        assertEquals(TrainingStatus.RUNNING, tutorial.status());
        assertNull(tutorial.divergence());
    }

    private static Trainer firstEpoch(String query) {
        Digits train = TestDigits.mnistTrain();
        Trainer trainer = new Trainer(TrainingConfig.fromQuery(query + "&epochs=2"), train, null);
        trainer.runEpoch();
        if (trainer.status() == TrainingStatus.DIVERGED) {
            assertTrue(trainer.examplesSeen() < train.count(), query + " stopped only at " + trainer.examplesSeen());
        }
        return trainer;
    }
}

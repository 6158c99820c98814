package digitlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.data.Digits;
import org.junit.jupiter.api.Test;

/** The training set growing while training, as it does when the browser downloads shards. */
class TrainerGrowthTest {
    private static TrainingConfig config(String extra) {
        return TrainingConfig.fromQuery("layers=16,8,10&opt=sgd&lr=0.5&batch=10&epochs=3" + extra);
    }

    @Test
    void newExamplesJoinTheCurrentEpochAndEveryExampleIsVisitedOncePerEpoch() {
        Digits all = TestDigits.synthetic(100, 4, 3);
        Trainer trainer = new Trainer(config(""), all.slice(0, 40), null);
        trainer.step();
        trainer.step();
        assertEquals(20, trainer.position());

        trainer.extendTrainingSet(all);
        assertEquals(100, trainer.trainCount());
        assertEquals(20, trainer.position(), "the epoch goes on where it was");
        while (trainer.epoch() == 0) {
            trainer.step();
        }
        assertEquals(100, trainer.examplesSeen(), "the first epoch covered old and new examples once");
        trainer.runEpoch();
        assertEquals(200, trainer.examplesSeen());
    }

    @Test
    void trainingOnTheGrownSetStillLearns() {
        Digits all = TestDigits.synthetic(600, 4, 5);
        Trainer trainer = new Trainer(TrainingConfig.fromQuery("layers=16,8,10&opt=sgd&lr=0.5&batch=10&epochs=20"),
                all.slice(0, 100), null);
        trainer.step();
        trainer.extendTrainingSet(all);
        for (int e = 0; e < 20 && !trainer.status().stopped(); e++) {
            trainer.runEpoch();
        }
        assertTrue(trainer.evaluate(all).accuracy() > 0.9, "accuracy " + trainer.evaluate(all).accuracy());
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
        Trainer trainer = new Trainer(TrainingConfig.fromQuery("layers=16,8,10&opt=lbfgs&epochs=10"),
                all.slice(0, 50), null);
        trainer.step();
        long before = trainer.examplesSeen();
        trainer.extendTrainingSet(all);
        trainer.step();
        assertEquals(200, trainer.trainCount());
        assertEquals(0, (trainer.examplesSeen() - before) % 200, "every evaluation was a pass over 200");
    }

    @Test
    void rejectsASmallerOrDifferentSet() {
        Digits all = TestDigits.synthetic(100, 4, 3);
        Trainer trainer = new Trainer(config(""), all.slice(0, 40), null);
        assertThrows(IllegalArgumentException.class, () -> trainer.extendTrainingSet(all.slice(0, 10)));
        assertThrows(IllegalArgumentException.class,
                () -> trainer.extendTrainingSet(TestDigits.synthetic(100, 5, 3)));
    }
}

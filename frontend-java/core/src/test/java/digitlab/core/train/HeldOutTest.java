package digitlab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.data.Digits;
import digitlab.core.nn.TestDigits;
import digitlab.core.run.RunSettings;
import digitlab.core.run.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The validation split: held out of training, the last images of the training set, never the test set's. */
class HeldOutTest {
    @Test
    void theLastImagesAreHeldOutOfTheTrainingParts() {
        assertArrayEquals(new int[] {5000, 5000}, HeldOut.trainingParts(new int[] {5000, 5000, 5000}, 5000));
        assertArrayEquals(new int[] {5000, 3000}, HeldOut.trainingParts(new int[] {5000, 5000, 5000}, 7000));
        assertArrayEquals(new int[] {5000, 5000, 5000}, HeldOut.trainingParts(new int[] {5000, 5000, 5000}, 0));
        assertThrows(IllegalArgumentException.class, () -> HeldOut.trainingParts(new int[] {100}, 100));
    }

    @Test
    void trainingAndValidationImagesOfASetArrivingInOrder() {
        Digits all = TestDigits.synthetic(100, 4, 1);
        Digits firstPart = all.slice(0, 60);
        assertSame(firstPart, HeldOut.training(firstPart, 100, 30), "no copy before the held-out images");
        assertNull(HeldOut.validation(firstPart, 100, 30), "not all arrived");
        Digits training = HeldOut.training(all, 100, 30);
        Digits validation = HeldOut.validation(all, 100, 30);
        assertEquals(70, training.count());
        assertEquals(30, validation.count());
        assertEquals(all.label(70), validation.label(0));
        assertEquals(all.label(99), validation.label(29));
        assertNull(HeldOut.validation(all, 100, 0));
    }

    @Test
    void settingsForTheSplitAndForFullBatchIterations() {
        TrainingConfig defaults = TrainingConfig.defaults();
        assertEquals(RunSettings.DEFAULT_VALIDATION, defaults.validationSize());
        assertEquals(defaults, TrainingConfig.fromQuery(defaults.toQuery()));
        TrainingConfig lbfgs = TrainingConfig.fromQuery("opt=lbfgs&iters=40&epochs=3&valid=0");
        assertEquals(40, lbfgs.planned());
        assertEquals(3, TrainingConfig.fromQuery("epochs=3").planned());
        assertEquals(7, lbfgs.withPlanned(7).iterations());
        // The stop rules watch the validation images, so they need some.
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TrainingConfig.fromQuery("valid=0&targetacc=0.9"));
        assertTrue(e.getMessage().startsWith("valid"), e.getMessage());
    }

    @Test
    void theTargetIsCheckedWheneverTheValidationImagesAreMeasured() {
        Digits all = TestDigits.synthetic(3000, 8, 5);
        TrainingConfig config =
                TrainingConfig.fromQuery("layers=64,16,10&opt=adam&lr=0.01&batch=16&epochs=5&valid=500&targetacc=0.9");
        Trainer trainer = new Trainer(config, HeldOut.training(all, 3000, 500), HeldOut.validation(all, 3000, 500));
        while (trainer.status() == TrainingStatus.RUNNING && trainer.epoch() == 0) {
            for (int i = 0; i < 10 && trainer.epoch() == 0; i++) {
                trainer.trainRound();
            }
            trainer.validate(); // as the browser's live curve does, between steps
        }
        assertEquals(TrainingStatus.TARGET_REACHED, trainer.status());
        assertEquals(0, trainer.epoch(), "reached within the first epoch, not only checked at its end");
        assertTrue(trainer.validationAccuracy() >= 0.9);
        assertEquals(trainer.examplesSeen(), trainer.validationSeen());
        // The live measurement is the full evaluation's accuracy, without its confusion matrix.
        assertEquals(Evaluation.of(trainer.network(), trainer.validation()).accuracy(), trainer.validationAccuracy());
    }

    @Test
    void fullBatchRunsCountIterations() {
        Digits all = TestDigits.synthetic(600, 8, 5);
        Trainer trainer = new Trainer(
                TrainingConfig.fromQuery("layers=64,16,10&opt=gd&lr=1&iters=4&epochs=9&valid=0"), all, null);
        while (!trainer.status().stopped()) {
            trainer.trainRound();
        }
        assertEquals(TrainingStatus.FINISHED, trainer.status());
        assertEquals(4, trainer.updates());
    }
}

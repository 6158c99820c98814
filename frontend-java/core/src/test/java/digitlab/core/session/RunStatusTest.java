package digitlab.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.core.model.Model;
import digitlab.core.model.TrainingMetadata;
import digitlab.core.run.TrainingConfig;
import digitlab.core.train.Divergence;
import digitlab.core.train.TrainingStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page's status line: its data-state hook (which the browser tests wait for) and its sentence. */
class RunStatusTest {
    private static final TrainingConfig CONFIG = TrainingConfig.fromQuery("layers=784,32,10");
    private static final TrainingConfig LBFGS = TrainingConfig.fromQuery("layers=784,32,10&opt=lbfgs");

    private static RunStatus.Line line(RunStatus status) {
        return status.line(CONFIG, false);
    }

    private static RunStatus stopped(TrainingStatus reason, int epochs, int steps) {
        RunStatus status = new RunStatus();
        status.configured(25_450, null, null);
        status.progress(RunPhase.STOPPED, reason, null, epochs, steps, 1);
        return status;
    }

    @Test
    void aNetworkIsTrainedOnceItTookAStepOrCameFromAFileUntilTheNextOneIsBuilt() {
        RunStatus status = new RunStatus();
        assertFalse(status.trained());
        status.configured(25_450, null, null);
        status.progress(RunPhase.READY, TrainingStatus.RUNNING, null, 0, 0, 1);
        assertFalse(status.trained(), "fresh weights, no step yet");
        status.progress(RunPhase.PAUSED, TrainingStatus.RUNNING, null, 0, 1234, 1);
        assertTrue(status.trained());
        assertEquals("the one trained for 1,234 steps", status.trainedNetwork());
        status.configured(25_450, null, null);
        assertFalse(status.trained(), "a new network has learned nothing, whatever the last report said");
        status.configured(25_450, "the file digits.dlnn", null);
        assertTrue(status.trained(), "a loaded model's weights are learned");
        assertEquals("the file digits.dlnn", status.trainedNetwork());
    }

    @Test
    void loading() {
        RunStatus status = new RunStatus();
        assertEquals(new RunStatus.Line("loading", "Loading MNIST…"), line(status));
        status.data(3, 14);
        assertEquals(new RunStatus.Line("loading", "Loading MNIST: 3 of 14 shards."), line(status));
        assertFalse(status.networkReady());
        assertFalse(status.canTrain());
    }

    @Test
    void aNewNetworkAndALoadedOne() {
        RunStatus status = new RunStatus();
        status.data(2, 14);
        status.configured(25_450, null, null);
        assertEquals(
                new RunStatus.Line(
                        "ready",
                        "New network 784-32-10 with 25450 parameters. Press Train, or Step for one mini-batch."
                                + " Loading MNIST: 2 of 14 shards."),
                line(status));
        assertTrue(status.canTrain());
        status.data(14, 14);
        status.configured(25_450, "a saved model", "The file does not record its training settings.");
        assertEquals(
                new RunStatus.Line(
                        "ready",
                        "Loaded a saved model: 784-32-10 with 25450 parameters. Train continues from it; Reset starts"
                                + " afresh with these settings. The file does not record its training settings."),
                line(status));
    }

    @Test
    void trainingAndPaused() {
        RunStatus status = new RunStatus();
        status.data(14, 14);
        status.configured(25_450, null, null);
        assertTrue(status.progress(RunPhase.TRAINING, TrainingStatus.RUNNING, null, 0, 10, 1));
        assertEquals(new RunStatus.Line("training", "Training 784-32-10…"), line(status));
        assertTrue(status.training());
        assertFalse(status.canTrain());
        assertFalse(status.progress(RunPhase.TRAINING, TrainingStatus.RUNNING, null, 0, 20, 1), "no change");
        status.progress(RunPhase.TRAINING, TrainingStatus.RUNNING, null, 0, 30, 3);
        assertEquals(new RunStatus.Line("training", "Training 784-32-10 on 3 workers (data-parallel)…"), line(status));
        assertTrue(status.progress(RunPhase.PAUSED, TrainingStatus.RUNNING, null, 0, 42, 1));
        assertTrue(status.progress(RunPhase.PAUSED, TrainingStatus.RUNNING, null, 0, 43, 1), "paused: the steps");
        assertEquals(new RunStatus.Line("paused", "Paused after 43 steps."), line(status));
        assertTrue(status.canTrain());
    }

    @Test
    void theWaysARunStops() {
        assertEquals(
                new RunStatus.Line("done", "Finished 3 epochs."),
                stopped(TrainingStatus.FINISHED, 3, 500).line(CONFIG, false));
        assertEquals(
                new RunStatus.Line(
                        "warning",
                        "Finished 1 epoch, but the accuracy is at chance level: the network has not learned. Try"
                                + " another learning rate and press Reset."),
                stopped(TrainingStatus.FINISHED, 1, 500).line(CONFIG, true));
        assertEquals(
                new RunStatus.Line("done", "Finished 40 iterations."),
                stopped(TrainingStatus.FINISHED, 40, 40).line(LBFGS, false));
        assertEquals(
                new RunStatus.Line("done", "The validation images reached the target accuracy after 2 epochs."),
                line(stopped(TrainingStatus.TARGET_REACHED, 2, 500)));
        assertEquals(
                new RunStatus.Line("done", "Stopped: no improvement for " + CONFIG.patience() + " epochs."),
                line(stopped(TrainingStatus.PLATEAU, 7, 500)));
        assertEquals(
                new RunStatus.Line("done", "Converged after 12 iterations."),
                stopped(TrainingStatus.CONVERGED, 12, 12).line(LBFGS, false));
    }

    @Test
    void aDivergedRunSaysWhyAndStaysAnError() {
        RunStatus status = stopped(TrainingStatus.DIVERGED, 0, 17);
        assertTrue(status.diverged());
        assertFalse(status.canTrain());
        assertEquals(
                new RunStatus.Line(
                        "error",
                        "Training diverged and was stopped after 17 steps: "
                                + Divergence.NOT_FINITE.explanation()
                                + ". Lower the learning rate and press Reset to start again."),
                line(status));
        status.progress(RunPhase.STOPPED, TrainingStatus.DIVERGED, Divergence.DEAD_LAYER, 0, 17, 1);
        assertTrue(line(status).text().contains(Divergence.DEAD_LAYER.explanation()));
        status.configured(25_450, null, null);
        assertFalse(status.diverged(), "a new network");
    }

    @Test
    void aChangedStopReasonRefreshesTheLine() {
        RunStatus status = stopped(TrainingStatus.FINISHED, 3, 500);
        assertFalse(status.progress(RunPhase.STOPPED, TrainingStatus.FINISHED, null, 3, 500, 1));
        assertTrue(status.progress(RunPhase.STOPPED, TrainingStatus.PLATEAU, null, 3, 500, 1));
    }

    @Test
    void networkShape() {
        assertEquals("784-32-10", RunStatus.network(CONFIG));
    }

    @Test
    void whereALoadedModelCameFrom() {
        assertEquals("a saved model", RunStatus.modelOrigin(null));
        assertEquals(
                "a model trained for 1 epoch on 55000 examples",
                RunStatus.modelOrigin(new TrainingMetadata(1, 55_000, 0.9f)));
        assertEquals(
                "a model trained for 3 epochs on 165000 examples",
                RunStatus.modelOrigin(new TrainingMetadata(3, 165_000, Float.NaN)));
    }

    @Test
    void whatALoadedModelsSettingsChange() {
        float[] parameters = new float[CONFIG.architecture().parameterCount()];
        assertNull(RunStatus.settingsNote(new Model(CONFIG.architecture(), parameters, null, CONFIG)));
        assertEquals(
                "The file does not record its training settings: the settings other than the network's shape stay as"
                        + " they were.",
                RunStatus.settingsNote(new Model(CONFIG.architecture(), parameters, null, null)));
    }

    @Test
    void anAddressWithMistakesSaysWhatItSetAside() {
        assertEquals(
                "The address has a bad setting (lr must be a number, got 'abc'): it takes its default; the rest of"
                        + " the address applies.",
                RunStatus.badAddress(List.of("lr must be a number, got 'abc'")));
        assertEquals(
                "The address has bad settings (a; b): they take their defaults; the rest of the address applies.",
                RunStatus.badAddress(List.of("a", "b")));
    }

    @Test
    void workersLeftOutSaysTheRunIsNotTheSeedsRun() {
        assertEquals(
                "A training worker did not start within 60 s: this run trains without it, so it is not the run"
                        + " its seed and worker count give.",
                RunStatus.workersLeftOut(1, 60));
        assertEquals(
                "3 training workers did not start within 7.5 s: this run trains without them, so it is not the"
                        + " run its seed and worker count give.",
                RunStatus.workersLeftOut(3, 7.5));
    }
}

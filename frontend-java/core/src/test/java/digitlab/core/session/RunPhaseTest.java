package digitlab.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import digitlab.core.train.TrainingStatus;
import org.junit.jupiter.api.Test;

class RunPhaseTest {
    @Test
    void aRunningTrainerIsReadyTrainingOrPaused() {
        assertEquals(RunPhase.READY, RunPhase.of(TrainingStatus.RUNNING, false, 0));
        assertEquals(RunPhase.TRAINING, RunPhase.of(TrainingStatus.RUNNING, true, 0));
        assertEquals(RunPhase.TRAINING, RunPhase.of(TrainingStatus.RUNNING, true, 12));
        assertEquals(RunPhase.PAUSED, RunPhase.of(TrainingStatus.RUNNING, false, 12));
    }

    @Test
    void everyStopReasonIsStoppedWhetherOrNotTheWorkerStillRuns() {
        for (TrainingStatus status : TrainingStatus.values()) {
            if (status.stopped()) {
                assertEquals(RunPhase.STOPPED, RunPhase.of(status, true, 5), status.name());
                assertEquals(RunPhase.STOPPED, RunPhase.of(status, false, 0), status.name());
            }
        }
    }
}

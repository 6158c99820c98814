package digitlab.app.worker;

import digitlab.core.data.InputFrame;
import digitlab.core.train.Evaluation;
import digitlab.core.train.Trainer;

/**
 * The run's test accuracy: measured on the whole test set, never on part of it. While test shards are
 * still downloading a measurement waits for them (it is then {@link #due()}) rather than measure part of
 * the set: the figure is shown and saved as the test accuracy, and MNIST's two test halves come from
 * different writers, so the first images are no fair stand-in for all of them.
 */
final class TestScore {
    private double accuracy = Double.NaN;
    /** Examples seen when {@link #accuracy} was measured: two epochs with equal accuracy are two points. */
    private double seen;
    /** A measurement asked for while test shards were still downloading: it runs once they are in. */
    private boolean due;

    /** A new run: nothing measured yet. */
    void reset() {
        accuracy = Double.NaN;
        seen = 0;
        due = false;
    }

    /** Measures {@code trainer}'s network on the whole test set; null (and due) while it is not all here. */
    Evaluation measure(Trainer trainer, ShardData data) {
        due = !data.testComplete(); // also before the first test shard is in
        if (due) {
            return null;
        }
        Evaluation evaluation =
                trainer.evaluate(data.test(InputFrame.of(trainer.network().architecture())));
        accuracy = evaluation.accuracy();
        seen = trainer.examplesSeen();
        return evaluation;
    }

    boolean due() {
        return due;
    }

    /** NaN until measured. */
    double accuracy() {
        return accuracy;
    }

    double seen() {
        return seen;
    }
}

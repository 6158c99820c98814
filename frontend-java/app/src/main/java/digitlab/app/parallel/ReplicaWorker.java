package digitlab.app.parallel;

import digitlab.app.worker.WorkerPort;
import digitlab.core.data.Digits;
import digitlab.core.nn.optim.Optimizers;
import digitlab.core.run.TrainingConfig;
import digitlab.core.train.parallel.ReplicaTrainer;
import digitlab.core.train.parallel.Share;
import digitlab.core.train.parallel.ShareResult;
import java.util.Arrays;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.typedarrays.SharedArrayBuffer;

/**
 * What a replica worker runs (as {@code TrainingWorker} is what the training worker runs): a second Web
 * Worker, started by the training worker, that trains the shares of data-parallel rounds it is handed
 * and nothing else. The training worker's side of it is a {@link ReplicaHandle}. A {@code join}
 * message brings the run's configuration and a fresh {@link ShareBuffer}; each {@code share} message
 * says a share is waiting in it.
 */
public final class ReplicaWorker {
    /** The name the training worker gives replica workers (their boot script is the same). */
    public static final String NAME = "digit-lab-replica";

    private ReplicaTrainer trainer;
    private ShareBuffer shared;
    /** The share's pixels, reused from share to share. */
    private byte[] pixels;
    /** A forward task's results, reused from task to task. */
    private float[] outputs;

    private float[] costs;

    /** Messages from the training worker. */
    interface Message extends JSObject {
        @JSProperty
        String getType();

        @JSProperty
        SharedArrayBuffer getBuffer();

        @JSProperty
        String getQuery();

        @JSProperty
        int getShareSize();

        @JSProperty
        int getImageSize();
    }

    public void run() {
        while (true) {
            Message message = WorkerPort.next();
            if ("join".equals(message.getType())) {
                join(message);
            } else if ("share".equals(message.getType()) && shared != null) {
                doTask();
            }
        }
    }

    private void join(Message message) {
        TrainingConfig config = TrainingConfig.fromQuery(message.getQuery());
        int parameterCount = config.architecture().parameterCount();
        ShareBuffer buffer = ShareBuffer.over(
                message.getBuffer(),
                parameterCount,
                Optimizers.stateLength(config, parameterCount),
                message.getShareSize(),
                message.getImageSize(),
                config.architecture().outputSize());
        try {
            trainer = new ReplicaTrainer(config);
            shared = buffer;
            shared.setState(ShareBuffer.IDLE);
        } catch (RuntimeException e) {
            buffer.setState(ShareBuffer.FAILED);
        }
    }

    private void doTask() {
        if (shared.state() != ShareBuffer.WORKING) {
            return;
        }
        try {
            int count = shared.count();
            if (pixels == null || pixels.length != count * shared.imageSize()) {
                pixels = new byte[count * shared.imageSize()]; // a short last block of an evaluation
            }
            shared.readPixels(pixels);
            // The buffer has a full share's room; a short block's examples are the first count.
            byte[] labels = shared.readLabels();
            if (labels.length != count) {
                labels = Arrays.copyOf(labels, count);
            }
            Digits share = new Digits(count, 1, shared.imageSize(), labels, pixels);
            if (shared.task() == ShareBuffer.FORWARD) {
                forward(share);
                return;
            }
            ShareResult result = trainer.train(new Share(
                    shared.readParameters(),
                    shared.readOptimizerState(),
                    shared.steps(),
                    share,
                    null,
                    0,
                    count,
                    shared.rate(),
                    shared.m()));
            shared.writeResult(trainer.parameters(), trainer.optimizerState(), result.lossSum(), result.correct());
            shared.setState(ShareBuffer.DONE);
        } catch (RuntimeException e) {
            shared.setState(ShareBuffer.FAILED);
        }
    }

    private void forward(Digits block) {
        if (outputs == null) {
            outputs = new float[shared.shareSize() * shared.outputSize()];
            costs = new float[shared.shareSize()];
        }
        trainer.forward(shared.readParameters(), block, 0, block.count(), outputs, costs);
        shared.writeForwardResult(outputs, costs);
        shared.setState(ShareBuffer.DONE);
    }
}

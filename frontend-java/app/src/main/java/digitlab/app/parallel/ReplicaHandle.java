package digitlab.app.parallel;

import digitlab.app.browser.Clock;
import digitlab.core.data.Digits;
import digitlab.core.train.parallel.Replica;
import digitlab.core.train.parallel.Share;
import digitlab.core.train.parallel.ShareResult;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.workers.Worker;

/**
 * The training worker's handle on one replica worker: the {@link Replica} its trainer sees. The replica
 * itself runs in another Web Worker ({@link ReplicaWorker}, the other side), reached through a
 * {@link ShareBuffer}: {@link #start} copies the share into shared memory and posts a nudge;
 * {@link #finish} blocks on the buffer's state until the replica is done. A replica that reports failure or takes longer than
 * {@link #TIMEOUT_MS} is stopped and not asked again, and the trainer trains the share itself.
 */
public final class ReplicaHandle implements Replica {
    /** Far longer than a share takes (tens of milliseconds), short enough that a dead worker is noticed. */
    static final int TIMEOUT_MS = 10_000;

    private final Worker worker;
    private final ShareBuffer shared;
    private final byte[] labels;
    private final byte[] pixels;
    private boolean failed;

    /**
     * Joins {@code worker} (a replica worker) to a run: it builds a network of {@code query}'s
     * configuration and then waits for shares of {@code shareSize} examples.
     */
    public ReplicaHandle(
            Worker worker,
            String query,
            int parameterCount,
            int stateLength,
            int shareSize,
            int imageSize,
            int outputSize) {
        this.worker = worker;
        this.shared = ShareBuffer.allocate(parameterCount, stateLength, shareSize, imageSize, outputSize);
        this.labels = new byte[shareSize];
        this.pixels = new byte[shareSize * imageSize];
        worker.postMessage(joinMessage(shared.buffer(), query, shareSize, imageSize));
    }

    @Override
    public boolean ready() {
        if (failed) {
            return false;
        }
        int state = shared.state();
        if (state == ShareBuffer.FAILED) {
            stop();
        }
        return state == ShareBuffer.IDLE;
    }

    @Override
    public void start(Share share) {
        if (share.count() != shared.shareSize()) {
            throw new IllegalArgumentException("shares are " + shared.shareSize() + " examples, not " + share.count());
        }
        share.data().gather(share.indices(), share.from(), share.count(), pixels, labels);
        shared.writeShare(
                share.parameters(),
                share.optimizerState(),
                share.optimizerSteps(),
                labels,
                pixels,
                share.count(),
                share.rate(),
                share.m());
        shared.setState(ShareBuffer.WORKING);
        worker.postMessage(shareMessage());
    }

    @Override
    public ShareResult finish(float[] parameters, float[] optimizerState) {
        if (!awaitDone()) {
            return null;
        }
        System.arraycopy(shared.readParameters(), 0, parameters, 0, parameters.length);
        if (optimizerState.length > 0) {
            System.arraycopy(shared.readOptimizerState(), 0, optimizerState, 0, optimizerState.length);
        }
        ShareResult result = new ShareResult(shared.count(), shared.lossSum(), shared.correct());
        shared.setState(ShareBuffer.IDLE);
        return result;
    }

    @Override
    public void startForward(float[] parameters, Digits data, int from, int count) {
        if (count > shared.shareSize()) {
            throw new IllegalArgumentException("blocks are at most " + shared.shareSize() + " examples, not " + count);
        }
        data.gather(null, from, count, pixels, labels);
        shared.writeForward(parameters, labels, pixels, count);
        shared.setState(ShareBuffer.WORKING);
        worker.postMessage(shareMessage());
    }

    @Override
    public boolean finishForward(float[] outputs, float[] costs) {
        if (!awaitDone()) {
            return false;
        }
        shared.readForwardResult(outputs, costs, shared.count());
        shared.setState(ShareBuffer.IDLE);
        return true;
    }

    /** Waits for the task in the buffer; false (and the replica stopped) if it failed or timed out. */
    private boolean awaitDone() {
        double deadline = Clock.nowMillis() + TIMEOUT_MS;
        int state = shared.state();
        while (state == ShareBuffer.WORKING && Clock.nowMillis() < deadline) {
            state = shared.waitWhile(ShareBuffer.WORKING, 1000);
        }
        if (state != ShareBuffer.DONE) {
            stop();
            return false;
        }
        return true;
    }

    /** True while the replica worker is still starting or reading its configuration. */
    public boolean joining() {
        if (!failed && notStarted()) {
            stop();
        }
        return !failed && shared.state() == ShareBuffer.JOINING;
    }

    /** True if the browser would not start the replica's worker (see {@code ReplicaPool.spawn}). */
    boolean notStarted() {
        return didNotStart(worker);
    }

    @JSBody(params = "replicaWorker", script = "return replicaWorker.digitLabNotStarted === true;")
    private static native boolean didNotStart(Worker replicaWorker);

    /** Blocks at most {@code timeoutMs} while the replica is still joining. */
    void awaitJoin(int timeoutMs) {
        shared.waitWhile(ShareBuffer.JOINING, timeoutMs);
    }

    /** True once the replica failed or was stopped. */
    public boolean failed() {
        return failed;
    }

    /** Ends the worker; the trainer carries on without it. */
    public void stop() {
        failed = true;
        worker.terminate();
    }

    @JSBody(
            params = {"joinBuffer", "joinQuery", "joinShareSize", "joinImageSize"},
            script = ""
                    + "return { type: 'join', buffer: joinBuffer, query: joinQuery, shareSize: joinShareSize,"
                    + " imageSize: joinImageSize };")
    private static native JSObject joinMessage(
            JSObject joinBuffer, String joinQuery, int joinShareSize, int joinImageSize);

    @JSBody(script = "return { type: 'share' };")
    private static native JSObject shareMessage();
}

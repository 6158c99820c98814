package digitlab.app.parallel;

import digitlab.core.nn.optim.Optimizers;
import digitlab.core.run.RunQuery;
import digitlab.core.run.TrainingConfig;
import digitlab.core.train.DataParallelRounds;
import digitlab.core.train.Trainer;
import digitlab.core.train.parallel.Replica;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.workers.Worker;

/**
 * The training worker's replica workers for data-parallel training, each reached through a
 * {@link ReplicaHandle}. It starts as many as asked for
 * (the training worker itself is one of the workers), or none where workers cannot share memory (a page
 * that is not cross-origin isolated): then training simply stays in one worker. Replica workers start
 * when a run needs them and are kept from run to run.
 */
public final class ReplicaPool {
    /** Workers used when the page does not say: two, one per core on the smallest multi-core machines. */
    static final int AUTOMATIC_LIMIT = 2;

    private final List<Worker> workers = new ArrayList<>();
    private final List<ReplicaHandle> replicas = new ArrayList<>();
    private int wanted;
    /** Set once replica workers could not be started: training stays in one worker from then on. */
    private boolean unavailable;

    /**
     * Sets how many workers train, the training worker included; 0 means automatic (up to
     * {@link #AUTOMATIC_LIMIT}, at most one per core). Takes effect at the next {@link #join}.
     */
    public void setWorkers(int requested) {
        int total = requested <= 0
                ? Math.min(AUTOMATIC_LIMIT, hardwareConcurrency())
                : Math.min(requested, RunQuery.MAX_WORKERS);
        wanted = ShareBuffer.available() && !unavailable ? Math.max(0, total - 1) : 0;
    }

    /**
     * Joins every replica worker to a new run (its old shares are over) and returns them for
     * {@link Trainer#useReplicas}; none for the full-batch methods, which train in one worker.
     * A worker that failed in an earlier run is replaced by a fresh one.
     */
    public List<Replica> join(TrainingConfig config) {
        for (int i = replicas.size() - 1; i >= 0; i--) {
            if (replicas.get(i).failed()) {
                workers.remove(i); // stopped already; a fresh one takes its place below
            }
        }
        replicas.clear();
        while (workers.size() > wanted) {
            workers.remove(workers.size() - 1).terminate();
        }
        try {
            while (workers.size() < wanted) {
                workers.add(spawn());
            }
        } catch (RuntimeException e) {
            // This browser would not start a worker from a worker: train in one.
            unavailable = true;
            wanted = 0;
            workers.forEach(Worker::terminate);
            workers.clear();
        }
        List<Replica> joined = new ArrayList<>();
        if (config.optimizer().fullBatch()) {
            return joined;
        }
        int parameters = config.architecture().parameterCount();
        int stateLength = Optimizers.stateLength(config, parameters);
        int share = DataParallelRounds.shareSize(config);
        for (Worker worker : workers) {
            ReplicaHandle replica = new ReplicaHandle(
                    worker,
                    config.toQuery(),
                    parameters,
                    stateLength,
                    share,
                    config.architecture().inputSize(),
                    config.architecture().outputSize());
            replicas.add(replica);
            joined.add(replica);
        }
        return joined;
    }

    /**
     * Waits (blocking, at most about {@code timeoutMs}) while replicas of the current run are still
     * starting.
     *
     * @return true if none is starting any more (each is ready, busy or failed)
     */
    public boolean awaitJoined(int timeoutMs) {
        for (ReplicaHandle replica : replicas) {
            if (replica.joining()) {
                replica.awaitJoin(timeoutMs);
            }
        }
        boolean joined = true;
        for (ReplicaHandle replica : replicas) {
            if (replica.joining()) {
                joined = false;
            } else if (replica.notStarted()) {
                // The browser refuses this worker workers of their own: one worker trains from now on.
                unavailable = true;
                wanted = 0;
            }
        }
        return joined;
    }

    /**
     * Gives up on replicas that are still starting (their worker did not come up in time): they are
     * stopped, and no replica workers are started again in this worker's life.
     *
     * @return how many were left out
     */
    public int giveUpStarting() {
        int left = 0;
        for (ReplicaHandle replica : replicas) {
            if (replica.joining()) {
                replica.stop();
                unavailable = true;
                left++;
            }
        }
        if (unavailable) {
            wanted = 0;
        }
        return left;
    }

    /** Replicas of the current run ready for a share. */
    public int ready() {
        return Replica.countReady(replicas);
    }

    /** Replicas of the current run that have not failed (ready, busy or still joining). */
    public int alive() {
        int alive = 0;
        for (ReplicaHandle replica : replicas) {
            if (!replica.failed()) {
                alive++;
            }
        }
        return alive;
    }

    /**
     * A new replica worker. A worker the browser will not start (a CSP without {@code worker-src} for it,
     * say) throws nothing here but fires {@code error}: the flag lets {@link ReplicaHandle} see that at once
     * instead of waiting out the join timeout.
     */
    @JSBody(
            params = "replicaName",
            script = ""
                    + "var replica = new Worker(self.location.href, { name: replicaName });"
                    + "replica.addEventListener('error', function() { replica.digitLabNotStarted = true; });"
                    + "return replica;")
    private static native Worker spawnNamed(String replicaName);

    private static Worker spawn() {
        return spawnNamed(ReplicaWorker.NAME);
    }

    @JSBody(script = "return Math.max(1, self.navigator.hardwareConcurrency || 1);")
    private static native int hardwareConcurrency();
}

package digitlab.core.train.parallel;

import digitlab.core.data.Digits;
import digitlab.core.run.TrainingConfig;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A replica on its own JVM thread (for the command-line trainer and benchmark). A failed share marks it
 * failed, so the trainer carries on alone. {@link #close()} stops the thread.
 */
public final class ThreadReplica implements Replica, AutoCloseable {
    private final ReplicaTrainer trainer;
    private final ExecutorService thread;
    private Future<ShareResult> pending;
    private Future<?> pendingForward;
    private float[] forwardOutputs;
    private float[] forwardCosts;
    private int forwardCount;
    private boolean failed;

    public ThreadReplica(TrainingConfig config) {
        this.trainer = new ReplicaTrainer(config);
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "digit-lab-replica");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public boolean ready() {
        return !failed && !thread.isShutdown();
    }

    @Override
    public void start(Share share) {
        pending = thread.submit(() -> trainer.train(share));
    }

    @Override
    public ShareResult finish(float[] parameters, float[] optimizerState) {
        try {
            ShareResult result = pending.get();
            System.arraycopy(trainer.parameters(), 0, parameters, 0, parameters.length);
            System.arraycopy(trainer.optimizerState(), 0, optimizerState, 0, optimizerState.length);
            return result;
        } catch (ExecutionException e) {
            failed = true;
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed = true;
            return null;
        } finally {
            pending = null;
        }
    }

    @Override
    public void startForward(float[] parameters, Digits data, int from, int count) {
        // Written into arrays of this replica's own, copied out by finishForward in the caller's thread.
        int k = trainer.config().architecture().outputSize();
        if (forwardCosts == null || forwardCosts.length < count) {
            forwardOutputs = new float[count * k];
            forwardCosts = new float[count];
        }
        forwardCount = count;
        pendingForward =
                thread.submit(() -> trainer.forward(parameters, data, from, count, forwardOutputs, forwardCosts));
    }

    @Override
    public boolean finishForward(float[] outputs, float[] costs) {
        try {
            pendingForward.get();
            int k = trainer.config().architecture().outputSize();
            System.arraycopy(forwardOutputs, 0, outputs, 0, forwardCount * k);
            System.arraycopy(forwardCosts, 0, costs, 0, forwardCount);
            return true;
        } catch (ExecutionException e) {
            failed = true;
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed = true;
            return false;
        } finally {
            pendingForward = null;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}

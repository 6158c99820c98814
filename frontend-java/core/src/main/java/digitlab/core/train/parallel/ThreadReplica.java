package digitlab.core.train.parallel;

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
        return !failed;
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
    public void close() {
        thread.shutdownNow();
    }
}

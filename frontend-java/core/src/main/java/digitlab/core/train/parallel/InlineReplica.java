package digitlab.core.train.parallel;

import digitlab.core.data.Digits;
import digitlab.core.run.TrainingConfig;

/**
 * A replica that trains its share in the caller's thread when {@link #finish} is called: no speed-up,
 * but the same arithmetic as a real parallel replica, so tests and experiments can check what data
 * parallelism does to learning, deterministically.
 */
public final class InlineReplica implements Replica {
    private final ReplicaTrainer trainer;
    private Share share;
    // The forward passes started last, done when they are finished.
    private float[] forwardParameters;
    private Digits forwardData;
    private int forwardFrom;
    private int forwardCount;

    public InlineReplica(TrainingConfig config) {
        this.trainer = new ReplicaTrainer(config);
    }

    @Override
    public boolean ready() {
        return true;
    }

    @Override
    public void start(Share share) {
        this.share = share;
    }

    @Override
    public ShareResult finish(float[] parameters, float[] optimizerState) {
        ShareResult result = trainer.train(share);
        System.arraycopy(trainer.parameters(), 0, parameters, 0, parameters.length);
        System.arraycopy(trainer.optimizerState(), 0, optimizerState, 0, optimizerState.length);
        return result;
    }

    @Override
    public void startForward(float[] parameters, Digits data, int from, int count) {
        forwardParameters = parameters;
        forwardData = data;
        forwardFrom = from;
        forwardCount = count;
    }

    @Override
    public boolean finishForward(float[] outputs, float[] costs) {
        trainer.forward(forwardParameters, forwardData, forwardFrom, forwardCount, outputs, costs);
        return true;
    }
}

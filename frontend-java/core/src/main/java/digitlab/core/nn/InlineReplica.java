package digitlab.core.nn;

import digitlab.core.data.Digits;

/**
 * A replica that trains its share in the caller's thread when {@link #finish} is called: no speed-up,
 * but the same arithmetic as a real parallel replica, so tests and experiments can check what data
 * parallelism does to learning, deterministically.
 */
public final class InlineReplica implements Replica {
    private final ReplicaTrainer trainer;
    private float[] base;
    private Digits data;
    private int[] indices;
    private int from;
    private int count;
    private float rate;
    private int m;

    public InlineReplica(TrainingConfig config) {
        this.trainer = new ReplicaTrainer(config);
    }

    @Override
    public boolean ready() {
        return true;
    }

    @Override
    public void start(float[] base, Digits data, int[] indices, int from, int count, float rate, int m) {
        this.base = base;
        this.data = data;
        this.indices = indices;
        this.from = from;
        this.count = count;
        this.rate = rate;
        this.m = m;
    }

    @Override
    public ShareResult finish(float[] out) {
        ShareResult result = trainer.train(base, data, indices, from, count, rate, m);
        System.arraycopy(trainer.parameters(), 0, out, 0, out.length);
        return result;
    }
}

package digitlab.core.train;

import digitlab.core.data.Digits;
import digitlab.core.nn.Network;
import digitlab.core.train.parallel.Replica;
import java.util.List;

/**
 * The forward passes of an evaluation (the test set, the validation images), split between this worker
 * and its idle replicas: while each replica runs a block of examples with this worker's parameters, this
 * worker runs the next block. Without it the replicas wait through every evaluation, which for a CNN is
 * seconds at each epoch's end. Results are tallied by example ({@link EvaluationTally}), so the outcome
 * does not depend on how many replicas helped; a replica that fails has its block done here.
 */
final class EvaluationPass {
    private EvaluationPass() {}

    /**
     * Evaluates {@code network} on {@code data}, with {@code replicas} taking blocks of at most
     * {@code block} examples (a data-parallel share's size).
     */
    static Evaluation run(Network network, List<Replica> replicas, Digits data, int block) {
        int n = data.count();
        int classes = network.architecture().outputSize();
        EvaluationTally tally = new EvaluationTally(data, classes);
        float[] parameters = network.parameters();
        int[] starts = new int[replicas.size()];
        int[] counts = new int[replicas.size()];
        float[] outputs = new float[block * classes];
        float[] costs = new float[Math.max(block, network.maxBatch())];
        int next = 0;
        while (next < n) {
            for (int r = 0; r < replicas.size(); r++) {
                starts[r] = -1;
                Replica replica = replicas.get(r);
                if (next < n && replica.ready()) {
                    counts[r] = Math.min(block, n - next);
                    starts[r] = next;
                    replica.startForward(parameters, data, next, counts[r]);
                    next += counts[r];
                }
            }
            int here = Math.min(block, n - next);
            forwardHere(network, data, next, here, tally, costs);
            next += here;
            for (int r = 0; r < replicas.size(); r++) {
                if (starts[r] < 0) {
                    continue;
                }
                if (replicas.get(r).finishForward(outputs, costs)) {
                    tally.add(starts[r], counts[r], outputs, costs);
                } else {
                    forwardHere(network, data, starts[r], counts[r], tally, costs);
                }
            }
        }
        return tally.evaluation();
    }

    /** Examples {@code from..from+count)} in this worker, in batches the network's work memory holds. */
    private static void forwardHere(
            Network network, Digits data, int from, int count, EvaluationTally tally, float[] costs) {
        for (int start = from; start < from + count; start += network.maxBatch()) {
            int n = Math.min(network.maxBatch(), from + count - start);
            float[] out = network.forwardExamples(data, start, n);
            for (int e = 0; e < n; e++) {
                costs[e] = (float) network.exampleCost(e);
            }
            tally.add(start, n, out, costs);
        }
    }
}

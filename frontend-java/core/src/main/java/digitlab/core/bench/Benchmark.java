package digitlab.core.bench;

import digitlab.core.data.Digits;
import digitlab.core.run.TrainingConfig;
import digitlab.core.train.Trainer;
import digitlab.core.train.parallel.ThreadReplica;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The training-speed benchmark: 784-128-10, sigmoid hidden layer, softmax cross-entropy, plain SGD,
 * batch 32, learning rate 0.1. It times whole epochs of the real {@link Trainer} (the sparse network)
 * and, in the same process, the straightforward {@link DenseBaseline} on the same steps, and reports
 * medians of several repeats after a warm-up, so the speed-up of skipping zero pixels is measured, not
 * claimed. It also times the same epoch data-parallel over two threads (the trainer plus one
 * {@link ThreadReplica}), the JVM counterpart of two Web Workers.
 */
public final class Benchmark {
    /** The benchmark's run: the configuration the browser benchmark uses too. */
    public static final String QUERY =
            "layers=784,128,10&act=sigmoid&loss=softmax&opt=sgd&lr=0.1&batch=32" + "&init=uniform&seed=1&epochs=1";

    /**
     * @param sparseExamplesPerSecond median over the repeats of a full epoch of the real trainer
     * @param denseExamplesPerSecond median over the repeats of {@code denseExamples} baseline steps
     * @param testAccuracy test accuracy after one epoch (first repeat)
     * @param twoThreadExamplesPerSecond median over the repeats of a full epoch over two threads
     * @param twoThreadTestAccuracy test accuracy after that epoch (first repeat)
     */
    public record Result(
            double sparseExamplesPerSecond,
            double denseExamplesPerSecond,
            double testAccuracy,
            double twoThreadExamplesPerSecond,
            double twoThreadTestAccuracy,
            int repeats,
            int denseExamples) {
        /** How many times faster the sparse network trains. */
        public double speedup() {
            return sparseExamplesPerSecond / denseExamplesPerSecond;
        }

        /** How many times faster two threads train than one. */
        public double twoThreadSpeedup() {
            return twoThreadExamplesPerSecond / sparseExamplesPerSecond;
        }
    }

    private Benchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param repeats timed repeats of each variant (the median is reported)
     * @param denseExamples examples per timed dense repeat (the baseline is slow; a part of an epoch
     *        gives the same rate)
     * @param log receives one line per timed run
     */
    public static Result run(Digits train, Digits test, int repeats, int denseExamples, Consumer<String> log) {
        TrainingConfig config = TrainingConfig.fromQuery(QUERY);
        int batch = config.batchSize();
        float rate = config.learningRate();
        denseExamples = Math.min(denseExamples, train.count());

        // Warm-up: let the JIT compile both hot paths before anything is timed.
        Trainer warm = new Trainer(config, train, null);
        for (int s = 0; s < 200; s++) {
            warm.trainRound();
        }
        DenseBaseline warmDense = new DenseBaseline(warm.network());
        int[] order = identity(train.count());
        for (int s = 0; s < 60; s++) {
            warmDense.step(train, order, s * batch, batch, rate);
        }

        double[] sparse = new double[repeats];
        double[] dense = new double[repeats];
        double[] twoThreads = new double[repeats];
        double accuracy = Double.NaN;
        double twoThreadAccuracy = Double.NaN;
        for (int r = 0; r < repeats; r++) {
            Trainer trainer = new Trainer(config, train, null);
            DenseBaseline baseline = new DenseBaseline(trainer.network());
            long start = System.nanoTime();
            trainer.runEpoch();
            sparse[r] = trainer.examplesSeen() / seconds(start);
            if (r == 0) {
                accuracy = trainer.evaluate(test).accuracy();
            }
            start = System.nanoTime();
            for (int from = 0; from < denseExamples; from += batch) {
                baseline.step(train, order, from, Math.min(batch, denseExamples - from), rate);
            }
            dense[r] = denseExamples / seconds(start);
            try (ThreadReplica replica = new ThreadReplica(config)) {
                Trainer pair = new Trainer(config, train, null);
                pair.useReplicas(List.of(replica));
                start = System.nanoTime();
                pair.runEpoch();
                twoThreads[r] = pair.examplesSeen() / seconds(start);
                if (r == 0) {
                    twoThreadAccuracy = pair.evaluate(test).accuracy();
                }
            }
            log.accept("repeat " + (r + 1) + "/" + repeats + ": sparse " + Math.round(sparse[r])
                    + " examples/s, dense " + Math.round(dense[r]) + " examples/s, sparse on two threads "
                    + Math.round(twoThreads[r]) + " examples/s");
        }
        return new Result(
                median(sparse), median(dense), accuracy, median(twoThreads), twoThreadAccuracy, repeats, denseExamples);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}

package digitlab.app.worker;

import digitlab.app.browser.Clock;
import digitlab.app.parallel.ReplicaPool;
import digitlab.core.data.InputFrame;
import digitlab.core.run.RunSettings;
import digitlab.core.run.TrainingConfig;
import digitlab.core.train.Trainer;

/**
 * The benchmark command (web/bench): once all data is in, one epoch of a separate network, timed without
 * reports or evaluations in between, on the workers asked for (once they are all ready, so start-up is not
 * timed), then its test accuracy. It borrows the replica workers and gives them back to the run.
 */
final class BenchmarkRun {
    /** How long the benchmark waits for its replica workers to start. */
    private static final double JOIN_TIMEOUT_MS = 20_000;

    private final ShardData data;
    private final CurrentRun run;
    private final ReplicaPool replicas;
    private final Reporter reports;
    /** A benchmark asked for before all data was in; null for none. */
    private TrainingConfig pending;

    private int workers = 1;

    BenchmarkRun(ShardData data, CurrentRun run, ReplicaPool replicas, Reporter reports) {
        this.data = data;
        this.run = run;
        this.replicas = replicas;
        this.reports = reports;
    }

    /** A benchmark of {@code config} on {@code workers} workers (0 or 1: one), once all data is in. */
    void request(TrainingConfig config, int workers) {
        pending = config;
        this.workers = Math.max(1, workers);
    }

    /** Runs the benchmark asked for, if any, once all data is in. */
    void runIfReady() {
        if (pending == null || !data.allLoaded()) {
            return;
        }
        TrainingConfig config = pending.with(RunSettings.EPOCHS, 1);
        pending = null;
        InputFrame frame = InputFrame.of(config.architecture());
        Trainer bench = new Trainer(config, data.train(frame), null);
        if (workers > 1) {
            replicas.setWorkers(workers);
            bench.useReplicas(replicas.join(config));
            double deadline = Clock.nowMillis() + JOIN_TIMEOUT_MS;
            while (!replicas.awaitJoined(TrainingWorker.JOIN_SLICE_MS) && Clock.nowMillis() < deadline) {
                WorkerPort.yieldToEventLoop();
            }
        }
        int used = workers > 1 ? 1 + replicas.ready() : 1;
        double start = Clock.nowMillis();
        bench.runEpoch();
        double seconds = (Clock.nowMillis() - start) / 1000;
        double accuracy = bench.evaluate(data.test(frame)).accuracy();
        reports.benchmark(
                config.toQuery(),
                bench.examplesSeen() / seconds,
                bench.examplesSeen(),
                accuracy,
                bench.epochLoss(),
                used);
        if (workers > 1) {
            run.restoreWorkers(); // the replicas left the run for the benchmark
        }
    }
}

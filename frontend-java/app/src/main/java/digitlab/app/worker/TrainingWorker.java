package digitlab.app.worker;

import digitlab.app.browser.Clock;
import digitlab.app.parallel.ReplicaPool;
import digitlab.app.protocol.Command;
import digitlab.core.data.Shard;
import digitlab.core.model.Model;
import digitlab.core.run.TrainingConfig;
import digitlab.core.session.Pacing;
import digitlab.core.session.RunStatus;
import digitlab.core.session.Speedometer;
import digitlab.core.train.Evaluation;
import digitlab.core.train.Trainer;
import digitlab.core.train.TrainingStatus;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The worker's loop: take the page's commands, train in chunks of a few dozen milliseconds while running,
 * and report progress, weights and evaluations at a pace the page can draw ({@link Pacing}).
 *
 * <p>Between chunks it yields to the event loop, so a Pause arrives within one chunk and shard downloads
 * keep landing. Shards come in while it trains ({@link ShardData}); the run ({@link CurrentRun}) takes them
 * in as they arrive. The last validation-size training images are held out of training and measured while
 * it trains, for the validation curve and the stop rules; the test set is only ever reported on
 * ({@link TestScore}). The other jobs: {@link Reporter} packs and posts reports, {@link Probes} answers
 * questions about the network, {@link BenchmarkRun} and {@link ModelFiles} serve the benchmark and the
 * model files.
 */
final class TrainingWorker {
    /** Milliseconds of training between looks at the inbox. */
    private static final double CHUNK_MS = 40;
    /**
     * How long a press of Train waits for replica workers that are still starting, and in what slices. A
     * worker starts in well under a second on an idle machine but took over 5 s on a loaded 2-core one; a
     * run without it would train a different network than its seed and worker count promise, so the wait
     * is long and leaving a worker out is said on the page.
     */
    private static final double JOIN_TIMEOUT_MS = 60_000;

    static final int JOIN_SLICE_MS = 50;

    private final ShardData data = new ShardData();
    /** Replica workers for data-parallel training (none where the page is not cross-origin isolated). */
    private final ReplicaPool replicas = new ReplicaPool();

    private final CurrentRun run = new CurrentRun(data, replicas);
    private final TestScore testScore = new TestScore();
    private final Speedometer speed = new Speedometer();
    private final Pacing pacing = new Pacing();
    private final Reporter reports = new Reporter(data, run, testScore, speed, replicas, pacing);
    private final Probes probes = new Probes(data, run, reports);
    private final BenchmarkRun benchmark = new BenchmarkRun(data, run, replicas, reports);

    private boolean running;
    /** A Step pressed while its mini-batch was still downloading: it trains once the data is in. */
    private boolean stepDue;

    private double joinDeadline;

    void run() {
        try {
            data.open();
            reports.data();
            data.startDownloads();
        } catch (RuntimeException e) {
            reports.error("Could not load the data manifest: " + e.getMessage());
            return;
        }
        while (true) {
            boolean training = running
                    && trainer() != null
                    && !trainer().status().stopped()
                    && !trainer().waitingForData();
            JSObject message = training ? WorkerPort.poll() : WorkerPort.next();
            while (message != null) {
                handle(message);
                // While training, one downloaded shard per chunk: absorbing them all first would hold up
                // the first steps by seconds.
                if (running && ShardStream.TYPE.equals(((Command) message).getType())) {
                    break;
                }
                message = WorkerPort.poll();
            }
            if (running && trainer() != null && !trainer().status().stopped()) {
                if (trainer().waitingForData()) {
                    continue; // the next loop waits for a message: the next shard, or Pause
                }
                // Replica workers still starting: wait for them (in short slices, so Pause still lands), so
                // that every round of the run has all its workers and the run depends only on its seed and
                // worker count. One that is not up in time is left out.
                if (!replicas.awaitJoined(JOIN_SLICE_MS)) {
                    if (Clock.nowMillis() < joinDeadline) {
                        WorkerPort.yieldToEventLoop(); // so a replica's start-up error event arrives
                        continue;
                    }
                    int left = replicas.giveUpStarting();
                    reports.error(RunStatus.workersLeftOut(left, JOIN_TIMEOUT_MS / 1000));
                }
                trainChunk();
                WorkerPort.yieldToEventLoop();
            } else if (running) {
                running = false;
                reportAfterStop();
            }
        }
    }

    private Trainer trainer() {
        return run.trainer();
    }

    private void handle(JSObject message) {
        Command command = (Command) message;
        try {
            switch (command.getType()) {
                case ShardStream.TYPE -> onShard((ShardStream.Arrival) message);
                case Command.CONFIGURE -> {
                    run.configure(TrainingConfig.fromQuery(((Command.Configure) command).getQuery()));
                    running = false;
                    buildIfDataIn();
                }
                case Command.TRAIN -> {
                    stepDue = false;
                    if (trainer() != null && !trainer().status().stopped()) {
                        running = true;
                        joinDeadline = Clock.nowMillis() + JOIN_TIMEOUT_MS;
                        speed.restart();
                    }
                    reports.progress(running);
                }
                case Command.PAUSE -> {
                    running = false;
                    stepDue = false;
                    reports.progress(running);
                    reports.weights();
                }
                case Command.STEP -> step();
                case Command.SET_LEARNING_RATE -> {
                    run.setLearningRate((float) ((Command.SetLearningRate) command).getLearningRate());
                    reports.progress(running);
                }
                case Command.SET_EPOCHS -> {
                    run.setPlanned(((Command.SetEpochs) command).getEpochs());
                    reports.progress(running);
                }
                case Command.SET_WORKERS -> {
                    run.setWorkers(((Command.SetWorkers) command).getWorkers());
                    reports.progress(running);
                }
                case Command.INSPECT -> probes.inspect(((Command.Inspect) command).getImage());
                case Command.PREDICT_DRAWING -> probes.drawing(
                        ((Command.PredictDrawing) command).getInput().copyToJavaArray());
                case Command.CLASSIFY_TRAINING -> probes.classifyTraining(
                        ((Command.ClassifyTraining) command).getImages().copyToJavaArray());
                case Command.NODE_WEIGHTS -> {
                    Command.NodeWeights asked = (Command.NodeWeights) command;
                    probes.nodeWeights(asked.getLayer(), asked.getNode());
                }
                case Command.EVALUATE -> evaluateTestSet();
                case Command.LOAD_MODEL -> {
                    Model model = ModelFiles.read(((Command.LoadModel) command).getModelFile(), reports);
                    if (model != null) {
                        run.load(model);
                        running = false;
                        buildIfDataIn();
                    }
                }
                case Command.EXPORT_MODEL -> ModelFiles.export(run, testScore.accuracy(), reports);
                case Command.BENCHMARK -> {
                    Command.Benchmark asked = (Command.Benchmark) command;
                    benchmark.request(TrainingConfig.fromQuery(asked.getQuery()), asked.getWorkers());
                    benchmark.runIfReady();
                }
                case Command.SET_PERSONAL_DIGITS -> run.setOwnDigits(Shard.decode(
                        new Int8Array(((Command.SetPersonalDigits) command).getDigitsFile()).copyToJavaArray()));
                default -> reports.error("unknown command '" + command.getType() + "'");
            }
        } catch (RuntimeException e) {
            reports.error(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private void onShard(ShardStream.Arrival arrival) {
        if (arrival.getError() != null) {
            reports.error("Could not load a data shard: " + arrival.getError());
            return;
        }
        data.accept(arrival);
        // Into the training set (and the running trainer) as soon as they arrive, so a trainer waiting for
        // them goes on.
        if (data.absorbTraining() && run.trainingDataGrew()) {
            reports.progress(running); // the validation images came and were measured at once
        }
        benchmark.runIfReady();
        run.addOwnDigits();
        if (testScore.due() && data.testComplete()) {
            evaluateTestSet(); // e.g. a loaded model's accuracy, now that the whole test set is here
            reports.progress(running);
        }
        reports.data();
        if (trainer() == null && run.canBuild()) {
            build();
        }
        probes.answerWaiting(); // the first test shard, or the network, may be what it waited for
        if (stepDue) {
            step();
        }
    }

    private void buildIfDataIn() {
        if (run.canBuild()) {
            build();
        }
    }

    /** A new trainer for the run, and a fresh start for everything measured about the last one. */
    private void build() {
        run.build();
        pacing.restart();
        testScore.reset();
        stepDue = false;
        speed.restart();
        reports.configured();
        if (run.offerValidation()) { // a loaded model is measured on them at once
            reports.progress(running);
        }
        if (run.startingModel() != null) {
            evaluateTestSet();
        }
        reports.progress(running);
        reports.weights();
    }

    // ------------------------------------------------------------------ the chunk loop

    private void step() {
        Trainer trainer = trainer();
        if (trainer == null) {
            return;
        }
        running = false;
        stepDue = trainer.waitingForData();
        if (stepDue) {
            return; // onShard steps when the next shard is in
        }
        double start = Clock.nowMillis();
        long seenBefore = trainer.examplesSeen();
        trainer.trainOneUpdate(); // one mini-batch, in this worker, however many workers train
        speed.add(Clock.nowMillis() - start, trainer.examplesSeen() - seenBefore);
        afterSteps(true);
    }

    private void trainChunk() {
        Trainer trainer = trainer();
        double start = Clock.nowMillis();
        long seenBefore = trainer.examplesSeen();
        double now = start;
        // A full-batch iteration is reported on its own, so the loss curve shows every iteration's true loss.
        boolean fullBatch = run.config().optimizer().fullBatch();
        int epochBefore = trainer.epoch();
        while (now - start < CHUNK_MS && !trainer.status().stopped() && !trainer.waitingForData()) {
            trainer.trainRound();
            now = Clock.nowMillis();
            if (fullBatch) {
                break;
            }
        }
        // A chunk that ended a mini-batch epoch also measured the validation images: not training speed.
        if (fullBatch || trainer.epoch() == epochBefore) {
            speed.add(now - start, trainer.examplesSeen() - seenBefore);
        }
        // About to wait for a shard: the page sees where training stands.
        afterSteps(fullBatch || trainer.waitingForData());
    }

    /** Measurements and reports that follow training steps, each at its own pace (all at once if forced). */
    private void afterSteps(boolean force) {
        Trainer trainer = trainer();
        double now = Clock.nowMillis();
        if (pacing.epochEnded(trainer.epoch(), now)) {
            evaluateTestSet(); // the trainer measured the validation images at the epoch's end
        } else if (pacing.validationDue(now, force)) {
            trainer.validate(); // the curve, and the target-accuracy rule that watches it
            pacing.validated(now, Clock.nowMillis());
        }
        if (pacing.progressDue(now, force, trainer.status().stopped())) {
            reports.progress(running);
        }
        if (pacing.weightsDue(now, force, trainer.status().stopped())) {
            reports.weights();
        }
    }

    private void reportAfterStop() {
        // A run may stop within its first epoch (a target reached on the validation images): its test figure too.
        if (trainer().status() != TrainingStatus.DIVERGED && trainer().updates() > 0) {
            evaluateTestSet();
        }
        reports.progress(running);
        reports.weights();
    }

    /** Measures the network on the whole test set, or (see {@link TestScore}) once it is all here. */
    private void evaluateTestSet() {
        if (trainer() == null) {
            return;
        }
        Evaluation evaluation = testScore.measure(trainer(), data);
        if (evaluation != null) {
            reports.evaluation(evaluation);
        }
    }
}

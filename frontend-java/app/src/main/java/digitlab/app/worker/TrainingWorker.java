package digitlab.app.worker;

import digitlab.app.browser.Clock;
import digitlab.app.data.ShardLoader;
import digitlab.app.parallel.ReplicaPool;
import digitlab.app.protocol.Command;
import digitlab.app.protocol.Report;
import digitlab.app.protocol.Reports;
import digitlab.core.data.Digits;
import digitlab.core.data.Shard;
import digitlab.core.nn.Divergence;
import digitlab.core.nn.Evaluation;
import digitlab.core.nn.HeldOut;
import digitlab.core.nn.Model;
import digitlab.core.nn.ModelFormatException;
import digitlab.core.nn.Network;
import digitlab.core.nn.Trainer;
import digitlab.core.nn.TrainingMetadata;
import digitlab.core.nn.TrainingStatus;
import digitlab.core.run.RunSettings;
import digitlab.core.run.TrainingConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.typedarrays.ArrayBufferView;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int32Array;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The worker's loop: take the page's commands, train in chunks of a few dozen milliseconds while
 * running, and report progress, weights and evaluations at a pace the page can draw.
 *
 * <p>Between chunks it yields to the event loop, so a Pause arrives within one chunk and shard downloads
 * keep landing. Shards come in while it trains: the trainer plans its epochs over every shard the
 * manifest lists and waits when it reaches one still downloading, so a run does not depend on download
 * times. The last {@link TrainingConfig#validationSize()} training images are held out of training
 * ({@link HeldOut}) and measured while it trains, for the validation curve and the stop rules; the test
 * set is only ever reported on.
 */
final class TrainingWorker {
    /** How often each of the person's digits appears per epoch, so a few dozen of them count among 60,000. */
    static final int PERSONAL_REPEAT = 20;
    /** Milliseconds of training between looks at the inbox. */
    private static final double CHUNK_MS = 40;

    private static final double PROGRESS_EVERY_MS = 100;
    private static final double WEIGHTS_EVERY_MS = 400;
    /** Least time between two validation measurements (more if one takes longer than a tenth of that). */
    private static final double VALIDATE_EVERY_MS = 500;
    /** How long a press of Train waits for replica workers that are still starting, and in what slices. */
    private static final double JOIN_TIMEOUT_MS = 5_000;

    private static final int JOIN_SLICE_MS = 50;

    private ShardLoader manifest;
    private int shardsLoaded;
    private int shardsTotal;
    /** The MNIST training images loaded so far: the first shards of the manifest, in its order. */
    private Digits train;
    /** The person's own digits (see {@link #setPersonalDigits}), and how many of them the trainer uses. */
    private Digits personal;

    private int personalUsed;
    /** The person's digits the current run trains on, each {@link #PERSONAL_REPEAT} times; null for none. */
    private Digits mine;

    private Digits test;
    /** Training shards that arrived but are not in the training set yet (see {@link #absorbTrainingData}). */
    private final List<Digits> pendingTrain = new ArrayList<>();

    private int trainShardsIn;
    private int testShardsIn;

    private TrainingConfig config = TrainingConfig.defaults();
    private Trainer trainer;
    /** A benchmark asked for before all data was in. */
    private TrainingConfig pendingBenchmark;

    private int benchmarkWorkers = 1;
    /** A loaded model whose weights the next trainer starts from (kept until the data is in). */
    private Model startingModel;

    private boolean running;
    private int evaluatedEpoch;
    /** Accuracy on the whole test set, never on part of it (see {@link #evaluateTestSet}). */
    private double testAccuracy = Double.NaN;
    /** Examples seen when {@link #testAccuracy} was measured: two epochs with equal accuracy are two points. */
    private double testSeen;
    /** A test-set evaluation asked for while test shards were still downloading: it runs once they are in. */
    private boolean testEvaluationDue;
    /** A Step pressed while its mini-batch was still downloading: it trains once the data is in. */
    private boolean stepDue;

    /** Replica workers for data-parallel training (none where the page is not cross-origin isolated). */
    private final ReplicaPool replicas = new ReplicaPool();
    /** Workers the page asked for (0 = automatic); one until it asks. */
    private int requestedWorkers = 1;

    private double joinDeadline;
    private final Speedometer speed = new Speedometer();
    private double lastProgress;
    private double lastWeights;
    private double lastValidation;
    /** Time between validations: a measurement may take at most a tenth of training time. */
    private double validateEveryMs = VALIDATE_EVERY_MS;

    private float[] weightBuffer;

    void run() {
        try {
            loadManifest();
        } catch (RuntimeException e) {
            post(Reports.error("Could not load the data manifest: " + e.getMessage()));
            return;
        }
        while (true) {
            boolean training = running && trainer != null && !trainer.status().stopped() && !trainer.waitingForData();
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
            if (running && trainer != null && !trainer.status().stopped()) {
                if (trainer.waitingForData()) {
                    continue; // the next loop waits for a message: the next shard, or Pause
                }
                // Replica workers still starting: wait for them (in short slices, so Pause still lands), so
                // that every round of the run has all its workers and the run depends only on its seed and
                // worker count. One that is not up in time is left out.
                if (!replicas.awaitJoined(JOIN_SLICE_MS)) {
                    if (Clock.nowMillis() < joinDeadline) {
                        continue;
                    }
                    replicas.giveUpStarting();
                }
                trainChunk();
                WorkerPort.yieldToEventLoop();
            } else if (running) {
                running = false;
                reportAfterStop();
            }
        }
    }

    private void loadManifest() {
        manifest = ShardLoader.open(ShardLoader.FROM_WORKER);
        int trainShards = manifest.trainShards();
        int testShards = manifest.testShards();
        shardsTotal = trainShards + testShards;
        // The first training and test shards first, so training and measuring can start early.
        String[] urls = new String[shardsTotal];
        urls[0] = manifest.trainUrl(0);
        urls[1] = manifest.testUrl(0);
        for (int i = 1; i < trainShards; i++) {
            urls[i + 1] = manifest.trainUrl(i);
        }
        for (int i = 1; i < testShards; i++) {
            urls[trainShards + i] = manifest.testUrl(i);
        }
        post(Reports.data(0, shardsTotal, 0, 0));
        ShardStream.start(urls, 2); // one training and one test shard: enough to start
    }

    private void handle(JSObject message) {
        Command command = (Command) message;
        try {
            switch (command.getType()) {
                case ShardStream.TYPE -> onShard((ShardStream.Arrival) message);
                case Command.CONFIGURE -> configure(command.getQuery());
                case Command.TRAIN -> {
                    stepDue = false;
                    if (trainer != null && !trainer.status().stopped()) {
                        running = true;
                        joinDeadline = Clock.nowMillis() + JOIN_TIMEOUT_MS;
                        speed.restart();
                    }
                    reportProgress();
                }
                case Command.PAUSE -> {
                    running = false;
                    stepDue = false;
                    reportProgress();
                    reportWeights();
                }
                case Command.STEP -> step();
                case Command.SET_LEARNING_RATE -> {
                    float rate = (float) command.getValue();
                    config = config.with(RunSettings.LR, rate);
                    if (trainer != null) {
                        trainer.setLearningRate(rate);
                    }
                    reportProgress();
                }
                case Command.SET_EPOCHS -> {
                    config = config.withPlanned(command.getIndex());
                    if (trainer != null) {
                        trainer.setPlanned(command.getIndex());
                    }
                    reportProgress();
                }
                case Command.INSPECT -> inspect(command.getIndex());
                case Command.EVALUATE -> evaluateTestSet();
                case Command.LOAD_MODEL -> loadModel(new Int8Array(command.getBytes()).copyToJavaArray());
                case Command.EXPORT_MODEL -> exportModel();
                case Command.BENCHMARK -> {
                    pendingBenchmark = TrainingConfig.fromQuery(command.getQuery());
                    benchmarkWorkers = Math.max(1, command.getIndex());
                    runBenchmarkIfReady();
                }
                case Command.PREDICT_DRAWING -> predictDrawing(
                        command.getFloats().copyToJavaArray());
                case Command.SET_PERSONAL_DIGITS -> setPersonalDigits(
                        Shard.decode(new Int8Array(command.getBytes()).copyToJavaArray()));
                case Command.CLASSIFY_TRAINING -> classifyTraining(
                        command.getIndices().copyToJavaArray());
                case Command.SET_WORKERS -> {
                    requestedWorkers = command.getIndex();
                    replicas.setWorkers(requestedWorkers);
                    if (trainer != null) {
                        trainer.useReplicas(replicas.join(config));
                    }
                    reportProgress();
                }
                default -> post(Reports.error("unknown command '" + command.getType() + "'"));
            }
        } catch (RuntimeException e) {
            post(Reports.error(e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    // ------------------------------------------------------------------ data

    private void onShard(ShardStream.Arrival arrival) {
        if (arrival.getError() != null) {
            post(Reports.error("Could not load a data shard: " + arrival.getError()));
            return;
        }
        int index = arrival.getIndex();
        byte[] bytes = new Int8Array(arrival.getBuffer()).copyToJavaArray();
        int trainShards = manifest.trainShards();
        boolean isTrain = index == 0 || (index >= 2 && index <= trainShards);
        if (isTrain) {
            int shard = index == 0 ? 0 : index - 1;
            Digits digits = ShardLoader.decode(bytes, manifest.trainCount(shard), manifest.trainUrl(shard));
            pendingTrain.add(digits);
            trainShardsIn++;
        } else {
            int shard = index == 1 ? 0 : index - trainShards;
            Digits digits = ShardLoader.decode(bytes, manifest.testCount(shard), manifest.testUrl(shard));
            test = test == null ? digits : test.concat(digits);
            testShardsIn++;
        }
        shardsLoaded++;
        absorbTrainingData();
        runBenchmarkIfReady();
        addPersonalDigitsToTraining();
        if (testEvaluationDue && testComplete()) {
            evaluateTestSet(); // e.g. a loaded model's accuracy, now that the whole test set is here
            reportProgress();
        }
        post(Reports.data(
                shardsLoaded, shardsTotal, train == null ? 0 : train.count(), test == null ? 0 : test.count()));
        if (trainer == null && train != null) {
            buildTrainer();
        }
        if (stepDue) {
            step();
        }
    }

    /**
     * Moves newly arrived training shards into the training set (and the running trainer) in one copy.
     * It happens as soon as they arrive, so a trainer waiting for them goes on.
     */
    private void absorbTrainingData() {
        if (pendingTrain.isEmpty()) {
            return;
        }
        List<Digits> parts = new ArrayList<>();
        if (train != null) {
            parts.add(train);
        }
        parts.addAll(pendingTrain);
        pendingTrain.clear();
        train = Digits.join(parts);
        if (trainer != null) {
            trainer.extendTrainingSet(trainingSet());
            offerValidation();
        }
    }

    /** Hands the trainer its validation images once they are all here (they are the last training shard). */
    private void offerValidation() {
        if (trainer.validation() == null && trainComplete()) {
            Digits images = HeldOut.validation(train, mnistTrainCount(), config.validationSize());
            if (images != null) {
                trainer.useValidation(images);
                if (trainer.updates() > 0 || startingModel != null) {
                    trainer.validate(); // a run that went ahead (or ended) before they arrived: its figure now
                    reportProgress();
                }
            }
        }
    }

    /** MNIST's training images, as the manifest lists them. */
    private int mnistTrainCount() {
        int total = 0;
        for (int i = 0; i < manifest.trainShards(); i++) {
            total += manifest.trainCount(i);
        }
        return total;
    }

    private boolean allDataLoaded() {
        return shardsLoaded == shardsTotal;
    }

    private boolean trainComplete() {
        return trainShardsIn == manifest.trainShards();
    }

    private boolean testComplete() {
        return testShardsIn == manifest.testShards();
    }

    /**
     * The person's digits join the training set after the MNIST images, each {@link #PERSONAL_REPEAT}
     * times. New ones join the running network's set; removed ones leave at the next Reset, since a
     * running epoch cannot drop examples it may already have visited.
     */
    private void setPersonalDigits(Digits digits) {
        personal = digits.count() == 0 ? null : digits;
        addPersonalDigitsToTraining();
    }

    /** Digits added since the run was built join it, once all of MNIST is in (they come after it). */
    private void addPersonalDigitsToTraining() {
        int count = personal == null ? 0 : personal.count();
        if (trainer == null || !trainComplete() || count <= personalUsed) {
            return;
        }
        Digits added = repeated(personal.slice(personalUsed, count));
        mine = mine == null ? added : mine.concat(added);
        personalUsed = count;
        trainer.extendTrainingSet(trainingSet());
    }

    private static Digits repeated(Digits digits) {
        return Digits.join(Collections.nCopies(PERSONAL_REPEAT, digits));
    }

    /**
     * The parts of the run's training set, as the trainer plans its epochs over them: MNIST's training
     * shards in manifest order less the held-out validation images at their end, then the person's digits.
     */
    private int[] trainingParts() {
        int shards = manifest.trainShards();
        int[] mnist = new int[shards];
        for (int i = 0; i < shards; i++) {
            mnist[i] = manifest.trainCount(i);
        }
        int[] parts = HeldOut.trainingParts(mnist, config.validationSize());
        if (mine == null) {
            return parts;
        }
        int[] withMine = Arrays.copyOf(parts, parts.length + 1);
        withMine[parts.length] = mine.count();
        return withMine;
    }

    /**
     * The training examples here so far: MNIST's arrived shards up to the held-out images, then (once all
     * are in) the person's digits.
     */
    private Digits trainingSet() {
        Digits mnist = HeldOut.training(train, mnistTrainCount(), config.validationSize());
        return mine == null || !trainComplete() ? mnist : mnist.concat(mine);
    }

    // ------------------------------------------------------------------ training

    private void configure(String query) {
        TrainingConfig next = TrainingConfig.fromQuery(query);
        config = next;
        startingModel = null;
        running = false;
        if (train != null) {
            buildTrainer();
        }
    }

    /**
     * Replaces the network with a model file's (validated in full first: a bad file changes nothing), with the
     * settings of the run that trained it, so that Reset trains that run again. A file without usable settings
     * (saved before files had them) keeps the current ones, with the file's architecture; the page says so.
     */
    private void loadModel(byte[] bytes) {
        Model model;
        try {
            model = Model.fromBytes(bytes);
        } catch (ModelFormatException e) {
            post(Reports.error("That is not a Digit Lab model: " + e.getMessage()));
            return;
        }
        config = model.config() != null ? model.config() : config.withArchitecture(model.architecture());
        startingModel = model;
        running = false;
        if (train != null) {
            buildTrainer();
        }
    }

    private void buildTrainer() {
        // The person's digits known now are part of the run's plan from its start, here or still loading.
        personalUsed = personal == null ? 0 : personal.count();
        mine = personal == null ? null : repeated(personal);
        trainer = new Trainer(config, trainingParts(), trainingSet(), null);
        trainer.useReplicas(replicas.join(config));
        String origin = null;
        String note = null;
        if (startingModel != null) {
            trainer.network().setParameters(startingModel.parameters());
            origin = describe(startingModel.metadata());
            note = settingsNote(startingModel);
        }
        evaluatedEpoch = 0;
        validateEveryMs = VALIDATE_EVERY_MS;
        testAccuracy = Double.NaN;
        testSeen = 0;
        testEvaluationDue = false;
        stepDue = false;
        weightBuffer = null;
        speed.restart();
        post(Reports.configured(config.toQuery(), config.architecture().parameterCount(), origin, note));
        offerValidation(); // a loaded model is measured on them at once
        if (startingModel != null) {
            evaluateTestSet();
        }
        reportProgress();
        reportWeights();
    }

    private static String describe(TrainingMetadata metadata) {
        if (metadata == null) {
            return "a saved model";
        }
        return "a model trained for " + metadata.epochs() + (metadata.epochs() == 1 ? " epoch" : " epochs") + " on "
                + metadata.examplesSeen() + " examples";
    }

    /** What the page adds about a loaded model's run settings; null when the file's settings apply in full. */
    private static String settingsNote(Model model) {
        if (model.config() != null) {
            return model.settingsIssue() == null
                    ? null
                    : "The file's settings apply, less those " + model.settingsIssue() + ".";
        }
        return (model.settingsIssue() == null
                        ? "The file does not record its training settings"
                        : "The file's training settings cannot be used here (" + model.settingsIssue() + ")")
                + ": the settings other than the network's shape stay as they were.";
    }

    /**
     * One epoch of a separate network, timed without reports or evaluations in between, on
     * {@link #benchmarkWorkers} workers (once they are all ready, so start-up is not timed).
     */
    private void runBenchmarkIfReady() {
        if (pendingBenchmark == null || !allDataLoaded()) {
            return;
        }
        TrainingConfig benchConfig = pendingBenchmark.with(RunSettings.EPOCHS, 1);
        pendingBenchmark = null;
        Trainer bench = new Trainer(benchConfig, train, null);
        if (benchmarkWorkers > 1) {
            replicas.setWorkers(benchmarkWorkers);
            bench.useReplicas(replicas.join(benchConfig));
            double deadline = Clock.nowMillis() + 20_000;
            while (!replicas.awaitJoined(JOIN_SLICE_MS) && Clock.nowMillis() < deadline) {
                WorkerPort.yieldToEventLoop();
            }
        }
        int workers = benchmarkWorkers > 1 ? 1 + replicas.ready() : 1;
        double start = Clock.nowMillis();
        bench.runEpoch();
        double seconds = (Clock.nowMillis() - start) / 1000;
        double accuracy = bench.evaluate(test).accuracy();
        post(Reports.benchmark(
                benchConfig.toQuery(),
                bench.examplesSeen() / seconds,
                bench.examplesSeen(),
                accuracy,
                bench.epochLoss(),
                workers));
        if (benchmarkWorkers > 1) {
            replicas.setWorkers(requestedWorkers);
            if (trainer != null) {
                trainer.useReplicas(replicas.join(config)); // the replicas left the run for the benchmark
            }
        }
    }

    private void exportModel() {
        if (trainer == null) {
            post(Reports.error("There is no network to save yet."));
            return;
        }
        byte[] bytes = trainer.toModel((float) testAccuracy).toBytes();
        Int8Array array = new Int8Array(bytes.length);
        array.set(bytes);
        post(Reports.model(array.getBuffer(), config.toQuery(), testAccuracy), array);
    }

    private void step() {
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
        double start = Clock.nowMillis();
        long seenBefore = trainer.examplesSeen();
        double now = start;
        // A full-batch iteration is reported on its own, so the loss curve shows every iteration's true loss.
        boolean fullBatch = config.optimizer().fullBatch();
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
        double now = Clock.nowMillis();
        if (trainer.epoch() > evaluatedEpoch) {
            evaluatedEpoch = trainer.epoch(); // the trainer measured the validation images at the epoch's end
            lastValidation = now;
            evaluateTestSet();
        } else if (force || now - lastValidation >= validateEveryMs) {
            trainer.validate(); // the curve, and the target-accuracy rule that watches it
            lastValidation = Clock.nowMillis();
            validateEveryMs = Math.max(VALIDATE_EVERY_MS, 10 * (lastValidation - now));
        }
        if (force || now - lastProgress >= PROGRESS_EVERY_MS || trainer.status().stopped()) {
            reportProgress();
        }
        if (force || now - lastWeights >= WEIGHTS_EVERY_MS || trainer.status().stopped()) {
            reportWeights();
        }
    }

    private void reportAfterStop() {
        // A run may stop within its first epoch (a target reached on the validation images): its test figure too.
        if (trainer.status() != TrainingStatus.DIVERGED && trainer.updates() > 0) {
            evaluateTestSet();
        }
        reportProgress();
        reportWeights();
    }

    // ------------------------------------------------------------------ reports

    private String state() {
        if (trainer == null) {
            return "loading";
        }
        TrainingStatus status = trainer.status();
        if (status.stopped()) {
            return status.name().toLowerCase();
        }
        return running ? "training" : trainer.updates() == 0 ? "ready" : "paused";
    }

    private void reportProgress() {
        lastProgress = Clock.nowMillis();
        Divergence divergence = trainer != null ? trainer.divergence() : null;
        Report report = Reports.progress(state(), divergence != null ? divergence.id() : null);
        if (trainer != null) {
            double fraction = trainer.trainCount() == 0 ? 0 : (double) trainer.position() / trainer.trainCount();
            Reports.position(report, trainer.epoch(), fraction, (int) trainer.updates(), trainer.examplesSeen());
            // The test accuracy is only measured on the whole test set (see evaluateTestSet).
            Reports.quality(
                    report,
                    trainer.lastLoss(),
                    trainer.lastAccuracy(),
                    trainer.validationAccuracy(),
                    trainer.validationSeen(),
                    config.validationSize(),
                    testAccuracy,
                    testSeen,
                    test == null ? 0 : test.count());
            Reports.speed(report, speed.examplesPerSecond(), trainer.learningRate(), 1 + replicas.alive());
        }
        post(report);
    }

    private void reportWeights() {
        if (trainer == null) {
            return;
        }
        lastWeights = Clock.nowMillis();
        Network network = trainer.network();
        int inputs = network.architecture().inputSize();
        int units = network.architecture().size(1);
        if (weightBuffer == null) {
            weightBuffer = new float[inputs * units];
        }
        network.copyFirstLayerWeights(weightBuffer);
        // A fresh typed array each time: the page takes ownership of its buffer.
        Float32Array transferable = new Float32Array(weightBuffer.length);
        transferable.set(weightBuffer);
        post(Reports.weights(units, inputs, transferable), transferable);
    }

    /**
     * Measures the network on the whole test set. While test shards are still downloading the measurement
     * waits for them (onShard runs it) rather than measure part of the set: the figure is shown and saved
     * as the test accuracy, and MNIST's two test halves come from different writers, so the first images
     * are no fair stand-in for all of them.
     */
    private void evaluateTestSet() {
        if (trainer == null) {
            return;
        }
        testEvaluationDue = !testComplete(); // also before the first test shard is in
        if (testEvaluationDue) {
            return;
        }
        Evaluation evaluation = Evaluation.of(trainer.network(), test);
        testAccuracy = evaluation.accuracy();
        testSeen = trainer.examplesSeen();
        int[][] confusion = evaluation.confusion();
        int[] wrong = evaluation.misclassified();
        int classes = confusion.length;
        Int32Array ints = new Int32Array(classes * classes + wrong.length);
        for (int t = 0; t < classes; t++) {
            for (int p = 0; p < classes; p++) {
                ints.set(t * classes + p, confusion[t][p]);
            }
        }
        float[] probabilities = new float[wrong.length * classes];
        for (int w = 0; w < wrong.length; w++) {
            ints.set(classes * classes + w, wrong[w]);
            System.arraycopy(evaluation.misclassifiedOutput(w), 0, probabilities, w * classes, classes);
        }
        Float32Array floats = new Float32Array(probabilities.length);
        floats.set(probabilities);
        post(Reports.evaluation(testAccuracy, ints, floats), ints, floats);
    }

    private void inspect(int index) {
        if (trainer == null || test == null) {
            return;
        }
        if (index < 0 || index >= test.count()) {
            throw new IllegalArgumentException("no test image " + index);
        }
        float[] input = new float[test.imageSize()];
        test.toInput(index, input);
        Int32Array sizes = layerSizes();
        Float32Array activations = activationsOf(input);
        post(Reports.inspection(index, test.label(index), sizes, activations), sizes, activations);
    }

    private void predictDrawing(float[] input) {
        if (trainer == null) {
            return;
        }
        Float32Array activations = activationsOf(input);
        Int32Array sizes = layerSizes();
        int outputs = trainer.network().architecture().outputSize();
        int predicted = 0;
        for (int k = 1; k < outputs; k++) {
            if (activations.get(activations.getLength() - outputs + k)
                    > activations.get(activations.getLength() - outputs + predicted)) {
                predicted = k;
            }
        }
        post(Reports.drawing(predicted, sizes, activations), sizes, activations);
    }

    /** Every layer's activations for one input (input first), ready to transfer. */
    private Float32Array activationsOf(float[] input) {
        Network network = trainer.network();
        int total = 0;
        for (int size : network.architecture().sizes()) {
            total += size;
        }
        float[] all = new float[total];
        network.allActivations(input, all);
        Float32Array array = new Float32Array(total);
        array.set(all);
        return array;
    }

    private Int32Array layerSizes() {
        int[] sizes = trainer.network().architecture().sizes();
        Int32Array array = new Int32Array(sizes.length);
        array.set(sizes);
        return array;
    }

    private void classifyTraining(int[] indices) {
        if (trainer == null) {
            return;
        }
        Network network = trainer.network();
        float[] input = new float[train.imageSize()];
        float[] output = new float[network.architecture().outputSize()];
        Int32Array predicted = new Int32Array(indices.length);
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= train.count()) {
                throw new IllegalArgumentException("no training image " + indices[i]);
            }
            train.toInput(indices[i], input);
            predicted.set(i, network.predict(input, output));
        }
        post(Reports.predictions(predicted), predicted);
    }

    private static void post(Report report, ArrayBufferView... transfer) {
        JSArray<JSObject> buffers = new JSArray<>();
        for (ArrayBufferView view : transfer) {
            buffers.push(view.getBuffer());
        }
        WorkerPort.post(report, buffers);
    }
}

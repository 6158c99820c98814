package digitlab.core.nn;

import digitlab.core.data.Digits;
import digitlab.core.run.RunSettings;
import digitlab.core.run.TrainingConfig;
import java.util.List;

/**
 * Trains a {@link Network} one step at a time, made for a live UI: a Web Worker calls {@link #step()} in
 * a loop, reads the cheap getters between steps, and may change the learning rate at any time.
 *
 * <p>A step is one mini-batch (SGD, momentum, Nesterov, Adam) or one whole-training-set iteration (GD,
 * L-BFGS, for which an "epoch" is one such step); with replicas in other workers, a step of the
 * mini-batch methods is a data-parallel round (see {@link #useReplicas}). Each epoch of the mini-batch methods visits the
 * training examples in a fresh random order ({@link EpochOrder}). After every epoch the trainer evaluates on the validation
 * set (if one was given) and checks the stop conditions: planned epochs, target accuracy, plateau.
 * A run that blows up or dies (NaN or infinite numbers, a loss far above its start, accuracy stuck at
 * chance, a dead layer: see {@link DivergenceWatch}) stops with {@link TrainingStatus#DIVERGED} and a
 * {@link #divergence()} rather than training on garbage.
 *
 * <p>Every random choice (initial weights, then the shuffles) comes from one {@link Rng} seeded by
 * {@link TrainingConfig#seed()}, so a run is reproducible, also when its training data arrives in parts
 * while it trains. Nothing is allocated per step.
 */
public final class Trainer {
    /** Examples per forward pass for evaluation and full-batch methods. */
    private static final int CHUNK = 128;
    /** A validation accuracy (or loss) must improve by this much to count against a plateau. */
    private static final double MIN_IMPROVEMENT = 1e-4;
    /**
     * Examples each worker trains in a data-parallel round before the workers' changes are combined.
     * Longer rounds spend less time copying parameters between workers; shorter ones keep the workers'
     * copies closer together (measured trade-off in the README).
     */
    static final int ROUND_EXAMPLES = 512;

    /** The run as it stands: live changes of the learning rate and the epochs included (see {@link #toModel}). */
    private TrainingConfig config;

    private Digits train;
    private Digits validation;
    private final Network network;
    private final Rng rng;
    private final EpochOrder order;
    private final Optimizer optimizer; // null for L-BFGS
    private Lbfgs lbfgs; // null unless L-BFGS
    private final DifferentiableFunction fullBatchCost;
    private Replica[] replicas = new Replica[0];
    private int[] shareStarts = new int[0];
    private float[] roundBase;
    private float[] roundBaseState;
    private float[] replicaParameters;
    private float[] replicaState;
    private int lastWorkers = 1;
    /** True while {@link #singleStep} runs: no round, one batch here. */
    private boolean alone;

    private long updates;

    private TrainingStatus status = TrainingStatus.RUNNING;
    private final DivergenceWatch watch = new DivergenceWatch();
    private Divergence divergence;
    private int epoch;
    private int position;
    private long examplesSeen;
    private double lastLoss = Double.NaN;
    private double lastAccuracy = Double.NaN;
    private double epochLossSum;
    private long epochCorrect;
    private double epochLoss = Double.NaN;
    private double epochAccuracy = Double.NaN;
    private double validationAccuracy = Double.NaN;
    private long validationSeen;
    private double best = Double.NEGATIVE_INFINITY;
    private int epochsWithoutImprovement;

    /**
     * A fresh network initialised from the config's seed, for training data that is all here.
     *
     * @param train training examples (only the first {@link TrainingConfig#trainLimit()} if that is set)
     * @param validation examples evaluated after each epoch, for the target/plateau conditions and
     *        {@link #validationAccuracy()}; may be null
     * @throws IllegalArgumentException if the data do not fit the network's input or output size
     */
    public Trainer(TrainingConfig config, Digits train, Digits validation) {
        this(config, new int[] {train.count()}, train, validation);
    }

    /**
     * A fresh network initialised from the config's seed, for training data that arrives in parts of
     * {@code partSizes} examples, in that order: {@code arrived} holds the first of them (possibly all)
     * and {@link #extendTrainingSet} hands over the others as they come. The run is the same however
     * and whenever they arrive (see {@link EpochOrder}); a step that needs examples not there yet waits
     * ({@link #waitingForData()}).
     *
     * @throws IllegalArgumentException if the data do not fit the network's input or output size, or the
     *         parts hold no examples
     */
    public Trainer(TrainingConfig config, int[] partSizes, Digits arrived, Digits validation) {
        Architecture arch = config.architecture();
        checkFits(arch, arrived, "training");
        if (validation != null) {
            checkFits(arch, validation, "validation");
        }
        this.config = config;
        this.train = arrived;
        this.validation = validation;
        this.network = new Network(arch, config.optimizer().fullBatch() ? CHUNK : Math.max(config.batchSize(), CHUNK));
        this.rng = new Rng(config.seed());
        network.initialise(config.init(), rng);
        this.order = new EpochOrder(partSizes, limit(), rng);
        if (order.count() == 0) {
            throw new IllegalArgumentException("no training examples");
        }
        order.arrive(Math.min(limit(), arrived.count()), rng);
        int n = arch.parameterCount();
        optimizer = Optimizers.forConfig(config, n);
        lbfgs = config.optimizer() == OptimizerKind.LBFGS ? new Lbfgs(n, config.lbfgsMemory()) : null;
        // L-BFGS is always handed the network's own arrays (see lbfgsStep), so x and g are params and grads.
        // this.train, not the parameter: the training set may grow (extendTrainingSet).
        fullBatchCost =
                (x, g) -> network.lossAndGradient(this.train, null, 0, trainCount(), config.lambda(), trainCount());
    }

    /** Training examples used at most: {@link TrainingConfig#trainLimit()}, if set. */
    private int limit() {
        return config.trainLimit() > 0 ? config.trainLimit() : Integer.MAX_VALUE;
    }

    private static void checkFits(Architecture arch, Digits data, String what) {
        if (data.imageSize() != arch.inputSize()) {
            throw new IllegalArgumentException(what + " images have " + data.imageSize()
                    + " pixels but the network has " + arch.inputSize() + " inputs");
        }
        if (arch.outputSize() != 10) {
            throw new IllegalArgumentException("digits need 10 outputs, the network has " + arch.outputSize());
        }
    }

    /**
     * One training step (see the class comment); does nothing once training has stopped.
     * Afterwards {@link #lastLoss()} and {@link #lastAccuracy()} describe the examples of this step.
     *
     * @return the status after the step
     */
    public TrainingStatus step() {
        if (status.stopped()) {
            return status;
        }
        if (waitingForData()) {
            throw new IllegalStateException("the next step needs training examples that have not arrived yet");
        }
        int trainCount = trainCount();
        if (lbfgs != null) {
            lbfgsStep();
        } else if (config.optimizer().fullBatch()) {
            gradientStep(0, trainCount);
            position = trainCount;
        } else if (roundFits()) {
            round();
        } else {
            int count = Math.min(config.batchSize(), trainCount - position);
            lastWorkers = 1;
            gradientStep(position, count);
            position += count;
        }
        if (!status.stopped() && position >= trainCount) {
            finishEpoch();
        }
        return status;
    }

    /**
     * True while the next step needs training examples that have not arrived yet: {@link #step()} must
     * wait for {@link #extendTrainingSet}. The full-batch methods need every example; a mini-batch or a
     * round needs those of its own positions in the epoch's order. Whether a step is a round or a single
     * batch is decided on the whole epoch, never on the data there so far, so that arrival times do not
     * change the run.
     */
    public boolean waitingForData() {
        int ready = order.ready();
        if (ready >= trainCount() || status.stopped()) {
            return false;
        }
        if (config.optimizer().fullBatch()) {
            return true;
        }
        int needed = roundFits() ? (readyReplicas() + 1) * shareSize() : config.batchSize();
        return position + needed > ready;
    }

    /**
     * One mini-batch (or full-batch iteration) in this worker, even when replicas are in use: for a
     * person stepping through training one update at a time.
     */
    public TrainingStatus singleStep() {
        alone = true;
        try {
            return step();
        } finally {
            alone = false;
        }
    }

    /** Steps until the current epoch ends or training stops. */
    public TrainingStatus runEpoch() {
        int startEpoch = epoch;
        while (!status.stopped() && epoch == startEpoch) {
            step();
        }
        return status;
    }

    /**
     * Cost and gradient on examples {@code order[from..from+count)} (all examples for the full-batch
     * methods), then one update. The caller moves {@link #position}.
     */
    private void gradientStep(int from, int count) {
        float rate = learningRate();
        int[] indices = config.optimizer().fullBatch() ? null : order.indices();
        double loss = network.lossAndGradient(train, indices, from, count, config.lambda(), trainCount());
        int correct = network.lastCorrect();
        recordStep(loss, correct, count);
        if (status.stopped()) {
            return;
        }
        optimizer.update(network.parameters(), network.gradient(), rate);
        if (!network.parametersFinite()) {
            diverge(Divergence.NOT_FINITE);
            return;
        }
        examplesSeen += count;
        epochLossSum += loss * count;
        epochCorrect += correct;
        updates++;
    }

    // ---------------------------------------------------------------- data-parallel rounds

    /**
     * Trains with other workers from the next step on (mini-batch methods only). A step then becomes a
     * round: every ready replica gets the current parameters and optimiser memory and its own
     * {@link #ROUND_EXAMPLES} examples of the epoch's order, this trainer trains its share meanwhile, and
     * then each replica's share is folded in, in a fixed order, by the optimiser's own rule
     * ({@link Optimizer#mergeShare}), so a run is reproducible for a seed and worker count. The end of an
     * epoch too short for a round trains here alone, and a replica that fails has its share trained here.
     *
     * @throws IllegalArgumentException for the full-batch methods
     */
    public void useReplicas(List<Replica> workers) {
        if (config.optimizer().fullBatch() && !workers.isEmpty()) {
            throw new IllegalArgumentException(config.optimizer().id() + " trains on the whole set in one worker");
        }
        replicas = workers.toArray(new Replica[0]);
        shareStarts = new int[replicas.length];
        int n = network.architecture().parameterCount();
        int stateLength = optimizer == null ? 0 : optimizer.state().length;
        boolean any = replicas.length > 0;
        roundBase = any ? new float[n] : null;
        replicaParameters = any ? new float[n] : null;
        roundBaseState = any ? new float[stateLength] : null;
        replicaState = any ? new float[stateLength] : null;
    }

    /** Workers that trained the last step: 1 plus the replicas that took part. */
    public int lastWorkers() {
        return lastWorkers;
    }

    private int shareSize() {
        return shareSize(config);
    }

    /** Examples per worker in a data-parallel round of {@code config}: whole batches, at least {@link #ROUND_EXAMPLES}. */
    public static int shareSize(TrainingConfig config) {
        int batch = config.batchSize();
        return (ROUND_EXAMPLES + batch - 1) / batch * batch;
    }

    private boolean roundFits() {
        if (alone) {
            return false;
        }
        int ready = readyReplicas();
        return ready > 0 && trainCount() - position >= (ready + 1) * shareSize();
    }

    private int readyReplicas() {
        int ready = 0;
        for (Replica r : replicas) {
            if (r.ready()) {
                ready++;
            }
        }
        return ready;
    }

    /** One data-parallel round (see {@link #useReplicas}). */
    private void round() {
        int share = shareSize();
        float rate = learningRate();
        float[] params = network.parameters();
        System.arraycopy(params, 0, roundBase, 0, params.length);
        float[] state = optimizer.state();
        System.arraycopy(state, 0, roundBaseState, 0, state.length);
        long baseSteps = optimizer.steps();
        int stepsPerShare = share / config.batchSize();
        int next = position + share;
        int workers = 1;
        int merged = 1; // shares in params: this trainer's own, then each replica's
        for (int k = 0; k < replicas.length; k++) {
            shareStarts[k] = -1;
            // A replica that became ready since roundFits() joins only if the epoch has room (and data) for it.
            if (replicas[k].ready() && next + share <= order.ready()) {
                shareStarts[k] = next;
                replicas[k].start(new Share(
                        roundBase, roundBaseState, baseSteps, train, order.indices(), next, share, rate, trainCount()));
                next += share;
                workers++;
            }
        }
        for (int from = position; from < position + share && !status.stopped(); from += config.batchSize()) {
            gradientStep(from, config.batchSize());
        }
        for (int k = 0; k < replicas.length; k++) {
            if (shareStarts[k] < 0) {
                continue;
            }
            ShareResult result = replicas[k].finish(replicaParameters, replicaState);
            if (result == null) {
                workers--;
                for (int from = shareStarts[k];
                        from < shareStarts[k] + share && !status.stopped();
                        from += config.batchSize()) {
                    gradientStep(from, config.batchSize());
                }
            } else {
                optimizer.mergeShare(
                        params, roundBase, roundBaseState, replicaParameters, replicaState, stepsPerShare, merged++);
                examplesSeen += result.examples();
                updates += (result.examples() + config.batchSize() - 1) / config.batchSize();
                epochLossSum += result.lossSum();
                epochCorrect += result.correct();
            }
        }
        position = next;
        lastWorkers = workers;
        if (!status.stopped() && (!finite(epochLossSum) || !network.parametersFinite())) {
            diverge(Divergence.NOT_FINITE);
        }
    }

    private void lbfgsStep() {
        int trainCount = trainCount();
        int evaluationsBefore = lbfgs.evaluations();
        double loss = lbfgs.iterate(fullBatchCost, network.parameters(), network.gradient());
        recordStep(loss, network.lastCorrect(), trainCount);
        examplesSeen += (long) (lbfgs.evaluations() - evaluationsBefore) * trainCount;
        if (!status.stopped() && !network.parametersFinite()) {
            diverge(Divergence.NOT_FINITE);
        }
        if (status.stopped()) {
            return;
        }
        position = trainCount;
        updates++;
        epochLossSum = loss * trainCount;
        epochCorrect = network.lastCorrect();
        if (lbfgs.converged()) {
            finishEpoch();
            if (!status.stopped()) {
                status = TrainingStatus.CONVERGED;
            }
        }
    }

    /** Keeps the step's figures for the UI and stops the run if they show it has blown up or died. */
    private void recordStep(double loss, int correct, int count) {
        lastLoss = loss;
        lastAccuracy = (double) correct / count;
        Divergence sign =
                watch.step(loss, lastAccuracy, count, network.architecture().outputSize(), network.silentLayer());
        if (sign != null) {
            diverge(sign);
        }
    }

    private void diverge(Divergence why) {
        status = TrainingStatus.DIVERGED;
        divergence = why;
    }

    /** Epoch bookkeeping, validation, stop conditions, and the next epoch's shuffle. */
    private void finishEpoch() {
        int trainCount = trainCount();
        epoch++;
        epochLoss = epochLossSum / trainCount;
        epochAccuracy = (double) epochCorrect / trainCount;
        epochLossSum = 0;
        epochCorrect = 0;
        position = 0;
        if (validation != null) {
            measureValidation();
        }
        double progress = validation != null ? validationAccuracy : -epochLoss;
        if (progress > best + MIN_IMPROVEMENT) {
            best = progress;
            epochsWithoutImprovement = 0;
        } else {
            epochsWithoutImprovement++;
        }
        if (targetReached()) {
            status = TrainingStatus.TARGET_REACHED;
        } else if (config.patience() > 0 && epochsWithoutImprovement >= config.patience()) {
            status = TrainingStatus.PLATEAU;
        } else if (epoch >= config.planned()) {
            status = TrainingStatus.FINISHED;
        }
        if (!config.optimizer().fullBatch()) {
            order.nextEpoch(rng);
        }
    }

    private void measureValidation() {
        validationAccuracy = Evaluation.accuracy(network, validation);
        validationSeen = examplesSeen;
    }

    private boolean targetReached() {
        return config.targetAccuracy() > 0 && validationAccuracy >= config.targetAccuracy();
    }

    /**
     * Measures the accuracy on the validation images now, for a live curve of it; the target-accuracy
     * stop rule is checked each time, so it acts as soon as the curve it watches shows the target (the
     * patience rule counts epochs, and is checked at their ends). Does nothing without validation images;
     * a stopped run is measured but stays as it stopped.
     *
     * @return the status afterwards
     */
    public TrainingStatus validate() {
        if (validation != null) {
            measureValidation();
            if (!status.stopped() && targetReached()) {
                status = TrainingStatus.TARGET_REACHED;
            }
        }
        return status;
    }

    /**
     * Sets the validation images, which may arrive after training has started (the browser downloads
     * them as a shard): from then on they are measured after each epoch and by {@link #validate()}.
     *
     * @throws IllegalArgumentException if they do not fit the network
     */
    public void useValidation(Digits images) {
        checkFits(network.architecture(), images, "validation");
        validation = images;
    }

    private static boolean finite(double v) {
        return !Double.isNaN(v) && !Double.isInfinite(v);
    }

    // ---------------------------------------------------------------- live controls

    /**
     * Hands over more of the training set: {@code larger} must start with the current training examples.
     * Examples of the planned parts (see the constructor) let waiting steps go on and change nothing else.
     * Examples beyond the plan (the person's digits added during a run) grow the set: they join the
     * current epoch in a random order after the examples not yet visited, so nothing already seen is
     * repeated; full-batch methods use them from their next iteration, and L-BFGS starts a fresh
     * curvature history since its objective changed.
     *
     * @throws IllegalArgumentException if {@code larger} has fewer examples or another image size
     */
    public void extendTrainingSet(Digits larger) {
        if (larger.count() < train.count() || larger.imageSize() != train.imageSize()) {
            throw new IllegalArgumentException("the new training set must extend the current one: "
                    + larger.count() + " images of " + larger.imageSize() + " pixels after " + train.count()
                    + " of " + train.imageSize());
        }
        train = larger;
        int before = trainCount();
        order.arrive(Math.min(limit(), larger.count()), rng);
        if (lbfgs != null && trainCount() != before) {
            lbfgs = new Lbfgs(network.architecture().parameterCount(), config.lbfgsMemory());
        }
    }

    /**
     * Changes the base learning rate from the next step on; weights and optimiser state are kept.
     * The schedule still applies on top of it.
     */
    public void setLearningRate(float rate) {
        config = config.with(RunSettings.LR, rate);
    }

    /** The learning rate the next step uses: the base rate under the schedule. */
    public float learningRate() {
        return config.schedule()
                .rate(
                        config.learningRate(),
                        epoch + (double) position / trainCount(),
                        config.decay(),
                        config.decayEvery(),
                        config.planned());
    }

    /**
     * Changes the planned epochs (iterations for the full-batch methods, see
     * {@link TrainingConfig#planned()}); a run that {@link TrainingStatus#FINISHED} resumes if {@code n} is
     * larger than the epochs done.
     */
    public void setPlanned(int n) {
        config = config.withPlanned(n);
        if (status == TrainingStatus.FINISHED && epoch < n) {
            status = TrainingStatus.RUNNING;
        }
    }

    // ---------------------------------------------------------------- cheap getters for the UI

    public TrainingStatus status() {
        return status;
    }

    /** Why the run was stopped as {@link TrainingStatus#DIVERGED}; null otherwise. */
    public Divergence divergence() {
        return divergence;
    }

    public TrainingConfig config() {
        return config;
    }

    /** The network being trained (live: its weights change with every step). */
    public Network network() {
        return network;
    }

    /** Cost (with regularisation) of the last step's examples, before that step's update. */
    public double lastLoss() {
        return lastLoss;
    }

    /** Fraction of the last step's examples classified correctly, before that step's update. */
    public double lastAccuracy() {
        return lastAccuracy;
    }

    /** Finished epochs. */
    public int epoch() {
        return epoch;
    }

    /** Examples processed so far in the current epoch. */
    public int position() {
        return position;
    }

    /** Examples per epoch: the whole planned training set, also while parts of it are still arriving. */
    public int trainCount() {
        return order.count();
    }

    /**
     * Parameter updates so far: mini-batches trained (by this worker and its replicas), or full-batch
     * iterations.
     */
    public long updates() {
        return updates;
    }

    /** Examples processed in total (every function evaluation of L-BFGS counts a whole pass). */
    public long examplesSeen() {
        return examplesSeen;
    }

    /** Mean step cost over the last finished epoch (a running figure: weights changed during it). */
    public double epochLoss() {
        return epochLoss;
    }

    /** Training accuracy over the last finished epoch, measured on the way (before each step's update). */
    public double epochAccuracy() {
        return epochAccuracy;
    }

    /** The last validation accuracy measured (each epoch's end, {@link #validate()}); NaN before the first. */
    public double validationAccuracy() {
        return validationAccuracy;
    }

    /** Examples seen when {@link #validationAccuracy()} was measured. */
    public long validationSeen() {
        return validationSeen;
    }

    /** The validation images, or null. */
    public Digits validation() {
        return validation;
    }

    /** Evaluates the current network on {@code data}. */
    public Evaluation evaluate(Digits data) {
        return Evaluation.of(network, data);
    }

    /**
     * The current network as a model with its training metadata and this run's settings, so that whoever
     * loads it can train the same run again.
     */
    public Model toModel(float testAccuracy) {
        return network.toModel(new TrainingMetadata(epoch, examplesSeen, testAccuracy), config);
    }
}

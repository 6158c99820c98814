package digitlab.core.train;

import digitlab.core.data.Digits;
import digitlab.core.model.Model;
import digitlab.core.model.TrainingMetadata;
import digitlab.core.nn.Architecture;
import digitlab.core.nn.Network;
import digitlab.core.nn.Rng;
import digitlab.core.nn.optim.OptimizerKind;
import digitlab.core.run.RunSettings;
import digitlab.core.run.TrainingConfig;
import digitlab.core.train.parallel.Replica;
import java.util.List;

/**
 * Trains a {@link Network} one round at a time, made for a live UI: a Web Worker calls {@link #trainRound()}
 * in a loop, reads the cheap getters between rounds, and may change the learning rate at any time.
 *
 * <p>An <em>update</em> is one change of the parameters: after one mini-batch (SGD, momentum, Nesterov,
 * Adam), or one whole-training-set iteration (GD, L-BFGS, for which an "epoch" is one such update). A
 * <em>round</em> is what {@link #trainRound()} does between two looks from the UI: one update, or with
 * replicas in other workers a data-parallel round of the mini-batch methods (see {@link #useReplicas}).
 * How a round moves the parameters is the run's {@link StepStrategy}; where the run stands is its
 * {@link Progress}; this class is the one public face of training and keeps the epochs and stop rules.
 *
 * <p>Each epoch of the mini-batch methods visits the training examples in a fresh random order
 * ({@link EpochOrder}). After every epoch the trainer evaluates on the validation set (if one was given)
 * and checks the stop conditions: planned epochs, target accuracy, plateau. A run that blows up or dies
 * (NaN or infinite numbers, a loss far above its start, accuracy stuck at chance, a dead layer: see
 * {@link DivergenceWatch}) stops with {@link TrainingStatus#DIVERGED} and a {@link #divergence()} rather
 * than training on garbage.
 *
 * <p>Every random choice (initial weights, then the shuffles) comes from one {@link Rng} seeded by
 * {@link TrainingConfig#seed()}, so a run is reproducible, also when its training data arrives in parts
 * while it trains. Nothing is allocated per update.
 *
 * <p>Longer than most classes here for a reason: it is the API that the training worker, the
 * command-line trainer and the tests call, so its live controls and documented getters are all here; the
 * work itself is in {@link FirstOrderSteps}, {@link LbfgsSteps}, {@link DataParallelRounds} and
 * {@link Progress}.
 */
public final class Trainer {
    /** Examples per forward pass for evaluation and full-batch methods. */
    private static final int CHUNK = 128;
    /** A validation accuracy (or loss) must improve by this much to count against a plateau. */
    private static final double MIN_IMPROVEMENT = 1e-4;

    /** The run as it stands: live changes of the learning rate and the epochs included (see {@link #toModel}). */
    private TrainingConfig config;

    private Digits train;
    private Digits validation;
    private final Network network;
    private final Rng rng;
    private final EpochOrder order;
    private final Progress progress = new Progress();
    private final StepStrategy steps;
    /** Other workers' copies of the network: they train rounds with this one and help it evaluate. */
    private List<Replica> replicas = List.of();

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
     * and whenever they arrive (see {@link EpochOrder}); a round that needs examples not there yet waits
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
        this.network = new Network(
                arch,
                Network.batchFitting(
                        arch, config.optimizer().fullBatch() ? CHUNK : Math.max(config.batchSize(), CHUNK)));
        this.rng = new Rng(config.seed());
        network.initialise(config.init(), rng);
        this.order = new EpochOrder(partSizes, limit(), rng);
        if (order.count() == 0) {
            throw new IllegalArgumentException("no training examples");
        }
        order.arrive(Math.min(limit(), arrived.count()), rng);
        steps = config.optimizer() == OptimizerKind.LBFGS
                ? new LbfgsSteps(config, network, order, progress)
                : new FirstOrderSteps(config, network, order, progress);
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
     * One round (see the class comment); does nothing once training has stopped. Afterwards
     * {@link #lastLoss()} and {@link #lastAccuracy()} describe the last batch this worker trained.
     *
     * @return the status after the round
     * @throws IllegalStateException if the round needs training examples that have not arrived yet
     *         ({@link #waitingForData()})
     */
    public TrainingStatus trainRound() {
        return train(false);
    }

    /**
     * One update in this worker, even when replicas are in use: for a person stepping through training
     * one update at a time.
     *
     * @return the status after the update
     */
    public TrainingStatus trainOneUpdate() {
        return train(true);
    }

    private TrainingStatus train(boolean alone) {
        if (progress.stopped()) {
            return progress.status();
        }
        if (waitingForData(alone)) {
            throw new IllegalStateException("the next round needs training examples that have not arrived yet");
        }
        steps.trainRound(train, learningRate(), alone);
        if (!progress.stopped() && progress.position() >= trainCount()) {
            finishEpoch();
            if (steps.converged() && !progress.stopped()) {
                progress.setStatus(TrainingStatus.CONVERGED);
            }
        }
        return progress.status();
    }

    /**
     * True while the next round needs training examples that have not arrived yet: {@link #trainRound()}
     * must wait for {@link #extendTrainingSet}. The full-batch methods need every example; a mini-batch or
     * a data-parallel round needs those of its own positions in the epoch's order. Whether a round is
     * data-parallel or a single batch is decided on the whole epoch, never on the data there so far, so
     * that arrival times do not change the run.
     */
    public boolean waitingForData() {
        return waitingForData(false);
    }

    private boolean waitingForData(boolean alone) {
        int ready = order.ready();
        if (ready >= trainCount() || progress.stopped()) {
            return false;
        }
        return progress.position() + steps.examplesNeeded(alone) > ready;
    }

    /** Trains rounds until the current epoch ends or training stops. */
    public TrainingStatus runEpoch() {
        int startEpoch = progress.epoch();
        while (!progress.stopped() && progress.epoch() == startEpoch) {
            trainRound();
        }
        return progress.status();
    }

    /**
     * Trains with other workers from the next round on (mini-batch methods only). A round then becomes a
     * data-parallel round (see {@link DataParallelRounds}): every ready replica trains its own share of
     * the epoch's order while this worker trains one, and the shares are folded in, in a fixed order, so
     * a run is reproducible for a seed and worker count.
     *
     * @throws IllegalArgumentException for the full-batch methods
     */
    public void useReplicas(List<Replica> workers) {
        if (config.optimizer().fullBatch() && !workers.isEmpty()) {
            throw new IllegalArgumentException(config.optimizer().id() + " trains on the whole set in one worker");
        }
        steps.useReplicas(workers);
        replicas = List.copyOf(workers);
    }

    /** Workers that trained the last round: 1 plus the replicas that took part. */
    public int lastWorkers() {
        return progress.lastWorkers();
    }

    /** Epoch bookkeeping, validation, stop conditions, and the next epoch's shuffle. */
    private void finishEpoch() {
        progress.endEpoch(trainCount());
        if (validation != null) {
            measureValidation();
        }
        double figure = validation != null ? validationAccuracy : -progress.epochLoss();
        if (figure > best + MIN_IMPROVEMENT) {
            best = figure;
            epochsWithoutImprovement = 0;
        } else {
            epochsWithoutImprovement++;
        }
        if (targetReached()) {
            progress.setStatus(TrainingStatus.TARGET_REACHED);
        } else if (config.patience() > 0 && epochsWithoutImprovement >= config.patience()) {
            progress.setStatus(TrainingStatus.PLATEAU);
        } else if (progress.epoch() >= config.planned()) {
            progress.setStatus(TrainingStatus.FINISHED);
        }
        if (!config.optimizer().fullBatch()) {
            order.nextEpoch(rng);
        }
    }

    private void measureValidation() {
        validationAccuracy = evaluate(validation).accuracy();
        validationSeen = progress.examplesSeen();
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
            if (!progress.stopped() && targetReached()) {
                progress.setStatus(TrainingStatus.TARGET_REACHED);
            }
        }
        return progress.status();
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

    // ---------------------------------------------------------------- live controls

    /**
     * Hands over more of the training set: {@code larger} must start with the current training examples.
     * Examples of the planned parts (see the constructor) let waiting rounds go on and change nothing else.
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
        if (trainCount() != before) {
            steps.trainingSetGrew();
        }
    }

    /**
     * Changes the base learning rate from the next round on; weights and optimiser state are kept.
     * The schedule still applies on top of it.
     */
    public void setLearningRate(float rate) {
        config = config.with(RunSettings.LR, rate);
    }

    /** The learning rate the next round uses: the base rate under the schedule. */
    public float learningRate() {
        return config.schedule()
                .rate(
                        config.learningRate(),
                        progress.epoch() + (double) progress.position() / trainCount(),
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
        if (progress.status() == TrainingStatus.FINISHED && progress.epoch() < n) {
            progress.setStatus(TrainingStatus.RUNNING);
        }
    }

    // ---------------------------------------------------------------- cheap getters for the UI

    public TrainingStatus status() {
        return progress.status();
    }

    /** Why the run was stopped as {@link TrainingStatus#DIVERGED}; null otherwise. */
    public Divergence divergence() {
        return progress.divergence();
    }

    public TrainingConfig config() {
        return config;
    }

    /** The network being trained (live: its weights change with every update). */
    public Network network() {
        return network;
    }

    /** Cost (with regularisation) of the last batch trained in this worker, before its update. */
    public double lastLoss() {
        return progress.lastLoss();
    }

    /** Fraction of the last batch trained in this worker classified correctly, before its update. */
    public double lastAccuracy() {
        return progress.lastAccuracy();
    }

    /** Finished epochs. */
    public int epoch() {
        return progress.epoch();
    }

    /** Examples processed so far in the current epoch. */
    public int position() {
        return progress.position();
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
        return progress.updates();
    }

    /** Examples processed in total (every function evaluation of L-BFGS counts a whole pass). */
    public long examplesSeen() {
        return progress.examplesSeen();
    }

    /** Mean batch cost over the last finished epoch (a running figure: weights changed during it). */
    public double epochLoss() {
        return progress.epochLoss();
    }

    /** Training accuracy over the last finished epoch, measured on the way (before each batch's update). */
    public double epochAccuracy() {
        return progress.epochAccuracy();
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

    /** Evaluates the current network on {@code data}, with the help of the replicas that are idle. */
    public Evaluation evaluate(Digits data) {
        return EvaluationPass.run(network, replicas, data, DataParallelRounds.shareSize(config));
    }

    /**
     * The current network as a model with its training metadata and this run's settings, so that whoever
     * loads it can train the same run again.
     */
    public Model toModel(float testAccuracy) {
        return network.toModel(new TrainingMetadata(progress.epoch(), progress.examplesSeen(), testAccuracy), config);
    }
}

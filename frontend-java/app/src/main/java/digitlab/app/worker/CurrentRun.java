package digitlab.app.worker;

import digitlab.app.parallel.ReplicaPool;
import digitlab.core.data.Digits;
import digitlab.core.data.InputFrame;
import digitlab.core.model.Model;
import digitlab.core.run.RunSettings;
import digitlab.core.run.TrainingConfig;
import digitlab.core.train.Trainer;

/**
 * The run the worker trains: its settings, the model file it starts from, and its {@link Trainer}, built
 * once training data is in and built anew by Reset or a loaded model. It keeps the trainer's training set
 * and validation images in step with the data as it arrives, and its replica workers with the page's
 * choice.
 *
 * <p>The trainer plans its epochs over every shard the manifest lists and waits when it reaches one still
 * downloading, so a run does not depend on download times.
 */
final class CurrentRun {
    private final ShardData data;
    private final ReplicaPool replicas;
    private final OwnDigits own = new OwnDigits();

    private TrainingConfig config = TrainingConfig.defaults();
    /** Null until the first training shard is in. */
    private Trainer trainer;
    /** A loaded model whose weights the next trainer starts from (kept until the data is in). */
    private Model startingModel;
    /** Workers the page asked for (0 = automatic); one until it asks. */
    private int requestedWorkers = 1;

    CurrentRun(ShardData data, ReplicaPool replicas) {
        this.data = data;
        this.replicas = replicas;
    }

    TrainingConfig config() {
        return config;
    }

    /** Null before the first training shard is in. */
    Trainer trainer() {
        return trainer;
    }

    /** The model file the current network started from; null for fresh weights. */
    Model startingModel() {
        return startingModel;
    }

    /** Fresh weights with the settings {@code next}, at the next {@link #build}. */
    void configure(TrainingConfig next) {
        InputFrame.of(next.architecture()); // refuses a network that reads no picture of a digit, saying why
        config = next;
        startingModel = null;
    }

    /**
     * The weights of {@code model} at the next {@link #build}, with the settings of the run that trained
     * it, so that Reset trains that run again. A file without usable settings (saved before files had them)
     * keeps the current ones, with the file's architecture; the page says so.
     */
    void load(Model model) {
        config = model.config() != null ? model.config() : config.withArchitecture(model.architecture());
        startingModel = model;
    }

    /** True once a trainer can be built: the first training shard is in. */
    boolean canBuild() {
        return data.train() != null;
    }

    /** A new trainer for the current settings (and starting model), on the data here so far. */
    Trainer build() {
        own.startRun(frame()); // the person's digits known now are in the run's plan from its start
        int[] parts = own.appendTo(data.trainingParts(config.validationSize()));
        trainer = new Trainer(config, parts, trainingSet(), null);
        trainer.useReplicas(replicas.join(config));
        if (startingModel != null) {
            trainer.network().setParameters(startingModel.parameters());
        }
        return trainer;
    }

    void setLearningRate(float rate) {
        config = config.with(RunSettings.LR, rate);
        if (trainer != null) {
            trainer.setLearningRate(rate);
        }
    }

    /** Epochs (iterations) the run plans, without touching the weights. */
    void setPlanned(int planned) {
        config = config.withPlanned(planned);
        if (trainer != null) {
            trainer.setPlanned(planned);
        }
    }

    /** Workers that train, this one included; 0 = automatic. */
    void setWorkers(int workers) {
        requestedWorkers = workers;
        restoreWorkers();
    }

    /** Gives the run the workers the page asked for again (a benchmark borrowed the replicas). */
    void restoreWorkers() {
        replicas.setWorkers(requestedWorkers);
        if (trainer != null) {
            trainer.useReplicas(replicas.join(config));
        }
    }

    /**
     * Training shards joined the data: the trainer goes on with them (it may have been waiting). Returns
     * true if the validation images came with them and were measured at once (see {@link #offerValidation}).
     */
    boolean trainingDataGrew() {
        if (trainer == null) {
            return false;
        }
        trainer.extendTrainingSet(trainingSet());
        return offerValidation();
    }

    /**
     * Hands the trainer its validation images once they are all here (they are the last training shard).
     * Returns true if it measured them at once: a run that went ahead (or ended) before they arrived, or a
     * loaded model, has its figure now.
     */
    boolean offerValidation() {
        if (trainer.validation() != null) {
            return false;
        }
        Digits images = data.validationImages(config.validationSize(), frame());
        if (images == null) {
            return false;
        }
        trainer.useValidation(images);
        if (trainer.updates() > 0 || startingModel != null) {
            trainer.validate();
            return true;
        }
        return false;
    }

    /** The person's digits, as the page last sent them: new ones join the running network's training set. */
    void setOwnDigits(Digits digits) {
        own.set(digits);
        addOwnDigits();
    }

    /** Digits added since the run was built join it, once all of MNIST is in (they come after it). */
    void addOwnDigits() {
        if (trainer != null && data.trainComplete() && own.addNew()) {
            trainer.extendTrainingSet(trainingSet());
        }
    }

    /**
     * The training examples here so far: MNIST's arrived shards up to the held-out images, then (once all
     * are in) the person's digits.
     */
    private Digits trainingSet() {
        Digits mnist = data.trainingImages(config.validationSize(), frame());
        return data.trainComplete() ? own.appendTo(mnist) : mnist;
    }

    /** The pictures the run's network reads. */
    InputFrame frame() {
        return InputFrame.of(config.architecture());
    }
}

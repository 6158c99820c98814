package digitlab.cli;

import digitlab.core.data.Digits;
import digitlab.core.data.InputFrame;
import digitlab.core.run.TrainingConfig;
import digitlab.core.train.HeldOut;
import digitlab.core.train.Trainer;
import digitlab.core.train.TrainingStatus;
import digitlab.core.train.parallel.ThreadReplica;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code train}: trains a network on MNIST on the JVM, one line per epoch, and optionally saves the model.
 * The last line is always {@code test_accuracy=0.XXXX examples_per_second=NNNN}.
 * Exit codes: 0 done, 1 missing data / diverged / cannot write, 2 bad options.
 */
final class TrainCommand implements Command {
    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train a network on the JVM";
    }

    @Override
    public String help() {
        return "Trains a network on MNIST on the JVM; prints one line per epoch.\n\n"
                + "  --mnist DIR                MNIST IDX files (default: " + MnistFiles.DEFAULT_DIR + ")\n"
                + "  --out FILE                 save the trained model (Digit Lab model format)\n"
                + "  --workers 1                threads training data-parallel (mini-batch optimizers)\n"
                + TrainingOptions.help() + "\n"
                + "  -h, --help                 show this help\n\n"
                + "Example: java -jar digit-lab.jar train --layers 784,128,10 --activation relu --optimizer adam "
                + "--lr 0.001 --epochs 3\n";
    }

    @Override
    public Args.Spec accepts() {
        return TrainingOptions.spec("mnist", "out", "workers");
    }

    @Override
    public int run(Args options, Map<String, String> env, PrintStream out, PrintStream err) {
        TrainingConfig config = TrainingOptions.config(options);
        int workers = options.positiveInt("workers", 1);
        if (workers > 1 && config.optimizer().fullBatch()) {
            throw new UsageException("--workers applies to the mini-batch optimizers; "
                    + config.optimizer().id() + " trains in one worker");
        }
        InputFrame frame;
        try {
            frame = InputFrame.of(config.architecture());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        MnistFiles.TrainAndTest mnist = MnistFiles.load(options.get("mnist", null));
        // Once, before training: a 20x20 network reads every image's digit box (InputFrame).
        Digits train = frame.prepare(mnist.train());
        Digits test = frame.prepare(mnist.test());
        Trainer trainer;
        try {
            // The last --valid training images are held out: the stop rules and val_acc watch them, never
            // the test set, which is only reported.
            trainer = new Trainer(
                    config,
                    HeldOut.training(train, train.count(), config.validationSize()),
                    HeldOut.validation(train, train.count(), config.validationSize()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        List<ThreadReplica> replicas = new ArrayList<>();
        for (int i = 1; i < workers; i++) {
            replicas.add(new ThreadReplica(config));
        }
        trainer.useReplicas(List.copyOf(replicas));
        out.println("training " + config.architecture() + " on " + trainer.trainCount() + " examples"
                + (workers > 1 ? " with " + workers + " threads" : "") + ": " + config.toQuery());
        try {
            return train(trainer, test, options.get("out", null), out, err);
        } finally {
            replicas.forEach(ThreadReplica::close);
        }
    }

    private static int train(Trainer trainer, Digits test, String modelFile, PrintStream out, PrintStream err) {
        long trainingNanos = 0;
        double testAccuracy = Double.NaN;
        while (!trainer.status().stopped()) {
            long seenBefore = trainer.examplesSeen();
            long start = System.nanoTime();
            trainer.runEpoch();
            long nanos = System.nanoTime() - start;
            trainingNanos += nanos;
            testAccuracy = trainer.evaluate(test).accuracy();
            out.println(String.format(
                    Locale.ROOT,
                    "%s %d loss=%.4f train_acc=%.4f val_acc=%.4f test_acc=%.4f examples_per_second=%.0f lr=%s",
                    trainer.config().optimizer().fullBatch() ? "iteration" : "epoch",
                    trainer.epoch(),
                    trainer.epochLoss(),
                    trainer.epochAccuracy(),
                    trainer.validationAccuracy(),
                    testAccuracy,
                    (trainer.examplesSeen() - seenBefore) / (nanos / 1e9),
                    trainer.learningRate()));
        }
        TrainingStatus status = trainer.status();
        out.println("stopped: " + status.name().toLowerCase(Locale.ROOT)
                + (status == TrainingStatus.DIVERGED
                        ? ": " + trainer.divergence().explanation() + " (try another --lr)"
                        : ""));
        int exit = status == TrainingStatus.DIVERGED ? 1 : 0;
        if (modelFile != null && status != TrainingStatus.DIVERGED) {
            try {
                Files.write(
                        Paths.get(modelFile),
                        trainer.toModel((float) testAccuracy).toBytes());
                out.println("saved model to " + modelFile);
            } catch (IOException e) {
                err.println(Main.PROGRAM + ": cannot write " + modelFile + ": " + e.getMessage());
                exit = 1;
            }
        }
        out.println(String.format(
                Locale.ROOT,
                "test_accuracy=%.4f examples_per_second=%.0f",
                testAccuracy,
                trainer.examplesSeen() / (trainingNanos / 1e9)));
        return exit;
    }
}

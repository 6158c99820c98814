package digitlab.core.session;

import digitlab.core.model.Model;
import digitlab.core.model.TrainingMetadata;
import digitlab.core.nn.LayerGrammar;
import digitlab.core.run.TrainingConfig;
import digitlab.core.text.PlainNumber;
import digitlab.core.train.Divergence;
import digitlab.core.train.TrainingStatus;
import digitlab.core.view.Format;
import java.util.List;

/**
 * Where the run stands as the page knows it from the worker's reports, and the status line for that: one
 * sentence plus a {@code data-state} hook ({@code loading}, {@code ready}, {@code training}, {@code paused},
 * {@code done}, {@code warning}, {@code error}) that the browser tests wait for. Also the sentences the
 * worker writes about a loaded model file. Pure, so JUnit checks every sentence.
 */
public final class RunStatus {
    /** A status line: its {@code data-state} hook and its sentence. */
    public record Line(String state, String text) {}

    private int shardsLoaded;
    private int shardsTotal;
    private boolean networkReady;
    private int parameters;
    /** Where the current network's weights came from: null for fresh ones, else a description. */
    private String loadedFrom;
    /** What of the loaded file's run settings did not apply, or null. */
    private String settingsNote;

    private RunPhase phase = RunPhase.LOADING;
    /** The trainer's status; null before there is a trainer. */
    private TrainingStatus status;
    /** Why the run stopped, when it diverged. */
    private Divergence divergence;

    private int epochs;
    private int steps;
    /** Workers training, as the last progress report said. */
    private int workers;

    /** Shards downloaded so far, of {@code total}. */
    public void data(int loaded, int total) {
        shardsLoaded = loaded;
        shardsTotal = total;
    }

    /** The worker built a network of {@code parameters}, with fresh weights or {@code loadedFrom} a file. */
    public void configured(int parameters, String loadedFrom, String settingsNote) {
        networkReady = true;
        phase = RunPhase.READY;
        status = TrainingStatus.RUNNING;
        divergence = null;
        this.parameters = parameters;
        this.loadedFrom = loadedFrom;
        this.settingsNote = settingsNote;
        epochs = 0;
        steps = 0;
    }

    /**
     * A progress report. Returns true if the status line should be refreshed: the phase or the stop reason
     * changed, or the run is paused (its step count is in the sentence).
     */
    public boolean progress(
            RunPhase phase, TrainingStatus status, Divergence divergence, int epochs, int steps, int workers) {
        boolean changed = phase != this.phase || status != this.status;
        this.phase = phase;
        this.status = status;
        this.divergence = divergence;
        this.epochs = epochs;
        this.steps = steps;
        this.workers = workers;
        return changed || phase == RunPhase.PAUSED;
    }

    public RunPhase phase() {
        return phase;
    }

    /**
     * True if the network holds learning that building a new one would throw away: it has taken steps, or
     * its weights came from a model file.
     */
    public boolean trained() {
        return networkReady && (steps > 0 || loadedFrom != null);
    }

    /** What building a new network would throw away, for the question asked first (see {@link #trained}). */
    public String trainedNetwork() {
        String trained = "the one trained for " + Format.grouped(steps) + (steps == 1 ? " step" : " steps");
        if (loadedFrom == null) {
            return trained;
        }
        return steps == 0 ? loadedFrom : loadedFrom + ", then trained for " + Format.grouped(steps) + " more steps";
    }

    /** True once the worker has built a network (it always has one after that). */
    public boolean networkReady() {
        return networkReady;
    }

    public boolean training() {
        return phase == RunPhase.TRAINING;
    }

    /** True if Train and Step can go on: a network that is neither training nor stopped. */
    public boolean canTrain() {
        return networkReady && (phase == RunPhase.READY || phase == RunPhase.PAUSED);
    }

    public boolean diverged() {
        return phase == RunPhase.STOPPED && status == TrainingStatus.DIVERGED;
    }

    /**
     * The status line for the run of {@code config}; {@code atChance}: the accuracy shown is no better than
     * guessing (a finished run then warns).
     */
    public Line line(TrainingConfig config, boolean atChance) {
        String loading =
                shardsLoaded < shardsTotal ? " Loading MNIST: " + shardsLoaded + " of " + shardsTotal + " shards." : "";
        String network = network(config);
        return switch (phase) {
            case LOADING -> new Line("loading", loading.isEmpty() ? "Loading MNIST…" : loading.trim());
            case READY -> new Line(
                    "ready",
                    (loadedFrom != null
                                    ? "Loaded " + loadedFrom + ": " + network + " with " + parameters
                                            + " parameters. Train continues"
                                            + " from it; Reset starts afresh with these settings."
                                            + (settingsNote != null ? " " + settingsNote : "")
                                    : "New network " + network + " with " + parameters
                                            + " parameters. Press Train, or Step for one mini-batch.")
                            + loading);
            case TRAINING -> new Line(
                    "training",
                    "Training " + network + (workers > 1 ? " on " + workers + " workers (data-parallel)" : "") + "…"
                            + loading);
            case PAUSED -> new Line("paused", "Paused after " + steps + " steps." + loading);
            case STOPPED -> stopped(config, atChance);
                // Never taken; written out because javac's implicit default throws an error class that the
                // browser builds may not have.
            default -> throw new IllegalStateException("unknown phase " + phase);
        };
    }

    private Line stopped(TrainingConfig config, boolean atChance) {
        return switch (status) {
                // Derived from the state (not a pinned error): every refresh while diverged says it again.
            case DIVERGED -> new Line(
                    "error",
                    "Training diverged and was stopped after " + steps + " steps: "
                            + (divergence != null ? divergence : Divergence.NOT_FINITE).explanation()
                            + ". Lower the learning rate and press Reset to start again.");
            case FINISHED -> new Line(
                    atChance ? "warning" : "done",
                    "Finished " + done(config)
                            + (atChance
                                    ? ", but the accuracy is at chance level: the network has not learned. Try another"
                                            + " learning rate and press Reset."
                                    : "."));
            case TARGET_REACHED -> new Line(
                    "done", "The validation images reached the target accuracy after " + done(config) + ".");
            case PLATEAU -> new Line("done", "Stopped: no improvement for " + config.patience() + " epochs.");
            case CONVERGED -> new Line("done", "Converged after " + epochs + " iterations.");
            default -> throw new IllegalStateException("not a stop reason: " + status); // RUNNING
        };
    }

    /** "3 epochs", or "40 iterations" for the full-batch methods. */
    private String done(TrainingConfig config) {
        String unit = config.optimizer().fullBatch() ? " iteration" : " epoch";
        return epochs + unit + (epochs == 1 ? "" : "s");
    }

    /** The network's layers, e.g. {@code 784-128-10} or {@code 784-c8k5-p2-10}. */
    public static String network(TrainingConfig config) {
        return LayerGrammar.format(config.layers(), '-');
    }

    /** What the page says about settings in its address that it set aside (never empty {@code problems}). */
    public static String badAddress(List<String> problems) {
        return problems.size() == 1
                ? "The address has a bad setting (" + problems.get(0) + "): it takes its default; the rest of the"
                        + " address applies."
                : "The address has bad settings (" + String.join("; ", problems) + "): they take their defaults;"
                        + " the rest of the address applies.";
    }

    /** Why a run trains in fewer workers than asked: {@code left} replica workers did not start in time. */
    public static String workersLeftOut(int left, double seconds) {
        return (left == 1 ? "A training worker" : left + " training workers") + " did not start within "
                + PlainNumber.of((float) seconds) + " s: this run trains without "
                + (left == 1 ? "it" : "them") + ", so it is not the run its seed and worker count give.";
    }

    /** How the page names a loaded model: "a model trained for 3 epochs on 180000 examples". */
    public static String modelOrigin(TrainingMetadata metadata) {
        if (metadata == null) {
            return "a saved model";
        }
        return "a model trained for " + metadata.epochs() + (metadata.epochs() == 1 ? " epoch" : " epochs") + " on "
                + metadata.examplesSeen() + " examples";
    }

    /** What the page adds about a loaded model's run settings; null when the file's settings apply in full. */
    public static String settingsNote(Model model) {
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
}

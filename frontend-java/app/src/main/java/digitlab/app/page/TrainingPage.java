package digitlab.app.page;

import digitlab.app.browser.PageUrl;
import digitlab.app.draw.DrawPanel;
import digitlab.app.protocol.Command;
import digitlab.app.protocol.Commands;
import digitlab.app.protocol.Report;
import digitlab.app.views.ActivationsView;
import digitlab.app.views.ConfusionView;
import digitlab.app.views.MistakesView;
import digitlab.app.views.WeightsView;
import digitlab.core.data.Digits;
import digitlab.core.draw.StoredDigits;
import digitlab.core.nn.Divergence;
import digitlab.core.run.RunQuery;
import digitlab.core.run.RunSettings;
import digitlab.core.run.TrainingConfig;
import digitlab.core.text.Text;
import org.teavm.jso.dom.html.HTMLButtonElement;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;

/**
 * The live-training screen's controller: it turns button presses and settings changes into worker
 * commands, and worker reports into readouts and views. It never trains; the worker does.
 */
final class TrainingPage {
    private static final int MISTAKES_SHOWN = 60;
    /** "Another image" walks through the first test images. */
    private static final int TEST_SAMPLE = 1000;

    private final StatusLine status;
    private final SettingsForm settings;
    private final Readouts readouts;
    private final HTMLButtonElement train;
    private final HTMLButtonElement pause;
    private final HTMLButtonElement step;
    private final HTMLButtonElement reset;
    private final RunQuery query;
    private final WorkerClient worker;
    private final Curves curves;
    private final WeightsView weights;
    private final ConfusionView confusion;
    private final MistakesView mistakes;
    private final ActivationsView activations;
    private final ModelPanel models;
    private final DrawPanel drawing;
    /** Where the current network's weights came from: null for fresh ones, else a description. */
    private String loadedFrom;
    /** What of the loaded file's run settings did not apply, or null. */
    private String settingsNote;

    private String loadingSource;

    /** The test images, for pictures of mistakes and of the inspected example; null until loaded. */
    private Digits testImages;

    private SampleGridView samples;
    private Report pendingEvaluation;
    private Report pendingInspection;
    private int inspected;
    private boolean sentPersonalDigits;

    private TrainingConfig config;
    private boolean networkReady;
    private String state = "loading";
    /** Why the run stopped, when {@link #state} is "diverged". */
    private Divergence divergence;

    private int shardsLoaded;
    /** Workers training, as the last progress report said. */
    private int workers;

    private int shardsTotal;
    private int parameters;
    private int epochsDone;
    private int steps;

    TrainingPage(HTMLDocument document, StatusLine status, String target) {
        this.status = status;
        this.readouts = new Readouts(document);
        this.train = button(document, "train");
        this.pause = button(document, "pause");
        this.step = button(document, "step");
        this.reset = button(document, "reset");
        this.query = new RunQuery(PageUrl.query());
        this.settings = new SettingsForm(document, this::settingsChanged);
        this.curves = new Curves(document);
        this.weights = new WeightsView((HTMLCanvasElement) document.getElementById("weights"));
        this.mistakes = new MistakesView(document.getElementById("mistakes"), MISTAKES_SHOWN);
        this.confusion = new ConfusionView(document.getElementById("confusion"), mistakes::filter);
        this.activations = new ActivationsView(document.getElementById("activations"));

        TrainingConfig fromUrl;
        try {
            fromUrl = query.config();
        } catch (IllegalArgumentException e) {
            status.error("The address has a bad setting (" + e.getMessage() + "): using the defaults.");
            fromUrl = TrainingConfig.defaults();
        }
        config = fromUrl;
        settings.show(config);

        worker = new WorkerClient(target, this::onReport);
        int workers = 0;
        try {
            workers = query.workers();
        } catch (IllegalArgumentException e) {
            status.error("The address has a bad setting (" + e.getMessage() + "): choosing the workers automatically.");
        }
        worker.send(Commands.setWorkers(workers));
        worker.send(Commands.configure(config.toQuery()));
        models = new ModelPanel(document, worker, status, new ModelPanel.Listener() {
            @Override
            public String shareQuery(String modelId) {
                query.setPageParam("model", modelId);
                PageUrl.replaceQuery(query.with(config));
                return query.with(config);
            }

            @Override
            public void loadingModel(String source) {
                loadingSource = source;
                status.show("loading", "Loading the model from " + ("link".equals(source) ? "the link" : source) + "…");
            }
        });
        drawing = new DrawPanel(document, input -> worker.send(Commands.predictDrawing(input)));
        drawing.setPersonalDigitsListener(this::sendPersonalDigits);
        sendPersonalDigits();
        String sharedModel = query.pageParam("model");
        if (sharedModel != null) {
            models.loadShared(sharedModel);
        }

        train.onClick(event -> act(Commands.of(Command.TRAIN)));
        pause.onClick(event -> act(Commands.of(Command.PAUSE)));
        step.onClick(event -> act(Commands.of(Command.STEP)));
        reset.onClick(event -> act(Commands.configure(config.toQuery())));
        mistakes.setListener(this::inspect);
        document.getElementById("next-example").onClick(event -> inspect((inspected + 1) % TEST_SAMPLE));
        updateButtons();
    }

    /** The test images arrived (the page loads them itself, from the browser's cache when it can). */
    void setTestImages(Digits test) {
        testImages = test;
        if (pendingEvaluation != null) {
            showEvaluation(pendingEvaluation);
        }
        if (pendingInspection != null) {
            showInspection(pendingInspection);
        }
    }

    /** The sample grid is drawn; it shows predictions after each evaluation. */
    void setSamples(SampleGridView view) {
        samples = view;
    }

    /** A button press: whatever went wrong before is old news now. */
    private void act(Command command) {
        status.clearError();
        worker.send(command);
    }

    /** The person's digits go to the worker, which mixes them into training. */
    private void sendPersonalDigits() {
        Digits mine = drawing.personalDigits();
        if (mine.count() > 0 || sentPersonalDigits) {
            worker.send(Commands.setPersonalDigits(StoredDigits.exportFile(mine)));
            sentPersonalDigits = true;
        }
    }

    private void inspect(int index) {
        inspected = index;
        worker.send(Commands.inspect(index));
    }

    private static HTMLButtonElement button(HTMLDocument document, String id) {
        return (HTMLButtonElement) document.getElementById(id);
    }

    /** A settings control changed: the learning rate applies live, anything else builds a new network. */
    private void settingsChanged() {
        TrainingConfig next;
        try {
            next = settings.read();
        } catch (IllegalArgumentException e) {
            status.error("Check the settings: " + e.getMessage());
            return;
        }
        if (next.equals(config)) {
            return;
        }
        status.clearError();
        settings.showApplicable(next.optimizer());
        // The learning rate and the planned epochs (iterations) change the running network; anything else
        // builds a new one.
        boolean live = next.equals(config.with(RunSettings.LR, next.learningRate())
                .with(RunSettings.EPOCHS, next.epochs())
                .with(RunSettings.ITERS, next.iterations()));
        boolean rateChanged = next.learningRate() != config.learningRate();
        boolean plannedChanged = next.planned() != config.planned();
        config = next;
        PageUrl.replaceQuery(query.with(config));
        if (!live) {
            worker.send(Commands.configure(config.toQuery()));
            return;
        }
        if (rateChanged) {
            worker.send(Commands.setLearningRate(next.learningRate()));
        }
        if (plannedChanged) {
            worker.send(Commands.setEpochs(next.planned()));
        }
    }

    private void onReport(Report report) {
        switch (report.getType()) {
            case Report.DATA -> {
                shardsLoaded = report.getLoaded();
                shardsTotal = report.getTotal();
                readouts.loading(shardsLoaded, shardsTotal);
                refreshStatus();
            }
            case Report.CONFIGURED -> {
                networkReady = true;
                state = "ready";
                parameters = report.getParameters();
                loadedFrom = report.getMessage();
                settingsNote = report.getNote();
                if (loadedFrom != null) {
                    // The file's run settings when it has them (the worker took them), else ours with its shape.
                    config = TrainingConfig.fromQuery(report.getQuery());
                    settings.show(config);
                    if (!"link".equals(loadingSource)) {
                        query.setPageParam("model", null); // a file has no link; the address shows its settings
                    }
                    loadingSource = null;
                } else if (loadingSource == null) {
                    query.setPageParam("model", null); // fresh weights: the address no longer names a model
                }
                PageUrl.replaceQuery(query.with(config));
                readouts.clear();
                curves.startRun(
                        describe(config) + ", " + config.optimizer().id() + " lr " + config.learningRate(),
                        config.optimizer().fullBatch());
                refreshStatus();
                inspect(inspected);
            }
            case Report.PROGRESS -> {
                String previous = state;
                state = report.getState();
                divergence = report.getMessage() != null ? Divergence.fromId(report.getMessage()) : null;
                epochsDone = report.getEpoch();
                steps = report.getSteps();
                workers = report.getWorkers();
                readouts.progress(report, config);
                curves.add(report);
                curves.redraw();
                if (!state.equals(previous) || "paused".equals(state)) {
                    refreshStatus();
                }
            }
            case Report.WEIGHTS -> {
                weights.show(report.getFloats().copyToJavaArray(), report.getUnits(), report.getInputs());
                inspect(inspected); // the activations follow the weights: live while training, final after
                drawing.refresh(); // and so does the prediction for the drawing on the pad
            }
            case Report.EVALUATION -> showEvaluation(report);
            case Report.INSPECTION -> showInspection(report);
            case Report.MODEL -> models.onModel(report);
            case Report.DRAWING -> drawing.showActivations(
                    report.getInts().copyToJavaArray(), report.getFloats().copyToJavaArray());
            case Report.PREDICTIONS -> {
                if (samples != null) {
                    samples.showPredictions(report.getInts().copyToJavaArray());
                }
            }
            case Report.ERROR -> status.error(report.getMessage());
            default -> {}
        }
        updateButtons();
    }

    private void showEvaluation(Report report) {
        if (samples != null) {
            worker.send(Commands.classifyTraining(samples.indices()));
        }
        int[] ints = report.getInts().copyToJavaArray();
        confusion.show(ints, 0);
        if (testImages == null) {
            pendingEvaluation = report;
            return;
        }
        pendingEvaluation = null;
        int classes = 10;
        int wrong = ints.length - classes * classes;
        mistakes.show(
                testImages, ints, classes * classes, wrong, report.getFloats().copyToJavaArray(), classes);
    }

    private void showInspection(Report report) {
        if (testImages == null || report.getIndex() >= testImages.count()) {
            pendingInspection = report;
            return;
        }
        pendingInspection = null;
        activations.show(
                testImages,
                report.getIndex(),
                report.getInts().copyToJavaArray(),
                report.getFloats().copyToJavaArray());
    }

    /** One sentence for where things stand: the worker's state, plus data still loading. */
    private void refreshStatus() {
        String loading =
                shardsLoaded < shardsTotal ? " Loading MNIST: " + shardsLoaded + " of " + shardsTotal + " shards." : "";
        String network = describe(config);
        switch (state) {
            case "loading" -> status.show("loading", loading.isEmpty() ? "Loading MNIST…" : loading.trim());
            case "ready" -> status.show(
                    "ready",
                    (loadedFrom != null
                                    ? "Loaded " + loadedFrom + ": " + network + " with " + parameters
                                            + " parameters. Train continues"
                                            + " from it; Reset starts afresh with these settings."
                                            + (settingsNote != null ? " " + settingsNote : "")
                                    : "New network " + network + " with " + parameters
                                            + " parameters. Press Train, or Step for one mini-batch.")
                            + loading);
            case "training" -> status.show(
                    "training",
                    "Training " + network + (workers > 1 ? " on " + workers + " workers (data-parallel)" : "") + "…"
                            + loading);
            case "paused" -> status.show("paused", "Paused after " + steps + " steps." + loading);
                // Derived from the state (not a pinned error): every refresh while diverged says it again.
            case "diverged" -> status.show(
                    "error",
                    "Training diverged and was stopped after " + steps + " steps: "
                            + (divergence != null ? divergence : Divergence.NOT_FINITE).explanation()
                            + ". Lower the learning rate and press Reset to start again.");
            case "finished" -> status.show(
                    readouts.atChance() ? "warning" : "done",
                    "Finished " + done()
                            + (readouts.atChance()
                                    ? ", but the accuracy is at chance level: the network has not learned. Try another"
                                            + " learning rate and press Reset."
                                    : "."));
            case "target_reached" -> status.show(
                    "done", "The validation images reached the target accuracy after " + done() + ".");
            case "plateau" -> status.show("done", "Stopped: no improvement for " + config.patience() + " epochs.");
            case "converged" -> status.show("done", "Converged after " + epochsDone + " iterations.");
            default -> status.show(state, state);
        }
    }

    /** "3 epochs", or "40 iterations" for the full-batch methods. */
    private String done() {
        String unit = config.optimizer().fullBatch() ? " iteration" : " epoch";
        return epochsDone + unit + (epochsDone == 1 ? "" : "s");
    }

    private void updateButtons() {
        boolean training = "training".equals(state);
        boolean canTrain = networkReady && ("ready".equals(state) || "paused".equals(state));
        train.setDisabled(!canTrain);
        pause.setDisabled(!training);
        step.setDisabled(!canTrain);
        reset.setDisabled(!networkReady);
        models.setNetwork(networkReady && !training, describe(config));
        reset.setClassName("diverged".equals(state) ? "attention" : "");
    }

    private static String describe(TrainingConfig config) {
        return Text.join(config.layers(), '-');
    }
}

package digitlab.app.page;

import digitlab.app.browser.PageUrl;
import digitlab.app.draw.DrawPanel;
import digitlab.app.protocol.Command;
import digitlab.app.protocol.Commands;
import digitlab.app.protocol.EnumWire;
import digitlab.app.protocol.Report;
import digitlab.app.protocol.Reports;
import digitlab.app.views.FiltersView;
import digitlab.app.views.NetworkDiagramView;
import digitlab.app.views.WeightsView;
import digitlab.core.data.Digits;
import digitlab.core.data.InputFrame;
import digitlab.core.draw.StoredDigits;
import digitlab.core.run.RunQuery;
import digitlab.core.run.RunSettings;
import digitlab.core.run.TrainingConfig;
import digitlab.core.session.RunStatus;
import digitlab.core.share.Lesson;
import digitlab.core.share.ShareLink;
import digitlab.core.view.FocusFallback;
import digitlab.core.view.LayerOutline;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.dom.html.HTMLButtonElement;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The live-training screen's controller: it turns button presses and settings changes into worker
 * commands, and worker reports into readouts and views. It never trains; the worker does.
 */
final class TrainingPage {
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
    private final FiltersView filters;
    private final EvaluationViews evaluation;
    private final ModelPanel models;
    private final DrawPanel drawing;
    private final RebuildGuard rebuildGuard;
    private final NetworkDiagramView diagram;
    /** Where the run stands, from the worker's reports, and the status line for it. */
    private final RunStatus run = new RunStatus();

    private String loadingSource;
    private boolean sentPersonalDigits;

    private TrainingConfig config;

    TrainingPage(HTMLDocument document, StatusLine status, String target) {
        this.status = status;
        this.readouts = new Readouts(document);
        this.train = button(document, "train");
        this.pause = button(document, "pause");
        this.step = button(document, "step");
        this.reset = button(document, "reset");
        this.query = new RunQuery(PageUrl.query());
        this.settings = new SettingsForm(document, new GlossaryHelp(document), this::settingsChanged);
        this.rebuildGuard = new RebuildGuard(document, this::rebuild, () -> settings.show(config));
        this.curves = new Curves(document);
        this.weights = new WeightsView((HTMLCanvasElement) document.getElementById("weights"));
        this.filters = new FiltersView(document.getElementById("filters"));

        List<String> problems = new ArrayList<>();
        config = query.config(problems);
        if (!problems.isEmpty()) {
            status.error(RunStatus.badAddress(problems));
        }
        settings.show(config);
        List<String> lessonProblems = new ArrayList<>();
        Lesson lesson = Lesson.read(query, lessonProblems);
        LessonView.show(document, lesson);
        if (!lessonProblems.isEmpty()) {
            status.warn(String.join(" ", lessonProblems));
        }

        worker = new WorkerClient(target, this::onReport);
        evaluation = new EvaluationViews(document, worker);
        int workers = 0;
        try {
            workers = query.workers();
        } catch (IllegalArgumentException e) {
            status.error("The address has a bad setting (" + e.getMessage() + "): choosing the workers automatically.");
        }
        worker.send(Commands.setWorkers(workers));
        worker.send(Commands.configure(config.toQuery()));
        models = new ModelPanel(document, worker, status, lesson, new ModelPanel.Listener() {
            @Override
            public void shared(String modelId) {
                query.setPageParam(ShareLink.MODEL, modelId);
                PageUrl.replaceQuery(query.with(config));
            }

            @Override
            public void loadingModel(String source) {
                loadingSource = source;
                status.show("loading", "Loading the model from " + ("link".equals(source) ? "the link" : source) + "…");
            }
        });
        drawing = new DrawPanel(document, input -> worker.send(Commands.predictDrawing(input)));
        drawing.setPersonalDigitsListener(this::sendPersonalDigits);
        diagram = new NetworkDiagramView(document, (layer, node) -> worker.send(Commands.nodeWeights(layer, node)));
        drawing.setClearedListener(diagram::drawingCleared);
        evaluation.setDiagram(diagram);
        sendPersonalDigits();
        String sharedModel = query.pageParam(ShareLink.MODEL);
        if (sharedModel != null) {
            models.loadShared(sharedModel);
        }

        train.onClick(event -> act(Commands.of(Command.TRAIN)));
        pause.onClick(event -> act(Commands.of(Command.PAUSE)));
        step.onClick(event -> act(Commands.of(Command.STEP)));
        reset.onClick(event -> act(Commands.configure(config.toQuery())));
        updateButtons();
    }

    /** The test images arrived (the page loads them itself, from the browser's cache when it can). */
    void setTestImages(Digits test) {
        evaluation.setTestImages(test);
    }

    /** The sample grid is drawn; it shows predictions after each evaluation. */
    void setSamples(SampleGridView view) {
        evaluation.setSamples(view);
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

    private static HTMLButtonElement button(HTMLDocument document, String id) {
        return (HTMLButtonElement) document.getElementById(id);
    }

    /** A settings control changed: the learning rate applies live, anything else builds a new network. */
    private void settingsChanged() {
        TrainingConfig next;
        try {
            next = settings.read();
        } catch (IllegalArgumentException e) {
            String key = settings.firstInvalidKey();
            status.error("Check the settings: " + e.getMessage()
                    + (key == null
                            ? "."
                            : ". The run keeps " + key + " " + config.toMap().get(key) + "."));
            return;
        }
        status.clearError(); // a good value ends the complaint about a bad one
        refreshStatus();
        if (next.equals(config)) {
            rebuildGuard.dismiss(); // changed back by hand: nothing waits any more
            return;
        }
        settings.showApplicable(next.optimizer());
        // The learning rate and the planned epochs (iterations) change the running network; anything else
        // builds a new one, which throws away what this one learned: that waits for a yes.
        boolean live = next.equals(config.with(RunSettings.LR, next.learningRate())
                .with(RunSettings.EPOCHS, next.epochs())
                .with(RunSettings.ITERS, next.iterations()));
        if (!live && run.trained()) {
            rebuildGuard.ask(next, run.trainedNetwork());
            return;
        }
        rebuildGuard.dismiss();
        if (!live) {
            rebuild(next);
            return;
        }
        boolean rateChanged = next.learningRate() != config.learningRate();
        boolean plannedChanged = next.planned() != config.planned();
        config = next;
        PageUrl.replaceQuery(query.with(config));
        if (rateChanged) {
            worker.send(Commands.setLearningRate(next.learningRate()));
            curves.rateChanged(next.learningRate());
        }
        if (plannedChanged) {
            worker.send(Commands.setEpochs(next.planned()));
        }
    }

    /** A new network with the settings {@code next}. */
    private void rebuild(TrainingConfig next) {
        config = next;
        PageUrl.replaceQuery(query.with(config));
        worker.send(Commands.configure(config.toQuery()));
    }

    private void onReport(Report report) {
        switch (report.getType()) {
            case Report.DATA -> {
                Report.Data data = (Report.Data) report;
                run.data(data.getLoaded(), data.getTotal());
                readouts.loading(data.getLoaded(), data.getTotal());
                refreshStatus();
            }
            case Report.CONFIGURED -> onConfigured((Report.Configured) report);
            case Report.PROGRESS -> onProgress((Report.Progress) report);
            case Report.WEIGHTS -> {
                Report.Weights first = (Report.Weights) report;
                weights.show(
                        first.getWeights().copyToJavaArray(),
                        first.getUnits(),
                        first.getInputs(),
                        first.getKernel(),
                        first.getChannels());
                evaluation.refresh(); // the activations follow the weights: live while training, final after
                drawing.refresh(); // and so does the prediction for the drawing on the pad
                diagram.refresh(); // and the weights around the diagram's selected node
            }
            case Report.FILTERS -> {
                Report.Filters convolutions = (Report.Filters) report;
                filters.show(
                        convolutions.getFilterShapes().copyToJavaArray(),
                        convolutions.getWeights().copyToJavaArray());
            }
            case Report.EVALUATION -> evaluation.showEvaluation((Report.Evaluation) report);
            case Report.INSPECTION -> evaluation.showInspection((Report.Inspection) report);
            case Report.MODEL -> models.onModel((Report.ModelFile) report);
            case Report.DRAWING -> {
                Report.Drawing answer = (Report.Drawing) report;
                LayerOutline outline = Reports.outline(answer);
                float[] values = answer.getActivations().copyToJavaArray();
                drawing.showActivations(outline, values);
                if (drawing.hasDrawing()) {
                    diagram.showDrawing(outline, values);
                }
            }
            case Report.PREDICTIONS -> evaluation.showPredictions((Report.Predictions) report);
            case Report.NODE_WEIGHTS -> {
                Report.NodeWeights around = (Report.NodeWeights) report;
                diagram.showNodeWeights(
                        around.getLayers(),
                        around.getLayer(),
                        around.getNode(),
                        around.getIncoming().copyToJavaArray(),
                        around.getOutgoing().copyToJavaArray());
            }
            case Report.ERROR -> status.error(((Report.Failure) report).getMessage());
            default -> {}
        }
        updateButtons();
    }

    private void onConfigured(Report.Configured report) {
        if (rebuildGuard.asking()) {
            rebuildGuard.dismiss(); // a new network came another way (Reset, a model file): the form shows it
            settings.show(config);
        }
        run.configured(report.getParameters(), report.getLoadedFrom(), report.getNote());
        if (report.getLoadedFrom() != null) {
            // The file's run settings when it has them (the worker took them), else ours with its shape.
            config = TrainingConfig.fromQuery(report.getQuery());
            settings.show(config);
            if (!"link".equals(loadingSource)) {
                query.setPageParam(ShareLink.MODEL, null); // a file has no link; the address shows its settings
            }
            loadingSource = null;
        } else if (loadingSource == null) {
            query.setPageParam(ShareLink.MODEL, null); // fresh weights: the address no longer names a model
        }
        PageUrl.replaceQuery(query.with(config));
        drawing.setInputFrame(InputFrame.ofSize(config.architecture().inputSize()));
        readouts.clear();
        curves.startRun(config);
        refreshStatus();
        evaluation.refresh();
    }

    private void onProgress(Report.Progress report) {
        boolean refresh = run.progress(
                EnumWire.phase(report),
                EnumWire.status(report),
                EnumWire.divergence(report),
                report.getEpoch(),
                report.getSteps(),
                report.getWorkers());
        readouts.progress(report, config);
        curves.add(report);
        curves.redraw();
        if (refresh) {
            refreshStatus();
        }
    }

    /** One sentence for where things stand: the worker's state, plus data still loading. */
    private void refreshStatus() {
        RunStatus.Line line = run.line(config, readouts.atChance());
        status.show(line.state(), line.text());
    }

    private void updateButtons() {
        HTMLButtonElement[] row = {train, pause, step, reset};
        int focused = focusedIndex(row);
        boolean training = run.training();
        train.setDisabled(!run.canTrain());
        pause.setDisabled(!training);
        step.setDisabled(!run.canTrain());
        reset.setDisabled(!run.networkReady());
        models.setNetwork(run.networkReady() && !training, RunStatus.network(config));
        reset.setClassName(run.diverged() ? "attention" : "");
        // The panels' notes on what they will show stay until the network has learned something (app.css).
        HTMLDocument.current().getBody().setAttribute("data-trained", run.trained() ? "true" : "false");
        if (focused >= 0 && row[focused].isDisabled()) {
            keepFocusIn(row, focused);
        }
    }

    /** Which of {@code row} has the keyboard focus, or -1. */
    private static int focusedIndex(HTMLButtonElement[] row) {
        HTMLElement focused = HTMLDocument.current().getActiveElement();
        String focusedId = focused == null ? null : focused.getId();
        for (int i = 0; i < row.length; i++) {
            if (row[i].getId().equals(focusedId)) {
                return i;
            }
        }
        return -1;
    }

    /** The focused button was just disabled: the focus goes to the nearest one still enabled. */
    private static void keepFocusIn(HTMLButtonElement[] row, int focused) {
        boolean[] enabled = new boolean[row.length];
        for (int i = 0; i < row.length; i++) {
            enabled[i] = !row[i].isDisabled();
        }
        int next = FocusFallback.nearestEnabled(enabled, focused);
        if (next != FocusFallback.NONE) {
            row[next].focus();
        }
    }
}

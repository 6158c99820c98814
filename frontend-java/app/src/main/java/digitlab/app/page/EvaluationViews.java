package digitlab.app.page;

import digitlab.app.browser.Screen;
import digitlab.app.protocol.Commands;
import digitlab.app.protocol.Report;
import digitlab.app.protocol.Reports;
import digitlab.app.views.ActivationsView;
import digitlab.app.views.ConfusionView;
import digitlab.app.views.MistakesView;
import digitlab.app.views.NetworkDiagramView;
import digitlab.core.data.Digits;
import digitlab.core.view.LayerOutline;
import org.teavm.jso.dom.html.HTMLDocument;

/**
 * What the page shows of the network's answers: each test-set evaluation as the confusion matrix, the
 * mistakes and the sample grid's predictions, and every layer's activations for one test image (a mistake
 * chosen, or "Another image"). The page loads the test images itself; answers that arrive before them wait.
 */
final class EvaluationViews {
    private static final int MISTAKES_SHOWN = 60;
    /**
     * Mistakes come a few rows at a time ("Show more"), so the confusion card stays about as tall as its
     * neighbours and a phone's page stays short.
     */
    private static final int MISTAKES_AT_FIRST = 20;

    private static final int MISTAKES_AT_FIRST_ON_NARROW = 12;
    /** "Another image" walks through the first test images. */
    private static final int TEST_SAMPLE = 1000;

    private final WorkerClient worker;
    private final ConfusionView confusion;
    private final MistakesView mistakes;
    private final ActivationsView activations;

    /** The test images, for pictures of mistakes and of the inspected example; null until loaded. */
    private Digits testImages;

    private SampleGridView samples;
    /** Shows the inspected image's values too; null until set. */
    private NetworkDiagramView diagram;

    private Report.Evaluation pendingEvaluation;
    private Report.Inspection pendingInspection;
    /** The test image whose activations are shown. */
    private int inspected;

    EvaluationViews(HTMLDocument document, WorkerClient worker) {
        this.worker = worker;
        mistakes = new MistakesView(document.getElementById("mistakes"), MISTAKES_SHOWN);
        mistakes.setPageSize(Screen.narrow() ? MISTAKES_AT_FIRST_ON_NARROW : MISTAKES_AT_FIRST);
        confusion = new ConfusionView(document.getElementById("confusion"), mistakes::filter);
        activations = new ActivationsView(document.getElementById("activations"));
        mistakes.setListener(this::inspect);
        document.getElementById("next-example").onClick(event -> inspect((inspected + 1) % TEST_SAMPLE));
    }

    /** The test images arrived (from the browser's cache when it can). */
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

    /** The network diagram, which colours its nodes with the inspected image's values. */
    void setDiagram(NetworkDiagramView view) {
        diagram = view;
    }

    /** Asks for the activations of the image shown again: the network changed. */
    void refresh() {
        inspect(inspected);
    }

    void showEvaluation(Report.Evaluation report) {
        if (samples != null) {
            worker.send(Commands.classifyTraining(samples.indices()));
        }
        confusion.show(report.getConfusion().copyToJavaArray());
        if (testImages == null) {
            pendingEvaluation = report;
            return;
        }
        pendingEvaluation = null;
        mistakes.show(
                testImages,
                report.getMistakes().copyToJavaArray(),
                report.getMistakeOutputs().copyToJavaArray(),
                report.getClasses());
    }

    void showInspection(Report.Inspection report) {
        if (testImages == null || report.getImage() >= testImages.count()) {
            pendingInspection = report;
            return;
        }
        pendingInspection = null;
        LayerOutline outline = Reports.outline(report);
        float[] values = report.getActivations().copyToJavaArray();
        activations.show(testImages, report.getImage(), outline, values);
        if (diagram != null) {
            diagram.showTestImage(outline, values, report.getImage(), report.getLabel());
        }
    }

    void showPredictions(Report.Predictions report) {
        if (samples != null) {
            samples.showPredictions(report.getPredicted().copyToJavaArray());
        }
    }

    private void inspect(int index) {
        inspected = index;
        worker.send(Commands.inspect(index));
    }
}

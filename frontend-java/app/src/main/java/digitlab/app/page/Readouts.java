package digitlab.app.page;

import digitlab.app.protocol.Report;
import digitlab.core.data.Mnist;
import digitlab.core.run.TrainingConfig;
import digitlab.core.train.DivergenceWatch;
import digitlab.core.view.Format;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The numbers in the run bar: test accuracy, validation accuracy, examples/second, epoch (iteration k of
 * N for the full-batch methods), steps, loss, and one progress bar. Each accuracy says which images it was
 * measured on; the test accuracy is only ever the whole test set's. The bar shows the images loading until
 * the first network is built, then only the run's progress (its label says which), so the two never mix.
 */
final class Readouts {
    /** The progress bar's labels, one per thing it can show. */
    private static final String LOADING_BAR = "MNIST images loaded";

    private static final String EPOCH_BAR = "Progress through the current epoch";
    private static final String ITERATIONS_BAR = "Iterations done of those planned";

    private final HTMLElement testAccuracy;
    private double lastShown = Double.NaN;
    /** Under the test accuracy: which images it was measured on, and how many. */
    private final HTMLElement testAccuracyBasis;

    private final HTMLElement validationAccuracy;
    private final HTMLElement validationAccuracyBasis;
    private final HTMLElement examplesPerSecond;
    private final HTMLElement workers;
    private final HTMLElement epoch;
    private final HTMLElement epochLabel;
    private final HTMLElement steps;
    private final HTMLElement loss;
    private final HTMLElement epochProgress;
    /** True once a network exists: from then on the bar shows the run's progress, never the loading. */
    private boolean showingRun;

    Readouts(HTMLDocument document) {
        testAccuracy = document.getElementById("test-accuracy");
        testAccuracyBasis = document.getElementById("test-accuracy-basis");
        validationAccuracy = document.getElementById("validation-accuracy");
        validationAccuracyBasis = document.getElementById("validation-accuracy-basis");
        examplesPerSecond = document.getElementById("examples-per-second");
        workers = document.getElementById("workers");
        epoch = document.getElementById("epoch");
        epochLabel = document.getElementById("epoch-label");
        steps = document.getElementById("steps");
        loss = document.getElementById("loss");
        epochProgress = document.getElementById("epoch-progress");
    }

    /** A new network: every figure back to its start, and the bar to the run's progress. */
    void clear() {
        showingRun = true;
        testAccuracy.setTextContent("–");
        testAccuracy.removeAttribute("data-source");
        testAccuracy.removeAttribute("data-level");
        lastShown = Double.NaN;
        testAccuracy.removeAttribute("title");
        testAccuracyBasis.setTextContent("after the first epoch");
        validationAccuracy.setTextContent("–");
        validationAccuracy.removeAttribute("data-level");
        validationAccuracyBasis.setTextContent("");
        examplesPerSecond.setTextContent("–");
        epoch.setTextContent("0");
        steps.setTextContent("0");
        loss.setTextContent("–");
        showBar("epoch", EPOCH_BAR, 0);
    }

    /** True if the accuracy shown last is no better than guessing. */
    boolean atChance() {
        return !Double.isNaN(lastShown) && DivergenceWatch.atChance(lastShown, Mnist.CLASSES);
    }

    /** Shards loaded so far: on the bar until the first network is built; the status line says it after. */
    void loading(int loaded, int total) {
        if (!showingRun && total > 0) {
            showBar("loading", LOADING_BAR, (double) loaded / total);
        }
    }

    private void showBar(String kind, String label, double value) {
        epochProgress.setAttribute("data-kind", kind);
        epochProgress.setAttribute("aria-label", label);
        epochProgress.setAttribute("value", String.valueOf(Math.max(0, Math.min(1, value))));
    }

    void progress(Report.Progress report, TrainingConfig config) {
        // The whole test set once it has been measured (the worker never measures part of it), and never a
        // stand-in for it: the images that steer training are the validation images, shown apart.
        double test = report.getTestAccuracy();
        if (!Double.isNaN(test)) {
            String images = Format.grouped(report.getTestImages());
            testAccuracy.setTextContent(Format.percent(test));
            testAccuracy.setAttribute("data-source", "test-set");
            testAccuracy.setAttribute(
                    "title",
                    "Accuracy on all " + images + " test images, measured after each "
                            + (config.optimizer().fullBatch() ? "iteration" : "epoch")
                            + " and when training stops; nothing"
                            + " that steers training looks at them");
            testAccuracyBasis.setTextContent("all " + images + " test images");
            showLevel(testAccuracy, test);
            lastShown = test;
        }
        double validation = report.getValidationAccuracy();
        if (!Double.isNaN(validation)) {
            String images = Format.grouped(report.getValidationImages());
            validationAccuracy.setTextContent(Format.percent(validation));
            validationAccuracy.setAttribute(
                    "title",
                    "Accuracy on the last " + images + " training images, held"
                            + " out of training and measured while it trains; the stop rules watch it");
            validationAccuracyBasis.setTextContent(images + " held-out images");
            showLevel(validationAccuracy, validation);
            if (Double.isNaN(test)) {
                lastShown = validation;
            }
        } else if (report.getValidationImages() == 0) {
            validationAccuracyBasis.setTextContent("none held out");
        }
        examplesPerSecond.setTextContent(
                report.getExamplesPerSecond() > 0 ? Format.grouped(Math.round(report.getExamplesPerSecond())) : "–");
        if (report.getWorkers() > 0) {
            workers.setTextContent(String.valueOf(report.getWorkers()));
        }
        if (config.optimizer().fullBatch()) {
            epochLabel.setTextContent("Iteration");
            epoch.setTextContent(report.getEpoch() + " of " + config.iterations());
        } else {
            epochLabel.setTextContent("Epoch");
            epoch.setTextContent(Format.fixed(report.getEpoch() + report.getEpochProgress(), 2));
        }
        steps.setTextContent(String.valueOf(report.getSteps()));
        loss.setTextContent(Double.isNaN(report.getLoss()) ? "–" : Format.fixed(report.getLoss(), 4));
        if (config.optimizer().fullBatch()) {
            showBar("iterations", ITERATIONS_BAR, (double) report.getEpoch() / Math.max(1, config.iterations()));
        } else {
            showBar("epoch", EPOCH_BAR, report.getEpochProgress());
        }
    }

    /** A figure no better than guessing is never shown in the colour of success. */
    private static void showLevel(HTMLElement figure, double accuracy) {
        figure.setAttribute("data-level", DivergenceWatch.atChance(accuracy, Mnist.CLASSES) ? "chance" : "learned");
    }
}

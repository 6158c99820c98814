package digitlab.app.page;

import digitlab.app.protocol.Report;
import digitlab.core.nn.DivergenceWatch;
import digitlab.core.view.Format;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/** The numbers in the run bar: test accuracy, examples/second, epoch, steps, loss, epoch progress. */
final class Readouts {
    private static final int CLASSES = 10;
    private final HTMLElement testAccuracy;
    private double lastShown = Double.NaN;
    /** Under the test accuracy: which images it was measured on, and how many. */
    private final HTMLElement testAccuracyBasis;
    private final HTMLElement examplesPerSecond;
    private final HTMLElement workers;
    private final HTMLElement epoch;
    private final HTMLElement steps;
    private final HTMLElement loss;
    private final HTMLElement epochProgress;

    Readouts(HTMLDocument document) {
        testAccuracy = document.getElementById("test-accuracy");
        testAccuracyBasis = document.getElementById("test-accuracy-basis");
        examplesPerSecond = document.getElementById("examples-per-second");
        workers = document.getElementById("workers");
        epoch = document.getElementById("epoch");
        steps = document.getElementById("steps");
        loss = document.getElementById("loss");
        epochProgress = document.getElementById("epoch-progress");
    }

    void clear() {
        testAccuracy.setTextContent("–");
        testAccuracy.removeAttribute("data-source");
        testAccuracy.removeAttribute("data-level");
        lastShown = Double.NaN;
        testAccuracy.removeAttribute("title");
        testAccuracyBasis.setTextContent("");
        examplesPerSecond.setTextContent("–");
        epoch.setTextContent("0");
        steps.setTextContent("0");
        loss.setTextContent("–");
        epochProgress.setAttribute("value", "0");
    }

    /** True if the accuracy shown last is no better than guessing. */
    boolean atChance() {
        return !Double.isNaN(lastShown) && DivergenceWatch.atChance(lastShown, CLASSES);
    }

    void loading(int loaded, int total) {
        if (loaded < total) {
            epochProgress.setAttribute("value", String.valueOf((double) loaded / total));
        }
    }

    void progress(Report report) {
        // The whole test set when it has been measured (the worker never measures part of it), the
        // held-out sample before that; each figure says which images it was measured on.
        double full = report.getTestAccuracy();
        double sample = report.getSampleAccuracy();
        double shown = !Double.isNaN(full) ? full : sample;
        if (!Double.isNaN(shown)) {
            // A figure no better than guessing is never shown in the colour of success.
            testAccuracy.setAttribute("data-level", DivergenceWatch.atChance(shown, CLASSES) ? "chance" : "learned");
            lastShown = shown;
        }
        if (!Double.isNaN(full)) {
            String images = Format.grouped(report.getTestImages());
            showTestAccuracy(full, "test-set", "all " + images + " test images",
                    "Accuracy on all " + images + " test images, measured after each epoch and when training stops");
        } else if (!Double.isNaN(sample)) {
            String images = Format.grouped(report.getSampleImages());
            showTestAccuracy(sample, "test-sample", "first " + images + " test images",
                    "Accuracy on the first " + images + " test images, measured while training; the whole test"
                    + " set is measured after each epoch, once all of it has loaded");
        }
        examplesPerSecond.setTextContent(report.getExamplesPerSecond() > 0
                ? Format.grouped(Math.round(report.getExamplesPerSecond())) : "–");
        if (report.getWorkers() > 0) {
            workers.setTextContent(String.valueOf(report.getWorkers()));
        }
        epoch.setTextContent(Format.fixed(report.getEpoch() + report.getEpochProgress(), 2));
        steps.setTextContent(String.valueOf(report.getSteps()));
        loss.setTextContent(Double.isNaN(report.getLoss()) ? "–" : Format.fixed(report.getLoss(), 4));
        epochProgress.setAttribute("value", String.valueOf(report.getEpochProgress()));
    }

    private void showTestAccuracy(double accuracy, String source, String basis, String title) {
        testAccuracy.setTextContent(Format.percent(accuracy));
        testAccuracy.setAttribute("data-source", source);
        testAccuracy.setAttribute("title", title);
        testAccuracyBasis.setTextContent(basis);
    }
}

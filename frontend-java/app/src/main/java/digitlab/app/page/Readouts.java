package digitlab.app.page;

import digitlab.app.protocol.Report;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/** The numbers in the run bar: test accuracy, examples/second, epoch, loss, epoch progress. */
final class Readouts {
    private final HTMLElement testAccuracy;
    private final HTMLElement examplesPerSecond;
    private final HTMLElement epoch;
    private final HTMLElement loss;
    private final HTMLElement epochProgress;

    Readouts(HTMLDocument document) {
        testAccuracy = document.getElementById("test-accuracy");
        examplesPerSecond = document.getElementById("examples-per-second");
        epoch = document.getElementById("epoch");
        loss = document.getElementById("loss");
        epochProgress = document.getElementById("epoch-progress");
    }

    void clear() {
        testAccuracy.setTextContent("–");
        testAccuracy.removeAttribute("data-source");
        examplesPerSecond.setTextContent("–");
        epoch.setTextContent("0");
        loss.setTextContent("–");
        epochProgress.setAttribute("value", "0");
    }

    void loading(int loaded, int total) {
        if (loaded < total) {
            epochProgress.setAttribute("value", String.valueOf((double) loaded / total));
        }
    }

    void progress(Report report) {
        // The full test set after each epoch when there is one, the held-out sample before that.
        double full = report.getTestAccuracy();
        double sample = report.getSampleAccuracy();
        if (!Double.isNaN(full)) {
            testAccuracy.setTextContent(Numbers.percent(full));
            testAccuracy.setAttribute("data-source", "test-set");
            testAccuracy.setAttribute("title", "Accuracy on all 10,000 test images after the last epoch");
        } else if (!Double.isNaN(sample)) {
            testAccuracy.setTextContent(Numbers.percent(sample));
            testAccuracy.setAttribute("data-source", "test-sample");
            testAccuracy.setAttribute("title", "Accuracy on 1,000 held-out test images, measured while training");
        }
        examplesPerSecond.setTextContent(report.getExamplesPerSecond() > 0
                ? Numbers.grouped(Math.round(report.getExamplesPerSecond())) : "–");
        epoch.setTextContent(Numbers.fixed(report.getEpoch() + report.getEpochProgress(), 2));
        loss.setTextContent(Double.isNaN(report.getLoss()) ? "–" : Numbers.fixed(report.getLoss(), 4));
        epochProgress.setAttribute("value", String.valueOf(report.getEpochProgress()));
    }
}

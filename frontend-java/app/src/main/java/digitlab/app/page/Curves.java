package digitlab.app.page;

import digitlab.app.browser.Theme;
import digitlab.app.protocol.Report;
import digitlab.app.views.LineChartView;
import digitlab.core.run.TrainingConfig;
import digitlab.core.view.RunLabel;
import digitlab.core.view.Series;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * The two learning-curve charts (loss; accuracy) over examples seen, and the curves of earlier runs of
 * this session kept as grey overlays labelled with what sets them apart ({@link RunLabel}), so runs can be
 * compared.
 */
final class Curves {
    private static final int POINTS = 2000;
    /** Earlier runs kept for comparison. */
    private static final int KEPT_RUNS = 3;

    private final LineChartView lossChart;
    private final LineChartView accuracyChart;
    private final HTMLInputElement keepRuns;
    private final List<Run> earlier = new ArrayList<>();
    private Run current;
    /** Runs started in this session, for their labels. */
    private int runs;

    /**
     * One run's series. The mini-batch figures are smoothed, since each batch is a noisy estimate; a
     * full-batch iteration's loss is the true training loss, so it is drawn as it is.
     */
    private static final class Run {
        final RunLabel label;
        final boolean fullBatch;
        /** Examples seen at the last report, where a live change of the rate takes effect. */
        double examplesSeen;

        final Series loss;
        final Series batchAccuracy;
        final Series validationAccuracy = new Series(POINTS);
        final Series testAccuracy = new Series(POINTS);

        Run(RunLabel label) {
            this.label = label;
            this.fullBatch = label.config().optimizer().fullBatch();
            loss = fullBatch ? new Series(POINTS) : new Series(POINTS, 0.98);
            batchAccuracy = fullBatch ? new Series(POINTS) : new Series(POINTS, 0.98);
        }
    }

    Curves(HTMLDocument document) {
        lossChart = new LineChartView(document.getElementById("loss-chart"), "Training loss");
        lossChart.setLogY(true);
        lossChart.setXLabel("examples seen");
        accuracyChart = new LineChartView(document.getElementById("accuracy-chart"), "Accuracy");
        accuracyChart.setPercentY(true);
        accuracyChart.setXLabel("examples seen");
        keepRuns = (HTMLInputElement) document.getElementById("keep-runs");
    }

    /** A new network: the current run becomes an overlay (if kept) and fresh series start. */
    void startRun(TrainingConfig config) {
        if (current != null && !current.loss.isEmpty() && keepRuns.isChecked()) {
            earlier.add(0, current);
            if (earlier.size() > KEPT_RUNS) {
                earlier.remove(KEPT_RUNS);
            }
        } else if (!keepRuns.isChecked()) {
            earlier.clear();
        }
        current = new Run(new RunLabel(++runs, config));
        rebuild();
    }

    void add(Report.Progress progress) {
        double x = progress.getExamplesSeen();
        if (x <= 0 || current == null) {
            return;
        }
        current.examplesSeen = x;
        if (current.fullBatch) {
            // One point per iteration (the worker reports each one), where it was measured.
            current.loss.addMeasurement(x, progress.getLoss());
            current.batchAccuracy.addMeasurement(x, progress.getBatchAccuracy());
        } else {
            current.loss.add(x, progress.getLoss());
            current.batchAccuracy.add(x, progress.getBatchAccuracy());
        }
        // One point where each accuracy was measured (the validation images every half second or so, the
        // test set at epoch end), not a copy at every report.
        current.validationAccuracy.addMeasurement(progress.getValidationSeen(), progress.getValidationAccuracy());
        current.testAccuracy.addMeasurement(progress.getTestSeen(), progress.getTestAccuracy());
    }

    /** The learning rate of the current run was changed while it went on. */
    void rateChanged(float rate) {
        if (current != null) {
            current.label.rateChanged(rate, current.examplesSeen);
        }
    }

    void redraw() {
        lossChart.redraw();
        accuracyChart.redraw();
    }

    private void rebuild() {
        lossChart.clearLines();
        accuracyChart.clearLines();
        lossChart.addLine(
                current.fullBatch ? "train loss (whole set, per iteration)" : "train loss (smoothed)",
                Theme.color(Theme.ACCENT),
                current.loss);
        accuracyChart.addLine(
                current.fullBatch ? "train (whole set)" : "train batch (smoothed)",
                Theme.color(Theme.ACCENT),
                current.batchAccuracy);
        accuracyChart.addLine("validation (held out)", Theme.color(Theme.LINE_2), current.validationAccuracy);
        accuracyChart.addLine("test set (epoch end)", Theme.color(Theme.LINE_3), current.testAccuracy);
        for (Run run : earlier) {
            String label = run.label.against(current.label.config());
            lossChart.addOverlay(label, run.loss);
            accuracyChart.addOverlay(label, run.validationAccuracy);
        }
        redraw();
    }
}
